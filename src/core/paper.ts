import { REPO_NAME } from './github';
import { boundAliases } from './aliases';
import { arxivIdFromDoi, doiOf, isDoi } from './ids';

/** The one shape every site adapter produces and every layer stores (issue #3). Unknown fields are null. */
export interface Paper {
  /** Canonical id: `arxiv:<id without version>`, `doi:<lowercased DOI>`, else `<site>:<site id>`. */
  id: string;
  /** Whitespace-normalised; TeX left as written. */
  title: string;
  /** Names in page order; `[]` when the page lists none. */
  authors: string[];
  /** Set when the page gives only a count, or truncates the list ("et al."). */
  authorCount: number | null;
  /**
   * The list was cut and its source did not say how many authors there are (Google Scholar's "…", BibTeX's `and
   * others`, arXiv's bare "et al."): the names are the first ones, not all, and exports and the popup say so. Only
   * beside names and no count (a count above the names says it already: moreAuthors); absent on every other paper,
   * and on records saved before it was kept (whose cut lists no one can tell apart now).
   */
  authorsCut?: true;
  abstract: string | null;
  /**
   * When it appeared, as precisely as the page says (isPaperDate): YYYY-MM-DD (the first version's date where the page
   * gives it), YYYY-MM, or YYYY alone (a proceedings volume's year: PMLR, NeurIPS, CVF, a DOI's year-only issue date).
   * Strings of these compare in time order, a year or month before its days.
   */
  published: string | null;
  upvotes: number | null;
  /** `owner/repo`, de-duplicated case-insensitively, structured data first. */
  githubRepos: string[];
  /** As shown by the page (e.g. Hugging Face `githubStars`). */
  githubStars: number | null;
  /**
   * When `githubStars` was read (epoch ms): stamped by the save that read it (withStarsTime), and carried with the count
   * through every merge (mergePapers). Absent where unknown: no count, a paper not saved yet (a page's paper never has
   * one), or a count kept or backed up by builds before it.
   */
  githubStarsAt?: number;
  projectUrl: string | null;
  pdfUrl: string | null;
  /** The paper's page on the site it was found on. */
  url: string | null;
  venue: string | null;
  /** Site categories / keywords (arXiv categories, Hugging Face ai_keywords). */
  categories: string[];
  /** The arXiv version the reader saw (3 for `v3`); only for `arxiv:` ids, which never carry it. */
  version: number | null;
  /**
   * The paper's own DOI (a journal's or proceedings'), lowercased, where its id does not carry it already (see
   * ownDoi): never arXiv's 10.48550/arXiv.<id> nor a `doi:` id's own DOI, which exports derive from the id.
   */
  doi: string | null;
  /**
   * Other ids the page gives this same paper (canonical, never `id`): a venue's id beside a DOI (a dblp entry naming
   * both), the site's own key where a venue or DOI id replaced it (`dblp:conf/icml/Smith23`, what older builds
   * stored). A saved record answers to them too (storage/aliases.ts), so one paper is one record whichever of its ids
   * a page shows. `[]` when the page gives none.
   */
  aliases: string[];
  source: PaperSource;
}

export interface PaperSource {
  /** Adapter id, e.g. `huggingface`, `arxiv`. */
  site: string;
  /** Page kind, e.g. `daily`, `paper`, `search`, `list`, `abs`. */
  page: string;
}

/** A Paper with every optional field unknown; adapters spread their findings over it. */
export function emptyPaper(id: string, title: string, source: PaperSource): Paper {
  return {
    id,
    title,
    authors: [],
    authorCount: null,
    abstract: null,
    published: null,
    upvotes: null,
    githubRepos: [],
    githubStars: null,
    projectUrl: null,
    pdfUrl: null,
    url: null,
    venue: null,
    categories: [],
    version: null,
    doi: null,
    aliases: [],
    source,
  };
}

/** White space normalizeSpace would change: any but a plain space, two spaces in a row, a space at either end. */
const UNNORMAL_SPACE = /[^\S ]| {2}|^ | $/;

/**
 * Collapse runs of white space (arXiv line wraps, no-break spaces) into single spaces. Most text (a listing's titles
 * and abstracts) has nothing to collapse, and testing for that costs a third of the replace it spares.
 */
export function normalizeSpace(text: string | null | undefined): string {
  const s = text ?? '';
  return UNNORMAL_SPACE.test(s) ? s.replace(/\s+/g, ' ').trim() : s;
}

/** Size limits of a stored paper: the background's schema rejects anything larger, so adapters bound to them. */
export const PAPER_LIMITS = {
  id: 300,
  title: 2000,
  author: 500,
  authors: 5000,
  abstract: 50_000,
  venue: 500,
  category: 200,
  categories: 200,
  url: 2048,
  repos: 20,
  sourceField: 50,
  count: 1e12,
  /** arXiv versions run to a few dozen; anything past this is not one. */
  version: 1000,
  doi: 300,
  /** A page names a few other ids of a paper; a record keeps those of every page it was saved from, and merged ones. */
  aliases: 20,
} as const;

/** An absolute http(s) URL that parses, with no white space or control characters, within the size limit. */
export function isHttpUrl(url: string): boolean {
  return url.length <= PAPER_LIMITS.url && /^https?:\/\/[^\s\u0000-\u001f\u007f]+$/i.test(url) && URL.canParse(url);
}

/**
 * The page a paper was saved from, as a record keeps it (isHttpUrl): the address as it is, else without its fragment,
 * else without its query (a search page's address can outgrow PAPER_LIMITS.url), else the site; null for no web page.
 */
export function savedFromUrl(url: string | null | undefined): string | null {
  if (!url || !URL.canParse(url)) return null;
  const parsed = new URL(url);
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  parsed.hash = '';
  return [url, parsed.href, `${parsed.origin}${parsed.pathname}`, `${parsed.origin}/`].find(isHttpUrl) ?? null;
}

/** An arXiv version a paper with this id can keep: a positive integer within bounds, on an `arxiv:` id only. */
export function isPaperVersion(version: number, id: string): boolean {
  return Number.isInteger(version) && version >= 1 && version <= PAPER_LIMITS.version && id.startsWith('arxiv:');
}

/** A DOI a paper can keep as its own: one whole DOI within bounds, not arXiv's (see Paper.doi). */
export function isPaperDoi(doi: string): boolean {
  return doi.length <= PAPER_LIMITS.doi && isDoi(doi) && !arxivIdFromDoi(doi);
}

/** The DOI a paper with this id keeps as its own (lowercased), or null: not a DOI, arXiv's, or the one its id carries. */
export function ownDoi(doi: string | null | undefined, id: string): string | null {
  if (typeof doi !== 'string' || !isPaperDoi(doi)) return null;
  const lower = doi.toLowerCase();
  return lower === doiOf(id)?.toLowerCase() ? null : lower;
}

/**
 * The version and DOI of one paper seen twice: the higher version (arXiv versions only grow, and an older page seen
 * later does not undo a newer one), and `newer`'s DOI, else `older`'s (a DOI found once is kept).
 */
export function mergedIdentity(newer: Partial<Pick<Paper, 'version' | 'doi'>> | undefined, older: Partial<Pick<Paper, 'version' | 'doi'>> | undefined): Pick<Paper, 'version' | 'doi'> {
  const versions = [newer?.version, older?.version].filter((v): v is number => typeof v === 'number');
  return { version: versions.length ? Math.max(...versions) : null, doi: newer?.doi || older?.doi || null };
}

/** Whether the paper has more authors than it names: a count above its names, or a list cut short (authorsCut). */
export function moreAuthors(paper: Pick<Paper, 'authors' | 'authorCount' | 'authorsCut'>): boolean {
  return paper.authorsCut === true || (paper.authorCount ?? 0) > paper.authors.length;
}

/** The paper with the authorsCut mark where `cut` and it means something (names, no count), else without it. */
export function withAuthorsCut<T extends Paper>(paper: T, cut: boolean | undefined): T {
  const { authorsCut: _, ...rest } = paper;
  return cut && paper.authors.length > 0 && (paper.authorCount ?? null) === null ? ({ ...rest, authorsCut: true } as T) : (rest as T);
}

const filled = (value: unknown) => value !== null && value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0);

/**
 * One paper from two copies of it (saved again, merged with a second record, imported over the list): field by field
 * the newer copy's value unless it is unknown (null, '' or []), then the older one's; the author count and the mark of a
 * cut list (authorsCut) come with the author list they qualify ("et al."), so a full list seen later is not given an old
 * listing's count or mark, nor a cut list a count seen later the mark, and a list cut short does not replace a longer
 * one; a date is kept at its most precise (mergedDate: a proceedings year seen later does not undo the day an arXiv
 * listing gave); the version never goes down and a DOI once found is kept (mergedIdentity); the aliases are both copies'
 * and the older copy's id when it differs. The source is the newer copy's, and the id too unless `id` names the record
 * it is merged into.
 */
export function mergePapers(newer: Paper, older: Paper, id = newer.id): Paper {
  const merged = { ...older } as Record<string, unknown>;
  for (const [key, value] of Object.entries(newer)) if (filled(value)) merged[key] = value;
  // A list cut short (a Scholar byline's first names and "…") seen after a longer one (the arXiv page's whole list)
  // is the start of that list, not news: the longer list stays, with its own count and mark.
  const cutShort = filled(newer.authors) && moreAuthors(newer) && Array.isArray(older.authors) && older.authors.length > newer.authors.length;
  const listFromNewer = filled(newer.authors) && !cutShort;
  const { version, doi } = mergedIdentity(newer, older);
  const paper: Paper = {
    ...(merged as unknown as Paper),
    authors: listFromNewer || !Array.isArray(older.authors) ? newer.authors : older.authors,
    authorCount: listFromNewer ? (newer.authorCount ?? null) : (older.authorCount ?? newer.authorCount ?? null),
    // Merged into a record of another id (one of the paper's aliases), they are kept as that id allows.
    published: mergedDate(newer.published, older.published),
    version: version !== null && isPaperVersion(version, id) ? version : null,
    doi: ownDoi(doi, id),
    aliases: boundAliases([newer.id, ...(newer.aliases ?? []), older.id, ...(older.aliases ?? [])], id),
    id,
    source: newer.source ?? older.source,
  };
  return withStarsTime(withAuthorsCut(paper, (listFromNewer ? newer : older).authorsCut), starsOf(newer, older));
}

const isTime = (at: unknown): at is number => typeof at === 'number' && Number.isInteger(at) && at >= 0;

/**
 * Which copy's star count a merge keeps, with its time: the one read later where both copies say when (a paper saved
 * again from a page that shows a count, a backup's copy against the list's), else the newer copy's, else the older's.
 */
function starsOf(newer: Paper, older: Paper): Pick<Paper, 'githubStars' | 'githubStarsAt'> {
  const counted = [newer, older].filter((paper) => typeof paper.githubStars === 'number');
  const [first, second] = counted;
  const kept = first && second && isTime(first.githubStarsAt) && isTime(second.githubStarsAt) && second.githubStarsAt > first.githubStarsAt ? second : first;
  return kept ? { githubStars: kept.githubStars, githubStarsAt: kept.githubStarsAt } : { githubStars: null };
}

/**
 * The paper with `stars` as its count and that count's time (a save stamps the time it read a count: `{ githubStars,
 * githubStarsAt: now }`); no time without a count or for a time that is none.
 */
export function withStarsTime<T extends Paper>(paper: T, stars: Pick<Paper, 'githubStars' | 'githubStarsAt'>): T {
  const { githubStarsAt: _, ...rest } = paper;
  const githubStars = stars.githubStars ?? null;
  return (githubStars !== null && isTime(stars.githubStarsAt) ? { ...rest, githubStars, githubStarsAt: stars.githubStarsAt } : { ...rest, githubStars }) as T;
}

/** YYYY-MM-DD of a year, month (1-12) and day, each zero-padded (no check that the day exists: isCalendarDate). */
export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** YYYY-MM-DD naming a real calendar day (not 2026-02-30). */
export function isCalendarDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const day = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(date);
}

/**
 * A date at the precision a page gives it, as ISO 8601 writes reduced precision (and CSL its date-parts): YYYY,
 * YYYY-MM, or YYYY-MM-DD naming a real calendar day. Years 1000-9999: nothing earlier is a paper in this list.
 */
export function isPaperDate(date: string): boolean {
  if (/^[1-9]\d{3}$/.test(date)) return true;
  const month = /^[1-9]\d{3}-(\d{2})$/.exec(date);
  if (month) return Number(month[1]) >= 1 && Number(month[1]) <= 12;
  return /^[1-9]/.test(date) && isCalendarDate(date);
}

/**
 * The date of these parts at the precision they give (isPaperDate): YYYY, YYYY-MM or YYYY-MM-DD. A part that names no
 * month (CSL's seasons are months 13-16) or no day of that month ends the date there: what comes before it is known.
 * Null without a year from 1000 to 9999.
 */
export function paperDate(year?: number, month?: number, day?: number): string | null {
  if (year === undefined || !Number.isInteger(year) || !isPaperDate(String(year))) return null;
  if (month === undefined || !Number.isInteger(month) || month < 1 || month > 12) return String(year);
  const ym = `${year}-${String(month).padStart(2, '0')}`;
  if (day === undefined || !Number.isInteger(day) || day < 1 || day > 31) return ym;
  const full = isoDate(year, month, day);
  return isCalendarDate(full) ? full : ym;
}

/** A paper date's year, month and day, as many as it has (`2019-07` → [2019, 7]); none for anything else. */
export function paperDateParts(date: string): number[] {
  return isPaperDate(date) ? date.split('-').map(Number) : [];
}

/**
 * One paper's date seen twice: where one is a less precise form of the other (`2019` of `2019-07-21`, a proceedings
 * year and the day arXiv gave), the more precise whichever copy is newer; else the newer copy's, else the older's.
 */
export function mergedDate(newer: string | null | undefined, older: string | null | undefined): string | null {
  if (!newer) return older || null;
  return typeof older === 'string' && older.startsWith(`${newer}-`) ? older : newer; // (a damaged record's may be no string)
}

/** A canonical id within limits: a prefix, a colon, no white space, control, invisible or bidi characters. */
export function isWellFormedId(id: string): boolean {
  return id.length <= PAPER_LIMITS.id && /^[a-z][a-z0-9-]*:[^\s\u0000-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]+$/.test(id);
}

/** Cut text to at most `max` characters, ending with "…" when cut, never leaving half a surrogate pair. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  if (/[\uD800-\uDBFF]/.test(text[end - 1] ?? '')) end--;
  return `${text.slice(0, end)}…`;
}

const countOrNull = (n: number | null) => (n !== null && Number.isInteger(n) && n >= 0 && n <= PAPER_LIMITS.count ? n : null);

/** A paper's title and abstract (what topics and relevance read), as a card gives them before the rest. */
export interface PaperSummary {
  title: string;
  abstract: string | null;
}

/** Title and abstract as boundPaper keeps them; null without a title. */
export function boundSummary({ title, abstract }: PaperSummary): PaperSummary | null {
  const t = normalizeSpace(title);
  if (!t) return null;
  return { title: clip(t, PAPER_LIMITS.title), abstract: abstract === null ? null : clip(abstract, PAPER_LIMITS.abstract) };
}

/**
 * A paper an adapter read, brought within what the reading list stores: over-long text clipped, bad URLs, dates
 * and counts dropped (null), lists capped. Null when nothing usable identifies it (no title, a malformed id).
 * Pages are written by others: a hostile or broken page gives a smaller paper, never one Save would reject.
 */
export function boundPaper(paper: Paper): Paper | null {
  const text = boundSummary(paper);
  if (!text || !isWellFormedId(paper.id)) return null;
  const L = PAPER_LIMITS;
  const url = (u: string | null) => (u && isHttpUrl(u) ? u : null);
  const authors = paper.authors.slice(0, L.authors).map((a) => clip(a, L.author));
  const authorCount = countOrNull(paper.authors.length > L.authors ? Math.max(paper.authors.length, paper.authorCount ?? 0) : paper.authorCount);
  const bounded: Paper = {
    id: paper.id,
    title: text.title,
    authors,
    authorCount,
    abstract: text.abstract,
    published: paper.published && isPaperDate(paper.published) ? paper.published : null,
    upvotes: countOrNull(paper.upvotes),
    githubRepos: paper.githubRepos.filter((r) => REPO_NAME.test(r)).slice(0, L.repos),
    githubStars: countOrNull(paper.githubStars),
    projectUrl: url(paper.projectUrl),
    pdfUrl: url(paper.pdfUrl),
    url: url(paper.url),
    venue: paper.venue === null ? null : clip(paper.venue, L.venue),
    categories: paper.categories.slice(0, L.categories).map((c) => clip(c, L.category)),
    version: paper.version !== null && isPaperVersion(paper.version, paper.id) ? paper.version : null,
    doi: ownDoi(paper.doi, paper.id),
    aliases: boundAliases(paper.aliases ?? [], paper.id),
    source: { site: clip(paper.source.site, L.sourceField), page: clip(paper.source.page, L.sourceField) },
  };
  return withAuthorsCut(bounded, paper.authorsCut);
}
