// An OpenReview submission from its API: v2 (`api2`, content values wrapped as `{ value }`) first, then v1
// (`api`, plain values) for forums that live only there. The submission is the note whose id is the forum.
import * as v from 'valibot';
import { githubReposFromText } from '../../core/github';
import { arxivIdFromUrl, parseDoi } from '../../core/ids';
import { paperIdentity } from '../../core/aliases';
import { emptyPaper, type Paper } from '../../core/paper';
import { finish, httpUrl } from './finish';
import { get, parseJson, sameOrigin, type SourceDeps } from './http';

export const OPENREVIEW_ORIGIN = 'https://openreview.net';
export const OPENREVIEW_APIS = ['https://api2.openreview.net', 'https://api.openreview.net'] as const;

export type OpenReviewResult = { status: 'found'; paper: Paper } | { status: 'limited' } | { status: 'failed' };

const optNumber = v.fallback(v.nullish(v.number(), null), null);
const Notes = v.object({ notes: v.array(v.unknown()) });
const Note = v.object({
  id: v.string(),
  forum: v.string(),
  content: v.record(v.string(), v.unknown()),
  cdate: optNumber,
  pdate: optNumber,
});
const Text = v.string();
const Texts = v.array(v.string());

/** A content field's value in either API shape (`{ value: x }` or `x`), if it has the schema's type. */
function read<T>(schema: v.GenericSchema<unknown, T>, raw: unknown): T | null {
  const value = typeof raw === 'object' && raw !== null && !Array.isArray(raw) && 'value' in raw ? raw.value : raw;
  const result = v.safeParse(schema, value);
  return result.success ? result.output : null;
}

/** Keywords come as a list, or (older venues) one comma-separated string. */
function keywords(raw: unknown): string[] {
  return read(Texts, raw) ?? read(Text, raw)?.split(',') ?? [];
}

const dateOf = (ms: number | null) => {
  const date = ms === null ? null : new Date(ms);
  return date && !Number.isNaN(date.getTime()) ? date.toISOString().slice(0, 10) : null;
};

/** The submission `forumId` from a `/notes?forum=` body, or null when the body holds no such note. */
export function paperFromNotes(json: unknown, forumId: string): Paper | null {
  const list = v.safeParse(Notes, json);
  if (!list.success) return null;
  const note = list.output.notes
    .map((n) => v.safeParse(Note, n))
    .find((r) => r.success && r.output.id === forumId && r.output.forum === forumId);
  if (!note?.success) return null;
  const { content, cdate, pdate } = note.output;
  const title = read(Text, content.title);
  if (!title) return null;
  // Imported records (DBLP) link the paper elsewhere: an arXiv or doi.org link makes the canonical id.
  const links = ['pdf', 'html', 'ee'].flatMap((key) => read(Texts, content[key]) ?? [read(Text, content[key]) ?? '']);
  const arxiv = links.map((href) => arxivIdFromUrl(href)).find(Boolean)?.id ?? null;
  const doiLink = links.find((href) => /^https?:\/\/(?:dx\.)?doi\.org\//i.test(href));
  const doi = read(Text, content.doi) ?? (doiLink ? parseDoi(doiLink) : null);
  // The forum's id stays one of its ids: a dblp or Scholar entry that links only the forum gives that one.
  const identity = paperIdentity({ arxiv, doi, site: 'openreview', siteId: forumId });
  const abstract = read(Text, content.abstract);
  const pdf = read(Text, content.pdf);
  if (!identity) return null;
  return finish({
    ...emptyPaper(identity.id, title, { site: 'openreview', page: 'api' }),
    aliases: identity.aliases,
    doi: doi ? parseDoi(doi) : null, // kept beside an arXiv id (finish drops the id's own), as the forum page keeps it
    authors: read(Texts, content.authors) ?? [],
    abstract,
    published: dateOf(pdate ?? cdate), // publication date; creation date for notes never published
    githubRepos: githubReposFromText([read(Text, content.code) ?? '', abstract ?? ''].join(' ')),
    pdfUrl: httpUrl(pdf, OPENREVIEW_ORIGIN), // usually relative: `/pdf/<sha1>.pdf`
    url: `${OPENREVIEW_ORIGIN}/forum?id=${encodeURIComponent(forumId)}`,
    venue: read(Text, content.venue),
    categories: keywords(content.keywords),
  });
}

export async function fetchOpenReviewPaper(deps: SourceDeps, forumId: string): Promise<OpenReviewResult> {
  for (const api of OPENREVIEW_APIS) {
    const answer = await get(`${api}/notes?forum=${encodeURIComponent(forumId)}`, {
      ...deps,
      accept: 'application/json',
      allowedFinal: sameOrigin(api),
    });
    // Told to slow down: asking the other API as well would only add load.
    if (answer.kind === 'status' && answer.status === 429) return { status: 'limited' };
    const paper = answer.kind === 'ok' ? paperFromNotes(parseJson(answer.text), forumId) : null;
    if (paper) return { status: 'found', paper };
  }
  return { status: 'failed' };
}
