// A record answers to every id its paper is known by (Paper.aliases, core/aliases.ts): its key, and the ids in the
// `by-alias` index (schema v8). These are the only reads that find a record by an id that may be an alias.
import type { IDBPObjectStore } from 'idb';
import { aliasesOf } from '../core/aliases';
import type { PapershelfDB, SavedPaper } from './schema';

type Papers<Mode extends IDBTransactionMode> = IDBPObjectStore<PapershelfDB, ArrayLike<'papers' | 'relevance'>, 'papers', Mode>;

/**
 * The record for the first of `ids` that names one: each id as a key first (a paper asked for by the id it is saved
 * under is the common case), then each as an alias. Undefined when none does.
 */
export async function findRecord<Mode extends IDBTransactionMode>(papers: Papers<Mode>, ids: readonly string[]): Promise<SavedPaper | undefined> {
  for (const id of ids) {
    const record = await papers.get(id);
    if (record) return record;
  }
  const byAlias = papers.index('by-alias');
  for (const id of ids) {
    const record = await byAlias.get(id);
    if (record) return record;
  }
  return undefined;
}

/** The record as every write keeps it: its paper's aliases are those it has and its own DOI's id (aliasesOf). */
export function withAliases(record: SavedPaper): SavedPaper {
  if (!record.paper || typeof record.paper !== 'object') return record;
  return { ...record, paper: { ...record.paper, aliases: aliasesOf({ ...record.paper, id: record.id }) } };
}

