import type { SavedPaper } from '../../storage/schema';
import { safeHttpUrl, siteLabel, timeAgo } from '../format';

export function PaperItem({ saved, onRemove, now = Date.now() }: { saved: SavedPaper; onRemove: () => void; now?: number }) {
  const { paper } = saved;
  const href = safeHttpUrl(paper.url) ?? safeHttpUrl(saved.savedFrom);
  return (
    <li class="item" data-id={saved.id}>
      <div class="main">
        {href ? (
          <a class="title" href={href} target="_blank" rel="noreferrer">
            {paper.title}
          </a>
        ) : (
          <span class="title">{paper.title}</span>
        )}
        <div class="meta">
          Saved from <span class="site">{siteLabel(saved.paper.source.site, saved.savedFrom)}</span>{' '}
          <time dateTime={new Date(saved.savedAt).toISOString()}>{timeAgo(saved.savedAt, now)}</time>
        </div>
      </div>
      <button type="button" class="remove" aria-label={`Remove “${paper.title}” from the reading list`} onClick={onRemove}>
        Remove
      </button>
    </li>
  );
}
