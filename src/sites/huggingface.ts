// Hugging Face Papers (daily/week/month/trending listings, search, single paper pages).
// Structure: DOM-NOTES.md §1 (shared reference notes). The server-rendered hydration JSON is the source of truth; the
// card DOM is the fallback for cards the JSON does not cover (it is the initial payload, stale after in-page navigation).
import { arxivIdFromUrl, arxivPdfUrl, canonicalId } from '../core/ids';
import { githubReposFromText, mergeRepos, normalizeGithubRepo } from '../core/github';
import { emptyPaper, normalizeSpace, type Paper } from '../core/paper';
import type { SiteAdapter } from './types';
import { SITE_NAMES } from './names';

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
const UPVOTES = [
  'input[type="checkbox"] ~ div.leading-none', // 2026 listing card vote box
  'input[type="checkbox"] ~ div.font-semibold', // 2025 paper page vote button
];
const GITHUB_LOGO = 'svg[viewBox="0 0 256 250"]'; // its link shows the star count (listing) or "GitHub 182" (paper page)

export interface HfContext {
  page: string;
  now: Date;
  /** The arXiv id in a paper page's URL (the paper page card has no /papers/<id> link). */
  urlId: string | null;
  /** `paper` objects from the hydration JSON, by arXiv id. */
  papers: Map<string, HfPaper>;
}

type Json = Record<string, unknown>;
/** A Hugging Face `paper` object (id, title, authors[{name, hidden}], summary, publishedAt, upvotes, githubRepo?, ...). */
type HfPaper = Json;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

function readProps(el: Element | null): Json {
  try {
    const value: unknown = JSON.parse(el?.getAttribute('data-props') ?? '');
    return isObject(value) ? value : {};
  } catch {
    return {}; // truncated or invalid JSON: the DOM fallback takes over
  }
}

function paperMap(doc: Document): Map<string, HfPaper> {
  const map = new Map<string, HfPaper>();
  const add = (paper: unknown) => {
    const id = isObject(paper) && typeof paper.id === 'string' ? parseId(paper.id) : null;
    if (id && isObject(paper) && !map.has(id)) map.set(id, paper);
  };
  const listing = readProps(doc.querySelector(LISTING_PROPS));
  for (const key of LISTING_KEYS) {
    const items = listing[key];
    if (Array.isArray(items)) for (const item of items) add(isObject(item) && isObject(item.paper) ? item.paper : item);
  }
  add(readProps(doc.querySelector(PAPER_PROPS)).paper);
  return map;
}

function pageKind(url: URL): string | null {
  if (url.hostname !== 'huggingface.co') return null;
  const path = url.pathname.replace(/\/+$/, '');
  if (path === '/papers') return url.searchParams.get('q')?.trim() ? 'search' : 'daily'; // `?date=` is a day too
  if (/^\/papers\/date\/\d{4}-\d{2}-\d{2}$/.test(path)) return 'daily';
  if (/^\/papers\/week\/\d{4}-W\d{2}$/.test(path)) return 'week';
  if (/^\/papers\/month\/\d{4}-\d{2}$/.test(path)) return 'month';
  if (path === '/papers/trending') return 'trending';
  return /^\/papers\/[^/]+$/.test(path) && arxivIdFromUrl(url.href) ? 'paper' : null;
}

function parseId(text: string): string | null {
  return arxivIdFromUrl(`/papers/${text}`, ORIGIN)?.id ?? null;
}

/** The first `/papers/<arXiv id>` link's id; `/papers/date/...`, `/papers?q=` and the like are not cards. */
function linkId(card: Element): string | null {
  for (const a of card.querySelectorAll(CARD_LINK)) {
    const id = arxivIdFromUrl(a.getAttribute('href') ?? '', ORIGIN)?.id;
    if (id) return id;
  }
  return null;
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

function fromJson(paper: Paper, json: HfPaper): Paper {
  const summary = str(json.summary);
  const repo = normalizeGithubRepo(str(json.githubRepo) ?? '');
  // `hidden` only hides an author on Hugging Face (none are hidden in the saved pages); they are still authors.
  const authors = Array.isArray(json.authors) ? json.authors.map((a) => normalizeSpace(isObject(a) ? str(a.name) : null)) : [];
  return {
    ...paper,
    authors: authors.filter(Boolean),
    abstract: summary ? normalizeSpace(summary) : null,
    published: isoDate(json.publishedAt), // the arXiv date; the item's own publishedAt is the listing date
    upvotes: num(json.upvotes),
    githubRepos: mergeRepos(repo ? [repo] : [], githubReposFromText(summary ?? '')),
    githubStars: num(json.githubStars),
    projectUrl: str(json.projectPage),
    // ai_keywords can hold an empty string (2607.00248 has `[""]`).
    categories: Array.isArray(json.ai_keywords) ? json.ai_keywords.map((k) => normalizeSpace(str(k))).filter(Boolean) : [],
  };
}

function fromDom(paper: Paper, card: Element): Paper {
  const upvotes = UPVOTES.map((sel) => card.querySelector(sel)).find(Boolean);
  // On the paper page the GitHub button sits below the title block, still inside PaperContent.
  const githubLink = (card.closest(PAPER_PROPS) ?? card).querySelector(GITHUB_LOGO)?.closest('a');
  const repo = normalizeGithubRepo(githubLink?.getAttribute('href') ?? '');
  return {
    ...paper,
    upvotes: shownNumber(upvotes?.textContent),
    githubRepos: repo ? [repo] : [],
    githubStars: githubLink ? shownNumber(githubLink.textContent) : null,
  };
}

function titleOf(card: Element): Element | null {
  return TITLES.map((sel) => card.querySelector(sel)).find(Boolean) ?? null;
}

export const huggingface: SiteAdapter<HfContext> = {
  id: 'huggingface',
  name: SITE_NAMES.huggingface,
  matches: ['https://huggingface.co/papers*'],

  pageKind,

  context(doc, url, now) {
    const page = pageKind(url) ?? 'unknown';
    return { page, now, urlId: page === 'paper' ? (arxivIdFromUrl(url.href)?.id ?? null) : null, papers: paperMap(doc) };
  },

  findCards(root, ctx) {
    if (ctx.page === 'paper') {
      // The first h1 in PaperContent is the title; later ones can come from comments' Markdown.
      const card = (root.ownerDocument ?? (root as Document)).querySelector(PAPER_TITLE)?.parentElement;
      return card && root.contains(card) ? [card] : [];
    }
    const self = root.nodeType === 1 && (root as Element).matches(CARD) ? [root as Element] : [];
    return [...new Set([...self, ...root.querySelectorAll(CARD)])].filter((card) => linkId(card) !== null);
  },

  extract(card, ctx) {
    const arxiv = linkId(card) ?? (ctx.page === 'paper' ? ctx.urlId : null);
    const id = arxiv ? canonicalId({ arxiv, site: 'huggingface' }) : null;
    const json = arxiv ? ctx.papers.get(arxiv) : undefined;
    const title = normalizeSpace(str(json?.title) ?? titleOf(card)?.textContent);
    if (!arxiv || !id || !title) return null;
    const paper: Paper = {
      ...emptyPaper(id, title, { site: 'huggingface', page: ctx.page }),
      pdfUrl: arxivPdfUrl(arxiv),
      url: `${ORIGIN}/papers/${arxiv}`,
    };
    return json ? fromJson(paper, json) : fromDom(paper, card);
  },

  mountPoint(card) {
    // Just below the title, outside any link (the listing title is `h3 > a`; an `a > h3` would be stepped over).
    const title = titleOf(card);
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
