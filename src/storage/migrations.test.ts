import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { makePaper } from '../../test/unit/paper-factory';
import { listPapers, lookup, openDatabase } from './reading-list';
import { getRepo, putRepo } from './repo-cache';
import { DB_NAME, DB_VERSION, type SavedPaper } from './schema';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

/** Saved papers as 0.1.0 wrote them: every status, tags, notes, non-ASCII, old-style and non-arXiv ids. */
const V1_PAPERS: SavedPaper[] = [
  {
    id: 'arxiv:2607.01234',
    paper: makePaper(),
    status: 'to-read',
    tags: [],
    note: '',
    savedFrom: 'https://huggingface.co/papers',
    savedAt: 1_782_900_000_000,
    updatedAt: 1_782_900_000_000,
  },
  {
    id: 'arxiv:hep-th/9901001',
    paper: makePaper({ id: 'arxiv:hep-th/9901001', title: 'Large N limit of superconformal field theories', githubRepos: [], githubStars: null }),
    status: 'reading',
    tags: ['holography', 'classics'],
    note: 'Read §2 again; compare with Witten’s follow-up.',
    savedFrom: 'https://arxiv.org/abs/hep-th/9901001',
    savedAt: 1_782_800_000_000,
    updatedAt: 1_782_950_000_000,
  },
  {
    id: 'doi:10.1145/3292500.3330701',
    paper: makePaper({ id: 'doi:10.1145/3292500.3330701', title: 'Größenordnung — ünïcödé title', venue: 'KDD 2019', source: { site: 'scholar', page: 'search' } }),
    status: 'done',
    tags: ['graphs'],
    note: '✓ done',
    savedFrom: 'https://scholar.google.com/scholar?q=graphs',
    savedAt: 1_782_700_000_000,
    updatedAt: 1_782_990_000_000,
  },
];

/** Exactly what version 1 created (schema.ts MIGRATIONS[0], frozen here on purpose). */
async function createV1(papers: SavedPaper[]) {
  const v1 = await openDB(DB_NAME, 1, {
    upgrade(db) {
      const store = db.createObjectStore('papers', { keyPath: 'id' });
      store.createIndex('by-savedAt', 'savedAt');
      store.createIndex('by-status', 'status');
    },
  });
  const tx = v1.transaction('papers', 'readwrite');
  await Promise.all([...papers.map((paper) => tx.store.put(paper)), tx.done]);
  v1.close();
}

describe('database migrations', () => {
  it('upgrades a version-1 database keeping every saved paper, and adds the v2 stores', async () => {
    await createV1(V1_PAPERS);
    const db = await openDatabase();
    expect(db.version).toBe(DB_VERSION);
    expect(DB_VERSION).toBeGreaterThanOrEqual(2);

    const byId = (a: SavedPaper, b: SavedPaper) => a.id.localeCompare(b.id);
    expect((await db.getAll('papers')).sort(byId)).toEqual([...V1_PAPERS].sort(byId));
    expect((await listPapers(db)).map((p) => p.id)).toEqual(['arxiv:2607.01234', 'arxiv:hep-th/9901001', 'doi:10.1145/3292500.3330701']);
    expect((await db.getAllFromIndex('papers', 'by-status', 'reading')).map((p) => p.id)).toEqual(['arxiv:hep-th/9901001']);
    expect(await lookup(db, ['doi:10.1145/3292500.3330701'])).toEqual({ 'doi:10.1145/3292500.3330701': { status: 'done', tags: ['graphs'] } });

    expect([...db.objectStoreNames].sort()).toEqual(['meta', 'paperRepos', 'papers', 'repos']);
    await putRepo(db, { key: 'o/r', repo: null, status: 'not-found', etag: null, fetchedAt: 1 });
    expect(await getRepo(db, 'o/r')).toMatchObject({ status: 'not-found' });
  });

  it('creates every store and index of the current version in an empty database', async () => {
    const db = await openDatabase();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['meta', 'paperRepos', 'papers', 'repos']);
    const tx = db.transaction(['papers', 'repos', 'paperRepos', 'meta']);
    expect([...tx.objectStore('papers').indexNames].sort()).toEqual(['by-savedAt', 'by-status']);
    expect([...tx.objectStore('repos').indexNames]).toEqual(['by-fetchedAt']);
    expect([...tx.objectStore('paperRepos').indexNames]).toEqual(['by-fetchedAt']);
    expect([...tx.objectStore('meta').indexNames]).toEqual([]);
    for (const name of ['papers', 'repos', 'paperRepos', 'meta'] as const) {
      expect(tx.objectStore(name).keyPath).toBe(name === 'papers' ? 'id' : 'key');
    }
    await tx.done;
  });

  it('reopening a current database changes nothing', async () => {
    const db = await openDatabase();
    await putRepo(db, { key: 'o/r', repo: null, status: 'not-found', etag: null, fetchedAt: 7 });
    db.close();
    const again = await openDatabase();
    expect(await getRepo(again, 'o/r')).toMatchObject({ fetchedAt: 7 });
  });
});
