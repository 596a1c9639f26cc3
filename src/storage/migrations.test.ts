import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { recordFigures } from '../../test/figures';
import { makePaper } from '../../test/unit/paper-factory';
import { createV3ToV8 } from '../../test/unit/old-databases';
import { buildModel, fromSaved } from '../core/relevance/model';
import { listPapers, lookup, openDatabase } from './reading-list';
import { loadRelevanceModel } from './relevance';
import { getRepo, putRepo } from './repo-cache';
import { DB_NAME, DB_VERSION, RELEVANCE_DOC_VERSION, relevanceDoc, type RelevanceDoc, type SavedPaper } from './schema';
import * as v from 'valibot';
import { SavedPaperSchema } from '../background/messages';
import { mergeSamePaper } from './same-paper';
import { emptyPaper, PAPER_LIMITS, type Paper } from '../core/paper';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

/** A paper as builds before v5 stored it: without `version` and `doi`. */
function beforeV5(paper: Paper): Paper {
  const { version: _version, doi: _doi, ...rest } = paper;
  return rest as Paper;
}

/** A record of an older version as the current version reads it: `version` and `doi` unknown (MIGRATIONS[4]). */
const upgraded = (record: SavedPaper): SavedPaper => ({ ...record, paper: { ...record.paper, version: null, doi: null } });

/** Saved papers as 0.1.0 wrote them: every status, tags, notes, non-ASCII, old-style and non-arXiv ids. */
const V1_PAPERS: SavedPaper[] = [
  {
    id: 'arxiv:2607.01234',
    paper: beforeV5(makePaper()),
    status: 'to-read',
    tags: [],
    note: '',
    savedFrom: 'https://huggingface.co/papers',
    savedAt: 1_782_900_000_000,
    updatedAt: 1_782_900_000_000,
  },
  {
    id: 'arxiv:hep-th/9901001',
    paper: beforeV5(makePaper({ id: 'arxiv:hep-th/9901001', title: 'Large N limit of superconformal field theories', githubRepos: [], githubStars: null })),
    status: 'reading',
    tags: ['holography', 'classics'],
    note: 'Read §2 again; compare with Witten’s follow-up.',
    savedFrom: 'https://arxiv.org/abs/hep-th/9901001',
    savedAt: 1_782_800_000_000,
    updatedAt: 1_782_950_000_000,
  },
  {
    id: 'doi:10.1145/3292500.3330701',
    paper: beforeV5(makePaper({ id: 'doi:10.1145/3292500.3330701', title: 'Größenordnung — ünïcödé title', venue: 'KDD 2019', source: { site: 'scholar', page: 'search' } })),
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

/** Version 3 with papers, a cached repository, a paper→repository lookup and a rate-limit block, as 0.3.0 wrote them. */
const createV3 = (papers: SavedPaper[]) =>
  createV3ToV8(DB_NAME, 3, papers, {
    repos: [{ key: 'o/r', repo: null, status: 'not-found', etag: null, fetchedAt: 3 }],
    paperRepos: [{ key: '2607.01234', repos: ['example/sparse-moe'], fetchedAt: 5 }],
    meta: [{ key: 'github:anonymous', blockedUntil: 42 }],
  });

/** Version 4 with papers and a cached repository, as 0.4.0 wrote them. */
const createV4 = (papers: SavedPaper[]) => createV3ToV8(DB_NAME, 4, papers, { repos: [{ key: 'o/r', repo: null, status: 'not-found', etag: null, fetchedAt: 3 }] });

/** Saved by a build that kept a search page's whole address (before savedFromUrl): longer than a record may hold. */
const LONG_FROM: SavedPaper = {
  ...V1_PAPERS[0]!,
  id: 'arxiv:2607.05555',
  paper: { ...V1_PAPERS[0]!.paper, id: 'arxiv:2607.05555' },
  savedFrom: `https://arxiv.org/search/?query=${'sparse+experts+'.repeat(200)}&searchtype=all#results`,
};

/**
 * An old-style arXiv paper as 0.4.0 saved it (before v5's fields): keyed with the subject class its link or file named,
 * or without.
 */
const oldStyle = (id: string, fields: Partial<SavedPaper>): SavedPaper => ({
  ...V1_PAPERS[1]!,
  id,
  paper: beforeV5(makePaper({ id, title: 'Ricci flow with surgery on three-manifolds', githubRepos: [], githubStars: null, url: `https://arxiv.org/abs/${id.slice('arxiv:'.length)}` })),
  ...fields,
});
/** Saved from a link to /abs/math.GT/0309136, then from the paper's own page (math/0309136) and edited there. */
const WITH_CLASS = oldStyle('arxiv:math.GT/0309136', { status: 'reading', tags: ['topology'], note: 'From a link.', savedAt: 1_600_000_000_000, updatedAt: 1_600_000_100_000 });
const WITHOUT_CLASS = oldStyle('arxiv:math/0309136', { status: 'done', tags: ['classics'], note: 'Finished.', savedAt: 1_610_000_000_000, updatedAt: 1_620_000_000_000 });
const CLASS_ALONE = oldStyle('arxiv:q-bio.NC/0401001', { status: 'to-read', tags: [], note: '', savedAt: 1_500_000_000_000, updatedAt: 1_500_000_000_000 });

const aclPaper = (id: string, fields: Partial<Paper> = {}): Paper =>
  beforeV5({ ...emptyPaper(id, 'Cross-lingual Transfer for Low-Resource NER', { site: 'aclanthology', page: 'paper' }), ...fields });

/** ACL papers as 0.3.0 saved them: from a paper page (DOI id) and from listing rows (anthology id). */
const ACL_ALONE: SavedPaper = {
  id: 'doi:10.18653/v1/2023.acl-long.1',
  paper: aclPaper('doi:10.18653/v1/2023.acl-long.1', {
    authors: ['Ana Exemplo', 'Bo Muster'],
    abstract: 'We study transfer for NER.',
    published: '2023-07-01',
    pdfUrl: 'https://aclanthology.org/2023.acl-long.1.pdf',
    url: 'https://aclanthology.org/2023.acl-long.1/',
    venue: 'ACL 2023',
  }),
  status: 'reading',
  tags: ['ner'],
  note: 'Table 3 is the key result.',
  savedFrom: 'https://aclanthology.org/2023.acl-long.1/',
  savedAt: 1_700_000_000_000,
  updatedAt: 1_700_000_500_000,
};
/** Saved first from the volume page (anthology id), later from the paper page (DOI), then edited there. */
const ROW_COPY: SavedPaper = {
  id: 'aclanthology:P17-1001',
  paper: aclPaper('aclanthology:P17-1001', {
    title: 'Adversarial Multi-task Learning for Text Classification',
    authors: ['Pengfei Liu', 'Xipeng Qiu', 'Xuanjing Huang'],
    abstract: 'Row abstract.',
    published: null,
    pdfUrl: 'https://aclanthology.org/P17-1001.pdf',
    url: 'https://aclanthology.org/P17-1001/',
    venue: 'Proceedings of ACL 2017 (Volume 1: Long Papers)',
    source: { site: 'aclanthology', page: 'volume' },
  }),
  status: 'to-read',
  tags: ['multi-task', 'Classics'],
  note: 'From the volume page.',
  savedFrom: 'https://aclanthology.org/volumes/P17-1/',
  savedAt: 1_600_000_000_000,
  updatedAt: 1_650_000_000_000,
};
const DOI_COPY: SavedPaper = {
  id: 'doi:10.18653/v1/p17-1001',
  paper: aclPaper('doi:10.18653/v1/p17-1001', {
    title: 'Adversarial Multi-task Learning for Text Classification',
    authors: ['Pengfei Liu', 'Xipeng Qiu', 'Xuanjing Huang'],
    abstract: null,
    published: '2017-07-01',
    githubRepos: ['example/adv-mtl'],
    pdfUrl: 'https://aclanthology.org/P17-1001.pdf',
    url: 'https://aclanthology.org/P17-1001/',
    venue: null,
  }),
  status: 'done',
  tags: ['classics', 'adversarial'],
  note: 'Read on the train.',
  savedFrom: 'https://aclanthology.org/P17-1001/',
  savedAt: 1_610_000_000_000,
  updatedAt: 1_660_000_000_000,
};
/** DOIs that do not name an anthology paper stay as they are. */
const NOT_ACL: SavedPaper[] = [
  { ...V1_PAPERS[2]!, id: 'doi:10.3115/v1/p15-1001', paper: { ...V1_PAPERS[2]!.paper, id: 'doi:10.3115/v1/p15-1001' } },
  { ...V1_PAPERS[2]!, id: 'doi:10.18653/v1/2023.acl-long', paper: { ...V1_PAPERS[2]!.paper, id: 'doi:10.18653/v1/2023.acl-long' } },
];

const STORES = ['aliases', 'arxivVersions', 'meta', 'paperRepos', 'papers', 'relevance', 'repos', 'settings', 'snapshots'];

/** Upgrades checked (each test that opens an older database and checks every record after it), for npm test's report. */
const checked = { migrationsChecked: 0, recordsChecked: 0 };
const started = performance.now();
afterAll(() => recordFigures({ suite: 'migrations', durationMs: Math.round(performance.now() - started), counts: checked, details: { schemaVersion: DB_VERSION } }));

describe('database migrations', () => {
  it('v4 → v5 gives old records an unknown version and DOI, and shortens an over-long savedFrom, so undo and re-import take them', async () => {
    expect(v.is(SavedPaperSchema, V1_PAPERS[0])).toBe(false); // what Undo (restore) and re-import would have refused
    expect(LONG_FROM.savedFrom.length).toBeGreaterThan(PAPER_LIMITS.url);
    await createV4([...V1_PAPERS, LONG_FROM]);
    const db = await openDatabase();
    expect(db.version).toBe(DB_VERSION);
    for (const paper of V1_PAPERS) expect(await db.get('papers', paper.id)).toEqual(upgraded(paper));
    expect(await db.get('papers', LONG_FROM.id)).toEqual({ ...upgraded(LONG_FROM), savedFrom: 'https://arxiv.org/search/' });
    for (const record of await db.getAll('papers')) expect(v.safeParse(SavedPaperSchema, record).issues).toBeUndefined();
    // The relevance rows did not change (title, abstract and tags did not).
    for (const record of [...V1_PAPERS, LONG_FROM]) expect(await db.get('relevance', record.id)).toEqual(relevanceDoc(record));
    checked.migrationsChecked++;
    checked.recordsChecked += V1_PAPERS.length + 1;
  });

  it('v3 → v4 moves a paper saved by its ACL DOI to its anthology id, every field kept, in papers and relevance', async () => {
    await createV3([...V1_PAPERS, ACL_ALONE, ...NOT_ACL]);
    const db = await openDatabase();
    expect(db.version).toBe(DB_VERSION);
    const moved: SavedPaper = upgraded({
      ...ACL_ALONE,
      id: 'aclanthology:2023.acl-long.1',
      paper: { ...ACL_ALONE.paper, id: 'aclanthology:2023.acl-long.1' },
    });
    expect(await db.get('papers', ACL_ALONE.id)).toBeUndefined();
    expect(await db.get('papers', moved.id)).toEqual(moved);
    expect(await db.get('relevance', ACL_ALONE.id)).toBeUndefined();
    expect(await db.get('relevance', moved.id)).toEqual({ ...relevanceDoc(ACL_ALONE), id: moved.id } satisfies RelevanceDoc);
    // Everything else exactly as it was.
    for (const other of [...V1_PAPERS, ...NOT_ACL]) {
      expect(await db.get('papers', other.id)).toEqual(upgraded(other));
      expect(await db.get('relevance', other.id)).toEqual(relevanceDoc(other));
    }
    expect(await db.count('papers')).toBe(V1_PAPERS.length + NOT_ACL.length + 1);
    expect(await db.count('relevance')).toBe(V1_PAPERS.length + NOT_ACL.length + 1);
    expect(await lookup(db, [moved.id])).toEqual({ [moved.id]: { status: 'reading', tags: ['ner'] } });
    expect((await db.getAllFromIndex('papers', 'by-status', 'reading')).map((p) => p.id).sort()).toEqual([moved.id, 'arxiv:hep-th/9901001']);
    expect(await getRepo(db, 'o/r')).toMatchObject({ status: 'not-found', fetchedAt: 3 });
    expect(await db.get('paperRepos', '2607.01234')).toEqual({ key: '2607.01234', repos: ['example/sparse-moe'], fetchedAt: 5 });
    expect(await db.get('meta', 'github:anonymous')).toEqual({ key: 'github:anonymous', blockedUntil: 42 });
    expect([...db.objectStoreNames].sort()).toEqual(STORES);
    checked.migrationsChecked++;
    checked.recordsChecked += V1_PAPERS.length + NOT_ACL.length + 1;
  });

  it('v3 → v4 merges a paper saved under both ids: newer edit wins, earlier save kept, tags united, both notes kept', async () => {
    await createV3([ROW_COPY, DOI_COPY]);
    const db = await openDatabase();
    const merged: SavedPaper = upgraded({
      id: 'aclanthology:P17-1001',
      paper: {
        ...DOI_COPY.paper, // the newer edit, field by field, where it knows the field
        id: 'aclanthology:P17-1001',
        abstract: 'Row abstract.', // the DOI copy has none: the row copy's is kept
        venue: 'Proceedings of ACL 2017 (Volume 1: Long Papers)',
        published: '2017-07-01',
        githubRepos: ['example/adv-mtl'],
        source: { site: 'aclanthology', page: 'paper' },
      },
      status: 'done',
      tags: ['classics', 'adversarial', 'multi-task'], // "Classics" is "classics" once
      note: 'Read on the train.\n\nFrom the volume page.',
      savedFrom: 'https://aclanthology.org/volumes/P17-1/',
      savedAt: ROW_COPY.savedAt,
      updatedAt: DOI_COPY.updatedAt,
    });
    expect(await db.getAll('papers')).toEqual([merged]);
    expect(await db.getAll('relevance')).toEqual([relevanceDoc(merged)]);
    expect(await loadRelevanceModel(db)).toEqual(buildModel([fromSaved(merged)]));
    checked.migrationsChecked++;
    checked.recordsChecked += 2;
  });

  it('v4 → v6 keys old-style arXiv papers without the subject class, merging a paper saved under both forms', async () => {
    await createV4([...V1_PAPERS, WITH_CLASS, WITHOUT_CLASS, CLASS_ALONE]);
    const db = await openDatabase();
    expect(db.version).toBe(DB_VERSION);
    const merged = mergeSamePaper('arxiv:math/0309136', upgraded(WITH_CLASS), upgraded(WITHOUT_CLASS));
    const moved: SavedPaper = upgraded({ ...CLASS_ALONE, id: 'arxiv:q-bio/0401001', paper: { ...CLASS_ALONE.paper, id: 'arxiv:q-bio/0401001' } });
    const ids = (await db.getAllKeys('papers')).sort();
    expect(ids).toEqual([...V1_PAPERS.map((p) => p.id), merged.id, moved.id].sort());
    expect(await db.get('papers', merged.id)).toEqual(merged);
    expect(merged).toMatchObject({ status: 'done', tags: ['classics', 'topology'], note: 'Finished.\n\nFrom a link.', savedAt: WITH_CLASS.savedAt });
    expect(await db.get('papers', moved.id)).toEqual(moved);
    expect((await db.getAllKeys('relevance')).sort()).toEqual(ids);
    expect(await db.get('relevance', merged.id)).toEqual(relevanceDoc(merged));
    for (const paper of V1_PAPERS) expect(await db.get('papers', paper.id)).toEqual(upgraded(paper));
    expect(await lookup(db, ['arxiv:math/0309136', 'arxiv:math.GT/0309136'])).toEqual({
      'arxiv:math/0309136': { status: 'done', tags: ['classics', 'topology'] },
      'arxiv:math.GT/0309136': null,
    });
    expect(await getRepo(db, 'o/r')).toMatchObject({ status: 'not-found', fetchedAt: 3 });
    checked.migrationsChecked++;
    checked.recordsChecked += V1_PAPERS.length + 3;
  });

  it('v6 → v7 adds the settings store, empty, and leaves every record and cache as it was', async () => {
    const records = V1_PAPERS.map(upgraded);
    await createV3ToV8(DB_NAME, 6, records, { repos: [{ key: 'o/r', repo: null, status: 'not-found', etag: null, fetchedAt: 3 }], meta: [{ key: 'github:anonymous', blockedUntil: 42 }] });
    const db = await openDatabase();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(STORES);
    expect(await db.count('settings')).toBe(0);
    for (const record of records) {
      expect(await db.get('papers', record.id)).toEqual(record);
      expect(await db.get('relevance', record.id)).toEqual(relevanceDoc(record));
    }
    expect(await getRepo(db, 'o/r')).toMatchObject({ status: 'not-found', fetchedAt: 3 });
    expect(await db.get('meta', 'github:anonymous')).toEqual({ key: 'github:anonymous', blockedUntil: 42 });
    checked.migrationsChecked++;
    checked.recordsChecked += records.length;
  });

  it('v7 → v8 gives records their aliases and an index of them, merges a journal DOI saved apart, keeps each tag once', async () => {
    const withoutAliases = (record: SavedPaper): SavedPaper => {
      const { aliases: _, ...paper } = record.paper;
      return { ...record, paper: paper as Paper };
    };
    const record = (id: string, fields: Partial<SavedPaper>, paper: Partial<Paper> = {}): SavedPaper => withoutAliases({
      id, paper: makePaper({ id, ...paper }), status: 'to-read', tags: [], note: '', savedFrom: 'https://arxiv.org/list/cs.LG/new', savedAt: 100, updatedAt: 100, ...fields,
    });
    // An arXiv paper whose journal DOI the reader also saved on its own (a dblp journal entry), with a note on each.
    const preprint = record('arxiv:2401.12345', { tags: ['MoE'], note: 'read the appendix', savedAt: 100, updatedAt: 300 }, { doi: '10.1109/tpami.2025.3512345' });
    const journal = record('doi:10.1109/tpami.2025.3512345', { tags: ['moe', 'survey'], note: 'journal version', status: 'done', savedAt: 50, updatedAt: 200 }, { pdfUrl: null, url: 'https://doi.org/10.1109/tpami.2025.3512345' });
    const twoCases = record('dblp:conf/icml/Smith23', { tags: ['RL', 'rl', 'Theory'] });
    const plain = record('arxiv:2402.00001', {});
    await createV3ToV8(DB_NAME, 7, [preprint, journal, twoCases, plain]);
    const db = await openDatabase();
    expect(db.version).toBe(DB_VERSION);
    expect((await db.getAllKeys('papers')).sort()).toEqual(['arxiv:2401.12345', 'arxiv:2402.00001', 'dblp:conf/icml/Smith23']);
    const merged = (await db.get('papers', preprint.id))!;
    expect(merged).toMatchObject({
      status: 'to-read', // the newer edit's (the preprint's, at 300), not the journal copy's `done`
      tags: ['MoE', 'survey'],
      note: 'read the appendix\n\njournal version',
      savedAt: 50,
      updatedAt: 300,
    });
    expect(merged.paper).toMatchObject({ id: preprint.id, doi: '10.1109/tpami.2025.3512345', aliases: ['doi:10.1109/tpami.2025.3512345'] });
    expect(await db.get('relevance', journal.id)).toBeUndefined();
    expect(await db.get('relevance', preprint.id)).toEqual(relevanceDoc(merged));
    expect((await db.get('papers', twoCases.id))!.tags).toEqual(['RL', 'Theory']);
    expect((await db.get('papers', plain.id))!.paper.aliases).toEqual([]);
    expect(await db.getAllKeys('aliases')).toEqual([['doi:10.1109/tpami.2025.3512345', preprint.id]]);
    // A page that shows the journal version by its DOI finds the paper.
    expect(await lookup(db, ['doi:10.1109/tpami.2025.3512345'])).toEqual({ 'doi:10.1109/tpami.2025.3512345': { status: 'to-read', tags: ['MoE', 'survey'], savedAs: preprint.id } });
    for (const stored of await db.getAll('papers')) expect(v.safeParse(SavedPaperSchema, stored).issues).toBeUndefined();
    checked.migrationsChecked++;
    checked.recordsChecked += 4;
  });

  it('v8 → v9 drops the snapshots meta held (a save waited for their commit there) and keeps everything else', async () => {
    const records = V1_PAPERS.map(upgraded).map((record) => ({ ...record, paper: { ...record.paper, aliases: [] } }));
    const generation = { key: 'list-generation', token: 'v8-token' };
    await createV3ToV8(DB_NAME, 8, records, {
      meta: [
        { key: 'github:anonymous', blockedUntil: 42 },
        generation,
        { key: 'saved-ids', token: 'v8-token', ids: records.map((r) => r.id), aliases: [] },
        { key: 'relevance-index', token: 'v8-token', v: RELEVANCE_DOC_VERSION, index: { terms: '' } },
      ],
    });
    const db = await openDatabase();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(STORES);
    expect((await db.getAll('meta')).sort((a, b) => a.key.localeCompare(b.key))).toEqual([{ key: 'github:anonymous', blockedUntil: 42 }, generation]);
    expect(await db.count('snapshots')).toBe(0);
    for (const record of records) expect(await db.get('papers', record.id)).toEqual(record);
    expect(Object.keys(await lookup(db, records.map((r) => r.id)))).toHaveLength(records.length);
    checked.migrationsChecked++;
    checked.recordsChecked += records.length;
  });

  it('v9 → v10 adds the store of arXiv versions, empty, and keeps every record as it was', async () => {
    const records = V1_PAPERS.map(upgraded).map((record) => ({ ...record, paper: { ...record.paper, aliases: [] } }));
    await createV3ToV8(DB_NAME, 9, records, { paperRepos: [{ key: '2607.01234', repos: ['o/r'], fetchedAt: 7 }] });
    const db = await openDatabase();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(STORES);
    expect(await db.count('arxivVersions')).toBe(0);
    for (const record of records) expect(await db.get('papers', record.id)).toEqual(record);
    expect(await db.get('paperRepos', '2607.01234')).toEqual({ key: '2607.01234', repos: ['o/r'], fetchedAt: 7 });
    checked.migrationsChecked++;
    checked.recordsChecked += records.length;
  });

  it("v10 → v11 moves DOI ids and DOIs that kept a doi.org link's closing slash to today's form, joining the copies of one paper", async () => {
    const record = (id: string, fields: Partial<SavedPaper>, paper: Partial<Paper> = {}): SavedPaper => ({
      id, paper: makePaper({ id, aliases: [], ...paper }), status: 'to-read', tags: [], note: '', savedFrom: 'https://doi.org/', savedAt: 100, updatedAt: 100, ...fields,
    });
    // Saved from https://doi.org/10.1145/3065386/ by an older build, and again, slash-less, by a newer one.
    const slashed = record('doi:10.1145/3065386/', { status: 'reading', tags: ['vision'], note: 'old copy', savedAt: 50, updatedAt: 200 }, { doi: null });
    const again = record('doi:10.1145/3065386', { tags: ['cnn'], savedAt: 300, updatedAt: 300 }, { doi: null });
    // Saved alone from a doi.org link with its slash: it only moves.
    const alone = record('doi:10.1000/xyz123/', { tags: ['alone'] }, { doi: null });
    // An arXiv paper whose journal DOI an older build kept with the slash (its alias too), and that journal version
    // saved on its own by a newer build: one paper.
    const preprint = record('arxiv:2401.12345', { note: 'preprint', updatedAt: 400 }, { doi: '10.1109/tpami.2025.3512345/', aliases: ['doi:10.1109/tpami.2025.3512345/'] });
    const journal = record('doi:10.1109/tpami.2025.3512345', { status: 'done', note: 'journal', updatedAt: 150 }, { doi: null });
    const plain = record('arxiv:2402.00001', { tags: ['kept'] });
    await createV3ToV8(DB_NAME, 10, [slashed, again, alone, preprint, journal, plain], { aliases: [['doi:10.1109/tpami.2025.3512345/', preprint.id]] });
    const db = await openDatabase();
    expect(db.version).toBe(DB_VERSION);
    expect((await db.getAllKeys('papers')).sort()).toEqual(['arxiv:2401.12345', 'arxiv:2402.00001', 'doi:10.1000/xyz123', 'doi:10.1145/3065386']);
    expect((await db.getAllKeys('relevance')).sort()).toEqual(['arxiv:2401.12345', 'arxiv:2402.00001', 'doi:10.1000/xyz123', 'doi:10.1145/3065386']);
    // The newer edit's status (mergeSamePaper), both copies' tags and note, the earlier save.
    expect(await db.get('papers', 'doi:10.1145/3065386')).toMatchObject({ status: 'to-read', tags: ['cnn', 'vision'], note: 'old copy', savedAt: 50, updatedAt: 300 });
    expect((await db.get('papers', 'doi:10.1145/3065386'))!.paper.id).toBe('doi:10.1145/3065386');
    expect(await db.get('papers', 'doi:10.1000/xyz123')).toEqual({ ...alone, id: 'doi:10.1000/xyz123', paper: { ...alone.paper, id: 'doi:10.1000/xyz123' } });
    const merged = (await db.get('papers', preprint.id))!;
    expect(merged).toMatchObject({ status: 'to-read', note: 'preprint\n\njournal' });
    expect(merged.paper).toMatchObject({ doi: '10.1109/tpami.2025.3512345', aliases: ['doi:10.1109/tpami.2025.3512345'] });
    expect(await db.get('papers', plain.id)).toEqual(plain);
    expect(await db.getAllKeys('aliases')).toEqual([['doi:10.1109/tpami.2025.3512345', preprint.id]]);
    expect(await db.get('relevance', preprint.id)).toEqual(relevanceDoc(merged));
    // A page that links either paper by its DOI finds it saved.
    expect(await lookup(db, ['doi:10.1145/3065386', 'doi:10.1109/tpami.2025.3512345'])).toEqual({
      'doi:10.1145/3065386': { status: 'to-read', tags: ['cnn', 'vision'] },
      'doi:10.1109/tpami.2025.3512345': { status: 'to-read', tags: [], savedAs: preprint.id },
    });
    for (const stored of await db.getAll('papers')) expect(v.safeParse(SavedPaperSchema, stored).issues).toBeUndefined();
    checked.migrationsChecked++;
    checked.recordsChecked += 6;
  });

  it("v11 → v12 drops what 0.1.0 and 0.2.0 let into a paper and the background refuses since, so undo and re-import take it", async () => {
    // As 0.2.0 saved them from a broken page (a date no calendar has, an address with a space, `owner/..`), carried
    // through every upgrade since; beside a record with nothing to drop.
    const loose = (id: string, paper: Partial<Paper>): SavedPaper => ({ ...V1_PAPERS[1]!, id, paper: makePaper({ id, aliases: [], ...paper }) });
    const dated = loose('arxiv:2607.00011', { published: '2026-02-30', githubRepos: ['o/..', 'ok/repo', 'o/.'] });
    const spaced = loose('arxiv:2607.00012', { published: '0999-01-01', pdfUrl: 'https://x.org/paper one.pdf', projectUrl: 'https://[broken/', url: 'https://x.org/abs?q=a b#part two' });
    const fine = loose('arxiv:2607.00013', { published: '2026-02', url: 'https://x.org/abs/2607.00013' });
    for (const record of [dated, spaced]) expect(v.is(SavedPaperSchema, record)).toBe(false); // what Undo (restore) and re-import refused
    await createV3ToV8(DB_NAME, 11, [dated, spaced, fine]);
    const db = await openDatabase();
    expect(db.version).toBe(DB_VERSION);
    expect(await db.get('papers', dated.id)).toEqual({ ...dated, paper: { ...dated.paper, published: null, githubRepos: ['ok/repo'] } });
    expect(await db.get('papers', spaced.id)).toEqual({
      ...spaced,
      paper: { ...spaced.paper, published: null, pdfUrl: 'https://x.org/paper%20one.pdf', projectUrl: null, url: 'https://x.org/abs?q=a%20b#part%20two' },
    });
    expect(await db.get('papers', fine.id)).toEqual(fine);
    for (const record of await db.getAll('papers')) expect(v.safeParse(SavedPaperSchema, record).issues).toBeUndefined();
    // Title, abstract and tags did not change: nor did the relevance rows.
    for (const record of [dated, spaced, fine]) expect(await db.get('relevance', record.id)).toEqual(relevanceDoc(record));
    checked.migrationsChecked++;
    checked.recordsChecked += 3;
  });

  it('v1 → current: a paper 0.1.0 saved with a date no calendar has comes out as today\'s schema takes it', async () => {
    const broken: SavedPaper = { ...V1_PAPERS[0]!, id: 'arxiv:2607.04444', paper: beforeV5(makePaper({ id: 'arxiv:2607.04444', published: '2026-02-30', pdfUrl: 'https://x.org/a b.pdf' })) };
    await createV1([...V1_PAPERS, broken]);
    const db = await openDatabase();
    expect(await db.get('papers', broken.id)).toEqual({ ...broken, paper: { ...broken.paper, published: null, pdfUrl: 'https://x.org/a%20b.pdf', version: null, doi: null, aliases: [] } });
    for (const record of await db.getAll('papers')) expect(v.safeParse(SavedPaperSchema, record).issues).toBeUndefined();
    checked.migrationsChecked++;
    checked.recordsChecked += V1_PAPERS.length + 1;
  });

  it('v2 → v4 builds the relevance model under the new ids only', async () => {
    await createV2([V1_PAPERS[0]!, ROW_COPY, DOI_COPY, ACL_ALONE]);
    const db = await openDatabase();
    const ids = (await db.getAllKeys('papers')).sort();
    expect(ids).toEqual(['aclanthology:2023.acl-long.1', 'aclanthology:P17-1001', 'arxiv:2607.01234']);
    expect((await db.getAllKeys('relevance')).sort()).toEqual(ids);
    const docs = await db.getAll('relevance');
    expect(docs.every((d) => d.v === RELEVANCE_DOC_VERSION)).toBe(true);
    expect(await loadRelevanceModel(db)).toEqual(buildModel((await db.getAll('papers')).map(fromSaved)));
    expect((await db.get('papers', 'aclanthology:P17-1001'))?.note).toBe('Read on the train.\n\nFrom the volume page.');
    checked.migrationsChecked++;
    checked.recordsChecked += 4;
  });

  it('upgrades a version-2 database losslessly and builds the relevance model from the papers already saved', async () => {
    await createV2(V1_PAPERS);
    const db = await openDatabase();
    expect(db.version).toBe(DB_VERSION);
    const byId = (a: SavedPaper, b: SavedPaper) => a.id.localeCompare(b.id);
    expect((await db.getAll('papers')).sort(byId)).toEqual(V1_PAPERS.map(upgraded).sort(byId));
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
    expect((await db.getAll('papers')).sort(byId)).toEqual(V1_PAPERS.map(upgraded).sort(byId));
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

  it('v1 → current in one upgrade: ACL papers moved and merged, the model built under the new ids, every index there', async () => {
    await createV1([...V1_PAPERS, ROW_COPY, DOI_COPY, ACL_ALONE]);
    const db = await openDatabase();
    expect(db.version).toBe(DB_VERSION);
    const ids = (await db.getAllKeys('papers')).sort();
    expect(ids).toEqual([...V1_PAPERS.map((p) => p.id), 'aclanthology:2023.acl-long.1', 'aclanthology:P17-1001'].sort());
    expect((await db.getAllKeys('relevance')).sort()).toEqual(ids);
    expect(await loadRelevanceModel(db)).toEqual(buildModel((await db.getAll('papers')).map(fromSaved)));
    for (const paper of V1_PAPERS) expect(await db.get('papers', paper.id)).toEqual(upgraded(paper));
    expect((await db.getAllFromIndex('papers', 'by-status', 'done')).map((p) => p.id).sort()).toEqual(['aclanthology:P17-1001', 'doi:10.1145/3292500.3330701']);
    expect((await db.getAllFromIndex('papers', 'by-savedAt')).map((p) => p.savedAt)).toEqual([ROW_COPY.savedAt, ACL_ALONE.savedAt, ...V1_PAPERS.map((p) => p.savedAt).sort()]);
    const tx = db.transaction(['repos', 'paperRepos']);
    expect([...tx.objectStore('repos').indexNames]).toEqual(['by-fetchedAt']);
    expect([...tx.objectStore('paperRepos').indexNames]).toEqual(['by-fetchedAt']);
    await tx.done;
    expect(await lookup(db, ['aclanthology:P17-1001', 'doi:10.18653/v1/p17-1001'])).toEqual({
      'aclanthology:P17-1001': { status: 'done', tags: ['classics', 'adversarial', 'multi-task'] },
      'doi:10.18653/v1/p17-1001': null,
    });
    checked.migrationsChecked++;
    checked.recordsChecked += V1_PAPERS.length + 3;
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
    expect(db.transaction('settings').store.keyPath).toBeNull(); // one row under its own key
  });

  it('reopening a current database changes nothing', async () => {
    const db = await openDatabase();
    await putRepo(db, { key: 'o/r', repo: null, status: 'not-found', etag: null, fetchedAt: 7 });
    db.close();
    const again = await openDatabase();
    expect(await getRepo(again, 'o/r')).toMatchObject({ fetchedAt: 7 });
  });
});
