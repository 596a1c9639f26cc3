// Reads of the relevance model (issue #8) for the background's scorer, and its packed snapshot (issue #7).
//
// The rows (one per saved paper, written with the paper: reading-list.ts) are the model. The background keeps the
// compiled index in memory; after Chrome stopped the idle worker it would read every row again: at 10,000 papers
// ~0.5 s of reading and ~0.4 s of counting and interning strings before the first card of a page is scored. So the
// index is also kept packed (core/relevance/pack.ts), as one Blob (snapshots.ts), read ~30 ms, under the generation token
// of the list it was built from: every write of a row puts a new token in its own transaction (reading-list.ts), so
// a snapshot of another generation is never read as the model.
import type { RelevanceModel } from '../core/relevance/model';
import { rebuildRelevance, type Database } from './reading-list';
import { GENERATION_KEY, RELEVANCE_DOC_VERSION, RELEVANCE_SNAPSHOT_KEY, tokenOf, type RelevanceDoc, type RelevanceSnapshot } from './schema';
import { readSnapshot, writeSnapshot } from './snapshots';

/** The bytes of the packed index of the database's generation, as stored (the caller decodes and checks them), or null. */
export async function loadRelevanceSnapshot(db: Database): Promise<{ token: string; bytes: ArrayBuffer } | null> {
  const { generation, stored } = await readSnapshot(db, RELEVANCE_SNAPSHOT_KEY);
  const s = stored as Partial<RelevanceSnapshot> | undefined;
  if (generation === undefined || s?.v !== RELEVANCE_DOC_VERSION || !(s.index instanceof Blob)) return null;
  return { token: generation, bytes: await s.index.arrayBuffer() };
}

/** How loadRelevanceRows reads: `batch` rows a transaction, with `pause` between them. */
export interface RowReading {
  batch?: number;
  pause?: () => Promise<void>;
}

/**
 * Every row, with the generation they are of (undefined: no write by this build yet, or a write came between two
 * batches: the caller then reads those rows again, reading-list.ts relevanceChanges). Read `batch` rows at a time, each
 * in its own transaction with a pause after it: at 10,000 papers one read of every row held the worker for ~0.5 s (the
 * strings are made on its thread), and a save clicked meanwhile waited. Self-healing: when the rows do not match the
 * list (a tokenizer version bump, or a database written by code that bypassed reading-list.ts) they are rebuilt from
 * the list first.
 */
export async function loadRelevanceRows(db: Database, reading: RowReading = {}, healed = false): Promise<{ token: string | undefined; rows: RelevanceDoc[] }> {
  const batch = reading.batch ?? Infinity;
  const rows: RelevanceDoc[] = [];
  let first: string | undefined;
  let same = true;
  let count = 0;
  for (let after: string | undefined; ; ) {
    const tx = db.transaction(['papers', 'relevance', 'meta'], 'readonly');
    const range = after === undefined ? undefined : IDBKeyRange.lowerBound(after, true);
    const [papers, found, generation] = await Promise.all([
      after === undefined ? tx.objectStore('papers').count() : undefined,
      tx.objectStore('relevance').getAll(range, Number.isFinite(batch) ? batch : undefined),
      tx.objectStore('meta').get(GENERATION_KEY),
    ]);
    await tx.done;
    const token = tokenOf(generation);
    if (after === undefined) [first, count] = [token, papers!];
    else same &&= token === first;
    for (const row of found) rows.push(row);
    if (found.length < batch) break;
    after = found[found.length - 1]!.id;
    await reading.pause?.();
  }
  // Rows read across writes are not checked against the count read before them: the next request reads again.
  if (same && !healed && (rows.length !== count || rows.some((d) => d.v !== RELEVANCE_DOC_VERSION))) {
    await rebuildRelevance(db);
    return loadRelevanceRows(db, reading, true);
  }
  return { token: same ? first : undefined, rows };
}

/**
 * The rows of these ids (undefined: not saved), with the generation they are of (undefined when a write came between
 * two batches); null when one is of another tokenizer version (the caller loads every row, which rebuilds them). Read
 * `batch` ids a transaction with `pause` between, as loadRelevanceRows reads: after an import the ids are thousands, and
 * one transaction of them all held the worker as one read of every row did.
 */
export async function readRelevanceRows(db: Database, ids: Iterable<string>, reading: RowReading = {}): Promise<{ token: string | undefined; rows: Map<string, RelevanceDoc | undefined> } | null> {
  const list = [...ids];
  const batch = Math.max(1, reading.batch ?? Infinity);
  const rows = new Map<string, RelevanceDoc | undefined>();
  let first: string | undefined;
  let same = true;
  for (let i = 0; i === 0 || i < list.length; i += batch) {
    if (i > 0) await reading.pause?.();
    const part = list.slice(i, i + batch);
    const tx = db.transaction(['relevance', 'meta'], 'readonly');
    const store = tx.objectStore('relevance');
    const [generation, ...found] = await Promise.all([tx.objectStore('meta').get(GENERATION_KEY), ...part.map((id) => store.get(id))]);
    await tx.done;
    if (found.some((row) => row && (row as RelevanceDoc).v !== RELEVANCE_DOC_VERSION)) return null;
    const token = tokenOf(generation);
    if (i === 0) first = token;
    else same &&= token === first;
    part.forEach((id, j) => rows.set(id, found[j] as RelevanceDoc | undefined));
  }
  return { token: same ? first : undefined, rows };
}

/**
 * Store the packed index's bytes (core/relevance/pack.ts packedBytes, in one Blob) as the model of generation `token`,
 * unless a write has given the list another since. Resolves with whether it was written.
 */
export function writeRelevanceSnapshot(db: Database, token: string, index: Blob): Promise<boolean> {
  return writeSnapshot(db, { key: RELEVANCE_SNAPSHOT_KEY, token, v: RELEVANCE_DOC_VERSION, index });
}

/** The relevance model as stored (with its document frequencies): what the rows say, for tests and tools. */
export async function loadRelevanceModel(db: Database): Promise<RelevanceModel> {
  const { rows } = await loadRelevanceRows(db);
  const model: RelevanceModel = { version: 1, docs: {}, df: {} };
  for (const { id, title, terms, counts } of rows) {
    model.docs[id] = { title, terms, counts };
    for (const t of terms) model.df[t] = (Object.hasOwn(model.df, t) ? model.df[t]! : 0) + 1;
  }
  return model;
}
