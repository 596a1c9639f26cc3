// Relevance scoring for content scripts (issue #8), in the background only: the page never runs the scorer and
// never sees the library. The compiled index is kept until the reading list changes (reading-list.ts counts every
// write and the ids it wrote); a page's cards are tokenised and scored in slices with a yield between them, so a save
// clicked meanwhile is not held up behind a 1,000-card page.
//
// Issue #7: building the index from every stored row took ~1.5 s at 10,000 papers in Chrome's worker (reading 1.3
// million term strings, then interning them), once per start of the worker, and again after every save. Now a change
// reads the rows of the papers it wrote alone and assembles the index again from the others' terms as they are in
// memory; and the index is stored packed (storage/relevance.ts) a moment after it is built or the list changes, for a
// worker that starts again to read instead of the rows.
import { assembling, indexDoc, type IndexedDoc, type RelevanceIndex } from '../core/relevance/compile';
import { packedBytes, packedFromBytes, packIndex, unpackIndex } from '../core/relevance/pack';
import { reason } from '../core/relevance/reason';
import { prepare, scoring, WEIGHTS_SLICE_MS, type Candidate } from '../core/relevance/score';
import { runStepsInSlices } from '../core/steps';
import { rebuildRelevance, relevanceChanges, relevanceGeneration, watchRelevanceChanges, type Database } from '../storage/reading-list';
import { loadRelevanceRows, loadRelevanceSnapshot, readRelevanceRows, writeRelevanceSnapshot } from '../storage/relevance';
import { SNAPSHOT_DELAY_MS } from '../storage/saved-states';
import type { RelevanceCard, RelevanceMark } from './messages';

export interface RelevanceService {
  /** Marks for the cards over the threshold that are not saved already. */
  score(cards: readonly RelevanceCard[], context?: readonly RelevanceCard[]): Promise<RelevanceMark[]>;
  /** Rebuild the model from the list; resolves with the number of papers in it. */
  reset(): Promise<number>;
  /** Store the packed index now if one is waiting to be (else after `snapshotDelay`); resolves with whether it was. */
  writeSnapshot(): Promise<boolean>;
}

/** How the index in memory was built: from the stored snapshot, from every row, or from the last one and the rows a write changed. */
export type IndexSource = 'snapshot' | 'rows' | 'update';

export interface RelevanceOptions {
  /** Cards tokenised or scored per slice (~10 ms a slice at 100 cards against 10,000 papers). */
  slice?: number;
  /** Yields to other work between slices. */
  pause?: () => Promise<void>;
  threshold?: number;
  /** Rows read (and indexed) in one task when every row is read: 500 take ~25 ms each way in Chrome's worker. */
  rowsPerRead?: number;
  /** Papers per step of assembling the index (each of its three passes pauses after so many): 2,500 take ~5-12 ms. */
  docsPerStep?: number;
  /**
   * Work on the page's weights (core/relevance/score.ts scoring) between two pauses, ms: ~15 ms in all at 10,000
   * papers on a warm worker, 35-65 on one just started, when a lookup sent with the page's request waited behind it.
   */
  weightsSliceMs?: number;
  /** Quiet time after a build before its packed index is stored (builds come in bursts, as saves do). */
  snapshotDelay?: number;
  /** Told of every build of the index (tests, measurements). */
  onBuilt?: (source: IndexSource, papers: number) => void;
}

interface Library {
  index: RelevanceIndex;
  saved: ReadonlySet<string>;
  docs: ReadonlyMap<string, IndexedDoc>;
  /** The list's generation token the index is of; undefined when not known (then it is not stored). */
  token: string | undefined;
}

interface Cached {
  db: Database;
  generation: number;
  library: Promise<Library>;
}

export function createRelevanceService(db: () => Promise<Database>, options: RelevanceOptions = {}): RelevanceService {
  const slice = Math.max(1, options.slice ?? 100);
  const pause = options.pause ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
  const snapshotDelay = options.snapshotDelay ?? SNAPSHOT_DELAY_MS;
  const rowsPerRead = Math.max(1, options.rowsPerRead ?? 500);
  const docsPerStep = Math.max(1, options.docsPerStep ?? 2500);
  const weightsSliceMs = Math.max(0, options.weightsSliceMs ?? WEIGHTS_SLICE_MS);
  let cached: Cached | null = null;
  let pending: { db: Database; timer: ReturnType<typeof setTimeout> } | null = null;
  let watched: Database | null = null;
  /** The token of the index this worker last stored or read back: not stored again. */
  let storedToken: string | undefined;

  /** The library of these papers: its index assembled a step at a time, pausing between (~5-12 ms each at 10,000 papers). */
  async function built(docs: ReadonlyMap<string, IndexedDoc>, token: string | undefined, source: IndexSource): Promise<Library> {
    const steps = assembling([...docs.values()], docsPerStep);
    let step = steps.next();
    while (!step.done) {
      await pause();
      step = steps.next();
    }
    const index = step.value;
    options.onBuilt?.(source, index.ids.length);
    return { index, saved: new Set(index.ids), docs, token };
  }

  /**
   * Store the index `snapshotDelay` after the last build or write (builds and writes come in bursts), brought up to date
   * with the writes first: a worker that starts again then reads the list as it is. Before, a save after the page's
   * request left the stored index a generation behind, and the first page after the worker stopped (30 s idle: a
   * reader saves a paper, then reads it) read every row again, ~0.9 s at 10,000 papers.
   */
  function storeLater(database: Database): void {
    if (pending) clearTimeout(pending.timer);
    pending = { db: database, timer: setTimeout(() => void store().catch(() => false), snapshotDelay) };
  }

  async function store(): Promise<boolean> {
    const waiting = pending;
    pending = null;
    if (!waiting) return false;
    clearTimeout(waiting.timer);
    if (cached?.db !== waiting.db) return false; // the database closed since: its index is gone with it
    const generation = relevanceGeneration(waiting.db);
    const library = await current(); // the rows of the writes since the last build read, the index assembled again
    // Rows read across writes (the next build reads them again), or a write since: that write asked for a store of its own.
    if (library.token === undefined || relevanceGeneration(waiting.db) !== generation) return false;
    if (library.token === storedToken) return false; // stored as it is already
    // At 10,000 papers, packing takes ~5-11 ms and its bytes ~8-19 ms, a task each; the ~11 MB are copied into the Blob
    // a part at a time (~1 ms each), where one copy held the worker ~15 ms, and its serialisation in the put ~40-60 ms.
    const packed = packIndex(library.index);
    await pause();
    const parts: Blob[] = [];
    for (const bytes of packedBytes(packed)) {
      parts.push(new Blob([bytes]));
      await pause();
    }
    const stored = await writeRelevanceSnapshot(waiting.db, library.token, new Blob(parts));
    if (stored) storedToken = library.token;
    return stored;
  }

  /** Every paper's terms: from the snapshot when it is the list's, else from every row (then stored). */
  async function load(database: Database): Promise<Library> {
    const snapshot = await loadRelevanceSnapshot(database).catch(() => null);
    const packed = snapshot && packedFromBytes(snapshot.bytes);
    const unpacked = packed && unpackIndex(packed);
    if (unpacked) {
      storedToken = snapshot.token;
      await pause(); // between unpacking and assembling, ~25 ms each at 10,000 papers
      return built(new Map(unpacked.map((doc) => [doc.id, doc])), snapshot.token, 'snapshot');
    }
    // Read and indexed a slice at a time, so other messages (a save, a page's lookup) are answered in between.
    const { token, rows } = await loadRelevanceRows(database, { batch: rowsPerRead, pause });
    const docs = new Map<string, IndexedDoc>();
    for (let i = 0; i < rows.length; i += rowsPerRead) {
      if (i > 0) await pause();
      for (const row of rows.slice(i, i + rowsPerRead)) docs.set(row.id, indexDoc(row.id, row));
    }
    const library = await built(docs, token, 'rows');
    storeLater(database);
    return library;
  }

  /** The library after writes to these ids: their rows read again, the other papers' terms kept. */
  async function update(database: Database, library: Library, ids: ReadonlySet<string>): Promise<Library> {
    const read = await readRelevanceRows(database, ids, { batch: rowsPerRead, pause });
    if (!read) return load(database); // a row of another tokenizer version: every row is read (and rebuilt)
    let next: Library;
    if (!ids.size) next = { ...library, token: read.token }; // a write that changed no row gave the list a new token
    else {
      // Indexed `rowsPerRead` at a time, as when every row is read: an import of thousands of papers is one change.
      const docs = new Map(library.docs);
      let indexed = 0;
      for (const [id, row] of read.rows) {
        if (row) docs.set(id, indexDoc(id, row));
        else docs.delete(id);
        if (++indexed % rowsPerRead === 0) await pause();
      }
      next = await built(docs, read.token, 'update');
    }
    storeLater(database);
    return next;
  }

  async function current(): Promise<Library> {
    const database = await db();
    const generation = relevanceGeneration(database);
    if (watched !== database) {
      watched = database;
      watchRelevanceChanges(database, () => {
        if (cached?.db === database) storeLater(database);
      });
    }
    if (cached?.db !== database) cached = { db: database, generation, library: load(database) };
    else if (cached.generation !== generation) {
      // The generation is read before the rows: a write during the read makes the next request read its rows too.
      const ids = relevanceChanges(database, cached.generation);
      const previous = cached.library;
      cached = {
        db: database,
        generation,
        library: ids ? previous.then((library) => update(database, library, ids), () => load(database)) : load(database),
      };
    }
    const library = cached.library;
    library.catch(() => {
      if (cached?.library === library) cached = null; // do not keep a failure
    });
    return library;
  }

  return {
    async score(cards, context = []) {
      if (!cards.length) return [];
      const { index, saved } = await current();
      if (!index.ids.length) return [];
      const toCandidate = (c: RelevanceCard): Candidate => ({ id: c.id, title: c.title, abstract: c.abstract });
      const scored = cards.map(toCandidate);
      const page = [...scored, ...context.map(toCandidate)];
      for (let i = 0; i < page.length; i += slice) {
        prepare(page.slice(i, i + slice));
        await pause();
      }
      const s = await runStepsInSlices(scoring(index, { background: page, threshold: options.threshold }), pause, weightsSliceMs);
      const marks: RelevanceMark[] = [];
      for (let i = 0; i < scored.length; i += slice) {
        if (i > 0) await pause();
        for (const card of scored.slice(i, i + slice)) {
          if (saved.has(card.id!)) continue; // the card already says "Saved"
          const result = s.score(card);
          if (result.score < s.threshold) continue;
          marks.push({ id: card.id!, score: Math.round(result.score * 1000) / 1000, reason: reason(result) });
        }
      }
      return marks;
    },
    async reset() {
      const papers = await rebuildRelevance(await db());
      cached = null;
      return papers;
    },
    writeSnapshot: store,
  };
}
