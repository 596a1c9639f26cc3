// The page-level relevance control (issue #8): one small fixed button group in its own closed shadow root,
// added only once a card on the page is marked relevant. "Next relevant (n)" moves to the next marked card;
// "Dim done" dims the overlays of papers the user marked done.
import { el, onUser, pageTheme, setAttr, setText, SHOWN_TEXT_STYLE, type Theme } from './host';

export const CONTROL_TAG = 'papershelf-controls';

const STYLE = `
:host { all: initial; position: fixed; right: 16px; bottom: 16px; z-index: 2147483646; }
.bar { font: 12.5px/1.5 system-ui, -apple-system, sans-serif; display: flex; gap: 6px; padding: 6px; border-radius: 10px;
  background: var(--bg); color: var(--fg); border: 1px solid var(--line); box-shadow: 0 2px 8px rgba(0,0,0,.15);
  --fg: #1f2937; --bg: #fff; --line: #d1d5db; --hover: #f3f4f6; --accent: #2563eb; }
.bar[hidden] { display: none; }
${SHOWN_TEXT_STYLE}
.bar[data-theme="dark"] { --fg: #e5e7eb; --bg: #1f2937; --line: #4b5563; --hover: #374151; --accent: #60a5fa; }
button { font: inherit; color: inherit; background: var(--bg); border: 1px solid var(--line); border-radius: 999px;
  padding: 1px 10px; cursor: pointer; }
button:hover { background: var(--hover); }
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

export function createPageControl(doc: Document, actions: { next(): void; dim(on: boolean): void }): PageControl {
  const host = doc.createElement(CONTROL_TAG);
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const bar = el(doc, 'div', { class: 'bar', role: 'group', 'aria-label': 'Papershelf' });
  bar.dataset.theme = pageTheme(doc);
  const next = el(doc, 'button', { type: 'button' });
  const dim = el(doc, 'button', { type: 'button', 'aria-pressed': 'false', title: 'Dim the Papershelf bar of papers you marked done' }, 'Dim done');
  onUser(next, 'click', () => actions.next());
  onUser(dim, 'click', () => actions.dim(dim.getAttribute('aria-pressed') !== 'true'));
  bar.append(next, dim);
  root.append(style, bar);
  return {
    host,
    setCount(n) {
      // Hidden inside the closed root, never removed: the host's presence must not tell the page whether any
      // card here is like the user's saved papers. Written only when it changes: a page's every append is scored,
      // and rewriting the same text still costs the page a frame of layout and paint (~6 ms on a 1,000-card arXiv
      // list, issue #7).
      const text = `Next relevant (${n})`;
      if (bar.hidden !== (n === 0)) bar.hidden = n === 0;
      setText(next, text);
    },
    setDim(on) {
      dim.setAttribute('aria-pressed', String(on));
    },
    setTheme(theme) {
      setAttr(bar, 'data-theme', theme);
    },
  };
}
