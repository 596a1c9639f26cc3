// CVF Open Access (issue #3): conference listings (/CVPR2024?day=…, /ICCV2023, /WACV2024; workshop listings) and
// paper pages (/content/CVPR2024/html/<Name>_paper.html; /content_ICCV_2019/html/… before 2020). Static HTML.
// Markup: DOM-NOTES.md §10 [C] (listing from a scraper's test excerpt; paper page ids unverified); no saved page was
// available, so the fixtures are constructed. A listing card is a dt.ptitle plus the dd elements up to the next dt.
// `published` is a year at most: the page's citation_publication_date, else the year the paper's address names
// (/content/CVPR2023/…, /content_ICCV_2019/…); supplementary material is ignored.
import { githubReposFromText } from '../core/github';
import { paperIdentity } from '../core/aliases';
import { emptyPaper, normalizeSpace, ownDoi, type Paper } from '../core/paper';
import { venuePaperFromUrl } from '../core/venues';
import { cardsUnder, httpUrl, idsFromHrefs, parseDateOrYear, readCitationMeta, textOf, type CitationMeta } from './common';
import type { SiteAdapter } from './types';
import { SITE_NAMES } from './names';

const HOST = 'openaccess.thecvf.com';
const LISTING_PATHS = [
  /^\/[A-Za-z]+\d{4}(?:\.py)?$/, // /CVPR2024 (?day=2024-06-19 | all); /CVPR2019.py before 2020
  /^\/[A-Za-z]+\d{4}_workshops\/(?!menu$)[^/]+$/, // /CVPR2024_workshops/<workshop>, same markup assumed [U]
];
// /content/CVPR2024/html/…, /content/CVPR2024W/<ws>/html/…; before 2020 /content_ICCV_2019/html/…,
// /content_CVPRW_2019/html/<ws>/…, and 2017-2018 workshops /content_cvpr_2018_workshops/<ws>/html/…
const PAPER_PATH = /^\/content[/_]([A-Za-z]+?)(W?)_?(\d{4})(W|_workshops)?\/(?:[^/]+\/)?html\/(?:[^/]+\/)?([^/]+)_paper\.html$/i;
// ---- Listing --------------------------------------------------------------------------------------------------------
const LIST_CARD = 'dt.ptitle'; // its dd siblings (authors, links) follow until the next dt
const LIST_TITLE = 'a[href*="/html/"]'; // dt.ptitle > a: the paper page
const AUTHOR_INPUTS = 'input[name="query_author"]'; // one hidden input per author, in order
const AUTHOR_LINKS = 'form.authsearch a'; // the visible names, when the inputs are missing
// ---- Paper page -----------------------------------------------------------------------------------------------------
const PAPER_TITLE = '#papertitle';
const PAPER_AUTHORS = '#authors'; // "<b><i>A, B</i></b>; Proceedings of … (CVPR), 2024, pp. …"
const PAPER_ABSTRACT = '#abstract';
// ---- Both -----------------------------------------------------------------------------------------------------------
const PDF_LINK = 'a[href$="_paper.pdf"]'; // [pdf]; supplementary files end in _supplemental.*
const ARXIV_LINK = 'a[href*="arxiv.org/"]'; // [arXiv]

export interface CvfContext {
  page: string;
  /** The page URL without query and fragment, base for relative links. */
  base: string;
  /** Paper page: citation_* meta (some years have none). */
  meta: CitationMeta | null;
}

function pageKind(url: URL): string | null {
  if (url.hostname !== HOST) return null;
  if (LISTING_PATHS.some((re) => re.test(url.pathname))) return 'list';
  return PAPER_PATH.test(url.pathname) ? 'paper' : null;
}

/**
 * The paper page a link or URL names: its absolute URL, id (basename, by venues.ts: the id a dblp or Scholar entry
 * linking this page or its PDF gives), venue ("CVPR 2024", "… Workshops") and the proceedings' year.
 */
function paperAt(href: string | null | undefined, base: string) {
  const url = httpUrl(href, base)?.split(/[?#]/)[0];
  const m = url ? PAPER_PATH.exec(new URL(url).pathname) : null;
  const found = url && m ? venuePaperFromUrl(url) : null;
  if (!url || !m || found?.site !== 'cvf') return null;
  const workshop = m[2] || m[4] ? ' Workshops' : '';
  return { url, id: found.siteId, venue: `${m[1]!.toUpperCase()} ${m[3]!}${workshop}`, year: parseDateOrYear(m[3]!, null) };
}

/** The dd elements after a listing's dt, up to the next dt. */
function detailsOf(dt: Element): Element[] {
  const dds: Element[] = [];
  for (let el = dt.nextElementSibling; el?.tagName === 'DD'; el = el.nextElementSibling) dds.push(el);
  return dds;
}

const all = (els: Element[], sel: string) => els.flatMap((el) => [...el.querySelectorAll(sel)]);
const href = (a: Element | undefined) => a?.getAttribute('href') ?? '';
const arxivIn = (els: Element[], base: string) => idsFromHrefs(all(els, ARXIV_LINK).map(href), base).arxiv;

type Where = { url: string; id: string; venue: string; year: string | null };

/** The paper skeleton both kinds share: arXiv, then DOI, then `cvf:<basename>` (an alias when it is not the id). */
function build(where: Where, title: string, page: string, ids: { arxiv: string | null; doi?: string | null }) {
  const identity = paperIdentity({ ...ids, site: 'cvf', siteId: where.id });
  if (!identity || !title) return null;
  const { id, aliases } = identity;
  return {
    ...emptyPaper(id, title, { site: 'cvf', page }),
    doi: ownDoi(ids.doi, id),
    aliases,
    published: where.year,
    url: where.url,
    venue: where.venue,
  };
}

function extractListed(dt: Element, ctx: CvfContext): Paper | null {
  const link = dt.querySelector(LIST_TITLE);
  const where = paperAt(link?.getAttribute('href'), ctx.base);
  const dds = detailsOf(dt);
  const found = where ? build(where, textOf(link), 'list', { arxiv: arxivIn(dds, ctx.base) }) : null;
  if (!found) return null;
  const inputs = all(dds, AUTHOR_INPUTS).map((input) => normalizeSpace(input.getAttribute('value')));
  const authors = inputs.length ? inputs : all(dds, AUTHOR_LINKS).map(textOf);
  return { ...found, authors: authors.filter(Boolean), pdfUrl: httpUrl(href(all(dds, PDF_LINK)[0]), ctx.base) };
}

function extractPaper(card: Element, ctx: CvfContext): Paper | null {
  const { meta } = ctx;
  const where = paperAt(ctx.base, ctx.base);
  const title = meta?.title ?? textOf(card.querySelector(PAPER_TITLE));
  const ids = { arxiv: meta?.arxivId ?? arxivIn([card], ctx.base), doi: meta?.doi };
  const found = where ? build(where, title, 'paper', ids) : null;
  if (!found) return null;
  // "A, B; Proceedings of …": the names come before the first ";".
  const names = textOf(card.querySelector(PAPER_AUTHORS)).split(';')[0]!.split(',').map((n) => normalizeSpace(n));
  const abstract = textOf(card.querySelector(PAPER_ABSTRACT)) || meta?.abstract || null;
  return {
    ...found,
    authors: meta?.authors.length ? meta.authors : names.filter(Boolean),
    abstract,
    published: meta?.published ?? found.published, // what the page states, before its address's year
    githubRepos: githubReposFromText(abstract ?? ''),
    pdfUrl: meta?.pdfUrl ?? httpUrl(href(card.querySelector(PDF_LINK) ?? undefined), ctx.base),
  };
}

export const cvf: SiteAdapter<CvfContext> = {
  id: 'cvf',
  name: SITE_NAMES.cvf,
  matches: ['https://openaccess.thecvf.com/*'],

  pageKind,

  context(doc, url) {
    const page = pageKind(url) ?? 'unknown';
    return { page, base: url.href.split(/[?#]/)[0]!, meta: page === 'paper' ? readCitationMeta(doc) : null };
  },

  findCards(root, ctx) {
    if (ctx.page === 'paper') {
      // The card is the dd holding title, authors, abstract and the links.
      const card = (root.ownerDocument ?? (root as Document)).querySelector(PAPER_TITLE)?.parentElement;
      return card && (root === card || root.contains(card)) ? [card] : [];
    }
    const cards = cardsUnder(root, LIST_CARD);
    return cards.filter((dt) => paperAt(href(dt.querySelector(LIST_TITLE) ?? undefined), ctx.base));
  },

  extract(card, ctx) {
    return ctx.page === 'paper' ? extractPaper(card, ctx) : extractListed(card, ctx);
  },

  mountPoint(card) {
    // After the title: the listing's title link (never inside it) or the paper page's #papertitle.
    const title = card.matches(LIST_CARD) ? card.querySelector(LIST_TITLE) : card.querySelector(PAPER_TITLE);
    if (!title?.parentElement) return { parent: card, before: null };
    return { parent: title.parentElement, before: title.nextSibling };
  },
};

// Live pages the fixtures stand for (test/fixtures/cvf/, all constructed):
// - https://openaccess.thecvf.com/CVPR2024?day=2024-06-19   one day's listing (list-cvpr2024-day.html)
// - https://openaccess.thecvf.com/content/CVPR2024/html/
//   Okafor_Open-Vocabulary_Segmentation_at_Scale_CVPR_2024_paper.html   with citation_* meta (paper-cvpr2024.html)
// - https://openaccess.thecvf.com/content_ICCV_2019/html/
//   Lind_Self-Supervised_Depth_From_Rolling_Shutter_ICCV_2019_paper.html   no meta (paper-iccv2019-no-meta.html)
// - https://openaccess.thecvf.com/CVPR2024                  conference landing page, no papers (empty.html)
// - https://openaccess.thecvf.com/WACV2024                  damaged listing (malformed.html)
