// A paper's own page on a proceedings site with no metadata API (PMLR, NeurIPS, CVF; ACL Anthology papers without an
// ACL DOI), read from its HTML by that site's adapter, the code the content script runs there: "Save to reading list"
// on a link to it saves the paper, and the id, the card on that page shows. Runs wherever DOMParser is (Chrome's
// offscreen document, Firefox's background page, tests); DOMParser's 'text/html' builds the document without running
// it: no script, handler or load.
import type { Paper } from '../core/paper';
import { extractCard } from './extract-card';
import { pmlr } from './pmlr';
import { neurips } from './neurips';
import { cvf } from './cvf';
import { aclanthology } from './aclanthology';
import type { SiteAdapter } from './types';

/** The sites whose paper pages a link save reads, by adapter id. */
export const PAGE_SITES = { pmlr, neurips, cvf, aclanthology } as const satisfies Record<string, SiteAdapter<any>>;
export type PageSite = keyof typeof PAGE_SITES;

/** The site whose adapter reads `url` as one paper's page, else null. */
export function pageSiteOf(url: URL): PageSite | null {
  const ids = Object.keys(PAGE_SITES) as PageSite[];
  return ids.find((id) => PAGE_SITES[id].pageKind(url) === 'paper') ?? null;
}

/**
 * The paper a paper page's HTML shows, as the page's card gives it (extractCard: bounded), or null when `url` is no
 * such page or the HTML shows no paper (an error page, another page).
 */
export function readPaperPage(html: string, href: string, now: Date = new Date()): Paper | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  const site = pageSiteOf(url);
  if (!site) return null;
  const adapter: SiteAdapter<any> = PAGE_SITES[site];
  const doc = new DOMParser().parseFromString(html, 'text/html');
  setBase(doc, url);
  const ctx = adapter.context(doc, url, now);
  const [card] = adapter.findCards(doc, ctx);
  return card ? extractCard(adapter, card, ctx) : null;
}

/**
 * Relative addresses resolve as on the live page: a parsed document's base is the parser's own page (an extension
 * page), so the page's URL, or its own `<base href>` read against that URL, goes first in its head.
 */
function setBase(doc: Document, url: URL): void {
  let base = url.href;
  try {
    const own = new URL(doc.querySelector('base[href]')?.getAttribute('href') ?? '', url);
    if (own.protocol === 'https:' || own.protocol === 'http:') base = own.href; // as browsers, no data: or javascript: base
  } catch {
    // a malformed <base href> is ignored by browsers too
  }
  const element = doc.createElement('base');
  element.setAttribute('href', base);
  doc.head.prepend(element);
}
