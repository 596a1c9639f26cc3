// Tag chips: followed authors, the user's own tags, rule tags, topics and site keywords, a few at a time with a "+N"
// overflow.
// Clicking a chip marks every card on the page that has the same tag.
import { sameTag, tagKey } from '../../core/tags/same-tag';
import { el, onUser, repeatedClick } from './host';

export type TagKind = 'author' | 'user' | 'rule' | 'topic' | 'site';

export interface Tag {
  /** Shown text and identity on the page (topics by label, keywords as written). */
  label: string;
  kind: TagKind;
  /** A topic the user watches, an author the user follows: the card stands out. */
  watched: boolean;
}

// A followed author's chip draws its star as `::before` (outranking host.ts's `[data-text]::before`) and its text as
// `::after`, still generated content. The star is decoration: its alternative text (after the `/`) is empty, so the
// chip is named "Ada Lovelace", not "black star Ada Lovelace". Two pseudo-elements, as Firefox (ESR 153) reads a
// `content` of attr() and alternative text both ("★ " attr(data-text) / attr(data-text)) as "Ada LovelaceAda Lovelace".
// A browser without alternative text drops the second declaration and keeps the first: the star read, as before.
export const TAG_STYLE = `
.tags { display: contents; }
.chip { border: 1px solid var(--line); background-color: var(--bg); border-radius: 6px; padding: 0 6px; cursor: pointer;
  max-width: 16em; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.chip[data-kind="topic"] { border-color: #93c5fd; }
.chip[data-kind="user"] { border-color: var(--saved-line); }
.chip[data-kind="rule"] { border-color: #86efac; }
.chip[data-kind="site"] { color: var(--muted); }
.chip[data-kind="author"]::before { content: "★ "; content: "★ " / ""; }
.chip[data-kind="author"]::after { content: attr(data-text); }
.chip[data-watched] { border-color: var(--watch); font-weight: 600; }
.chip[aria-pressed="true"] { background-color: var(--mark); }
.more { border: 0; background-color: var(--row-bg); color: var(--muted); cursor: pointer; padding: 0; border-radius: 6px;
  position: absolute; top: 0; inset-inline-end: 0; height: 100%; width: var(--more); }
.more:focus-visible, .more.count { z-index: 2; }
.row.open .more { position: static; height: auto; width: auto; padding: 0 4px; }
`;

/** Chips shown before the "+N" overflow. */
export const VISIBLE_TAGS = 3;

const ORDER: Record<TagKind, number> = { author: 0, user: 1, rule: 2, topic: 3, site: 4 };

/**
 * Followed authors and watched topics first, then user tags, rules, topics, site keywords; one chip per label (in any
 * case: core/tags/same-tag.ts).
 */
export function orderTags(tags: readonly Tag[]): Tag[] {
  const seen = new Set<string>();
  return [...tags]
    .sort((a, b) => Number(b.watched) - Number(a.watched) || ORDER[a.kind] - ORDER[b.kind])
    .filter((tag) => {
      const key = tagKey(tag.label);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

export interface TagChips {
  element: HTMLElement;
  setTags(tags: readonly Tag[]): void;
  /** Reflect the page's marked tag (null: none). */
  setMarked(label: string | null): void;
  labels(): string[];
}

/**
 * `onExpand`: the reader opened (true) or closed the list with the "more" button; the overlay opens its row for it
 * (host.ts openHost), one of the two ways, both the reader's, its content ever takes more room than its one line.
 * `title`: the card's paper, named in the "more" button's label, which acts on this card alone (a chip's does not: it
 * marks its tag on every card, and is named by its tag).
 */
export function createTagChips(doc: Document, onMark: (label: string) => void, onExpand: (expanded: boolean) => void = () => {}, title?: string): TagChips {
  const of = title ? ` of “${title}”` : '';
  const element = el(doc, 'span', { class: 'tags' });
  let tags: Tag[] = [];
  let expanded = false;
  let marked: string | null = null;

  const render = () => {
    // The buttons are drawn anew: one that had focus (a reader using keys: Enter on a chip, on "+N") hands it to its
    // successor, the chip of the same tag or the "more" button, instead of losing it to the page.
    const active = (element.getRootNode() as Document | ShadowRoot).activeElement;
    const focused = active && element.contains(active) ? (active.classList.contains('more') ? MORE : active.getAttribute('data-text')) : null;
    element.replaceChildren();
    const shown = expanded ? tags : tags.slice(0, VISIBLE_TAGS);
    // The focused chip not drawn again (its tag gone behind "+N", or taken away, by a change from another tab): the
    // "more" button takes the focus, the nearest control left, instead of the page's body.
    const toMore = focused === MORE || (focused !== null && !shown.some((tag) => tag.label === focused));
    for (const tag of shown) {
      const chip = el(doc, 'button', { type: 'button', class: 'chip', 'data-kind': tag.kind, 'aria-pressed': String(marked !== null && sameTag(tag.label, marked)) }, tag.label);
      chip.title =
        tag.kind === 'author'
          ? `${KIND_NAMES.author}: mark every paper on this page by ${tag.label}`
          : `${KIND_NAMES[tag.kind]}${tag.watched ? ' (watched)' : ''}: mark every paper on this page tagged “${tag.label}”`;
      if (tag.watched) chip.setAttribute('data-watched', '');
      onUser(chip, 'click', (event) => {
        event.preventDefault();
        event.stopPropagation();
        if (!repeatedClick(event)) onMark(tag.label); // a double click marks the tag: a second click cleared it
      });
      element.append(chip);
    }
    // Always there: besides the tags beyond the first few ("+N"), it shows what did not fit on the overlay's one line
    // ("⋯", seen only when something did not: host.ts), which nothing measures (issue #7). As "⋯" it is the pointer's
    // alone: keys reach each control on a line left off (the row scrolls to it) and a screen reader reads them all,
    // so for them it was, on every card, a stop that showed nothing new; it is out of the Tab order and the tree
    // (but when it takes the focus, back from "less" or from a chip gone: a focused element must be in the tree).
    const hidden = tags.length - shown.length;
    const label = expanded ? 'less' : hidden > 0 ? `+${hidden}` : '⋯';
    const more = el(doc, 'button', { type: 'button', class: hidden > 0 && !expanded ? 'more count' : 'more', 'aria-expanded': String(expanded) }, label);
    // Each name begins with the text shown ("+2", "less"), so a reader who speaks it to voice control is understood.
    more.setAttribute('aria-label', expanded ? `less: show fewer tags${of}` : hidden > 0 ? `+${hidden}: show ${hidden} more ${hidden === 1 ? 'tag' : 'tags'}${of}` : 'Show all');
    if (!expanded && hidden === 0 && !toMore) {
      more.tabIndex = -1;
      more.setAttribute('aria-hidden', 'true');
    }
    onUser(more, 'click', (event) => {
      event.preventDefault();
      event.stopPropagation();
      if (repeatedClick(event)) return;
      expanded = !expanded;
      render();
      onExpand(expanded);
    });
    element.append(more);
    if (focused !== null) {
      const successor = [...element.children].find((b) => (toMore ? b === more : b !== more && b.getAttribute('data-text') === focused));
      (successor as HTMLElement | undefined)?.focus();
    }
  };

  // The same tags or mark again (every saved-state answer, notice and refresh sets both) draw nothing: the chips drawn
  // anew cost the page a frame of layout and paint for each card (issue #7), where the save control wrote nothing.
  let drawn: string | null = null;
  return {
    element,
    setTags(next) {
      tags = orderTags(next);
      const key = JSON.stringify(tags.map((t) => [t.label, t.kind, t.watched]));
      if (key !== drawn) render();
      drawn = key;
    },
    setMarked(label) {
      if (label === marked) return;
      marked = label;
      render();
    },
    labels: () => tags.map((t) => t.label),
  };
}

const MORE = Symbol('more');

const KIND_NAMES: Record<TagKind, string> = { author: 'Author you follow', user: 'Your tag', rule: 'Your rule', topic: 'Topic', site: 'Site keyword' };
