// An arXiv paper from Hugging Face's paper API (`/api/papers/<id>`): richer than arXiv's (upvotes, code,
// project page, keywords) and not bound by arXiv's 3-second rule, so it is asked first.
import * as v from 'valibot';
import { githubReposFromText, mergeRepos, normalizeGithubRepo } from '../../core/github';
import { arxivPdfUrl, parseArxivId } from '../../core/ids';
import { emptyPaper, type Paper } from '../../core/paper';
import { finish } from './finish';
import { get, parseJson, sameOrigin, type SourceDeps } from './http';

export const HF_ORIGIN = 'https://huggingface.co';
export const HF_PAPER_API = `${HF_ORIGIN}/api/papers/`;

export type HfResult =
  | { status: 'found'; paper: Paper }
  /** 404 or an `error` body: Hugging Face has no page for it. */
  | { status: 'unknown' }
  /** 429: over Hugging Face's rate limit. */
  | { status: 'limited' }
  /** Unreachable, a server error, or a body that is not a paper. */
  | { status: 'failed' };

// Optional fields are absent (not null) in Hugging Face's JSON; a wrongly typed one is dropped, not fatal.
const optString = v.fallback(v.nullish(v.string(), null), null);
const optNumber = v.fallback(v.nullish(v.number(), null), null);
const optList = v.fallback(v.array(v.unknown()), []);

const HfPaperJson = v.object({
  id: v.string(),
  title: v.string(),
  authors: optList,
  summary: optString,
  publishedAt: optString,
  upvotes: optNumber,
  githubRepo: optString,
  githubStars: optNumber,
  projectPage: optString,
  ai_keywords: optList,
});

const strings = (items: unknown[]) => items.filter((s): s is string => typeof s === 'string');
const authorName = (a: unknown) =>
  typeof a === 'object' && a !== null && 'name' in a && typeof a.name === 'string' ? a.name : '';

/** The paper from a `/api/papers/<id>` body, or null when the body is not that paper. */
export function paperFromHfJson(json: unknown, arxivId: string): Paper | null {
  const result = v.safeParse(HfPaperJson, json);
  if (!result.success || parseArxivId(result.output.id)?.id !== arxivId) return null;
  const body = result.output;
  const repo = body.githubRepo ? normalizeGithubRepo(body.githubRepo) : null;
  return finish({
    ...emptyPaper(`arxiv:${arxivId}`, body.title, { site: 'huggingface', page: 'api' }),
    authors: body.authors.map(authorName),
    abstract: body.summary,
    published: body.publishedAt, // the arXiv v1 date; finish keeps YYYY-MM-DD
    upvotes: body.upvotes,
    githubRepos: mergeRepos(repo ? [repo] : [], githubReposFromText(body.summary ?? '')), // structured first
    githubStars: body.githubStars,
    projectUrl: body.projectPage,
    pdfUrl: arxivPdfUrl(arxivId),
    url: `${HF_ORIGIN}/papers/${arxivId}`,
    categories: strings(body.ai_keywords), // ai_keywords can hold "" (finish drops empties)
  });
}

export async function fetchHfPaper(deps: SourceDeps, arxivId: string): Promise<HfResult> {
  const answer = await get(HF_PAPER_API + arxivId, { ...deps, accept: 'application/json', allowedFinal: sameOrigin(HF_ORIGIN) });
  if (answer.kind === 'status') {
    if (answer.status === 404) return { status: 'unknown' };
    return { status: answer.status === 429 ? 'limited' : 'failed' };
  }
  if (answer.kind === 'failed') return { status: 'failed' };
  const json = parseJson(answer.text);
  if (typeof json === 'object' && json !== null && 'error' in json) return { status: 'unknown' };
  const paper = paperFromHfJson(json, arxivId);
  return paper ? { status: 'found', paper } : { status: 'failed' };
}
