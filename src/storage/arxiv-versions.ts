// What arXiv last said of saved papers' newest versions: a cache of arXiv's facts (asked again by the next check),
// apart from the reading list's records, which keep the version their reader saw (Paper.version).
import type { Database } from './reading-list';
import type { ArxivVersionEntry } from './schema';

/** Keep what one check learnt, in one transaction. */
export async function putArxivVersions(db: Database, entries: readonly ArxivVersionEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const tx = db.transaction('arxivVersions', 'readwrite');
  await Promise.all([...entries.map((entry) => tx.store.put(entry)), tx.done]);
}

/** Every entry kept (a few tens of bytes each: 10,000 saved arXiv papers read in one request). */
export function allArxivVersions(db: Database): Promise<ArxivVersionEntry[]> {
  return db.getAll('arxivVersions');
}
