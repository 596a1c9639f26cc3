// The one IndexedDB schema (idb's typed DBSchema) and its versioned upgrade path.
// Every version gets one step in `MIGRATIONS`; a step never awaits anything but the upgrade transaction.
import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { Paper } from '../core/paper';

export type ReadingStatus = 'to-read' | 'reading' | 'done';
export const READING_STATUSES: readonly ReadingStatus[] = ['to-read', 'reading', 'done'];

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

/** A service that said "stop": no request to it before `blockedUntil` (epoch ms). Kept across worker restarts. */
export interface RateLimitState {
  /** e.g. `github:anonymous`, `github:token`, `huggingface`. */
  key: string;
  blockedUntil: number;
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
  /** Small records of background state; today only rate-limit blocks. */
  meta: {
    key: string;
    value: RateLimitState;
  };
}

export const DB_NAME = 'papershelf';

type UpgradeTx = IDBPTransaction<PapershelfDB, StoreNames<PapershelfDB>[], 'versionchange'>;
type Migration = (db: IDBPDatabase<PapershelfDB>, tx: UpgradeTx) => void;

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
];

export const DB_VERSION = MIGRATIONS.length;

export function upgrade(db: IDBPDatabase<PapershelfDB>, oldVersion: number, tx: UpgradeTx): void {
  for (let version = oldVersion; version < DB_VERSION; version++) MIGRATIONS[version]!(db, tx);
}
