import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { makePaper } from '../../test/unit/paper-factory';
import { area, savedRecord } from '../../test/unit/relevance-data';
import { openDatabase, savePaper, type Database } from '../storage/reading-list';
import { loadRelevanceModel } from '../storage/relevance';
import { DEFAULT_SETTINGS } from '../storage/settings';
import { handle, type HandlerDeps } from './handlers';
import { createRelevanceService } from './relevance';
import { createSettingsService } from './settings';
import type { Settings } from '../storage/settings';
import type { SavedPaper } from '../storage/schema';
import type { Paper } from '../core/paper';
import * as v from 'valibot';
import { allowedRequest, BATCH_MAX, pageReply, ChangedNoticeSchema, CONTENT_SCRIPT_REQUESTS, noticeOf, parseEnvelope, ReloadNoticeSchema, requests, SettingsNoticeSchema, type Notice, type Responses } from './messages';
import { compileTaxonomy } from '../core/tags/match';
import { createTagger } from '../content/tagger';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

describe('parseEnvelope', () => {
  it('accepts a well-formed save', () => {
    const envelope = parseEnvelope({ type: 'save', payload: { paper: makePaper(), savedFrom: 'https://huggingface.co/papers' } });
    expect(envelope.type).toBe('save');
  });

  it("accepts an arXiv paper's version and journal DOI (any case: DOIs compare case-insensitively)", () => {
    const paper = makePaper({ version: 3, doi: '10.1109/CVPR52733.2024.00123' });
    const envelope = parseEnvelope({ type: 'save', payload: { paper, savedFrom: 'https://arxiv.org/abs/2607.01234v3' } });
    expect(envelope.payload).toMatchObject({ paper: { version: 3, doi: '10.1109/CVPR52733.2024.00123' } });
  });

  it('accepts the mark of a list cut with its length unknown (Paper.authorsCut), only as true', () => {
    const paper = makePaper({ authorsCut: true });
    expect(parseEnvelope({ type: 'save', payload: { paper, savedFrom: 'https://scholar.google.com/scholar?q=x' } }).payload).toMatchObject({ paper: { authorsCut: true } });
    for (const authorsCut of [false, 'yes', 1]) {
      const odd = { ...makePaper(), authorsCut } as unknown as Paper;
      expect(() => parseEnvelope({ type: 'save', payload: { paper: odd, savedFrom: 'https://x.example/' } })).toThrow(/at paper\.authorsCut/);
    }
  });

  it('accepts a date at the precision a page gives it: a year, a month, a day', () => {
    for (const published of ['2019', '2019-07', '2019-07-21']) {
      expect(parseEnvelope({ type: 'save', payload: { paper: makePaper({ published }), savedFrom: 'https://x.example/' } }).payload).toMatchObject({ paper: { published } });
    }
  });

  it.each([
    ['an unknown type', { type: 'dropDatabase', payload: {} }, /Unknown message type/],
    ['no payload', { type: 'list' }, /Invalid "list" message/],
    ['a page too large', { type: 'listPage', payload: { after: null, count: 100_000 } }, /Invalid "listPage"/],
    ['a page after a non-id', { type: 'listPage', payload: { after: '', count: 10 } }, /Invalid "listPage"|canonical paper id/],
    ['extra keys', { type: 'remove', payload: { id: 'arxiv:1', evil: 1 } }, /Invalid "remove"/],
    ['a bad id', { type: 'remove', payload: { id: '<img src=x>' } }, /canonical paper id/],
    ['a javascript: URL', { type: 'save', payload: { paper: makePaper({ url: 'javascript:alert(1)' }), savedFrom: 'https://x.example/' } }, /at paper\.url/],
    ['a bad repo', { type: 'save', payload: { paper: makePaper({ githubRepos: ['a/b/c'] }), savedFrom: 'https://x.example/' } }, /paper\.githubRepos/],
    ['an empty title', { type: 'save', payload: { paper: makePaper({ title: '' }), savedFrom: 'https://x.example/' } }, /paper\.title/],
    ['a huge abstract', { type: 'save', payload: { paper: makePaper({ abstract: 'x'.repeat(60_000) }), savedFrom: 'https://x.example/' } }, /paper\.abstract/],
    ['an impossible date', { type: 'save', payload: { paper: makePaper({ published: '2023-02-29' }), savedFrom: 'https://x.example/' } }, /at paper\.published/],
    ['a month 13', { type: 'save', payload: { paper: makePaper({ published: '2019-13' }), savedFrom: 'https://x.example/' } }, /at paper\.published/],
    ['a date in words', { type: 'save', payload: { paper: makePaper({ published: 'July 2019' }), savedFrom: 'https://x.example/' } }, /at paper\.published/],
    ['a version 0', { type: 'save', payload: { paper: makePaper({ version: 0 }), savedFrom: 'https://x.example/' } }, /at paper\.version/],
    ['a version past its bound', { type: 'save', payload: { paper: makePaper({ version: 1001 }), savedFrom: 'https://x.example/' } }, /at paper\.version/],
    ['a version on a non-arXiv paper', { type: 'save', payload: { paper: makePaper({ id: 'openreview:Xk9pQ2vN7a', version: 2 }), savedFrom: 'https://x.example/' } }, /only an arXiv paper has a version/],
    ["arXiv's own DOI as the paper's", { type: 'save', payload: { paper: makePaper({ doi: '10.48550/arXiv.2607.01234' }), savedFrom: 'https://x.example/' } }, /at paper\.doi/],
    ['a DOI with text around it', { type: 'save', payload: { paper: makePaper({ doi: 'see 10.1145/3292500.3330701' }), savedFrom: 'https://x.example/' } }, /at paper\.doi/],
    ['null', null, /Unknown message type/],
    ['a bad status', { type: 'edit', payload: { id: 'arxiv:1', edit: { status: 'deleted' } } }, /at edit\.status/],
    ['a tag with markup', { type: 'edit', payload: { id: 'arxiv:1', edit: { tags: ['<b>x</b>'] } } }, /tags are letters/],
    ['too many relevance cards', { type: 'relevance', payload: { cards: Array.from({ length: 501 }, (_, i) => ({ id: `arxiv:${i}`, title: 't', abstract: null })) } }, /Invalid "relevance" message at cards/],
    ['a long relevance abstract', { type: 'relevance', payload: { cards: [{ id: 'arxiv:1', title: 't', abstract: 'x'.repeat(5001) }] } }, /at cards\.0\.abstract/],
    ['a relevance card with extra fields', { type: 'relevance', payload: { cards: [{ id: 'arxiv:1', title: 't', abstract: null, authors: [] }] } }, /Invalid "relevance"/],
    ['a relevance card without a title', { type: 'relevance', payload: { cards: [{ id: 'arxiv:1', title: '', abstract: null }] } }, /at cards\.0\.title/],
    ['a relevance card with a bad id', { type: 'relevance', payload: { cards: [{ id: '<x>', title: 't', abstract: null }] } }, /canonical paper id/],
    ['too much relevance context', { type: 'relevance', payload: { cards: [], context: Array.from({ length: 501 }, (_, i) => ({ id: `arxiv:${i}`, title: 't', abstract: null })) } }, /at context/],
    ['a reset with a payload', { type: 'resetRelevance', payload: { all: true } }, /Invalid "resetRelevance"/],
  ])('rejects %s', (_name, message, error) => {
    expect(() => parseEnvelope(message)).toThrow(error);
  });
});

/** The handler's dependencies over `db` (its open may fail): no GitHub, default settings; `extra` replaces any of them. */
function depsOver(db: () => Promise<Database>, extra: Partial<HandlerDeps> = {}): HandlerDeps {
  return { db, broadcast: () => {}, repos: { repo: async () => null, paperRepos: async () => [], figures: async (names) => names.map(() => null) }, settings: async () => DEFAULT_SETTINGS, saveSettings: async () => DEFAULT_SETTINGS, relevance: createRelevanceService(db), links: { resolve: async () => Promise.reject(new Error('not asked')), latestVersions: async () => ({ status: 'failed' as const, reason: 'not asked' }) }, granted: async () => false, ...extra };
}

describe('handle', () => {
  it('saves, answers statuses, lists and removes, broadcasting each change', async () => {
    const notices: Notice[] = [];
    const db = await openDatabase();
    const deps = depsOver(async () => db, { broadcast: (n: Notice) => void notices.push(n), settings: async () => ({ ...DEFAULT_SETTINGS, githubToken: 'secret' }) });
    const paper = makePaper();
    await handle(parseEnvelope({ type: 'save', payload: { paper, savedFrom: 'https://huggingface.co/papers' } }), deps);
    expect(await handle(parseEnvelope({ type: 'lookup', payload: { ids: [paper.id] } }), deps)).toEqual({ [paper.id]: { status: 'to-read', tags: [] } });
    await handle(parseEnvelope({ type: 'edit', payload: { id: paper.id, edit: { status: 'reading', tags: [' moe '] } } }), deps);
    expect(await handle(parseEnvelope({ type: 'list', payload: {} }), deps)).toHaveLength(1);
    await handle(parseEnvelope({ type: 'remove', payload: { id: paper.id } }), deps);
    await handle(parseEnvelope({ type: 'remove', payload: { id: paper.id } }), deps); // not saved: no notice
    expect(notices).toEqual([
      { type: 'changed', id: paper.id, aliases: [], state: { status: 'to-read', tags: [] } },
      { type: 'changed', id: paper.id, aliases: [], state: { status: 'reading', tags: ['moe'] } },
      { type: 'changed', id: paper.id, aliases: [], state: null },
    ]);
  });

  it("checks saved arXiv papers' newest versions: one batch asked by arXiv id, kept, read back; a failure's reason is the error", async () => {
    const db = await openDatabase();
    const asked: string[][] = [];
    let answer: Awaited<ReturnType<HandlerDeps['links']['latestVersions']>> = { status: 'ok', entries: [{ id: '2401.00001', version: 3, updated: '2026-11-02', comment: 'Camera-ready for ICML 2026', doi: null, journalRef: null }, { id: 'hep-th/9901001', version: 2, updated: null, comment: null, doi: null, journalRef: null }] };
    const deps = depsOver(async () => db, { links: { resolve: async () => Promise.reject(new Error('not asked')), latestVersions: async (ids) => (asked.push([...ids]), answer) } });
    const checked = await handle(parseEnvelope({ type: 'checkVersions', payload: { ids: ['arxiv:2401.00001', 'arxiv:hep-th/9901001'] } }), deps);
    expect(asked).toEqual([['2401.00001', 'hep-th/9901001']]);
    const { entries } = checked as { entries: unknown[] };
    expect(checked).toEqual({
      entries: [
        { key: '2401.00001', version: 3, updated: '2026-11-02', checkedAt: expect.any(Number), comment: 'Camera-ready for ICML 2026' },
        { key: 'hep-th/9901001', version: 2, updated: null, checkedAt: expect.any(Number) },
      ],
      published: [],
    });
    expect(await handle(parseEnvelope({ type: 'arxivVersions', payload: {} }), deps)).toEqual(entries);
    answer = { status: 'failed', reason: 'arXiv answered HTTP 503 (busy: try again in a few minutes)' };
    await expect(handle(parseEnvelope({ type: 'checkVersions', payload: { ids: ['arxiv:2401.00001'] } }), deps)).rejects.toThrow('arXiv answered HTTP 503 (busy: try again in a few minutes)');
    expect(await handle(parseEnvelope({ type: 'arxivVersions', payload: {} }), deps)).toEqual(entries); // what the last check said stays
  });

  it("a check fills in the journal DOI arXiv gives a saved paper, telling every tab (cards answer to the DOI now)", async () => {
    const db = await openDatabase();
    const notices: Notice[] = [];
    const latestVersions = async () => ({ status: 'ok' as const, entries: [{ id: '2401.00001', version: 2, updated: '2026-11-02', comment: null, doi: '10.1145/3650000.3650123', journalRef: 'KDD 2026' }] });
    const deps = depsOver(async () => db, { broadcast: (n: Notice) => void notices.push(n), links: { resolve: async () => Promise.reject(new Error('not asked')), latestVersions } });
    await handle(parseEnvelope({ type: 'save', payload: { paper: makePaper({ id: 'arxiv:2401.00001' }), savedFrom: 'https://arxiv.org/abs/2401.00001' } }), deps);
    notices.length = 0;
    const answer = await handle(parseEnvelope({ type: 'checkVersions', payload: { ids: ['arxiv:2401.00001'] } }), deps);
    expect(answer).toMatchObject({ published: ['arxiv:2401.00001'] });
    expect(notices).toEqual([{ type: 'changed', id: 'arxiv:2401.00001', aliases: ['doi:10.1145/3650000.3650123'], state: { status: 'to-read', tags: [] } }]);
    expect(await handle(parseEnvelope({ type: 'checkVersions', payload: { ids: ['arxiv:2401.00001'] } }), deps)).toMatchObject({ published: [] }); // once
  });

  it('refuses a check of a paper that is not arXiv’s, of one paper twice, of none or of more than a batch', () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `arxiv:2401.${String(i).padStart(5, '0')}`);
    expect(() => parseEnvelope({ type: 'checkVersions', payload: { ids: ['doi:10.1145/1'] } })).toThrow(/must be an arXiv paper id/);
    // Its ids go into arXiv's query as they are: only an arXiv id, as saving one gives it (no version, nothing else).
    for (const id of ['arxiv:2401.00001#', 'arxiv:2401.00001&max_results=1', 'arxiv:2401.00001v2', 'arxiv:../../x', 'arxiv:math.GT/0309136']) {
      expect(() => parseEnvelope({ type: 'checkVersions', payload: { ids: [id] } }), id).toThrow(/must be an arXiv paper id/);
    }
    expect(() => parseEnvelope({ type: 'checkVersions', payload: { ids: ['arxiv:2401.00001', 'arxiv:2401.00001'] } })).toThrow(/each paper once/);
    expect(() => parseEnvelope({ type: 'checkVersions', payload: { ids: [] } })).toThrow(/Invalid "checkVersions"/);
    expect(() => parseEnvelope({ type: 'checkVersions', payload: { ids: ids(101) } })).toThrow(/Invalid "checkVersions"/);
    expect(() => parseEnvelope({ type: 'checkVersions', payload: { ids: ids(100) } })).not.toThrow();
    expect(() => parseEnvelope({ type: 'edit', payload: { id: 'arxiv:2401.00001', edit: { seenVersion: 0 } } })).toThrow(/at edit\.seenVersion/);
  });

  it('"Seen" raises the version the reader saw, never lowers it, and leaves the edit time: no notice of a new state needed', async () => {
    const db = await openDatabase();
    const deps = depsOver(async () => db);
    const paper = makePaper({ id: 'arxiv:2401.00001', version: 1 });
    const saved = await handle(parseEnvelope({ type: 'save', payload: { paper, savedFrom: 'https://arxiv.org/abs/2401.00001v1' } }), deps) as SavedPaper;
    const seen = await handle(parseEnvelope({ type: 'edit', payload: { id: paper.id, edit: { seenVersion: 3 } } }), deps) as SavedPaper;
    expect(seen.paper.version).toBe(3);
    expect(seen.updatedAt).toBe(saved.updatedAt);
    const again = await handle(parseEnvelope({ type: 'edit', payload: { id: paper.id, edit: { seenVersion: 2, status: 'done' } } }), deps) as SavedPaper;
    expect(again).toMatchObject({ status: 'done', paper: { version: 3 } });
    const list = await handle(parseEnvelope({ type: 'list', payload: {} }), deps) as SavedPaper[];
    expect(list[0]!.paper.version).toBe(3);
  });

  it('follows a paper by any of its ids: lookup with a card\'s aliases, edits and removal by an alias, notices naming the record', async () => {
    const notices: Notice[] = [];
    const db = await openDatabase();
    const deps = depsOver(async () => db, { broadcast: (n: Notice) => void notices.push(n) });
    const cvf = 'cvf:CVPR_2023/Smith_Example_CVPR_2023';
    const doi = 'doi:10.1109/cvpr52729.2023.01234';
    await handle(parseEnvelope({ type: 'save', payload: { paper: makePaper({ id: cvf }), savedFrom: 'https://openaccess.thecvf.com/CVPR2023' } }), deps);
    // A dblp card gives the paper's DOI as its id and names the CVF page: the lookup finds the paper through it.
    expect(await handle(parseEnvelope({ type: 'lookup', payload: { ids: [doi], aliases: { [doi]: [cvf] } } }), deps)).toEqual({ [doi]: { status: 'to-read', tags: [], savedAs: cvf } });
    await handle(parseEnvelope({ type: 'save', payload: { paper: makePaper({ id: doi, aliases: [cvf] }), savedFrom: 'https://dblp.org/db/conf/cvpr/cvpr2023.html' } }), deps);
    await handle(parseEnvelope({ type: 'edit', payload: { id: doi, edit: { status: 'done' } } }), deps);
    await handle(parseEnvelope({ type: 'remove', payload: { id: doi } }), deps);
    expect(notices).toEqual([
      { type: 'changed', id: cvf, aliases: [], state: { status: 'to-read', tags: [] } },
      { type: 'changed', id: cvf, aliases: [doi], state: { status: 'to-read', tags: [] } },
      { type: 'changed', id: cvf, aliases: [doi], state: { status: 'done', tags: [] } },
      { type: 'changed', id: cvf, aliases: [doi], state: null },
    ]);
    // A lookup's aliases are ids too: a hostile page cannot slip anything else in.
    expect(() => parseEnvelope({ type: 'lookup', payload: { ids: [doi], aliases: { [doi]: ['javascript:alert(1)'] } } })).toThrow(/Invalid "lookup" message/);
    expect(() => parseEnvelope({ type: 'lookup', payload: { ids: [doi], aliases: { 'not an id': [cvf] } } })).toThrow(/Invalid "lookup" message/);
  });

  it('restores a removed record exactly, and writes many records in one go with one reload notice', async () => {
    const notices: Notice[] = [];
    const db = await openDatabase();
    const deps = depsOver(async () => db, { broadcast: (n: Notice) => void notices.push(n), settings: async () => ({ ...DEFAULT_SETTINGS, githubToken: 'secret' }) });
    const saved = await handle(parseEnvelope({ type: 'save', payload: { paper: makePaper(), savedFrom: 'https://huggingface.co/papers' } }), deps);
    const edited = { ...(saved as object), note: 'keep me', tags: ['moe'] };
    await handle(parseEnvelope({ type: 'remove', payload: { id: 'arxiv:2607.01234' } }), deps);
    await handle(parseEnvelope({ type: 'restore', payload: { record: edited } }), deps);
    expect(await handle(parseEnvelope({ type: 'list', payload: {} }), deps)).toEqual([edited]);
    const many = Array.from({ length: 50 }, (_, i) => ({ ...edited, id: `arxiv:2607.${String(10000 + i)}`, paper: makePaper({ id: `arxiv:2607.${String(10000 + i)}` }) }));
    notices.length = 0;
    expect(await handle(parseEnvelope({ type: 'putMany', payload: { records: many } }), deps)).toEqual({ written: 50 });
    expect(notices).toEqual([{ type: 'reload' }]);
    expect(await handle(parseEnvelope({ type: 'list', payload: {} }), deps)).toHaveLength(51);
    // Page by page: 20, 20, 11, in id order, the last page saying it is the last.
    const pages: { papers: SavedPaper[]; next: string | null }[] = [];
    for (let after: string | null = null, n = 0; n === 0 || after !== null; n++) {
      const page = (await handle(parseEnvelope({ type: 'listPage', payload: { after, count: 20 } }), deps)) as (typeof pages)[number];
      pages.push(page);
      after = page.next;
    }
    expect(pages.map((p) => p.papers.length)).toEqual([20, 20, 11]);
    const ids = pages.flatMap((p) => p.papers.map((r) => r.id));
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(51);
    notices.length = 0;
    const bulk = (await handle(parseEnvelope({ type: 'editMany', payload: { ids: many.slice(0, 3).map((r) => r.id), edit: { status: 'done' } } }), deps)) as { written: number; at: number };
    expect(bulk).toEqual({ written: 3, at: expect.any(Number) });
    expect(notices).toEqual([{ type: 'reload' }]);
    const list = (await handle(parseEnvelope({ type: 'list', payload: {} }), deps)) as SavedPaper[];
    expect(list.filter((r) => r.status === 'done').map((r) => r.id).sort()).toEqual(many.slice(0, 3).map((r) => r.id).sort());
    // The edit's time is the one the records were given: the page shows them as stored.
    expect(list.filter((r) => r.status === 'done').every((r) => r.updatedAt === bulk.at)).toBe(true);
  });

  it('merges two records of one paper: the other one removed, then the merged one naming its id; undo puts both back', async () => {
    const notices: Notice[] = [];
    const db = await openDatabase();
    const deps = depsOver(async () => db, { broadcast: (n: Notice) => void notices.push(n) });
    const cvf = 'cvf:CVPR2024/html/Lovelace_Rethinking_Attention_CVPR_2024_paper';
    const doi = 'doi:10.1109/cvpr52733.2024.00123';
    const a = (await handle(parseEnvelope({ type: 'save', payload: { paper: makePaper({ id: cvf }), savedFrom: 'https://openaccess.thecvf.com/CVPR2024' } }), deps)) as SavedPaper;
    const b = (await handle(parseEnvelope({ type: 'save', payload: { paper: makePaper({ id: doi }), savedFrom: 'https://dblp.org/db/conf/cvpr/cvpr2024.html' } }), deps)) as SavedPaper;
    notices.length = 0;
    const version = (r: SavedPaper) => ({ id: r.id, updatedAt: r.updatedAt });
    const { merged, originals } = (await handle(parseEnvelope({ type: 'merge', payload: { keep: version(b), others: [version(a)] } }), deps)) as { merged: SavedPaper; originals: SavedPaper[] };
    expect(originals).toEqual([b, a]);
    expect(notices).toEqual([
      { type: 'changed', id: cvf, aliases: [], state: null },
      { type: 'changed', id: doi, aliases: [cvf], state: { status: 'to-read', tags: [] } },
    ]);
    expect(await handle(parseEnvelope({ type: 'lookup', payload: { ids: [cvf] } }), deps)).toEqual({ [cvf]: { status: 'to-read', tags: [], savedAs: doi } });
    // The library's copy is stale now: a second merge of the same versions is refused, and so is a stale undo.
    await expect(handle(parseEnvelope({ type: 'merge', payload: { keep: version(b), others: [version(a)] } }), deps)).rejects.toThrow(/nothing was merged/);
    await expect(handle(parseEnvelope({ type: 'unmerge', payload: { merged: { id: doi, updatedAt: 1 }, records: originals } }), deps)).rejects.toThrow(/changed since/);
    notices.length = 0;
    expect(await handle(parseEnvelope({ type: 'unmerge', payload: { merged: version(merged), records: originals } }), deps)).toEqual([b, a]);
    expect(notices).toEqual([
      { type: 'changed', id: doi, aliases: [], state: { status: 'to-read', tags: [] } },
      { type: 'changed', id: cvf, aliases: [], state: { status: 'to-read', tags: [] } },
    ]);
    expect(await handle(parseEnvelope({ type: 'lookup', payload: { ids: [cvf, doi] } }), deps)).toEqual({ [cvf]: { status: 'to-read', tags: [] }, [doi]: { status: 'to-read', tags: [] } });
  });

  it('refuses a malformed merge or undo of one', () => {
    const keep = { id: 'doi:10.1109/x', updatedAt: 5 };
    const other = { id: 'cvf:X', updatedAt: 5 };
    const record = (id: string): SavedPaper => ({ id, paper: makePaper({ id }), status: 'to-read', tags: [], note: '', savedFrom: '', savedAt: 1, updatedAt: 1 });
    expect(parseEnvelope({ type: 'merge', payload: { keep, others: [other] } }).type).toBe('merge');
    const bad: [unknown, RegExp][] = [
      [{ keep, others: [] }, /others/],
      [{ keep, others: [keep] }, /each record once/],
      [{ keep, others: [other, other] }, /each record once/],
      [{ keep, others: Array.from({ length: 21 }, (_, i) => ({ id: `cvf:X${i}`, updatedAt: 1 })) }, /others/],
      [{ keep: { id: 'javascript:alert(1)', updatedAt: 5 }, others: [other] }, /keep\.id/],
      [{ keep: { ...keep, updatedAt: -1 }, others: [other] }, /keep\.updatedAt/],
      [{ keep: { ...keep, updatedAt: '5' }, others: [other] }, /keep\.updatedAt/],
      [{ keep: { ...keep, extra: 1 }, others: [other] }, /unexpected key/],
      [{ keep }, /others/],
    ];
    for (const [payload, message] of bad) expect(() => parseEnvelope({ type: 'merge', payload })).toThrow(message);
    expect(parseEnvelope({ type: 'unmerge', payload: { merged: keep, records: [record(keep.id), record(other.id)] } }).type).toBe('unmerge');
    for (const records of [[record(other.id), record(keep.id)], [record(keep.id), record(keep.id)], [record(keep.id)], [record(keep.id), { ...record(other.id), status: 'lost' }]]) {
      expect(() => parseEnvelope({ type: 'unmerge', payload: { merged: keep, records } })).toThrow(/Invalid "unmerge" message/);
    }
  });

  it('an undone remove does not overwrite the paper saved again meanwhile (another tab): the two become one record', async () => {
    const notices: Notice[] = [];
    const db = await openDatabase();
    const deps = depsOver(async () => db, { broadcast: (n: Notice) => void notices.push(n) });
    const paper = makePaper();
    await handle(parseEnvelope({ type: 'save', payload: { paper, savedFrom: 'https://huggingface.co/papers' } }), deps);
    await handle(parseEnvelope({ type: 'edit', payload: { id: paper.id, edit: { status: 'done', tags: ['moe'], note: 'old note' } } }), deps);
    const removed = (await handle(parseEnvelope({ type: 'remove', payload: { id: paper.id } }), deps)) as SavedPaper;
    // Saved again in another tab, then read and tagged there, a moment later.
    const again = makePaper({ upvotes: 99 });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await handle(parseEnvelope({ type: 'save', payload: { paper: again, savedFrom: 'https://arxiv.org/list/cs.LG/new' } }), deps);
    const newer = (await handle(parseEnvelope({ type: 'edit', payload: { id: paper.id, edit: { status: 'reading', tags: ['fresh'], note: 'new note' } } }), deps)) as SavedPaper;
    notices.length = 0;
    const restored = (await handle(parseEnvelope({ type: 'restore', payload: { record: removed } }), deps)) as SavedPaper;
    const [stored] = (await handle(parseEnvelope({ type: 'list', payload: {} }), deps)) as SavedPaper[];
    expect(stored).toEqual(restored);
    // The newer edit keeps its status and metadata; nothing the user wrote on either side is lost; the first save stays.
    expect(stored).toMatchObject({ status: 'reading', tags: ['fresh', 'moe'], savedAt: removed.savedAt, savedFrom: removed.savedFrom, updatedAt: newer.updatedAt, paper: { upvotes: 99 } });
    expect(stored?.note).toContain('new note');
    expect(stored?.note).toContain('old note');
    expect(notices).toEqual([{ type: 'changed', id: paper.id, aliases: [], state: { status: 'reading', tags: ['fresh', 'moe'] } }]);
  });

  it('an undone bulk remove puts back what was removed in one go, merging a paper saved again meanwhile', async () => {
    const notices: Notice[] = [];
    const db = await openDatabase();
    const restoredIds: string[][] = [];
    const deps = depsOver(async () => db, { broadcast: (n: Notice) => void notices.push(n), restored: (ids) => void restoredIds.push(ids) });
    const papers = [makePaper({ id: 'arxiv:2607.00001' }), makePaper({ id: 'arxiv:2607.00002' })];
    for (const paper of papers) await handle(parseEnvelope({ type: 'save', payload: { paper, savedFrom: 'https://huggingface.co/papers' } }), deps);
    await handle(parseEnvelope({ type: 'edit', payload: { id: papers[0]!.id, edit: { tags: ['old'], note: 'old note' } } }), deps);
    const removed = (await handle(parseEnvelope({ type: 'removeMany', payload: { ids: papers.map((p) => p.id) } }), deps)) as SavedPaper[];
    await new Promise((resolve) => setTimeout(resolve, 5));
    await handle(parseEnvelope({ type: 'save', payload: { paper: papers[0]!, savedFrom: 'https://arxiv.org/list/cs.LG/new' } }), deps);
    await handle(parseEnvelope({ type: 'edit', payload: { id: papers[0]!.id, edit: { status: 'done', tags: ['new'] } } }), deps);
    notices.length = 0;
    const restored = (await handle(parseEnvelope({ type: 'restoreMany', payload: { records: removed } }), deps)) as SavedPaper[];
    expect(notices).toEqual([{ type: 'reload' }]);
    expect(restored.map((r) => r.id)).toEqual(papers.map((p) => p.id));
    // Told after the write, for a link's stand-in whose metadata came while it was removed (prompt-save.ts).
    expect(restoredIds).toEqual([papers.map((p) => p.id)]);
    await handle(parseEnvelope({ type: 'remove', payload: { id: papers[1]!.id } }), deps).then((one) => handle(parseEnvelope({ type: 'restore', payload: { record: one as SavedPaper } }), deps));
    expect(restoredIds).toEqual([papers.map((p) => p.id), [papers[1]!.id]]);
    expect(restored[0]).toMatchObject({ status: 'done', tags: ['new', 'old'], note: 'old note', savedAt: removed[0]!.savedAt });
    expect(restored[1]).toEqual(removed[1]);
    const list = (await handle(parseEnvelope({ type: 'list', payload: {} }), deps)) as SavedPaper[];
    expect([...list].sort((a, b) => a.id.localeCompare(b.id))).toEqual(restored);
  });

  it('removes many papers in one transaction with one reload notice, answering the removed records for undo', async () => {
    const notices: Notice[] = [];
    const db = await openDatabase();
    const deps = depsOver(async () => db, { broadcast: (n: Notice) => void notices.push(n) });
    const ids = ['arxiv:2607.00001', 'arxiv:2607.00002', 'arxiv:2607.00003'];
    for (const id of ids) await savePaper(db, makePaper({ id }), { savedFrom: 'https://huggingface.co/papers' });
    const removed = (await handle(parseEnvelope({ type: 'removeMany', payload: { ids: [ids[0], 'arxiv:2607.09999', ids[2]] } }), deps)) as SavedPaper[];
    expect(removed.map((r) => r.id)).toEqual([ids[0], ids[2]]);
    expect(notices).toEqual([{ type: 'reload' }]);
    expect((await handle(parseEnvelope({ type: 'list', payload: {} }), deps) as SavedPaper[]).map((r) => r.id)).toEqual([ids[1]]);
    expect(await handle(parseEnvelope({ type: 'lookup', payload: { ids } }), deps)).toEqual({ [ids[0]!]: null, [ids[1]!]: { status: 'to-read', tags: [] }, [ids[2]!]: null });
    expect((await loadRelevanceModel(db)).docs).toEqual({ [ids[1]!]: expect.anything() });
    notices.length = 0;
    expect(await handle(parseEnvelope({ type: 'removeMany', payload: { ids: ['arxiv:2607.09999'] } }), deps)).toEqual([]);
    expect(notices).toEqual([]); // nothing removed, nothing to tell
    expect(allowedRequest('removeMany', 'https://huggingface.co/papers', 'chrome-extension://abc/')).toBe(false); // never from a web page
  });

  it("takes a content script's edit of the status only: a page cannot empty a paper's note or tags, which no card changes", () => {
    const page = 'https://huggingface.co/papers';
    const base = 'chrome-extension://abc/';
    const edit = (change: unknown) => ({ type: 'edit', payload: { id: 'arxiv:2607.00001', edit: change } });
    expect(allowedRequest('edit', page, base, edit({ status: 'done' }))).toBe(true);
    for (const change of [{ note: '' }, { tags: [] }, { removeTags: ['x'] }, { renameTag: { from: 'a', to: 'b' } }, { seenVersion: 9 }, { status: 'done', note: '' }, null, 'status']) {
      expect(allowedRequest('edit', page, base, edit(change))).toBe(false);
    }
    expect(allowedRequest('edit', `${base}src/popup/index.html`, base, edit({ note: 'mine' }))).toBe(true); // the popup's
  });

  it('writes nothing when one record of a batch fails', async () => {
    const db = await openDatabase();
    const { putPapers, listPapers } = await import('../storage/reading-list');
    const good = { id: 'arxiv:2607.00001', paper: makePaper({ id: 'arxiv:2607.00001' }), status: 'to-read' as const, tags: [], note: '', savedFrom: 'https://x.example/', savedAt: 1, updatedAt: 1 };
    const bad = { ...good, id: undefined as unknown as string }; // no key: the put fails inside the transaction
    await expect(putPapers(db, [good, bad])).rejects.toThrow();
    expect(await listPapers(db)).toEqual([]);
  });

  it('answers a batch of badge questions in order, one failed item unavailable and the others answered', async () => {
    const db = await openDatabase();
    const summary = (name: string) => ({ name, stars: 7, pushedAt: null, archived: false, notFound: false });
    const repos = {
      repo: vi.fn(async (name: string) => {
        if (name === 'rate/limited') throw new Error('rate limited');
        return summary(name);
      }),
      paperRepos: vi.fn(async (arxivId: string) => {
        if (arxivId === '2401.00002') throw new Error('offline');
        return [`lab/${arxivId}`];
      }),
      figures: vi.fn(async (names: readonly string[]) => names.map((name) => (name === 'a/one' ? { stars: 9, archived: false, notFound: false, fetchedAt: 1 } : null))),
    };
    const deps = depsOver(async () => db, { repos });
    const names = ['b/two', 'rate/limited', 'a/one'];
    expect(await handle(parseEnvelope({ type: 'repos', payload: { names } }), deps)).toEqual([summary('b/two'), null, summary('a/one')]);
    expect(repos.repo).toHaveBeenCalledWith('b/two', undefined);
    // Badges that show the page's stars: GitHub is spared for them when its quota runs low (github/client.ts).
    await handle(parseEnvelope({ type: 'repos', payload: { names: ['hf/starred'], spare: true } }), deps);
    expect(repos.repo).toHaveBeenLastCalledWith('hf/starred', { spare: true });
    expect(() => parseEnvelope({ type: 'repos', payload: { names: ['hf/starred'], spare: 'yes' } })).toThrow(/spare/);
    expect(await handle(parseEnvelope({ type: 'paperRepos', payload: { arxivIds: ['2401.00001', '2401.00002'] } }), deps)).toEqual([['lab/2401.00001'], []]);
     // The popup's star counts: the cache's answers, in order; a storage failure answers none, not an error.
    const cached = { stars: 9, archived: false, notFound: false, fetchedAt: 1 };
    expect(await handle(parseEnvelope({ type: 'repoFigures', payload: { names: ['b/two', 'a/one'] } }), deps)).toEqual([null, cached]);
    repos.figures.mockRejectedValueOnce(new Error('storage broken'));
    expect(await handle(parseEnvelope({ type: 'repoFigures', payload: { names: ['b/two', 'a/one'] } }), deps)).toEqual([null, null]);
    expect(() => parseEnvelope({ type: 'repoFigures', payload: { names: ['not a repo'] } })).toThrow(/owner\/repo/);
  });

  it("opens the database for a page's wake-up, reads nothing, answers null; and takes nothing with it", async () => {
    const db = await openDatabase();
    const opened = vi.fn(async () => db);
    const settings = vi.fn(async () => DEFAULT_SETTINGS);
    const deps = depsOver(opened, { settings });
    expect(await handle(parseEnvelope({ type: 'wake', payload: {} }), deps)).toBeNull();
    expect([opened.mock.calls.length, settings.mock.calls.length]).toEqual([1, 0]);
    expect(() => parseEnvelope({ type: 'wake', payload: { ids: ['arxiv:2401.00001'] } })).toThrow(/ids/);
  });

  it('gives pages the tag settings but never the GitHub token', async () => {
    const db = await openDatabase();
    const deps = depsOver(async () => db, { settings: async () => ({ ...DEFAULT_SETTINGS, githubToken: 'secret', watchedTopics: ['llm'], followedAuthors: ['Yann LeCun'] }) });
    await savePaper(db, makePaper({ id: 'arxiv:2607.00001' }), { savedFrom: 'https://huggingface.co/papers' });
    const answer = await handle(parseEnvelope({ type: 'tagSettings', payload: {} }), deps);
    expect(answer).toEqual({ watchedTopics: ['llm'], followedAuthors: ['Yann LeCun'], tagRules: [], relevance: true });
    expect(JSON.stringify(answer)).not.toContain('secret');
  });

  it('gives pages the tag rules checked and rewritten as they are run, so no content script carries the checks', async () => {
    const db = await openDatabase();
    let tagRules: Settings['tagRules'] = [
      { tag: ' diffusion ', match: '/.*diffusion/i', fields: 'title' },
      { tag: 'hangs', match: '/(a+)+$/', fields: 'both' },
      { tag: 'routing', match: 'router, kv cache', fields: 'abstract' },
    ];
    const deps = depsOver(async () => db, { settings: async () => ({ ...DEFAULT_SETTINGS, tagRules }) });
    const rules = async () => ((await handle(parseEnvelope({ type: 'tagSettings', payload: {} }), deps)) as Responses['tagSettings']).tagRules;
    const sent = await rules();
    // The rule that can hang a page is left out; the start that only adds work is taken off; words are a pattern.
    expect(sent.map(({ tag, source, flags, fields }) => [tag, source, flags, fields])).toEqual([
      ['diffusion', 'diffusion', 'i', 'title'],
      ['routing', expect.stringContaining('kv\\s+cache|router'), 'iu', 'abstract'],
    ]);
    expect(sent[0]!.match).toBe('/.*diffusion/i'); // named as written in the page's message about a slow rule
    // A page runs them as they were checked.
    const tagged = createTagger({ watchedTopics: [], followedAuthors: [], tagRules: sent })(makePaper({ title: 'Latent Diffusion Models', abstract: 'Uses a KV  cache.', categories: [] }));
    expect(tagged.map((t) => t.label)).toEqual(['diffusion', 'routing']);
    // A change of the rules is checked anew.
    tagRules = [{ tag: 'moe', match: 'experts', fields: 'both' }];
    expect((await rules()).map((rule) => rule.tag)).toEqual(['moe']);
  });

  it('says relevance is on only with the setting on and something saved to be like', async () => {
    const db = await openDatabase();
    let settings: Settings = DEFAULT_SETTINGS;
    const deps = depsOver(async () => db, { settings: async () => settings });
    const relevanceOn = async () => ((await handle(parseEnvelope({ type: 'tagSettings', payload: {} }), deps)) as { relevance: boolean }).relevance;
    expect(await relevanceOn()).toBe(false); // a new user's empty list: no marks, no page control
    await savePaper(db, makePaper({ id: 'arxiv:2607.00001' }), { savedFrom: 'https://huggingface.co/papers' });
    expect(await relevanceOn()).toBe(true);
    settings = { ...DEFAULT_SETTINGS, relevance: { enabled: false } };
    expect(await relevanceOn()).toBe(false);
  });

  it("reads the saved ids when a page asks for its tag settings, so that its first lookup finds them read", async () => {
    const db = await openDatabase();
    await savePaper(db, makePaper({ id: 'arxiv:2607.00001' }), { savedFrom: 'https://huggingface.co/papers' });
    let keyReads = 0;
    const realGetAllKeys = db.getAllKeys.bind(db);
    (db as { getAllKeys: unknown }).getAllKeys = (...args: Parameters<typeof db.getAllKeys>) => (args[0] === 'papers' && keyReads++, realGetAllKeys(...args));
    const deps = depsOver(async () => db);
    await handle(parseEnvelope({ type: 'tagSettings', payload: {} }), deps);
    await vi.waitFor(() => expect(keyReads).toBe(1)); // started by the settings message, not awaited by it
    expect(await handle(parseEnvelope({ type: 'lookup', payload: { ids: ['arxiv:2607.00001', 'arxiv:2607.00002'] } }), deps)).toEqual({
      'arxiv:2607.00001': { status: 'to-read', tags: [] },
      'arxiv:2607.00002': null,
    });
    expect(keyReads).toBe(1); // the lookup read no keys of its own
  });

  it("answers the built-in topics of a slice's cards in order, as the taxonomy matches them, with their labels", async () => {
    const deps = depsOver(async () => openDatabase());
    const papers = [
      { title: 'Sparse Mixture-of-Experts Routing for Efficient LLM Inference', abstract: 'We quantize the experts to 4-bit.' },
      { title: 'A note on tide tables', abstract: null },
      { title: 'Diffusion Policies for Robot Manipulation', abstract: 'A denoising diffusion model drives a robot arm.' },
    ];
    const matcher = compileTaxonomy();
    const label = new Map(matcher.topics.map((t) => [t.id, t.label]));
    const answer = await handle(parseEnvelope({ type: 'topics', payload: { papers } }), deps);
    expect(answer).toEqual(papers.map((p) => matcher.match(p).map((id) => ({ id, label: label.get(id) }))));
    expect((answer as { id: string }[][]).map((topics) => topics.length > 0)).toEqual([true, false, true]);
    // A page asks for one slice at a time: more papers than that, or a title no card has, is refused.
    const many = Array.from({ length: BATCH_MAX + 1 }, () => papers[0]!);
    expect(() => parseEnvelope({ type: 'topics', payload: { papers: many } })).toThrow(TypeError);
    expect(() => parseEnvelope({ type: 'topics', payload: { papers: [{ title: 'x'.repeat(2001), abstract: null }] } })).toThrow(TypeError);
  });

  it('takes followed authors in a settings change up to their bounds: 500 names of 200 characters', () => {
    const patch = (followedAuthors: unknown) => ({ type: 'setSettings', payload: { patch: { followedAuthors } } });
    expect(() => parseEnvelope(patch(Array.from({ length: 500 }, () => 'x'.repeat(200))))).not.toThrow();
    expect(() => parseEnvelope(patch(Array.from({ length: 501 }, () => 'Yann LeCun')))).toThrow(TypeError);
    expect(() => parseEnvelope(patch(['x'.repeat(201)]))).toThrow(TypeError);
    expect(() => parseEnvelope(patch([42]))).toThrow(TypeError);
    expect(() => parseEnvelope(patch('Yann LeCun'))).toThrow(TypeError);
  });

  it('follows an author and stops following them in the stored list, keeping the rest of the settings; pages are told', async () => {
    const db = await openDatabase();
    const pages = vi.fn();
    const service = createSettingsService(async () => db, { get: async () => ({}), remove: async () => {} }, { pages, toolbarCount: () => {} });
    await service.save({ followedAuthors: ['LeCun', 'Geoffrey Hinton'], watchedTopics: ['llm'] });
    const deps = depsOver(async () => db, { settings: service.read, saveSettings: service.save });
    const follow = (name: string, follow: boolean) => handle(parseEnvelope({ type: 'followAuthor', payload: { name, follow } }), deps);
    expect(await follow('Bernhard Schölkopf', true)).toEqual(['LeCun', 'Geoffrey Hinton', 'Bernhard Schölkopf']);
    expect(await follow('bernhard  schölkopf', true)).toEqual(['LeCun', 'Geoffrey Hinton', 'Bernhard Schölkopf']); // once
    // Unfollowed as a paper writes them: every followed name that finds "Y. LeCun" goes.
    expect(await follow('Y. LeCun', false)).toEqual(['Geoffrey Hinton', 'Bernhard Schölkopf']);
    expect(await follow('Alan Turing', false)).toEqual(['Geoffrey Hinton', 'Bernhard Schölkopf']);
    expect(await service.read()).toMatchObject({ followedAuthors: ['Geoffrey Hinton', 'Bernhard Schölkopf'], watchedTopics: ['llm'] });
    expect(pages).toHaveBeenCalledTimes(3); // the first save and the two changes; nothing for the changes that changed nothing
    // Two at once (a popup and the library) both land.
    await Promise.all([follow('Ada Lovelace', true), follow('Grace Hopper', true)]);
    expect((await service.read()).followedAuthors).toEqual(['Geoffrey Hinton', 'Bernhard Schölkopf', 'Ada Lovelace', 'Grace Hopper']);
    expect(() => parseEnvelope({ type: 'followAuthor', payload: { name: '', follow: true } })).toThrow(TypeError);
    expect(() => parseEnvelope({ type: 'followAuthor', payload: { name: 'x'.repeat(201), follow: true } })).toThrow(TypeError);
  });

  it('refuses to follow a 501st author with why, never dropping the name unsaid; a name followed already, and an unfollow, still go', async () => {
    const db = await openDatabase();
    const pages = vi.fn();
    const service = createSettingsService(async () => db, { get: async () => ({}), remove: async () => {} }, { pages, toolbarCount: () => {} });
    const full = Array.from({ length: 500 }, (_, i) => `Author Number${i}`);
    await service.save({ followedAuthors: full });
    const deps = depsOver(async () => db, { settings: service.read, saveSettings: service.save });
    const follow = (name: string, follow: boolean) => handle(parseEnvelope({ type: 'followAuthor', payload: { name, follow } }), deps);
    // It answered with the 500 names as they were: the popup showed Ada unfollowed and said nothing.
    await expect(follow('Ada Lovelace', true)).rejects.toThrow('You follow 500 authors, the most Papershelf keeps: stop following one to follow another');
    expect((await service.read()).followedAuthors).toEqual(full);
    expect(await follow('author  number7', true)).toEqual(full); // followed already: nothing to refuse
    expect(await follow('Author Number0', false)).toEqual(full.slice(1));
    expect(await follow('Ada Lovelace', true)).toEqual([...full.slice(1), 'Ada Lovelace']);
    expect(pages).toHaveBeenCalledTimes(3); // the first save, the unfollow, the follow
  });

  it("adds a backup's settings to the stored ones in the write's transaction, never taking a token; pages are told", async () => {
    const db = await openDatabase();
    const pages = vi.fn();
    const toolbarCount = vi.fn();
    const service = createSettingsService(async () => db, { get: async () => ({}), remove: async () => {} }, { pages, toolbarCount });
    await service.save({ githubToken: 'ghp_mine', followedAuthors: ['Yann LeCun'], watchedTopics: ['llm'], tagRules: [{ tag: 'rl', match: 'reward', fields: 'both' }] });
    const deps = depsOver(async () => db, { settings: service.read, saveSettings: service.save });
    const add = (settings: unknown) => handle(parseEnvelope({ type: 'importSettings', payload: { settings } }), deps);
    const backup = { watchedTopics: ['llm', 'robotics'], followedAuthors: ['yann lecun', 'Geoffrey Hinton'], tagRules: [{ tag: 'moe', match: 'experts', fields: 'title' }], toolbarCount: false, relevance: { enabled: true } };
    // Followed meanwhile from a popup: the import joins the stored list, not the one its page read.
    const follow = handle(parseEnvelope({ type: 'followAuthor', payload: { name: 'Ada Lovelace', follow: true } }), deps);
    const answer = await add(backup);
    await follow;
    const stored = await service.read();
    expect(stored).toEqual({
      githubToken: 'ghp_mine',
      watchedTopics: ['llm', 'robotics'],
      followedAuthors: ['Yann LeCun', 'Ada Lovelace', 'Geoffrey Hinton'],
      tagRules: [{ tag: 'rl', match: 'reward', fields: 'both' }, { tag: 'moe', match: 'experts', fields: 'title' }],
      toolbarCount: false,
      relevance: { enabled: true },
    });
    expect(answer).toEqual({ watchedTopics: stored.watchedTopics, followedAuthors: stored.followedAuthors, tagRules: stored.tagRules, toolbarCount: false, relevance: { enabled: true } });
    expect(JSON.stringify(answer)).not.toContain('ghp_mine');
    expect(pages).toHaveBeenCalledTimes(3); // the first save, the follow, the import
    expect(toolbarCount).toHaveBeenCalledTimes(1); // turned off by the import (the first save left it on)
    // Again: nothing to add, nothing changes, nobody told.
    await add(backup);
    expect(pages).toHaveBeenCalledTimes(3);
    // A token is no setting a backup gives: the message is refused whole.
    expect(() => parseEnvelope({ type: 'importSettings', payload: { settings: { githubToken: 'ghp_planted' } } })).toThrow(TypeError);
    expect(() => parseEnvelope({ type: 'importSettings', payload: { settings: { followedAuthors: Array.from({ length: 501 }, () => 'A B') } } })).toThrow(TypeError);
    expect((await service.read()).githubToken).toBe('ghp_mine');
  });

  it("counts the saved papers each name finds, for the options page", async () => {
    const db = await openDatabase();
    await savePaper(db, makePaper({ id: 'arxiv:2607.00001', authors: ['Y. LeCun', 'Ada Lovelace'] }), { savedFrom: 'https://arxiv.org/list/cs.LG/new' });
    await savePaper(db, makePaper({ id: 'arxiv:2607.00002', authors: ['Yann LeCun'] }), { savedFrom: 'https://arxiv.org/list/cs.LG/new' });
    const count = (names: string[]) => handle(parseEnvelope({ type: 'followedCounts', payload: { names } }), depsOver(async () => db));
    expect(await count(['Yann LeCun', 'Lovelace', 'Yves Nobody'])).toEqual([2, 1, 0]);
    expect(() => parseEnvelope({ type: 'followedCounts', payload: { names: Array.from({ length: 501 }, () => 'A B') } })).toThrow(TypeError);
  });

  it('answers the tag settings even when the database cannot be opened', async () => {
    const deps = depsOver(() => Promise.reject(new Error('blocked')));
    expect(await handle(parseEnvelope({ type: 'tagSettings', payload: {} }), deps)).toEqual({ watchedTopics: [], followedAuthors: [], tagRules: [], relevance: true });
  });
});

describe('relevance', () => {
  const rl = area('rl');
  const others = [...area('speech-audio'), ...area('medical-imaging'), ...area('time-series')].slice(0, 40);
  const record = savedRecord;

  async function setup(settings: Partial<Settings> = {}, pauses = { n: 0 }) {
    const db = await openDatabase();
    const relevance = createRelevanceService(async () => db, { slice: 7, pause: async () => void pauses.n++ });
    const deps = depsOver(async () => db, { settings: async () => ({ ...DEFAULT_SETTINGS, ...settings }), relevance });
    await handle(parseEnvelope({ type: 'putMany', payload: { records: rl.slice(0, 12).map(record) } }), deps);
    const ask = (cards: typeof rl) => handle(parseEnvelope({ type: 'relevance', payload: { cards: cards.map(({ id, title, abstract }) => ({ id, title, abstract })) } }), deps) as Promise<{ id: string; score: number; reason: string }[]>;
    return { db, deps, ask, relevance };
  }

  it('marks cards like the saved papers, with a one-line reason, never a saved card, in slices', async () => {
    const pauses = { n: 0 };
    const { ask } = await setup({}, pauses);
    const page = [...rl.slice(8, 30), ...others];
    const marks = await ask(page);
    const marked = new Set(marks.map((m) => m.id));
    const rlMarked = rl.slice(12, 30).filter((c) => marked.has(c.id)).length;
    expect(rlMarked).toBeGreaterThanOrEqual(6); // most unsaved RL cards
    expect(others.filter((c) => marked.has(c.id)).length).toBeLessThanOrEqual(2); // few unrelated ones
    for (const id of rl.slice(8, 12).map((c) => c.id)) expect(marked.has(id)).toBe(false); // saved already
    for (const m of marks) {
      expect(m.score).toBeGreaterThanOrEqual(0.08);
      expect(m.reason).toMatch(/^(like \d+ saved papers?: "|matches your saved papers on: )/);
      expect(m.reason).not.toContain('\n');
      expect(Object.keys(m).sort()).toEqual(['id', 'reason', 'score']);
    }
    expect(pauses.n).toBeGreaterThanOrEqual(Math.ceil(page.length / 7)); // tokenising and scoring yield between slices
  });

  it('recompiles after the list changes: a card saved since is no longer marked', async () => {
    const { ask, deps } = await setup();
    const first = await ask(rl.slice(12, 30));
    const target = rl.find((c) => c.id === first[0]!.id)!;
    await handle(parseEnvelope({ type: 'save', payload: { paper: makePaper({ id: target.id, title: target.title, abstract: target.abstract, githubRepos: [] }), savedFrom: 'https://x.example/' } }), deps);
    expect((await ask(rl.slice(12, 30))).map((m) => m.id)).not.toContain(target.id);
  });

  it('asks nothing of the model when the user turned relevance off', async () => {
    const { deps } = await setup({ relevance: { enabled: false } });
    const score = vi.spyOn(deps.relevance, 'score');
    expect(await handle(parseEnvelope({ type: 'relevance', payload: { cards: [{ id: rl[20]!.id, title: rl[20]!.title, abstract: rl[20]!.abstract }] } }), deps)).toEqual([]);
    expect(score).not.toHaveBeenCalled();
    expect(await handle(parseEnvelope({ type: 'tagSettings', payload: {} }), deps)).toMatchObject({ relevance: false });
  });

  it('marks nothing with an empty library, and reset rebuilds the model from the list', async () => {
    const db = await openDatabase();
    const relevance = createRelevanceService(async () => db);
    expect(await relevance.score(rl.slice(0, 5))).toEqual([]);
    const { deps, db: full } = await setup();
    const tx = full.transaction('relevance', 'readwrite');
    await tx.store.clear(); // a damaged model
    await tx.done;
    expect(await handle(parseEnvelope({ type: 'resetRelevance', payload: {} }), deps)).toEqual({ papers: 12 });
    expect(await full.count('relevance')).toBe(12);
  });
});

describe('noticeOf (the content scripts\' check of background notices, without valibot)', () => {
  const id = 'arxiv:2601.00001';
  const state = { status: 'reading', tags: ['moe'] };
  const samples: unknown[] = [
    { type: 'reload' },
    { type: 'reload', extra: 1 },
    { type: 'reload', id },
    { type: 'settings' },
    { type: 'settings', extra: 1 },
    { type: 'settings', watchedTopics: ['moe'] },
    { type: 'Settings' },
    { type: 'changed', id, state: null },
    { type: 'changed', id, aliases: [], state: null },
    { type: 'changed', id, aliases: ['cvf:CVPR_2023/Smith_Example_CVPR_2023'], state },
    { type: 'changed', id, aliases: ['dblp:conf/icml/Smith23', 'doi:10.1000/xyz'], state: null },
    { type: 'changed', id, aliases: 'dblp:conf/icml/Smith23', state: null },
    { type: 'changed', id, aliases: [42], state: null },
    { type: 'changed', id, aliases: ['javascript:alert(1)'], state: null },
    { type: 'changed', id, aliases: Array.from({ length: 21 }, (_, i) => `dblp:conf/x/A${i}`), state: null },
    { type: 'changed', id, aliases: null, state: null },
    { type: 'changed', id, state },
    { type: 'changed', id, aliases: [], state: { status: 'done', tags: [] } },
    { type: 'changed', aliases: [], id: 'doi:10.1000/xyz', state: null },
    { type: 'changed', id, aliases: [], state: { ...state, extra: true } },
    { type: 'changed', id, aliases: [], state: { status: 'finished', tags: [] } },
    { type: 'changed', id, aliases: [], state: { status: 'reading', tags: [1] } },
    { type: 'changed', id, aliases: [], state: { status: 'reading', tags: 'moe' } },
    { type: 'changed', id, aliases: [], state: { status: 'reading' } },
    { type: 'changed', id, aliases: [], state: [] },
    { type: 'changed', id, aliases: [], state: undefined },
    { type: 'changed', id },
    { type: 'changed', id, aliases: [], state: null, extra: 1 },
    { type: 'changed', aliases: [], id: 'javascript:alert(1)', state: null },
    { type: 'changed', aliases: [], id: 'arxiv:2601.00001 x', state: null },
    { type: 'changed', aliases: [], id: `arxiv:${'1'.repeat(400)}`, state: null },
    { type: 'changed', aliases: [], id: 42, state: null },
    { type: 'changed', aliases: [], id: '', state: null },
    { type: 'changed', aliases: [], id: 'ARXIV:2601.00001', state: null },
    { type: 'save-shortcut' },
    { type: 'Reload' },
    [{ type: 'reload' }],
    null,
    undefined,
    'reload',
    42,
  ]; // messages arrive deserialized (plain objects, arrays, primitives): no getters or prototypes to test
  it.each(samples.map((sample) => [JSON.stringify(sample) ?? String(sample), sample]))('%s: the same answer as the valibot schemas', (_label, sample) => {
    const expected = v.is(ChangedNoticeSchema, sample) || v.is(ReloadNoticeSchema, sample) || v.is(SettingsNoticeSchema, sample);
    expect(noticeOf(sample) !== null).toBe(expected);
    if (expected) expect(noticeOf(sample)).toEqual(v.parse(v.union([ChangedNoticeSchema, ReloadNoticeSchema, SettingsNoticeSchema]), sample));
  });
});

describe('pageReply: what a content script learns from a write', () => {
  it("is the paper's id, status and tags, never its note, dates or the page it was saved from", async () => {
    const db = await openDatabase();
    const deps = depsOver(async () => db);
    const paper = makePaper();
    await handle(parseEnvelope({ type: 'save', payload: { paper, savedFrom: 'https://huggingface.co/papers' } }), deps);
    await handle(parseEnvelope({ type: 'edit', payload: { id: paper.id, edit: { note: 'private: reviewer 2 is my advisor', tags: ['moe'] } } }), deps);
    // A compromised page process asks what its content script could: a no-op edit of a paper lookup says is saved.
    for (const message of [
      { type: 'edit', payload: { id: paper.id, edit: {} } },
      { type: 'save', payload: { paper, savedFrom: 'https://huggingface.co/papers' } },
      { type: 'remove', payload: { id: paper.id } },
    ]) {
      const reply = pageReply(message.type, { ok: true, value: await handle(parseEnvelope(message), deps) });
      expect(reply).toEqual({ ok: true, value: { id: paper.id, status: 'to-read', tags: ['moe'] } });
      expect(JSON.stringify(reply)).not.toContain('private');
    }
    expect(pageReply('edit', { ok: true, value: null })).toEqual({ ok: true, value: null });
    const error = { ok: false as const, error: { name: 'TypeError', message: 'x' } };
    expect(pageReply('save', error)).toBe(error);
    const lookup = { ok: true as const, value: { [paper.id]: null } };
    expect(pageReply('lookup', lookup)).toBe(lookup);
  });
});

describe('allowedRequest: what the background takes from whom', () => {
  const base = 'chrome-extension://abcdefghijklmnop/';
  it("takes any request from the extension's own pages (popup, library, options)", () => {
    for (const type of Object.keys(requests)) {
      expect(allowedRequest(type, `${base}src/popup/index.html`, base)).toBe(true);
      expect(allowedRequest(type, 'moz-extension://0e1f/src/library/index.html', 'moz-extension://0e1f/')).toBe(true);
    }
  });

  it('takes from a content script (its sender is the web page) only what content scripts ask', () => {
    const page = 'https://huggingface.co/papers/date/2026-07-02';
    const allowed = Object.keys(requests).filter((type) => allowedRequest(type, page, base));
    expect(allowed.sort()).toEqual([...CONTENT_SCRIPT_REQUESTS].sort());
    for (const type of ['list', 'listPage', 'putMany', 'editMany', 'removeMany', 'restore', 'restoreMany', 'merge', 'unmerge', 'resetRelevance', 'settings', 'setSettings', 'followAuthor', 'followedCounts', 'importSettings', 'tabPaper', 'previewTabPaper', 'saveTabPaper']) expect(allowedRequest(type, page, base)).toBe(false);
    // A page's URL that merely mentions the extension's is still a page; no sender URL at all is no page of ours.
    expect(allowedRequest('list', `https://evil.example/?${base}`, base)).toBe(false);
    expect(allowedRequest('list', undefined, base)).toBe(false);
    expect(allowedRequest('list', page, '')).toBe(false);
  });
});
