import { useId } from 'preact/hooks';
import type { ReadingStatus, SavedPaper } from '../../storage/schema';
import { safeHttpUrl } from '../../core/ids';
import { firstLine, formatAuthors, formatDay, revisionText, siteLabel, timeAgo } from '../format';
import { useNewerVersion } from '../arxiv-versions';
import { followingText, useFollowing } from '../followed-authors';
import { PaperDetails } from './PaperDetails';
import { RepoBadge } from './RepoBadge';
import { StatusSelect } from './StatusSelect';
import { TagChips } from './TagChips';

interface Props {
  saved: SavedPaper;
  /** The roving-tabindex item: the only one in the tab order. */
  active: boolean;
  expanded: boolean;
  knownTags: readonly string[];
  onToggle: () => void;
  onStatus: (status: ReadingStatus) => void;
  onRemove: () => void;
  onActivate: () => void;
  now?: number;
}

export function PaperItem({ saved, active, expanded, knownTags, onToggle, onStatus, onRemove, onActivate, now = Date.now() }: Props) {
  const { paper } = saved;
  const id = useId();
  const href = safeHttpUrl(paper.url) ?? safeHttpUrl(saved.savedFrom);
  const authors = formatAuthors(paper);
  const published = formatDay(paper.published);
  const note = firstLine(saved.note);
  const tab = active ? 0 : -1;
  const newer = useNewerVersion(saved);
  const following = useFollowing(saved);
  const byFollowed = following.length ? followingText(following) : '';
  return (
    <li
      class={expanded ? 'item open' : 'item'}
      data-id={saved.id}
      tabIndex={tab}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-meta`}
      aria-keyshortcuts="ArrowUp ArrowDown Enter 1 2 3"
      onFocusIn={onActivate}
    >
      <div class="main">
        {href ? (
          // dir="auto": a title (a note) in Arabic or Hebrew reads from the right, as written, not run into the list's left-to-right order.
          <a id={`${id}-title`} class="title" dir="auto" href={href} target="_blank" rel="noreferrer" tabIndex={tab}>
            {paper.title}
          </a>
        ) : (
          <span id={`${id}-title`} class="title" dir="auto">
            {paper.title}
          </span>
        )}
        <div class="meta" id={`${id}-meta`}>
          {authors && <span class="authors">{authors}</span>}
          {byFollowed && (
            <span class="followed" title={byFollowed}>
              <span aria-hidden="true">★ </span>
              {following[0]}
              {following.length > 1 && ` +${following.length - 1}`}
              <span class="sr-only">: {byFollowed}</span>
            </span>
          )}
          {published && <time dateTime={paper.published ?? undefined}>{published}</time>}
          <span class="site">{siteLabel(paper.source.site, saved.savedFrom)}</span>
          {newer && (
            <span class="revised" title={revisionText(saved, newer)}>
              v{newer.version} out<span class="sr-only">: {revisionText(saved, newer)}</span>
            </span>
          )}
          <span>
            saved <time dateTime={new Date(saved.savedAt).toISOString()}>{timeAgo(saved.savedAt, now)}</time>
          </span>
          {saved.status !== 'to-read' && saved.statusAt !== undefined && (
            <span class="status-time">
              {saved.status === 'done' ? 'done' : 'reading since'} <time dateTime={new Date(saved.statusAt).toISOString()}>{timeAgo(saved.statusAt, now)}</time>
            </span>
          )}
        </div>
        {(saved.tags.length > 0 || paper.githubRepos.length > 0) && (
          <div class="badges">
            <RepoBadge saved={saved} tabIndex={tab} />
            <TagChips tags={saved.tags} />
          </div>
        )}
        {note && (
          <p class="note-line" dir="auto">
            {note}
          </p>
        )}
        {expanded && <PaperDetails saved={saved} knownTags={knownTags} id={`${id}-details`} />}
      </div>
      <div class="side">
        <StatusSelect status={saved.status} title={paper.title} onChange={onStatus} tabIndex={tab} />
        <button
          type="button"
          class="toggle"
          aria-expanded={expanded}
          aria-controls={expanded ? `${id}-details` : undefined}
          // The name begins with the word shown, so a reader who says "More" to voice control is understood (WCAG 2.5.3).
          aria-label={`${expanded ? 'Less' : 'More'}: details of “${paper.title}”`}
          tabIndex={tab}
          onClick={onToggle}
        >
          {expanded ? 'Less' : 'More'}
        </button>
        <button type="button" class="remove" aria-label={`Remove “${paper.title}” from the reading list`} tabIndex={tab} onClick={onRemove}>
          Remove
        </button>
      </div>
    </li>
  );
}
