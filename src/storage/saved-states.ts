// Which papers are saved, kept in memory by the context that owns the database (the background), so a page's
// cards learn their saved state without an IndexedDB request per card (issue #7: 1,000 ids in under 20 ms).
//
// Measured in Chromium at 10,000 papers: 1,000 gets in one transaction take ~55 ms whatever the record size, a
// getAll of 10,000 small records ~175 ms, all keys ~45 ms. So the set of saved ids is read once (when the first lookup
// comes) and each saved paper's state (status, tags) once, when a card first asks for it; after that a lookup is a few
// map reads. The module that writes (reading-list.ts) reports every committed write here, so memory follows the
// database; a worker that restarts starts empty and reads again.
//
// That read is what a page waits for after Chrome stopped the idle worker (30 s without an event): all keys of
// `papers` and `aliases` took 60-110 ms at 10,000 papers in the worker, the same ids kept as one record's array
// 9-25 ms. So the ids and aliases are also kept as one record (SavedIdsSnapshot, snapshots.ts), written from memory a
// moment after the writes stop (SNAPSHOT_DELAY_MS), and read instead of the keys when its token is the database's
// generation: every write that can change ids or aliases puts a new one in its own transaction (reading-list.ts
// listWrite), so a snapshot older than any committed write is never read as current.
import type { Database } from './reading-list';
import type { SavedState } from './reading-list';
import { SNAPSHOT_KEY, type SavedIdsSnapshot, type SavedPaper } from './schema';
import { readSnapshot, writeFirstSnapshot, writeSnapshot } from './snapshots';
import { READING_STATUSES } from './status';
import { aliasList } from './aliases';

/** Quiet time after the last write (or a read of the keys) before the snapshot is written: writes come in bursts. */
export const SNAPSHOT_DELAY_MS = 2000;

const isPair = (pair: unknown): pair is [string, string] => Array.isArray(pair) && pair.length === 2 && typeof pair[0] === 'string' && typeof pair[1] === 'string';

/** The snapshot as stored, when it is one (a damaged record is not: the keys are read instead). */
function snapshotOf(record: unknown): SavedIdsSnapshot | null {
  const r = record as Partial<SavedIdsSnapshot> | undefined;
  const valid = typeof r?.token === 'string' && Array.isArray(r.ids) && r.ids.every((id) => typeof id === 'string') && Array.isArray(r.aliases) && r.aliases.every(isPair);
  return valid ? (r as SavedIdsSnapshot) : null;
}

/**
 * What a write tells the memory: the record as stored (its state and its paper's aliases), or null: not saved. A write
 * that leaves the paper and the `aliases` store as they were (an edit of status, tags or note) gives no `paper`: the
 * record's aliases stay where the store has them (one another record has claimed since stays that record's).
 */
export type Written = SavedState & { paper?: { aliases?: unknown } };

/** The aliases a write gave its record, or null when it wrote none (see Written). */
const writtenAliases = (record: Written | null): string[] | null => (!record ? [] : 'paper' in record ? aliasList(record) : null);

export class SavedStates {
  /** Every saved id, once read; null before that. */
  private saved: Set<string> | null = null;
  private loading: Promise<Set<string>> | null = null;
  /** Writes committed while the ids were being read (applied on top of what was read). */
  private readonly duringLoad = new Map<string, Written | null>();
  /** Known states of saved papers. */
  private readonly states = new Map<string, SavedState>();
  /**
   * Each alias of a saved paper (Paper.aliases) → the ids it is saved under, in order (one, unless records written as
   * they were given claim it too: a restored backup); and each saved id's aliases.
   */
  private readonly aliasOf = new Map<string, string[]>();
  private readonly aliasesOf = new Map<string, string[]>();
  /** Write counter, and the count at each id's last write: a read begun before a write never overwrites it. */
  private writes = 0;
  private readonly lastWrite = new Map<string, number>();
  /**
   * The database's generation the memory is in step with (the last committed write's token, or the one read with the
   * ids); undefined when the database has none yet (no write by this build). Counted, so a read of the ids keeps a
   * token a write committed meanwhile gave.
   */
  private generation: string | undefined;
  private generations = 0;
  private snapshotTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly db: Database) {}

  /** A write to this id has committed: `record` is what is stored now (null: not saved). */
  written(id: string, record: Written | null): void {
    this.lastWrite.set(id, ++this.writes);
    if (record) this.states.set(id, stateOf(record)); // a damaged record's too: this runs after the write committed
    else this.states.delete(id);
    if (this.saved) {
      if (record) this.saved.add(id);
      else this.saved.delete(id);
      const aliases = writtenAliases(record);
      if (aliases) this.setAliases(id, aliases);
    } else if (this.loading) {
      // An earlier write's aliases (not yet applied) are kept under a later edit's state.
      const earlier = this.duringLoad.get(id);
      this.duringLoad.set(id, record && !('paper' in record) && earlier ? { ...record, paper: earlier.paper } : record);
    }
  }

  /**
   * A write that may have changed ids or aliases committed, with its generation `token` (after its `written` calls):
   * the snapshot is written again once the writes stop.
   */
  committed(token: string): void {
    this.generation = token;
    this.generations++;
    if (this.saved) this.scheduleSnapshot();
  }

  /**
   * Saved state of each id (null when not saved), found by the id it is saved under or by one of its aliases, or for
   * a card whose page gives other ids (`aliases`, by card id) by one of those: such a state says `savedAs`.
   */
  async lookup(ids: readonly string[], aliases?: Readonly<Record<string, readonly string[]>>): Promise<Record<string, SavedState | null>> {
    const saved = await this.ids();
    // An alias several records claim is the first's by id, as findRecord reads the store (keys in order).
    const recordOf = (id: string) => (saved.has(id) ? id : this.aliasOf.get(id)?.find((owner) => saved.has(owner)));
    const found = new Map<string, string>();
    for (const id of ids) {
      let record = recordOf(id);
      if (record === undefined && aliases && Object.hasOwn(aliases, id)) {
        for (const alias of aliases[id]!) if ((record = recordOf(alias)) !== undefined) break;
      }
      if (record !== undefined) found.set(id, record);
    }
    const unknown = [...new Set([...found.values()].filter((id) => !this.states.has(id)))];
    if (unknown.length) {
      const before = this.writes;
      const tx = this.db.transaction('papers', 'readonly');
      const records = await Promise.all(unknown.map((id) => tx.store.get(id)));
      await tx.done;
      unknown.forEach((id, i) => {
        if ((this.lastWrite.get(id) ?? 0) > before) return; // written meanwhile: that write already told us
        const record = records[i];
        if (record) this.states.set(id, stateOf(record));
        else {
          saved.delete(id);
          this.setAliases(id, []);
        }
      });
    }
    const result: Record<string, SavedState | null> = {};
    for (const id of ids) {
      const record = found.get(id);
      const state = record !== undefined && saved.has(record) ? this.states.get(record) : undefined;
      result[id] = state ? { status: state.status, tags: [...state.tags], ...(record !== id ? { savedAs: record } : {}) } : null;
    }
    return result;
  }

  /**
   * Read the saved ids now, ahead of the lookup they are for (a page being parsed will ask for its cards' states). A
   * failure is not kept: the lookup that follows reads again, and reports its own error.
   */
  async preload(): Promise<void> {
    await this.ids().catch(() => undefined);
  }

  private setAliases(id: string, aliases: string[]): void {
    for (const alias of this.aliasesOf.get(id) ?? []) {
      const owners = this.aliasOf.get(alias)?.filter((owner) => owner !== id);
      if (owners?.length) this.aliasOf.set(alias, owners);
      else this.aliasOf.delete(alias);
    }
    if (aliases.length) this.aliasesOf.set(id, aliases);
    else this.aliasesOf.delete(id);
    for (const alias of aliases) this.aliasOf.set(alias, [...(this.aliasOf.get(alias) ?? []), id].sort());
  }

  /**
   * Write the memory's ids and aliases as the snapshot of the database's generation, unless a write the memory has not
   * heard of committed since (the generations differ). Resolves with whether it was written. Also for tests.
   */
  async writeSnapshot(): Promise<boolean> {
    if (this.snapshotTimer !== null) clearTimeout(this.snapshotTimer);
    this.snapshotTimer = null;
    const saved = this.saved;
    if (!saved) return false;
    const aliases: [string, string][] = [];
    for (const [id, list] of this.aliasesOf) for (const alias of list) aliases.push([alias, id]);
    // No write by this build yet (none since the ids were read): the snapshot gives the list its first generation.
    const first = this.generation === undefined;
    const snapshot: SavedIdsSnapshot = { key: SNAPSHOT_KEY, token: this.generation ?? crypto.randomUUID(), ids: [...saved], aliases };
    const stored = await (first ? writeFirstSnapshot(this.db, snapshot) : writeSnapshot(this.db, snapshot));
    if (stored && first && this.generation === undefined) this.generation = snapshot.token;
    return stored;
  }

  private scheduleSnapshot(): void {
    if (this.snapshotTimer !== null) clearTimeout(this.snapshotTimer);
    // Not written is not lost: the keys are read instead, and the snapshot written after that read.
    this.snapshotTimer = setTimeout(() => void this.writeSnapshot().catch(() => undefined), SNAPSHOT_DELAY_MS);
  }

  /** The snapshot, when it is of the database's generation; else null. Never rejects (null: read the keys). */
  private async currentSnapshot(): Promise<{ snapshot: SavedIdsSnapshot | null; generation: string | undefined }> {
    try {
      const { generation, stored } = await readSnapshot(this.db, SNAPSHOT_KEY);
      return { snapshot: snapshotOf(stored), generation };
    } catch {
      return { snapshot: null, generation: undefined };
    }
  }

  private ids(): Promise<Set<string>> {
    if (this.saved) return Promise.resolve(this.saved);
    this.loading ??= (async () => {
      try {
        // The saved ids; beside them, every alias and the id it names (both in its key): from the snapshot when it is
        // current, else from the two stores' keys. A write committed between the reads is in duringLoad, applied below.
        const generations = this.generations;
        const { snapshot, generation } = await this.currentSnapshot();
        const [keys, pairs] = snapshot ? [snapshot.ids, snapshot.aliases] : await Promise.all([this.db.getAllKeys('papers'), this.db.getAllKeys('aliases')]);
        const byRecord = new Map<string, string[]>();
        for (const [alias, owner] of pairs) {
          const list = byRecord.get(owner);
          if (list) list.push(alias);
          else byRecord.set(owner, [alias]);
        }
        const saved = new Set(keys);
        for (const [id, aliases] of byRecord) this.setAliases(id, aliases);
        for (const [id, record] of this.duringLoad) {
          if (record) saved.add(id);
          else saved.delete(id);
          const aliases = writtenAliases(record);
          if (aliases) this.setAliases(id, aliases);
        }
        this.saved = saved;
        // A write committed since the generation was read gave its own (committed), which the memory is in step with.
        if (this.generations === generations) this.generation = generation;
        if (!snapshot || this.generations !== generations) this.scheduleSnapshot();
        return saved;
      } finally {
        this.duringLoad.clear();
        this.loading = null;
      }
    })();
    return this.loading;
  }
}


/**
 * A stored record's state as a card shows it. A record damaged on disk (another build's bug, a hand edit) is still
 * saved: its tags that are strings, and `to-read` for a status no build writes, rather than a lookup that fails for
 * every card of the page.
 */
function stateOf(record: Pick<SavedPaper, 'status' | 'tags'>): SavedState {
  const tags: unknown = record.tags;
  return {
    status: READING_STATUSES.includes(record.status) ? record.status : 'to-read',
    tags: Array.isArray(tags) ? tags.filter((tag): tag is string => typeof tag === 'string') : [],
  };
}

const byDatabase = new WeakMap<Database, SavedStates>();

/** The one SavedStates of an open database. */
export function savedStates(db: Database): SavedStates {
  let states = byDatabase.get(db);
  if (!states) byDatabase.set(db, (states = new SavedStates(db)));
  return states;
}
