import type { ComponentChild, CSSProperties, HTMLAttributes } from 'preact';
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
}

/** A windowed list: only the rows in view (plus overscan) are in the DOM, so 10,000+ rows scroll smoothly. */
export function VirtualList({ count, rowHeight, overscan = 8, fallbackHeight = 600, renderRow, ...rest }: Props) {
  const viewport = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(fallbackHeight);

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
  for (let i = first; i < last; i++) rows.push(renderRow(i, { position: 'absolute', top: `${i * rowHeight}px`, height: `${rowHeight}px`, left: 0, right: 0 }));

  return (
    <div {...rest} ref={viewport} onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)} style={{ overflowY: 'auto', position: 'relative' }}>
      <div style={{ height: `${count * rowHeight}px`, position: 'relative' }}>{rows}</div>
    </div>
  );
}
