import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { recordFigures } from '../../test/figures';
import { makePaper } from '../../test/unit/paper-factory';
import { buildModel, fromSaved } from '../core/relevance/model';
import { listPapers, loadRelevanceModel, lookup, openDatabase } from './reading-list';
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

/** Exactly what version 2 created (MIGRATIONS[0..1], frozen here on purpose), with papers and a cached repo. */
async function createV2(papers: SavedPaper[]) {
  const v2 = await openDB(DB_NAME, 2, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        const store = db.createObjectStore('papers', { keyPath: 'id' });
        store.createIndex('by-savedAt', 'savedAt');
        store.createIndex('by-status', 'status');
      }
      db.createObjectStore('repos', { keyPath: 'key' }).createIndex('by-fetchedAt', 'fetchedAt');
      db.createObjectStore('paperRepos', { keyPath: 'key' }).createIndex('by-fetchedAt', 'fetchedAt');
      db.createObjectStore('meta', { keyPath: 'key' });
    },
  });
  const tx = v2.transaction(['papers', 'repos', 'meta'], 'readwrite');
  await Promise.all([
    ...papers.map((paper) => tx.objectStore('papers').put(paper)),
    tx.objectStore('repos').put({ key: 'o/r', repo: null, status: 'not-found', etag: null, fetchedAt: 3 }),
    tx.objectStore('meta').put({ key: 'github:anonymous', blockedUntil: 42 }),
    tx.done,
  ]);
  v2.close();
}

const STORES = ['meta', 'paperRepos', 'papers', 'relevance', 'repos'];

/** Upgrades checked (each test that opens an older database and checks every record after it), for npm test's report. */
const checked = { migrationsChecked: 0, recordsChecked: 0 };
const started = performance.now();
afterAll(() => recordFigures({ suite: 'migrations', durationMs: Math.round(performance.now() - started), counts: checked, details: { schemaVersion: DB_VERSION } }));

describe('database migrations', () => {
  it('upgrades a version-2 database losslessly and builds the relevance model from the papers already saved', async () => {
    await createV2(V1_PAPERS);
    const db = await openDatabase();
    expect(db.version).toBe(DB_VERSION);
    const byId = (a: SavedPaper, b: SavedPaper) => a.id.localeCompare(b.id);
    expect((await db.getAll('papers')).sort(byId)).toEqual([...V1_PAPERS].sort(byId));
    expect(await getRepo(db, 'o/r')).toMatchObject({ status: 'not-found', fetchedAt: 3 });
    expect(await db.get('meta', 'github:anonymous')).toEqual({ key: 'github:anonymous', blockedUntil: 42 });
    expect([...db.objectStoreNames].sort()).toEqual(STORES);
    // Built inside the upgrade: one row per paper, and the same model a batch build gives.
    expect(await db.count('relevance')).toBe(V1_PAPERS.length);
    expect(await loadRelevanceModel(db)).toEqual(buildModel(V1_PAPERS.map(fromSaved)));
    // The user's tags are in the model (title and tag words count double).
    const model = await loadRelevanceModel(db);
    expect(model.docs['arxiv:hep-th/9901001']!.terms).toContain('holography');
    checked.migrationsChecked++;
    checked.recordsChecked += V1_PAPERS.length;
  });

  it('upgrades an empty version-2 database to an empty model', async () => {
    await createV2([]);
    const db = await openDatabase();
    expect(await loadRelevanceModel(db)).toEqual({ version: 1, docs: {}, df: {} });
    checked.migrationsChecked++;
  });

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

    expect([...db.objectStoreNames].sort()).toEqual(STORES);
    expect(await db.count('relevance')).toBe(V1_PAPERS.length);
    await putRepo(db, { key: 'o/r', repo: null, status: 'not-found', etag: null, fetchedAt: 1 });
    expect(await getRepo(db, 'o/r')).toMatchObject({ status: 'not-found' });
    checked.migrationsChecked++;
    checked.recordsChecked += V1_PAPERS.length;
  });

  it('creates every store and index of the current version in an empty database', async () => {
    const db = await openDatabase();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(STORES);
    const tx = db.transaction(['papers', 'repos', 'paperRepos', 'meta', 'relevance']);
    expect([...tx.objectStore('papers').indexNames].sort()).toEqual(['by-savedAt', 'by-status']);
    expect([...tx.objectStore('repos').indexNames]).toEqual(['by-fetchedAt']);
    expect([...tx.objectStore('paperRepos').indexNames]).toEqual(['by-fetchedAt']);
    expect([...tx.objectStore('meta').indexNames]).toEqual([]);
    expect([...tx.objectStore('relevance').indexNames]).toEqual([]);
    for (const name of ['papers', 'repos', 'paperRepos', 'meta', 'relevance'] as const) {
      expect(tx.objectStore(name).keyPath).toBe(name === 'papers' || name === 'relevance' ? 'id' : 'key');
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
