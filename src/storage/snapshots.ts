// The snapshots a worker that starts again reads instead of whole stores (the saved ids: saved-states.ts; the relevance
// index: relevance.ts), each stored under the list's generation token it was taken at and read only as that
// generation. They live in their own store, apart from `meta` where every write of the list puts its new generation,
// so a save never waits for a snapshot's commit (the relevance index's is ~11 MB at 10,000 papers).
import type { Database } from './reading-list';
import { GENERATION_KEY, tokenOf, type SavedIdsSnapshot, type RelevanceSnapshot } from './schema';

type Snapshot = SavedIdsSnapshot | RelevanceSnapshot;

/**
 * The list's generation and, when it was taken at that generation, the snapshot under `key` as stored (else undefined;
 * its fields unchecked: the caller validates them), read together.
 */
export async function readSnapshot(db: Database, key: Snapshot['key']): Promise<{ generation: string | undefined; stored: unknown }> {
  const tx = db.transaction(['meta', 'snapshots'], 'readonly');
  const [record, found] = await Promise.all([tx.objectStore('meta').get(GENERATION_KEY), tx.objectStore('snapshots').get(key)]);
  await tx.done;
  const generation = tokenOf(record);
  return { generation, stored: generation !== undefined && tokenOf(found) === generation ? found : undefined };
}

/**
 * Store `snapshot` unless the list's generation is no longer its token; resolves with whether it was stored. The check
 * and the write are two transactions, so a write of the list may commit between them: the snapshot is then stored
 * under a token that is no longer the generation, and never read (readSnapshot compares them).
 */
export async function writeSnapshot(db: Database, snapshot: Snapshot): Promise<boolean> {
  if (tokenOf(await db.get('meta', GENERATION_KEY)) !== snapshot.token) return false;
  await db.put('snapshots', snapshot);
  return true;
}

/**
 * Store `snapshot` as the list's first generation, in one transaction with the generation: only while the list has none
 * (no write by this build yet). Resolves with whether it was stored.
 */
export async function writeFirstSnapshot(db: Database, snapshot: Snapshot): Promise<boolean> {
  const tx = db.transaction(['meta', 'snapshots'], 'readwrite');
  if (tokenOf(await tx.objectStore('meta').get(GENERATION_KEY)) !== undefined) {
    tx.abort();
    await tx.done.catch(() => undefined);
    return false;
  }
  void tx.objectStore('meta').put({ key: GENERATION_KEY, token: snapshot.token }).catch(() => {}); // a failed request fails tx.done
  void tx.objectStore('snapshots').put(snapshot).catch(() => {});
  await tx.done;
  return true;
}
