import type { CSSProperties } from 'preact';
import { RepoBadge } from '../../popup/components/RepoBadge';
import { StatusSelect } from '../../popup/components/StatusSelect';
import { firstLine, formatAuthors, formatDay, formatLocalDay, revisionText, siteLabel } from '../../popup/format';
import { useNewerVersion } from '../../popup/arxiv-versions';
import { followingText, useFollowing } from '../../popup/followed-authors';
import type { ReadingStatus, SavedPaper } from '../../storage/schema';
import { clip } from '../../core/paper';
import { paperPage } from './OpenInTabs';

interface Props {
  saved: SavedPaper;
  /** 1-based position among all rows (header is 1), for aria-rowindex. */
  rowIndex: number;
  selected: boolean;
  style: CSSProperties;
  onSelect: (range: boolean) => void;
  onStatus: (status: ReadingStatus) => void;
}

export function LibraryRow({ saved, rowIndex, selected, style, onSelect, onStatus }: Props) {
  const { paper } = saved;
  const href = paperPage(saved);
  const newer = useNewerVersion(saved);
  const following = useFollowing(saved);
  return (
    <div role="row" aria-rowindex={rowIndex} class={selected ? 'row selected' : 'row'} style={style} data-id={saved.id}>
      <div role="cell" class="cell check">
        <input
          type="checkbox"
          aria-label={`Select “${paper.title}”`}
          checked={selected}
          // click, not change: only the mouse event says whether Shift was held
          onClick={(event) => onSelect(event.shiftKey)}
        />
      </div>
      <div role="cell" class="cell title-cell">
        {href ? (
          // dir="auto": a title in Arabic or Hebrew reads from the right, as written (popup's PaperItem).
          <a href={href} target="_blank" rel="noreferrer" title={paper.title} dir="auto">
            {paper.title}
          </a>
        ) : (
          <span title={paper.title} dir="auto">
            {paper.title}
          </span>
        )}
        {paper.version ? (
          <span class="version" title={`arXiv version ${paper.version}, the one you saved`}>
            {' '}
            v{paper.version}
          </span>
        ) : null}
        {newer && (
          <span class="revised" title={revisionText(saved, newer)}>
            {' '}
            v{newer.version} out<span class="sr-only">: {revisionText(saved, newer)}</span>
          </span>
        )}
        {/* An aria-label on a plain span is not read out (ARIA gives generic elements no name): an image names it. */}
        {/* Its beginning only: a 10,000-character note would be read out whole on every visit to the row. */}
        {firstLine(saved.note) && (
          <span class="note-mark" role="img" title={clip(saved.note, 1000)} aria-label={`Note: ${clip(firstLine(saved.note), 120)}`}>
            {' '}
            ✎
          </span>
        )}
      </div>
      <div role="cell" class="cell">
        {following.length > 0 && (
          <span class="followed" role="img" title={followingText(following)} aria-label={followingText(following)}>
            ★{' '}
          </span>
        )}
        {formatAuthors(paper, 2)}
      </div>
      <div role="cell" class="cell">{formatDay(paper.published) ?? '—'}</div>
      <div role="cell" class="cell">{formatLocalDay(saved.savedAt)}</div>
      <div role="cell" class="cell">{siteLabel(paper.source.site, saved.savedFrom)}</div>
      <div role="cell" class="cell tags">{saved.tags.join(', ')}</div>
      <div role="cell" class="cell">
        <RepoBadge saved={saved} starsFirst />
      </div>
      <div role="cell" class="cell">
        <StatusSelect status={saved.status} title={paper.title} onChange={onStatus} />
      </div>
    </div>
  );
}
