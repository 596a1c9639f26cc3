// Chrome only: the offscreen document the service worker has parse a paper page it fetched (background/page-reader.ts).
// It answers the one message with plain Paper data, which the worker checks again; offscreen documents get
// chrome.runtime alone, so no polyfill.
import * as v from 'valibot';
import { fromOwnBackground } from '../background/messages';
import { READ_PAGE } from '../background/page-reader';
import { MAX_BODY_CHARS } from '../background/save-link/http';
import { readPaperPage } from '../sites/read-page';

const ReadPage = v.object({
  type: v.literal(READ_PAGE),
  html: v.pipe(v.string(), v.maxLength(MAX_BODY_CHARS)),
  url: v.pipe(v.string(), v.maxLength(2048)),
});

interface Runtime {
  id: string;
  getURL(path: string): string;
  onMessage: {
    addListener(listener: (message: unknown, sender: { id?: string; url?: string; tab?: unknown }, sendResponse: (answer: unknown) => void) => boolean): void;
  };
}
const runtime = (globalThis as unknown as { chrome: { runtime: Runtime } }).chrome.runtime;

runtime.onMessage.addListener((message, sender, sendResponse) => {
  const request = v.safeParse(ReadPage, message);
  // Only the worker asks (a content script's message reaches extension pages too, with this id but a tab).
  if (!request.success || !fromOwnBackground(sender, runtime)) return false; // not ours: a notice to the extension's pages
  try {
    sendResponse(readPaperPage(request.output.html, request.output.url));
  } catch {
    sendResponse(null); // a bug in an adapter: the worker saves the stand-in
  }
  return false;
});
