// Paper identity: arXiv ids (new and old style, versions), DOIs and canonical ids.
// Facts: ../../README.md#paper-identity and the arXiv id scheme (YYMM.NNNN[N], archive(.SC)?/YYMMNNN).

/** A new-style (0704.0001, 2401.12345) or old-style (hep-th/9901001, math.GT/0309136) id, optional version. */
const ARXIV_NEW = String.raw`\d{4}\.\d{4,5}`;
const ARXIV_OLD = String.raw`[a-z]+(?:-[a-z]+)*(?:\.[A-Z]{2})?\/\d{7}`;
const ARXIV_ID_RE = new RegExp(String.raw`^(${ARXIV_NEW}|${ARXIV_OLD})(v\d+)?$`);

export interface ArxivId {
  /** Without version, e.g. `2401.12345` or `hep-th/9901001`. */
  id: string;
  /** `3` for `v3`, else null. */
  version: number | null;
}

/** Parse a bare arXiv id (with or without `arXiv:` prefix and version). Returns null for anything else. */
export function parseArxivId(text: string): ArxivId | null {
  const bare = text.trim().replace(/^arxiv:/i, '');
  const m = ARXIV_ID_RE.exec(bare);
  if (!m) return null;
  const id = m[1]!;
  if (!validNewStyle(id)) return null;
  return { id, version: m[2] ? Number(m[2].slice(1)) : null };
}

/** New-style ids have a real YYMM (months 01-12, from 0704) and 5 digits from 1501 on. */
function validNewStyle(id: string): boolean {
  const m = /^(\d{2})(\d{2})\.(\d+)$/.exec(id);
  if (!m) return true; // old style
  const yymm = Number(m[1]) * 100 + Number(m[2]);
  const month = Number(m[2]);
  if (month < 1 || month > 12 || yymm < 704) return false;
  return yymm >= 1501 ? m[3]!.length === 5 : m[3]!.length === 4;
}

const ARXIV_HOSTS = /^(?:www\.|export\.|browse\.)?arxiv\.org$/i;
const ARXIV_PATH = new RegExp(String.raw`^/(?:abs|pdf|html|format)/((?:${ARXIV_NEW}|${ARXIV_OLD})(?:v\d+)?)(?:\.pdf)?/?$`);

/**
 * The arXiv id a URL points at: arxiv.org (abs/pdf/html/format, www./export./browse.), ar5iv,
 * huggingface.co/papers/<id>, alphaxiv.org/abs|overview/<id>. Relative URLs need a base.
 */
export function arxivIdFromUrl(href: string, base?: string): ArxivId | null {
  let url: URL;
  try {
    url = new URL(href, base);
  } catch {
    return null;
  }
  const host = url.hostname.toLowerCase();
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return null; // malformed %-escapes: not an id, and callers expect null rather than a throw
  }
  let candidate: string | undefined;
  if (ARXIV_HOSTS.test(host)) candidate = ARXIV_PATH.exec(path)?.[1];
  else if (/^(?:ar5iv\.org|ar5iv(?:\.labs)?\.arxiv\.org)$/.test(host)) candidate = /^\/(?:html|abs)\/(.+?)\/?$/.exec(path)?.[1];
  else if (host === 'huggingface.co') candidate = /^\/papers\/([^/?#]+)\/?$/.exec(path)?.[1];
  else if (/^(?:www\.)?alphaxiv\.org$/.test(host)) candidate = /^\/(?:abs|overview)\/(.+?)(?:\.md)?\/?$/.exec(path)?.[1];
  return candidate ? parseArxivId(candidate) : null;
}

/** Crossref-style DOI: `10.` + 4-9 digits + `/` + suffix. */
const DOI_RE = /\b(10\.\d{4,9}\/[-._;()/:A-Za-z0-9]+)/;

/** The first DOI in a string or `doi.org` URL, trailing sentence punctuation stripped, lowercased. */
export function parseDoi(text: string): string | null {
  let source = text;
  try {
    source = decodeURIComponent(text);
  } catch {
    /* keep the raw text */
  }
  const m = DOI_RE.exec(source);
  if (!m) return null;
  let doi = m[1]!;
  // Strip punctuation and unmatched ")" until neither is left: `(see 10.1/x.)` ends in both.
  for (let prev = ''; prev !== doi; ) {
    prev = doi;
    doi = doi.replace(/[.,;:]+$/, '');
    // A ")" closes the DOI only when the DOI itself has no matching "(".
    if (doi.endsWith(')') && count(doi, '(') < count(doi, ')')) doi = doi.slice(0, -1);
  }
  return doi.toLowerCase();
}

function count(s: string, ch: string): number {
  return s.split(ch).length - 1;
}

/** `10.48550/arxiv.<id>` is arXiv's own DOI for every paper: it names the arXiv paper. */
export function arxivIdFromDoi(doi: string): ArxivId | null {
  const m = /^10\.48550\/arxiv\.(.+)$/i.exec(doi);
  return m ? parseArxivId(m[1]!) : null;
}

/**
 * Every prefix a canonical id can have: arXiv, DOI, `import` (a citation-file record with neither, keyed by title
 * and year) and each site adapter's id (checked by the conventions test).
 */
export const ID_PREFIXES = ['arxiv', 'doi', 'import', 'huggingface', 'alphaxiv', 'openreview', 'semanticscholar', 'scholar', 'aclanthology', 'pmlr', 'neurips', 'cvf', 'dblp'] as const;

export interface IdentityHints {
  arxiv?: string | null;
  doi?: string | null;
  /** The adapter id, for the fallback `<site>:<siteId>`. */
  site: string;
  siteId?: string | null;
}

/** The canonical id: arXiv first, then DOI, then the site's own id. Null when nothing identifies the paper. */
export function canonicalId(hints: IdentityHints): string | null {
  const arxiv = hints.arxiv ? parseArxivId(hints.arxiv) : null;
  if (arxiv) return `arxiv:${arxiv.id}`;
  const doi = hints.doi ? parseDoi(hints.doi) : null;
  if (doi) {
    const viaDoi = arxivIdFromDoi(doi);
    return viaDoi ? `arxiv:${viaDoi.id}` : `doi:${doi}`;
  }
  const siteId = hints.siteId?.trim();
  return siteId ? `${hints.site}:${siteId}` : null;
}

/** The arXiv id inside a canonical id, or null for DOI/site ids. */
export function arxivIdOf(canonical: string): string | null {
  return canonical.startsWith('arxiv:') ? canonical.slice('arxiv:'.length) : null;
}

export function arxivAbsUrl(id: string): string {
  return `https://arxiv.org/abs/${id}`;
}

export function arxivPdfUrl(id: string): string {
  return `https://arxiv.org/pdf/${id}`;
}
