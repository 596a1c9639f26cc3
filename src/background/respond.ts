// How the background answers a request: validated, then handled; a write is marked in flight until its change notice
// has gone out. The mark is kept in session storage, which outlives a stopped worker (not the browser), so a worker
// that starts again knows a notice may have been lost (index.ts then tells every tab to re-read).
import { handle, type HandlerDeps } from './handlers';
import { parseEnvelope, type Notice, type Reply } from './messages';

/**
 * Messages that change what tabs show, and so end with a notice to every tab: the reading list's change notice, or
 * the settings notice (setSettings, followAuthor, importSettings). A worker stopped before its notice went out makes every tab re-read both.
 * A check of arXiv versions is one too: the journal DOI it fills in is an id cards answer to (fillPublication).
 */
export const WRITES = new Set<string>(['edit', 'editMany', 'save', 'remove', 'removeMany', 'restore', 'restoreMany', 'merge', 'unmerge', 'putMany', 'saveTabPaper', 'checkVersions', 'setSettings', 'followAuthor', 'importSettings']);
export const IN_FLIGHT_KEY = 'writesInFlight';

/** The part of `storage.session` the mark uses. */
export interface SessionMark {
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

export interface ResponderDeps extends Omit<HandlerDeps, 'broadcast'> {
  /** Resolves once the notice has gone out. */
  broadcast(notice: Notice): Promise<void>;
  session: SessionMark;
}

export interface Responder {
  respond(message: unknown): Promise<Reply<unknown>>;
  /**
   * A write that comes from no message (the link menu's save, the keyboard shortcut's from an address): marked in
   * flight as a request's is, until the notices `run` sends through its `broadcast` have gone out. Its error is thrown.
   */
  write<T>(run: (broadcast: HandlerDeps['broadcast']) => Promise<T>): Promise<T>;
  /** Writes whose change notice has not gone out yet. */
  inFlight(): number;
}

export function createResponder(deps: ResponderDeps): Responder {
  let inFlight = 0;
  /** The mark being written (or written) for the writes now in flight. */
  let marked: Promise<void> = Promise.resolve();
  const warn = (error: unknown) => console.warn('Papershelf: session storage:', error); // the write itself goes on

  /**
   * A write begins: the mark is set for the first of those in flight, and every write waits for that same promise, so
   * they go on in the order they came (one that waited for nothing would overtake: a double click's removal before its
   * save, a note's last keystrokes before the ones typed earlier).
   */
  function begin(): Promise<void> {
    if (++inFlight === 1) marked = deps.session.set({ [IN_FLIGHT_KEY]: true }).catch(warn);
    return marked;
  }

  async function end(): Promise<void> {
    if (--inFlight === 0) await deps.session.remove(IN_FLIGHT_KEY).catch(warn);
  }

  const handlerDeps = (broadcast: HandlerDeps['broadcast']): HandlerDeps => ({ ...deps, broadcast });

  async function write<T>(run: (broadcast: HandlerDeps['broadcast']) => Promise<T>): Promise<T> {
    await begin();
    const notices: Promise<void>[] = [];
    try {
      return await run((notice) => void notices.push(deps.broadcast(notice)));
    } finally {
      await Promise.allSettled(notices);
      await end();
    }
  }

  async function respond(message: unknown): Promise<Reply<unknown>> {
    try {
      const envelope = parseEnvelope(message);
      if (!WRITES.has(envelope.type)) {
        return { ok: true, value: await handle(envelope, handlerDeps((notice) => void deps.broadcast(notice))) };
      }
      // A write: marked as in flight until its change notice has gone out, so a worker stopped in between tells
      // every tab to re-read when it starts again.
      return { ok: true, value: await write((broadcast) => handle(envelope, handlerDeps(broadcast))) };
    } catch (error) {
      const { name, message: text } = error instanceof Error ? error : new Error(String(error));
      console.warn('Papershelf: request failed:', text);
      return { ok: false, error: { name, message: text } };
    }
  }

  return { respond, write, inFlight: () => inFlight };
}
