// An arXiv paper from arXiv's own API (Atom), for papers Hugging Face does not know. Every request goes
// through the caller's spaced queue: arXiv's terms allow one request every three seconds.
import { githubReposFromText, mergeRepos } from '../../core/github';
import { arxivAbsUrl, arxivPdfUrl } from '../../core/ids';
import { emptyPaper, type Paper } from '../../core/paper';
import { archiveId, parseArxivAtom, parseArxivAtomBatch, type ArxivEntry, type LatestEntry } from './atom';
import { finish } from './finish';
import { get, type Fetched, type SourceDeps } from './http';
import type { SpacedQueue } from './spaced-queue';
import { VERSIONS_BATCH } from '../messages';

export const ARXIV_API = 'https://export.arxiv.org/api/query?id_list=';

export type ArxivResult = { status: 'found'; paper: Paper } | { status: 'not-found' } | { status: 'failed' };

/** Redirects may move between arXiv's own hosts only, over https. */
const arxivHost = (url: URL) => url.protocol === 'https:' && /^(?:export\.|www\.)?arxiv\.org$/.test(url.hostname);

export function paperFromEntry(entry: ArxivEntry): Paper | null {
  return finish({
    ...emptyPaper(`arxiv:${entry.id}`, entry.title, { site: 'arxiv', page: 'api' }),
    authors: entry.authors,
    abstract: entry.summary,
    published: entry.published,
    // Abstract before comment, as on the abs page.
    githubRepos: mergeRepos(githubReposFromText(entry.summary ?? ''), githubReposFromText(entry.comment ?? '')),
    pdfUrl: arxivPdfUrl(entry.id),
    url: arxivAbsUrl(entry.id),
    venue: entry.journalRef,
    categories: entry.categories,
    version: entry.version, // the entry is the latest version, what an unversioned link shows
    doi: entry.doi, // <arxiv:doi>: the journal's DOI the authors gave
  });
}

export async function fetchArxivPaper(deps: SourceDeps, queue: SpacedQueue, arxivId: string): Promise<ArxivResult> {
  const busy: Fetched = { kind: 'failed' };
  // Ids are validated (digits, letters, `.`, `-`, `/`): nothing in them needs escaping in a query.
  const answer = await queue(
    () => get(ARXIV_API + archiveId(arxivId), { ...deps, accept: 'application/atom+xml', allowedFinal: arxivHost }),
    busy,
  );
  if (answer.kind !== 'ok') return { status: 'failed' }; // 429/503, "Rate exceeded.", network, queue full
  const parsed = parseArxivAtom(answer.text, arxivId);
  if (parsed.status === 'not-found') return { status: 'not-found' };
  const paper = parsed.status === 'found' ? paperFromEntry(parsed.entry) : null;
  return paper ? { status: 'found', paper } : { status: 'failed' };
}


export type VersionsResult = { status: 'ok'; entries: LatestEntry[] } | { status: 'failed'; reason: string };

/**
 * The newest version of each of these papers (at most VERSIONS_BATCH), in one request through the spaced queue. A paper
 * arXiv does not hold is not in `entries`; an answer that is not one is `failed`, with a reason a reader can act on.
 */
export async function fetchLatestVersions(deps: SourceDeps, queue: SpacedQueue, arxivIds: readonly string[]): Promise<VersionsResult> {
  if (arxivIds.length === 0) return { status: 'ok', entries: [] };
  if (arxivIds.length > VERSIONS_BATCH) throw new RangeError(`At most ${VERSIONS_BATCH} papers a request`);
  const busy: Fetched = { kind: 'failed' };
  const query = `${ARXIV_API}${arxivIds.map(archiveId).join(',')}&max_results=${arxivIds.length}`;
  const answer = await queue(() => get(query, { ...deps, accept: 'application/atom+xml', allowedFinal: arxivHost }), busy);
  if (answer === busy) return { status: 'failed', reason: 'other arXiv requests are waiting: try again in a minute' };
  if (answer.kind === 'status') return { status: 'failed', reason: `arXiv answered HTTP ${answer.status}${answer.status === 429 || answer.status === 503 ? ' (busy: try again in a few minutes)' : ''}` };
  if (answer.kind !== 'ok') return { status: 'failed', reason: 'arXiv could not be reached (offline, or too slow to answer)' };
  const parsed = parseArxivAtomBatch(answer.text, arxivIds);
  return parsed.status === 'ok' ? parsed : { status: 'failed', reason: `arXiv's answer was not read: ${parsed.reason}` };
}
