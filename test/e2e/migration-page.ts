// Bundled into a plain page by migration.e2e.ts: the extension's own upgrade code against a database of an older
// version made with the raw schema of that version (test/unit/old-databases.ts, as the fake-indexeddb tests do).
import { openDatabase } from '../../src/storage/reading-list';
import type { SavedPaper } from '../../src/storage/schema';
import { createV3ToV8 } from '../unit/old-databases';

const NAME = 'papershelf-migration-check';

async function upgradeFrom(version: 3 | 4 | 7, papers: SavedPaper[]): Promise<{ version: number; papers: SavedPaper[]; relevance: string[]; aliases: [string, string][] }> {
  await new Promise<void>((resolve, reject) => {
    const request = indexedDB.deleteDatabase(NAME);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
  });
  await createV3ToV8(NAME, version, papers);
  const db = await openDatabase(NAME);
  const aliases = await db.getAllKeys('aliases');
  const result = { version: db.version, papers: await db.getAll('papers'), relevance: (await db.getAllKeys('relevance')).map(String), aliases };
  db.close();
  return result;
}

(globalThis as { papershelfUpgradeFrom?: typeof upgradeFrom }).papershelfUpgradeFrom = upgradeFrom;
