// dblp (issue #3): person pages, search results and tables of contents (conference/journal volumes). Static HTML with
// schema.org microdata; search results are appended by script, so findCards also runs on added subtrees.
// Markup: DOM-NOTES.md §11 (li.entry, cite.data span.title, span[itemprop=author], nav.publ electronic-edition links).
import { arxivPdfUrl, parseArxivId } from '../core/ids';
import { paperIdentity } from '../core/aliases';
import { emptyPaper, ownDoi } from '../core/paper';
import { venueIdsFromUrls } from '../core/venues';
import { cardsUnder, idsFromHrefs, parseDateOrYear, textOf } from './common';
import type { SiteAdapter } from './types';
import { SITE_NAMES } from './names';

const ORIGIN = 'https://dblp.org/';
const ENTRY = 'li.entry'; // id = dblp key; type class inproceedings/article/informal/book/incollection/...
const NOT_A_PAPER = '.editor'; // proceedings volumes (the editors' entry heading a TOC or a venue page)
const DATA_HOLDERS = [
  'cite.data', // 2013+ (cite.data.tts-content)
  'div.data', // older template
];
const DATA = DATA_HOLDERS.join(',');
const TITLE = 'span.title'; // "Attention is All you Need." (dblp adds the final ".")
const DATA_TITLE = DATA_HOLDERS.map((d) => `${d} ${TITLE}`).join(',');
const AUTHOR = 'span[itemprop="author"]'; // > a > span[itemprop=name], or span.this-person[itemprop=name] on person pages
const AUTHOR_NAME = '[itemprop="name"]'; // its title attribute holds the full name when the text is abbreviated
const VENUE = 'span[itemprop="isPartOf"] > span[itemprop="name"]'; // "NIPS", "CoRR"; the first isPartOf is the venue
const VOLUME = 'span[itemprop="volumeNumber"]'; // CoRR: "abs/2401.12345"
const DATE = 'span[itemprop="datePublished"]'; // usually a year only ("2017"), kept as that year
const EE_LINKS = [
  'nav.publ li.drop-down div.head a[href]', // first drop-down head: the electronic edition ("view")
  'nav.publ li.ee a[href]', // every electronic edition in the drop-down body
].join(',');
const TOC_HEADING = 'header.headline h1'; // TOC pages: "NIPS 2017: Long Beach, CA, USA" (entries there may lack isPartOf) [U]

export interface DblpContext {
  page: string;
  /** TOC pages: the page heading, the venue of entries that do not name one. */
  tocTitle: string | null;
}

function pageKind(url: URL): string | null {
  if (url.hostname !== 'dblp.org' && url.hostname !== 'dblp.uni-trier.de') return null;
  const path = url.pathname;
  if (/^\/(?:pid|pers)\/.+/.test(path)) return 'person'; // /pid/v/AshishVaswani.html, /pid/12/3456-1.html; /pers/ redirects
  if (/^\/search\/?$/.test(path)) return url.searchParams.get('q')?.trim() ? 'search' : null;
  if (/^\/db\/(?:conf|journals)\/[^/]+\/.*/.test(path)) return 'toc';
  if (/^\/rec\/.+\.html$/.test(path)) return 'record';
  return null;
}

/** "Wei Wang 0001" → "Wei Wang": dblp's homonym number is not part of the name. */
function authorName(el: Element): string {
  const name = el.querySelector(AUTHOR_NAME) ?? el;
  return (name.getAttribute('title') || textOf(name)).replace(/\s+\d{4}$/, '').trim();
}

/** CoRR keys name the arXiv paper: journals/corr/abs-2401-12345 → 2401.12345 (also abs-1706-03762). */
function corrArxivId(key: string, volume: string): string | null {
  const m = /^journals\/corr\/abs-(\d{4})-(\d{4,5})$/.exec(key);
  const fromKey = m ? parseArxivId(`${m[1]}.${m[2]}`)?.id : null;
  return fromKey ?? parseArxivId(volume.replace(/^abs\//, ''))?.id ?? null;
}

export const dblp: SiteAdapter<DblpContext> = {
  id: 'dblp',
  name: SITE_NAMES.dblp,
  matches: ['https://dblp.org/*', 'https://dblp.uni-trier.de/*'],

  pageKind,

  context(doc, url) {
    const page = pageKind(url) ?? 'unknown';
    return { page, tocTitle: page === 'toc' ? textOf(doc.querySelector(TOC_HEADING)) || null : null };
  },

  findCards(root) {
    return cardsUnder(root, ENTRY).filter((entry) => !entry.matches(NOT_A_PAPER) && entry.querySelector(DATA_TITLE));
  },

  extract(card, ctx) {
    const key = card.getAttribute('id')?.trim() ?? '';
    const data = card.querySelector(DATA);
    const title = textOf(data?.querySelector(TITLE)).replace(/\.$/, '');
    if (!key || !data || !title) return null;
    // arXiv id, DOI and venue page (PMLR, NeurIPS, OpenReview, CVF, ACL Anthology) from the electronic-edition links
    // only (never the author or venue links): a paper with neither id is the venue's paper, as on the venue's page.
    const hrefs = Array.from(card.querySelectorAll(EE_LINKS), (a) => a.getAttribute('href'));
    const ee = idsFromHrefs(hrefs, ORIGIN);
    const arxiv = corrArxivId(key, textOf(data.querySelector(VOLUME))) ?? ee.arxiv;
    // The ids that lose to the id are its aliases: the venue's page keys the paper by its own, older builds by dblp's key.
    const [venue, ...otherVenues] = venueIdsFromUrls(hrefs, ORIGIN);
    const identity = paperIdentity({ arxiv, doi: ee.doi, venue, otherIds: otherVenues, site: 'dblp', siteId: key });
    if (!identity) return null;
    const { id, aliases } = identity;
    const date = textOf(data.querySelector(DATE));
    return {
      ...emptyPaper(id, title, { site: 'dblp', page: ctx.page }),
      doi: ownDoi(ee.doi, id),
      aliases,
      authors: Array.from(data.querySelectorAll(AUTHOR), authorName).filter(Boolean),
      published: date ? parseDateOrYear(date, null) : null,
      pdfUrl: arxiv ? arxivPdfUrl(arxiv) : null,
      url: `${ORIGIN}rec/${key}.html`,
      venue: textOf(data.querySelector(VENUE)) || ctx.tocTitle,
    };
  },

  mountPoint(card) {
    // Right after span.title inside cite.data (the title is never a link on dblp).
    const title = card.querySelector(DATA_TITLE);
    if (!title?.parentElement) return { parent: card, before: null };
    return { parent: title.parentElement, before: title.nextSibling };
  },
};

// Live pages the fixtures stand for (test/fixtures/dblp/, all constructed from the documented markup):
// - https://dblp.org/pid/v/AshishVaswani.html        person page (person-vaswani.html)
// - https://dblp.org/pid/00/1234.html                person page whose entries link venue pages (person-venues.html)
// - https://dblp.org/db/conf/nips/nips2017.html       conference TOC (toc-nips2017.html)
// - https://dblp.org/search?q=attention+is+all        search results (search-attention.html)
// - https://dblp.org/pid/00/0000.html                 person without publications (empty.html)
