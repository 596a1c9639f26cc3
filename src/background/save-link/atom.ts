// arXiv API answers (`export.arxiv.org/api/query?id_list=…`), read strictly: for one id, an Atom feed with exactly one
// entry for exactly that id (parseArxivAtom); for many, each entry's newest version (parseArxivAtomBatch). arXiv
// answers a bad id with HTTP 200 and an entry titled "Error"; for one id that, like an empty feed, means "not found".
// Text is whitespace-normalised, TeX kept.
import { parseArxivId, type ArxivId } from '../../core/ids';
import { clip, isPaperVersion, normalizeSpace, ownDoi, PAPER_LIMITS } from '../../core/paper';
import { childrenNamed, parseXml, textContent, type XmlElement } from './xml';

export const ATOM_NS = 'http://www.w3.org/2005/Atom';
export const ARXIV_NS = 'http://arxiv.org/schemas/atom';

export interface ArxivEntry {
  /** Without version. */
  id: string;
  version: number | null;
  title: string;
  summary: string | null;
  /** YYYY-MM-DD of v1 (`<published>`). */
  published: string | null;
  authors: string[];
  primaryCategory: string | null;
  /** Primary first, then the others, de-duplicated. */
  categories: string[];
  pdfUrl: string | null;
  comment: string | null;
  journalRef: string | null;
  doi: string | null;
}

export type AtomResult =
  | { status: 'found'; entry: ArxivEntry }
  | { status: 'not-found' }
  | { status: 'invalid'; reason: string };

class Invalid extends Error {}

// The entry id is the abs page of a version: http(s), with or without www.
const ENTRY_ID = /^https?:\/\/(?:www\.)?arxiv\.org\/abs\/(.+)$/;

/** The one child `ns:local`, null when absent; two of them is not an arXiv entry. */
function single(el: XmlElement, ns: string, local: string): XmlElement | null {
  const found = childrenNamed(el, ns, local);
  if (found.length > 1) throw new Invalid(`more than one <${local}>`);
  return found[0] ?? null;
}

/** The one child's normalised text, null when absent or empty. */
function text(el: XmlElement, ns: string, local: string): string | null {
  const child = single(el, ns, local);
  return child ? normalizeSpace(textContent(child)) || null : null;
}

/** `2024-01-22T18:59:59Z` → `2024-01-22`, only for a real calendar date. */
export function datePart(value: string | null): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T|$)/.exec(value ?? '');
  if (!m) return null;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().startsWith(`${m[1]}-${m[2]}-${m[3]}`) ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

/** Old-style ids without the subject class (`math.GT/0309136` → `math/0309136`): arXiv's own form of them. */
export function archiveId(id: string): string {
  return id.replace(/^([a-z-]+)\.[A-Z]{2}\//, '$1/');
}

/** Read an arXiv Atom answer for `expectedId` (versions ignored on both sides). */
export function parseArxivAtom(xml: string, expectedId: string): AtomResult {
  const expected = parseArxivId(expectedId)?.id;
  if (!expected) return { status: 'invalid', reason: 'not an arXiv id' };
  const feed = parseXml(xml);
  if (!feed) return { status: 'invalid', reason: 'not well-formed XML' };
  if (feed.ns !== ATOM_NS || feed.local !== 'feed') return { status: 'invalid', reason: 'not an Atom feed' };
  const entries = childrenNamed(feed, ATOM_NS, 'entry');
  if (entries.length === 0) return { status: 'not-found' };
  if (entries.length > 1) return { status: 'invalid', reason: 'more than one entry' };
  try {
    return readEntry(entries[0]!, expected);
  } catch (error) {
    if (error instanceof Invalid) return { status: 'invalid', reason: error.message };
    throw error;
  }
}

/**
 * The arXiv paper an entry is (its id the abs page of a version), or `error` for arXiv's error entry (id under
 * /api/errors, title "Error", summary naming the problem); throws Invalid for anything else.
 */
function entryPaper(entry: XmlElement): ArxivId | 'error' {
  const idMatch = ENTRY_ID.exec(text(entry, ATOM_NS, 'id') ?? '');
  const parsed = idMatch ? parseArxivId(idMatch[1]!) : null;
  if (parsed) return parsed;
  if (text(entry, ATOM_NS, 'title') === 'Error') return 'error';
  throw new Invalid('entry id is not an arXiv abs URL');
}

function readEntry(entry: XmlElement, expected: string): AtomResult {
  const title = text(entry, ATOM_NS, 'title');
  const parsed = entryPaper(entry);
  if (parsed === 'error') return { status: 'not-found' };
  if (archiveId(parsed.id) !== archiveId(expected)) throw new Invalid(`entry is ${parsed.id}, not ${expected}`);
  if (!title) throw new Invalid('entry without a title');
  const authors = childrenNamed(entry, ATOM_NS, 'author')
    .map((a) => text(a, ATOM_NS, 'name') ?? '')
    .filter(Boolean);
  const primary = normalizeSpace(single(entry, ARXIV_NS, 'primary_category')?.attrs.term) || null;
  const others = childrenNamed(entry, ATOM_NS, 'category').map((c) => normalizeSpace(c.attrs.term));
  const pdf = childrenNamed(entry, ATOM_NS, 'link').filter((l) => l.attrs.title === 'pdf');
  if (pdf.length > 1) throw new Invalid('more than one pdf link');
  return {
    status: 'found',
    entry: {
      id: expected, // parsed, so without a subject class: `math.GT/0309136` is asked and kept as `math/0309136`
      version: parsed.version,
      title,
      summary: text(entry, ATOM_NS, 'summary'),
      published: datePart(text(entry, ATOM_NS, 'published')),
      authors,
      primaryCategory: primary,
      categories: [...new Set([primary, ...others].filter((c): c is string => !!c))],
      pdfUrl: pdf[0]?.attrs.href?.trim() || null,
      comment: text(entry, ARXIV_NS, 'comment'),
      journalRef: text(entry, ARXIV_NS, 'journal_ref'),
      doi: firstDoi(text(entry, ARXIV_NS, 'doi')),
    },
  };
}

/** `<arxiv:doi>` may list several DOIs, space-separated (a paper and its erratum): the first is the paper's. */
function firstDoi(value: string | null): string | null {
  return value?.trim().split(/\s+/)[0] || null;
}

/** An arXiv paper's newest version, as a batched answer (`id_list=a,b,c`) gives it. */
export interface LatestEntry {
  /** Without version or subject class. */
  id: string;
  version: number;
  /** YYYY-MM-DD the newest version was submitted (`<updated>`), null when the entry gives no real date. */
  updated: string | null;
  /** The newest version's comment (`<arxiv:comment>`: "camera-ready for ICML 2024", "withdrawn: an error in Lemma 3"), at most COMMENT_MAX characters; null when none. */
  comment: string | null;
  /** The journal's DOI its authors gave (`<arxiv:doi>`, lowercased, never arXiv's own); null when none. */
  doi: string | null;
  /** Where it was published (`<arxiv:journal_ref>`: "NeurIPS 2025", "Phys. Rev. D 99, 104013"), clipped to a venue's bound; null when none. */
  journalRef: string | null;
}

/** The longest comment kept: arXiv's run to a few lines. */
export const COMMENT_MAX = 500;

export type AtomBatchResult = { status: 'ok'; entries: LatestEntry[] } | { status: 'invalid'; reason: string };

/**
 * The newest version of each paper a batched answer holds, for the ids asked (`expected`, versions ignored): entries
 * for other papers, without a version or doubled are not trusted, and arXiv's "Error" entry (one bad id fails the
 * whole batch) is `invalid` with its summary. Ids asked that it does not hold are simply not in `entries`.
 */
export function parseArxivAtomBatch(xml: string, expected: readonly string[]): AtomBatchResult {
  const asked = new Set(expected.map((id) => archiveId(parseArxivId(id)?.id ?? '')));
  const feed = parseXml(xml);
  if (!feed) return { status: 'invalid', reason: 'not well-formed XML' };
  if (feed.ns !== ATOM_NS || feed.local !== 'feed') return { status: 'invalid', reason: 'not an Atom feed' };
  const entries: LatestEntry[] = [];
  const seen = new Set<string>();
  try {
    for (const entry of childrenNamed(feed, ATOM_NS, 'entry')) {
      const parsed = entryPaper(entry);
      if (parsed === 'error') {
        return { status: 'invalid', reason: `arXiv refused the query: ${(text(entry, ATOM_NS, 'summary') ?? 'no reason given').slice(0, 200)}` };
      }
      const id = archiveId(parsed.id);
      if (!asked.has(id)) throw new Invalid(`entry ${parsed.id} was not asked for`);
      if (parsed.version === null) throw new Invalid(`entry ${parsed.id} names no version`);
      if (!isPaperVersion(parsed.version, 'arxiv:')) throw new Invalid(`entry ${parsed.id} names no real version`);
      if (seen.has(id)) throw new Invalid(`two entries for ${parsed.id}`);
      seen.add(id);
      const comment = text(entry, ARXIV_NS, 'comment');
      const journalRef = text(entry, ARXIV_NS, 'journal_ref');
      entries.push({
        id: parsed.id,
        version: parsed.version,
        updated: datePart(text(entry, ATOM_NS, 'updated')),
        comment: comment && clip(comment, COMMENT_MAX),
        doi: ownDoi(firstDoi(text(entry, ARXIV_NS, 'doi')), `arxiv:${parsed.id}`),
        journalRef: journalRef && clip(journalRef, PAPER_LIMITS.venue),
      });
    }
  } catch (error) {
    if (error instanceof Invalid) return { status: 'invalid', reason: error.message };
    throw error;
  }
  return { status: 'ok', entries };
}
