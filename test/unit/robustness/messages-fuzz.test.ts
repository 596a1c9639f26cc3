// Messages (issue #6): the background validates every message against a schema. Thousands of seeded malformed
// messages (wrong types, missing and extra keys, `__proto__`/`constructor` keys from JSON.parse, huge arrays, deep
// nesting, unknown types) go through parseEnvelope: each must throw a TypeError with a readable message, never
// return, in bounded time, and leave Object.prototype untouched. Valid messages built the same way must pass.
import * as v from 'valibot';
import { afterAll, describe, expect, it } from 'vitest';
import { parseEnvelope, requests, SavedPaperSchema, type MessageName } from '../../../src/background/messages';
import type { SavedPaper } from '../../../src/storage/schema';
import { makePaper } from '../paper-factory';
import { hashSeed, Rng } from './mutate';
import { hostileStrings } from './payloads';
import { Findings, recordFigures } from '../../figures';

const BASE_SEED = Number(process.env.ROBUSTNESS_SEED ?? 20260712);
const MESSAGES = Number(process.env.ROBUSTNESS_MESSAGES ?? 6000);
const MESSAGE_BUDGET_MS = 1000;
const findings = new Findings();
const figures = { messagesTried: 0, validMessagesChecked: 0, pollutionChecks: 0 };
const started = performance.now();

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const record = (id: string): SavedPaper => ({
  id,
  paper: makePaper({ id, version: 2, doi: '10.1145/3292500.3330701' }),
  status: 'reading',
  tags: ['moe', 'long context'],
  note: 'Read section 3.',
  savedFrom: 'https://huggingface.co/papers/date/2026-07-02',
  savedAt: 1_750_000_000_000,
  updatedAt: 1_750_000_000_001,
});

/** One valid payload per message type: the starting point of every mutation. */
function validPayload(type: MessageName): Json {
  const payloads: Record<MessageName, unknown> = {
    lookup: { ids: ['arxiv:2401.00001', 'doi:10.1145/3292500.3330701', 'openreview:Xk9pQ2vN7a'] },
    edit: { id: 'arxiv:2401.00001', edit: { status: 'done', tags: ['moe'], note: 'a note' } },
    save: { paper: makePaper({ version: 3, doi: '10.18653/v1/2023.acl-long.1' }), savedFrom: 'https://huggingface.co/papers/date/2026-07-02' },
    remove: { id: 'arxiv:2401.00001' },
    removeMany: { ids: ['arxiv:2401.00001', 'doi:10.1145/3292500.3330701'] },
    list: {},
    listPage: { after: 'arxiv:2401.00001', count: 500 },
    restore: { record: record('arxiv:2401.00001') },
    restoreMany: { records: [record('arxiv:2401.00001'), record('arxiv:2401.00002')] },
    putMany: { records: [record('arxiv:2401.00001'), record('arxiv:2401.00002')] },
    merge: { keep: { id: 'arxiv:2401.00001', updatedAt: 1_750_000_000_001 }, others: [{ id: 'doi:10.1145/3292500.3330701', updatedAt: 1_750_000_000_001 }] },
    unmerge: { merged: { id: 'arxiv:2401.00001', updatedAt: 1_750_000_000_002 }, records: [record('arxiv:2401.00001'), record('arxiv:2401.00002')] },
    tagSettings: {},
    wake: {},
    settings: {},
    setSettings: { patch: { githubToken: 'ghp_x', watchedTopics: ['llm'], followedAuthors: ['Yann LeCun'], tagRules: [{ tag: 'rl', match: 'reward', fields: 'both' }], toolbarCount: false, relevance: { enabled: true } } },
    repos: { names: ['huggingface/transformers', 'pytorch/pytorch'] },
    repoFigures: { names: ['huggingface/transformers', 'pytorch/pytorch'] },
    paperRepos: { arxivIds: ['2401.00001', 'hep-th/9901001'] },
    relevance: { cards: [{ id: 'arxiv:2401.00001', title: 'Sparse experts', abstract: 'We route tokens.' }], context: [{ id: 'arxiv:2401.00002', title: 'Diffusion', abstract: null }] },
    resetRelevance: {},
    topics: { papers: [{ title: 'Sparse Mixture-of-Experts Routing', abstract: 'We route tokens to experts.' }, { title: 'Diffusion', abstract: null }] },
    editMany: { ids: ['arxiv:2401.00001', 'doi:10.1145/3292500.3330701'], edit: { status: 'done', addTags: ['moe'], renameTag: { from: 'rl', to: 'reinforcement learning' } } },
    tabPaper: { url: 'https://arxiv.org/pdf/2401.00001v2' },
    previewTabPaper: { url: 'https://dl.acm.org/doi/pdf/10.1145/3580305.3599256' },
    saveTabPaper: { url: 'https://openreview.net/pdf?id=Xk9pQ2vN7a' },
    checkVersions: { ids: ['arxiv:2401.00001', 'arxiv:hep-th/9901001'] },
    arxivVersions: {},
    followAuthor: { name: 'Yann LeCun', follow: true },
    followedCounts: { names: ['Yann LeCun', 'Hinton'] },
    importSettings: { settings: { watchedTopics: ['llm'], followedAuthors: ['Yann LeCun'], tagRules: [{ tag: 'rl', match: 'reward', fields: 'both' }], toolbarCount: false, relevance: { enabled: false } } },
  };
  return structuredClone(payloads[type]) as Json;
}

const TYPES = Object.keys(requests) as MessageName[];

/** Every path to an object inside a JSON value (where an extra key can go). */
function objectPaths(value: Json, path: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (Array.isArray(value)) value.forEach((item, i) => objectPaths(item, [...path, i], out));
  else if (value && typeof value === 'object') {
    out.push(path);
    for (const [k, item] of Object.entries(value)) objectPaths(item, [...path, k], out);
  }
  return out;
}

/** Every path to a value inside an object (not array items): what can be replaced or removed. */
function keyPaths(value: Json, path: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (Array.isArray(value)) value.forEach((item, i) => keyPaths(item, [...path, i], out));
  else if (value && typeof value === 'object') {
    for (const [k, item] of Object.entries(value)) {
      out.push([...path, k]);
      keyPaths(item, [...path, k], out);
    }
  }
  return out;
}

function at(root: Json, path: readonly (string | number)[]): Json {
  let value: Json = root;
  for (const key of path) value = (value as Record<string | number, Json>)[key]!;
  return value;
}

/** Optional keys (their absence is valid). */
const OPTIONAL = /^(?:edit\.(?:status|tags|note|addTags|removeTags|renameTag)|(?:patch|settings)\.(?:githubToken|watchedTopics|followedAuthors|tagRules|toolbarCount|relevance)|context|limit)$/;

/** A value no field of the protocol accepts in place of `current` (none takes two kinds; only settings are boolean). */
function wrongType(rng: Rng, current: Json): Json {
  if (typeof current === 'boolean') return rng.pick<Json>([String(current), 1, 0, {}, []]);
  if (typeof current === 'string') return rng.pick<Json>([42, true, {}, [], [current], -1]);
  if (typeof current === 'number') return rng.pick<Json>([String(current), true, [current], {}]);
  if (Array.isArray(current)) return rng.pick<Json>(['[]', 7, true, { 0: current[0] ?? 'x' } as Json]);
  if (current && typeof current === 'object') return rng.pick<Json>(['{}', 7, true, [current]]);
  return true; // null (a nullable field): booleans are never valid
}

let deep: Json = 'bottom';
for (let i = 0; i < 5000; i++) deep = [deep];

/** JSON text with an own key that means something to JavaScript objects, as a malicious sender would send it. */
function withDangerousKey(rng: Rng, payload: Json): { message: unknown; label: string } {
  const key = rng.pick(['__proto__', 'constructor', 'prototype']);
  const value = key === 'constructor' ? '{"prototype":{"polluted":"yes"}}' : '{"polluted":"yes","isAdmin":true}';
  const paths = objectPaths(payload);
  const path = rng.pick(paths);
  const text = JSON.stringify(payload);
  // Insert the key into the chosen object by re-serialising with a marker.
  const marker = `__marker_${rng.nextU32()}__`;
  const target = at(payload, path) as Record<string, Json>;
  target[marker] = null;
  const withMarker = JSON.stringify(payload).replace(`"${marker}":null`, `"${key}":${value}`);
  delete target[marker];
  void text;
  return { message: JSON.parse(`{"type":${JSON.stringify('x')},"payload":${withMarker}}`), label: `own "${key}" key at payload.${path.join('.')}` };
}

/** One malformed message and what was done to it. Every kind is invalid by construction. */
function malformed(rng: Rng): { message: unknown; label: string } {
  const type = rng.pick(TYPES);
  const payload = validPayload(type);
  const kind = rng.int(12);
  switch (kind) {
    case 0: {
      // Not an envelope at all.
      const junk: unknown[] = [null, undefined, 0, 1, -1, '', 'save', true, [], [type, payload], { payload }, { type: 42, payload }, { type: null }, { type: [type] }, { type: type.toUpperCase(), payload }, { type: ` ${type}`, payload }];
      return { message: rng.pick(junk), label: 'not an envelope' };
    }
    case 1: {
      const name = rng.pick(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'changed', 'reload', 'save-shortcut', 'get', 'delete', 'clear', 'eval', '', 'x'.repeat(10_000)]);
      return { message: JSON.parse(`{"type":${JSON.stringify(name)},"payload":${JSON.stringify(payload)}}`), label: `unknown type ${JSON.stringify(name.slice(0, 20))}` };
    }
    case 2: {
      // The payload itself missing or of the wrong kind ({} is valid for list, tagSettings and resetRelevance, so never used here).
      const bad = rng.pick<unknown>([undefined, null, 'payload', 5, true, [1], ['x'], 'x'.repeat(100_000)]);
      return { message: { type, payload: bad }, label: `payload ${JSON.stringify(bad)?.slice(0, 20)}` };
    }
    case 3: {
      // An extra key in a strict object (the payload or any object inside it).
      const path = rng.pick(objectPaths(payload));
      const key = rng.pick(['extra', 'id ', 'Id', 'isAdmin', 'then', '0', 'x'.repeat(rng.pick([1, 300, 100_000]))]);
      (at(payload, path) as Record<string, Json>)[key] = rng.pick<Json>([1, 'x', null, {}, deep]);
      return { message: { type, payload }, label: `extra key ${JSON.stringify(key.slice(0, 20))}(${key.length}) at payload.${path.join('.')}` };
    }
    case 4: {
      const { message, label } = withDangerousKey(rng, payload);
      (message as { type: string }).type = type;
      return { message, label };
    }
    case 5: {
      // A required key removed.
      const paths = keyPaths(payload).filter((p) => typeof p[p.length - 1] === 'string' && !OPTIONAL.test(p.filter((k) => typeof k === 'string').join('.')));
      if (!paths.length) return { message: { type, payload: { extra: true } }, label: 'extra key in an empty payload' };
      const path = rng.pick(paths);
      delete (at(payload, path.slice(0, -1)) as Record<string, Json>)[path[path.length - 1] as string];
      return { message: { type, payload }, label: `missing payload.${path.join('.')}` };
    }
    case 6: {
      // A value of the wrong type anywhere.
      const paths = keyPaths(payload);
      if (!paths.length) return { message: { type, payload: [0] }, label: 'array payload' };
      const path = rng.pick(paths);
      const parent = at(payload, path.slice(0, -1)) as Record<string | number, Json>;
      const key = path[path.length - 1]!;
      parent[key] = wrongType(rng, parent[key]!);
      return { message: { type, payload }, label: `wrong type at payload.${path.join('.')}: ${JSON.stringify(parent[key])?.slice(0, 30)}` };
    }
    case 7: {
      // Huge arrays past a schema's limit.
      const big = rng.pick(['ids', 'authors', 'githubRepos', 'records', 'tags'] as const);
      if (big === 'ids') return { message: { type: 'lookup', payload: { ids: Array.from({ length: 20_001 }, (_, i) => `arxiv:2401.${String(i).padStart(5, '0')}`) } }, label: '20,001 ids' };
      if (big === 'authors') return { message: { type: 'save', payload: { paper: makePaper({ authors: Array.from({ length: 5001 }, (_, i) => `A${i}`) }), savedFrom: 'https://x.org/' } }, label: '5,001 authors' };
      if (big === 'githubRepos') return { message: { type: 'save', payload: { paper: makePaper({ githubRepos: Array.from({ length: 21 }, (_, i) => `o/r${i}`) }), savedFrom: 'https://x.org/' } }, label: '21 repositories' };
      if (big === 'tags') return { message: { type: 'edit', payload: { id: 'arxiv:2401.00001', edit: { tags: Array.from({ length: 101 }, (_, i) => `t${i}`) } } }, label: '101 tags' };
      const one = record('arxiv:2401.00001');
      return { message: { type: 'putMany', payload: { records: [...Array.from({ length: 2000 }, () => one), { ...one, status: 'lost' }] } }, label: '2,001 records, the last bad' };
    }
    case 8: {
      // Deep nesting where a flat value belongs.
      const path = rng.pick(keyPaths(payload).length ? keyPaths(payload) : [['x']]);
      if (!keyPaths(payload).length) return { message: { type, payload: { x: deep } }, label: 'deep value under an unknown key' };
      (at(payload, path.slice(0, -1)) as Record<string | number, Json>)[path[path.length - 1]!] = deep;
      return { message: { type, payload }, label: `5,000-deep array at payload.${path.join('.')}` };
    }
    case 9: {
      // Strings past their limits or in the wrong shape.
      const cases: [MessageName, Json, string][] = [
        ['remove', { id: `arxiv:${'1'.repeat(300)}` }, 'id over 300'],
        ['remove', { id: 'ARXIV:2401.00001' }, 'upper-case prefix'],
        ['remove', { id: 'arxiv:2401 00001' }, 'space in id'],
        ['repos', { names: ['a/b/c'] }, 'three-part repo'],
        ['repos', { names: [`${'o'.repeat(40)}/r`] }, 'owner over 39'],
        ['repos', { names: [] }, 'no repo'],
        ['repos', { names: Array.from({ length: 51 }, (_, i) => `o/r${i}`) }, 'over 50 repos'],
        ['paperRepos', { arxivIds: ['2401.00001v2'] }, 'versioned arXiv id'],
        ['paperRepos', { arxivIds: Array.from({ length: 51 }, () => '2401.00001') }, 'over 50 arXiv ids'],
        ['edit', { id: 'arxiv:2401.00001', edit: { note: 'n'.repeat(100_001) } }, 'note over 100,000'],
        ['edit', { id: 'arxiv:2401.00001', edit: { status: 'later' } }, 'unknown status'],
        ['edit', { id: 'arxiv:2401.00001', edit: { tags: ['  '] } }, 'blank tag'],
        ['save', { paper: { ...(validPayload('save') as { paper: Json }).paper as Record<string, Json>, title: '' }, savedFrom: 'https://x.org/' }, 'empty title'],
        ['save', { paper: { ...(validPayload('save') as { paper: Json }).paper as Record<string, Json>, published: '2026-02-30' }, savedFrom: 'https://x.org/' }, 'impossible date'],
        ['save', { paper: { ...(validPayload('save') as { paper: Json }).paper as Record<string, Json>, upvotes: 1.5 }, savedFrom: 'https://x.org/' }, 'fractional count'],
        ['save', { paper: { ...(validPayload('save') as { paper: Json }).paper as Record<string, Json>, githubStars: -1 }, savedFrom: 'https://x.org/' }, 'negative count'],
        ['save', { paper: makePaper() as unknown as Json, savedFrom: 'javascript:alert(1)' }, 'script savedFrom'],
        ['save', { paper: { ...(validPayload('save') as { paper: Json }).paper as Record<string, Json>, version: 0 }, savedFrom: 'https://x.org/' }, 'version 0'],
        ['save', { paper: { ...(validPayload('save') as { paper: Json }).paper as Record<string, Json>, version: 2.5 }, savedFrom: 'https://x.org/' }, 'fractional version'],
        ['save', { paper: { ...(validPayload('save') as { paper: Json }).paper as Record<string, Json>, version: 1e9 }, savedFrom: 'https://x.org/' }, 'version past its bound'],
        ['save', { paper: { ...(validPayload('save') as { paper: Json }).paper as Record<string, Json>, id: 'doi:10.1145/3292500.3330701' }, savedFrom: 'https://x.org/' }, 'version on a DOI paper'],
        ['save', { paper: { ...(validPayload('save') as { paper: Json }).paper as Record<string, Json>, doi: '10.48550/arXiv.2607.01234' }, savedFrom: 'https://x.org/' }, "arXiv's own DOI as the paper's"],
        ['save', { paper: { ...(validPayload('save') as { paper: Json }).paper as Record<string, Json>, doi: 'doi:10.1145/1' }, savedFrom: 'https://x.org/' }, 'DOI with a prefix'],
        ['save', { paper: { ...(validPayload('save') as { paper: Json }).paper as Record<string, Json>, doi: `10.1145/${'1'.repeat(300)}` }, savedFrom: 'https://x.org/' }, 'DOI over 300'],
        ['save', { paper: { ...(validPayload('save') as { paper: Json }).paper as Record<string, Json>, doi: '' }, savedFrom: 'https://x.org/' }, 'empty DOI'],
      ];
      const [t, p, label] = rng.pick(cases);
      return { message: { type: t, payload: p }, label };
    }
    case 10: {
      // A hostile string in place of one string value.
      const paths = keyPaths(payload).filter((p) => typeof at(payload, p) === 'string');
      const hostile0 = rng.pick(hostileStrings().filter((s) => /[\s<>]/.test(s))); // white space or markup: no field allows both
      if (!paths.length) return { message: { type, payload: { [hostile0]: hostile0 } }, label: 'hostile key' };
      const path = rng.pick(paths);
      // A GitHub token is any printable ASCII without spaces (settings-schema.ts), so markup alone can be one: white space
      // is what it never holds.
      const hostile = path.join('.') === 'patch.githubToken' && !/\s/.test(hostile0) ? `${hostile0} ${hostile0}` : hostile0;
      const target = at(payload, path.slice(0, -1)) as Record<string | number, Json>;
      const key = path[path.length - 1]!;
      // Free-text fields accept any string: put the hostile string where text is not free.
      if (/^(?:paper\.(?:title|abstract|venue|authors\.\d+|categories\.\d+|source\.(?:site|page))|edit\.note|(?:patch|settings)\.(?:tagRules\.\d+\.(?:tag|match)|followedAuthors\.\d+)|name|names\.\d+|(?:cards|context|papers)\.\d+\.(?:title|abstract)|(?:record|records\.\d+)\.(?:note|paper\.(?:title|abstract|venue|authors\.\d+|categories\.\d+|source\.(?:site|page))))$/.test(path.join('.'))) {
        return { message: { type, payload: { ...(payload as Record<string, Json>), [hostile.slice(0, 50)]: hostile } }, label: 'hostile extra key' };
      }
      target[key] = hostile;
      return { message: { type, payload }, label: `hostile string at payload.${path.join('.')}` };
    }
    default: {
      // Arrays and objects swapped at the top.
      return { message: { type, payload: [payload] }, label: 'payload wrapped in an array' };
    }
  }
}

const READABLE = /^(?:Unknown message type|Invalid "[A-Za-z]+" message(?: at [^:]+)?: .+)$/s;

describe('parseEnvelope under fuzz', () => {
  const protoKeys = Object.getOwnPropertyNames(Object.prototype).sort();

  it('accepts the valid message of every type and returns exactly its payload', () => {
    for (const type of TYPES) {
      const payload = validPayload(type);
      const envelope = parseEnvelope(JSON.parse(JSON.stringify({ type, payload })));
      figures.validMessagesChecked++;
      expect(envelope).toEqual({ type, payload });
    }
    expect(v.is(SavedPaperSchema, record('arxiv:2401.00001'))).toBe(true);
  });

  it(`rejects ${MESSAGES} malformed messages with a readable TypeError, in bounded time, without pollution`, () => {
    const failures: string[] = [];
    let slowest = 0;
    for (let i = 0; i < MESSAGES && failures.length < 10; i++) {
      const seed = hashSeed(BASE_SEED, 'message', i);
      const rng = new Rng(seed);
      const { message, label } = malformed(rng);
      figures.messagesTried++;
      const start = performance.now();
      let outcome: unknown = 'returned';
      try {
        parseEnvelope(message);
      } catch (error) {
        outcome = error;
      }
      const ms = performance.now() - start;
      slowest = Math.max(slowest, ms);
      const where = `#${i} (seed ${seed}) ${label}`;
      if (outcome === 'returned') {
        failures.push(`${where}: accepted`);
        continue;
      }
      if (!(outcome instanceof TypeError)) failures.push(`${where}: threw ${String(outcome)} instead of a TypeError`);
      else {
        if (!READABLE.test(outcome.message)) failures.push(`${where}: unreadable message ${JSON.stringify(outcome.message.slice(0, 120))}`);
        // The error goes to the log and back to the sender: bounded, and never an echo of what was sent.
        if (outcome.message.length > 300) failures.push(`${where}: error message of ${outcome.message.length} chars`);
        if (/[<>\u0000-\u001f\u202a-\u202e\u2066-\u2069]|javascript:|received/i.test(outcome.message.replace(/[<>]=/g, ''))) failures.push(`${where}: error echoes the input: ${JSON.stringify(outcome.message.slice(0, 120))}`);
      }
      if (ms > MESSAGE_BUDGET_MS) failures.push(`${where}: took ${ms.toFixed(0)} ms`);
      if (i % 50 === 0) {
        figures.pollutionChecks++;
        if (({} as Record<string, unknown>).polluted !== undefined || ({} as Record<string, unknown>).isAdmin !== undefined) failures.push(`${where}: Object.prototype polluted`);
      }
    }
    figures.pollutionChecks++;
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoKeys);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    expect(failures, failures.join('\n')).toEqual([]);
    expect(slowest).toBeLessThan(MESSAGE_BUDGET_MS);
  }, 60_000);

  it('never copies a dangerous own key into what it returns', () => {
    // Valid messages that carry `__proto__` at the envelope (not in a strict object): the returned envelope
    // is rebuilt from the schema, so nothing but `type` and `payload` crosses.
    const message = JSON.parse('{"type":"list","payload":{},"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}');
    const envelope = parseEnvelope(message) as unknown as Record<string, unknown>;
    figures.validMessagesChecked++;
    expect(Object.keys(envelope).sort()).toEqual(['payload', 'type']);
    expect(Object.getPrototypeOf(envelope)).toBe(Object.prototype);
    expect(envelope.polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

afterAll(() => {
  recordFigures({
    suite: 'messages-fuzz',
    durationMs: Math.round(performance.now() - started),
    seed: BASE_SEED,
    counts: { messagesTried: figures.messagesTried, validMessagesChecked: figures.validMessagesChecked, pollutionChecks: figures.pollutionChecks },
    findings: findings.list(),
  });
  console.log(`[robustness] messages: ${figures.messagesTried} malformed messages rejected (seed ${BASE_SEED}), ${figures.validMessagesChecked} valid ones accepted`);
  for (const f of findings.list()) console.log(`[robustness] finding ${f.id} x${f.count}: ${f.summary}\n    e.g. ${f.example?.slice(0, 300)}`);
});
