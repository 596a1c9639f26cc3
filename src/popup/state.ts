// The reading list as the popup and the library page see it: one state object (a small store) with the
// list, its search index, an undo buffer and the actions. Components read it through ./state-hooks.
import type { Notice } from '../background/messages';
import type { ReadingStatus, SavedPaper } from '../storage/schema';
import type { PaperEdit, ReadingListApi } from './api';
import { quoted } from './isolate';
import { applyEdit } from '../storage/edit';
import { tagCounts, siteIds } from './list-query';
import { hasTag } from '../core/tags/same-tag';
import type { FirstPaintStore } from './first-paint';
import { localDraftStore, type DraftStore } from './note-drafts';
import { PaperIndex, type WordQuery } from './search-index';
import { addressedPapers } from './addressed-search';

export interface UndoEntry {
  /** The removed records, or the merged ones (the kept one first), exactly as they were. */
  records: SavedPaper[];
  message: string;
  /** The record a merge made of `records`: the undo puts them back over it (unless it was changed since). */
  merged?: SavedPaper;
  /**
   * When the removal was asked for: a record of the same paper saved since (from another page, under another of its
   * ids) is merged with the one put back; one that was there before (a journal version saved apart) is left alone.
   */
  removedAt?: number;
  /** What its button says ("Undo" when not set). */
  action?: string;
  /** It stays until the reader acts on it or dismisses it (it holds text they typed, which is nowhere else). */
  sticky?: boolean;
}

/** Papers in the first answer when the popup opens: more than a popup shows, a small message. */
export const FIRST_PAGE = 60;

export interface ListSnapshot {
  load: 'loading' | 'ready' | 'error';
  /** False while only the newest papers are shown and the whole list is on its way (first open of a long list). */
  complete: boolean;
  /** The papers are the popup's copy from its last open; the background's answer has not come yet. */
  provisional: boolean;
  loadError: string | null;
  /** Newest save first. */
  papers: readonly SavedPaper[];
  byId: ReadonlyMap<string, SavedPaper>;
  /** Every tag with its count, most used first (completion, filters, charts). */
  tags: readonly (readonly [string, number])[];
  sites: readonly string[];
  /** Changes whenever the search index does, so memoised searches re-run. */
  indexVersion: number;
  /** A large (re)index is under way; searches wait for it. */
  indexing: boolean;
  undo: UndoEntry | null;
  /** The last action that failed, in words. */
  problem: string | null;
}

export interface ReadingListState {
  getSnapshot(): ListSnapshot;
  subscribe(listener: () => void): () => void;
  /** Load the list and follow changes made anywhere; returns `stop`. */
  start(): () => void;
  refresh(): Promise<void>;
  /**
   * Scores by id for a query (its words, or the paper an address in it names), or null while the index is being built.
   * `query`: its words and quoted phrases as the box read them (search-syntax.ts), searched for in place of `text`'s
   * words; the paper an address in `text` names is shown whatever its phrases say.
   */
  search(text: string, query?: WordQuery): Map<string, number> | null;
  setStatus(ids: readonly string[], status: ReadingStatus): Promise<void>;
  setTags(id: string, tags: string[]): Promise<void>;
  addTag(ids: readonly string[], tag: string): Promise<void>;
  /** Take one tag off one paper (applied by the background to what it has, so a concurrent add survives). */
  removeTag(id: string, tag: string): Promise<void>;
  /** Take one tag (in any case) off these papers, in one write (the library's selection). */
  removeTagFrom(ids: readonly string[], tag: string): Promise<void>;
  /**
   * Rename a tag (in any case) on every paper this page shows with it, in one write; `to` a tag some have already
   * merges the two. Resolves with how many papers it changed; rejects, nothing changed, when the background refuses.
   */
  renameTagEverywhere(from: string, to: string): Promise<number>;
  /** Take a tag (in any case) off every paper this page shows with it, in one write; as renameTagEverywhere. */
  removeTagEverywhere(tag: string): Promise<number>;
  /** Keep a note draft synchronously (every keystroke); `saveNote` sends it. */
  stashNote(id: string, note: string): void;
  /** Resolves true once stored; false when the background refused it (the draft is kept, and the problem said). */
  saveNote(id: string, note: string): Promise<boolean>;
  /** Resolves with the ids removed: none when the background refused (the problem said). */
  remove(ids: readonly string[]): Promise<readonly string[]>;
  /** The reader has seen arXiv's `version` of this paper (a check found it newer than the one saved): its version rises to it. */
  markSeen(id: string, version: number): Promise<void>;
  /**
   * Merge copies of one paper into `keepId`, as this page shows them (refused, the problem said, if one was changed
   * since); with undo. Resolves true once merged.
   */
  merge(keepId: string, otherIds: readonly string[]): Promise<boolean>;
  undo(): Promise<void>;
  dismissUndo(): void;
  /** The reader is on the undo (focus or pointer): it waits for them, and its time starts again when they leave. */
  holdUndo(held: boolean): void;
  dismissProblem(): void;
  /** All or nothing (imports); rejects, leaving the list as it was, when the background refuses. */
  putMany(records: SavedPaper[]): Promise<number>;
}

export interface StateOptions {
  /** How long a removal can be undone. */
  undoMs?: number;
  /** Coalesces bursts of change notices into one reload. */
  refreshDelayMs?: number;
  /** Diffs larger than this are indexed in chunks, off the critical path. */
  chunkThreshold?: number;
  pause?: () => Promise<void>;
  now?: () => number;
  drafts?: DraftStore;
  /**
   * The popup's copy of the newest papers: shown before the background answers, replaced by its answer, and
   * rewritten from the list this page shows. The full-page library has none.
   */
  firstPaint?: FirstPaintStore;
}

/** Our own writes come back as broadcast notices; they are expected and need no reload. */
const RELOAD = '\u0000reload';
const newestSaved = (a: SavedPaper, b: SavedPaper) => b.savedAt - a.savedAt;
const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function createReadingListState(api: ReadingListApi, options: StateOptions = {}): ReadingListState {
  const undoMs = options.undoMs ?? 6000;
  const refreshDelayMs = options.refreshDelayMs ?? 150;
  const chunkThreshold = options.chunkThreshold ?? 300;
  const pause = options.pause ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
  const now = options.now ?? Date.now;
  const drafts = options.drafts ?? localDraftStore();

  let snapshot: ListSnapshot = {
    load: 'loading',
    complete: false,
    provisional: false,
    loadError: null,
    papers: [],
    byId: new Map(),
    tags: [],
    sites: [],
    indexVersion: 0,
    indexing: false,
    undo: null,
    problem: null,
  };
  const listeners = new Set<() => void>();
  const index = new PaperIndex();
  const echoes = new Map<string, number>();
  let indexing = false;
  let indexWanted: readonly SavedPaper[] | null = null;
  let undoTimer: ReturnType<typeof setTimeout> | undefined;
  /** Papers a notice said were removed elsewhere, as shown then, the latest few: a note's save may follow (keepNoteOfRemoved). */
  const removedElsewhere = new Map<string, { record: SavedPaper; at: number }>();
  const REMOVED_KEPT = 50;
  let refreshTimer: ReturnType<typeof setTimeout> | undefined;
  let draftsRecovered = false;
  let stopped = false;
  /** Changes this page made to its list (its edits, removals it was told of): an answer asked for before one is stale. */
  let localChanges = 0;
  /** A list asked for while this page changes it is asked for again, at most this often, before it is shown anyway. */
  const STALE_RETRIES = 3;

  const set = (patch: Partial<ListSnapshot>) => {
    snapshot = { ...snapshot, ...patch };
    listeners.forEach((listener) => listener());
  };
  const fail = (what: string) => (error: unknown) => set({ problem: `${what}: ${describe(error)}` });

  const expectEcho = (key: string) => echoes.set(key, (echoes.get(key) ?? 0) + 1);
  const consumeEcho = (key: string) => {
    const n = echoes.get(key) ?? 0;
    if (n <= 1) echoes.delete(key);
    else echoes.set(key, n - 1);
    return n > 0;
  };

  function reindex(papers: readonly SavedPaper[]): void {
    if (indexing) {
      indexWanted = papers; // the running build picks the newest list up when it ends
      return;
    }
    const diff = index.diff(papers);
    if (diff.add.length + diff.discard.length === 0) return;
    if (diff.add.length <= chunkThreshold) {
      index.apply(diff);
      set({ indexVersion: snapshot.indexVersion + 1 });
      return;
    }
    indexing = true;
    set({ indexing: true });
    index
      .applyInChunks(diff, async () => {
        await pause();
        if (stopped) throw new DOMException('The page closed', 'AbortError'); // no work for a closed page
      })
      .catch((error: unknown) => !stopped && fail('Search index')(error))
      .finally(() => {
        indexing = false;
        set({ indexing: false, indexVersion: snapshot.indexVersion + 1 });
        const next = indexWanted;
        indexWanted = null;
        if (next) reindex(next);
      });
  }

  function setPapers(papers: SavedPaper[], complete = true, copy = false): void {
    set({
      load: 'ready',
      complete,
      provisional: copy,
      loadError: null,
      papers,
      byId: new Map(papers.map((saved) => [saved.id, saved])),
      tags: tagCounts(papers),
      sites: siteIds(papers),
    });
    // The newest few, shown while the rest loads, are indexed after they are drawn: the first render waits for nothing.
    if (complete) reindex(papers);
    else void pause().then(() => !stopped && reindex(snapshot.papers));
    // The popup's copy follows what it shows, at once (a popup can close any moment; the write is skipped when
    // the newest few did not change).
    if (!copy) options.firstPaint?.write(papers);
  }

  function upsertLocal(records: readonly SavedPaper[]): void {
    localChanges++;
    const fresh = new Map(records.map((record) => [record.id, record]));
    const next = snapshot.papers.map((saved) => fresh.get(saved.id) ?? saved);
    const added = records.filter((record) => !snapshot.byId.has(record.id));
    setPapers(added.length ? [...next, ...added].sort(newestSaved) : next, snapshot.complete, snapshot.provisional);
  }

  function removeLocal(ids: readonly string[]): void {
    localChanges++;
    const gone = new Set(ids);
    setPapers(snapshot.papers.filter((saved) => !gone.has(saved.id)), snapshot.complete, snapshot.provisional);
  }

  /**
   * First open: the newest FIRST_PAGE papers at once (a useful popup in a few milliseconds), then the whole list
   * for search, filters and counts. A short list comes whole in the first answer.
   */
  async function load(): Promise<void> {
    try {
      const asked = localChanges;
      const newest = await api.list(FIRST_PAGE);
      if (localChanges !== asked) {
        /* changed here while on its way (an edit on the popup's copy): the whole list below is asked after it */
      } else if (newest.length < FIRST_PAGE) {
        if (snapshot.load === 'loading' || snapshot.provisional) setPapers(newest);
        recoverDrafts();
        return;
      } else if (snapshot.load === 'loading' || snapshot.provisional) setPapers(newest, false);
    } catch {
      /* the whole-list request below reports it */
    }
    await refresh();
  }

  async function refresh(): Promise<void> {
    try {
      let papers: SavedPaper[];
      for (let tries = 0; ; tries++) {
        const asked = localChanges;
        papers = await api.list();
        if (localChanges === asked || tries === STALE_RETRIES) break;
      }
      setPapers(papers);
      recoverDrafts();
    } catch (error) {
      if (snapshot.load === 'ready' && !snapshot.provisional) fail('Could not reload the list')(error);
      else set({ load: 'error', loadError: describe(error), provisional: false, papers: [], byId: new Map() });
    }
  }

  /** Notes typed just before a popup closed, whose save may not have arrived. */
  function recoverDrafts(): void {
    if (draftsRecovered) return;
    draftsRecovered = true;
    for (const [id, draft] of drafts.all()) {
      const record = snapshot.byId.get(id);
      // Newer than what is stored when its note is still the one it was typed over (other fields may have changed
      // since), or when nothing in the record is newer than the draft.
      if (record && record.note !== draft.note && (draft.base === record.note || draft.at >= record.updatedAt)) void saveNote(id, draft.note);
      else drafts.delete(id);
    }
  }

  function onNotice(notice: Notice): void {
    if (consumeEcho(notice.type === 'reload' ? RELOAD : notice.id)) return;
    if (notice.type === 'changed' && notice.state === null) {
      const shown = snapshot.byId.get(notice.id);
      if (shown) {
        // A note typed on it may still be on its way (the editor flushes as the paper leaves the list).
        removedElsewhere.delete(notice.id);
        removedElsewhere.set(notice.id, { record: shown, at: now() });
        if (removedElsewhere.size > REMOVED_KEPT) removedElsewhere.delete(removedElsewhere.keys().next().value!);
        removeLocal([notice.id]);
      }
      // Not among the papers shown yet, while the rest of the list loads: the read under way may have read it before
      // the removal, and would bring it back; a refresh follows the removal instead.
      if (shown || snapshot.complete) return;
    }
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(() => void refresh(), refreshDelayMs);
  }

  async function editOne(id: string, edit: PaperEdit): Promise<SavedPaper | null> {
    expectEcho(id);
    let record: SavedPaper | null;
    try {
      record = await api.edit(id, edit);
    } catch (error) {
      consumeEcho(id);
      throw error;
    }
    if (!record) {
      consumeEcho(id); // not saved any more: nothing was broadcast
      removeLocal([id]);
      return null;
    }
    upsertLocal([record]);
    return record;
  }

  async function putMany(records: SavedPaper[]): Promise<number> {
    if (records.length === 0) return 0;
    expectEcho(RELOAD);
    try {
      const { written } = await api.putMany(records);
      upsertLocal(records);
      return written;
    } catch (error) {
      consumeEcho(RELOAD);
      throw error;
    }
  }

  /**
   * The same edit to many papers. One goes through `edit` (precise notice); many through one `editMany`
   * transaction that the background applies to what it has, never to this page's possibly stale copies.
   */
  async function editMany(ids: readonly string[], edit: PaperEdit): Promise<void> {
    const targets = ids.filter((id) => snapshot.byId.has(id));
    const [only] = targets;
    if (targets.length === 1 && only) {
      await editOne(only, edit);
      return;
    }
    if (!targets.length) return;
    expectEcho(RELOAD);
    let at: number;
    try {
      ({ at } = await api.editMany(targets, edit));
    } catch (error) {
      consumeEcho(RELOAD);
      throw error;
    }
    // Show it at once as the background applied it, at its time: the records' `updatedAt` as stored, which a merge
    // next names them by (others' concurrent edits arrive with their own notices).
    upsertLocal(targets.map((id) => applyEdit(snapshot.byId.get(id)!, edit, at)));
  }

  /** An edit of a tag on every paper carrying it (in any case), in one write; resolves with how many. */
  async function tagEverywhere(tag: string, edit: PaperEdit): Promise<number> {
    const ids = snapshot.papers.filter((saved) => hasTag(saved.tags, tag)).map((saved) => saved.id);
    await editMany(ids, edit);
    return ids.length;
  }

  /** Notes on their way to the background, by paper: what a keystroke typed meanwhile is typed over. */
  const sending = new Map<string, string>();
  /** A draft of this note, with the note it is typed over: the one being saved, else the stored one. */
  const stash = (id: string, note: string) => drafts.put(id, { note, at: now(), base: sending.get(id) ?? snapshot.byId.get(id)?.note });

  async function saveNote(id: string, note: string): Promise<boolean> {
    stash(id, note);
    sending.set(id, note);
    const before = snapshot.byId.get(id);
    try {
      if (!(await editOne(id, { note }))) keepNoteOfRemoved(id, note, before);
      // Only this save's draft: text typed since (here, or on the other page sharing the drafts) is not saved yet.
      drafts.deleteIf(id, note);
      return true;
    } catch (error) {
      fail('Could not save the note')(error);
      return false;
    } finally {
      if (sending.get(id) === note) sending.delete(id);
    }
  }

  /** One paper through `remove` (precise notice); many through one `removeMany` transaction: all or nothing. */
  async function remove(ids: readonly string[]): Promise<readonly string[]> {
    const targets = [...new Set(ids)];
    if (!targets.length) return [];
    const echo = targets.length === 1 ? targets[0]! : RELOAD;
    expectEcho(echo);
    const removedAt = now();
    let removed: SavedPaper[];
    try {
      removed = targets.length === 1 ? [await api.remove(echo)].filter((r): r is SavedPaper => r !== null) : await api.removeMany(targets);
    } catch (error) {
      consumeEcho(echo);
      fail(targets.length === 1 ? 'Could not remove the paper' : 'Could not remove the papers: none was removed')(error);
      return [];
    }
    if (!removed.length) consumeEcho(echo); // nothing was removed, so nothing was broadcast
    const gone = removed.map((record) => record.id);
    removeLocal(gone);
    if (removed.length) offerUndo(removed, undefined, removedAt);
    return gone;
  }

  async function merge(keepId: string, otherIds: readonly string[]): Promise<boolean> {
    const copies = [keepId, ...otherIds].map((id) => snapshot.byId.get(id));
    if (copies.some((copy) => !copy) || otherIds.length === 0) return false;
    const ids = [keepId, ...otherIds];
    ids.forEach(expectEcho); // the others' removal and the merged record's change
    let result: { merged: SavedPaper; originals: SavedPaper[] };
    try {
      const [keep, ...others] = copies.map((copy) => ({ id: copy!.id, updatedAt: copy!.updatedAt }));
      result = await api.merge(keep!, others);
    } catch (error) {
      ids.forEach(consumeEcho);
      fail('Could not merge')(error);
      return false;
    }
    removeLocal(otherIds);
    upsertLocal([result.merged]);
    offerUndo(result.originals, result.merged);
    return true;
  }

  function offerUndo(records: SavedPaper[], merged?: SavedPaper, removedAt?: number): void {
    clearTimeout(undoTimer);
    const [first] = records;
    const message = merged
      ? `Merged ${records.length} copies of ${quoted(merged.paper.title)}.`
      : records.length === 1 && first
        ? `Removed ${quoted(first.paper.title)}.`
        : `Removed ${records.length} papers.`;
    set({ undo: merged ? { records, message, merged } : { records, message, removedAt } });
    undoTimer = setTimeout(() => set({ undo: null }), undoMs);
  }

  /**
   * A note's save found its paper no longer saved. Removed here (the removal's undo is offered): that undo puts it
   * back with the note. Removed in another tab or window: the paper as this page last had it, with the note, is offered
   * to save again, until the reader acts on it; the text typed is nowhere else, and dropping it said nothing.
   */
  function keepNoteOfRemoved(id: string, note: string, before: SavedPaper | undefined): void {
    const withNote = (record: SavedPaper): SavedPaper => ({ ...record, note, updatedAt: Math.max(record.updatedAt, now()) });
    const entry = snapshot.undo;
    if (entry && !entry.merged && entry.records.some((record) => record.id === id)) {
      set({ undo: { ...entry, records: entry.records.map((record) => (record.id === id ? withNote(record) : record)) } });
      return;
    }
    const gone = removedElsewhere.get(id);
    removedElsewhere.delete(id);
    const last = gone?.record ?? before;
    if (!last || last.note === note) return; // nothing typed is lost
    clearTimeout(undoTimer);
    set({
      undo: {
        records: [withNote(last)],
        message: `${quoted(last.paper.title)} was removed in another tab or window, so your note was not saved.`,
        removedAt: gone?.at ?? now(),
        action: 'Save it again with the note',
        sticky: true,
      },
    });
  }

  /** Put merged records back as they were, over the merged one: one write, refused if it was changed since. */
  async function unmerge(merged: SavedPaper, records: SavedPaper[]): Promise<void> {
    const ids = records.map((record) => record.id);
    ids.forEach(expectEcho);
    const stored = await api.unmerge({ id: merged.id, updatedAt: merged.updatedAt }, records).catch((error: unknown) => {
      ids.forEach(consumeEcho);
      throw error;
    });
    upsertLocal(stored);
  }

  function holdUndo(held: boolean): void {
    clearTimeout(undoTimer);
    if (!held && snapshot.undo && !snapshot.undo.sticky) undoTimer = setTimeout(() => set({ undo: null }), undoMs);
  }

  async function undo(): Promise<void> {
    const entry = snapshot.undo;
    if (!entry) return;
    clearTimeout(undoTimer);
    set({ undo: null });
    const [only] = entry.records;
    try {
      if (entry.merged) await unmerge(entry.merged, entry.records);
      else if (entry.records.length === 1 && only) {
        expectEcho(only.id);
        const stored = await api.restore(only, entry.removedAt).catch((error: unknown) => {
          consumeEcho(only.id);
          throw error;
        });
        // Merged into a copy saved meanwhile under another of its ids, it was announced under that one (which brings a
        // refresh): no notice of this id is ours to skip, and a later one (saved again under it) must be followed.
        if (stored.id !== only.id) consumeEcho(only.id);
        upsertLocal([stored]); // as stored: merged with a copy saved again meanwhile, if any
      } else {
        expectEcho(RELOAD);
        const stored = await api.restoreMany(entry.records, entry.removedAt).catch((error: unknown) => {
          consumeEcho(RELOAD);
          throw error;
        });
        upsertLocal(stored);
      }
    } catch (error) {
      fail('Could not undo')(error);
      // The removed papers live only in this entry: offered again (unless a newer removal took its place), not lost. A
      // merge refused because its record was changed since would be refused again: that change is what is kept.
      if (!snapshot.undo && !(entry.merged && (error as Error | null)?.name === 'StaleRecordError')) {
        set({ undo: entry });
        if (!entry.sticky) undoTimer = setTimeout(() => set({ undo: null }), undoMs);
      }
    }
  }

  // The popup's copy is the first render's list, read before anything is asked of the background.
  const copy = options.firstPaint?.read();
  if (copy) setPapers(copy, false, true);

  const state: ReadingListState = {
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start() {
      const unsubscribe = api.subscribe(onNotice);
      void load();
      void api.takeLinkProblem().then(
        (problem) => problem && !stopped && set({ problem }),
        () => {}, // the toolbar button keeps its "!", and says it
      );
      stopped = false;
      return () => {
        stopped = true;
        unsubscribe();
        clearTimeout(refreshTimer);
        clearTimeout(undoTimer);
      };
    },
    refresh,
    search(text, query) {
      if (indexing) return null;
      const scores = index.search(query ?? text);
      // The paper its address names (addressed-search.ts), first by best match: what the reader pasted is that paper,
      // a reference's quoted title or authors (`author = "Okafor, Ada and …"`) as it wrote them or not.
      const named = addressedPapers(text, snapshot.papers);
      if (named.length) {
        let top = 0;
        for (const score of scores.values()) top = Math.max(top, score);
        for (const id of named) scores.set(id, top + 1);
      }
      return scores;
    },
    setStatus: (ids, status) =>
      editMany(
        ids.filter((id) => snapshot.byId.get(id)?.status !== status),
        { status },
      ).catch(fail('Could not change the status')),
    setTags: (id, tags) => editOne(id, { tags }).then(() => undefined, fail('Could not change the tags')),
    removeTag: (id, tag) => editOne(id, { removeTags: [tag] }).then(() => undefined, fail('Could not change the tags')),
    addTag(ids, tag) {
      const targets = ids.filter((id) => snapshot.byId.has(id) && !snapshot.byId.get(id)!.tags.includes(tag));
      // The background adds the tag to what it has, not to this page's possibly stale copies (issue #6).
      return editMany(targets, { addTags: [tag] }).catch(fail('Could not add the tag'));
    },
    removeTagFrom(ids, tag) {
      const targets = ids.filter((id) => hasTag(snapshot.byId.get(id)?.tags ?? [], tag));
      return editMany(targets, { removeTags: [tag] }).catch(fail('Could not remove the tag'));
    },
    renameTagEverywhere: (from, to) => tagEverywhere(from, { renameTag: { from, to } }),
    removeTagEverywhere: (tag) => tagEverywhere(tag, { removeTags: [tag] }),
    stashNote: stash,
    saveNote,
    markSeen: (id, version) => editOne(id, { seenVersion: version }).then(() => undefined, fail('Could not mark the new version seen')),
    remove,
    merge,
    undo,
    dismissUndo() {
      clearTimeout(undoTimer);
      set({ undo: null });
    },
    holdUndo,
    dismissProblem: () => set({ problem: null }),
    putMany,
  };
  return state;
}
