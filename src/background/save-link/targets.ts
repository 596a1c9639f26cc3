// Which links get "Save to reading list" (contextMenus `targetUrlPatterns`), and what paper a link names: an id an API
// knows, or for PMLR, NeurIPS, CVF and ACL Anthology papers without a DOI (no API) the paper page to read.
// Match-pattern paths are matched against path + query in Chrome and Firefox, so `forum?id=*` works.
import { aclAnthologyDoi, aclAnthologyUrl, arxivIdFromUrl, hasAclDoi, isAclFrontMatter, MAX_DOI, parseDoi, webUrl } from '../../core/ids';
import { PUBLISHER_LINK_PATTERNS, publisherDoi } from '../../core/publishers';
import { openReviewId, venuePaperFromUrl } from '../../core/venues';
import { pageSiteOf, type PageSite } from '../../sites/read-page';
import { SCHOLAR_HOSTS } from '../../sites/scholar';

export type LinkTarget =
  /** `version`: the one the link names (`/pdf/<id>v2`), what the reader will see; the paper is the id. */
  | { kind: 'arxiv'; id: string; version?: number | null }
  | { kind: 'openreview'; id: string }
  /** A doi.org link, an ACL Anthology paper (its ACL DOI), a publisher's page or PDF whose address carries the DOI. */
  | { kind: 'doi'; doi: string }
  /** A paper no API knows (PMLR, NeurIPS, CVF, an anthology paper without an ACL DOI): `url` is its page on that site (https), which is read. */
  | { kind: 'page'; site: PageSite; url: string };

export const ARXIV_HOSTS = ['arxiv.org', 'www.arxiv.org', 'export.arxiv.org', 'browse.arxiv.org'];
/** `format`: the "Other formats" page of one paper, which arxivIdFromUrl reads as that paper too. */
const ARXIV_PATHS = ['abs', 'pdf', 'html', 'format'];
/** ar5iv, arXiv's HTML view of its papers before arxiv.org/html/ (still linked from many pages). */
export const AR5IV_HOSTS = ['ar5iv.labs.arxiv.org', 'ar5iv.org'];
export const OPENREVIEW_HOSTS = ['openreview.net', 'www.openreview.net'];
const ACL_HOSTS = ['aclanthology.org', 'www.aclanthology.org'];
/** The anthology's address until 2020 (`aclweb.org/anthology/P19-1001`), still in many papers' references. */
const ACLWEB_HOSTS = ['aclweb.org', 'www.aclweb.org'];
/**
 * ACL Anthology papers: new-style ids (`/2023.acl-long.1/`, `.pdf`; from 2020, and the older events the anthology
 * took in since, `/1995.iwpt-1.1/`), old-style ones (`/P19-1001/`, `/W17-4201.pdf`, `/P/P19/P19-1001.pdf`), whose
 * two-digit year comes before a `-`. Not the whole site: its author, event and most volume links would offer a save
 * that can only fail.
 */
const ACL_PATHS = ['1*', '20*', ...Array.from({ length: 10 }, (_, digit) => `*${digit}-*`)];
/** jmlr.org's proceedings, PMLR's address before 2017 (the same volumes and keys, venues.ts). */
const JMLR_HOSTS = ['jmlr.org', 'www.jmlr.org'];
const NEURIPS_HOSTS = ['proceedings.neurips.cc', 'papers.nips.cc', 'papers.neurips.cc'];
const DOI_HOSTS = new Set(['doi.org', 'dx.doi.org', 'www.doi.org']);
/**
 * Google Scholar's way out to a paper (`/scholar_url?url=<address>&hl=…&oi=scholaralrt`): every link in a Scholar alert
 * mail, and some result links. The paper is the address it names, read as a link to it would be.
 */
const SCHOLAR_REDIRECT = '/scholar_url';

/** Links the menu item appears on. A pattern can over-match (`/papers/trending`); identifyLink decides. */
export const LINK_PATTERNS: string[] = [
  // `*://` is http and https: old pages still link http://arxiv.org/abs/...
  ...ARXIV_HOSTS.flatMap((host) => ARXIV_PATHS.map((path) => `*://${host}/${path}/*`)),
  ...AR5IV_HOSTS.flatMap((host) => ['html', 'abs'].map((path) => `*://${host}/${path}/*`)),
  // Every host and scheme identifyLink reads as a paper (references in older papers write http:// and www.), so that
  // no link it would save goes without the menu.
  '*://huggingface.co/papers/*',
  ...['alphaxiv.org', 'www.alphaxiv.org'].flatMap((host) => [`*://${host}/abs/*`, `*://${host}/overview/*`]),
  // list pages link PDFs as `attachment`
  ...OPENREVIEW_HOSTS.flatMap((host) => ['forum', 'pdf', 'attachment'].map((path) => `*://${host}/${path}?id=*`)),
  ...[...DOI_HOSTS].map((host) => `*://${host}/*`),
  ...ACL_HOSTS.flatMap((host) => ACL_PATHS.map((path) => `*://${host}/${path}`)),
  ...ACLWEB_HOSTS.flatMap((host) => ACL_PATHS.map((path) => `*://${host}/anthology/${path}`)),
  '*://proceedings.mlr.press/*',
  ...JMLR_HOSTS.map((host) => `*://${host}/proceedings/papers/*`),
  ...NEURIPS_HOSTS.map((host) => `*://${host}/*paper/*`),
  '*://openaccess.thecvf.com/content*',
  ...PUBLISHER_LINK_PATTERNS,
  ...SCHOLAR_HOSTS.map((host) => `*://${host}${SCHOLAR_REDIRECT}?url=*`),
];

/** The paper a link names, or null for anything else (listing pages, venue forums, non-http URLs). */
export function identifyLink(href: string): LinkTarget | null {
  const url = webUrl(href);
  if (!url) return null;
  if (SCHOLAR_HOSTS.includes(url.hostname.toLowerCase())) {
    // One redirect deep: what it leads to is read as any link, and a redirect to another is none.
    const to = url.pathname === SCHOLAR_REDIRECT ? webUrl(url.searchParams.get('url') ?? '') : null;
    return to && !SCHOLAR_HOSTS.includes(to.hostname.toLowerCase()) ? identifyLink(to.href) : null;
  }
  const host = url.hostname.toLowerCase();
  if (OPENREVIEW_HOSTS.includes(host)) {
    // A paper's forum, PDF or attachment, not a venue's forum; a link to a reply (`noteId`) is to the paper's forum, opened
    // at the reply, and saves the paper (as a list entry linking a reply is no paper entry: venues.ts).
    url.searchParams.delete('noteId');
    const id = openReviewId(url.href);
    return id ? { kind: 'openreview', id } : null;
  }
  if (DOI_HOSTS.has(host)) return doiTarget(url);
  if (ACL_HOSTS.includes(host) || ACLWEB_HOSTS.includes(host)) return aclTarget(url);
  const page = paperPage(url);
  if (page) return page;
  const published = publisherDoi(url.href);
  if (published) return walksPath(published) ? null : { kind: 'doi', doi: published };
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
  // The DOI must be the whole path: a DOI parseDoi would cut short (at a character no DOI pattern takes) names another paper.
  const doi = parseDoi(path);
  return doi && doi === path.toLowerCase() && doi.length <= MAX_DOI && !walksPath(doi) ? { kind: 'doi', doi } : null;
}

/**
 * Whether a DOI has a `.` or `..` segment (`10.1234/../../10.5555/x`, from a link's escaped slashes or a query's id):
 * its metadata is asked at `https://doi.org/<doi>`, which the URL parser resolves to another DOI's.
 */
function walksPath(doi: string): boolean {
  return doi.split('/').some((segment) => segment === '.' || segment === '..');
}

/**
 * An anthology paper's page or PDF: by its ACL DOI where the id shows it has one (its metadata comes as JSON, asked
 * of the DOI resolvers a doi.org link asks), else its anthology page, read with the site's adapter as a PMLR page is
 * (older papers, LREC, COLING, TACL and CL, workshops since 2020: the ACL gave them no DOI of its own, and one made up
 * from the id may not exist). Either way the id is the one the paper has on its own page, `aclanthology:<id>` (the
 * DOI maps back to it, idFromDoi). Front matter (a volume's own entry) is no target.
 */
function aclTarget(url: URL): LinkTarget | null {
  const found = venuePaperFromUrl(url.href);
  if (found?.site !== 'aclanthology' || isAclFrontMatter(found.siteId)) return null;
  if (hasAclDoi(found.siteId)) return { kind: 'doi', doi: aclAnthologyDoi(found.siteId) };
  const page = aclAnthologyUrl(found.siteId);
  return pageSiteOf(new URL(page)) === 'aclanthology' ? { kind: 'page', site: 'aclanthology', url: page } : null;
}

/**
 * A PMLR, NeurIPS or CVF paper's page, from a link to it or to its PDF (each site's own address scheme, venues.ts;
 * supplements, BibTeX and reviews are no target), as the https address its site's adapter reads as that paper's page.
 */
function paperPage(url: URL): LinkTarget | null {
  const found = venuePaperFromUrl(url.href);
  const path = url.pathname;
  let page: string | null = null;
  if (found?.site === 'pmlr' && !/-supp\.|\.zip$/i.test(path)) {
    page = `https://proceedings.mlr.press/${found.siteId}.html`;
  } else if (found?.site === 'neurips') {
    // The PDF beside a page: /file/<hash>-Paper<track>.pdf for /hash/<hash>-Abstract<track>.html (the adapter's pdfOf).
    const m = /^\/(?:paper_files\/)?paper\/\d{4}\/(?:hash\/[0-9a-f]{32}-Abstract((?:-\w+)?)\.html|file\/[0-9a-f]{32}-Paper((?:-\w+)?)\.pdf)$/i.exec(path);
    const host = url.hostname === 'papers.nips.cc' ? 'papers.nips.cc' : 'proceedings.neurips.cc';
    const [year, hash] = found.siteId.split('/');
    if (m) page = `https://${host}/paper_files/paper/${year}/hash/${hash}-Abstract${m[1] ?? m[2] ?? ''}.html`;
  } else if (found?.site === 'cvf') {
    // The PDF is in a `papers` folder where the page is in `html`, a workshop's folder on the same side of it, except
    // 2017-2018 workshops: pages /content_cvpr_2018_workshops/<ws>/html/…, PDFs …/papers/<ws>/… (venues.ts).
    const html = /_workshops\//i.test(path)
      ? path.replace(/^(\/[^/]+)\/papers\/([^/]+)\/([^/]+_paper)\.pdf$/i, '$1/$2/html/$3.html')
      : path.replace(/\/papers\/((?:[^/]+\/)?[^/]+_paper)\.pdf$/i, '/html/$1.html');
    if (/\/html\/(?:[^/]+\/)?[^/]+_paper\.html$/i.test(html)) page = `https://openaccess.thecvf.com${html}`;
  }
  const site = page ? pageSiteOf(new URL(page)) : null;
  return page && site === found?.site ? { kind: 'page', site, url: page } : null;
}
