// What the options page accepts as a GitHub token. GitHub issues tokens of letters, digits and "_" (ghp_…, gho_…,
// github_pat_…, and 40 hex digits before 2021: docs.github.com, "About authentication to GitHub"). Anything else is
// a paste accident that the background would send and GitHub refuse, or (a space, a line break) drop unsent: either
// way every badge would go without the token, and nothing would say why.

/** Why `typed` (trimmed) cannot be a GitHub token, in words for the field; null when it can, or is empty (no token). */
export function githubTokenProblem(typed: string): string | null {
  const token = typed.trim();
  if (!token) return null;
  if (/^(bearer|token)\s/i.test(token)) return 'Paste the token alone, without “Bearer ” or “token ” before it.';
  if (/\s/.test(token)) return 'The token has a space or line break in it: paste it again, alone.';
  if (!/^[A-Za-z0-9_]+$/.test(token)) return 'GitHub tokens are letters, digits and “_” only (ghp_…, github_pat_…): this has other characters.';
  if (token.length > 255) return 'This is longer than any GitHub token.';
  return null;
}
