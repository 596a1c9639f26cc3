// Venue ids: the id a proceedings or review site gives a paper, read from any address of that paper there (its page,
// its PDF, its supplement). The venue's own adapter and every listing that links the paper (dblp's electronic
// editions, a Scholar result's title and [PDF] links, a Semantic Scholar row, an imported record's URL) use these
// rules, so a paper without an arXiv id or DOI is one paper whichever of those pages it is saved from.
// Facts: ../../README.md#features ("A paper has one id wherever it is found") and each venue's address scheme below.
import { ACL_ANTHOLOGY_ID, isAclAnthologyId, webUrl } from './ids';

export type VenueSite = 'aclanthology' | 'pmlr' | 'neurips' | 'cvf' | 'openreview';

export interface VenuePaper {
  site: VenueSite;
  /** The id after `<site>:`, as the venue's adapter gives it. */
  siteId: string;
}

/** Which venue names a paper that several links name: a proceedings' own page before a review site's forum. */
export const VENUE_PRECEDENCE: readonly VenueSite[] = ['aclanthology', 'pmlr', 'neurips', 'cvf', 'openreview'];
/** Longer addresses and ids are no venue's: nothing is read from them (and no id is made that storage would refuse). */
const MAX_HREF = 2048;
const MAX_SITE_ID = 200;

// ---- PMLR -----------------------------------------------------------------------------------------------------------
// /v202/smith23a.html; PDFs /v202/smith23a/smith23a.pdf (older volumes /v37/ioffe15.pdf) and supplements
// (…-supp.pdf, .zip); reissued volumes /r12/…; the same paths under jmlr.org/proceedings/papers (JMLR W&CP, before
// PMLR). Key: `v202/smith23a`.
const PMLR_HOST = /^proceedings\.mlr\.press$/;
const JMLR_HOST = /^(?:www\.)?jmlr\.org$/;
const PMLR_PATH = /^\/([vr]\d+)\/([A-Za-z0-9_-]+?)(?:\.html|(?:-supp)?\.(?:pdf|zip)|\/\2(?:-supp)?\.(?:pdf|zip))$/;

function pmlr(host: string, path: string): string | null {
  const rest = PMLR_HOST.test(host) ? path : JMLR_HOST.test(host) ? /^\/proceedings\/papers(\/.*)$/.exec(path)?.[1] : undefined;
  const m = rest ? PMLR_PATH.exec(rest) : null;
  return m ? `${m[1]}/${m[2]}` : null;
}

// ---- NeurIPS --------------------------------------------------------------------------------------------------------
// /paper_files/paper/2023/hash/<hash>-Abstract-Conference.html, …/file/<hash>-Paper-Conference.pdf,
// -Supplemental[-<track>].pdf|zip, -Bibtex.bib, -Reviews.html…; /paper/2020/hash/… before 2023. Key: `<year>/<hash>`.
// The older /paper/7181-attention-is-all-you-need names a number no later page gives, so it is no venue id.
const NEURIPS_HOST = /^(?:proceedings\.neurips\.cc|papers\.nips\.cc|papers\.neurips\.cc)$/;
const NEURIPS_KINDS = 'Abstract|Paper|Supplemental|Bibtex|Reviews|Review|MetaReview|AuthorFeedback';
const NEURIPS_PATH = new RegExp(
  String.raw`^/(?:paper_files/)?paper/(\d{4})/(?:hash|file)/([0-9a-f]{32})-(?:${NEURIPS_KINDS})(?:-\w+)?\.(?:html|pdf|zip|bib)$`,
  'i',
);

function neurips(host: string, path: string): string | null {
  const m = NEURIPS_HOST.test(host) ? NEURIPS_PATH.exec(path) : null;
  return m ? `${m[1]}/${m[2]!.toLowerCase()}` : null;
}

// ---- OpenReview -----------------------------------------------------------------------------------------------------
// /forum?id=<id> (a reply's `noteId` is not the paper), /pdf?id=<id>, /attachment?id=<id>&name=…. Key: the note id.
const OPENREVIEW_HOST = /^(?:www\.)?openreview\.net$/;
const NOTE_ID = /^[\w-]+$/; // note ids; venue forums (ICLR.cc/2024/Conference) are not papers

function openreview(host: string, path: string, params: URLSearchParams): string | null {
  if (!OPENREVIEW_HOST.test(host) || !/^\/(?:forum|pdf|attachment)\/*$/.test(path)) return null;
  const id = params.get('id') ?? '';
  const noteId = params.get('noteId');
  return NOTE_ID.test(id) && (!noteId || noteId === id) ? id : null;
}

/** The forum id an OpenReview address names (forum, PDF or attachment), else null. */
export function openReviewId(href: string, base?: string): string | null {
  const found = venuePaperFromUrl(href, base);
  return found?.site === 'openreview' ? found.siteId : null;
}

// ---- CVF open access ------------------------------------------------------------------------------------------------
// /content/CVPR2024/html/<Name>_paper.html, …/papers/<Name>_paper.pdf, …/supplemental/<Name>_supplemental.pdf|zip;
// workshops /content/CVPR2024W/<ws>/html/…; before 2020 /content_ICCV_2019/html/…, /content_CVPRW_2019/html/<ws>/…,
// and 2017-2018 workshops /content_cvpr_2018_workshops/<ws>/html/…, …/papers/<ws>/….
// Key: <Name> (it holds the conference and year: `Okafor_Open-Vocabulary_…_CVPR_2024`).
const CVF_HOST = /^openaccess\.thecvf\.com$/;
const CVF_PATH =
  /^\/content[/_][A-Za-z]+?W?_?\d{4}(?:W|_workshops)?\/(?:[^/]+\/)?(?:html|papers|supplemental)\/(?:[^/]+\/)?([^/]+?)_(?:paper\.(?:html|pdf)|supplemental\.[A-Za-z0-9]+)$/i;

function cvf(host: string, path: string): string | null {
  return CVF_HOST.test(host) ? (CVF_PATH.exec(path)?.[1] ?? null) : null;
}

// ---- ACL Anthology --------------------------------------------------------------------------------------------------
// /<anthology id>/, /<anthology id>.pdf (revisions …v2.pdf); before 2020 aclweb.org/anthology/<id>[.pdf|/],
// /anthology/P/P17/P17-1001.pdf, and the 2018-2019 site's paper pages /anthology/papers/N/N19/N19-1423/ (still in many
// references). Key: the anthology id (front matter, `….0`, is the volume's own entry: the adapter's lists skip it, but
// its page has this id too).
const ACL_HOST = /^(?:www\.)?aclanthology\.org$/;
const ACLWEB_HOST = /^(?:www\.)?aclweb\.org$/;
const ACL_PATH = new RegExp(String.raw`^/(?:(?:papers/)?[A-Z]/[A-Z]\d{2}/)?(${ACL_ANTHOLOGY_ID})(?:v\d+)?(?:\.pdf|/)?$`, 'i');

function aclanthology(host: string, path: string): string | null {
  const rest = ACL_HOST.test(host) ? path : ACLWEB_HOST.test(host) ? /^\/anthology(\/.*)$/.exec(path)?.[1] : undefined;
  const raw = rest ? ACL_PATH.exec(rest)?.[1] : undefined;
  if (!raw) return null;
  // Old-style ids start with a capital (P17-1001), new-style ones are lowercase (2023.acl-long.1).
  const id = /^[a-z]\d{2}-\d{4}$/i.test(raw) ? raw.toUpperCase() : raw.toLowerCase();
  return isAclAnthologyId(id) ? id : null;
}

// ---- All ------------------------------------------------------------------------------------------------------------

/** The venue paper an http(s) address names (relative ones resolved against `base`), else null. */
export function venuePaperFromUrl(href: string, base?: string): VenuePaper | null {
  if (href.length > MAX_HREF) return null;
  let url: URL | null;
  try {
    url = webUrl(new URL(href.trim(), base).href);
  } catch {
    return null;
  }
  if (!url) return null;
  const host = url.hostname.toLowerCase();
  const path = url.pathname;
  const found: [VenueSite, string | null][] = [
    ['pmlr', pmlr(host, path)],
    ['neurips', neurips(host, path)],
    ['openreview', openreview(host, path, url.searchParams)],
    ['cvf', cvf(host, path)],
    ['aclanthology', aclanthology(host, path)],
  ];
  const hit = found.find(([, siteId]) => siteId && siteId.length <= MAX_SITE_ID);
  return hit ? { site: hit[0], siteId: hit[1]! } : null;
}

/** `<site>:<key>` for the venue paper an address names, else null. */
export function venueIdFromUrl(href: string, base?: string): string | null {
  const found = venuePaperFromUrl(href, base);
  return found ? `${found.site}:${found.siteId}` : null;
}

/**
 * The venue id the links of one entry name (its page, PDF or supplement; never author or venue links, which the
 * caller leaves out): a proceedings' page before an OpenReview forum, whatever order the links come in.
 */
export function venueIdFromUrls(hrefs: Iterable<string | null | undefined>, base?: string): string | null {
  return venueIdsFromUrls(hrefs, base)[0] ?? null;
}

/**
 * Every venue id the links of one entry name, each once, in venueIdFromUrls's order: the first is the paper's venue
 * id, the others are ids it has on other venues' pages (a dblp entry linking its PMLR page and its OpenReview forum).
 */
export function venueIdsFromUrls(hrefs: Iterable<string | null | undefined>, base?: string): string[] {
  const found: VenuePaper[] = [];
  for (const href of hrefs) {
    const paper = href ? venuePaperFromUrl(href, base) : null;
    if (paper) found.push(paper);
  }
  // A stable sort: of two links to the same venue, the first one's paper comes first.
  found.sort((a, b) => VENUE_PRECEDENCE.indexOf(a.site) - VENUE_PRECEDENCE.indexOf(b.site));
  return [...new Set(found.map((paper) => `${paper.site}:${paper.siteId}`))];
}
