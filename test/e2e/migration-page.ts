// Bundled into a plain page by migration.e2e.ts: the extension's own upgrade code against a database of an older
// version made here with the raw schema of that version (as src/storage/migrations.test.ts does under fake-indexeddb).
import { openDB } from 'idb';
import { openDatabase } from '../../src/storage/reading-list';
import { relevanceDoc, type SavedPaper } from '../../src/storage/schema';

const NAME = 'papershelf-migration-check';

/** Exactly what version 4 created (MIGRATIONS[0..3]: v3's stores), with these papers and their relevance rows. */
async function createV4(papers: SavedPaper[]): Promise<void> {
  const v4 = await openDB(NAME, 4, {
    upgrade(db) {
      const store = db.createObjectStore('papers', { keyPath: 'id' });
      store.createIndex('by-savedAt', 'savedAt');
      store.createIndex('by-status', 'status');
      db.createObjectStore('repos', { keyPath: 'key' }).createIndex('by-fetchedAt', 'fetchedAt');
      db.createObjectStore('paperRepos', { keyPath: 'key' }).createIndex('by-fetchedAt', 'fetchedAt');
      db.createObjectStore('meta', { keyPath: 'key' });
      db.createObjectStore('relevance', { keyPath: 'id' });
    },
  });
  const tx = v4.transaction(['papers', 'relevance'], 'readwrite');
  await Promise.all([...papers.map((p) => tx.objectStore('papers').put(p)), ...papers.map((p) => tx.objectStore('relevance').put(relevanceDoc(p))), tx.done]);
  v4.close();
}

/** Create v3 with `papers` (an ACL DOI record for the v4 step to move), open at the current version, read back. */
async function createV3(papers: SavedPaper[]): Promise<void> {
  const v3 = await openDB(NAME, 3, {
    upgrade(db) {
      const store = db.createObjectStore('papers', { keyPath: 'id' });
      store.createIndex('by-savedAt', 'savedAt');
      store.createIndex('by-status', 'status');
      db.createObjectStore('repos', { keyPath: 'key' }).createIndex('by-fetchedAt', 'fetchedAt');
      db.createObjectStore('paperRepos', { keyPath: 'key' }).createIndex('by-fetchedAt', 'fetchedAt');
      db.createObjectStore('meta', { keyPath: 'key' });
      db.createObjectStore('relevance', { keyPath: 'id' });
    },
  });
  const tx = v3.transaction(['papers', 'relevance'], 'readwrite');
  await Promise.all([...papers.map((p) => tx.objectStore('papers').put(p)), ...papers.map((p) => tx.objectStore('relevance').put(relevanceDoc(p))), tx.done]);
  v3.close();
}

async function upgradeFrom(version: 3 | 4, papers: SavedPaper[]): Promise<{ version: number; papers: SavedPaper[]; relevance: string[] }> {
  await new Promise<void>((resolve, reject) => {
    const request = indexedDB.deleteDatabase(NAME);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
  });
  await (version === 3 ? createV3 : createV4)(papers);
  const db = await openDatabase(NAME);
  const result = { version: db.version, papers: await db.getAll('papers'), relevance: (await db.getAllKeys('relevance')).map(String) };
  db.close();
  return result;
}

(globalThis as { papershelfUpgradeFrom?: typeof upgradeFrom }).papershelfUpgradeFrom = upgradeFrom;
