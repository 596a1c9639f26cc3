// The one IndexedDB schema (idb's typed DBSchema) and its versioned upgrade path.
// Every version gets one step in `MIGRATIONS`; a step never awaits anything but the upgrade transaction.
import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import { isHttpUrl, isPaperDate, savedFromUrl, type Paper } from '../core/paper';
import { REPO_NAME } from '../core/github';
import { aclAnthologyIdFromDoi, arxivIdOf, currentId, isDoi, parseArxivId, trimmedDoi } from '../core/ids';
import { docTerms } from '../core/relevance/model';
import { mergeSamePaper } from './same-paper';
import { aliasesOf } from '../core/aliases';
import { aliasList } from './aliases';
import { unionTags } from '../core/tags/same-tag';
import type { Settings } from './settings';

import type { ReadingStatus } from './status';
export { READING_STATUSES, type ReadingStatus } from './status';

/** A paper in the reading list: the paper as last seen, plus what the user did with it. */
export interface SavedPaper {
  /** Canonical paper id (`arxiv:…`, `doi:…`, `<site>:…`): the key. */
  id: string;
  paper: Paper;
  status: ReadingStatus;
  tags: string[];
  note: string;
  /** The page the paper was saved from. */
  savedFrom: string;
  /** Epoch milliseconds. */
  savedAt: number;
  updatedAt: number;
  /**
   * When the reader last changed the status (the save, for a paper never moved on), epoch ms: a done paper's is the day
   * it was finished. Absent where unknown: records kept or backed up by builds before it.
   */
  statusAt?: number;
}

/** What a GitHub badge shows about a repository (from `GET /repos/{owner}/{repo}`, validated). */
export interface RepoInfo {
  /** `owner/repo` as GitHub knows it now (renames followed). */
  fullName: string;
  stars: number;
  forks: number;
  /** Last code push (ISO timestamp); null for an empty repository. */
  pushedAt: string | null;
  archived: boolean;
  description: string | null;
  language: string | null;
  /** SPDX id (`MIT`, `Apache-2.0`), `Other` for an unrecognised licence, null for none. */
  license: string | null;
  htmlUrl: string;
}

/** A cached GitHub answer for one repository name. */
export interface RepoCacheEntry {
  /** Lowercased `owner/repo` as asked for (a renamed repository is cached under old and new names). */
  key: string;
  /** null when `status` is `not-found`. */
  repo: RepoInfo | null;
  status: 'ok' | 'not-found';
  /** For conditional revalidation (`If-None-Match`). */
  etag: string | null;
  /** Epoch milliseconds of the last answer from GitHub (200, 304 or 404). */
  fetchedAt: number;
}

/** Hugging Face's answer to "which repositories does this arXiv paper have"; `[]` is cached too. */
export interface PaperReposEntry {
  /** arXiv id without version. */
  key: string;
  repos: string[];
  fetchedAt: number;
}

/** What arXiv's API said of a saved paper's newest version when last asked (the library's check for new versions). */
export interface ArxivVersionEntry {
  /** arXiv id without version (as `paperRepos`). */
  key: string;
  version: number;
  /** YYYY-MM-DD the newest version was submitted; null when arXiv gave no real date. */
  updated: string | null;
  /** Epoch milliseconds of the answer. */
  checkedAt: number;
  /** The newest version's comment, its authors' word on what it is (absent: none); page data, shown as text only. */
  comment?: string;
}

/** A service that said "stop": no request to it before `blockedUntil` (epoch ms). Kept across worker restarts. */
export interface RateLimitState {
  /** e.g. `github:anonymous`, `github:token`, `huggingface`. */
  key: string;
  blockedUntil: number;
}

/** The `meta` key of the list's generation; the `snapshots` keys of the saved ids' snapshot (saved-states.ts) and of the relevance index's (relevance.ts). */
export const GENERATION_KEY = 'list-generation';
export const SNAPSHOT_KEY = 'saved-ids';
export const RELEVANCE_SNAPSHOT_KEY = 'relevance-index';

/**
 * Which write the list is at: every write that can change the saved ids, their aliases or their relevance rows puts a
 * new token here, in its own transaction (reading-list.ts), so a snapshot taken at another token is known to be out
 * of date.
 */
export interface ListGeneration {
  key: typeof GENERATION_KEY;
  token: string;
}

/** The token of a record as stored (the generation, or a snapshot's), when it has one: a damaged record has none. */
export function tokenOf(record: unknown): string | undefined {
  const token = (record as { token?: unknown } | undefined)?.token;
  return typeof token === 'string' ? token : undefined;
}

/**
 * Every saved id and alias as of the write `token` names, in one record: a background that starts again (Chrome stops
 * an idle service worker after 30 s) reads it instead of every key of two stores (saved-states.ts).
 */
export interface SavedIdsSnapshot {
  key: typeof SNAPSHOT_KEY;
  token: string;
  ids: string[];
  /** `[alias, id it is saved under]`, as the `aliases` store keys them. */
  aliases: [string, string][];
}

/**
 * The compiled relevance index as of the write `token` names, packed (core/relevance/pack.ts) and stored as its bytes
 * (packedBytes) in one Blob: a background that starts again reads it instead of every relevance row (relevance.ts).
 * `v`: RELEVANCE_DOC_VERSION of the rows it was built from.
 */
export interface RelevanceSnapshot {
  key: typeof RELEVANCE_SNAPSHOT_KEY;
  token: string;
  v: number;
  index: Blob;
}

/**
 * One saved paper's share of the relevance model (issue #8): its weighted terms, written in the same
 * transaction as its `papers` record, so the model can never drift from the list. Document frequencies are
 * summed when the background loads the model; storing them would make every save rewrite a shared row.
 */
export interface RelevanceDoc {
  /** The saved paper's id. */
  id: string;
  /** `RELEVANCE_DOC_VERSION` when written: a tokenizer change bumps it and the background rebuilds. */
  v: number;
  title: string;
  terms: string[];
  counts: number[];
}

/** Bump when tokenize.ts or docTerms() would turn the same paper into different terms. */
export const RELEVANCE_DOC_VERSION = 1;

/**
 * A reading-list record's relevance document: title, abstract and the user's tags (as `fromSaved` in
 * core/relevance/model.ts). Never throws, even on a damaged old record: a migration must not half-fail.
 */
export function relevanceDoc(saved: SavedPaper): RelevanceDoc {
  const title = typeof saved.paper?.title === 'string' ? saved.paper.title : '';
  const tags = Array.isArray(saved.tags) ? saved.tags.filter((t) => typeof t === 'string') : [];
  const abstract = typeof saved.paper?.abstract === 'string' ? saved.paper.abstract : null;
  return { id: saved.id, v: RELEVANCE_DOC_VERSION, title, ...docTerms(title, abstract, tags) };
}

export interface PapershelfDB extends DBSchema {
  papers: {
    key: string;
    value: SavedPaper;
    indexes: { 'by-savedAt': number; 'by-status': ReadingStatus };
  };
  repos: {
    key: string;
    value: RepoCacheEntry;
    indexes: { 'by-fetchedAt': number };
  };
  paperRepos: {
    key: string;
    value: PaperReposEntry;
    indexes: { 'by-fetchedAt': number };
  };
  /** Small records of background state: rate-limit blocks and the list's generation. */
  meta: {
    key: string;
    value: RateLimitState | ListGeneration;
  };
  /**
   * What a worker that starts again reads instead of whole stores, each under the generation it was taken at. Its own
   * store, not `meta`: a save's transaction holds `meta` (the new generation), and would wait for a snapshot's commit.
   */
  snapshots: {
    key: string;
    value: SavedIdsSnapshot | RelevanceSnapshot;
  };
  /** The relevance model, one row per saved paper (keyed like `papers`). */
  relevance: {
    key: string;
    value: RelevanceDoc;
  };
  /**
   * Every other id a saved paper answers to (Paper.aliases), keyed `[alias, id it is saved under]` (out of line; the
   * value is nothing): the key alone says both (aliases.ts).
   */
  aliases: {
    key: [string, string];
    value: 0;
  };
  /** arXiv's newest version of saved papers, as last asked (storage/arxiv-versions.ts): facts of arXiv's, not the reader's, so not backed up. */
  arxivVersions: {
    key: string;
    value: ArxivVersionEntry;
  };
  /** The user's settings, one row under SETTINGS_KEY (settings-store.ts); out-of-line key. */
  settings: {
    key: string;
    value: Partial<Settings>;
  };
}

export const DB_NAME = 'papershelf';

type UpgradeTx = IDBPTransaction<PapershelfDB, StoreNames<PapershelfDB>[], 'versionchange'>;
/** A step that moves records returns its chain of requests: the next step starts when it has settled (see upgrade). */
type Migration = (db: IDBPDatabase<PapershelfDB>, tx: UpgradeTx) => void | Promise<unknown>;

/** MIGRATIONS[n - 1] brings a database from version n - 1 to version n. Append; never edit a shipped step. */
export const MIGRATIONS: readonly Migration[] = [
  // v1 (0.1.0): the reading list.
  (db) => {
    const papers = db.createObjectStore('papers', { keyPath: 'id' });
    papers.createIndex('by-savedAt', 'savedAt');
    papers.createIndex('by-status', 'status');
  },
  // v2 (0.2.0): GitHub badge cache, Hugging Face paper→repository lookups, rate-limit state.
  // The `by-fetchedAt` indexes are for pruning old entries later without another version.
  (db) => {
    db.createObjectStore('repos', { keyPath: 'key' }).createIndex('by-fetchedAt', 'fetchedAt');
    db.createObjectStore('paperRepos', { keyPath: 'key' }).createIndex('by-fetchedAt', 'fetchedAt');
    db.createObjectStore('meta', { keyPath: 'key' });
  },
  // v3 (0.3.0): the relevance model, built here from the papers already saved, inside the upgrade transaction
  // (its requests keep it open; nothing else is awaited).
  (db, tx) => {
    const relevance = db.createObjectStore('relevance', { keyPath: 'id' });
    void tx
      .objectStore('papers')
      .getAll()
      .then((papers) => Promise.all(papers.map((saved) => relevance.put(relevanceDoc(saved)))))
      .catch(() => {}); // a failed put aborts the upgrade, and openDatabase() reports that

  },
  // v4 (0.4.0): one id per ACL Anthology paper (issue #3). Papers saved from an anthology paper page were keyed
  // `doi:10.18653/v1/<anthology id>`, the same paper from a listing row `aclanthology:<anthology id>`; canonicalId now
  // gives the latter for both, so stored records move to it, in `papers` and in `relevance` (the only stores keyed
  // by paper id: `paperRepos` is keyed by arXiv id, `repos` by repository, `meta` by service). A paper saved under
  // both ids becomes one record (same-paper.ts).
  (_db, tx) => movePapers(tx, (id) => {
    const anthologyId = id.startsWith('doi:') ? aclAnthologyIdFromDoi(id.slice('doi:'.length)) : null;
    return anthologyId ? `aclanthology:${anthologyId}` : null;
  }),
  // v5 (0.5.0): papers keep their arXiv version and their own DOI (`version`, `doi`); records saved before have
  // neither, and get null for both (unknown), so every record has the shape SavedPaperSchema checks (undo of a remove
  // and re-import send records back through it). In the same pass, a `savedFrom` address longer than a record may now
  // hold (older builds kept a search page's address whole) is shortened as saves shorten it (savedFromUrl).
  (_db, tx) => {
    const papers = tx.objectStore('papers');
    return papers
      .getAll()
      .then((all) => {
        const upgraded = all.map(v5Record).filter((record): record is SavedPaper => record !== null);
        return Promise.all(upgraded.map((record) => papers.put(record)));
      })
      .catch(() => {}); // a failed request aborts the upgrade, and openDatabase() reports that
  },
  // v6 (0.6.0): one id per old-style arXiv paper. An id's subject class names no paper (arXiv's `math.GT/0309136` is
  // its `math/0309136`, the form its pages give), and canonicalId now drops it: papers saved from a link or a file
  // with the class move to the id without it, in `papers` and `relevance`; a paper saved under both becomes one.
  (_db, tx) => movePapers(tx, (id) => {
    const arxiv = arxivIdOf(id);
    const bare = arxiv === null ? null : (parseArxivId(arxiv)?.id ?? null);
    return bare !== null && bare !== arxiv ? `arxiv:${bare}` : null;
  }),
  // v7 (0.7.0): the settings (the GitHub token, watched topics, tag rules) move here from storage.local, which Firefox
  // leaves open to content scripts and so to a compromised page process. The store is made here; the background moves
  // what storage.local holds when it starts (settings-store.ts adoptLocalSettings), as an upgrade cannot await it.
  (db) => {
    db.createObjectStore('settings');
  },
  // v8 (0.8.0): a paper answers to all its ids (Paper.aliases, core/aliases.ts): the ids a page gave beside its own
  // (a dblp entry's DOI and CVF page), and the id of its own DOI. Records get their aliases (what an older build
  // stored: the id of its DOI) and the `aliases` store maps each to its record (aliases.ts), so a page that shows the
  // paper under another id finds it. Two records that turn out to be one paper (one names the other's id: an arXiv
  // paper whose journal DOI was saved on its own) become one under the naming record's id (same-paper.ts). In the same
  // pass, a tag kept in two cases by an older build is kept once (core/tags/same-tag.ts).
  (db, tx) => {
    const aliases = db.createObjectStore('aliases');
    const papers = tx.objectStore('papers');
    const relevance = tx.objectStore('relevance');
    return papers
      .getAll()
      .then((all) => {
        const byId = new Map<string, SavedPaper>();
        const writes = new Map<string, SavedPaper | null>();
        for (const record of all) {
          const current = v8Record(record);
          byId.set(record.id, current ?? record);
          if (current) writes.set(record.id, current);
        }
        joinNamed(byId, writes);
        const rows = [...writes].flatMap(([id, record]): Promise<unknown>[] =>
          record ? [papers.put(record), relevance.put(relevanceDoc(record))] : [papers.delete(id), relevance.delete(id)]);
        for (const [id, record] of byId) for (const alias of aliasList(record)) if (!byId.has(alias)) rows.push(aliases.put(0, [alias, id]));
        return Promise.all(rows);
      })
      .catch(() => {}); // a failed request aborts the upgrade, and openDatabase() reports that
  },
  // v9 (0.9.0): the snapshots move out of `meta` to a store of their own (issue #7). A save's transaction writes the
  // list's new generation in `meta`; while the relevance index's snapshot (~10 MB at 10,000 papers) was written
  // there, a save clicked at that moment waited for its commit. Nothing moves: upgrade() drops the old ones.
  (db) => {
    db.createObjectStore('snapshots', { keyPath: 'key' });
  },
  // v10 (0.10.0): what arXiv last said of saved papers' newest versions (the library's check for new versions).
  (db) => {
    db.createObjectStore('arxivVersions', { keyPath: 'key' });
  },
  // v11 (0.11.0): DOI ids in today's form. Builds before kept a doi.org link's closing slash in the DOI
  // (`doi:10.1145/3065386/`, saved from `https://doi.org/10.1145/3065386/`), which canonicalId now drops: the paper
  // showed as unsaved on every page, and a save made it twice. Records move to their id's current form (currentId),
  // their paper's DOI and aliases likewise, in `papers`, `relevance` and `aliases`; a paper that turns out to be saved
  // twice (under both forms, or once by id and once named by another record's alias) becomes one (same-paper.ts).
  (_db, tx) => currentIds(tx),
  // v12 (0.12.0): papers within what a record may hold today. 0.1.0 and 0.2.0 checked a saved paper more loosely than the
  // background has since (aa325d4): they kept a date no calendar has (2026-02-30, the year 0999), an address with a
  // space in it, a repository named `owner/..`. Such a record could not come back through the schema every record is
  // checked against when it is sent back: its undo after a removal, the undo of a merge into it and an import that
  // merges a copy into it were refused. The date and the repository go, as a page's do (boundPaper); an address is
  // kept as the URL parser writes it (a space as %20) where it can be, else goes. Title, abstract and tags stay, so
  // the relevance rows do; so do the ids, so the aliases do.
  (_db, tx) => {
    const papers = tx.objectStore('papers');
    return papers
      .getAll()
      .then((all) => Promise.all(all.map(v12Record).flatMap((record) => (record ? [papers.put(record)] : []))))
      .catch(() => {}); // a failed request aborts the upgrade, and openDatabase() reports that
  },
];

/**
 * A record as v8 keeps it (see MIGRATIONS[7]): its paper's aliases (aliasesOf: those it has, and its own DOI's id),
 * each tag once whatever its case; null when it is that already or too damaged to touch.
 */
export function v8Record(record: SavedPaper): SavedPaper | null {
  if (!record || typeof record !== 'object' || !record.paper || typeof record.paper !== 'object' || typeof record.id !== 'string') return null;
  const aliases = aliasesOf({ ...record.paper, id: record.id });
  const had = (record.paper as Partial<Paper>).aliases;
  const sameAliases = Array.isArray(had) && had.length === aliases.length && had.every((a, i) => a === aliases[i]);
  const tags = Array.isArray(record.tags) ? unionTags(record.tags.filter((t) => typeof t === 'string'), []) : null;
  const sameTags = !tags || tags.length === record.tags.length;
  if (sameAliases && sameTags) return null;
  return { ...record, paper: { ...record.paper, aliases }, ...(tags && !sameTags ? { tags } : {}) };
}

/**
 * Records that name another's id among their aliases become one, under the naming record's id (same-paper.ts):
 * `byId` is brought up to date and `writes` gets the merged records, and null for each id merged away.
 */
function joinNamed(byId: Map<string, SavedPaper>, writes: Map<string, SavedPaper | null>): void {
  for (const id of [...byId.keys()]) {
    let record = byId.get(id);
    if (!record || !Array.isArray(record.paper?.aliases)) continue;
    for (const alias of record.paper.aliases) {
      const other = byId.get(alias);
      if (!other || alias === id) continue;
      try {
        record = mergeSamePaper(id, record, other);
      } catch {
        continue; // a damaged record stays as it is rather than half-merged
      }
      byId.set(id, record);
      byId.delete(alias);
      writes.set(id, record);
      writes.set(alias, null);
    }
  }
}

/** A record as v5 keeps it (see MIGRATIONS[4]), or null when it is that already or too damaged to touch. */
export function v5Record(record: SavedPaper): SavedPaper | null {
  if (!record || typeof record !== 'object' || !record.paper || typeof record.paper !== 'object') return null;
  const paper = record.paper as Partial<Paper>;
  const addFields = !('version' in paper) || !('doi' in paper);
  const from = typeof record.savedFrom === 'string' && record.savedFrom !== '' && !isHttpUrl(record.savedFrom) ? (savedFromUrl(record.savedFrom) ?? '') : null;
  if (!addFields && from === null) return null;
  return {
    ...record,
    paper: addFields ? { ...record.paper, version: paper.version ?? null, doi: paper.doi ?? null } : record.paper,
    ...(from === null ? {} : { savedFrom: from }),
  };
}

/**
 * Move each record `idFor` gives a new id (null: it stays) to that id, in `papers` and in `relevance`, merging it with a
 * record already there (same-paper.ts). Requests only, chained inside the upgrade transaction.
 */
function movePapers(tx: UpgradeTx, idFor: (id: string) => string | null): Promise<unknown> {
  const papers = tx.objectStore('papers');
  const relevance = tx.objectStore('relevance');
  return papers
    .getAll()
    .then((all) => {
      const byId = new Map(all.map((record) => [record.id, record]));
      const writes: Promise<unknown>[] = [];
      for (const record of all) {
        const id = typeof record.id === 'string' ? idFor(record.id) : null;
        if (!id || !byId.has(record.id)) continue;
        const other = byId.get(id);
        let moved: SavedPaper;
        try {
          moved = other ? mergeSamePaper(id, other, record) : { ...record, id, paper: { ...record.paper, id } };
        } catch {
          continue; // a damaged record stays where it is rather than half-moved
        }
        byId.set(id, moved);
        byId.delete(record.id);
        writes.push(papers.delete(record.id), relevance.delete(record.id), papers.put(moved), relevance.put(relevanceDoc(moved)));
      }
      return Promise.all(writes);
    })
    .catch(() => {}); // a failed request aborts the upgrade, and openDatabase() reports that
}

/**
 * A record with its id, its paper's DOI and its aliases in today's form (see MIGRATIONS[10]), or null when they are
 * that already or the record is too damaged to touch.
 */
export function v11Record(record: SavedPaper): SavedPaper | null {
  if (!record || typeof record !== 'object' || !record.paper || typeof record.paper !== 'object' || typeof record.id !== 'string') return null;
  const id = currentId(record.id);
  const had = record.paper.doi;
  const doi = typeof had === 'string' && isDoi(trimmedDoi(had)) ? trimmedDoi(had) : had;
  const aliases = aliasesOf({ ...record.paper, id, doi });
  const old = aliasList(record);
  if (id === record.id && doi === had && record.paper.id === id && old.length === aliases.length && old.every((a, i) => a === aliases[i])) return null;
  return { ...record, id, paper: { ...record.paper, id, doi, aliases } };
}

/** MIGRATIONS[10]: every record in today's form (v11Record), records of one paper joined, `aliases` made again. */
function currentIds(tx: UpgradeTx): Promise<unknown> {
  const papers = tx.objectStore('papers');
  const relevance = tx.objectStore('relevance');
  const aliases = tx.objectStore('aliases');
  return papers
    .getAll()
    .then((all) => {
      const byId = new Map<string, SavedPaper>(all.map((record) => [record.id, record]));
      const writes = new Map<string, SavedPaper | null>();
      for (const record of all) {
        const current = v11Record(record);
        if (!current || byId.get(record.id) !== record) continue;
        const other = current.id === record.id ? undefined : byId.get(current.id);
        let moved = current;
        try {
          if (other) moved = mergeSamePaper(current.id, other, current);
        } catch {
          continue; // a damaged record stays where it is rather than half-moved
        }
        if (current.id !== record.id) {
          byId.delete(record.id);
          writes.set(record.id, null);
        }
        byId.set(current.id, moved);
        writes.set(current.id, moved);
      }
      if (!writes.size) return [];
      // A moved record or alias may now name another record: one paper, one record (as MIGRATIONS[7] joined them).
      joinNamed(byId, writes);
      const rows: Promise<unknown>[] = [aliases.clear()];
      for (const [id, record] of writes) rows.push(...(record ? [papers.put(record), relevance.put(relevanceDoc(record))] : [papers.delete(id), relevance.delete(id)]));
      for (const [id, record] of byId) for (const alias of aliasList(record)) if (!byId.has(alias)) rows.push(aliases.put(0, [alias, id]));
      return Promise.all(rows);
    })
    .catch(() => {}); // a failed request aborts the upgrade, and openDatabase() reports that
}

/** An address as a record keeps it (isHttpUrl), written as the URL parser writes it (`a b` as `a%20b`); else null. */
function keptUrl(url: string): string | null {
  if (isHttpUrl(url)) return url;
  const parsed = URL.canParse(url) ? new URL(url) : null;
  return parsed && (parsed.protocol === 'https:' || parsed.protocol === 'http:') && isHttpUrl(parsed.href) ? parsed.href : null;
}

/**
 * A record whose paper's date, addresses and repositories are what a record may hold today (see MIGRATIONS[11]), or
 * null when they are that already or the record is too damaged to touch.
 */
export function v12Record(record: SavedPaper): SavedPaper | null {
  if (!record || typeof record !== 'object' || !record.paper || typeof record.paper !== 'object') return null;
  const paper = record.paper;
  const fixed: Partial<Paper> = {};
  if (typeof paper.published === 'string' && !isPaperDate(paper.published)) fixed.published = null;
  for (const key of ['projectUrl', 'pdfUrl', 'url'] as const) {
    const url = paper[key];
    if (typeof url === 'string' && keptUrl(url) !== url) fixed[key] = keptUrl(url);
  }
  const repos = Array.isArray(paper.githubRepos) ? paper.githubRepos.filter((repo) => typeof repo === 'string' && REPO_NAME.test(repo)) : null;
  if (repos && repos.length !== paper.githubRepos.length) fixed.githubRepos = repos;
  return Object.keys(fixed).length ? { ...record, paper: { ...paper, ...fixed } } : null;
}

export const DB_VERSION = MIGRATIONS.length;

/**
 * Run the steps from `oldVersion` on. A step that returns its requests' chain (v4 on) runs to its end before the next
 * step starts: two steps that each read every record and write some back would otherwise both read the records as
 * they were, and the later one would put back what the earlier one moved. Steps that only create stores return
 * nothing and run at once. The chain stays inside the upgrade transaction (its requests keep it open).
 */
export function upgrade(db: IDBPDatabase<PapershelfDB>, oldVersion: number, tx: UpgradeTx): void {
  // A step may move records to other ids or rewrite relevance rows: the snapshots go, and the first lookup reads the
  // keys, the first relevance request the rows.
  // Before v9 they were kept in `meta`, under the same keys.
  if (db.objectStoreNames.contains('meta')) {
    for (const key of [SNAPSHOT_KEY, RELEVANCE_SNAPSHOT_KEY]) tx.objectStore('meta').delete(key).catch(() => {}); // a failed request aborts the upgrade
  }
  if (db.objectStoreNames.contains('snapshots')) tx.objectStore('snapshots').clear().catch(() => {});
  let previous: Promise<unknown> | undefined;
  for (let version = oldVersion; version < DB_VERSION; version++) {
    const step = MIGRATIONS[version]!;
    previous = (previous ? previous.then(() => step(db, tx)) : step(db, tx)) ?? undefined;
  }
  // A failed request aborts the upgrade (openDatabase reports why); the steps after it then find the transaction done.
  previous?.catch(() => {});
}
