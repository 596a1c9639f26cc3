// A record answers to every id its paper is known by (Paper.aliases, core/aliases.ts): its key in `papers`, and each of
// its aliases, as the key `[alias, record id]` in `aliases` (schema v8). A store rather than an index of `papers`: the
// background reads every alias with the saved ids when it starts (SavedStates), and a store's keys come in one bulk
// read, where an index's keys need a cursor step each (~60 µs: 230 ms at 3,750 aliases, Chromium); both ids in the key,
// rather than the record's id as the value, halve that read again (5,000 aliases: ~23 ms against ~40 for keys and
// values) and let a write drop its old aliases without reading them first. The writes of reading-list.ts keep it in
// step with `papers` in the same transactions; nothing else writes either.
import type { IDBPTransaction, StoreNames } from 'idb';
import { aliasesOf } from '../core/aliases';
import type { PapershelfDB, SavedPaper } from './schema';

/** A transaction over `papers` and `aliases` (and maybe more). */
type Tx<Mode extends IDBTransactionMode> = IDBPTransaction<PapershelfDB, ArrayLike<StoreNames<PapershelfDB>>, Mode>;

/**
 * The record for the first of `ids` that names one: each id as a key first (a paper asked for by the id it is saved
 * under is the common case), then each as an alias. Undefined when none does. `except`: a record's id not to give.
 */
export async function findRecord<Mode extends IDBTransactionMode>(tx: Tx<Mode>, ids: readonly string[], except?: string): Promise<SavedPaper | undefined> {
  const papers = tx.objectStore('papers');
  for (const id of ids) {
    const record = id === except ? undefined : await papers.get(id);
    if (record) return record;
  }
  const aliases = tx.objectStore('aliases');
  for (const id of ids) {
    // Any record naming `id`: keys [id, …] sort after [id] and before [id, []] (an array sorts after every string).
    for (const [, owner] of await aliases.getAllKeys(IDBKeyRange.bound([id], [id, []]))) {
      const record = owner === except ? undefined : await papers.get(owner);
      if (record) return record;
    }
  }
  return undefined;
}

/** The record as every write keeps it: its paper's aliases are those it has and its own DOI's id (aliasesOf). */
export function withAliases(record: SavedPaper): SavedPaper {
  if (!record.paper || typeof record.paper !== 'object') return record;
  return { ...record, paper: { ...record.paper, aliases: aliasesOf({ ...record.paper, id: record.id }) } };
}

/** A record's aliases as stored (strings only: a damaged record names none). */
export function aliasList(record: { paper?: { aliases?: unknown } } | null | undefined): string[] {
  const aliases = record?.paper?.aliases;
  return Array.isArray(aliases) ? aliases.filter((a): a is string => typeof a === 'string') : [];
}

/**
 * Bring `aliases` in step with a write to `papers`: `before` is the record as it was (undefined: there was none),
 * `after` as it is now (undefined: removed). Requests only, inside the write's transaction; resolves when they are done.
 */
export async function writeAliases(tx: Tx<'readwrite'>, before: SavedPaper | undefined, after: SavedPaper | undefined): Promise<void> {
  const store = tx.objectStore('aliases');
  const kept = new Set(after ? aliasList(after) : []);
  const requests: Promise<unknown>[] = [];
  if (before) for (const alias of aliasList(before)) if (!(kept.has(alias) && after!.id === before.id)) requests.push(store.delete([alias, before.id]));
  if (after) for (const alias of kept) requests.push(store.put(0, [alias, after.id]));
  await Promise.all(requests);
}
