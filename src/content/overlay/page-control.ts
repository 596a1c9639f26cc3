// The page-level relevance control (issue #8): one small fixed button group in its own closed shadow root, drawn on
// every annotated page while relevance is on and something is saved (the background says so: handlers.ts tagSettings;
// a new reader's empty list has nothing to be like). "Next relevant (n)" moves to the next marked card (and does nothing
// at none); "Dim done" dims the overlays of papers the user marked done.
//
// A page script sees the host's box and can hit-test it (elementFromPoint answers the host wherever the bar is drawn),
// so neither may depend on what is in the reader's list: the bar is drawn whether or not any card is relevant (a bar
// drawn only when one is told a page built to probe the reader's interests that much), and the count sits in a slot
// of fixed width, so "(1)" and "(42)" give the bar one size. That the list is not empty is all its presence tells. Every declaration on the host is `!important` (see host.ts): the
// page's own style cannot undo them.
import { el, onUser, pageTheme, repeatedClick, setAttr, setText, shadowHostElement, SHOWN_TEXT_STYLE, type Theme } from './host';

export const CONTROL_TAG = 'papershelf-controls';

const STYLE = `
:host { all: initial !important; display: block !important; position: fixed !important; right: 16px !important;
  bottom: 16px !important; z-index: 2147483646 !important; contain: layout style !important;
  font: 12.5px/1.5 system-ui, sans-serif !important; }
.bar { display: flex; gap: 6px; padding: 6px; border-radius: 10px;
  background-color: var(--bg); color: var(--fg); border: 1px solid var(--line); box-shadow: 0 2px 8px rgba(0,0,0,.15);
  --fg: #1f2937; --bg: #fff; --line: #d1d5db; --hover: #f3f4f6; --accent: #2563eb; --muted: #4b5563; }
/* The count's slot holds "(99+)" whatever it shows. */
.count { display: inline-block; width: 5ch; text-align: start; font-variant-numeric: tabular-nums; }
.label { white-space: pre; }
.bar.none .next { color: var(--muted); cursor: default; }
${SHOWN_TEXT_STYLE}
.bar[data-theme="dark"] { --fg: #e5e7eb; --bg: #1f2937; --line: #4b5563; --hover: #374151; --accent: #60a5fa; --muted: #9ca3af; }
button { font: inherit; color: inherit; background-color: var(--bg); border: 1px solid var(--line); border-radius: 999px;
  padding: 1px 10px; cursor: pointer; }
button:hover:not([aria-disabled="true"]) { background-color: var(--hover); }
button[aria-pressed="true"] { border-color: var(--accent); }
button:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
`;

export interface PageControl {
  readonly host: HTMLElement;
  setCount(n: number): void;
  setDim(on: boolean): void;
  /** The page switched theme. */
  setTheme(theme: Theme): void;
}

/** `theme`: the page's (the annotator's reading of it, which knows how the site themes). */
export function createPageControl(doc: Document, actions: { next(): void; dim(on: boolean): void }, theme: Theme = pageTheme(doc)): PageControl {
  const host = shadowHostElement(doc, CONTROL_TAG); // never a page's custom element (host.ts)
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const bar = el(doc, 'div', { class: 'bar', role: 'group', 'aria-label': 'Papershelf' });
  bar.dataset.theme = theme;
  // aria-disabled, not disabled: a disabled button is skipped by Tab, which a page could tell from where the focus goes.
  const next = el(doc, 'button', { type: 'button', class: 'next', title: 'Go to the next card like the papers you saved (marked ◆ Relevant)' });
  const label = el(doc, 'span', { class: 'label' });
  const count = el(doc, 'span', { class: 'count' });
  setText(label, 'Next relevant ');
  next.append(label, count);
  const dim = el(doc, 'button', { type: 'button', 'aria-pressed': 'false', title: 'Dim the Papershelf bar of papers you marked done' }, 'Dim done');
  onUser(next, 'click', () => {
    if (next.getAttribute('aria-disabled') !== 'true') actions.next();
  });
  // A double click dims once, as the overlay's toggles act once (host.ts repeatedClick): its second click undid the
  // first. "Next relevant" takes each click: quick clicks go down the page a card each.
  onUser(dim, 'click', (event) => repeatedClick(event) || actions.dim(dim.getAttribute('aria-pressed') !== 'true'));
  bar.append(next, dim);
  root.append(style, bar);
  return {
    host,
    setCount(n) {
      // Drawn at none too, at the same size (above). Written only when it changes: a page's every append is scored,
      // and rewriting the same text still costs the page a frame of layout and paint (~6 ms on a 1,000-card arXiv
      // list, issue #7).
      const none = n === 0;
      if (bar.classList.contains('none') !== none) bar.classList.toggle('none', none);
      setAttr(next, 'aria-disabled', String(none));
      setText(count, `(${n > 99 ? '99+' : n})`);
    },
    setDim(on) {
      dim.setAttribute('aria-pressed', String(on));
    },
    setTheme(theme) {
      setAttr(bar, 'data-theme', theme);
    },
  };
}
