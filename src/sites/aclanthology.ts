// ACL Anthology (issue #3): author, volume and event pages (paper rows) and single paper pages. Static Hugo + Bootstrap.
// Markup: DOM-NOTES.md §7, the saved author page, and acl-org/acl-anthology hugo/layouts (papers/list-entry*, volumes/,
// events/, papers/single.html).
import { githubReposFromText } from '../core/github';
import { ACL_ANTHOLOGY_ID, aclAnthologyUrl, arxivPdfUrl, isAclFrontMatter } from '../core/ids';
import { paperIdentity } from '../core/aliases';
import { emptyPaper, ownDoi, type Paper } from '../core/paper';
import { venuePaperFromUrl } from '../core/venues';
import { cardsUnder, httpUrl, linkedIds, parseDateOrYear, parseLooseDate, readCitationMeta, textOf, type CitationMeta } from './common';
import type { SiteAdapter } from './types';
import { SITE_NAMES } from './names';

const ORIGIN = 'https://aclanthology.org/';
const ROWS = [
  'div.d-sm-flex.align-items-stretch', // Bootstrap 5 template (saved author page, 2026): author/volume/event rows
  'p.d-sm-flex.align-items-stretch', // older Bootstrap 4 template (hugo/layouts/papers/list-entry.html history)
].join(',');
const ROW_TITLE = 'strong > a[href]'; // span.d-block > strong > a.align-middle[href="/<anthology-id>/"], may hold span.acl-fixed-case
const ROW_AUTHORS = 'a[href*="/people/"]'; // authors (editors on front matter rows), " | " between
const ROW_VENUE = 'a[href*="/volumes/"]:not([href$=".bib"])'; // author pages only: a.text-muted[href="/volumes/<id>/"]
const ROW_PDF = '.list-button-row a[href$=".pdf"]'; // badge "pdf"
const ROW_ABS_LINK = 'a[href^="#abstract-"]'; // badge "abs"; its target is the collapsed abstract card
const ABSTRACT = '.abstract-collapse'; // div.card.collapse.abstract-collapse#abstract-<id with "." as "--">, next sibling
const ABSTRACT_BODY = '.card-body';
const EVENT_VOLUME = ':scope > h4 > a[href*="/volumes/"]'; // event pages: div#<volume> > h4 > a (volume title) above its rows
const YEAR_HEADING = 'H4'; // author pages: h4 "2022" above that year's rows (hugo/layouts/people/single.html)
const PAGE_TITLE = 'h2#title'; // volume and paper pages; paper page: h2 > a[href=pdf] > title
const PAPER_CARD = 'section#main'; // paper page: title, authors (p.lead), abstract, details (dl)
const PAPER_AUTHORS = 'p.lead a[href*="/people/"]'; // fallback when citation_author is missing
const PAPER_ABSTRACT = '.acl-abstract'; // div.card-body.acl-abstract > h5.card-title "Abstract" + the text
const DETAILS = 'dl dt'; // dt "Month:" / "Year:" / "Volume:" / "DOI:" + dd
const PAPER_LINKS = 'dl, .acl-paper-link-block'; // where a paper page links its DOI (or an arXiv version); not the abstract

// 2023.acl-long.1, 2022.in2writing-1.1 (new style); P19-1001, W19-4201 (old style). One pattern with ids.ts, which
// maps ACL DOIs (10.18653/v1/<id>) to the same `aclanthology:<id>` a row gives; the id is read by venues.ts, as for a
// dblp or Scholar entry that links the paper.
const PAPER_PATH = new RegExp(String.raw`^/(${ACL_ANTHOLOGY_ID})/?$`);
const VOLUME_PATH = /^\/volumes\/(?:\d{4}\.[a-z0-9]+(?:-[a-z0-9]+)*|[A-Z]\d{2}-\d{1,2})\/?$/; // 2023.acl-long, W19-42, P19-1

export interface AclContext {
  page: string;
  /** The anthology id in a paper page's URL. */
  urlId: string | null;
  /** Paper pages: citation_* meta. */
  meta: CitationMeta | null;
  /** Volume pages: the volume title (venue of every row) and its date from Month/Year: YYYY-MM, or YYYY without a month. */
  volumeTitle: string | null;
  volumeDate: string | null;
}

function pageKind(url: URL): string | null {
  if (url.hostname !== 'aclanthology.org') return null;
  const path = url.pathname;
  if (/^\/people\/(?:[a-z]\/)?[^/]+(?:\/unverified)?\/?$/.test(path)) return 'author'; // also the older /people/<letter>/<id>/
  if (VOLUME_PATH.test(path)) return 'volume';
  if (/^\/events\/[^/]+\/?$/.test(path)) return 'event';
  return PAPER_PATH.test(path) ? 'paper' : null;
}

/** The anthology id of a paper page's address on aclanthology.org (`/<id>/`). */
function anthologyId(href: string | null | undefined): string | null {
  const url = href ? httpUrl(href, ORIGIN) : null;
  if (!url || new URL(url).hostname !== 'aclanthology.org' || !PAPER_PATH.test(new URL(url).pathname)) return null;
  const found = venuePaperFromUrl(url);
  return found?.site === 'aclanthology' ? found.siteId : null;
}

function rowId(row: Element): string | null {
  return anthologyId(row.querySelector(ROW_TITLE)?.getAttribute('href'));
}

/** The value cell after `dt` "<label>:" in a details list. */
function detail(root: ParentNode, label: string): Element | null {
  const dt = Array.from(root.querySelectorAll(DETAILS)).find((d) => textOf(d).replace(/:$/, '') === label);
  return dt?.nextElementSibling?.tagName === 'DD' ? dt.nextElementSibling : null;
}

/**
 * The date the "Month:" and "Year:" details give: YYYY-MM, else the year alone (no month, or one that does not read as
 * a month of that year), never a day: the details name none.
 */
function detailsDate(root: ParentNode): string | null {
  const month = textOf(detail(root, 'Month'));
  const year = parseDateOrYear(textOf(detail(root, 'Year')), null);
  if (!year || year.length !== 4) return null;
  const monthYear = month ? parseLooseDate(`${month} ${year}`, null) : null;
  return monthYear?.length === 7 ? monthYear : year;
}

/** Author pages: the year of the heading a row sits under. */
function headingYear(row: Element): string | null {
  for (let el = row.previousElementSibling; el; el = el.previousElementSibling) {
    if (el.tagName !== YEAR_HEADING) continue;
    const year = parseDateOrYear(textOf(el), null);
    return year?.length === 4 ? year : null;
  }
  return null;
}

function abstractOf(row: Element): string | null {
  const target = row.querySelector(ROW_ABS_LINK)?.getAttribute('href')?.slice(1);
  const byId = target ? row.ownerDocument.getElementById(target) : null;
  const next = row.nextElementSibling?.matches(ABSTRACT) ? row.nextElementSibling : null;
  return textOf((byId ?? next)?.querySelector(ABSTRACT_BODY)) || null;
}

/** Event pages: the volume heading of the block a row sits in. */
function eventVolume(row: Element): string | null {
  for (let el = row.parentElement; el; el = el.parentElement) {
    const link = el.querySelector(EVENT_VOLUME);
    if (link) return textOf(link) || null;
  }
  return null;
}

function fromRow(row: Element, ctx: AclContext): Paper | null {
  const id = rowId(row);
  const title = textOf(row.querySelector(ROW_TITLE));
  if (!id || !title || isAclFrontMatter(id)) return null;
  const { arxiv, doi } = linkedIds(row, ORIGIN);
  const identity = paperIdentity({ arxiv, doi, site: 'aclanthology', siteId: id });
  if (!identity) return null;
  const abstract = abstractOf(row);
  return {
    ...emptyPaper(identity.id, title, { site: 'aclanthology', page: ctx.page }),
    doi: ownDoi(doi, identity.id),
    aliases: identity.aliases,
    authors: Array.from(row.querySelectorAll(ROW_AUTHORS), textOf).filter(Boolean),
    abstract,
    githubRepos: githubReposFromText(abstract ?? ''),
    published: ctx.volumeDate ?? (ctx.page === 'author' ? headingYear(row) : null),
    pdfUrl: httpUrl(row.querySelector(ROW_PDF)?.getAttribute('href'), ORIGIN) ?? (arxiv ? arxivPdfUrl(arxiv) : null),
    url: aclAnthologyUrl(id),
    venue: textOf(row.querySelector(ROW_VENUE)) || ctx.volumeTitle || eventVolume(row),
  };
}

function fromPaperPage(card: Element, ctx: AclContext): Paper | null {
  const meta = ctx.meta;
  const id = ctx.urlId ?? (textOf(detail(card, 'Anthology ID')) || null);
  const title = textOf(card.querySelector(PAGE_TITLE)) || meta?.title;
  if (!id || !title) return null;
  const found = Array.from(card.querySelectorAll(PAPER_LINKS), (el) => linkedIds(el, ORIGIN));
  const arxiv = meta?.arxivId ?? found.find((f) => f.arxiv)?.arxiv;
  const doi = meta?.doi ?? found.find((f) => f.doi)?.doi; // the "DOI:" detail links doi.org
  const identity = paperIdentity({ arxiv, doi, site: 'aclanthology', siteId: id });
  if (!identity) return null;
  const text = textOf(card.querySelector(PAPER_ABSTRACT));
  const heading = textOf(card.querySelector(`${PAPER_ABSTRACT} > h5`)); // "Abstract", not part of the text
  const abstract = (heading && text.startsWith(heading) ? text.slice(heading.length).trim() : text) || null;
  return {
    ...emptyPaper(identity.id, title, { site: 'aclanthology', page: ctx.page }),
    doi: ownDoi(doi, identity.id),
    aliases: identity.aliases,
    authors: meta?.authors.length ? meta.authors : Array.from(card.querySelectorAll(PAPER_AUTHORS), textOf).filter(Boolean),
    abstract,
    githubRepos: githubReposFromText(abstract ?? ''),
    published: meta?.published ?? detailsDate(card),
    pdfUrl:
      meta?.pdfUrl ??
      httpUrl(card.querySelector(`${PAGE_TITLE} a[href$=".pdf"]`)?.getAttribute('href'), ORIGIN) ??
      (arxiv ? arxivPdfUrl(arxiv) : null),
    url: aclAnthologyUrl(id),
    venue: meta?.venue ?? (textOf(detail(card, 'Volume')) || null),
  };
}

export const aclanthology: SiteAdapter<AclContext> = {
  id: 'aclanthology',
  name: SITE_NAMES.aclanthology,
  matches: ['https://aclanthology.org/*'],

  pageKind,

  context(doc, url) {
    const page = pageKind(url) ?? 'unknown';
    const volume = page === 'volume';
    return {
      page,
      urlId: page === 'paper' ? anthologyId(url.href) : null,
      meta: page === 'paper' ? readCitationMeta(doc) : null,
      volumeTitle: volume ? textOf(doc.querySelector(PAGE_TITLE)) || null : null,
      volumeDate: volume ? detailsDate(doc) : null,
    };
  },

  findCards(root, ctx) {
    if (ctx.page === 'paper') return cardsUnder(root, PAPER_CARD).filter((card) => card.querySelector(PAGE_TITLE));
    // Front matter rows are the volume itself (title = volume title, "authors" = editors): not a paper, skipped.
    return cardsUnder(root, ROWS).filter((row) => {
      const id = rowId(row);
      return id !== null && !isAclFrontMatter(id);
    });
  },

  extract(card, ctx) {
    return card.matches(PAPER_CARD) ? fromPaperPage(card, ctx) : fromRow(card, ctx);
  },

  mountPoint(card) {
    // Rows: after the <strong> around the title link; paper page: after the h2 (its title is a PDF link).
    const title = card.matches(PAPER_CARD) ? card.querySelector(PAGE_TITLE) : card.querySelector(ROW_TITLE)?.parentElement;
    if (!title?.parentElement) return { parent: card, before: null };
    return { parent: title.parentElement, before: title.nextSibling };
  },
};

// Live pages the fixtures stand for (test/fixtures/aclanthology/):
// - https://aclanthology.org/people/andreas-madsack/unverified/   author page, 6 rows (author-andreas-madsack.html, saved page reduced)
// - https://aclanthology.org/volumes/2023.acl-long/               volume page (volume-2023.acl-long.html, constructed)
// - https://aclanthology.org/events/acl-2023/                     event page (event-acl-2023.html, constructed)
// - https://aclanthology.org/2023.acl-long.1/                     paper page (paper-2023.acl-long.1.html, constructed)
// - https://aclanthology.org/people/nobody-at-all/                author page with no papers (empty.html, constructed)
