import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { makePaper } from '../../test/unit/paper-factory';
import { openDatabase } from '../storage/reading-list';
import { DEFAULT_SETTINGS } from '../storage/settings';
import { handle } from './handlers';
import { parseEnvelope, type Notice } from './messages';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

describe('parseEnvelope', () => {
  it('accepts a well-formed save', () => {
    const envelope = parseEnvelope({ type: 'save', payload: { paper: makePaper(), savedFrom: 'https://huggingface.co/papers' } });
    expect(envelope.type).toBe('save');
  });

  it.each([
    ['an unknown type', { type: 'dropDatabase', payload: {} }, /Unknown message type/],
    ['no payload', { type: 'list' }, /Invalid "list" message/],
    ['extra keys', { type: 'remove', payload: { id: 'arxiv:1', evil: 1 } }, /Invalid "remove"/],
    ['a bad id', { type: 'remove', payload: { id: '<img src=x>' } }, /canonical paper id/],
    ['a javascript: URL', { type: 'save', payload: { paper: makePaper({ url: 'javascript:alert(1)' }), savedFrom: 'https://x.example/' } }, /at paper\.url/],
    ['a bad repo', { type: 'save', payload: { paper: makePaper({ githubRepos: ['a/b/c'] }), savedFrom: 'https://x.example/' } }, /paper\.githubRepos/],
    ['an empty title', { type: 'save', payload: { paper: makePaper({ title: '' }), savedFrom: 'https://x.example/' } }, /paper\.title/],
    ['a huge abstract', { type: 'save', payload: { paper: makePaper({ abstract: 'x'.repeat(60_000) }), savedFrom: 'https://x.example/' } }, /paper\.abstract/],
    ['null', null, /Unknown message type/],
    ['a bad status', { type: 'edit', payload: { id: 'arxiv:1', edit: { status: 'deleted' } } }, /at edit\.status/],
    ['a tag with markup', { type: 'edit', payload: { id: 'arxiv:1', edit: { tags: ['<b>x</b>'] } } }, /tags are letters/],
  ])('rejects %s', (_name, message, error) => {
    expect(() => parseEnvelope(message)).toThrow(error);
  });
});

describe('handle', () => {
  it('saves, answers statuses, lists and removes, broadcasting each change', async () => {
    const notices: Notice[] = [];
    const db = await openDatabase();
    const deps = { db: async () => db, broadcast: (n: Notice) => notices.push(n), repos: { repo: async () => null, paperRepos: async () => [] }, settings: async () => ({ ...DEFAULT_SETTINGS, githubToken: 'secret' }) };
    const paper = makePaper();
    await handle(parseEnvelope({ type: 'save', payload: { paper, savedFrom: 'https://huggingface.co/papers' } }), deps);
    expect(await handle(parseEnvelope({ type: 'lookup', payload: { ids: [paper.id] } }), deps)).toEqual({ [paper.id]: { status: 'to-read', tags: [] } });
    await handle(parseEnvelope({ type: 'edit', payload: { id: paper.id, edit: { status: 'reading', tags: [' moe '] } } }), deps);
    expect(await handle(parseEnvelope({ type: 'list', payload: {} }), deps)).toHaveLength(1);
    await handle(parseEnvelope({ type: 'remove', payload: { id: paper.id } }), deps);
    await handle(parseEnvelope({ type: 'remove', payload: { id: paper.id } }), deps); // not saved: no notice
    expect(notices).toEqual([
      { type: 'changed', id: paper.id, state: { status: 'to-read', tags: [] } },
      { type: 'changed', id: paper.id, state: { status: 'reading', tags: ['moe'] } },
      { type: 'changed', id: paper.id, state: null },
    ]);
  });

  it('restores a removed record exactly, and writes many records in one go with one reload notice', async () => {
    const notices: Notice[] = [];
    const db = await openDatabase();
    const deps = { db: async () => db, broadcast: (n: Notice) => notices.push(n), repos: { repo: async () => null, paperRepos: async () => [] }, settings: async () => ({ ...DEFAULT_SETTINGS, githubToken: 'secret' }) };
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
  });

  it('writes nothing when one record of a batch fails', async () => {
    const db = await openDatabase();
    const { putPapers, listPapers } = await import('../storage/reading-list');
    const good = { id: 'arxiv:2607.00001', paper: makePaper({ id: 'arxiv:2607.00001' }), status: 'to-read' as const, tags: [], note: '', savedFrom: 'https://x.example/', savedAt: 1, updatedAt: 1 };
    const bad = { ...good, id: undefined as unknown as string }; // no key: the put fails inside the transaction
    await expect(putPapers(db, [good, bad])).rejects.toThrow();
    expect(await listPapers(db)).toEqual([]);
  });

  it('gives pages the tag settings but never the GitHub token', async () => {
    const db = await openDatabase();
    const deps = { db: async () => db, broadcast: () => {}, repos: { repo: async () => null, paperRepos: async () => [] }, settings: async () => ({ ...DEFAULT_SETTINGS, githubToken: 'secret', watchedTopics: ['llm'] }) };
    const answer = await handle(parseEnvelope({ type: 'tagSettings', payload: {} }), deps);
    expect(answer).toEqual({ watchedTopics: ['llm'], tagRules: [] });
    expect(JSON.stringify(answer)).not.toContain('secret');
  });
});
