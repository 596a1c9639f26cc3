// Where "Save to reading list" reads a PMLR, NeurIPS or CVF paper page (sites/read-page.ts): it needs DOMParser, which
// Firefox's background (an event page) has and Chrome's (a service worker) has not. There an offscreen document
// (reason DOM_PARSER) parses for it: created on the first read, shared by reads at once, closed once idle.
import { readPaperPage } from '../sites/read-page';

export const OFFSCREEN_PATH = 'src/offscreen/index.html';
/** The one message the offscreen document answers: `{ type, html, url }` → the Paper, or null. */
export const READ_PAGE = 'papershelf-read-page';
/** Long enough for a few saves in a row to share one document, short enough not to keep a page's memory for long. */
export const OFFSCREEN_IDLE_MS = 30_000;

export type PageReader = (html: string, url: string) => Promise<unknown>;

/** The parts of Chrome's API the offscreen route uses (no chrome types in this project: webextension-polyfill's). */
export interface OffscreenApis {
  offscreen: {
    createDocument(parameters: { url: string; reasons: string[]; justification: string }): Promise<void>;
    closeDocument(): Promise<void>;
  };
  runtime: {
    getURL(path: string): string;
    getContexts(filter: { contextTypes: string[]; documentUrls: string[] }): Promise<unknown[]>;
    sendMessage(message: unknown): Promise<unknown>;
  };
}

/** DOMParser here (feature-detected, not the browser's name), else an offscreen document, else none (the stand-in). */
export function pageReader(scope: { DOMParser?: unknown; chrome?: Partial<OffscreenApis> } = globalThis as never): PageReader | undefined {
  if (typeof scope.DOMParser === 'function') return async (html, url) => readPaperPage(html, url);
  const chrome = scope.chrome;
  if (chrome?.offscreen && typeof chrome.runtime?.getContexts === 'function') return offscreenReader(chrome as OffscreenApis);
  return undefined;
}

export function offscreenReader(apis: OffscreenApis, idleMs = OFFSCREEN_IDLE_MS): PageReader {
  let reading = 0;
  let idle: ReturnType<typeof setTimeout> | undefined;
  let opening: Promise<void> | null = null;
  let closing: Promise<void> = Promise.resolve();

  async function open(): Promise<void> {
    await closing; // a document being closed cannot answer
    const documentUrls = [apis.runtime.getURL(OFFSCREEN_PATH)];
    // A worker restarted since it made one finds it still open: an extension may have only one.
    if ((await apis.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls })).length) return;
    await apis.offscreen.createDocument({
      url: OFFSCREEN_PATH,
      reasons: ['DOM_PARSER'],
      justification: 'Read a paper page the user asked to save (PMLR, NeurIPS, CVF, ACL Anthology) with the same code that reads it in the tab',
    });
  }

  return async (html, url) => {
    reading++;
    clearTimeout(idle);
    try {
      opening ??= open().finally(() => (opening = null));
      await opening;
      return await apis.runtime.sendMessage({ type: READ_PAGE, html, url });
    } finally {
      if (--reading === 0) {
        idle = setTimeout(() => {
          closing = apis.offscreen.closeDocument().catch(() => undefined); // already closed (the browser may close it)
        }, idleMs);
      }
    }
  };
}
