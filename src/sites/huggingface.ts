// Hugging Face Papers (daily/week/month/trending listings, search, single paper pages), and the papers listed in
// collections (`/collections/<owner>/<slug>`) and on organisation/user profile pages (`/<name>`).
// Structure: DOM-NOTES.md §1 (shared reference notes). The server-rendered hydration JSON is the source of truth; the
// card DOM is the fallback for cards the JSON does not cover (it is the initial payload, stale after in-page navigation).
import { arxivIdFromLink, arxivIdFromUrl, arxivPdfUrl, canonicalId } from '../core/ids';
import { githubReposFromText, mergeRepos, normalizeGithubRepo } from '../core/github';
import { emptyPaper, normalizeSpace, type Paper } from '../core/paper';
import type { SiteAdapter } from './types';
import { SITE_NAMES } from './names';
import { cutArraySteps, parseObject, type CutArray } from '../core/json-lazy';
import { runSteps, runStepsInSlices } from '../core/steps';

const ORIGIN = 'https://huggingface.co';
/** Hydration JSON holders (`data-props`, one read per page). */
const LISTING_PROPS = '[data-target="DailyPapers"]'; // 2023-2026 daily/week/month/trending/search
const PAPER_PROPS = '[data-target="PaperContent"]'; // 2025 paper page
/** Listing keys holding items `{ paper: {...} }`, searched in this order. */
const LISTING_KEYS = ['searchResults', 'dailyPapers'] as const; // search (documented, unverified); every listing
const CARD = 'article'; // 2024-2026 listing card
const CARD_LINK = 'a[href^="/papers/"]'; // thumbnail, title, stars and comments links all carry /papers/<id>
const TITLES = [
  'h3', // 2024-2026 listing card: h3 > a
  'h1', // 2025 paper page
];
const PAPER_TITLE = `${PAPER_PROPS} h1`; // 2025 paper page: the card is the h1's container (title, dates, votes, authors)
// The upvote count: `input[type="checkbox"] ~ div.<class>`, in this order of classes (see upvoteBox).
const UPVOTE_CLASSES = [
  'leading-none', // 2026 listing card vote box
  'font-semibold', // 2025 paper page vote button
];
const GITHUB_VIEWBOX = '0 0 256 250'; // svg[viewBox=…]: its link shows the star count (listing) or "GitHub 182" (paper page)
// Collections and profiles: no saved markup was available, so no class names. A card is found from its /papers/<id>
// link: the largest ancestor (at most ITEM_DEPTH levels up) holding links to that paper only, no other item (paper,
// model, dataset, space, collection) and no section heading. Any `data-props` JSON naming papers is read first.
const ANY_PROPS = '[data-props]';
const ITEM_DEPTH = 4;
const SECTION_HEADING = 'h1, h2'; // "Papers", "Models" above a profile's sections: the card stops below them
const ITEM_HEADING = 'h3, h4, h5, h6';
/** Top-level paths that are Hugging Face's own pages, not an organisation or user (hf.co/<name>). */
export const RESERVED_NAMES = new Set([
  ...['models', 'datasets', 'spaces', 'papers', 'collections', 'docs', 'blog', 'learn', 'posts', 'tasks', 'chat'],
  ...['search', 'settings', 'notifications', 'login', 'logout', 'join', 'new', 'new-space', 'new-dataset', 'new-collection'],
  ...['organizations', 'pricing', 'enterprise', 'inference-endpoints', 'inference', 'api', 'oauth', 'sso', 'billing'],
  ...['welcome', 'terms-of-service', 'privacy', 'code-of-conduct', 'content-policy', 'brand', 'jobs', 'careers', 'changelog'],
  ...['huggingchat', 'leaderboards', 'metrics', 'storage', 'security', 'support', 'mcp', 'status', 'robots.txt', 'favicon.ico'],
]);
const NAME = /^[A-Za-z0-9][\w.-]{0,95}$/;

export interface HfContext {
  page: string;
  now: Date;
  /** The arXiv id in a paper page's URL (the paper page card has no /papers/<id> link). */
  urlId: string | null;
  /** `paper` objects from the hydration JSON, by arXiv id. */
  papers: HfPapers;
}

/** The hydration JSON's `paper` objects by arXiv id: a Map, or a long listing's (ListingPapers). */
export interface HfPapers {
  /**
   * An id's paper. `keep: false` where the paper is read once (relevance reads every card, most never built): a long
   * listing's item is then parsed for this answer only, not kept (5,000 kept papers are megabytes of heap that every
   * garbage collection walks). A Map has them all parsed and ignores it.
   */
  get(id: string, keep?: boolean): HfPaper | undefined;
  /** The arXiv ids of all its papers (nothing parsed for them). */
  keys(): Iterable<string>;
  readonly size: number;
}

type Json = Record<string, unknown>;
/** A Hugging Face `paper` object (id, title, authors[{name, hidden}], summary, publishedAt, upvotes, githubRepo?, ...). */
type HfPaper = Json;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

const readProps = (el: Element | null): Json => parseObject(el?.getAttribute('data-props') ?? '') ?? {}; // invalid: the DOM fallback takes over

/** Listing hydration JSON at least this long is cut, its items parsed as cards ask for them (ListingPapers). */
const LAZY_PROPS = 256 * 1024;
/** Every listing names its items `dailyPapers`, each `{"paper":{"id":"<id>",...},...}` (DOM-NOTES.md §1). */
const ITEMS_KEY = 'dailyPapers';
const ITEM_SEPARATOR = '},{"paper":';
/** Items looked at between two yields (~2 ms: 5,000 item ids read took ~10 ms in Node, cold). */
const ITEMS_PER_STEP = 1000;
const ITEM_HEAD = /\{"paper":\{"id":"([^"\\]*)"/y;

/** The page's papers: a long listing's cut (yielding between steps of the cut), anything else parsed at once. */
function* papersSteps(doc: Document, page: string): Generator<void, HfPapers, void> {
  if (page === 'collection' || page === 'profile') {
    const map = new Map<string, HfPaper>();
    for (const el of doc.querySelectorAll(ANY_PROPS)) findPapers(readProps(el), adder(map));
    return map;
  }
  const text = doc.querySelector(LISTING_PROPS)?.getAttribute('data-props') ?? '';
  const whole = () => listingMap(doc, parseObject(text) ?? {});
  if (text.length < LAZY_PROPS) return whole();
  const cut = yield* cutArraySteps(text, { key: ITEMS_KEY, separator: ITEM_SEPARATOR });
  return (cut && (yield* ListingPapers.of(cut, text, doc, whole))) ?? whole(); // a page shaped otherwise is parsed whole
}

const adder = <V>(map: Map<string, HfPaper | V>) => (paper: unknown) => {
  const id = isObject(paper) && typeof paper.id === 'string' ? parseId(paper.id) : null;
  if (id && isObject(paper) && !map.has(id)) map.set(id, paper);
};

/** The listing's papers: its items in LISTING_KEYS order, then a paper page's own; the first of an id counts. */
function listingMap<V = never>(doc: Document, listing: Json, cutItems?: (map: Map<string, HfPaper | V>) => void): Map<string, HfPaper | V> {
  const map = new Map<string, HfPaper | V>();
  const add = adder(map);
  for (const key of LISTING_KEYS) {
    if (key === ITEMS_KEY) cutItems?.(map); // the cut items come first: they are the array's first
    const items = listing[key];
    if (!Array.isArray(items)) continue;
    for (const item of items) add(isObject(item) && isObject(item.paper) ? item.paper : item);
  }
  add(readProps(doc.querySelector(PAPER_PROPS)).paper);
  return map;
}

/**
 * A long listing's papers, each item parsed when a card asks for it (a month of papers is megabytes; the cards on
 * screen need two of them). Answers as the whole JSON.parse would (see CutArray): an item that does not parse, or is
 * not the paper its text began with, and the JSON is parsed whole once, which answers from then on.
 */
class ListingPapers implements HfPapers {
  private whole: Map<string, HfPaper> | null = null;

  private constructor(
    private readonly cut: CutArray,
    /** Each cut item's paper id, as its text begins. */
    private readonly heads: readonly string[],
    /** An id's paper, or the index of its item in the cut, not parsed yet. */
    private readonly found: Map<string, HfPaper | number>,
    private readonly parseWhole: () => Map<string, HfPaper>,
  ) {}

  /** The cut's items by the paper id each begins with; null where one begins otherwise (the JSON is to be parsed whole). */
  static *of(cut: CutArray, text: string, doc: Document, parseWhole: () => Map<string, HfPaper>): Generator<void, ListingPapers | null, void> {
    const heads: string[] = [];
    const ids: (string | null)[] = [];
    for (const start of cut.starts) {
      ITEM_HEAD.lastIndex = start;
      const head = ITEM_HEAD.exec(text)?.[1];
      if (head === undefined) return null;
      heads.push(head);
      if (ids.push(parseId(head)) % ITEMS_PER_STEP === 0) yield;
    }
    const found = listingMap<number>(doc, cut.value, (map) =>
      ids.forEach((id, i) => {
        if (id && !map.has(id)) map.set(id, i);
      }),
    );
    return new ListingPapers(cut, heads, found, parseWhole);
  }

  get size(): number {
    return (this.whole ?? this.found).size;
  }

  keys(): Iterable<string> {
    return (this.whole ?? this.found).keys();
  }

  get(id: string, keep = true): HfPaper | undefined {
    if (this.whole) return this.whole.get(id);
    const found = this.found.get(id);
    if (typeof found !== 'number') return found;
    let item: unknown;
    try {
      item = this.cut.element(found);
    } catch {
      item = null; // a cut inside an item
    }
    if (!isObject(item) || !isObject(item.paper) || item.paper.id !== this.heads[found]) {
      this.whole = this.parseWhole();
      return this.whole.get(id);
    }
    if (keep) this.found.set(id, item.paper);
    return item.paper;
  }
}

function contextOf(page: string, url: URL, now: Date, papers: HfPapers): HfContext {
  return { page, now, urlId: page === 'paper' ? (arxivIdFromUrl(url.href)?.id ?? null) : null, papers };
}

/**
 * Paper objects anywhere in a props tree: items typed `paper` (`{type: "paper", id, title}`, a collection's items) and
 * values under a `paper` key. Bounded, so a huge or hostile tree costs little; ids are checked by `add`.
 */
function findPapers(root: unknown, add: (paper: unknown) => void): void {
  const stack: [unknown, number][] = [[root, 0]];
  for (let seen = 0; stack.length && seen < 50_000; seen++) {
    const [value, depth] = stack.pop()!;
    if (depth > 10 || typeof value !== 'object' || value === null) continue;
    if (!Array.isArray(value)) {
      const obj = value as Json;
      if (obj.type === 'paper') add(isObject(obj.paper) ? { ...obj, ...obj.paper } : obj);
      if (isObject(obj.paper)) add(obj.paper);
    }
    const children = Array.isArray(value) ? value : Object.values(value);
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i], depth + 1]);
  }
}

function pageKind(url: URL): string | null {
  if (url.hostname !== 'huggingface.co') return null;
  const path = url.pathname.replace(/\/+$/, '');
  if (/^\/collections\/[^/]+\/[^/]+$/.test(path)) return 'collection';
  const name = /^\/([^/]+)$/.exec(path)?.[1];
  if (name && NAME.test(name) && !RESERVED_NAMES.has(name.toLowerCase())) return 'profile';
  if (path === '/papers') return url.searchParams.get('q')?.trim() ? 'search' : 'daily'; // `?date=` is a day too
  if (/^\/papers\/date\/\d{4}-\d{2}-\d{2}$/.test(path)) return 'daily';
  if (/^\/papers\/week\/\d{4}-W\d{2}$/.test(path)) return 'week';
  if (/^\/papers\/month\/\d{4}-\d{2}$/.test(path)) return 'month';
  if (path === '/papers/trending') return 'trending';
  return /^\/papers\/[^/]+$/.test(path) && arxivIdFromUrl(url.href) ? 'paper' : null;
}

/** A hydration JSON paper id, read as the page's `/papers/<id>` link would be (the common shape without a URL parser). */
function parseId(text: string): string | null {
  return paperHrefId(`/papers/${text}`);
}

/**
 * The common shape of a card's links, `/papers/2607.01234` (a version, a trailing slash, a query or fragment at
 * most): nothing a URL parser would change, so the id is read without one (a page of 1,000 cards has thousands of
 * links). Anything else goes through arxivIdFromUrl.
 */
const PLAIN_PAPER_HREF = /^\/papers\/(\d{4}\.\d{4,5}(?:v\d+)?)\/?(?:[?#][^\s]*)?$/;

export function paperHrefId(href: string): string | null {
  return arxivIdFromLink(href, PLAIN_PAPER_HREF, ORIGIN);
}

/**
 * The first `/papers/<arXiv id>` link's id; `/papers/date/...`, `/papers?q=` and the like are not cards. The first
 * link is asked for alone first: on a listing it is the thumbnail's, and querySelector stops there, where
 * querySelectorAll walks the whole card (hundreds of elements; ~70 ms over 5,000 cards, read twice per card).
 */
function linkId(card: Element): string | null {
  const first = card.querySelector(CARD_LINK);
  if (!first) return null;
  const id = paperHrefId(first.getAttribute('href') ?? '');
  if (id) return id;
  for (const a of card.querySelectorAll(CARD_LINK)) {
    const id = paperHrefId(a.getAttribute('href') ?? '');
    if (id) return id;
  }
  return null;
}

/** The item a /papers/<id> link names on a collection or profile page: a paper, a model, a dataset, ...; null for
 * links that name no item (the owner's profile, /papers?q=, Hugging Face's own pages). */
function itemOf(a: Element): string | null {
  const href = a.getAttribute('href') ?? '';
  const paper = paperHrefId(href);
  if (paper) return `paper:${paper}`;
  let url: URL;
  try {
    url = new URL(href, ORIGIN);
  } catch {
    return null;
  }
  if (url.hostname !== 'huggingface.co') return null;
  const parts = url.pathname.split('/').filter(Boolean);
  if (['datasets', 'spaces', 'collections'].includes(parts[0] ?? '')) return parts.length >= 3 ? `${parts[0]}:${parts[1]}/${parts[2]}` : null;
  // A model is /<owner>/<name>; /<owner>/<tab> pages are not (/<owner>/models, /<owner>/papers, ...).
  const tabs = ['models', 'datasets', 'spaces', 'collections', 'papers', 'activity', 'followers', 'following'];
  return parts.length === 2 && !RESERVED_NAMES.has(parts[0]!.toLowerCase()) && !tabs.includes(parts[1]!) ? `model:${parts[0]}/${parts[1]}` : null;
}

type Items = { item: string | null | 'many'; heading: boolean };

/** Collection and profile pages: one card per paper link, the largest ancestor that is that paper's item only. */
function itemCards(root: ParentNode): Element[] {
  // What each element holds (no item, one item, or several; a section heading or not), each element read once per
  // scan: a page of many items stays linear.
  const memo = new Map<Element, Items>();
  const itemsOf = (el: Element): Items => {
    let known = memo.get(el);
    if (known) return known;
    let item: Items['item'] = el.matches('a[href]') ? itemOf(el) : null;
    let heading = el.matches(SECTION_HEADING);
    for (const child of el.children) {
      const sub = itemsOf(child);
      heading ||= sub.heading;
      if (sub.item !== null && item !== 'many') item = item === null || item === sub.item ? sub.item : 'many';
    }
    known = { item, heading };
    memo.set(el, known);
    return known;
  };
  const links: Element[] = [];
  if (root.nodeType === 1 && (root as Element).matches('a[href]')) links.push(root as Element);
  links.push(...root.querySelectorAll('a[href]'));
  const cards = new Set<Element>();
  for (const link of links) {
    const item = itemsOf(link).item;
    if (typeof item !== 'string' || !item.startsWith('paper:')) continue;
    let card = link;
    for (let el = link.parentElement, depth = 0; el && depth < ITEM_DEPTH && el.localName !== 'body'; el = el.parentElement, depth++) {
      const held = itemsOf(el);
      if (held.item !== item || held.heading) break;
      card = el;
    }
    cards.add(card);
  }
  // An item whose links reach different heights gives nested cards: keep the outer one.
  return [...cards].filter((card) => {
    for (let el = card.parentElement, depth = 0; el && depth <= ITEM_DEPTH; el = el.parentElement, depth++) if (cards.has(el)) return false;
    return true;
  });
}

/** A collection or profile card's title: a heading in the paper's link, one in the card, else the link's text. */
function itemTitle(card: Element, arxiv: string): string {
  const links = [card, ...card.querySelectorAll('a[href]')].filter((a) => a.matches('a[href]') && paperHrefId(a.getAttribute('href') ?? '') === arxiv);
  const heading = links.map((a) => a.querySelector(ITEM_HEADING)).find(Boolean) ?? card.querySelector(ITEM_HEADING);
  if (heading) return normalizeSpace(heading.textContent);
  return links.map((a) => normalizeSpace(a.textContent)).find(Boolean) ?? '';
}

/** `"9"`, `"GitHub 182"`, `"1.2k"` → the last number shown; null when none. */
function shownNumber(text: string | null | undefined): number | null {
  // Only the end of the text can hold the number: a bounded tail keeps the match linear on any input.
  const m = /(\d[\d,]*(?:\.\d+)?)\s*([kK])?\s*$/.exec(normalizeSpace(text).slice(-40));
  if (!m) return null;
  const n = Number(m[1]!.replace(/,/g, ''));
  return Math.round(m[2] ? n * 1000 : n);
}

function isoDate(v: unknown): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(str(v) ?? '');
  return m ? m[1]! : null;
}

/** A JSON paper's abstract as a Paper holds it: extract and summary both read it here, so they cannot differ. */
const jsonAbstract = (json: HfPaper): string | null => normalizeSpace(str(json.summary)) || null;

function fromJson(paper: Paper, json: HfPaper): Paper {
  const summary = str(json.summary);
  const repo = normalizeGithubRepo(str(json.githubRepo) ?? '');
  // `hidden` only hides an author on Hugging Face (none are hidden in the saved pages); they are still authors.
  const authors = Array.isArray(json.authors) ? json.authors.map((a) => normalizeSpace(isObject(a) ? str(a.name) : null)) : [];
  return {
    ...paper,
    authors: authors.filter(Boolean),
    abstract: jsonAbstract(json),
    published: isoDate(json.publishedAt), // the arXiv date; the item's own publishedAt is the listing date
    upvotes: num(json.upvotes),
    githubRepos: mergeRepos(repo ? [repo] : [], githubReposFromText(summary ?? '')),
    githubStars: num(json.githubStars),
    projectUrl: str(json.projectPage),
    // ai_keywords can hold an empty string (2607.00248 has `[""]`).
    categories: Array.isArray(json.ai_keywords) ? json.ai_keywords.map((k) => normalizeSpace(str(k))).filter(Boolean) : [],
  };
}

/**
 * The first element after a checkbox (in its parent) with one of UPVOTE_CLASSES, tried in order: what the
 * selectors `input[type="checkbox"] ~ div.<class>` say, by walking the card's inputs. A card holds hundreds of elements (icons, avatars), and a
 * querySelector with a sibling combinator visits them all, per selector: this was most of a DOM-only card's cost.
 */
function upvoteBox(card: Element): Element | null {
  const boxes = [...card.getElementsByTagName('input')].filter((input) => input.type === 'checkbox');
  for (const cls of UPVOTE_CLASSES) {
    for (const box of boxes) {
      for (let el = box.nextElementSibling; el; el = el.nextElementSibling) if (el.localName === 'div' && el.classList.contains(cls)) return el;
    }
  }
  return null;
}

/** The GitHub logo's link (`svg[viewBox="0 0 256 250"]`, found by tag name first for the same reason). */
function githubLogoLink(root: Element): Element | null {
  for (const svg of root.getElementsByTagName('svg')) if (svg.getAttribute('viewBox') === GITHUB_VIEWBOX) return svg.closest('a');
  return null;
}

function fromDom(paper: Paper, card: Element): Paper {
  const upvotes = upvoteBox(card);
  // On the paper page the GitHub button sits below the title block, still inside PaperContent.
  const githubLink = githubLogoLink(card.closest(PAPER_PROPS) ?? card);
  const repo = normalizeGithubRepo(githubLink?.getAttribute('href') ?? '');
  return {
    ...paper,
    upvotes: shownNumber(upvotes?.textContent),
    githubRepos: repo ? [repo] : [],
    githubStars: githubLink ? shownNumber(githubLink.textContent) : null,
  };
}

/** The arXiv id a card names: its own link (a collection item can be the link), the first /papers/ link in it, or the paper page's URL. */
function cardArxivId(card: Element, ctx: HfContext): string | null {
  const items = ctx.page === 'collection' || ctx.page === 'profile';
  return (items && card.matches(CARD_LINK) ? paperHrefId(card.getAttribute('href') ?? '') : null) ?? linkId(card) ?? (ctx.page === 'paper' ? ctx.urlId : null);
}

function titleOf(card: Element): Element | null {
  return TITLES.map((sel) => card.querySelector(sel)).find(Boolean) ?? null;
}

export const huggingface: SiteAdapter<HfContext> = {
  id: 'huggingface',
  // Its theme is the `dark` class alone: a SystemThemeMonitor puts it there from the system setting, unless the reader
  // chose light or dark on the site (ThemeSwitcher; DOM-NOTES.md), and a page without it is light (the saved pages).
  themeByClass: true,
  name: SITE_NAMES.huggingface,
  // All of huggingface.co for profile pages (hf.co/<name>); the manifest leaves out repository pages (/<a>/<b>, an
  // exclude glob) and pageKind turns down the rest at once, so other pages cost a URL test.
  matches: ['https://huggingface.co/papers*', 'https://huggingface.co/collections/*', 'https://huggingface.co/*'],

  pageKind,

  context(doc, url, now) {
    const page = pageKind(url) ?? 'unknown';
    return contextOf(page, url, now, runSteps(papersSteps(doc, page)));
  },

  async contextInSlices(doc, url, now, pause) {
    const page = pageKind(url) ?? 'unknown';
    return contextOf(page, url, now, await runStepsInSlices(papersSteps(doc, page), pause));
  },

  findCards(root, ctx) {
    if (ctx.page === 'paper') {
      // The first h1 in PaperContent is the title; later ones can come from comments' Markdown.
      const card = (root.ownerDocument ?? (root as Document)).querySelector(PAPER_TITLE)?.parentElement;
      return card && root.contains(card) ? [card] : [];
    }
    if (ctx.page === 'collection' || ctx.page === 'profile') return itemCards(root);
    const self = root.nodeType === 1 && (root as Element).matches(CARD) ? [root as Element] : [];
    return [...new Set([...self, ...root.querySelectorAll(CARD)])].filter((card) => linkId(card) !== null);
  },

  identify(card, ctx) {
    const arxiv = cardArxivId(card, ctx);
    return arxiv ? canonicalId({ arxiv, site: 'huggingface' }) : null;
  },

  paperIds(ctx) {
    // The keys are arXiv ids parsed already (parseId: bare, no version), as canonicalId would give them after parsing
    // each again; a month's listing has thousands.
    return Array.from(ctx.papers.keys(), (arxiv) => `arxiv:${arxiv}`);
  },

  extract(card, ctx) {
    const items = ctx.page === 'collection' || ctx.page === 'profile';
    const arxiv = cardArxivId(card, ctx);
    const id = arxiv ? canonicalId({ arxiv, site: 'huggingface' }) : null;
    const json = arxiv ? ctx.papers.get(arxiv) : undefined;
    const title = normalizeSpace(str(json?.title) ?? (items && arxiv ? itemTitle(card, arxiv) : titleOf(card)?.textContent));
    if (!arxiv || !id || !title) return null;
    const paper: Paper = {
      ...emptyPaper(id, title, { site: 'huggingface', page: ctx.page }),
      pdfUrl: arxivPdfUrl(arxiv),
      url: `${ORIGIN}/papers/${arxiv}`,
    };
    return json ? fromJson(paper, json) : fromDom(paper, card);
  },

  summary(card, ctx) {
    // Relevance reads every card of a page, most never built: from the listing's JSON only title and summary (the
    // rest of extract, authors, repositories, keywords, is what the overlay needs). Without JSON (undefined), the
    // card is read whole.
    const arxiv = cardArxivId(card, ctx);
    const json = arxiv ? ctx.papers.get(arxiv, false) : undefined;
    const title = normalizeSpace(str(json?.title));
    if (!json || !title) return undefined;
    if (!canonicalId({ arxiv: arxiv!, site: 'huggingface' })) return null;
    return { title, abstract: jsonAbstract(json) };
  },

  mountPoint(card) {
    // Just below the title, outside any link (the listing title is `h3 > a`; an `a > h3` would be stepped over).
    const title = card.matches('a[href]') ? card : titleOf(card) ?? card.querySelector(ITEM_HEADING);
    if (!title) return { parent: card, before: null };
    const anchor = title.closest('a');
    const after = anchor && card.contains(anchor) ? anchor : title;
    return { parent: after.parentElement ?? card, before: after.nextSibling };
  },
};

// Live pages the fixtures stand for (test/fixtures/huggingface/):
// - https://huggingface.co/papers/date/2026-07-02   daily listing, 31 cards (daily-2026-07-02.html, saved page)
// - https://huggingface.co/papers/2509.24002        single paper page (paper-2509.24002.html, saved page)
// - https://huggingface.co/papers/week/2026-W27     after switching period in the page: stale JSON (daily-stale-json.html)
// - https://huggingface.co/papers?q=diffusion       search (search.html, constructed from the documented shape)
// - https://huggingface.co/papers/date/2026-07-04   a listing with no papers (empty.html, constructed)
// - https://huggingface.co/collections/example-org/reading-group-65f0c0ffee0123456789abcd   a collection of papers, models,
//   a dataset and a space, with hydration JSON (collection.html, constructed: no collection page was available)
// - https://huggingface.co/collections/example-user/empty-6600aaaa0123456789abcdef   an empty collection (collection-empty.html, constructed)
// - https://huggingface.co/example-org   an organisation page with a papers section, no JSON (org-example-org.html, constructed)
