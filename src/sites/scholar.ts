// Google Scholar (issue #3): result lists (/scholar?q=, ?cites=, ?cluster=, Advanced search ?as_q=…) and profiles (/citations?user=).
// Server-rendered; a profile's "Show more" appends rows to tbody#gsc_a_b by XHR, so findCards takes any subtree.
// Markup: DOM-NOTES.md §5, checked on saved 2026 and 2016 result pages and a 2020 profile (test/fixtures/scholar/).
// Decisions: `abstract` stays null (the `div.gs_rs` snippet is query-dependent fragments joined by "…", not the
// abstract); `published` is the year alone, all a byline or a profile row gives; `authorCount` stays null (Scholar never
// shows a count): a list cut with "…" keeps the shown names and is marked cut (`authorsCut`), so it is not taken for all.
import { arxivIdFromUrl, arxivPdfUrl, canonicalId, doiFromUrl, parseArxivId } from '../core/ids';
import { publisherDoi } from '../core/publishers';
import { paperIdentity } from '../core/aliases';
import { emptyPaper, normalizeSpace, ownDoi, type Paper } from '../core/paper';
import { venueIdsFromUrls } from '../core/venues';
import { httpUrl, textOf } from './common';
import type { SiteAdapter } from './types';
import { SITE_NAMES } from './names';

// ---- Result lists -------------------------------------------------------------------------------------------------
const RESULTS = [
  'div.gs_r[data-cid]', // 2026 markup: div.gs_r.gs_or.gs_scl[data-cid] (the Cite dialog has data-cid too, not .gs_r)
  'div.gs_r', // 2016 markup: no data-cid; alert, user-profile and "did you mean" rows are dropped by isResult
];
const RESULT_TITLE = 'h3.gs_rt'; // marker spans ("[PDF]", "[BOOK]", "[CITATION]") + title link (none for [CITATION])
const RESULT_BYLINE = 'div.gs_a'; // "authors - venue, year - host": only real results have one
const PROFILES_ROW = 'h3.gs_rt a[href^="/citations?"]'; // "User profiles for …" row above the results [U]
const SIDE_LINKS = [
  'div.gs_or_ggsm a', // 2026 markup: "[PDF] academia.edu", "[HTML] mdpi.com"
  'div.gs_ggs a', // 2016 markup: div.gs_ggs > div.gs_md_wp > a "[PDF] from sanghv.com"
];
const CLUSTER_PARAMS = ['cluster', 'cites'] as const; // 2016 markup: "All N versions", "Cited by N" links (decimal id)
// What a result page is for: a query, a paper's citations or versions, or the Advanced search dialog's text fields
// (form#gs_asd_frm submits as_q, as_epq, … to /scholar without q). A year range alone (as_ylo) finds nothing.
const SEARCH_PARAMS = ['q', 'cites', 'cluster', 'as_q', 'as_epq', 'as_oq', 'as_sauthors', 'as_publication'] as const;
// The h3's type markers sit in their own span (2016 and 2026 markup), written in the page's language (hl=de: "[BUCH]",
// "[ZITATION]"): the span is dropped whatever it says; MARKERS catches English ones written as bare text.
const MARKER_SPANS = 'span.gs_ctc, span.gs_ctu';
const MARKERS = /^(?:\s*\[(?:PDF|HTML|BOOK|B|CITATION|C|DOC|PS)\])+\s*/; // h3 prefix, doubled in 2026 ("[HTML][HTML]")
const PDF_MARKER = /^\s*\[PDF\]/;
// Venue "arXiv preprint arXiv:1706.03762", "CoRR, abs/1206.5538"; an old-style id has no "arXiv:" ("arXiv preprint hep-th/9603042").
const BYLINE_ARXIV = /\b(?:arXiv:\s*|arXiv preprint\s+(?:arXiv:\s*)?|CoRR,?\s+abs\/)([\w./-]+)/i;
// ---- Profiles -----------------------------------------------------------------------------------------------------
const PROFILE_ROW = 'tr.gsc_a_tr'; // 2020 markup; "Show more" appends the same rows
const PROFILE_TITLE = 'a.gsc_a_at'; // 2020 markup: href="javascript:void(0)", the citation URL in data-href
const PROFILE_LINK_ATTRS = ['href', 'data-href'] as const;
const PROFILE_GRAY = 'div.gs_gray'; // first: authors ("…, ..." when cut); second: venue + span.gs_oph ", 2005"
const PROFILE_YEAR = 'td.gsc_a_y'; // the year column ("2005"; empty for an undated row)
const VENUE_YEAR = /,\s*(\d{4})$/; // the gs_oph suffix narrow screens show instead of the column

// ---- Hosts -------------------------------------------------------------------------------------------------------
/**
 * Scholar is served on Google's country domains too. MV3 match patterns cannot wildcard a TLD, so the content script
 * (and the one permission request for Google Scholar) covers this curated list; `pageKind` accepts any host of the
 * shape of a Google country domain (`google.<cc>`, `google.co.<cc>`, `google.com.<cc>`) for the CLI. Not
 * scholar.google.cn (discontinued).
 */
const COUNTRY_TLDS = [
  ...['co.uk', 'de', 'fr', 'ca', 'com.au', 'co.jp', 'co.in', 'com.br', 'es', 'it', 'nl', 'ch', 'se', 'co.kr', 'com.hk', 'com.tw'],
  ...['ru', 'pl', 'at', 'be', 'dk', 'fi', 'no', 'pt', 'cz', 'gr', 'co.il', 'com.sg', 'co.nz', 'com.mx', 'com.ar', 'cl'],
  ...['co.za', 'com.tr', 'ie'],
];
export const SCHOLAR_HOSTS = ['scholar.google.com', ...COUNTRY_TLDS.map((tld) => `scholar.google.${tld}`)];
const SCHOLAR_HOST = /^scholar\.google\.(?:com|[a-z]{2}|co\.[a-z]{2}|com\.[a-z]{2})$/;

export interface ScholarContext {
  page: string;
  base: string; // the page URL, for relative links
}

/** A result's byline; `truncated`: the author list ended in "…" (results) or "..." (profiles). */
export interface Byline { authors: string[]; truncated: boolean; venue: string | null; year: number | null; host: string | null }

const YEAR = String.raw`(?:1[5-9]|20)\d{2}`; // Scholar lists old books too
const YEAR_END = new RegExp(String.raw`(?:^|,\s*)(${YEAR})$`);
const WHOLE_YEAR = new RegExp(String.raw`^${YEAR}$`); // a profile row's year column
const ELLIPSIS_END = /\s*(?:…|\.\.\.)$/;

/** "AA Salema, FN Ani… - Industrial Crops and …, 2013 - Elsevier" (also "names - venue, year", "names - host"). */
export function parseByline(text: string): Byline {
  const [names = '', ...rest] = normalizeSpace(text).split(' - ');
  // Two parts: "names - venue, year" or "names - host"; three or more: the last is the host.
  const host = rest.length >= 2 || (rest.length === 1 && !YEAR_END.test(rest[0]!)) ? rest.pop()! : null;
  const middle = rest.join(' - ');
  const m = YEAR_END.exec(middle);
  return {
    ...splitAuthors(names),
    venue: (m ? middle.slice(0, m.index) : middle).trim() || null,
    year: m ? Number(m[1]) : null,
    host: host || null,
  };
}

/** "A, B, C…" (results) or "A, B, ..." (profiles): the shown names, and whether the list was cut. */
function splitAuthors(names: string): { authors: string[]; truncated: boolean } {
  const authors = names.replace(ELLIPSIS_END, '').split(',').map((n) => n.trim());
  return { authors: authors.filter((n) => n && !ELLIPSIS_END.test(n)), truncated: ELLIPSIS_END.test(names) };
}

/** `cluster=8981356803495928007` is `data-cid="x6BpcW0wpHwJ"`: base64url of the 64-bit id, little-endian, + 0x09. */
export function clusterToCid(decimal: string): string | null {
  if (!/^\d{1,20}$/.test(decimal) || BigInt(decimal) >= 1n << 64n) return null;
  let n = BigInt(decimal);
  const bytes: number[] = [];
  for (let i = 0; i < 8; i++, n >>= 8n) bytes.push(Number(n & 0xffn));
  return btoa(String.fromCharCode(...bytes, 9)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The root itself when it is a card, then every card under it, in document order. */
function within(root: ParentNode, selector: string): Element[] {
  const self = root.nodeType === 1 && (root as Element).matches(selector) ? [root as Element] : [];
  return [...self, ...root.querySelectorAll(selector)];
}

const isResult = (el: Element) =>
  !!el.querySelector(RESULT_TITLE) && !!el.querySelector(RESULT_BYLINE) && !el.querySelector(PROFILES_ROW);

/** 2016 markup: the id from the first "All N versions" / "Cited by N" link, in the data-cid spelling. */
function clusterCid(card: Element, base: string): string | null {
  const ids = CLUSTER_PARAMS.flatMap((param) =>
    [...card.querySelectorAll(`a[href*="${param}="]`)].map((a) => {
      const href = httpUrl(a.getAttribute('href'), base);
      return clusterToCid((href && new URL(href).searchParams.get(param)) ?? '');
    }),
  );
  return ids.find(Boolean) ?? null;
}

function extractResult(card: Element, ctx: ScholarContext): Paper | null {
  const h3 = card.querySelector(RESULT_TITLE);
  const titleLink = h3?.querySelector('a') ?? null;
  const url = httpUrl(titleLink?.getAttribute('href'), ctx.base);
  const side = SIDE_LINKS.map((sel) => card.querySelector(sel)).find(Boolean) ?? null;
  const sideUrl = httpUrl(side?.getAttribute('href'), ctx.base);
  // Only the outbound links: Scholar's own links repeat the query (`scioq=`), which may itself be a DOI.
  const outbound = [url, sideUrl].filter((u): u is string => !!u);
  const byline = parseByline(textOf(card.querySelector(RESULT_BYLINE)));
  const named = BYLINE_ARXIV.exec(byline.venue ?? '')?.[1];
  const arxiv = outbound.map((u) => arxivIdFromUrl(u)?.id).find(Boolean) ?? (named && parseArxivId(named)?.id);
  // A publisher's own address scheme first (MIT Press puts more after the DOI; Nature's and IJCAI's follow from it).
  const doi = outbound.map((u) => publisherDoi(u) ?? doiFromUrl(u)).find(Boolean);
  // A PMLR, NeurIPS, OpenReview, CVF or ACL Anthology page or PDF; a second venue's (its forum beside its PMLR PDF) is an alias.
  const [venue, ...otherVenues] = venueIdsFromUrls(outbound);
  const identity = paperIdentity({
    arxiv,
    doi,
    venue,
    otherIds: otherVenues,
    site: 'scholar',
    siteId: card.getAttribute('data-cid') ?? clusterCid(card, ctx.base),
  });
  const rawTitle = textOf(h3);
  const shown = h3 ? [...h3.childNodes].filter((n) => !(n.nodeType === 1 && (n as Element).matches(MARKER_SPANS))) : [];
  const title = normalizeSpace(shown.map((n) => n.textContent).join('').replace(MARKERS, ''));
  if (!identity || !title) return null;
  const pdfUrl = PDF_MARKER.test(rawTitle) ? url : sideUrl && PDF_MARKER.test(textOf(side)) ? sideUrl : null;
  return {
    ...emptyPaper(identity.id, title, { site: 'scholar', page: ctx.page }),
    doi: ownDoi(doi, identity.id),
    aliases: identity.aliases,
    authors: byline.authors,
    ...(byline.truncated && byline.authors.length ? { authorsCut: true as const } : {}),
    published: byline.year === null ? null : String(byline.year),
    venue: byline.venue,
    url,
    pdfUrl: pdfUrl ?? (arxiv ? arxivPdfUrl(arxiv) : null),
  };
}

function extractProfileRow(row: Element, ctx: ScholarContext): Paper | null {
  const link = row.querySelector(PROFILE_TITLE);
  const urls = PROFILE_LINK_ATTRS.map((attr) => httpUrl(link?.getAttribute(attr), ctx.base));
  const url = urls.find((u) => u && new URL(u).searchParams.get('citation_for_view')) ?? null;
  const id = canonicalId({ site: 'scholar', siteId: url && new URL(url).searchParams.get('citation_for_view') });
  const title = textOf(link);
  if (!id || !title) return null;
  const [authors = '', venue = ''] = [...row.querySelectorAll(PROFILE_GRAY)].map(textOf);
  const year = [textOf(row.querySelector(PROFILE_YEAR)), VENUE_YEAR.exec(venue)?.[1]].find((y) => y && WHOLE_YEAR.test(y));
  const names = splitAuthors(authors);
  return {
    ...emptyPaper(id, title, { site: 'scholar', page: ctx.page }),
    authors: names.authors,
    ...(names.truncated && names.authors.length ? { authorsCut: true as const } : {}),
    published: year ?? null,
    venue: venue.replace(VENUE_YEAR, '').trim() || null, // drop the ", 2005" narrow-screen suffix
    url,
  };
}

function pageKind(url: URL): string | null {
  if (url.protocol !== 'https:' || !SCHOLAR_HOST.test(url.hostname)) return null;
  const q = (name: string) => !!url.searchParams.get(name)?.trim();
  if (url.pathname === '/scholar') return SEARCH_PARAMS.some(q) ? 'search' : null;
  if (url.pathname !== '/citations' || !q('user')) return null;
  const view = url.searchParams.get('view_op');
  return !view || view === 'list_works' ? 'profile' : null;
}

export const scholar: SiteAdapter<ScholarContext> = {
  id: 'scholar',
  name: SITE_NAMES.scholar,
  matches: SCHOLAR_HOSTS.flatMap((host) => [`https://${host}/scholar*`, `https://${host}/citations*`]),

  pageKind,

  context(_doc, url) {
    return { page: pageKind(url) ?? 'unknown', base: url.href };
  },

  findCards(root, ctx) {
    if (ctx.page === 'profile') return within(root, PROFILE_ROW).filter((row) => row.querySelector(PROFILE_TITLE));
    return ctx.page === 'search' ? within(root, RESULTS.join(', ')).filter(isResult) : [];
  },

  extract(card, ctx) {
    return card.matches(PROFILE_ROW) ? extractProfileRow(card, ctx) : extractResult(card, ctx);
  },

  mountPoint(card) {
    // After the h3 (results) or the title link (profiles): below the title, outside any link.
    const title = card.querySelector(`${RESULT_TITLE}, ${PROFILE_TITLE}`);
    const after = title?.closest('a') ?? title;
    return after?.parentElement ? { parent: after.parentElement, before: after.nextSibling } : { parent: card, before: null };
  },
};

// Live URLs the fixtures stand for (test/fixtures/scholar/):
// - https://scholar.google.com/scholar?q=microwave+dielectric+properties+biomass   10 results, 2026 (search-2026.html)
// - https://scholar.google.com/scholar?q=%22Learning+deep+architectures+for+AI%22  2016 markup (search-2016.html)
// - https://scholar.google.com/scholar?q=%22Unsupervised+feature+learning...%22     2016, [CITATION] (search-2016-citation.html)
// - https://scholar.google.com/citations?user=A5NhLJkAAAAJ&hl=en                  profile, 20 rows (profile-2020.html)
// - the rows "Show more" appends to that profile (profile-show-more-rows.html, constructed)
// - https://scholar.google.com/scholar?q=attention+is+all+you+need               arXiv/DOI/book rows, chrome rows (search-variants.html, constructed)
// - https://scholar.google.com/scholar?q=exploration                            rows linking venue pages (search-venues.html, constructed)
// - https://scholar.google.com/scholar?q=xqzvwkjh+flurbo                         no results (search-empty.html, constructed)
// - https://scholar.google.de/scholar?q=microwave+dielectric+properties+biomass  the 2026 page on a country domain (search-2026.html)
