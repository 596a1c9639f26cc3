// The link menu's and the keyboard shortcut's saves from an address, saved promptly. The paper's metadata can take a
// minute to come (each API's 20 s timeout, Hugging Face then arXiv's spaced queue), and the click shows nothing on the
// page it was made on: a save that waited for it left the popup, open tabs and the toolbar button silent all that while.
// So a paper whose metadata has not come within PROMPT_MS is saved at once as its stand-in (its id, link and PDF), and
// completed when the metadata comes; every tab and page is told at both points. A worker stopped in between (an idle MV3
// service worker, Firefox's event page) leaves the stand-in, a correct record, and a note in storage.session (which
// outlives the worker) from which the next worker completes it.
import * as v from 'valibot';
import { PAPER_LIMITS, type Paper } from '../core/paper';
import { savedFromOf } from './context-menu';
import { changedNotice, type Notice } from './messages';
import { minimalPaper, type LinkResolver, type Resolved } from './save-link/metadata';
import { identifyLink } from './save-link/targets';
import { completePaper, type Database } from '../storage/reading-list';
import { saveAndTell } from './tab-paper';
import type { SavedPaper } from '../storage/schema';

/** How long a save waits for the metadata before it saves the stand-in: Hugging Face's API answers well within it. */
export const PROMPT_MS = 2000;
/** Notes of completions under way in storage.session, one key each (two saves at once must not share a key). */
export const COMPLETION_PREFIX = 'linkCompletion:';

/** The part of `storage.session` the notes use. */
export interface CompletionNotes {
  get(keys: null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export interface PromptSaveDeps {
  links: Pick<LinkResolver, 'resolve'>;
  /** A write marked in flight until the notices sent through `broadcast` are out (responder.write). */
  write<T>(run: (db: Database, broadcast: (notice: Notice) => void) => Promise<T>): Promise<T>;
  session: CompletionNotes;
  /** Resolves after `ms`; a fake in tests. */
  wait?: (ms: number) => Promise<void>;
}

export interface PromptSaved {
  /** The record as first saved: the whole paper, or its stand-in. */
  record: SavedPaper;
  /** The record once completed with the metadata; null when nothing more was learnt or it was removed meanwhile. Never rejects. */
  completed: Promise<SavedPaper | null>;
}

export interface PromptSaver {
  /**
   * Save the paper an address names (a link's; a tab's), saved from `pageUrl`; null, saving nothing, when it names none.
   * Rejects when the save fails (the stand-in's write too), as a save that waited for the metadata did.
   */
  save(url: string, pageUrl: string | undefined): Promise<PromptSaved | null>;
  /** Complete the stand-ins an earlier worker left (its notes); once, when the worker starts. */
  resume(): Promise<void>;
  /**
   * Records were put back (an undone removal): a stand-in whose metadata came while it was removed is completed now,
   * where it stayed a stand-in for good. Resolves once done; never rejects.
   */
  restored(ids: readonly string[]): Promise<void>;
}

/** How long metadata that came for a removed stand-in is kept for an undo (the popup's can be held open, and read). */
export const UNDO_KEEP_MS = 10 * 60_000;

/**
 * A note as stored: the record's id, and the address its metadata is read from; `savedAt` where the save made the
 * record (completePaper's `made`: only such a stand-in folds into another record).
 */
const NoteSchema = v.strictObject({
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(PAPER_LIMITS.id)),
  url: v.pipe(v.string(), v.maxLength(100_000)),
  savedAt: v.optional(v.pipe(v.number(), v.finite())),
});

const realWait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const warn = (error: unknown) => console.warn('Papershelf: completing a saved link:', error);

export function createPromptSaver(deps: PromptSaveDeps): PromptSaver {
  const wait = deps.wait ?? realWait;
  /** Notes this worker wrote: its own completions are under way, not left by an earlier worker. */
  const own = new Set<string>();
  /** Metadata that came for a stand-in removed meanwhile, by id, until an undo puts it back (or UNDO_KEEP_MS pass). */
  const unfinished = new Map<string, { paper: Paper; made: number | undefined; until: number }>();

  function write(paper: Paper, savedFrom: string, standIn: boolean, now?: number): Promise<SavedPaper> {
    return deps.write((db, broadcast) => saveAndTell(db, broadcast, paper, savedFrom, standIn, now));
  }

  /** The record saved under `id` completed with what `reading` gives, if it gives the paper's metadata (`made`: completePaper's). */
  async function complete(id: string, reading: Promise<Resolved>, made: number | undefined): Promise<SavedPaper | null> {
    try {
      const { paper, complete } = await reading;
      if (!complete) return null; // the stand-in is all that is known: it stays as saved
      return await deps.write(async (db, broadcast) => {
        const done = await completePaper(db, id, paper, made);
        if (!done) unfinished.set(id, { paper, made, until: Date.now() + UNDO_KEEP_MS }); // removed meanwhile: kept for an undo
        // Folded into the record the metadata names: the stand-in's removal first, then the record naming its ids (as a merge's).
        if (done?.removed) broadcast(changedNotice(done.removed, 'removed'));
        if (done) broadcast(changedNotice(done.record));
        return done?.record ?? null;
      });
    } catch (error) {
      warn(error); // the stand-in stays, a correct record
      return null;
    }
  }

  async function save(url: string, pageUrl: string | undefined): Promise<PromptSaved | null> {
    const target = identifyLink(url);
    if (!target) return null;
    const standIn = minimalPaper(target); // throws, before anything is asked, for a target no save could make a paper of
    const reading = deps.links.resolve(target);
    const early = await Promise.race([reading, wait(PROMPT_MS).then(() => null)]);
    if (early) {
      // In time: one save, of all that is known.
      const record = await write(early.paper, savedFromOf(pageUrl, early.paper, url), !early.complete);
      return { record, completed: Promise.resolve(null) };
    }
    // The stand-in only fills what a record saved already lacks (savePaper's standIn), as when every source fails.
    const now = Date.now();
    const record = await write(standIn, savedFromOf(pageUrl, standIn, url), true, now);
    // Made by this save, or a record saved before that the stand-in only filled (which the completion must not fold away).
    const made = record.savedAt === now ? now : undefined;
    const key = `${COMPLETION_PREFIX}${crypto.randomUUID()}`;
    own.add(key);
    // Noted once the stand-in is written: a worker stopped before the note leaves the stand-in, never a note of nothing.
    const noted = deps.session.set({ [key]: { id: record.id, url, ...(made === undefined ? {} : { savedAt: made }) } }).catch(warn);
    const completed = noted
      .then(() => complete(record.id, reading, made))
      .finally(() => {
        own.delete(key);
        return deps.session.remove(key).catch(warn);
      });
    return { record, completed };
  }

  async function resume(): Promise<void> {
    let stored: Record<string, unknown>;
    try {
      stored = await deps.session.get(null);
    } catch (error) {
      return warn(error);
    }
    // Each record once, whatever number of notes name it (a link saved twice before the worker stopped).
    const byId = new Map<string, { url: string; keys: string[]; made: number | undefined }>();
    const dropped: string[] = [];
    for (const [key, value] of Object.entries(stored)) {
      if (!key.startsWith(COMPLETION_PREFIX) || own.has(key)) continue;
      const note = v.safeParse(NoteSchema, value);
      if (!note.success || !identifyLink(note.output.url)) {
        dropped.push(key);
        continue;
      }
      const entry = byId.get(note.output.id) ?? { url: note.output.url, keys: [], made: note.output.savedAt };
      entry.keys.push(key);
      entry.made ??= note.output.savedAt;
      byId.set(note.output.id, entry);
    }
    if (dropped.length) await deps.session.remove(dropped).catch(warn);
    await Promise.all(
      [...byId].map(async ([id, { url, keys, made }]) => {
        // The note goes once this try is over: a worker stopped again during it leaves the note for the next.
        await complete(id, deps.links.resolve(identifyLink(url)!), made);
        await deps.session.remove(keys).catch(warn);
      }),
    );
  }

  async function restored(ids: readonly string[]): Promise<void> {
    const now = Date.now();
    for (const [id, { until }] of unfinished) if (until <= now) unfinished.delete(id);
    await Promise.all(
      ids.map((id) => {
        const left = unfinished.get(id);
        if (!left) return null;
        unfinished.delete(id);
        return complete(id, Promise.resolve({ paper: left.paper, complete: true }), left.made);
      }),
    );
  }

  return { save, resume, restored };
}
