// Shared DOM-only helpers for site adapters: citation_* meta (Highwire/Google Scholar tags), JSON-LD, loose dates and
// URLs. No globals: every function reads only what it is passed (a Document, an Element, a `now`).
// citation_* tags: https://scholar.google.com/intl/en/scholar/inclusion.html#indexing
import { arxivIdFromUrl, parseArxivId, parseDoi } from '../core/ids';
import { isoDate, normalizeSpace } from '../core/paper';

export interface CitationMeta {
  title: string | null;
  /** One per `citation_author` tag, page order, "Last, First" turned into "First Last". */
  authors: string[];
  /**
   * The most precise of citation_publication_date, citation_date, citation_online_date (the first of equals), at the
   * precision it is written: YYYY-MM-DD, YYYY-MM or YYYY (isPaperDate).
   */
  published: string | null;
  /** citation_online_date at its precision. */
  onlineDate: string | null;
  pdfUrl: string | null;
  /** Lowercased DOI from citation_doi (or a DC.identifier that is a DOI). */
  doi: string | null;
  /** arXiv id without version, from citation_arxiv_id. */
  arxivId: string | null;
  abstract: string | null;
  /** citation_conference_title | citation_journal_title | citation_inbook_title. */
  venue: string | null;
  /** citation_keywords, split on `;` and `,`, de-duplicated. */
  keywords: string[];
}

/** Every non-empty content of `<meta name=...>` (or `property=`, which a few sites use), in document order. */
export function metaContents(doc: Document, name: string): string[] {
  const out: string[] = [];
  for (const meta of Array.from(doc.querySelectorAll('meta[name], meta[property]'))) {
    const key = meta.getAttribute('name') ?? meta.getAttribute('property') ?? '';
    if (key.toLowerCase() !== name.toLowerCase()) continue;
    const content = normalizeSpace(meta.getAttribute('content'));
    if (content) out.push(content);
  }
  return out;
}

/** The first non-empty content of `<meta name=...>`, else null. */
export function metaContent(doc: Document, name: string): string | null {
  return metaContents(doc, name)[0] ?? null;
}

/** The citation_* meta of a page, or null when it has no citation_title (not a paper page). */
export function readCitationMeta(doc: Document): CitationMeta | null {
  const title = metaContent(doc, 'citation_title');
  if (!title) return null;
  const first = (...names: string[]) => names.map((n) => metaContent(doc, n)).find((v) => v !== null) ?? null;
  // A year-only citation_publication_date ("2019": NeurIPS, CVF) yields to a tag that names the day, where one does.
  const published = ['citation_publication_date', 'citation_date', 'citation_online_date']
    .map((n) => metaContent(doc, n))
    .map((v) => (v ? parseDateOrYear(v, null) : null))
    .reduce<string | null>((best, v) => (v && v.length > (best?.length ?? 0) ? v : best), null);
  const online = metaContent(doc, 'citation_online_date');
  const doiText = metaContent(doc, 'citation_doi') ?? metaContents(doc, 'dc.identifier').find((v) => parseDoi(v));
  const arxiv = metaContent(doc, 'citation_arxiv_id');
  const pdf = metaContent(doc, 'citation_pdf_url');
  const keywords = metaContents(doc, 'citation_keywords')
    .flatMap((k) => k.split(/[;,]/))
    .map((k) => normalizeSpace(k))
    .filter((k) => k !== '');
  let authors = metaContents(doc, 'citation_author');
  // Some sites put every author in one `citation_authors` tag, separated by ";".
  if (authors.length === 0) authors = (metaContent(doc, 'citation_authors') ?? '').split(';');
  return {
    title,
    authors: authors.map(citationAuthorName).filter((a) => a !== ''),
    published,
    onlineDate: online ? parseDateOrYear(online, null) : null,
    pdfUrl: pdf ? httpUrl(pdf, doc.baseURI) : null,
    doi: doiText ? parseDoi(doiText) : null,
    arxivId: arxiv ? (parseArxivId(arxiv)?.id ?? null) : null,
    abstract: metaContent(doc, 'citation_abstract'),
    venue: first('citation_conference_title', 'citation_journal_title', 'citation_inbook_title'),
    keywords: [...new Set(keywords)],
  };
}

/** Every JSON-LD object on the page: arrays and `@graph` flattened, malformed blocks skipped. */
export function readJsonLd(doc: Document): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach(visit);
    } else if (value !== null && typeof value === 'object') {
      const obj = value as Record<string, unknown>;
      const { '@graph': graph, '@context': _context, ...rest } = obj;
      // A bare `{ "@context", "@graph" }` wrapper is not itself a thing; anything with more keys is.
      if (graph === undefined || Object.keys(rest).length > 0) out.push(obj);
      if (graph !== undefined) visit(graph);
    }
  };
  for (const script of Array.from(doc.querySelectorAll('script'))) {
    if ((script.getAttribute('type') ?? '').trim().toLowerCase() !== 'application/ld+json') continue;
    try {
      visit(JSON.parse(script.textContent ?? ''));
    } catch {
      /* malformed block: skip it, keep the others */
    }
  }
  return out;
}

/** Whitespace-normalised text content; '' for a missing element. */
export function textOf(el: Element | null | undefined): string {
  return normalizeSpace(el?.textContent);
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const DAY = String.raw`(\d{1,2})(?:st|nd|rd|th)?`;
const YEAR = String.raw`((?:19|20)\d{2})`; // plausible publication years only, so `2401.12345` is no date
// Tried in order; the first that matches decides. Groups are named by position in `order`.
const DATE_PATTERNS: { re: RegExp; order: ('y' | 'm' | 'd' | 'M')[] }[] = [
  { re: new RegExp(String.raw`(?<!\d)${YEAR}[-/.](\d{1,2})(?:[-/.](\d{1,2}))?(?!\d)`), order: ['y', 'm', 'd'] }, // 2026-09-09, 2026/09
  { re: new RegExp(String.raw`(?<![\w])${DAY}\s+${MONTH},?\s+${YEAR}(?!\d)`, 'i'), order: ['d', 'M', 'y'] }, // 9 Sep 2026
  { re: new RegExp(String.raw`\b${MONTH}\s+${DAY},?\s+${YEAR}(?!\d)`, 'i'), order: ['M', 'd', 'y'] }, // Sep 9, 2026
  { re: new RegExp(String.raw`\b${MONTH},?\s+${YEAR}(?!\d)`, 'i'), order: ['M', 'y'] }, // December 2025
  { re: new RegExp(String.raw`(?<![\w])${DAY}\s+${MONTH}(?![a-z])`, 'i'), order: ['d', 'M'] }, // 28 Sep
  { re: new RegExp(String.raw`\b${MONTH}\s+${DAY}(?!\d)`, 'i'), order: ['M', 'd'] }, // Sep 28
];

/**
 * A date found in loosely written text, as precise as the text is (isPaperDate): "9 Sep 2026", "Sep 9, 2026",
 * "2026/09/09", "2026-09-09T10:00Z", "Friday, 11 September 2026" give YYYY-MM-DD; "December 2025", "2025/12" give
 * YYYY-MM, never a day the text does not name. A year alone gives null here: in running text a four-digit number can
 * be anything (parseDateOrYear takes one that is the whole text). Without a year ("Sep 28") it is the most recent
 * such date not after `now` (UTC); with `now` null, year-less dates give null. Impossible dates (Feb 30) give null.
 */
export function parseLooseDate(text: string, now: Date | null): string | null {
  for (const { re, order } of DATE_PATTERNS) {
    const m = re.exec(text);
    if (!m) continue;
    const parts: Partial<Record<'y' | 'm' | 'd', number>> = {};
    order.forEach((key, i) => {
      const raw = m[i + 1];
      if (raw === undefined) return;
      if (key === 'M') parts.m = MONTHS.indexOf(raw.slice(0, 3).toLowerCase()) + 1;
      else parts[key] = Number(raw);
    });
    const { y, m: month, d } = parts;
    if (month === undefined) return null;
    if (y !== undefined && d === undefined) return validDate(y, month, 1) ? isoDate(y, month, 1).slice(0, 7) : null;
    if (d === undefined) return null;
    if (y !== undefined) return validDate(y, month, d) ? isoDate(y, month, d) : null;
    if (!now || Number.isNaN(now.getTime())) return null;
    const today = isoDate(now.getUTCFullYear(), now.getUTCMonth() + 1, now.getUTCDate());
    // Walk back from this year: Feb 29 may need up to 8 years to find a leap year.
    for (let year = now.getUTCFullYear(); year > now.getUTCFullYear() - 9; year--) {
      if (validDate(year, month, d) && isoDate(year, month, d) <= today) return isoDate(year, month, d);
    }
    return null;
  }
  return null;
}

const WHOLE_YEAR = new RegExp(String.raw`^${YEAR}$`);

/**
 * A year that is the whole text ("2019": citation_date, dblp's datePublished, Semantic Scholar's year), else
 * parseLooseDate's date. Only the whole text: "SIGMORPHON 2019 Shared Task" or "2401.12345" is no year.
 */
export function parseDateOrYear(text: string, now: Date | null): string | null {
  const trimmed = normalizeSpace(text);
  return WHOLE_YEAR.test(trimmed) ? trimmed : parseLooseDate(trimmed, now);
}

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** `href` resolved against `base` when it is an http(s) URL; null for empty, javascript:, data:, mailto: etc. */
export function httpUrl(href: string | null | undefined, base: string): string | null {
  const trimmed = href?.trim();
  if (!trimmed) return null;
  try {
    const url = new URL(trimmed, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

const NAME_SUFFIX = /^(?:jr|sr|ii|iii|iv|v)\.?$/i;

/** "Last, First" -> "First Last" ("Last, Jr., First" -> "First Last Jr."); names without a comma unchanged. */
export function citationAuthorName(name: string): string {
  const parts = normalizeSpace(name).split(/\s*,\s*/);
  if (parts.length === 1) return parts[0]!;
  const [last = '', ...rest] = parts;
  if (rest.length === 2 && NAME_SUFFIX.test(rest[0]!)) return normalizeSpace(`${rest[1]} ${last} ${rest[0]}`);
  return normalizeSpace(`${rest.join(' ')} ${last}`);
}

/** Elements matching `selector` in `root`, `root` itself included (a subtree the page just added may be one card). */
export function cardsUnder(root: ParentNode, selector: string): Element[] {
  const self = root.nodeType === 1 && (root as Element).matches(selector) ? [root as Element] : [];
  return [...self, ...Array.from(root.querySelectorAll(selector))];
}

const DOI_HOSTS = /^(?:dx\.)?doi\.org$/i;

/** The first arXiv id (arxiv.org and mirrors, via `arxivIdFromUrl`) and the first doi.org DOI linked under `root`. */
export function linkedIds(root: ParentNode, base: string): { arxiv: string | null; doi: string | null } {
  return idsFromHrefs(Array.from(root.querySelectorAll('a[href]'), (a) => a.getAttribute('href')), base);
}

/** The first arXiv id and the first doi.org DOI among `hrefs` (resolved against `base`; non-http ones skipped). */
export function idsFromHrefs(hrefs: Iterable<string | null>, base: string): { arxiv: string | null; doi: string | null } {
  let arxiv: string | null = null;
  let doi: string | null = null;
  for (const raw of hrefs) {
    const href = httpUrl(raw, base);
    if (!href) continue;
    arxiv ??= arxivIdFromUrl(href)?.id ?? null;
    const url = new URL(href);
    if (!doi && DOI_HOSTS.test(url.hostname)) doi = parseDoi(url.pathname);
  }
  return { arxiv, doi };
}
