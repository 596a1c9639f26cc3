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

export interface PapershelfDB extends DBSchema {
  papers: {
    key: string;
    value: SavedPaper;
    indexes: { 'by-savedAt': number; 'by-status': ReadingStatus };
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
];

export const DB_VERSION = MIGRATIONS.length;

export function upgrade(db: IDBPDatabase<PapershelfDB>, oldVersion: number, tx: UpgradeTx): void {
  for (let version = oldVersion; version < DB_VERSION; version++) MIGRATIONS[version]!(db, tx);
}
