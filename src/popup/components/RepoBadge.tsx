import type { SavedPaper } from '../../storage/schema';
import { formatCount, formatLocalDay, repoUrl } from '../format';
import { useShownStars } from '../repo-figures';

/**
 * The paper's code: a link to GitHub only for a well-formed owner/repo name, else plain text. Its star count is GitHub's
 * latest the extension knows (repo-figures.ts), else the one saved with the paper; its title says which, and of when.
 * `starsFirst`: the library's Code column, narrower than most names: the count leads, so the ellipsis cuts the name
 * ("★ 1,007 facebookresea…") where it cut the count ("facebookresea…"), and the whole name is in the title.
 */
export function RepoBadge({ saved, tabIndex, starsFirst = false }: { saved: SavedPaper; tabIndex?: number; starsFirst?: boolean }) {
  const repos = saved.paper.githubRepos;
  const { stars, github } = useShownStars(saved);
  const [name] = repos;
  if (!name) return null;
  const href = repoUrl(name);
  const gone = github?.notFound === true;
  const figure = stars !== null ? `★ ${formatCount(stars)}` : gone ? 'not found' : '';
  const more = repos.length > 1 ? ` +${repos.length - 1}` : '';
  if (!href) return <span class="repo">{name}</span>;
  const said = github
    ? gone
      ? `GitHub did not find this repository on ${formatLocalDay(github.fetchedAt)}`
      : `Stars as GitHub gave them on ${formatLocalDay(github.fetchedAt)}`
    : stars !== null
      ? saved.paper.githubStarsAt !== undefined
        ? `Stars as a page showed them on ${formatLocalDay(saved.paper.githubStarsAt)}`
        : 'Stars as a page showed them when the paper was saved' // kept by a build that kept no day: the first save's or a later one's
      : undefined;
  const title = starsFirst ? (said ? `${name}. ${said}` : name) : said;
  return (
    <a
      class="repo"
      href={href}
      target="_blank"
      rel="noreferrer"
      tabIndex={tabIndex}
      title={title}
      aria-label={`Code: ${name} on GitHub${stars !== null ? `, ${stars} stars` : gone ? ', not found' : ''}`}
    >
      {starsFirst && figure ? `${figure} ${name}` : figure ? `${name} ${figure}` : name}
      {more}
    </a>
  );
}
