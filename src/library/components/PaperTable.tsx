import type { RefObject } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { ReadingStatus, SavedPaper } from '../../storage/schema';
import { formatCount } from '../../popup/format';
import { LibraryRow } from './LibraryRow';
import { VirtualList } from './VirtualList';

export const ROW_HEIGHT = 44;
const COLUMNS = ['Title', 'Authors', 'Published', 'Saved', 'Site', 'Tags', 'Code', 'Status'];

interface Props {
  papers: readonly SavedPaper[];
  selected: ReadonlySet<string>;
  onSelect: (id: string, range: boolean) => void;
  onSelectAll: () => void;
  onStatus: (id: string, status: ReadingStatus) => void;
  viewportRef?: RefObject<HTMLDivElement | null>;
}

/** Every paper in a virtualised table (rows keep their place for screen readers through aria-rowindex/rowcount). */
export function PaperTable({ papers, selected, onSelect, onSelectAll, onStatus, viewportRef }: Props) {
  const selectedShown = papers.reduce((n, saved) => n + (selected.has(saved.id) ? 1 : 0), 0);
  const all = papers.length > 0 && selectedShown === papers.length;
  const allBox = useRef<HTMLInputElement>(null);
  useEffect(() => {
    // "Some selected" has no attribute; it is a DOM property.
    if (allBox.current) allBox.current.indeterminate = selectedShown > 0 && !all;
  }, [selectedShown, all]);

  return (
    <div role="table" class="table" aria-label="Papers" aria-rowcount={papers.length + 1}>
      <div role="rowgroup">
        <div role="row" aria-rowindex={1} class="row head">
          <div role="columnheader" class="cell check">
            <input ref={allBox} type="checkbox" aria-label={`Select all ${formatCount(papers.length)} shown`} checked={all} onClick={onSelectAll} />
          </div>
          {COLUMNS.map((name) => (
            <div key={name} role="columnheader" class="cell">
              {name}
            </div>
          ))}
        </div>
      </div>
      <VirtualList
        role="rowgroup"
        class="viewport"
        tabIndex={0}
        aria-label="Papers, scrollable"
        count={papers.length}
        rowHeight={ROW_HEIGHT}
        viewportRef={viewportRef}
        rowKey={(index) => papers[index]!.id}
        renderRow={(index, style) => {
          const saved = papers[index]!;
          return (
            <LibraryRow
              key={saved.id}
              saved={saved}
              rowIndex={index + 2}
              selected={selected.has(saved.id)}
              style={style}
              onSelect={(range) => onSelect(saved.id, range)}
              onStatus={(status) => onStatus(saved.id, status)}
            />
          );
        }}
      />
    </div>
  );
}
