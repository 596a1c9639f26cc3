import { useEffect, useRef, useState } from 'preact/hooks';
import type { SavedPaper } from '../../storage/schema';
import { READING_STATUSES, type ReadingStatus } from '../../storage/status';
import { formatCount, STATUS_LABELS } from '../format';
import { useReadingListState } from '../state-hooks';
import { PaperItem } from './PaperItem';

/** The popup renders a page at a time: 10,000 items would make it slow to open; the library page has them all. */
export const PAGE_SIZE = 50;
/**
 * Items a changed list shows in the render that changed it (a search keystroke's): more than the 600 px popup
 * shows at once. New items further down follow a frame later, so typing never waits for 50 items to be built.
 */
export const FIRST_SLICE = 12;

interface Props {
  papers: readonly SavedPaper[];
  knownTags: readonly string[];
  announce: (message: string) => void;
  /** ArrowUp on the first item goes back to the search box. */
  onLeaveTop?: () => void;
  /** Set to an id (or '' for the first item) to move focus into the list. */
  focusRequest?: { id: string } | null;
  /**
   * The paper being typed in (its note or a tag), then null once the focus leaves its item: the page keeps it in the
   * list meanwhile (kept-paper.ts), whatever the search and filters say of it now.
   */
  onHold?: (id: string | null) => void;
}

const STATUS_KEYS: Record<string, ReadingStatus | undefined> = { '1': READING_STATUSES[0], '2': READING_STATUSES[1], '3': READING_STATUSES[2] };

/** A list with a roving tabindex: Tab enters at one item, arrows move, Enter opens, 1/2/3 set the status. */
export function PaperList({ papers, knownTags, announce, onLeaveTop, focusRequest, onHold }: Props) {
  const state = useReadingListState();
  const [limit, setLimit] = useState(PAGE_SIZE);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const focusId = useRef<string | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const page = papers.slice(0, limit);
  // Items already on screen stay, wherever the change puts them (an editor open in one keeps its text and focus
  // when papers saved elsewhere arrive above it); new ones past FIRST_SLICE wait for the next frame
  // (completeFor: this list in full).
  const rendered = useRef<ReadonlySet<string>>(new Set());
  const [completeFor, setCompleteFor] = useState<readonly SavedPaper[] | null>(null);
  const shown = completeFor === papers ? page : page.filter((saved, i) => i < FIRST_SLICE || rendered.current.has(saved.id));
  useEffect(() => {
    rendered.current = new Set(shown.map((saved) => saved.id));
    if (shown.length === page.length) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => (timer = setTimeout(() => setCompleteFor(papers), 0)));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  });
  const active = shown.some((saved) => saved.id === activeId) ? activeId : (shown[0]?.id ?? null);

  // Focus moves after the render that made the target item exist and tabbable (kept until it exists).
  useEffect(() => {
    if (focusId.current === null) return;
    const row = rowElement(focusId.current);
    if (!row) return;
    focusId.current = null;
    row.focus();
  });

  // The item holding the focus. One that leaves the list with the focus in it (a status or tag its filter no longer
  // matches, a removal made elsewhere) would take the focus to the page's body: the item that took its place gets it,
  // as after a removal here, or the search box when none is left.
  const focusedItem = useRef<{ id: string; index: number } | null>(null);
  useEffect(() => {
    const item = focusedItem.current;
    if (!item) return;
    const index = shown.findIndex((saved) => saved.id === item.id);
    if (index >= 0) {
      item.index = index;
      return;
    }
    focusedItem.current = null;
    const focused = document.activeElement;
    if (focused && focused !== document.body && focused.isConnected) return; // the reader has moved on
    const next = shown[Math.min(item.index, shown.length - 1)];
    if (next) focusItem(next.id);
    else onLeaveTop?.();
  });

  const held = useRef<string | null>(null);
  const hold = (id: string | null) => {
    if (held.current === id) return;
    held.current = id;
    onHold?.(id);
  };
  const onFocusIn = (event: FocusEvent) => {
    const target = event.target as HTMLElement;
    const id = target.closest<HTMLElement>('li.item')?.dataset.id;
    const index = shown.findIndex((saved) => saved.id === id);
    focusedItem.current = id && index >= 0 ? { id, index } : null;
    if (held.current !== id) hold(null);
  };
  // Typed in (its note, saved as it is typed, or a tag not added yet), an item is held. A status or tag changed by a
  // click or a key on the item (not typed) takes it out of a filter it no longer matches, as designed.
  const onInput = (event: Event) => {
    const target = event.target as HTMLElement;
    const id = target.closest<HTMLElement>('li.item')?.dataset.id;
    if (id && target.matches('textarea, input:not([type="checkbox"])')) hold(id);
  };
  const onFocusOut = (event: FocusEvent) => {
    const to = event.relatedTarget as Element | null;
    if (held.current !== null && to?.closest<HTMLElement>('li.item')?.dataset.id !== held.current) hold(null);
    if (listRef.current?.contains(event.relatedTarget as Node | null)) return;
    const left = event.target as Element;
    // Gone elsewhere on purpose; an element taken out with its item has no relatedTarget and is no longer connected.
    if (event.relatedTarget) focusedItem.current = null;
    else queueMicrotask(() => left.isConnected && !listRef.current?.contains(document.activeElement) && (focusedItem.current = null));
  };

  function setStatus(saved: SavedPaper, status: ReadingStatus) {
    void state.setStatus([saved.id], status);
  }

  function rowElement(id: string): HTMLElement | undefined {
    return [...(listRef.current?.children ?? [])].find((el): el is HTMLElement => (el as HTMLElement).dataset.id === id);
  }

  useEffect(() => {
    if (!focusRequest) return;
    // An id the list does not show (a paper put back under a filter it does not match): the first item instead.
    const target = (focusRequest.id && papers.some((saved) => saved.id === focusRequest.id) ? focusRequest.id : '') || shown[0]?.id;
    if (target) focusItem(target);
  }, [focusRequest]);

  function focusItem(id: string) {
    focusId.current = id;
    setActiveId(id);
    const row = rowElement(id);
    if (activeId === id && row) {
      // No state change means no render: focus now.
      focusId.current = null;
      row.focus();
    }
  }

  function moveTo(index: number) {
    if (index >= page.length && page.length < papers.length) setLimit((n) => n + PAGE_SIZE);
    const target = papers[Math.max(0, Math.min(index, papers.length - 1))];
    if (target) focusItem(target.id);
  }

  const onKeyDown = (event: KeyboardEvent) => {
    const row = event.target as HTMLElement;
    if (!row.matches('li.item') || event.ctrlKey || event.metaKey || event.altKey) return; // keys act on the focused item itself
    const index = shown.findIndex((saved) => saved.id === row.dataset.id);
    const saved = shown[index];
    if (!saved) return;
    const status = STATUS_KEYS[event.key];
    if (event.key === 'ArrowDown') moveTo(index + 1);
    else if (event.key === 'ArrowUp') index === 0 && onLeaveTop ? onLeaveTop() : moveTo(index - 1);
    else if (event.key === 'Home') moveTo(0);
    else if (event.key === 'End') moveTo(page.length - 1);
    else if (event.key === 'Enter') row.querySelector<HTMLAnchorElement>('a.title')?.click();
    else if (status) {
      setStatus(saved, status);
      announce(`“${saved.paper.title}” marked ${STATUS_LABELS[status].toLowerCase()}.`);
    } else return;
    event.preventDefault();
  };

  const now = Date.now();
  return (
    <>
      <ul class="list" aria-label="Reading list" ref={listRef} onKeyDown={onKeyDown} onFocusIn={onFocusIn} onFocusOut={onFocusOut} onInput={onInput}>
        {shown.map((saved, i) => (
          <PaperItem
            key={saved.id}
            saved={saved}
            active={saved.id === active}
            expanded={saved.id === openId}
            knownTags={knownTags}
            now={now}
            onActivate={() => setActiveId(saved.id)}
            onToggle={() => setOpenId(openId === saved.id ? null : saved.id)}
            onStatus={(status) => setStatus(saved, status)}
            onRemove={() => {
              const next = shown[i + 1] ?? shown[i - 1];
              if (next) focusItem(next.id); // keep keyboard users in the list
              else onLeaveTop?.(); // the last one: back to the search box
              void state.remove([saved.id]);
            }}
          />
        ))}
      </ul>
      {papers.length > page.length && (
        // On to the first item it shows: the button moves below them, or goes with the last page.
        <button type="button" class="more" onClick={() => moveTo(page.length)}>
          Show {Math.min(PAGE_SIZE, papers.length - page.length)} more of {formatCount(papers.length - page.length)}
        </button>
      )}
    </>
  );
}
