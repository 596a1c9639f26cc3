// GitHub's and Hugging Face's JSON, validated before use: a proxy, an outage page or an API change must
// give "unavailable", never a crash or garbage in a badge.
import * as v from 'valibot';
import type { RepoInfo } from '../../storage/schema';
import { normalizeGithubRepo, REPO_NAME } from '../../core/github';

export { REPO_NAME };

const count = v.pipe(v.number(), v.integer(), v.minValue(0));
const shortText = (max: number) => v.nullish(v.pipe(v.string(), v.transform((s) => s.slice(0, max))), null);

const GithubRepo = v.object({
  full_name: v.pipe(v.string(), v.regex(REPO_NAME)),
  html_url: v.pipe(v.string(), v.maxLength(300), v.startsWith('https://github.com/')),
  stargazers_count: count,
  forks_count: count,
  pushed_at: v.nullish(v.pipe(v.string(), v.isoTimestamp()), null),
  archived: v.optional(v.boolean(), false),
  description: shortText(1000),
  language: shortText(100),
  license: v.nullish(v.object({ spdx_id: v.nullish(v.string(), null) }), null),
});

/** RepoInfo from a `GET /repos/{owner}/{repo}` body, or null when the body is not one. */
export function parseGithubRepo(json: unknown): RepoInfo | null {
  const result = v.safeParse(GithubRepo, json);
  if (!result.success) return null;
  const body = result.output;
  const spdx = body.license?.spdx_id ?? null;
  return {
    fullName: body.full_name,
    stars: body.stargazers_count,
    forks: body.forks_count,
    pushedAt: body.pushed_at,
    archived: body.archived,
    description: body.description,
    language: body.language,
    // GitHub's "NOASSERTION" is a licence it cannot identify; it shows that as "Other".
    license: spdx === 'NOASSERTION' ? 'Other' : spdx ? spdx.slice(0, 100) : null,
    htmlUrl: body.html_url,
  };
}

/**
 * Whether a `GET /repos/{owner}/{repo}` body is of a repository only the token's owner can see (private, or internal
 * to an enterprise). Asked without a token GitHub answers 404 for it; with a token of `repo` scope it answers 200,
 * and a page (a compromised page process sends what its content script could) would learn from the badges it asks
 * for which private repositories of the reader's organisations exist, and when they were last pushed to.
 */
export function isPrivateRepo(json: unknown): boolean {
  const result = v.safeParse(v.object({ private: v.optional(v.unknown()), visibility: v.optional(v.unknown()) }), json);
  if (!result.success) return false;
  const { private: hidden, visibility } = result.output;
  return hidden === true || (typeof visibility === 'string' && visibility !== 'public');
}

/** The `message` of a GitHub error body, if any (to recognise "API rate limit exceeded"). */
export function githubMessage(json: unknown): string | null {
  const result = v.safeParse(v.object({ message: v.string() }), json);
  return result.success ? result.output.message : null;
}

const HfPaper = v.object({ githubRepo: v.nullish(v.string(), null) });

/**
 * Repositories from a `/api/papers/{id}` body: `[]` for an unknown paper (`error` key) or none given;
 * null when the body is not a paper object at all.
 */
export function parseHfPaper(json: unknown): string[] | null {
  if (typeof json === 'object' && json !== null && 'error' in json) return [];
  const result = v.safeParse(HfPaper, json);
  if (!result.success) return null;
  const repo = result.output.githubRepo ? normalizeGithubRepo(result.output.githubRepo) : null;
  return repo && REPO_NAME.test(repo) ? [repo] : [];
}
