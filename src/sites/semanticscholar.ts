// Semantic Scholar (issue #3): search (/search?q=), paper pages (/paper/[<slug>/]<40-hex id>), author pages. A React
// app that renders rows client-side, so findCards takes any subtree. Markup: DOM-NOTES.md §6 (classes drift, no saved
// page: fixtures are constructed). A paper page is read from citation_* meta and JSON-LD first; a row is found by its
// semantic anchor, the link to the paper's own page, bounded by known row classes or, in unknown markup, by where
// links to other papers begin. Decisions: a row's `abstract` stays null (it shows a TLDR or a cut abstract);
// "+5 authors" sets authorCount; on a paper page the citing/cited rows are cards too.
import { arxivIdFromUrl, arxivPdfUrl, parseDoi } from '../core/ids';
import { paperIdentity } from '../core/aliases';
import { emptyPaper, normalizeSpace, ownDoi, type Paper } from '../core/paper';
import { venueIdsFromUrls } from '../core/venues';
import { httpUrl, parseDateOrYear, readCitationMeta, readJsonLd, textOf, type CitationMeta } from './common';
import type { SiteAdapter } from './types';
import { SITE_NAMES } from './names';

const ORIGIN = 'https://www.semanticscholar.org';
const PAPER_PATH = /^\/paper\/(?:[^/]+\/)?([0-9a-f]{40})\/?$/i; // the paper page itself, not /figure/N under it
const PAPER_LINKS = 'a[href*="/paper/"]'; // the semantic anchor of every row: its title links to the paper page
const ROWS = [
  '[data-test-id="search-result"]', // newer search rows (scrapers) [C]
  '.cl-paper-row', // older search rows (Zotero 2022: `.result-page .cl-paper-row > a`), author and citation lists [C]
];
const ROW_STOP = 'body, main, #app, ul, ol, [role="main"], [role="list"]'; // unknown markup: a row lies below these
const PAGE_TITLES = [
  'h1[data-test-id="paper-detail-title"]', // 2023+ paper page [U]
  'h1', // any paper page: the first h1
];
const ROW_TITLES = [
  'a[data-test-id="title-link"]', // 2023+ rows: a > h2.cl-paper-title
  '.cl-paper-title', // 2019-2022 rows: a > div.cl-paper-title
];
const AUTHOR_LISTS = [
  '[data-test-id="author-list"]', // 2023+ [U]
  '.cl-paper-authors', // 2019-2022
];
const AUTHORS = [
  '.cl-paper-authors__author-link', // 2019+: a link, or a span for an author without a page
  'a[href^="/author/"]', // any markup
];
const MORE_AUTHORS = /\+\s*(\d+)\s+authors?\b/i; // "+5 authors" button after the shown names [U]
const VENUES = [
  '[data-test-id="venue-metadata"]', // 2023+ [U]
  '.cl-paper-venue', // 2019-2022 [U]
];
const DATES = [
  '[data-test-id="paper-year"]', // 2023+: "12 June 2017" or "2022" (kept as the year) [U]
  '.cl-paper-pubdates', // 2019-2022 [U]
];
const PDF_LINK = 'a[data-test-id="paper-link"], a.cl-paper-view-paper'; // "[PDF] arXiv", "View via Publisher" [U]
const ARTICLE_TYPE = /^(?:Scholarly)?Article$/; // script.schema-data: @graph [breadcrumbs, [ScholarlyArticle]]

export interface S2Context {
  page: string;
  now: Date;
  paperId: string | null; // a paper page's own id (lowercase hex), its URL, meta and JSON-LD article
  pageUrl: string | null;
  meta: CitationMeta | null;
  article: Record<string, unknown> | null;
}

const str = (v: unknown): string | null => (typeof v === 'string' ? normalizeSpace(v) || null : null);
const first = (el: ParentNode, sels: readonly string[]) => sels.map((s) => el.querySelector(s)).find(Boolean) ?? null;

/** The paper page a link points at on semanticscholar.org (id lowercased), else null. */
function paperLink(a: Element): { id: string; url: string } | null {
  const href = httpUrl(a.getAttribute('href'), ORIGIN);
  const url = href ? new URL(href) : null;
  const id = url?.hostname === 'www.semanticscholar.org' ? PAPER_PATH.exec(url.pathname)?.[1] : undefined;
  return id ? { id: id.toLowerCase(), url: ORIGIN + url!.pathname } : null;
}

/**
 * Unknown markup: the highest ancestor below a list whose paper links all name this paper. `only` caches, per
 * ancestor, the one paper id its links name (null: several), so a page is scanned once per ancestor, not once
 * per link (a card with many links to its paper would otherwise be quadratic).
 */
function climb(link: Element, id: string, only: Map<Element, string | null>): Element {
  let card = link;
  for (let up = link.parentElement; up && !up.matches(ROW_STOP); up = up.parentElement) {
    let named = only.get(up);
    if (named === undefined) {
      const ids = new Set<string>();
      for (const a of up.querySelectorAll(PAPER_LINKS)) {
        const other = paperLink(a)?.id;
        if (other) ids.add(other);
        if (ids.size > 1) break;
      }
      named = ids.size > 1 ? null : ([...ids][0] ?? id);
      only.set(up, named);
    }
    if (named !== id) break;
    card = up;
  }
  return card;
}

/** The title link of a row: its titled link, else its first paper link with text. */
function rowLink(card: Element): { id: string; url: string; el: Element } | null {
  const links = [first(card, ROW_TITLES)?.closest('a'), ...card.querySelectorAll(PAPER_LINKS)];
  for (const el of links) {
    const link = el && textOf(el) ? paperLink(el) : null;
    if (link && el) return { ...link, el };
  }
  return null;
}

/** arXiv id, DOI, venue page (PMLR, NeurIPS, OpenReview, CVF, ACL Anthology) and PDF named by a card's outbound links. */
function outbound(card: Element) {
  const hrefs = [...card.querySelectorAll('a[href]')].map((a) => httpUrl(a.getAttribute('href'), ORIGIN) ?? '');
  const pdf = httpUrl(card.querySelector(PDF_LINK)?.getAttribute('href'), ORIGIN);
  return {
    arxiv: hrefs.map((h) => arxivIdFromUrl(h)?.id).find(Boolean) ?? null,
    doi: hrefs.filter((h) => /^https?:\/\/(?:dx\.)?doi\.org\//i.test(h)).map((h) => parseDoi(h)).find(Boolean) ?? null,
    venues: venueIdsFromUrls(hrefs), // the first names the paper, the others are aliases
    hrefs,
    pdf: pdf && /\.pdf(?:$|[?#])|^https:\/\/arxiv\.org\/pdf\//i.test(pdf) ? pdf : null,
  };
}

function fromRow(card: Element, ctx: S2Context): Paper | null {
  const link = rowLink(card);
  const title = textOf(first(card, ROW_TITLES) ?? link?.el);
  const { arxiv, doi, venues, pdf } = outbound(card);
  const [venue, ...otherVenues] = venues;
  const identity = link && paperIdentity({ arxiv, doi, venue, otherIds: otherVenues, site: 'semanticscholar', siteId: link.id });
  if (!link || !identity || !title) return null;
  const items = AUTHORS.map((sel) => [...card.querySelectorAll(sel)]).find((list) => list.length) ?? [];
  const authors = items.map(textOf).filter(Boolean);
  const more = MORE_AUTHORS.exec(textOf(first(card, AUTHOR_LISTS)));
  return {
    ...emptyPaper(identity.id, title, { site: 'semanticscholar', page: ctx.page }),
    doi: ownDoi(doi, identity.id),
    aliases: identity.aliases,
    authors,
    authorCount: more ? authors.length + Number(more[1]) : null,
    published: parseDateOrYear(textOf(first(card, DATES)), ctx.now),
    venue: textOf(first(card, VENUES)) || null,
    pdfUrl: pdf ?? (arxiv ? arxivPdfUrl(arxiv) : null),
    url: link.url,
  };
}

/** A title as two copies of it agree: letters and digits, case and accents folded. */
const titleKey = (title: string) => title.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

function fromPage(card: Element, ctx: S2Context): Paper | null {
  // The app shows another paper without a load, and its head (citation_* meta, JSON-LD) can still describe the one
  // before (zotero/translators#2112, #2914): it counts only while the page's h1 shows its title (the h1 may hold more,
  // a badge, say: the markup is unverified).
  const shown = titleKey(textOf(first(card, PAGE_TITLES)));
  const ours = (title: string | null) => !shown || !title || shown.includes(titleKey(title));
  const meta = ctx.meta && ours(ctx.meta.title) ? ctx.meta : null;
  const article = ctx.article && ours(str(ctx.article.name)) ? ctx.article : null;
  const links = outbound(card);
  const arxiv = meta?.arxivId ?? arxivIdFromUrl(meta?.pdfUrl ?? '')?.id ?? links.arxiv;
  const doi = meta?.doi ?? links.doi;
  const [venue, ...otherVenues] = venueIdsFromUrls([meta?.pdfUrl, ...links.hrefs]);
  const identity = paperIdentity({ arxiv, doi, venue, otherIds: otherVenues, site: 'semanticscholar', siteId: ctx.paperId });
  const title = meta?.title ?? str(article?.name) ?? textOf(first(card, PAGE_TITLES));
  if (!identity || !title) return null;
  const ldAuthors = [article?.author ?? []].flat().map((a) => str((a as { name?: unknown } | null)?.name ?? a));
  return {
    ...emptyPaper(identity.id, normalizeSpace(title), { site: 'semanticscholar', page: ctx.page }),
    doi: ownDoi(doi, identity.id),
    aliases: identity.aliases,
    authors: meta?.authors.length ? meta.authors : ldAuthors.filter((a): a is string => !!a),
    abstract: meta?.abstract ?? str(article?.description),
    published: meta?.published ?? parseDateOrYear(str(article?.datePublished) ?? textOf(first(card, DATES)), null),
    venue: meta?.venue ?? str(article?.publication) ?? (textOf(first(card, VENUES)) || null),
    pdfUrl: meta?.pdfUrl ?? links.pdf ?? (arxiv ? arxivPdfUrl(arxiv) : null),
    url: ctx.pageUrl,
    categories: meta?.keywords ?? [],
  };
}

function pageKind(url: URL): string | null {
  if (url.protocol !== 'https:' || url.hostname !== 'www.semanticscholar.org') return null;
  if (url.pathname.replace(/\/$/, '') === '/search') return url.searchParams.get('q')?.trim() ? 'search' : null;
  if (PAPER_PATH.test(url.pathname)) return 'paper';
  return /^\/author\/[^/]+\/\d+\/?$/.test(url.pathname) ? 'author' : null;
}

export const semanticScholar: SiteAdapter<S2Context> = {
  id: 'semanticscholar',
  name: SITE_NAMES.semanticscholar,
  matches: ['https://www.semanticscholar.org/*'],

  pageKind,

  context(doc, url, now) {
    const page = pageKind(url) ?? 'unknown';
    const paperId = page === 'paper' ? (PAPER_PATH.exec(url.pathname)?.[1]?.toLowerCase() ?? null) : null;
    return {
      page,
      now,
      paperId,
      pageUrl: paperId ? ORIGIN + url.pathname.replace(/\/$/, '') : null,
      meta: paperId ? readCitationMeta(doc) : null,
      article: paperId ? (readJsonLd(doc).find((o) => ARTICLE_TYPE.test(String(o['@type']))) ?? null) : null,
    };
  },

  findCards(root, ctx) {
    if (ctx.page === 'unknown') return [];
    const inRoot = (el: Element) => root === el || root.contains(el);
    const title = ctx.page === 'paper' ? first(root.ownerDocument ?? (root as Document), PAGE_TITLES) : null;
    const cards = new Set<Element>(title?.parentElement && inRoot(title.parentElement) ? [title.parentElement] : []);
    const self = root.nodeType === 1 && (root as Element).matches(PAPER_LINKS) ? [root as Element] : [];
    const only = new Map<Element, string | null>();
    for (const a of [...self, ...root.querySelectorAll(PAPER_LINKS)]) {
      const id = paperLink(a)?.id;
      if (!id || id === ctx.paperId) continue; // not a paper page, or the page's own paper (figures, tabs)
      const card = a.closest(ROWS.join(', ')) ?? climb(a, id, only);
      if (inRoot(card)) cards.add(card);
    }
    return [...cards];
  },

  extract(card, ctx) {
    return ctx.page === 'paper' && first(card, PAGE_TITLES)?.parentElement === card ? fromPage(card, ctx) : fromRow(card, ctx);
  },

  mountPoint(card) {
    // Just below the title, outside the title link (`a > h2` in rows).
    const title = first(card, [...PAGE_TITLES, ...ROW_TITLES]) ?? rowLink(card)?.el ?? null;
    const after = title?.closest('a') ?? title;
    return after?.parentElement ? { parent: after.parentElement, before: after.nextSibling } : { parent: card, before: null };
  },
};

// Live URLs the fixtures stand for (test/fixtures/semanticscholar/, all constructed from the documented markup):
// - https://www.semanticscholar.org/search?q=attention                                 search, 2023+ rows (search.html)
// - https://www.semanticscholar.org/search?q=adam                                      search, 2019-2022 rows (search-2022.html)
// - https://www.semanticscholar.org/search?q=exploration                               rows linking venue pages (search-venues.html)
// - https://www.semanticscholar.org/search?q=generative                                rows in unknown markup (search-unknown-markup.html)
// - https://www.semanticscholar.org/paper/Attention-is-All-you-Need-Vaswani-Shazeer/204e3073870fae3d05bcbc2f6a8e263d9b72e776  (paper.html)
// - https://www.semanticscholar.org/paper/54e325aee6b2d476bbbb88615ac15e251c6e8214   paper page without meta (paper-jsonld-only.html)
// - https://www.semanticscholar.org/author/Geoffrey-E.-Hinton/1695689                 author page (author.html)
// - https://www.semanticscholar.org/search?q=xqzvwkjh%20flurbo                         no results (search-empty.html); broken rows (malformed.html)
