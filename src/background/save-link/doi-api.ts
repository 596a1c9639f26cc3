// A DOI's metadata by content negotiation at doi.org: Crossref and DataCite (where doi.org redirects)
// answer CSL-JSON. Crossref abstracts are JATS XML (`<jats:p>`); they are reduced to text here.
import * as v from 'valibot';
import { githubReposFromText } from '../../core/github';
import { emptyPaper, paperDate, type Paper } from '../../core/paper';
import { aclAnthologyIdFromDoi, aclAnthologyPdfUrl, aclAnthologyUrl, idFromDoi } from '../../core/ids';
import { decodeEntities } from './xml';
import { finish, httpUrl } from './finish';
import { get, parseJson, type SourceDeps } from './http';

export const DOI_ORIGIN = 'https://doi.org';
export const CSL_JSON = 'application/vnd.citationstyles.csl+json';

export type DoiResult = { status: 'found'; paper: Paper } | { status: 'failed' };

const optString = v.fallback(v.nullish(v.string(), null), null);
// CSL says string; Crossref's own JSON (and some agencies) give a list: take the first.
const oneString = v.fallback(
  v.nullish(v.union([v.string(), v.pipe(v.array(v.string()), v.transform((list) => list[0] ?? null))]), null),
  null,
);
const DatePart = v.union([v.number(), v.pipe(v.string(), v.regex(/^\d{1,4}$/), v.transform(Number))]);
const Name = v.object({ given: optString, family: optString, literal: optString, name: optString });

const Csl = v.object({
  title: oneString,
  /** Crossref's, where the publisher deposited the title in two parts (ACM often: `Tea` + `A …`); CSL itself has none. */
  subtitle: oneString,
  author: v.fallback(v.array(v.unknown()), []),
  abstract: optString,
  issued: v.fallback(v.nullish(v.object({ 'date-parts': v.array(v.array(DatePart)) }), null), null),
  'container-title': oneString,
  URL: optString,
});

// Block elements end a sentence or paragraph: a space; inline ones (italic, sub, MathML) join text as written.
const BLOCK = /^(?:p|title|sec|list|list-item|label|caption|break|disp-formula|def-item|abstract|br)$/i;
const TAG = /<\/?(?:[A-Za-z][\w.-]*:)?([A-Za-z][\w.-]*)(?:\s[^<>]*)?\/?>/g;

/** JATS (or HTML) abstract markup to plain text; text without any closing tag is taken as plain already. */
export function jatsToText(abstract: string): string {
  if (!/<\/[A-Za-z]/.test(abstract)) return decodeEntities(abstract, false);
  const body = abstract.replace(/^\s*<(?:jats:)?title>\s*abstract\s*<\/(?:jats:)?title>/i, ''); // a heading, not content
  return decodeEntities(body.replace(TAG, (_tag, name: string) => (BLOCK.test(name) ? ' ' : '')), false);
}

/** `issued.date-parts` as precisely as given (paperDate): a proceedings volume's DOI often has its year alone. */
function issuedDate(parts: number[][] | undefined): string | null {
  const [year, month, day] = parts?.[0] ?? [];
  return paperDate(year, month, day);
}

function authorName(raw: unknown): string {
  const result = v.safeParse(Name, raw);
  if (!result.success) return '';
  const { given, family, literal, name } = result.output;
  return [given, family].filter(Boolean).join(' ') || literal || name || ''; // organisations use literal/name
}

/**
 * Where a DOI's paper lives when that is not the DOI's address: an ACL paper's anthology page and PDF, the addresses
 * the anthology's adapter gives it. CSL names doi.org, one redirect from the page, and a PDF only in `link`s meant for
 * Crossref's similarity checking or text mining, where given at all; the anthology id names both. Null for other DOIs.
 */
export function doiHome(doi: string): Pick<Paper, 'url' | 'pdfUrl'> | null {
  const acl = aclAnthologyIdFromDoi(doi);
  return acl ? { url: aclAnthologyUrl(acl), pdfUrl: aclAnthologyPdfUrl(acl) } : null;
}

/**
 * The whole title: the title and, where it came apart from it, its subtitle, as the paper's first page prints them
 * (`Title: Subtitle`; after a title ending in its own `:`, `?` or `!` only a space). A subtitle the title already holds
 * (some deposits give both) is not added twice.
 */
function wholeTitle(title: string, subtitle: string | null): string {
  const sub = subtitle ? jatsToText(subtitle).trim() : '';
  if (!sub || title.toLowerCase().includes(sub.toLowerCase())) return title;
  return `${title.trimEnd()}${/[:?!.]$/.test(title.trimEnd()) ? ' ' : ': '}${sub}`;
}

/** The paper from a CSL-JSON body, or null when it has no title. */
export function paperFromCsl(json: unknown, doi: string): Paper | null {
  const result = v.safeParse(Csl, json);
  if (!result.success || !result.output.title) return null;
  const csl = result.output;
  const abstract = csl.abstract ? jatsToText(csl.abstract) : null;
  return finish({
    // Crossref titles carry inline markup too (`H<sub>2</sub>O`); TeX is left alone.
    ...emptyPaper(idFromDoi(doi), wholeTitle(jatsToText(csl.title ?? ''), csl.subtitle), { site: 'doi', page: 'api' }),
    authors: csl.author.map(authorName),
    abstract,
    published: issuedDate(csl.issued?.['date-parts']),
    githubRepos: githubReposFromText(abstract ?? ''),
    url: httpUrl(csl.URL) ?? `${DOI_ORIGIN}/${doi}`,
    venue: csl['container-title'],
    ...doiHome(doi),
  });
}

export async function fetchDoiPaper(deps: SourceDeps, doi: string): Promise<DoiResult> {
  // doi.org redirects to the registration agency (api.crossref.org, api.datacite.org, ...): any https end.
  const answer = await get(`${DOI_ORIGIN}/${doi}`, { ...deps, accept: CSL_JSON, allowedFinal: (url) => url.protocol === 'https:' });
  const paper = answer.kind === 'ok' ? paperFromCsl(parseJson(answer.text), doi) : null;
  return paper ? { status: 'found', paper } : { status: 'failed' };
}
