import type { ComponentChild, CSSProperties, HTMLAttributes, RefObject } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';

interface Props extends Omit<HTMLAttributes<HTMLDivElement>, 'children'> {
  count: number;
  /** Every row has this height in pixels, so positions are arithmetic. */
  rowHeight: number;
  /** Rows rendered beyond each edge, so fast scrolling shows no gaps. */
  overscan?: number;
  /** Used until the viewport can be measured (and where it cannot, as in tests). */
  fallbackHeight?: number;
  renderRow: (index: number, style: CSSProperties) => ComponentChild;
  /** The scrolling element, for the page to move the focus to. */
  viewportRef?: RefObject<HTMLDivElement | null>;
}

/**
 * A windowed list: only the rows in view (plus overscan) are in the DOM, so 10,000+ rows scroll smoothly. The row
 * holding the focus stays in the DOM wherever the scroll goes (PageDown on a row's checkbox scrolls the list), or the
 * focus would fall to the page's body with it.
 */
export function VirtualList({ count, rowHeight, overscan = 8, fallbackHeight = 600, renderRow, viewportRef, ...rest }: Props) {
  const ownViewport = useRef<HTMLDivElement>(null);
  const viewport = viewportRef ?? ownViewport;
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(fallbackHeight);
  const [focused, setFocused] = useState<number | null>(null);

  /** The index of the row an element is in, from the row's own position (the style this list gave it). */
  const rowIndexOf = (target: EventTarget | null): number | null => {
    let row = target instanceof Element ? target : null;
    while (row && row.parentElement?.parentElement !== viewport.current) row = row.parentElement;
    const top = row instanceof HTMLElement ? parseFloat(row.style.top) : NaN;
    return Number.isFinite(top) ? Math.round(top / rowHeight) : null;
  };

  useLayoutEffect(() => {
    const el = viewport.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setHeight(el.clientHeight || fallbackHeight));
    observer.observe(el);
    return () => observer.disconnect();
  }, [fallbackHeight]);

  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(count, Math.ceil((scrollTop + height) / rowHeight) + overscan);
  const rows: ComponentChild[] = [];
  const row = (i: number) => rows.push(renderRow(i, { position: 'absolute', top: `${i * rowHeight}px`, height: `${rowHeight}px`, left: 0, right: 0 }));
  // Rows in index order, the focused one too: a focused element that the diff moved would lose the focus.
  const pinned = focused !== null && focused < count && (focused < first || focused >= last) ? focused : null;
  if (pinned !== null && pinned < first) row(pinned);
  for (let i = first; i < last; i++) row(i);
  if (pinned !== null && pinned >= last) row(pinned);

  return (
    <div
      {...rest}
      ref={viewport}
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
      onFocusIn={(event) => setFocused(rowIndexOf(event.target))}
      onFocusOut={(event) => !viewport.current?.contains(event.relatedTarget as Node | null) && setFocused(null)}
      style={{ overflowY: 'auto', position: 'relative' }}
    >
      <div style={{ height: `${count * rowHeight}px`, position: 'relative' }}>{rows}</div>
    </div>
  );
}
