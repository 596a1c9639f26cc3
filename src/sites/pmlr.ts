// PMLR, Proceedings of Machine Learning Research (issue #3): volume pages (one div.paper per paper) and paper pages.
// Static Jekyll (mlresearch theme). Markup: DOM-NOTES.md §8 and mlresearch/mlresearch.github.io _includes (listpaper,
// paper_abstract, paper_google_scholar). A volume page's rows have no date: its heading's ("23-29 July 2023") is the
// conference's, and PMLR dates a paper by its volume's publication (citation_publication_date, the year in BibTeX and
// in a paper page's info line), which can come later.
import { githubReposFromText } from '../core/github';
import { arxivPdfUrl } from '../core/ids';
import { paperIdentity } from '../core/aliases';
import { emptyPaper, normalizeSpace, ownDoi, type Paper } from '../core/paper';
import { venuePaperFromUrl } from '../core/venues';
import { cardsUnder, httpUrl, idsFromHrefs, parseDateOrYear, readCitationMeta, textOf, type CitationMeta } from './common';
import type { SiteAdapter } from './types';
import { SITE_NAMES } from './names';

const ORIGIN = 'https://proceedings.mlr.press/';
const VOLUME_CARD = 'div.paper'; // volume page: p.title, p.details, p.links
const VOLUME_TITLE = 'p.title';
const VOLUME_AUTHORS = 'p.details > span.authors'; // "First&nbsp;Last,&nbsp;First&nbsp;Last"
const VOLUME_INFO = 'p.details > span.info'; // "Proceedings of the 40th ICML, PMLR 202:1-25" (older: "PMLR 202:1-25")
const VOLUME_LINKS = 'p.links a[href]'; // [abs] [Download PDF] [Supplementary PDF] [OpenReview] ...
const PAPER_CARDS = [
  'article.post-content', // 2017+ theme: h1, #authors, #info, #abstract, #extras
  'div#content', // fallback: the page body when the article wrapper is missing [U]
];
const PAPER_TITLE = 'h1';
const PAPER_AUTHORS = ['#authors', 'span.authors']; // fallback when citation_author is missing; comma-separated
const PAPER_ABSTRACT = '#abstract';
const PAPER_INFO = '#info'; // "Proceedings of …, PMLR 202:1-25, 2023.": the volume's year of issue at the end
const INFO_YEAR = /,\s*(\d{4})\.?$/;
const PAPER_LINKS = '#extras a[href]'; // "Download PDF", supplementary, code, OpenReview ...
const PAPER_PDF = '#extras a[href$=".pdf"]'; // "Download PDF"
const PDF_TEXT = /download pdf|^pdf$/i; // the paper's own PDF link, not "Supplementary PDF"

/** Paper pages: /v202/smith23a.html (also reissued volumes /r12/...). Their key (`v202/smith23a`) is read by venues.ts. */
const PAPER_PATH = /^\/(?:v|r)\d+\/[A-Za-z0-9_-]+\.html$/;

export interface PmlrContext {
  page: string;
  /** Paper pages: the key from the URL and the citation_* meta. */
  urlKey: string | null;
  meta: CitationMeta | null;
}

function pageKind(url: URL): string | null {
  if (url.hostname !== 'proceedings.mlr.press') return null;
  if (/^\/(?:v|r)\d+\/?$/.test(url.pathname)) return 'volume';
  return PAPER_PATH.test(url.pathname) ? 'paper' : null;
}

/** "A,&nbsp;B, C;" → ["A", "B", "C"] (normalizeSpace turns no-break spaces into spaces). */
function splitAuthors(text: string): string[] {
  return normalizeSpace(text).replace(/;$/, '').split(/\s*,\s*/).filter(Boolean);
}

/** The key of a PMLR paper's page, PDF or supplement (the rule dblp and Scholar entries that link it use too). */
function keyOf(href: string | null | undefined): string | null {
  const url = httpUrl(href, ORIGIN);
  const found = url && new URL(url).hostname === 'proceedings.mlr.press' ? venuePaperFromUrl(url) : null;
  return found?.site === 'pmlr' ? found.siteId : null;
}

/** The paper, identified by an arXiv or DOI link among `links` (never the abstract's), else by its PMLR key. */
function build(ctx: PmlrContext, key: string | null, title: string, links: Element[], fields: Partial<Paper>): Paper | null {
  const { arxiv, doi } = idsFromHrefs(links.map((a) => a.getAttribute('href')), ORIGIN);
  const paperDoi = ctx.meta?.doi ?? doi;
  const identity = key && title ? paperIdentity({ arxiv: ctx.meta?.arxivId ?? arxiv, doi: paperDoi, site: 'pmlr', siteId: key }) : null;
  if (!identity || !key) return null;
  return {
    ...emptyPaper(identity.id, title, { site: 'pmlr', page: ctx.page }),
    doi: ownDoi(paperDoi, identity.id),
    aliases: identity.aliases,
    url: `${ORIGIN}${key}.html`,
    ...fields,
    pdfUrl: fields.pdfUrl ?? (arxiv ? arxivPdfUrl(arxiv) : null),
    githubRepos: githubReposFromText(fields.abstract ?? ''),
  };
}

function fromVolume(card: Element, ctx: PmlrContext): Paper | null {
  const links = Array.from(card.querySelectorAll(VOLUME_LINKS));
  const key = links.map((a) => keyOf(a.getAttribute('href'))).find(Boolean) ?? null;
  const pdf = links.find((a) => PDF_TEXT.test(textOf(a))) ?? links.find((a) => /\.pdf$/i.test(a.getAttribute('href') ?? '') && !/supp/i.test(textOf(a)));
  // The info line ends in ", PMLR <volume>:<pages>"; what precedes it is the proceedings title.
  const venue = textOf(card.querySelector(VOLUME_INFO)).replace(/,?\s*PMLR\s+\d+:.*$/, '');
  return build(ctx, key, textOf(card.querySelector(VOLUME_TITLE)), links, {
    authors: splitAuthors(textOf(card.querySelector(VOLUME_AUTHORS))),
    pdfUrl: httpUrl(pdf?.getAttribute('href'), ORIGIN),
    venue: venue || null,
  });
}

function fromPaper(card: Element, ctx: PmlrContext): Paper | null {
  const meta = ctx.meta;
  const authors = PAPER_AUTHORS.map((sel) => textOf(card.querySelector(sel))).find(Boolean) ?? '';
  const links = Array.from(card.querySelectorAll(PAPER_LINKS));
  return build(ctx, ctx.urlKey, textOf(card.querySelector(PAPER_TITLE)) || (meta?.title ?? ''), links, {
    authors: meta?.authors.length ? meta.authors : splitAuthors(authors),
    abstract: textOf(card.querySelector(PAPER_ABSTRACT)) || meta?.abstract || null,
    published: meta?.published ?? parseDateOrYear(INFO_YEAR.exec(textOf(card.querySelector(PAPER_INFO)))?.[1] ?? '', null),
    pdfUrl: meta?.pdfUrl ?? httpUrl(card.querySelector(PAPER_PDF)?.getAttribute('href'), ORIGIN),
    venue: meta?.venue ?? null,
  });
}

export const pmlr: SiteAdapter<PmlrContext> = {
  id: 'pmlr',
  name: SITE_NAMES.pmlr,
  matches: ['https://proceedings.mlr.press/*'],

  pageKind,

  context(doc, url) {
    const page = pageKind(url) ?? 'unknown';
    const paper = page === 'paper';
    return { page, urlKey: paper ? keyOf(url.href) : null, meta: paper ? readCitationMeta(doc) : null };
  },

  findCards(root, ctx) {
    if (ctx.page !== 'paper') return cardsUnder(root, VOLUME_CARD).filter((card) => card.querySelector(VOLUME_TITLE));
    const card = PAPER_CARDS.flatMap((sel) => cardsUnder(root, sel)).find((el) => el.querySelector(PAPER_TITLE));
    return card ? [card] : [];
  },

  extract(card, ctx) {
    return card.matches(VOLUME_CARD) ? fromVolume(card, ctx) : fromPaper(card, ctx);
  },

  mountPoint(card) {
    // Right after p.title (volume) or the h1 (paper page); neither is a link.
    const title = card.querySelector(card.matches(VOLUME_CARD) ? VOLUME_TITLE : PAPER_TITLE);
    if (!title?.parentElement) return { parent: card, before: null };
    return { parent: title.parentElement, before: title.nextSibling };
  },
};

// Live pages the fixtures stand for (test/fixtures/pmlr/, constructed from the documented markup):
// - https://proceedings.mlr.press/v202/               volume page (volume-v202.html)
// - https://proceedings.mlr.press/v202/exemplo23a.html paper page (paper-v202-exemplo23a.html)
// - https://proceedings.mlr.press/v999/               volume without papers (empty.html)
