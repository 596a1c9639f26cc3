// GitHub repository finding: `owner/repo` from URLs and from free text (abstracts, comments, LaTeX leftovers).
// Pure and DOM-free.

/** First path segments that are GitHub's own pages, never a user or organisation. */
export const RESERVED_OWNERS = [
  'orgs', 'features', 'sponsors', 'topics', 'marketplace', 'about', 'pricing', 'login', 'join',
  'settings', 'explore', 'collections', 'trending', 'enterprise', 'site', 'security',
  'customer-stories', 'readme', 'apps', 'notifications', 'search', 'pulls', 'issues', 'codespaces',
  'new', 'organizations', 'users', 'contact', 'team', 'events', 'resources', 'solutions', 'home',
  'dashboard',
  // Not in the spec's list, but equally GitHub's own: uploaded images/files and account pages.
  'user-attachments', 'account', 'blog', 'stars',
  // GitHub's pages with a second segment that is no repository: security advisories (`/advisories/GHSA-xxxx-xxxx-xxxx`,
  // named in security papers), enterprise accounts, the MCP server registry (`/mcp/<owner>/<repo>`) and the old
  // downloads (`/downloads/<owner>/<repo>/<file>`). Read as `owner/repo`, each gave a badge for a repository that is not.
  'advisories', 'enterprises', 'mcp', 'downloads',
] as const;

const RESERVED = new Set<string>(RESERVED_OWNERS);

/**
 * `owner/repo` as GitHub allows it (owner at most 39 characters, repository at most 100); `.` and `..` excluded so
 * a name can never walk a URL path. The one definition every layer checks names against.
 */
export const REPO_NAME = /^[A-Za-z0-9-]{1,39}\/(?!\.{1,2}$)[A-Za-z0-9._-]{1,100}$/;

/** GitHub user/org names: alphanumerics and single inner hyphens, at most 39 characters. */
const OWNER_RE = /^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$/;
const MAX_OWNER = 39;

// Hosts that name a repository in their first two path segments.
// raw.githubusercontent.com/<owner>/<repo>/<ref>/<path> is accepted: it always names exactly one repository.
const SCHEME = String.raw`(?:(?:https?:)?\/\/)?`; // also protocol-relative `//github.com/...` hrefs
const HOST = String.raw`(?:${SCHEME}(?:www\.)?github\.com\/|git@github\.com:|${SCHEME}raw\.githubusercontent\.com\/)`;
// The repo name stops at the first non-name character, or where a LaTeX-glued second URL starts (`o/rhttps://...`).
const OWNER_REPO = String.raw`([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+?)(?=https?:\/\/|[^A-Za-z0-9._-]|$)`;
// Not preceded by a host character, so `gist.github.com` and `notgithub.com` do not match.
const NOT_SUBDOMAIN = String.raw`(?<![\w.-])`;

const IN_TEXT_RE = new RegExp(NOT_SUBDOMAIN + HOST + OWNER_REPO, 'gi');
const AT_START_RE = new RegExp('^' + HOST + OWNER_REPO, 'i');

/** LaTeX escapes underscores in URLs (`my\_repo`); other escaped characters cannot occur in names anyway. */
function unescapeLatex(text: string): string {
  return text.replace(/\\_/g, '_');
}

/** Validate a matched owner and repo; null when either is not a real repository name. */
function toRepo(owner: string | undefined, rawRepo: string | undefined): string | null {
  if (!owner || !rawRepo) return null;
  if (owner.length > MAX_OWNER || !OWNER_RE.test(owner) || RESERVED.has(owner.toLowerCase())) return null;
  // Trailing dots are prose punctuation (`see github.com/o/repo.`); `.git` is the clone suffix.
  const repo = rawRepo.replace(/\.+$/, '').replace(/\.git$/i, '').replace(/\.+$/, '');
  // Emptiness also rejects `.` and `..`, which the stripping above reduces to nothing; REPO_NAME bounds lengths.
  return repo && REPO_NAME.test(`${owner}/${repo}`) ? `${owner}/${repo}` : null;
}

/** 'owner/repo' for a URL that names a GitHub repository (case as written in the URL), else null. */
export function normalizeGithubRepo(url: string): string | null {
  // Tolerate the wrappers a URL is often copied with: `\url{ `, `url{`, `<`, `(`, `[`, quotes.
  const bare = unescapeLatex(url.trim()).replace(/^[\s"'<([{]*(?:\\?(?:url|href)\{\s*)?/i, '');
  const m = AT_START_RE.exec(bare);
  return m ? toRepo(m[1], m[2]) : null;
}

/** Every repository named in free text (abstracts, comments), in order of appearance, de-duplicated. */
export function githubReposFromText(text: string): string[] {
  if (!text) return [];
  const found: string[] = [];
  for (const m of unescapeLatex(text).matchAll(IN_TEXT_RE)) {
    const repo = toRepo(m[1], m[2]);
    if (repo) found.push(repo);
  }
  return mergeRepos(found);
}

/** Concatenate lists, de-duplicating case-insensitively; the first spelling seen wins; order kept. */
export function mergeRepos(...lists: ReadonlyArray<readonly string[] | null | undefined>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const list of lists) {
    for (const repo of list ?? []) {
      const key = repo.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(repo);
    }
  }
  return out;
}
