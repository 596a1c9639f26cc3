import { formatCount, repoUrl } from '../format';

/** The paper's code: a link to GitHub only for a well-formed owner/repo name, else plain text. */
export function RepoBadge({ repos, stars, tabIndex }: { repos: readonly string[]; stars: number | null; tabIndex?: number }) {
  const [name] = repos;
  if (!name) return null;
  const href = repoUrl(name);
  const starText = stars === null ? '' : ` ★ ${formatCount(stars)}`;
  const more = repos.length > 1 ? ` +${repos.length - 1}` : '';
  if (!href) return <span class="repo">{name}</span>;
  return (
    <a
      class="repo"
      href={href}
      target="_blank"
      rel="noreferrer"
      tabIndex={tabIndex}
      aria-label={`Code: ${name} on GitHub${stars === null ? '' : `, ${stars} stars`}`}
    >
      {name}
      {starText}
      {more}
    </a>
  );
}
