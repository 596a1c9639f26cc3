import type { ComponentChild, CSSProperties, HTMLAttributes, RefObject } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';

const FOCUSABLE = 'a[href], button:not(:disabled), input:not(:disabled), select:not(:disabled), textarea:not(:disabled), [tabindex]';

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
  /**
   * Each row's key (the one renderRow gives it): the focused row is followed by it when rows before it come or go (a
   * paper saved or removed in another tab), where its index alone would keep another row in its place.
   */
  rowKey?: (index: number) => string;
}

/**
 * A windowed list: only the rows in view (plus overscan) are in the DOM, so 10,000+ rows scroll smoothly. The row
 * holding the focus stays in the DOM wherever the scroll goes (PageDown on a row's checkbox scrolls the list), or the
 * focus would fall to the page's body with it; a focused row that leaves the list (a status its filter hides, a
 * removal) hands the focus to the same control of the row that takes its place.
 */
export function VirtualList({ count, rowHeight, overscan = 8, fallbackHeight = 600, renderRow, viewportRef, rowKey, ...rest }: Props) {
  const ownViewport = useRef<HTMLDivElement>(null);
  const viewport = viewportRef ?? ownViewport;
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(fallbackHeight);
  const [focus, setFocus] = useState<{ index: number; key: string | undefined } | null>(null);
  /** Where the focus last was in the rows: the element, its row's index and which of the row's cells held it. */
  const lastFocus = useRef<{ element: Element; index: number; cell: number } | null>(null);

  /** The row (a child of the spacer) an element is in. */
  const rowOf = (target: EventTarget | null): HTMLElement | null => {
    let row = target instanceof Element ? target : null;
    while (row && row.parentElement?.parentElement !== viewport.current) row = row.parentElement;
    return row instanceof HTMLElement ? row : null;
  };
  /** A row's index, from its own position (the style this list gave it). */
  const indexOf = (row: HTMLElement | null): number | null => {
    const top = row ? parseFloat(row.style.top) : NaN;
    return Number.isFinite(top) ? Math.round(top / rowHeight) : null;
  };

  const onFocusIn = (event: FocusEvent) => {
    const row = rowOf(event.target);
    const index = indexOf(row);
    setFocus(index === null ? null : { index, key: index < count ? rowKey?.(index) : undefined });
    if (row && index !== null) {
      const cell = [...row.children].findIndex((child) => child.contains(event.target as Node));
      lastFocus.current = { element: event.target as Element, index, cell };
    }
  };
  const onFocusOut = (event: FocusEvent) => {
    if (viewport.current?.contains(event.relatedTarget as Node | null)) return;
    setFocus(null);
    // Gone elsewhere on purpose (a click on the page's background has no relatedTarget, but the element is still
    // there); a removed element leaves lastFocus for the effect below.
    const left = event.target as Element;
    if (event.relatedTarget) lastFocus.current = null;
    else queueMicrotask(() => left.isConnected && lastFocus.current?.element === left && (lastFocus.current = null));
  };

  // The focused row left the list and the focus fell to the body: the row now at its index (or the last) takes it.
  useLayoutEffect(() => {
    const last = lastFocus.current;
    if (!last || last.element.isConnected) return;
    lastFocus.current = null;
    const active = document.activeElement;
    if (active && active !== document.body) return; // the reader has moved on
    const index = Math.min(last.index, count - 1);
    const row = [...(viewport.current?.firstElementChild?.children ?? [])].find((child) => indexOf(child as HTMLElement) === index);
    const target = row?.children[last.cell]?.querySelector<HTMLElement>(FOCUSABLE) ?? row?.querySelector<HTMLElement>(FOCUSABLE);
    (target ?? viewport.current)?.focus();
  });

  useLayoutEffect(() => {
    const el = viewport.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setHeight(el.clientHeight || fallbackHeight));
    observer.observe(el);
    return () => observer.disconnect();
  }, [fallbackHeight]);

  // The focused row where it is now: rows before it that came or went moved it. Gone from the list, the row that takes
  // its place (the effect above gives it the focus).
  let focused = focus?.index ?? null;
  let moved = false;
  if (focus && focus.key !== undefined && rowKey && (focus.index >= count || rowKey(focus.index) !== focus.key)) {
    for (let i = 0; i < count && !moved; i++) if (rowKey(i) === focus.key) [focused, moved] = [i, true];
  }
  useLayoutEffect(() => {
    if (!moved || !focus || focused === null) return;
    if (lastFocus.current?.index === focus.index) lastFocus.current.index = focused;
    setFocus({ index: focused, key: focus.key });
  });

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
      onFocusIn={onFocusIn}
      onFocusOut={onFocusOut}
      style={{ overflowY: 'auto', position: 'relative' }}
    >
      <div style={{ height: `${count * rowHeight}px`, position: 'relative' }}>{rows}</div>
    </div>
  );
}
