// NeurIPS proceedings (issue #3): year pages (/paper_files/paper/<year>, a static ul.paper-list) and paper pages
// (/paper_files/paper/<year>/hash/<hash>-Abstract[-<track>].html, citation_* meta). Both hosts serve the same site.
// Markup: DOM-NOTES.md §9, from third-party scrapers and Zotero's translator [C]; no saved page was available, so the
// fixtures are constructed. `published` is usually a year: citation_publication_date is the year alone, and the year
// in the address (/paper_files/paper/2023/…) is the proceedings' where a page states none (year pages).
import { githubReposFromText } from '../core/github';
import { paperIdentity } from '../core/aliases';
import { emptyPaper, normalizeSpace, ownDoi, type Paper } from '../core/paper';
import { venuePaperFromUrl } from '../core/venues';
import { cardsUnder, httpUrl, linkedIds, parseDateOrYear, readCitationMeta, textOf, type CitationMeta } from './common';
import type { SiteAdapter } from './types';
import { SITE_NAMES } from './names';

const HOSTS = ['proceedings.neurips.cc', 'papers.nips.cc'];
const YEAR_PATH = /^\/paper_files\/paper\/(\d{4})$/;
// <hash>-Abstract.html (to 2021), -Abstract-Conference.html, -Abstract-Datasets_and_Benchmarks[_Track].html
const PAPER_PATH = /^\/paper_files\/paper\/(\d{4})\/hash\/([0-9a-f]{32})-Abstract((?:-\w+)?)\.html$/;
// ---- Year page ------------------------------------------------------------------------------------------------------
const LIST_CARD = 'ul.paper-list > li'; // li.conference, li.datasets_and_benchmarks
const LIST_LINK = 'a[href*="/hash/"]'; // a[title="paper title"]: the title, links to the abstract page
const LIST_AUTHORS = [
  'span.paper-authors', // 2025 layout: li > div.paper-content > a + span.paper-authors, then span.paper-track-badge
  'i', // earlier layout: li > a + i; without either, the names are the li's text after the link
];
// ---- Paper page -----------------------------------------------------------------------------------------------------
const PAPER_TITLE = 'h4'; // the first h4 that is not a section heading
const SECTION_HEADING = /^(?:authors|abstract|bibtex|supplemental|reviews?)$/i;
const PAPER_AUTHORS = 'p > i'; // "Name, Name", when the page has no citation_author
const ABSTRACT_HEADING = /^abstract$/i; // h4 "Abstract", then an empty p (the parsed <p><p>…</p></p>) and the text
const ABSTRACTS = [
  '.paper-section > p:nth-child(3)', // 2026 layout per Zotero's translator (2026-06), for a page without that heading
];

export interface NeuripsContext {
  page: string;
  /** The page URL without query and fragment, base for relative links. */
  base: string;
  /** Paper page: citation_* meta and the abstract, read once. */
  meta: CitationMeta | null;
  abstract: string | null;
}

function pageKind(url: URL): string | null {
  if (!HOSTS.includes(url.hostname)) return null;
  const path = url.pathname.replace(/\/+$/, '');
  if (YEAR_PATH.test(path)) return 'list';
  return PAPER_PATH.test(path) ? 'paper' : null;
}

/** Year, hash and track suffix of an abstract-page URL. */
function paperPath(href: string | null | undefined, base: string) {
  const url = httpUrl(href, base);
  const m = url ? PAPER_PATH.exec(new URL(url).pathname) : null;
  return url && m ? { url: url.split(/[?#]/)[0]!, year: m[1]!, hash: m[2]!, track: m[3]! } : null;
}

/** The PDF beside an abstract page: /file/<hash>-Paper<track>.pdf (the mapping Zotero's translator inverts). */
const pdfOf = (p: { url: string; hash: string; track: string }) =>
  p.url.replace(/\/hash\/[^/]+$/, `/file/${p.hash}-Paper${p.track}.pdf`);

const splitNames = (text: string) => text.split(',').map((n) => normalizeSpace(n)).filter(Boolean);

function abstractOf(doc: Document): string | null {
  const heading = [...doc.querySelectorAll('h4')].find((h) => ABSTRACT_HEADING.test(textOf(h)));
  for (let el = heading?.nextElementSibling; el?.tagName === 'P'; el = el.nextElementSibling) {
    if (textOf(el)) return textOf(el);
  }
  return ABSTRACTS.map((sel) => textOf(doc.querySelector(sel))).find(Boolean) ?? null;
}

function titleOf(card: Element): Element | null {
  return [...card.querySelectorAll(PAPER_TITLE)].find((h) => !SECTION_HEADING.test(textOf(h)) && textOf(h)) ?? null;
}

type Where = { url: string; year: string; hash: string };
type Ids = { arxiv?: string | null; doi?: string | null };

/**
 * The paper skeleton both kinds share; arXiv, then DOI, then `neurips:<year>/<hash>` (venues.ts: the id a dblp or
 * Scholar entry linking this page or its PDF gives). Dated by the proceedings' year its address names.
 */
function paper(p: Where, title: string, page: string, ids: Ids): Paper | null {
  const found = venuePaperFromUrl(p.url);
  const identity = paperIdentity({ ...ids, site: 'neurips', siteId: found?.site === 'neurips' ? found.siteId : null });
  if (!identity || !title) return null;
  const { id, aliases } = identity;
  return {
    ...emptyPaper(id, title, { site: 'neurips', page }),
    doi: ownDoi(ids.doi, id),
    aliases,
    published: parseDateOrYear(p.year, null),
    url: p.url,
    venue: `NeurIPS ${p.year}`,
  };
}

function extractListed(card: Element, ctx: NeuripsContext): Paper | null {
  const link = card.querySelector(LIST_LINK);
  const p = paperPath(link?.getAttribute('href'), ctx.base);
  // An arXiv link in a card (rare) names the paper.
  const found = p && link ? paper(p, textOf(link), 'list', { arxiv: linkedIds(card, ctx.base).arxiv }) : null;
  if (!found || !p) return null;
  const names = LIST_AUTHORS.map((sel) => card.querySelector(sel)).find(Boolean);
  // Without either: the text nodes after the link.
  const loose = [...card.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join(' ');
  return { ...found, authors: splitNames(names ? textOf(names) : loose), pdfUrl: pdfOf(p) };
}

function extractPaper(card: Element, ctx: NeuripsContext): Paper | null {
  const { meta, abstract } = ctx;
  const p = paperPath(ctx.base, ctx.base);
  const title = meta?.title ?? textOf(titleOf(card));
  const found = p ? paper(p, title, 'paper', { arxiv: meta?.arxivId, doi: meta?.doi }) : null;
  if (!found || !p) return null;
  return {
    ...found,
    authors: meta?.authors.length ? meta.authors : splitNames(textOf(card.ownerDocument.querySelector(PAPER_AUTHORS))),
    abstract,
    published: meta?.published ?? found.published, // what the page states, before its address's year
    githubRepos: githubReposFromText(abstract ?? ''),
    pdfUrl: meta?.pdfUrl ?? pdfOf(p),
  };
}

export const neurips: SiteAdapter<NeuripsContext> = {
  id: 'neurips',
  name: SITE_NAMES.neurips,
  matches: ['https://proceedings.neurips.cc/paper_files/paper/*', 'https://papers.nips.cc/paper_files/paper/*'],

  pageKind,

  context(doc, url) {
    const page = pageKind(url) ?? 'unknown';
    const base = url.href.split(/[?#]/)[0]!;
    const paperPage = page === 'paper';
    return { page, base, meta: paperPage ? readCitationMeta(doc) : null, abstract: paperPage ? abstractOf(doc) : null };
  },

  findCards(root, ctx) {
    if (ctx.page === 'paper') {
      // The card is the title's container (title, "Part of", links, authors in the 2023 layout).
      const card = titleOf((root.ownerDocument ?? (root as Document)).body ?? (root as Element))?.parentElement;
      return card && (root === card || root.contains(card)) ? [card] : [];
    }
    const cards = cardsUnder(root, LIST_CARD);
    return cards.filter((li) => paperPath(li.querySelector(LIST_LINK)?.getAttribute('href'), ctx.base));
  },

  extract(card, ctx) {
    return ctx.page === 'paper' ? extractPaper(card, ctx) : extractListed(card, ctx);
  },

  mountPoint(card) {
    // After the title: the year page's title link (never inside it), or the paper page's h4.
    const title = card.matches(LIST_CARD) ? card.querySelector(LIST_LINK) : titleOf(card);
    if (!title?.parentElement) return { parent: card, before: null };
    return { parent: title.parentElement, before: title.nextSibling };
  },
};

// Live pages the fixtures stand for (test/fixtures/neurips/, all constructed):
// - https://proceedings.neurips.cc/paper_files/paper/2023                                   year page (year-2023.html)
// - https://proceedings.neurips.cc/paper_files/paper/2025                                   year page, 2025 layout (year-2025.html)
// - https://proceedings.neurips.cc/paper_files/paper/2023/hash/<hash>-Abstract-Conference.html   paper page,
//   2023 layout (paper-2023-layout.html)
// - https://papers.nips.cc/paper_files/paper/2025/hash/<hash>-Abstract-Datasets_and_Benchmarks_Track.html   paper page,
//   assumed 2026 layout (paper-2026-layout.html)
// - https://proceedings.neurips.cc/paper_files/paper/2026   a year not yet published (empty.html)
// - https://papers.nips.cc/paper_files/paper/2021           damaged year page (malformed.html)
