// CSL-JSON (the Citation Style Language data model that Zotero, Mendeley, Pandoc and citation-js share) for a
// saved paper, and a best-effort Paper from any CSL item. Conventions follow what Zotero writes for preprints:
// type `article` (CSL 1.0.2: "preprint, working paper"), `publisher` arXiv, `number` arXiv:<id>, the arXiv DOI
// 10.48550/arXiv.<id> (the paper's own DOI instead when it has one) and the abs URL; the arXiv version seen is CSL
// `version`. The arXiv id and DOI may be ones the paper is known by besides its id (Paper.aliases: a CVF paper's
// arXiv id and IEEE DOI): the item stays what its own id and venue make it, a conference paper with its venue's
// page as URL, and only an arXiv id gives a version or arXiv's DOI. Personal data (status, note) never goes into
// citation data; tags do, as keywords, next to the paper's categories.
import type { Paper } from '../paper';
import { emptyPaper, isPaperVersion, normalizeSpace, ownDoi, paperDate, paperDateParts, withAuthorsCut } from '../paper';
import type { SavedPaper } from '../../storage/schema';
import { arxivAbsUrl, arxivIdFromDoi, doiAddress, arxivIdFromUrl, arxivIdOf, ID_PREFIXES, parseArxivId, parseDoi, safeHttpUrl, webUrl, type ArxivId } from '../ids';
import { arxivIdAndDoi, paperIdentity } from '../aliases';
import { venueIdFromUrl } from '../venues';

export interface CslName {
  family?: string;
  given?: string;
  suffix?: string;
  literal?: string;
  'non-dropping-particle'?: string;
  'dropping-particle'?: string;
}

export interface CslDate {
  'date-parts'?: (number | string)[][];
  raw?: string;
  literal?: string;
}

/** The CSL-JSON variables Papershelf writes and reads; files may carry more (ignored on import). */
export interface CslItem {
  id: string;
  type: string;
  'citation-key'?: string;
  title?: string;
  author?: CslName[];
  issued?: CslDate;
  /** Read when `issued` is missing: citation-js reads a RIS conference record's PY (EndNote writes no DA) as this. */
  'event-date'?: CslDate;
  'container-title'?: string;
  'event-title'?: string;
  /** The conference's name, as CSL 1.0.1 calls it (citation-js reads a RIS conference record's T2 as this). */
  event?: string;
  publisher?: string;
  /** Read for the arXiv id that dblp's CoRR and Semantic Scholar's ArXiv entries give as `abs/<id>` (arxivOf). */
  volume?: string;
  number?: string;
  /** The arXiv version (`3`), as CSL's "version or release number". */
  version?: string;
  DOI?: string;
  URL?: string;
  abstract?: string;
  /** Comma-separated. */
  keyword?: string;
}

/**
 * arXiv subject classes (`cs.LG`, `stat.ML`, `cond-mat.stat-mech`, and the archives that are classes of their own,
 * `hep-th`, `quant-ph`, `gr-qc`): what `primaryClass` may hold. Never `cs`, `math`, `stat` or `physics` alone: no
 * paper is classed so, and as keywords they are a reader's tags.
 */
export const ARXIV_CATEGORY =
  /^(?:(?:cs|math|stat|eess|econ|q-bio|q-fin|physics|astro-ph|cond-mat|nlin)\.[A-Za-z][A-Za-z-]+|astro-ph|cond-mat|nlin|gr-qc|hep-ex|hep-lat|hep-ph|hep-th|math-ph|nucl-ex|nucl-th|quant-ph)$/;

const CONFERENCE =
  /\b(?:proceedings|conference|workshops?|symposium|meeting|congress|neurips|nips|icml|iclr|cvpr|iccv|eccv|wacv|bmvc|acl|emnlp|naacl|eacl|aacl|coling|conll|lrec|aaai|ijcai|kdd|www|sigir|wsdm|cikm|recsys|corl|rss|icra|iros|aistats|uai|colt|mlsys|miccai|interspeech|icassp|siggraph|chi|uist|facct|findings)\b/i;
const JOURNAL = /\b(?:journal|transactions|letters|magazine|review|tmlr|jmlr|tacl|tpami)\b|\bJ\.\s/i;

/** What kind of venue a free-text venue names; null when it cannot tell. */
export function venueKind(venue: string | null): 'conference' | 'journal' | null {
  if (!venue) return null;
  if (JOURNAL.test(venue)) return 'journal';
  return CONFERENCE.test(venue) ? 'conference' : null;
}

const PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'del', 'della', 'dei', 'di', 'da', 'das', 'dos', 'du', 'la', 'le', 'ter', 'ten', 'bin', 'ibn', 'al', 'el', 'zu']);
const SUFFIX = /^(?:jr\.?|sr\.?|ii|iii|iv)$/i;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
/**
 * An organisation arXiv lists among a paper's authors ("Gemini Team", "BigScience Workshop", "Team GLM", "Meta AI"):
 * the word such names end with (or, for a team, may start with). `AI` only in capitals: Ai is a family name.
 */
const ORGANISATION = /^team\s|\s(?:team|workshop|consortium|collaboration|group|project|initiative|labs?|laboratory|institute|research|foundation|inc\.?|ltd\.?|corporation)$/i;
const AI = /\sAI$/;

/**
 * A page's "Given Family" name as CSL. Lowercase particles join the family name ("Anna van der Berg" → family
 * "van der Berg"), a trailing Jr./III becomes the suffix. Single words, CJK names (order unknowable), names
 * with commas or the word "and", and organisations (ORGANISATION) stay literal rather than being split wrongly.
 */
export function splitName(raw: string): CslName {
  const name = normalizeSpace(raw);
  const words = name.split(' ');
  // "and" would split the name in a BibTeX author list; kept literal, it is braced as one name.
  if (words.length < 2 || name.includes(',') || CJK.test(name) || /\band\b/i.test(name) || ORGANISATION.test(name) || AI.test(name)) return { literal: name };
  let suffix: string | undefined;
  if (words.length > 2 && SUFFIX.test(words[words.length - 1]!)) suffix = words.pop();
  let start = words.length - 1;
  while (start > 1 && PARTICLES.has(words[start - 1]!)) start--;
  const out: CslName = { family: words.slice(start).join(' '), given: words.slice(0, start).join(' ') };
  if (suffix) out.suffix = suffix;
  return out;
}

/** A CSL name as one "Given Family" string, the way pages list authors. */
export function joinName(name: CslName): string {
  if (typeof name.literal === 'string' && name.literal.trim()) return normalizeSpace(name.literal);
  return normalizeSpace([name.given, name['dropping-particle'], name['non-dropping-particle'], name.family, name.suffix].filter((part) => typeof part === 'string').join(' '));
}

/** CSL date-parts of as many parts as the paper's date has: a proceedings year is `[[2023]]`, not a made-up day. */
function cslDate(published: string | null): CslDate | undefined {
  const parts = published ? paperDateParts(published) : [];
  return parts.length ? { 'date-parts': [parts] } : undefined;
}

function dateParts(date: CslDate | undefined): number[] {
  const parts = date?.['date-parts']?.[0];
  if (Array.isArray(parts)) return parts.map((p) => Number(p)).filter((p) => Number.isInteger(p));
  const text = date?.raw ?? date?.literal;
  // ISO (2019-07-21) or RIS's own form, which citation-js leaves raw in Y1 (2019/07/21/other, parts left empty).
  const m = typeof text === 'string' ? /^(\d{4})(?:([-/])(\d{1,2})(?:\2(\d{1,2}))?)?/.exec(text.trim()) : null;
  return m ? [m[1], m[3], m[4]].filter((p): p is string => p !== undefined).map(Number) : [];
}

/** The date as precisely as the item gives it (paperDate): YYYY-MM-DD, YYYY-MM or YYYY; null without a year. */
export function publishedOf(date: CslDate | undefined): string | null {
  const [y, m, d] = dateParts(date);
  return paperDate(y, m, d);
}

export function yearOf(date: CslDate | undefined): number | null {
  const y = dateParts(date)[0];
  return y !== undefined && y >= 1000 && y <= 9999 ? y : null;
}

/** A category or tag as an export's keyword: commas and semicolons would split it, so none. */
export function keywordText(raw: string): string {
  return normalizeSpace(raw.replace(/[,;]/g, ' '));
}

/** Keywords of an export: the paper's categories, then the user's tags (a tag equal to a category is not repeated). */
export function keywordsOf(saved: SavedPaper): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const raw of [...saved.paper.categories, ...saved.tags]) {
    const k = keywordText(raw);
    if (k && !seen.has(k.toLowerCase())) {
      seen.add(k.toLowerCase());
      out.push(k);
    }
  }
  return out;
}

export function toCsl(saved: SavedPaper): CslItem {
  const paper = saved.paper;
  // A DOI id is the paper's identity, so it comes first; then the DOI a page gave (a journal's, besides the arXiv id);
  // then the ids the paper is also known by (a CVF paper's IEEE DOI and arXiv id, from a dblp entry merged into it).
  const { arxiv, doi } = arxivIdAndDoi({ ...paper, id: saved.id });
  // What the record's own id decides: the version it was seen at, arXiv's DOI for a preprint, the abs page as its URL.
  const ownArxiv = arxivIdOf(saved.id);
  const venue = paper.venue ? normalizeSpace(paper.venue) : '';
  const type = venueKind(venue) === 'conference' ? 'paper-conference' : venue ? 'article-journal' : 'article';
  const item: CslItem = { id: saved.id, type, title: paper.title };
  // A list cut short (moreAuthors) is its names alone: CSL-JSON, and RIS made from it, have no mark for the rest (styles
  // write their own "et al."), and an "others" name would be printed, and imported by Zotero, as an author.
  const authors = paper.authors.map(splitName).filter((n) => n.literal !== '');
  if (authors.length) item.author = authors;
  const issued = cslDate(paper.published);
  if (issued) item.issued = issued;
  if (venue) item['container-title'] = venue;
  if (arxiv && type === 'article') {
    item.publisher = 'arXiv';
    item.number = `arXiv:${arxiv}`;
  }
  if (ownArxiv && paper.version) item.version = String(paper.version);
  const itemDoi = doi ?? (ownArxiv && type === 'article' ? `10.48550/arXiv.${ownArxiv}` : null);
  if (itemDoi) item.DOI = itemDoi;
  // In its ASCII form (safeHttpUrl: punycode host, percent-encoded path), as reference managers expect.
  const url = ownArxiv
    ? arxivAbsUrl(ownArxiv)
    : (safeHttpUrl(paper.url) ?? safeHttpUrl(paper.pdfUrl) ?? (doi ? doiAddress(doi) : null) ?? (arxiv ? arxivAbsUrl(arxiv) : null));
  if (url) item.URL = url;
  if (paper.abstract) item.abstract = paper.abstract;
  const keywords = keywordsOf(saved);
  if (keywords.length) item.keyword = keywords.join(', ');
  return item;
}

/**
 * The rich-text markup CSL-JSON allows in strings (<i>, <b>, <sup>, <sub>, <sc>, <span class="nocase">, and the
 * JATS tags Crossref puts in abstracts), removed. Anything else that looks like a tag is text and stays.
 */
export function stripMarkup(text: string): string {
  return text.replace(/<\/?(?:i|b|sup|sub|sc)>|<span(?:\s[^<>]*)?>|<\/span>|<\/?jats:[\w-]+(?:\s[^<>]*)?>/g, '');
}

export function splitKeywords(keyword: string | string[] | undefined): string[] {
  const list = Array.isArray(keyword) ? keyword : typeof keyword === 'string' ? keyword.split(/[,;]/) : [];
  return list.map((k) => normalizeSpace(String(k))).filter(Boolean);
}

function httpUrl(url: unknown): string | null {
  if (typeof url !== 'string') return null;
  const trimmed = url.trim();
  return /^https?:\/\/\S+$/i.test(trimmed) && trimmed.length <= 2048 ? trimmed : null;
}

/** A stable 64-bit hex hash (two 32-bit FNV-style lanes); identity only, not security. */
export function hash64(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x9747b28c;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

/** `import:<hash of title and year>`: the id of an imported paper with neither arXiv id nor DOI. */
export function importId(title: string, year: number | null): string {
  const key = title.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return `import:${hash64(`${key}|${year ?? ''}`)}`;
}

/** Papershelf site ids a CSL/RIS id can carry (arXiv and DOI come from their own fields; Zotero writes `http://zotero.org/…`). */
const SITES = new Set<string>(ID_PREFIXES.filter((p) => p !== 'arxiv' && p !== 'doi' && p !== 'import'));

/** `site:id` when a CSL-JSON/RIS id is a Papershelf canonical site id (as Papershelf exports write them). */
function siteIdOf(id: unknown): { site: string; siteId: string } | null {
  const m = typeof id === 'string' && id.length <= 300 ? /^([a-z][a-z0-9-]*):(\S+)$/.exec(id) : null;
  return m && SITES.has(m[1]!) ? { site: m[1]!, siteId: m[2]! } : null;
}

export interface FromCslHints {
  /** BibTeX `eprint` with its `archivePrefix`/`eprinttype`. */
  eprint?: string | null;
  eprintType?: string | null;
  /** BibTeX `primaryClass`/`eprintclass`. */
  primaryClass?: string | null;
  /** `source.page` of the paper: the format it came from. */
  page?: string;
  /** The item's `id` may be a Papershelf site id (CSL-JSON, RIS `ID`); not for BibTeX, whose ids are cite keys. */
  siteIdFromId?: boolean;
  /** Strings are plain text (RIS), not CSL rich text: nothing that looks like markup is removed. */
  plainText?: boolean;
  /** The dblp key a dblp BibTeX entry's cite key names (`DBLP:conf/icml/Smith23`): the paper's id on that dblp page before venue ids. */
  dblpKey?: string | null;
}

/** The arXiv id an item names (eprint, arXiv DOI, number, container or URL), with the first version any of them gives. */
function arxivOf(item: CslItem, hints: FromCslHints, doi: string | null): ArxivId | null {
  const type = hints.eprintType?.trim().toLowerCase();
  const found: ArxivId[] = [];
  if (hints.eprint && (!type || type === 'arxiv')) {
    const id = parseArxivId(hints.eprint);
    if (id) found.push(id);
  }
  if (doi) {
    const id = arxivIdFromDoi(doi);
    if (id) found.push(id);
  }
  // dblp's CoRR entries and Semantic Scholar's (`journal={ArXiv}, volume={abs/2206.04779}`, its only mention of the id)
  // give the id as the journal's volume, as arXiv's listing URLs spell it.
  const volume = typeof item.volume === 'string' && /^(?:arxiv|corr)\b/i.test(item['container-title']?.trim() ?? '') ? /^abs\/(\S+)$/.exec(item.volume.trim()) : null;
  const fromVolume = volume ? parseArxivId(volume[1]!) : null;
  if (fromVolume) found.push(fromVolume);
  // The publisher is where citation-js puts a handwritten @misc's `howpublished = {arXiv preprint arXiv:2301.00003}`.
  for (const text of [item.number, item['container-title'], item.publisher, item.URL]) {
    if (typeof text !== 'string') continue;
    const fromUrl = /^https?:/i.test(text.trim()) ? arxivIdFromUrl(text.trim()) : null;
    if (fromUrl) found.push(fromUrl);
    const m = /\barxiv:\s*([\w./-]+)/i.exec(text);
    const id = m ? parseArxivId(m[1]!) : null;
    if (id) found.push(id);
  }
  const first = found[0];
  return first ? { id: first.id, version: found.find((f) => f.id === first.id && f.version !== null)?.version ?? null } : null;
}

/** CSL `version` as an arXiv version (`3`, `v3`), else the one the id's own spelling gave. */
function versionOf(item: CslItem, arxiv: ArxivId | null, id: string): number | null {
  const text = typeof item.version === 'string' || typeof item.version === 'number' ? String(item.version).trim() : '';
  const m = /^v?(\d{1,4})$/i.exec(text);
  const version = m ? Number(m[1]) : arxiv?.version;
  return version && isPaperVersion(version, id) ? version : null;
}

/** A name that only says the list goes on: "others", "et al.", "et al", "et. al.", "and others", "et alii". */
const CUT_MARK = /^(?:and\s+)?(?:others|et\.?\s*al(?:\.|ii|ia)?)$/i;

/** doi.org's hosts (`dx.doi.org` the older one). */
const DOI_HOST = /^(?:dx\.|www\.)?doi\.org$/i;

/**
 * The DOI a doi.org address names: the only mention of the DOI in many a hand-written or exported record (`url =
 * {https://doi.org/10.…}`, no `doi`), which otherwise came in as an `import:` paper beside the one the list has by its
 * DOI. Only doi.org's: a publisher's address holding a DOI is that publisher's page (venueIdFromUrl reads the ones it knows).
 */
function doiOfAddress(url: unknown): string | null {
  const address = typeof url === 'string' ? webUrl(url.trim()) : null;
  return address && DOI_HOST.test(address.hostname) ? parseDoi(address.pathname) : null;
}

/** Best effort: a Paper from any CSL item (citation-js output for BibTeX/RIS, or a CSL-JSON file). */
export function fromCsl(item: CslItem, hints: FromCslHints = {}): Paper {
  const strip = hints.plainText ? (text: string) => text : stripMarkup;
  const title = normalizeSpace(strip(typeof item.title === 'string' ? item.title : ''));
  const names = (Array.isArray(item.author) ? item.author : []).map(joinName).filter((name) => name !== '');
  // BibTeX's "and others" ("et al.", a list cut with its length unknown), as citation-js reads it: a name "others",
  // which is no author but the mark of a cut list (Paper.authorsCut); so is a name "et al." (RIS `AU  - et al.`,
  // BibTeX's `and et al.`, a CSL literal), as reference managers and hand-written files put it.
  const authors = names.filter((name) => !CUT_MARK.test(name));
  // A DOI field first; else the DOI its doi.org URL names (arXiv's own DOI there is the arXiv paper, as in the field).
  const doi = (typeof item.DOI === 'string' ? parseDoi(item.DOI) : null) ?? doiOfAddress(item.URL);
  const arxivId = arxivOf(item, hints, doi);
  const arxiv = arxivId?.id ?? null;
  const container = normalizeSpace(strip(item['container-title'] ?? item['event-title'] ?? item.event ?? ''));
  const venue = container && !/^(?:arxiv|corr)\b/i.test(container) ? container : null;
  const keywords = splitKeywords(item.keyword);
  // The archive an old-style id names (hep-th/9901001) is the primaryClass exports write when the paper has no
  // category: it says nothing the id does not, and as a category it would change the paper on every round trip.
  const primary = hints.primaryClass?.trim();
  const fromId = primary && arxiv?.startsWith(`${primary}/`);
  const categories = [...new Set([...(primary && !fromId && ARXIV_CATEGORY.test(primary) ? [primary] : []), ...keywords.filter((k) => ARXIV_CATEGORY.test(k))])];
  const abstract = typeof item.abstract === 'string' ? normalizeSpace(strip(item.abstract)) : '';
  // After arXiv and DOI: the Papershelf id the record carries (a paper keeps its id through an export and back), then
  // the venue paper its URL is (BibTeX url, RIS UR: what dblp writes), then title and year.
  const site = hints.siteIdFromId ? siteIdOf(item.id) : null;
  const venuePaper = typeof item.URL === 'string' ? venueIdFromUrl(item.URL) : null;
  // The venue paper stays one of its ids where the record's own id came first; so does the dblp entry it came from.
  const otherIds = [venuePaper, hints.dblpKey && `dblp:${hints.dblpKey}`];
  // Title and year name only a record nothing else names: as an alias they would join every paper that shares them,
  // and would change every record with a DOI on each import of the same file.
  const byTitle = { site: 'import', siteId: importId(title, yearOf(item.issued)).slice('import:'.length) };
  const { id, aliases } =
    paperIdentity({ arxiv, doi, venue: site ? null : venuePaper, otherIds, ...(site ?? { site: 'import' }) }) ?? paperIdentity({ otherIds, ...byTitle })!;
  const paper: Paper = {
    ...emptyPaper(id, title, { site: 'import', page: hints.page ?? 'csl-json' }),
    aliases,
    authors,
    abstract: abstract || null,
    // A conference's date stands for its paper's where the record gives no other (the import: id keeps to `issued`).
    published: publishedOf(item.issued) ?? publishedOf(item['event-date']),
    url: httpUrl(item.URL) ?? (arxiv ? arxivAbsUrl(arxiv) : null),
    venue,
    categories,
    version: versionOf(item, arxivId, id),
    doi: ownDoi(doi, id),
  };
  return withAuthorsCut(paper, authors.length < names.length);
}

/** Keywords of an imported item that are not arXiv categories: candidates for tags. */
export function tagCandidates(item: CslItem): string[] {
  return splitKeywords(item.keyword).filter((k) => !ARXIV_CATEGORY.test(k));
}
