// The popup's copy of the newest few papers, drawn the moment it opens, before the background answers.
// The background's answer replaces it within one round trip (tens of ms when the worker is running, a few
// hundred when the browser has stopped it). It lives in the extension origin's localStorage, which no web page
// can read, and is checked like any record from outside: a damaged copy is ignored, never shown.
import * as v from 'valibot';
import { SavedPaperSchema } from '../background/messages';
import type { SavedPaper } from '../storage/schema';
import { FIRST_SLICE } from './components/PaperList';

/** Papers kept: what the popup's list shows in its first render. */
export const FIRST_PAINT_COUNT = FIRST_SLICE;

export interface FirstPaintStore {
  /** The newest papers as last shown, or null when there is no usable copy. */
  read(): SavedPaper[] | null;
  write(papers: readonly SavedPaper[]): void;
}

const KEY = 'papershelf:first-paint';
const Copy = v.strictObject({ version: v.literal(1), papers: v.pipe(v.array(SavedPaperSchema), v.maxLength(FIRST_PAINT_COUNT)) });

export function localFirstPaint(storage: Storage | undefined = globalThis.localStorage): FirstPaintStore {
  let last: string | null = null;
  return {
    read() {
      try {
        const text = storage?.getItem(KEY);
        if (!text) return null;
        last = text;
        const copy = v.safeParse(Copy, JSON.parse(text));
        return copy.success && copy.output.papers.length > 0 ? copy.output.papers : null;
      } catch {
        return null; // unreadable JSON or storage disabled by policy: the background's answer comes anyway
      }
    },
    write(papers) {
      try {
        const text = JSON.stringify({ version: 1, papers: papers.slice(0, FIRST_PAINT_COUNT) });
        if (text === last) return;
        storage?.setItem(KEY, text);
        last = text;
      } catch {
        /* quota: the next open waits for the background, as without a copy */
      }
    },
  };
}

export function memoryFirstPaint(initial: SavedPaper[] | null = null): FirstPaintStore & { saved: SavedPaper[] | null } {
  const store = {
    saved: initial,
    read: () => (store.saved?.length ? store.saved : null),
    write: (papers: readonly SavedPaper[]) => void (store.saved = papers.slice(0, FIRST_PAINT_COUNT)),
  };
  return store;
}
