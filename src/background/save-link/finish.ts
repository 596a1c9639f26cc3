// Every Paper the resolver hands out passes PaperSchema: API text is bounded and cleaned here first, then
// validated; anything still off gives null and the caller falls back to the minimal paper.
import * as v from 'valibot';
import { isPaperDate, isPaperVersion, normalizeSpace, ownDoi, type Paper } from '../../core/paper';
import { mergeRepos } from '../../core/github';
import { PaperSchema } from '../messages';
import { REPO_NAME } from '../github/parse';
import { datePart } from './atom';

export const MAX_TITLE = 2000;
export const MAX_ABSTRACT = 50_000;
const MAX_AUTHOR = 500;
const MAX_AUTHORS = 5000;
const MAX_CATEGORY = 200;
const MAX_CATEGORIES = 200;
const MAX_REPOS = 20;
const MAX_VENUE = 500;
const MAX_URL = 2048;
const MAX_COUNT = 1e12;

/** At most `max` UTF-16 units, never splitting a surrogate pair. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = /[\uD800-\uDBFF]/.test(text[max - 1] ?? '') ? max - 1 : max;
  return text.slice(0, cut);
}

/** Whitespace-normalised and bounded, or null when empty. */
export function cleanText(text: string | null | undefined, max: number): string | null {
  return clip(normalizeSpace(text), max).trim() || null;
}

/** An absolute http(s) URL short enough to store, else null (no `javascript:` from an API ever reaches a link). */
export function httpUrl(value: string | null | undefined, base?: string): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim(), base);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.href.length <= MAX_URL ? url.href : null;
  } catch {
    return null;
  }
}

const count = (n: number | null) => (n !== null && Number.isInteger(n) && n >= 0 && n <= MAX_COUNT ? n : null);

function list(items: readonly string[], maxItem: number, maxItems: number): string[] {
  const cleaned = items.map((s) => cleanText(s, maxItem)).filter((s): s is string => s !== null);
  return [...new Set(cleaned)].slice(0, maxItems);
}

/** The paper bounded to PaperSchema's limits and validated, or null when it cannot be stored. */
export function finish(paper: Paper): Paper | null {
  const authors = paper.authors.map((a) => cleanText(a, MAX_AUTHOR)).filter((a): a is string => a !== null);
  const title = cleanText(paper.title, MAX_TITLE);
  if (!title) return null;
  const bounded: Paper = {
    ...paper,
    title,
    authors: authors.slice(0, MAX_AUTHORS),
    // A cut list keeps its true length, as adapters do for "et al." lists.
    authorCount: authors.length > MAX_AUTHORS ? authors.length : count(paper.authorCount),
    abstract: cleanText(paper.abstract, MAX_ABSTRACT),
    // A year or month alone (a DOI's) as it is; an API's timestamp (arXiv, Hugging Face) as its day.
    published: paper.published && isPaperDate(paper.published) ? paper.published : datePart(paper.published),
    upvotes: count(paper.upvotes),
    githubRepos: mergeRepos(paper.githubRepos.filter((r) => REPO_NAME.test(r))).slice(0, MAX_REPOS),
    githubStars: count(paper.githubStars),
    projectUrl: httpUrl(paper.projectUrl),
    pdfUrl: httpUrl(paper.pdfUrl),
    url: httpUrl(paper.url),
    venue: cleanText(paper.venue, MAX_VENUE),
    categories: list(paper.categories, MAX_CATEGORY, MAX_CATEGORIES),
    version: paper.version !== null && isPaperVersion(paper.version, paper.id) ? paper.version : null,
    doi: ownDoi(paper.doi, paper.id),
  };
  const result = v.safeParse(PaperSchema, bounded);
  return result.success ? result.output : null;
}
