import { useContext, useState } from 'preact/hooks';
import type { Paper } from '../../core/paper';
import { FollowedAuthorsContext } from '../followed-authors';
import { formatCount } from '../format';

/** Authors named before "N more" (a Hugging Face paper may list hundreds). */
export const AUTHORS_SHOWN = 12;

/**
 * A paper's authors in its details, each a toggle: pressed, the reader follows them (core/authors.ts: "Yann LeCun"
 * followed presses "Y. LeCun" too), and their papers stand out on every page; a press follows them as the paper names
 * them, or stops following every name that finds them. Greyed until the followed names are read.
 */
export function PaperAuthors({ paper }: { paper: Paper }) {
  const followed = useContext(FollowedAuthorsContext);
  const [all, setAll] = useState(false);
  const [problem, setProblem] = useState('');
  const { authors } = paper;
  if (!authors.length) return null;
  const shown = all ? authors : authors.slice(0, AUTHORS_SHOWN);
  const hidden = authors.length - shown.length;
  const unlisted = paper.authorCount !== null && paper.authorCount > authors.length ? paper.authorCount - authors.length : 0;
  const ready = followed?.names != null;
  return (
    <div class="paper-authors">
      <ul class="author-list" aria-label="Authors: press one to follow them">
        {shown.map((author, i) => {
          const on = ready && followed.of(author).length > 0;
          return (
            <li key={i}>
              <button
                type="button"
                class="author"
                aria-pressed={on}
                aria-label={`Follow ${author}`}
                title={on ? `You follow ${author}: their papers stand out on every page. Press to stop.` : `Follow ${author}: their papers stand out on every page`}
                disabled={!ready}
                onClick={() => {
                  setProblem('');
                  followed?.change(author, !on).catch((error: unknown) => setProblem(`Could not change whom you follow: ${(error as Error).message}`));
                }}
              >
                {on && <span aria-hidden="true">★ </span>}
                {author}
              </button>
            </li>
          );
        })}
      </ul>
      {/* A space before it, as before "and N not listed": it ran into the last name ("Ada Lovelace3 more authors"). */}
      {hidden > 0 && (
        <>
          {' '}
          <button type="button" class="link" onClick={() => setAll(true)}>
            {formatCount(hidden)} more {hidden === 1 ? 'author' : 'authors'}
          </button>
        </>
      )}
      {unlisted > 0 && <span class="muted"> and {formatCount(unlisted)} not listed</span>}
      {/* A list its source cut without a count (Scholar's "…"): the names are the first ones, not all. */}
      {unlisted === 0 && paper.authorsCut && <span class="muted"> and others not listed</span>}
      {problem && (
        <p class="error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
