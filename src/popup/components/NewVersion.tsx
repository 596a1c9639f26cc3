import { useNewerVersion } from '../arxiv-versions';
import { revisionText } from '../format';
import { useReadingListState } from '../state-hooks';
import type { SavedPaper } from '../../storage/schema';

/** A newer arXiv version than the one saved (a library check found it): what it is, a link to it, and "Seen". */
export function NewVersion({ saved }: { saved: SavedPaper }) {
  const state = useReadingListState();
  const newer = useNewerVersion(saved);
  if (!newer) return null;
  const version = newer.version;
  /** Marked seen, the line goes: the focus goes back to the paper's item, not to the page's body. */
  function seen(button: HTMLButtonElement) {
    const item = button.closest<HTMLElement>('li.item');
    void state.markSeen(saved.id, version).then(() => setTimeout(() => !button.isConnected && item?.isConnected && item.focus()));
  }
  return (
    <p class="new-version">
      {revisionText(saved, newer)}.{' '}
      {newer.comment && <span class="comment">Its comment: “<bdi>{newer.comment}</bdi>”</span>}{newer.comment && ' '}
      <a href={`https://arxiv.org/abs/${newer.key}v${newer.version}`} target="_blank" rel="noreferrer">
        Open v{newer.version}
      </a>{' '}
      <button type="button" class="link" aria-label={`Seen: v${newer.version} of “${saved.paper.title}”`} onClick={(event) => seen(event.currentTarget)}>
        Seen
      </button>
    </p>
  );
}
