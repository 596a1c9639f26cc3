// arXiv (issue #3): listing pages (/list/<cat>/new, /recent, month and year archives, the catch-up on a past day,
// an author's papers), search results and abstract pages. All server-rendered; the only client-side rewriting is MathJax on `.mathjax` elements (titles, abstracts,
// comments), so text is read through `readText`, which restores the TeX MathJax replaced.
// Markup: arXiv/arxiv-browse templates list/list_macros.html, list/new.html, list/recent.html, catchup.html,
// list/author.html, abs/abs.html and formatting/metatags.py; arXiv/arxiv-search templates search/search-macros.html (see DOM-NOTES.md §2).
import { githubReposFromText, mergeRepos, normalizeGithubRepo } from '../core/github';
import { arxivAbsUrl, arxivIdFromLink, arxivIdFromUrl, arxivPdfUrl, canonicalId, journalDoi, parseArxivId } from '../core/ids';
import { emptyPaper, isoDate, normalizeSpace, type Paper } from '../core/paper';
import type { SiteAdapter } from './types';
import { SITE_NAMES } from './names';

const ORIGIN = 'https://arxiv.org/'; // listing hrefs are relative (`/abs/<id>`)

// ---- Listing pages: a card is a `dt`; its paper is the `dt` plus the `dd` after it. -------------------------------
const LIST_CARD = 'dt';
const LIST_ID_LINKS = [
  'a[title="Abstract"]', // 2024+ template (dt > a) and before 2024 (dt > span.list-identifier > a)
  'a[href*="/abs/"]', // any template: the abstract link by its URL shape
];
const LIST_META = 'div.meta'; // dd > div.meta holds every field
const LIST_TITLE = '.list-title'; // div.list-title.mathjax > span.descriptor "Title:" + TeX title
const LIST_AUTHORS = '.list-authors'; // author links with ", " text between (before 2024 also a "Authors:" descriptor)
const LIST_COMMENTS = '.list-comments'; // optional; links as a.link-external ("this https URL")
const LIST_JOURNAL_REF = '.list-journal-ref'; // optional
const LIST_SUBJECTS = '.list-subjects'; // span.primary-subject "Machine Learning (cs.LG)"; "; Artificial Intelligence (cs.AI)"
const LIST_ABSTRACT = 'p.mathjax'; // /new only: the abstract, last in div.meta
const SECTION_HEADING = 'h3'; // 2024+: first child of each dl; before 2024: just before each dl
const NEW_HEADING = /Showing new listings for\s+(.+)/i; // 2024+ /new: h3 "Showing new listings for Friday, 11 September 2026"
const NEW_DATELINE = '.list-dateline'; // before 2024 /new: "Submissions received from ... announced Fri 8 Sep" (no year)
const CATCHUP_HEADING = /^Catchup results for .+ on\s+(.+)$/i; // catchup.html h1: "... for Machine Learning on Thu, 10 Sep 2026"

// ---- Search results (/search/...) -----------------------------------------------------------------------------------
const SEARCH_CARD = 'li.arxiv-result';
const SEARCH_ID_LINKS = [
  'p.list-title a[href*="/abs/"]', // search-macros.html: "arXiv:<id>[vN]" (an absolute URL in 2025 pages)
  'a[href*="/abs/"]', // any other link to the abstract page
];
const SEARCH_TITLE = 'p.title'; // may contain span.search-hit highlights
const SEARCH_AUTHORS = 'p.authors'; // at most 25 links, then ", et al. (N additional authors not shown)"
const BARE_ET_AL = /\bet al\.?$/i; // the list's end without the count (DOM-NOTES §2: "max 25, then 'et al.'")
const SEARCH_ABSTRACT_FULL = 'span.abstract-full'; // hidden; ends in an "△ Less" toggle link
const SEARCH_ABSTRACT_SHORT = 'span.abstract-short'; // preview; ends in "▽ More" when truncated
const SEARCH_TOGGLE = /^[△▽]?\s*(?:Less|More)$/; // text of the toggle links, not part of the abstract
const SEARCH_DATES = 'p.is-size-7:not(.comments)'; // "Submitted 2 December, 2025; [v1 submitted ...;] originally announced ..."
const SEARCH_EXTRAS = 'p.comments'; // "Comments:", "Journal ref:", "Report number:" rows, label in the first span
const SEARCH_TAGS = 'div.tags:not(.has-addons) > span.tag'; // categories, primary first (the DOI box is div.tags.has-addons)
const SEARCH_DOIS = 'div.tags.has-addons a[href]'; // one box per DOI the authors gave (the journal's): https://doi.org/<doi>

// ---- Abstract page (/abs/<id>) --------------------------------------------------------------------------------------
const ABS_CARDS = [
  '#abs', // abs.html, every known version: #abs holds dateline, title, authors, abstract, metatable
];
const ABS_TITLE = 'h1.title'; // any template; its parent is the card when #abs is missing
const ABS_AUTHORS = 'div.authors'; // span.descriptor "Authors:" + one link per author, display form
// A long list (abs/author_links.html): the rest of the authors in a hidden div#long-author-list, then this toggle link,
// "et al. (N additional authors not shown)", which is no author.
const ABS_AUTHORS_TOGGLE = 'a[href^="javascript:"]';
const ABS_ABSTRACT = 'blockquote.abstract'; // span.descriptor "Abstract:" + text
const ABS_DATELINE = '.dateline'; // "[Submitted on 9 Sep 2026 (v1), last revised 12 Sep 2026 (this version, v2)]"
const ABS_COMMENTS = 'td.comments';
const ABS_SUBJECTS = 'td.subjects';
const ABS_META_ROWS = '.metatable tr'; // td.label + value; journal ref found by label (td.jref is also Report number)
const ABS_LINKS = [
  '.arxivid a[href*="/abs/"]', // "Cite as: arXiv:<id>"
  'link[rel="canonical"]', // head
];
const ABS_VERSION_URLS: [selector: string, attribute: string][] = [
  ['meta[property="og:url"]', 'content'], // head (metatags.py): …/abs/<id>vN, the version shown
  ['td.arxividv a[href*="/abs/"]', 'href'], // "(or arXiv:<id>vN for this version)"
];
const ABS_DOI = 'citation_doi'; // head, optional: the journal's DOI (arXiv's own 10.48550 DOI is only in the body)

const DESCRIPTOR = '.descriptor'; // "Title:", "Authors:", "Comments:", ... labels, never part of a value
const EXTERNAL_LINK = 'a.link-external'; // urlized links in comments/abstracts; never an author
const URL_PLACEHOLDER = /^this https? URL$/i; // the text of those links; the URL itself is only in the href

// ---- MathJax output, skipped or read back as TeX --------------------------------------------------------------------
const MATHJAX3 = 'mjx-container'; // MathJax 3: replaces the TeX; keeps a MathML copy in mjx-assistive-mml
const MATHJAX2_TEX = 'script[type^="math/tex"]'; // MathJax 2 keeps the TeX in a script after the rendered frame
const MATHJAX2_OUTPUT = [
  '.MathJax_Preview', // MathJax 2 preview shown while typesetting
  '.MathJax', // MathJax 2 HTML-CSS frame
  '.MathJax_Display', // MathJax 2 display-math wrapper
  '.MathJax_CHTML', // MathJax 2 CommonHTML frame
  '.MJXc-display', // MathJax 2 CommonHTML display wrapper
  '.MathJax_SVG', // MathJax 2 SVG frame
  '.MathJax_SVG_Display', // MathJax 2 SVG display wrapper
  '.MathJax_MathML', // MathJax 2 native MathML frame
  '.MJX_Assistive_MathML', // MathJax 2 assistive copy
].join(',');
const TEX_ANNOTATION = 'annotation[encoding="application/x-tex"]'; // present when a page keeps the TeX in the MathML

export interface ArxivContext {
  /** Page kind from the URL (`new`, `recent`, `list`, `catchup`, `author`, `search`, `abs`), `unknown` otherwise. */
  page: string;
  now: Date;
  /** /new and /catchup: the announcement date (YYYY-MM-DD) of the listing heading. */
  listingDate: string | null;
  /** /recent: each section's heading and its day (YYYY-MM-DD), in page order. */
  days: ReadonlyArray<{ heading: string; date: string }>;
  /** /abs: the id in the URL, the last resort when the page names none. */
  urlId: string | null;
  /** /abs: the version in the URL (`/abs/<id>v3`), the last resort when the page names none. */
  urlVersion: number | null;
}

// ---- URL ------------------------------------------------------------------------------------------------------------

const HOSTS = /^(?:www\.|export\.)?arxiv\.org$/;
const CATEGORY = String.raw`[A-Za-z-]+(?:\.[A-Za-z-]+)?`; // cs, cs.LG, astro-ph.HE, math-ph, physics.atom-ph

/** /catchup/<subject>/<YYYY-MM-DD> (catchup_page.py: a category, an archive or grp_physics); the form itself is not. */
const CATCHUP_PATH = new RegExp(String.raw`^/catchup/(?:grp_physics|${CATEGORY})/(\d{4}-\d{2}-\d{2})$`);
/** /a/<author id or ORCID>[.html]; its .atom, .atom2 and .json feeds are no pages. */
const AUTHOR_PATH = /^\/a\/[^/.]+(?:\.html)?$/;

function pageKind(url: URL): string | null {
  if (!HOSTS.test(url.hostname.toLowerCase())) return null;
  const path = url.pathname.replace(/\/+$/, '');
  const list = new RegExp(String.raw`^/list/${CATEGORY}/([^/]+)$`).exec(path);
  if (list) {
    const sub = list[1]!;
    if (sub === 'new') return 'new';
    if (sub === 'recent' || sub === 'pastweek' || sub === 'current') return 'recent';
    return /^(?:\d{4}-\d{2}|\d{4})$/.test(sub) ? 'list' : null; // YYYY-MM, YYMM, YYYY
  }
  if (CATCHUP_PATH.test(path)) return 'catchup';
  if (AUTHOR_PATH.test(path)) return 'author';
  if (path === '/search' || path.startsWith('/search/')) return 'search'; // /search/?query=, /search/cs, /search/advanced
  const abs = /^\/abs\/(.+)$/.exec(path);
  return abs && parseArxivId(abs[1]!) ? 'abs' : null;
}

// ---- Context --------------------------------------------------------------------------------------------------------

function context(doc: Document, url: URL, now: Date): ArxivContext {
  const page = pageKind(url) ?? 'unknown';
  const ctx: ArxivContext = { page, now, listingDate: null, days: [], urlId: null, urlVersion: null };
  if (page === 'new') ctx.listingDate = newListingDate(doc, now);
  if (page === 'catchup') ctx.listingDate = catchupDate(doc, url, now);
  if (page === 'recent') {
    const days: { heading: string; date: string }[] = [];
    for (const dl of doc.querySelectorAll('dl')) {
      const heading = sectionHeading(dl);
      const date = heading ? parseDayMonthYear(heading, now) : null;
      if (heading && date) days.push({ heading, date });
    }
    ctx.days = days;
  }
  if (page === 'abs') {
    const fromUrl = arxivIdFromUrl(url.href);
    ctx.urlId = fromUrl?.id ?? null;
    ctx.urlVersion = fromUrl?.version ?? null;
  }
  return ctx;
}

/** The /new announcement date: the 2024+ heading, else the older dateline or section heading. */
function newListingDate(doc: Document, now: Date): string | null {
  for (const h of doc.querySelectorAll(SECTION_HEADING)) {
    const m = NEW_HEADING.exec(normalizeSpace(h.textContent));
    if (m) return parseDayMonthYear(m[1]!, now);
  }
  const dateline = normalizeSpace(doc.querySelector(NEW_DATELINE)?.textContent);
  const announced = /announced\s+(.+)$/i.exec(dateline);
  if (announced) return parseDayMonthYear(announced[1]!, now);
  for (const h of doc.querySelectorAll(SECTION_HEADING)) {
    const m = /^New submissions for\s+(.+)$/i.exec(normalizeSpace(h.textContent)); // before 2024: "... for Fri, 8 Sep 23"
    if (m) return parseDayMonthYear(m[1]!, now);
  }
  return null;
}

/** The day a catch-up page lists: its h1 (as /new's heading), else the day its URL asked for (the same day). */
function catchupDate(doc: Document, url: URL, now: Date): string | null {
  for (const h of doc.querySelectorAll('h1')) {
    const m = CATCHUP_HEADING.exec(normalizeSpace(h.textContent));
    const date = m && parseDayMonthYear(m[1]!, now);
    if (date) return date;
  }
  const asked = /^(\d{4})-(\d{2})-(\d{2})$/.exec(CATCHUP_PATH.exec(url.pathname.replace(/\/+$/, ''))?.[1] ?? '');
  if (!asked) return null;
  const [year, month, day] = asked.slice(1).map(Number) as [number, number, number];
  const valid = month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
  return valid ? isoDate(year, month, day) : null;
}

/** A section's heading: the dl's own h3 (2024+) or the h3 just before the dl (before 2024). */
/** Section headings by list: every card of a listing asks for its list's, so each is read once. */
const headings = new WeakMap<Element, string>();

function sectionHeading(dl: Element): string {
  let heading = headings.get(dl);
  if (heading === undefined) headings.set(dl, (heading = readSectionHeading(dl)));
  return heading;
}

function readSectionHeading(dl: Element): string {
  for (const child of dl.children) {
    if (child.matches(SECTION_HEADING)) return normalizeSpace(child.textContent);
    if (child.localName === 'dt') break;
  }
  for (let prev = dl.previousElementSibling; prev && prev.localName !== 'dl'; prev = prev.previousElementSibling) {
    if (prev.matches(SECTION_HEADING)) return normalizeSpace(prev.textContent);
  }
  return '';
}

const MONTHS = 'january february march april may june july august september october november december'.split(' ');

/**
 * The first "D Month[,] [YYYY|YY]" date in a text as YYYY-MM-DD: "Friday, 11 September 2026", "Wed, 2 Sep 2026",
 * "2 December, 2025", "8 Sep 23". Without a year, the year that puts the date nearest to `now`.
 */
export function parseDayMonthYear(text: string, now?: Date): string | null {
  for (const m of text.matchAll(/\b(\d{1,2})\s+([A-Za-z]{3,9})\b\.?,?(?:\s+(\d{4}|\d{2})\b)?/g)) {
    const day = Number(m[1]);
    const word = m[2]!.toLowerCase(); // "Sep", "Sept", "September"; not "Marathon"
    const month = MONTHS.findIndex((name) => name.startsWith(word)) + 1;
    if (month === 0) continue;
    let years: number[];
    if (m[3]) years = [m[3].length === 4 ? Number(m[3]) : Number(m[3]) + (Number(m[3]) >= 91 ? 1900 : 2000)];
    else if (now) years = [now.getUTCFullYear() - 1, now.getUTCFullYear(), now.getUTCFullYear() + 1];
    else return null;
    const valid = years.filter((y) => day >= 1 && day <= new Date(Date.UTC(y, month, 0)).getUTCDate());
    const distance = (y: number) => Math.abs(Date.UTC(y, month - 1, day) - (now?.getTime() ?? 0));
    const year = valid.sort((a, b) => distance(a) - distance(b))[0];
    if (year === undefined) continue;
    return isoDate(year, month, day);
  }
  return null;
}

// ---- Cards ----------------------------------------------------------------------------------------------------------

/** Elements matching `selector` in `root`, `root` itself first when it matches. */
function within(root: ParentNode, selector: string): Element[] {
  const self = (root as Node).nodeType === 1 && (root as Element).matches(selector) ? [root as Element] : [];
  return [...self, ...root.querySelectorAll(selector)];
}

function isListingCard(el: Element): boolean {
  return el.localName === LIST_CARD && LIST_ID_LINKS.some((sel) => el.querySelector(sel));
}

function listingCards(root: ParentNode, limit = Infinity): Element[] {
  const cards: Element[] = [];
  for (const dt of within(root, LIST_CARD)) {
    if (cards.length >= limit) break;
    if (isListingCard(dt)) cards.push(dt);
  }
  return cards;
}

function absCards(root: ParentNode): Element[] {
  for (const sel of ABS_CARDS) {
    const found = within(root, sel);
    if (found.length) return found;
  }
  const byTitle = within(root, ABS_TITLE).flatMap((h1) => (h1.parentElement ? [h1.parentElement] : []));
  if (byTitle.length) return [...new Set(byTitle)];
  // A page with the citation_* head only (no body content): the body stands for the paper.
  if ((root as Node).nodeType === 9 && (root as Document).querySelector('meta[name="citation_arxiv_id"]')) {
    const doc = root as Document;
    return [doc.body ?? doc.documentElement];
  }
  return [];
}

/**
 * Listing pages: every entry `dt` across all sections, in document order. Should the same paper appear twice on a
 * page, each appearance is its own card with its own overlay; they share saved state through the paper id.
 */
function findCards(root: ParentNode, ctx: ArxivContext, limit?: number): Element[] {
  switch (ctx.page) {
    case 'new':
    case 'recent':
    case 'list':
    case 'catchup':
    case 'author':
      return listingCards(root, limit); // a listing of thousands: stop at the limit (see SiteAdapter.findCards)
    case 'search':
      return within(root, SEARCH_CARD);
    case 'abs':
      return absCards(root);
    default: {
      const search = within(root, SEARCH_CARD);
      if (search.length) return search;
      const listing = listingCards(root);
      return listing.length ? listing : absCards(root);
    }
  }
}

/** The dd holding a listing dt's fields: the next dd before any other dt. */
function ddOf(dt: Element): Element | null {
  for (let el = dt.nextElementSibling; el; el = el.nextElementSibling) {
    if (el.localName === 'dd') return el;
    if (el.localName === 'dt') return null;
  }
  return null;
}

// ---- Text -----------------------------------------------------------------------------------------------------------

interface ReadText {
  text: string;
  /** True when rendered math had to be read from MathML because MathJax left no TeX behind. */
  lossy: boolean;
}

/**
 * Whitespace-normalised text of an element without its `.descriptor` label, with TeX as written even after MathJax
 * ran: MathJax 2 frames are skipped for the TeX script beside them; MathJax 3 containers give their TeX annotation,
 * else a TeX-like reading of their MathML (lossy). `<br>` (arXiv's abstract line breaks) counts as a space, and a
 * "this https URL" link reads as its href, so an abstract reads as submitted.
 */
function readText(el: Element | null | undefined, skip?: (el: Element) => boolean): ReadText | null {
  if (!el) return null;
  const out = { parts: [] as string[], lossy: false };
  walk(el, out, skip);
  return { text: normalizeSpace(out.parts.join('')), lossy: out.lossy };
}

function walk(node: Node, out: { parts: string[]; lossy: boolean }, skip?: (el: Element) => boolean): void {
  for (const child of node.childNodes) {
    if (child.nodeType === 3) {
      out.parts.push((child as Text).data);
      continue;
    }
    if (child.nodeType !== 1) continue;
    const el = child as Element;
    const tag = el.localName;
    // The labels and MathJax frames are all matched by class: an element without one (an author link, <i>, <sub>)
    // needs no selector matching, which is most of a card's elements.
    const classed = el.hasAttribute('class');
    if (skip?.(el) || (classed && el.matches(DESCRIPTOR)) || tag === 'style' || tag === 'template') continue;
    if (tag === 'br') out.parts.push(' ');
    else if (tag === 'a' && URL_PLACEHOLDER.test(normalizeSpace(el.textContent)) && el.getAttribute('href')) {
      out.parts.push(el.getAttribute('href')!); // arXiv shows "this https URL" for a URL the authors wrote
    } else if (tag === 'script') {
      if (el.matches(MATHJAX2_TEX)) {
        const delim = /mode\s*=\s*display/.test(el.getAttribute('type') ?? '') ? '$$' : '$';
        out.parts.push(delim + (el.textContent ?? '') + delim);
      }
    } else if (tag === MATHJAX3) out.parts.push(renderedMath(el, out));
    else if (classed && el.matches(MATHJAX2_OUTPUT)) {
      // The frame of a MathJax 2 formula: its TeX is in a sibling script; only without one read the output.
      if (!el.parentElement?.querySelector(`:scope > ${MATHJAX2_TEX}`)) out.parts.push(renderedMath(el, out));
    } else walk(el, out, skip);
  }
}

/** TeX of a rendered formula: its TeX annotation, else its MathML read as TeX-like text, else its text. */
function renderedMath(el: Element, out: { lossy: boolean }): string {
  const display = el.getAttribute('display') === 'true' || el.matches('.MathJax_Display, .MJXc-display');
  const delim = display ? '$$' : '$';
  const annotation = el.querySelector(TEX_ANNOTATION);
  if (annotation) return delim + normalizeSpace(annotation.textContent) + delim;
  out.lossy = true;
  const math = el.querySelector('math');
  if (math) return delim + normalizeSpace(mathmlToTex(math)) + delim;
  return normalizeSpace(el.textContent);
}

/** A TeX-like reading of MathML (scripts, fractions, roots); token elements give their text. */
function mathmlToTex(el: Element): string {
  const kids = [...el.children].map(mathmlToTex);
  const group = (s: string | undefined) => (s === undefined ? '' : [...s].length === 1 ? s : `{${s}}`);
  switch (el.localName) {
    case 'mi':
    case 'mn':
    case 'mo':
    case 'mtext':
    case 'ms': {
      const text = normalizeSpace(el.textContent);
      return el.localName === 'mi' && text.length > 1 ? ` ${text} ` : text; // "log", "sin": keep words apart
    }
    case 'msup':
      return `${kids[0] ?? ''}^${group(kids[1])}`;
    case 'msub':
      return `${kids[0] ?? ''}_${group(kids[1])}`;
    case 'msubsup':
      return `${kids[0] ?? ''}_${group(kids[1])}^${group(kids[2])}`;
    case 'mfrac':
      return `\\frac{${kids[0] ?? ''}}{${kids[1] ?? ''}}`;
    case 'msqrt':
      return `\\sqrt{${kids.join('')}}`;
    case 'mroot':
      return `\\sqrt[${kids[1] ?? ''}]{${kids[0] ?? ''}}`;
    case 'munder':
      return `${kids[0] ?? ''}_${group(kids[1])}`;
    case 'mover':
      return `${kids[0] ?? ''}^${group(kids[1])}`;
    case 'munderover':
      return `${kids[0] ?? ''}_${group(kids[1])}^${group(kids[2])}`;
    case 'semantics':
      return kids[0] ?? '';
    case 'annotation':
    case 'annotation-xml':
      return '';
    default:
      return kids.join('');
  }
}

function text(el: Element | null | undefined): string {
  return readText(el)?.text ?? '';
}

// ---- Fields shared by all pages -------------------------------------------------------------------------------------

/** arXiv subject codes of a subjects line, primary first: "Machine Learning (cs.LG); Artificial Intelligence (cs.AI)". */
const SUBJECT_CODE = new RegExp(String.raw`\((${CATEGORY})\)\s*$`); // "Machine Learning (cs.LG)" → cs.LG

function subjectCodes(el: Element | null): string[] {
  if (!el) return [];
  const code = (s: string) => SUBJECT_CODE.exec(s.trim())?.[1] ?? null;
  const primary = code(text(el.querySelector('.primary-subject')));
  const codes = text(el).split(';').map(code);
  return [...new Set([primary, ...codes].filter((c): c is string => !!c))];
}

/** Repositories linked (hrefs, not the "this https URL" link text) or written in the given elements/strings. */
function repos(...sources: Array<Element | string | null | undefined>): string[] {
  const linked: string[] = [];
  const written: string[] = [];
  for (const source of sources) {
    if (!source) continue;
    if (typeof source === 'string') {
      written.push(...githubReposFromText(source));
      continue;
    }
    for (const a of source.querySelectorAll('a[href]')) {
      const repo = normalizeGithubRepo(a.getAttribute('href') ?? '');
      if (repo) linked.push(repo);
    }
    written.push(...githubReposFromText(source.textContent ?? ''));
  }
  return mergeRepos(linked, written);
}

/**
 * The common shape of an abstract link, `/abs/2607.01234v2` or `https://arxiv.org/abs/...` (a trailing slash, a query
 * or fragment at most): nothing a URL parser would change, so the id is read without one (a listing of 1,000
 * cards is 1,000 of them). Anything else (old-style ids, other hosts) goes through arxivIdFromUrl.
 */
const PLAIN_ABS_HREF = /^(?:https:\/\/arxiv\.org)?\/abs\/(\d{4}\.\d{4,5}(?:v\d+)?)\/?(?:[?#]\S*)?$/;

export function absHrefId(href: string): string | null {
  return arxivIdFromLink(href, PLAIN_ABS_HREF, ORIGIN);
}

function idFromLinks(card: Element, selectors: readonly string[]): string | null {
  for (const sel of selectors) {
    for (const a of card.querySelectorAll(sel)) {
      const id = absHrefId(a.getAttribute('href') ?? '');
      if (id) return id;
    }
  }
  return null;
}

function basePaper(id: string, title: string, ctx: ArxivContext): Paper | null {
  const canonical = canonicalId({ arxiv: id, site: 'arxiv' });
  if (!canonical || !title) return null;
  return {
    ...emptyPaper(canonical, title, { site: 'arxiv', page: ctx.page }),
    pdfUrl: arxivPdfUrl(id),
    url: arxivAbsUrl(id),
  };
}

// ---- Listing entry --------------------------------------------------------------------------------------------------

/** The arXiv id of a card, as each extract function reads it (no field but the id is read). */
function cardArxivId(card: Element, ctx: ArxivContext): string | null {
  if (card.localName === LIST_CARD) return ddOf(card) ? idFromLinks(card, LIST_ID_LINKS) : null;
  if (card.matches(SEARCH_CARD)) return idFromLinks(card, SEARCH_ID_LINKS);
  return absId(card, ctx);
}

/** A listing card's id, where its fields are (its dd's div.meta), its title and its abstract element. */
function listingParts(dt: Element): { id: string; meta: Element; title: string; abstract: Element | null } | null {
  const dd = ddOf(dt);
  const id = idFromLinks(dt, LIST_ID_LINKS);
  if (!dd || !id) return null;
  const meta = dd.querySelector(LIST_META) ?? dd;
  const abstract = meta.querySelector(`:scope > ${LIST_ABSTRACT}`) ?? meta.querySelector(LIST_ABSTRACT);
  return { id, meta, title: text(meta.querySelector(LIST_TITLE)), abstract };
}

function extractListing(dt: Element, ctx: ArxivContext): Paper | null {
  const parts = listingParts(dt);
  const paper = parts && basePaper(parts.id, parts.title, ctx);
  if (!paper) return null;
  const { meta, abstract } = parts;
  const authorLinks = [...meta.querySelectorAll(`${LIST_AUTHORS} a`)].filter((a) => !a.matches(EXTERNAL_LINK));
  const comments = meta.querySelector(LIST_COMMENTS);
  return {
    ...paper,
    authors: authorLinks.map((a) => normalizeSpace(a.textContent)).filter(Boolean),
    abstract: text(abstract) || null,
    published: listingPublished(dt, ctx),
    githubRepos: repos(comments, abstract), // page order: comments come before the abstract
    venue: text(meta.querySelector(LIST_JOURNAL_REF)) || null,
    categories: subjectCodes(meta.querySelector(LIST_SUBJECTS)),
  };
}

/**
 * Listings give no per-entry date. On /new and /catchup (and per day on /recent) new submissions and cross-lists were
 * first announced on the heading's day; replacements are older papers, so their first-version date is unknown (null).
 * Month and author listings name no day.
 */
function listingPublished(dt: Element, ctx: ArxivContext): string | null {
  if (ctx.page !== 'new' && ctx.page !== 'recent' && ctx.page !== 'catchup') return null;
  const dl = dt.closest('dl');
  const heading = dl ? sectionHeading(dl) : '';
  const marker = normalizeSpace(dt.textContent);
  if (/\(replaced\)/i.test(marker) || /^Replace/i.test(heading)) return null;
  if (ctx.page !== 'recent') return ctx.listingDate;
  return ctx.days.find((d) => d.heading === heading)?.date ?? (heading ? parseDayMonthYear(heading, ctx.now) : null);
}

// ---- Search result --------------------------------------------------------------------------------------------------

/** The version of paper `id` an arXiv URL names (`/abs/<id>v3` → 3), else null. */
function urlVersion(href: string | null | undefined, id: string): number | null {
  const parsed = href ? arxivIdFromUrl(href, ORIGIN) : null;
  return parsed?.id === id ? parsed.version : null;
}

function extractSearch(li: Element, ctx: ArxivContext): Paper | null {
  const id = idFromLinks(li, SEARCH_ID_LINKS);
  const paper = id ? basePaper(id, text(li.querySelector(SEARCH_TITLE)), ctx) : null;
  if (!paper) return null;
  const authors = li.querySelector(SEARCH_AUTHORS);
  const hidden = /et al\.?\s*\((\d+)\s+additional authors? not shown\)/i.exec(normalizeSpace(authors?.textContent));
  const names = [...(authors?.querySelectorAll('a') ?? [])].map((a) => normalizeSpace(a.textContent)).filter(Boolean);
  const isToggle = (el: Element) => el.localName === 'a' && SEARCH_TOGGLE.test(normalizeSpace(el.textContent));
  const full = li.querySelector(SEARCH_ABSTRACT_FULL);
  const short = li.querySelector(SEARCH_ABSTRACT_SHORT);
  // The preview is the abstract only when it has no "More" toggle (it was not cut).
  const abstractEl = full ?? ([...(short?.querySelectorAll('a') ?? [])].some(isToggle) ? null : short);
  const extras = new Map<string, Element>();
  for (const p of li.querySelectorAll(SEARCH_EXTRAS)) {
    const label = normalizeSpace(p.querySelector('span')?.textContent).replace(/:$/, '').toLowerCase();
    if (label && !extras.has(label)) extras.set(label, p);
  }
  const comments = extras.get('comments');
  const journal = extras.get('journal ref');
  const journalLabel = journal?.querySelector('span');
  return {
    ...paper,
    authors: names,
    // "et al. (N additional authors not shown)" gives the full count; a bare "et al." leaves it unknown (null), the
    // list marked cut.
    authorCount: hidden ? names.length + Number(hidden[1]) : null,
    ...(!hidden && names.length && BARE_ET_AL.test(normalizeSpace(authors?.textContent)) ? { authorsCut: true as const } : {}),
    abstract: readText(abstractEl, isToggle)?.text || null,
    published: searchPublished(text(li.querySelector(SEARCH_DATES))),
    githubRepos: repos(abstractEl, comments),
    venue: readText(journal, (el) => el === journalLabel)?.text || null,
    // A version the result's own link names (arXiv's search links the unversioned abstract page, DOM-NOTES §2.4, so
    // this is null there; a versioned link, as other tools' copies of the page give, is read).
    version: urlVersion(li.querySelector(SEARCH_ID_LINKS[0]!)?.getAttribute('href'), id!),
    // The first, as the arXiv API's <arxiv:doi> listing several is read (a paper and its erratum); arXiv's own is not one.
    doi: journalDoi(li.querySelector(SEARCH_DOIS)?.getAttribute('href')),
    categories: [...new Set([...li.querySelectorAll(SEARCH_TAGS)].map((t) => normalizeSpace(t.textContent)))].filter(
      (c) => new RegExp(`^${CATEGORY}$`).test(c),
    ),
  };
}

/** "Submitted 3 Dec, 2025; v1 submitted 5 November, 2025; ..." gives v1; without it the only version is v1. */
function searchPublished(dates: string): string | null {
  const v1 = /\bv1\s+submitted\s+([^;]+)/i.exec(dates);
  if (v1) return parseDayMonthYear(v1[1]!);
  const latest = /\bSubmitted\s+([^;]+)/.exec(dates);
  return latest ? parseDayMonthYear(latest[1]!) : null;
}

// ---- Abstract page --------------------------------------------------------------------------------------------------

function metaContents(doc: Document, name: string): string[] {
  return [...doc.querySelectorAll(`meta[name="${name}"]`)].map((m) => normalizeSpace(m.getAttribute('content')));
}

/** `citation_author` "Last [Suffix], First" → "First Last [Suffix]"; a name without a comma stays as it is. */
function citationName(name: string): string {
  const i = name.indexOf(',');
  if (i < 0) return name;
  return normalizeSpace(`${name.slice(i + 1)} ${name.slice(0, i)}`);
}

/** An abstract page's id: the citation_arxiv_id meta, the "Cite as" or canonical link, else the URL's. */
function absId(card: Element, ctx: ArxivContext): string | null {
  const doc = card.ownerDocument;
  return (
    parseArxivId(metaContents(doc, 'citation_arxiv_id')[0] ?? '')?.id ??
    idFromLinks(card, ABS_LINKS) ??
    idFromLinks(doc.documentElement, ABS_LINKS) ??
    ctx.urlId
  );
}

function extractAbs(card: Element, ctx: ArxivContext): Paper | null {
  const doc = card.ownerDocument;
  const meta = (name: string) => metaContents(doc, name)[0] ?? '';
  const id = absId(card, ctx);
  // Body text is what the reader sees; the head's citation_* copy is the fallback (head-only page, lossy MathJax).
  const bodyTitle = readText(card.querySelector(ABS_TITLE));
  const title = bodyTitle?.text && !bodyTitle.lossy ? bodyTitle.text : meta('citation_title') || bodyTitle?.text || '';
  const paper = id ? basePaper(id, title, ctx) : null;
  if (!paper) return null;
  const abstractEl = card.querySelector(ABS_ABSTRACT);
  const bodyAbstract = readText(abstractEl);
  const abstract = bodyAbstract?.text && !bodyAbstract.lossy ? bodyAbstract.text : meta('citation_abstract') || null;
  const authorLinks = [...card.querySelectorAll(`${ABS_AUTHORS} a`)]
    .filter((a) => !a.matches(ABS_AUTHORS_TOGGLE))
    .map((a) => normalizeSpace(a.textContent));
  const comments = card.querySelector(ABS_COMMENTS);
  let venue: string | null = null;
  for (const row of card.querySelectorAll(ABS_META_ROWS)) {
    const cells = row.querySelectorAll('td');
    if (cells.length >= 2 && /^journal/i.test(text(cells[0]))) venue = text(cells[1]) || null;
  }
  return {
    ...paper,
    // Body links are in display order and display form ("Théo Andrieux"); citation_author ("Andrieux, Théo") otherwise.
    authors: authorLinks.filter(Boolean).length
      ? authorLinks.filter(Boolean)
      : metaContents(doc, 'citation_author').filter(Boolean).map(citationName),
    abstract,
    published: absPublished(meta('citation_date'), text(card.querySelector(ABS_DATELINE))),
    githubRepos: repos(abstractEl, comments, abstractEl ? null : abstract),
    venue,
    categories: subjectCodes(card.querySelector(ABS_SUBJECTS)),
    version: absVersion(card, ctx, id!),
    doi: journalDoi(meta(ABS_DOI)),
  };
}

/** The version an abstract page shows: its og:url, the "this version" link, else the page's own URL. */
function absVersion(card: Element, ctx: ArxivContext, id: string): number | null {
  const doc = card.ownerDocument;
  for (const [selector, attribute] of ABS_VERSION_URLS) {
    const version = urlVersion((doc.querySelector(selector) ?? card.querySelector(selector))?.getAttribute(attribute), id);
    if (version) return version;
  }
  return id === ctx.urlId ? ctx.urlVersion : null;
}

/** `citation_date` is v1's date (YYYY/MM/DD; absent when a JAIR journal ref gives a year); else the dateline's first date. */
function absPublished(citationDate: string, dateline: string): string | null {
  const m = /^(\d{4})\/(\d{2})\/(\d{2})$/.exec(citationDate);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  const submitted = /Submitted on\s+(.+)/i.exec(dateline);
  return submitted ? parseDayMonthYear(submitted[1]!) : null;
}

// ---- Adapter --------------------------------------------------------------------------------------------------------

/** Right after `el`, or at the end of `fallback`; never inside a link. */
function after(el: Element | null | undefined, fallback: Element): { parent: Element; before: Node | null } {
  let point = el?.parentElement ? { parent: el.parentElement, before: el.nextSibling } : { parent: fallback, before: null };
  const link = point.parent.closest('a');
  if (link?.parentElement) point = { parent: link.parentElement, before: link.nextSibling };
  return point;
}

export const arxiv: SiteAdapter<ArxivContext> = {
  id: 'arxiv',
  name: SITE_NAMES.arxiv,
  // arxiv.org redirects www.arxiv.org, so it needs no pattern; export.arxiv.org serves the same pages.
  matches: [
    'https://arxiv.org/list/*',
    'https://arxiv.org/search*', // the header form submits to /search?query= (no slash)
    'https://arxiv.org/abs/*',
    'https://export.arxiv.org/list/*',
    'https://export.arxiv.org/abs/*',
    'https://export.arxiv.org/search*',
    'https://arxiv.org/catchup/*', // /catchup/<subject>/<day>: /new for a past day
    'https://arxiv.org/a/*', // an author's papers (and their feeds, which pageKind leaves alone)
    'https://export.arxiv.org/catchup/*',
    'https://export.arxiv.org/a/*',
  ],
  pageKind,
  context,
  findCards,
  identify(card, ctx) {
    // The id is parsed already (bare, no version): canonicalId would parse it again, once per card of a listing.
    const id = cardArxivId(card, ctx);
    return id ? `arxiv:${id}` : null;
  },
  extract(card, ctx) {
    if (card.localName === LIST_CARD) return extractListing(card, ctx);
    if (card.matches(SEARCH_CARD)) return extractSearch(card, ctx);
    return extractAbs(card, ctx);
  },
  summary(card, ctx) {
    // A listing of hundreds of cards is what relevance reads whole: there only title and abstract are read. A
    // search page (50-200 results) and an abstract page (one card) are read whole (undefined: extract is read).
    if (card.localName !== LIST_CARD) return undefined;
    const parts = listingParts(card);
    if (!parts || !parts.title || !canonicalId({ arxiv: parts.id, site: 'arxiv' })) return null;
    return { title: parts.title, abstract: text(parts.abstract) || null };
  },
  // A listing row's first line ("[1] arXiv:… [pdf, html, other]") has most of its width free: the overlay goes at its
  // end, and inserting it moves nothing below (a block under the title moved the whole list, 60-110 ms a batch).
  inlineOverlay: (card) => card.localName === LIST_CARD,
  // A listing entry's dd (title, authors, abstract) is the dt's before it.
  cardBeside(el) {
    if (el.localName !== 'dd') return null;
    for (let prev = el.previousElementSibling; prev; prev = prev.previousElementSibling) {
      if (prev.localName === LIST_CARD) return prev;
      if (prev.localName === 'dd') return null;
    }
    return null;
  },
  mountPoint(card) {
    if (card.localName === LIST_CARD) return { parent: card, before: null };
    if (card.matches(SEARCH_CARD)) return after(card.querySelector(SEARCH_TITLE), card);
    const title = card.querySelector(ABS_TITLE);
    if (!title && card === card.ownerDocument.body) return { parent: card, before: card.firstChild };
    return after(title, card);
  },
};

// Live pages the fixtures in test/fixtures/arxiv/ stand for:
// - https://arxiv.org/list/cs/2301?show=3 (month listing; list-cs-2301.html, reduced from a saved 2024 page)
// - https://arxiv.org/list/cs/9101 (empty listing; list-empty.html, reduced from a saved 2024 page)
// - https://arxiv.org/list/cs.LG/new (new listing, three sections; new-cs-lg.html, built from arXiv's templates)
// - https://arxiv.org/catchup/cs.LG/2026-09-10?abs=True (catch-up with abstracts; catchup-cs-lg.html, built from the templates)
// - https://arxiv.org/a/okafor_m_1 (author listing; author-okafor_m_1.html, built from the templates)
// - https://arxiv.org/search/?query=sparse+attention&searchtype=all (search; search.html, built from the template)
// - https://arxiv.org/abs/2609.22268 (abstract page, 2026 design; abs-2609.22268.html, reduced from a saved page)
// - https://arxiv.org/abs/1902.02534 (head only; abs-1902.02534-head-only.html, from a saved 2024 head)
// - https://arxiv.org/list/cs.LG/recent gone wrong (malformed.html) and /list/cs.LG/new after MathJax ran
//   (mathjax-rendered.html), both constructed
