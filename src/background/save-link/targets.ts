// Which links get "Save to reading list" (contextMenus `targetUrlPatterns`), and what paper a link names.
// Match-pattern paths are matched against path + query in Chrome and Firefox, so `forum?id=*` works.
import { arxivIdFromUrl, parseDoi, webUrl } from '../../core/ids';
import { openReviewId } from '../../core/venues';

export type LinkTarget =
  /** `version`: the one the link names (`/pdf/<id>v2`), what the reader will see; the paper is the id. */
  | { kind: 'arxiv'; id: string; version?: number | null }
  | { kind: 'openreview'; id: string }
  | { kind: 'doi'; doi: string };

const ARXIV_HOSTS = ['arxiv.org', 'www.arxiv.org', 'export.arxiv.org', 'browse.arxiv.org'];
const ARXIV_PATHS = ['abs', 'pdf', 'html'];
/** ar5iv, arXiv's HTML view of its papers before arxiv.org/html/ (still linked from many pages). */
const AR5IV_HOSTS = ['ar5iv.labs.arxiv.org', 'ar5iv.org'];

/** Links the menu item appears on. A pattern can over-match (`/papers/trending`); identifyLink decides. */
export const LINK_PATTERNS: string[] = [
  // `*://` is http and https: old pages still link http://arxiv.org/abs/...
  ...ARXIV_HOSTS.flatMap((host) => ARXIV_PATHS.map((path) => `*://${host}/${path}/*`)),
  ...AR5IV_HOSTS.flatMap((host) => ['html', 'abs'].map((path) => `*://${host}/${path}/*`)),
  'https://huggingface.co/papers/*',
  ...['alphaxiv.org', 'www.alphaxiv.org'].flatMap((host) => [`https://${host}/abs/*`, `https://${host}/overview/*`]),
  'https://openreview.net/forum?id=*',
  'https://openreview.net/pdf?id=*',
  'https://openreview.net/attachment?id=*', // list pages link PDFs this way
  '*://doi.org/*',
  '*://dx.doi.org/*',
];

const DOI_HOSTS = new Set(['doi.org', 'dx.doi.org', 'www.doi.org']);
/** Longer DOIs exist in theory only; the bound keeps the canonical id under PaperSchema's 300 characters. */
const MAX_DOI = 250;

/** The paper a link names, or null for anything else (listing pages, venue forums, non-http URLs). */
export function identifyLink(href: string): LinkTarget | null {
  const url = webUrl(href);
  if (!url) return null;
  const host = url.hostname.toLowerCase();
  if (host === 'openreview.net' || host === 'www.openreview.net') {
    // A paper's forum, PDF or attachment, not a venue's forum; a link to a reply (`noteId`) is to the paper's forum, opened
    // at the reply, and saves the paper (as a list entry linking a reply is no paper entry: venues.ts).
    url.searchParams.delete('noteId');
    const id = openReviewId(url.href);
    return id ? { kind: 'openreview', id } : null;
  }
  if (DOI_HOSTS.has(host)) return doiTarget(url);
  const arxiv = arxivIdFromUrl(url.href);
  return arxiv ? { kind: 'arxiv', id: arxiv.id, version: arxiv.version } : null; // the paper, and the version apart
}

function doiTarget(url: URL): LinkTarget | null {
  let path: string;
  try {
    path = decodeURIComponent(url.pathname.slice(1)).replace(/\/$/, '');
  } catch {
    return null;
  }
  // The DOI must be the whole path: a DOI parseDoi would cut short (SICI `<...>`) names another paper.
  const doi = parseDoi(path);
  return doi && doi === path.toLowerCase() && doi.length <= MAX_DOI ? { kind: 'doi', doi } : null;
}
