// Databases as older builds left them, for the upgrade tests (src/storage/migrations.test.ts under fake-indexeddb,
// test/e2e/migration-page.ts in real browsers). The stores are written out here, frozen on purpose: MIGRATIONS may
// not be used to make them, since what is tested is that MIGRATIONS brings exactly these to the current version.
import { openDB } from 'idb';
import { relevanceDoc, type SavedPaper } from '../../src/storage/schema';

/** Rows of the stores besides `papers` and `relevance`, as the version being made keeps them. */
export interface OldRows {
  repos?: Array<{ key: string; repo: null; status: string; etag: string | null; fetchedAt: number }>;
  paperRepos?: Array<{ key: string; repos: string[]; fetchedAt: number }>;
  /** Rate-limit blocks; from v8 on, also the list's generation and the snapshots `meta` held before v9. */
  meta?: Array<{ key: string } & Record<string, unknown>>;
  /** From v8 on: `[alias, record id]` keys of the `aliases` store, as the papers given name them. */
  aliases?: Array<[string, string]>;
}

/**
 * The database `name` exactly as versions 3 to 11 created it (MIGRATIONS[0..2]; v4 to v6 moved or rewrote records and
 * added no store; v7 added the `settings` store, empty here; v8 the `aliases` store, holding `rows.aliases` only: the
 * caller gives the papers' aliases and their keys; v9 the `snapshots` store, empty here; v10 `arxivVersions`, empty
 * here; v11 moved records and added no store), holding `papers` (in the shape of that version: the caller's to give),
 * their relevance rows as those versions wrote them, and `rows`.
 */
export async function createV3ToV8(name: string, version: 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11, papers: SavedPaper[], rows: OldRows = {}): Promise<void> {
  const db = await openDB(name, version, {
    upgrade(raw) {
      const store = raw.createObjectStore('papers', { keyPath: 'id' });
      store.createIndex('by-savedAt', 'savedAt');
      store.createIndex('by-status', 'status');
      raw.createObjectStore('repos', { keyPath: 'key' }).createIndex('by-fetchedAt', 'fetchedAt');
      raw.createObjectStore('paperRepos', { keyPath: 'key' }).createIndex('by-fetchedAt', 'fetchedAt');
      raw.createObjectStore('meta', { keyPath: 'key' });
      raw.createObjectStore('relevance', { keyPath: 'id' });
      if (version >= 7) raw.createObjectStore('settings');
      if (version >= 8) raw.createObjectStore('aliases');
      if (version >= 9) raw.createObjectStore('snapshots', { keyPath: 'key' });
      if (version >= 10) raw.createObjectStore('arxivVersions', { keyPath: 'key' });
    },
  });
  const tx = db.transaction(['papers', 'relevance', 'repos', 'paperRepos', 'meta', ...(version >= 8 ? ['aliases'] : [])], 'readwrite');
  await Promise.all([
    ...(rows.aliases ?? []).map((key) => tx.objectStore('aliases').put(0, key)),
    ...papers.map((paper) => tx.objectStore('papers').put(paper)),
    ...papers.map((paper) => tx.objectStore('relevance').put(relevanceDoc(paper))),
    ...(rows.repos ?? []).map((row) => tx.objectStore('repos').put(row)),
    ...(rows.paperRepos ?? []).map((row) => tx.objectStore('paperRepos').put(row)),
    ...(rows.meta ?? []).map((row) => tx.objectStore('meta').put(row)),
    tx.done,
  ]);
  db.close();
}
