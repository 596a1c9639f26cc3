// Paper identity: arXiv ids (new and old style, versions), DOIs and canonical ids.
// Facts: ../../README.md#paper-identity and the arXiv id scheme (YYMM.NNNN[N], archive(.SC)?/YYMMNNN).

/** A new-style (0704.0001, 2401.12345) or old-style (hep-th/9901001, math.GT/0309136) id, optional version. */
const ARXIV_NEW = String.raw`\d{4}\.\d{4,5}`;
const ARXIV_OLD = String.raw`[a-z]+(?:-[a-z]+)*(?:\.[A-Z]{2})?\/\d{7}`;
const ARXIV_ID_RE = new RegExp(String.raw`^(${ARXIV_NEW}|${ARXIV_OLD})(v\d+)?$`);
/** The subject class of an old-style id (`math.GT/`), which names no paper of its own. */
const SUBJECT_CLASS = /^([a-z-]+)\.[A-Z]{2}\//;

export interface ArxivId {
  /**
   * Without version, e.g. `2401.12345` or `hep-th/9901001`; an old-style id without its subject class (`math.GT/0309136`
   * is `math/0309136`, as arXiv names it: its pages, its API and its DOIs all give that form).
   */
  id: string;
  /** `3` for `v3`, else null. */
  version: number | null;
}

/** Parse a bare arXiv id (with or without `arXiv:` prefix and version). Returns null for anything else. */
export function parseArxivId(text: string): ArxivId | null {
  const bare = text.trim().replace(/^arxiv:/i, '');
  const m = ARXIV_ID_RE.exec(bare);
  if (!m) return null;
  // arXiv's identifier drops the subject class (arxiv-base: id = archive/YYMMNNN): both forms are one paper.
  const id = m[1]!.replace(SUBJECT_CLASS, '$1/');
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
 * The arXiv id of a link: a site's common link shape (`plain`, capturing the id) is read with that one expression,
 * since a listing has thousands of such links and nothing in them a URL parser would change; any other href goes
 * through arxivIdFromUrl against `base`. Each site's tests hold its shape to arxivIdFromUrl's answers.
 */
export function arxivIdFromLink(href: string, plain: RegExp, base: string): string | null {
  const match = plain.exec(href);
  return (match ? parseArxivId(match[1]!) : arxivIdFromUrl(href, base))?.id ?? null;
}

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

/**
 * Crossref-style DOI: `10.` + 4-9 digits + `/` + suffix. A SICI DOI (Wiley's and the AMS journals' to the 2000s) has
 * `<…>` inside, `10.1175/1520-0469(1963)020<0130:DNF>2.0.CO;2`: cut at the `<`, it names a whole volume or issue.
 */
const DOI_CHARS = '[-._;()/:A-Za-z0-9]';
const DOI_BODY = String.raw`10\.\d{4,9}\/${DOI_CHARS}+(?:<${DOI_CHARS}+>${DOI_CHARS}+)*`;
const DOI_RE = new RegExp(String.raw`\b(${DOI_BODY})`);
const WHOLE_DOI_RE = new RegExp(`^${DOI_BODY}$`);

/** Longer DOIs exist in theory only; the bound keeps a DOI's canonical id under PaperSchema's 300 characters. */
export const MAX_DOI = 250;

/** Whether `text` is one DOI and nothing else (any case: DOIs compare case-insensitively). */
export function isDoi(text: string): boolean {
  return WHOLE_DOI_RE.test(text);
}

/** `doi` without sentence punctuation or a doi.org link's closing slash (`https://doi.org/10.1145/3065386/`) at its end: no DOI ends in one. */
export function trimmedDoi(doi: string): string {
  return withoutTrailing(doi, /[.,;:/]+$/);
}

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
  return trimmedDoi(m[1]!).toLowerCase();
}

/**
 * `text` without what `trailing` matches at its end nor an unmatched ")", until neither is left: `(see 10.1/x.)` ends
 * in both. A ")" closes the text only when the text itself has no matching "(": `10.1061/(ASCE)0733-9445(2006)132:2(246)`
 * keeps its own.
 */
export function withoutTrailing(text: string, trailing: RegExp): string {
  let kept = text;
  for (let prev = ''; prev !== kept; ) {
    prev = kept;
    kept = kept.replace(trailing, '');
    if (kept.endsWith(')') && count(kept, '(') < count(kept, ')')) kept = kept.slice(0, -1);
  }
  return kept;
}

/** `href` parsed, when it is an http(s) address; null for anything else. */
export function webUrl(href: string): URL | null {
  const url = URL.canParse(href) ? new URL(href) : null;
  return url && (url.protocol === 'https:' || url.protocol === 'http:') ? url : null;
}

/**
 * An http(s) address as the URL parser writes it (punycode host, percent-encoded path), else null: what a link or an
 * export may name (a stored `javascript:` URL stays text). The popup's links and CSL's URL alike.
 */
export function safeHttpUrl(url: string | null | undefined): string | null {
  return (url && webUrl(url)?.href) || null;
}

function count(s: string, ch: string): number {
  return s.split(ch).length - 1;
}

/** What publishers put after the DOI in their addresses: a view (`/full`, `/meta`, `/pdf`) or a file kind (`.pdf`). */
const URL_DOI_VIEW = /\/(?:full|abstract|abs|summary|fulltext|full-text|pdf|epdf|pdfdirect|pdfplus|meta|html|references|figures|citedby)$/i;
const URL_DOI_FILE = /(?:\.full|\.abstract|\.short|\.full-text|\.full\.pdf|\.pdf|\.html?)$/i;
/** bioRxiv and medRxiv (10.1101) put the version after the DOI: `10.1101/2020.01.01.123456v2`. */
const URL_DOI_VERSION = /^(10\.1101\/(?:\d{4}\.\d{2}\.\d{2}\.)?\d+)v\d+$/;

/**
 * The DOI a publisher's address names (Frontiers `…/10.3389/x/full`, Springer `…/pdf/10.1007/x.pdf`, IOP `…/meta`,
 * bioRxiv `…/10.1101/x v1.full.pdf`, PLOS `?id=10.1371/…`), without the view that follows it; null when it names none.
 * For links to publishers' pages, not text: a DOI whose last part is such a word would lose it.
 */
export function doiFromUrl(href: string): string | null {
  const url = webUrl(href);
  if (!url) return null;
  let doi = parseDoi(url.pathname) ?? parseDoi(url.search);
  for (let prev = ''; doi && prev !== doi; ) {
    prev = doi;
    doi = doi.replace(URL_DOI_VIEW, '').replace(URL_DOI_FILE, '').replace(URL_DOI_VERSION, '$1');
  }
  return doi && DOI_RE.test(doi) ? doi : null;
}

/**
 * Whether a DOI is one of ACM's pseudo-DOIs (`10.5555/…`): the ACM Digital Library's ids for what it holds without a
 * registered DOI (the NeurIPS and ICML proceedings it reprints, many older papers). ACM, dblp, OpenReview and publishers'
 * `citation_doi` give them as DOIs, and they name one paper each, but doi.org resolves none: neither its link nor its
 * metadata leads anywhere.
 */
export function isAcmPseudoDoi(doi: string): boolean {
  return /^10\.5555\//i.test(doi);
}

/** Where a reader finds a DOI's paper: its doi.org link, or for an ACM pseudo-DOI its page in the ACM Digital Library. */
export function doiAddress(doi: string): string {
  return isAcmPseudoDoi(doi) ? `https://dl.acm.org/doi/${doi}` : `https://doi.org/${doi}`;
}

/** `10.48550/arxiv.<id>` is arXiv's own DOI for every paper: it names the arXiv paper. */
export function arxivIdFromDoi(doi: string): ArxivId | null {
  const m = /^10\.48550\/arxiv\.(.+)$/i.exec(doi);
  return m ? parseArxivId(m[1]!) : null;
}

/**
 * The DOI a page gives for a paper (a journal's or a proceedings'), lowercased, or null: arXiv's own DOI
 * (10.48550/arXiv.<id>) is not one, since every arXiv paper has it and it follows from the paper's id.
 */
export function journalDoi(text: string | null | undefined): string | null {
  const doi = text ? parseDoi(text) : null;
  return doi && !arxivIdFromDoi(doi) ? doi : null;
}

/**
 * An ACL Anthology id. New style (2020 on): `<year>.<venue>-<volume>.<paper>`, all lowercase, e.g. `2023.acl-long.1`,
 * `2020.emnlp-main.550`, `2022.findings-acl.12`, `2022.in2writing-1.1`. Old style: a letter, a two-digit year and a
 * four-digit number, e.g. `P17-1001`, `W19-5301`. https://aclanthology.org/info/ids/
 */
export const ACL_ANTHOLOGY_ID = String.raw`\d{4}\.[a-z0-9]+(?:-[a-z0-9]+)+\.\d+|[A-Z]\d{2}-\d{4}`;
const ACL_ID_RE = new RegExp(String.raw`^(?:${ACL_ANTHOLOGY_ID})$`);
/** The DOI prefix the ACL gives its papers (`10.18653/v1/<anthology id>`); older ACL DOIs (10.3115/…) do not name the id. */
const ACL_DOI_PREFIX = '10.18653/v1/';

/** Whether `id` is a well-formed ACL Anthology paper id (case matters: old-style ids start with a capital). */
export function isAclAnthologyId(id: string): boolean {
  return ACL_ID_RE.test(id);
}

/**
 * The anthology id an ACL DOI names (`10.18653/v1/2023.acl-long.1` → `2023.acl-long.1`, `10.18653/V1/P17-1001` →
 * `P17-1001`), else null. parseDoi lowercases DOIs, so the old-style letter is restored to a capital.
 */
export function aclAnthologyIdFromDoi(doi: string): string | null {
  if (doi.slice(0, ACL_DOI_PREFIX.length).toLowerCase() !== ACL_DOI_PREFIX) return null;
  const rest = doi.slice(ACL_DOI_PREFIX.length);
  const id = /^[a-z]\d{2}-\d{4}$/i.test(rest) ? rest.toUpperCase() : rest.toLowerCase();
  return isAclAnthologyId(id) ? id : null;
}

/**
 * Whether an anthology id is a volume's front matter (its own entry, not a paper): new-style ids ending in `.0`;
 * old-style ids with paper number 0 (W volumes have two digits, so `W19-4200`, as have C69 and the D19 workshop
 * volumes from 5 on, so `D19-5700`: acl-org/acl-anthology's parse_id; others one, so `P19-1000`).
 */
export function isAclFrontMatter(id: string): boolean {
  return /\.0$/.test(id) || /^(?:W\d{2}-\d|C69-\d|D19-[5-9])\d00$/.test(id) || /^[A-VX-Z]\d{2}-\d000$/.test(id);
}

/** The ACL DOI of an anthology id (the inverse of aclAnthologyIdFromDoi). */
export function aclAnthologyDoi(id: string): string {
  return `${ACL_DOI_PREFIX}${id}`;
}

/**
 * Every prefix a canonical id can have: arXiv, DOI, `import` (a citation-file record with neither, keyed by title
 * and year) and each site adapter's id (checked by the conventions test).
 */
export const ID_PREFIXES = ['arxiv', 'doi', 'import', 'huggingface', 'alphaxiv', 'openreview', 'semanticscholar', 'scholar', 'aclanthology', 'pmlr', 'neurips', 'cvf', 'dblp'] as const;
const KNOWN_PREFIXES = new Set<string>(ID_PREFIXES);

/** An id of a kind Papershelf gives (its prefix one of ID_PREFIXES). */
export function hasIdPrefix(id: string): boolean {
  return KNOWN_PREFIXES.has(id.slice(0, id.indexOf(':')));
}

export interface IdentityHints {
  arxiv?: string | null;
  doi?: string | null;
  /** A venue's id for the paper (`pmlr:v202/smith23a`, from venues.ts), when a link or the page names one. */
  venue?: string | null;
  /**
   * Other ids the page names for the same paper that never make its id (a second venue's, its OpenReview forum beside
   * its PMLR page; the dblp entry a BibTeX cite key names): only aliases (paperIdentity), after the site's own key.
   */
  otherIds?: readonly (string | null | undefined)[];
  /** The adapter id, for the fallback `<site>:<siteId>`. */
  site: string;
  siteId?: string | null;
}

/**
 * The canonical id of a paper known by a DOI (already parsed): DOIs that name an arXiv paper or an ACL Anthology
 * paper give that paper's id, so a paper found by DOI on one page and by its own id on another is one paper.
 */
export function idFromDoi(doi: string): string {
  const arxiv = arxivIdFromDoi(doi);
  if (arxiv) return `arxiv:${arxiv.id}`;
  const acl = aclAnthologyIdFromDoi(doi);
  return acl ? `aclanthology:${acl}` : `doi:${doi}`;
}

/**
 * The canonical id: arXiv first, then DOI, then a venue's id (a proceedings or OpenReview page the paper is linked
 * to), then the site's own id. Null when nothing identifies the paper.
 */
export function canonicalId(hints: IdentityHints): string | null {
  const arxiv = hints.arxiv ? parseArxivId(hints.arxiv) : null;
  if (arxiv) return `arxiv:${arxiv.id}`;
  const doi = hints.doi ? parseDoi(hints.doi) : null;
  if (doi) return idFromDoi(doi);
  const venue = hints.venue?.trim();
  if (venue) return venue;
  const siteId = hints.siteId?.trim();
  return siteId ? `${hints.site}:${siteId}` : null;
}

/**
 * The id canonicalId gives today for an id an older build may have stored or exported: an arXiv id without its
 * version and subject class (`arxiv:math.GT/0309136v2` → `arxiv:math/0309136`, schema v6), a DOI id that names an
 * arXiv or ACL Anthology paper as that paper's id (`doi:10.18653/v1/2023.acl-long.1` → `aclanthology:2023.acl-long.1`,
 * schema v4), a DOI lowercased and without a closing slash or full stop (`doi:10.1145/3065386/`, schema v11). Any
 * other id is returned as it is.
 */
export function currentId(id: string): string {
  if (id.startsWith('arxiv:')) {
    const arxiv = parseArxivId(id.slice('arxiv:'.length));
    return arxiv ? `arxiv:${arxiv.id}` : id;
  }
  if (id.startsWith('doi:')) {
    const doi = trimmedDoi(id.slice('doi:'.length));
    return isDoi(doi) ? idFromDoi(doi.toLowerCase()) : id;
  }
  return id;
}

/**
 * The DOI a canonical id carries, for exports: the DOI of a `doi:` id, and the ACL DOI of an `aclanthology:` id
 * (such ids stand for `10.18653/v1/<id>` since ACL DOIs were mapped to them); null for everything else.
 */
export function doiOf(canonical: string): string | null {
  if (canonical.startsWith('doi:')) return canonical.slice('doi:'.length);
  const acl = canonical.startsWith('aclanthology:') ? canonical.slice('aclanthology:'.length) : null;
  return acl && hasAclDoi(acl) ? aclAnthologyDoi(acl) : null;
}

/** Venues of new-style ids (`<year>.<venue>-…`) whose papers carry 10.18653/v1 DOIs. */
const ACL_DOI_VENUES = new Set(['acl', 'emnlp', 'naacl', 'eacl', 'aacl', 'findings', 'conll', 'semeval', 'wmt']);

/**
 * Whether the ACL gave this anthology paper a 10.18653/v1 DOI, as far as its id tells: ACL's own conferences from
 * 2017 on (old-style P/D/N/E/K/S/W 17-19, and the main venues above since 2020). Others (LREC, COLING, TACL and
 * CL, whose DOIs are MIT Press's, workshops since 2020, anything before 2017) get none rather than a DOI that may not exist.
 */
export function hasAclDoi(id: string): boolean {
  if (!isAclAnthologyId(id)) return false;
  const old = /^([PDNEKSW])(\d{2})-/.exec(id);
  if (old) return Number(old[2]) >= 17 && Number(old[2]) <= 19;
  const fresh = /^(\d{4})\.([a-z0-9]+)-/.exec(id);
  return !!fresh && Number(fresh[1]) >= 2020 && ACL_DOI_VENUES.has(fresh[2]!);
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

/** An anthology paper's page, the address its adapter gives it (`https://aclanthology.org/2023.acl-long.1/`). */
export function aclAnthologyUrl(id: string): string {
  return `https://aclanthology.org/${id}/`;
}

/** An anthology paper's PDF (its latest revision; `<id>v1.pdf` names the first). */
export function aclAnthologyPdfUrl(id: string): string {
  return `https://aclanthology.org/${id}.pdf`;
}
