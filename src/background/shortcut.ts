// The keyboard shortcut (Alt+Shift+S, command `save-paper`). On a page with cards, the tab's content script knows which
// card is under the pointer or in focus and toggles it. A paper's PDF (or arXiv's HTML view of it) has no content
// script and no card, nor has a publisher's page (ACM, Springer, …): there the shortcut saves the paper its address names,
// as the popup's Save would.
import { webUrl } from '../core/ids';
import { publisherDoi } from '../core/publishers';
import { AR5IV_HOSTS, ARXIV_HOSTS, identifyLink, OPENREVIEW_HOSTS } from './save-link/targets';

/**
 * Whether this address shows one paper with no card for it: a PDF (any `.pdf`, arXiv's `/pdf/`, OpenReview's `/pdf` and
 * `/attachment`), arXiv's HTML rendering (`/html/`, ar5iv), or a publisher's page of one paper (core/publishers.ts). No
 * content script runs on these.
 */
export function isPaperDocument(url: string): boolean {
  const parsed = webUrl(url);
  if (!parsed) return false;
  const host = parsed.hostname.toLowerCase();
  const path = parsed.pathname;
  if (/\.pdf$/i.test(path) || publisherDoi(parsed.href)) return true;
  if (ARXIV_HOSTS.includes(host)) return /^\/(?:pdf|html)\//.test(path);
  if (AR5IV_HOSTS.includes(host)) return /^\/(?:html|abs)\//.test(path);
  if (OPENREVIEW_HOSTS.includes(host)) return path === '/pdf' || path === '/attachment';
  return false;
}

export type ShortcutAction =
  /** Tell the tab's content script, which toggles the card under the pointer or in focus. */
  | { kind: 'card'; tabId: number }
  /** Save the paper this document's address names (never a removal: nothing on the page would show it). */
  | { kind: 'document'; url: string };

/** What the shortcut does in this tab; null: nothing (no tab, or a document that names no paper Papershelf knows). */
export function shortcutAction(tab: { id?: number; url?: string } | undefined): ShortcutAction | null {
  if (!tab) return null;
  if (tab.url && isPaperDocument(tab.url)) return identifyLink(tab.url) ? { kind: 'document', url: tab.url } : null;
  return tab.id === undefined ? null : { kind: 'card', tabId: tab.id };
}

/**
 * The address to save when the tab's content script did not take the shortcut: none is there (an optional site the
 * reader has not turned on, a tab opened before the extension was installed or updated), so the paper the address
 * names, if it names one (an OpenReview forum, an ACL Anthology or PMLR paper page, an arXiv abstract), is saved as a
 * PDF's is; null for any other page (a listing names no one paper).
 */
export function unansweredShortcut(url: string | undefined): string | null {
  return url && identifyLink(url) ? url : null;
}
