// The overlay host: an element in the page carrying only `data-papershelf-id`, with a closed shadow root.
// The page's CSS does not reach inside (all: initial on the host); ours does not leak out.
export const HOST_TAG = 'papershelf-overlay';

/**
 * Every text an overlay shows is CSS generated content, from a `data-text` attribute (setText, el), never a text node:
 * find-in-page never matches it, so a page's `window.find("Saved")` or `find("my-tag")` cannot learn what is in the
 * reading list from our overlays, and in Firefox, whose selection then handed the page the closed root itself, cannot
 * reach in. Screen readers read generated content in accessible names and text as they read text nodes.
 */
export const SHOWN_TEXT_STYLE = '[data-text]::before { content: attr(data-text); }';

/**
 * Each theme's colours, as the row's custom properties (`--fg`, …). Every text colour (fg, muted, warn, error) reaches
 * WCAG AA (4.5:1) on the row's backgrounds (bg, and mark: a marked card's row, under its text outside the chips), and
 * saved-fg on saved-bg (checked by host.test.ts).
 */
export const PALETTE = {
  light: {
    fg: '#1f2937', muted: '#4b5563', bg: '#ffffff', line: '#d1d5db', hover: '#f3f4f6', accent: '#2563eb',
    'saved-bg': '#fef3c7', 'saved-line': '#f59e0b', 'saved-fg': '#78350f', watch: '#7c3aed', mark: '#dbeafe',
    warn: '#92400e', error: '#b91c1c',
  },
  dark: {
    fg: '#e5e7eb', muted: '#9ca3af', bg: '#1f2937', line: '#4b5563', hover: '#374151', accent: '#60a5fa',
    'saved-bg': '#78350f', 'saved-line': '#f59e0b', 'saved-fg': '#fef3c7', watch: '#a78bfa', mark: '#172554',
    warn: '#fbbf24', error: '#fca5a5',
  },
} satisfies Record<Theme, Record<string, string>>;

/**
 * The palette's custom properties, declared on the row. Their names are no secret, and a page's `@property` rule (or
 * CSS.registerProperty) reaches into our roots: registered `inherits: false`, or with a syntax our colours do not
 * fit, they take the page's initial value inside, `url(…)` among them. So no property that can load anything
 * (`background`, `background-image`, `border-image`, `list-style`, `mask`, `cursor`, `content`) ever reads one: only
 * `background-color`, `color`, `border-color` and the like, where a url() is invalid and loads nothing. `background:
 * var(--saved-bg)` had a saved paper's button fetch an address of the page's choosing (style-values.test.ts).
 * Likewise the font is generic families only (`system-ui, sans-serif`): a page's @font-face (or FontFace) applies inside
 * too, and a family name of its own in our list (`-apple-system` was one) took any character the system font lacks (a
 * tag in Chinese, say) from the page's font, whose loading (its `status`) the page sees.
 */
const properties = (colours: Record<string, string>) =>
  Object.entries(colours)
    .map(([name, value]) => `--${name}: ${value};`)
    .join(' ');

/**
 * The host's box is ours alone, fixed by this style, so the page learns nothing of the reader's list from it: a page
 * script can read the host's size (getBoundingClientRect, offset/client/scroll sizes, a ResizeObserver), its card's
 * height, and hit-test it (elementFromPoint gives the host for any point our content covers), but never what is inside.
 * So the host's size depends on nothing private (saved or not, status, the reader's tags, rules, watched topics,
 * relevance, messages, badges): a block as wide as its container (the inline one: a fixed width, see card-overlay.ts)
 * and one line high, `contain: size` (its content does not size it). The line is the row's font's (`lh`: 24 px as a
 * rule), as the row's text is drawn: a browser's minimum font size (a low-vision setting) enlarges both alike, where a
 * height in px (or `em`, which Chromium takes from the size asked, not the size drawn) cut the text and the buttons. Every declaration is `!important`: a page's
 * own style for `papershelf-overlay`, even `!important` or inline, loses to a shadow root's important ones, so the
 * page cannot undo the containment to let the content size the host. Inside, the row fills the host, is drawn and
 * hit-tested over all of it, and clips its own overflow (the host's scroll sizes do not grow): what does not fit on
 * its line wraps to lines that are never shown, whole, and the "more" button (tag-chips.ts) or the statuses opened
 * open the row (openHost), only at the reader's click. Focus outlines are drawn inside their control (the row clips
 * outside). Sides are logical (inline start and end), as the row runs in its card's direction: right to left in an
 * Arabic or Hebrew page, where a right-hand `.end` was drawn over the last control on the line.
 */
const BASE_STYLE = `
:host { all: initial !important; display: block !important; margin: 6px 0 2px !important;
  font: 12.5px/1.5 system-ui, sans-serif !important; height: calc(1lh + 5.25px) !important;
  contain: size layout style !important; }
.row { box-sizing: border-box; width: 100%; height: 100%; overflow: hidden; padding-inline-end: var(--more);
  display: flex; align-items: center; align-content: flex-start;
  gap: 6px; row-gap: 24px; flex-wrap: wrap; border-radius: 8px; color: var(--fg); background-color: var(--row-bg);
  --more: 3em; --row-bg: var(--bg); ${properties(PALETTE.light)} }
.row > * { flex: none; }
.row[data-theme="dark"] { ${properties(PALETTE.dark)} }
.row.watched { box-shadow: inset 3px 0 0 var(--watch); padding-inline-start: 8px; }
.row.watched:dir(rtl) { box-shadow: inset -3px 0 0 var(--watch); }
.row.marked { --row-bg: var(--mark); }
.row.open { height: auto; min-height: 100%; overflow: visible; padding-inline-end: 0; row-gap: 4px; }
.end { flex: 1 0 0; align-self: stretch; margin-inline-end: calc(-1 * var(--more)); position: relative; z-index: 1;
  background-color: var(--row-bg); }
.row.open .end { display: none; }
button, a { font: inherit; color: inherit; }
button:focus-visible, a:focus-visible { outline: 2px solid var(--accent); outline-offset: -2px; }
.msg { position: absolute; top: 0; inset-inline-end: 0; bottom: 0; z-index: 3; max-width: 100%; display: flex; align-items: center;
  box-sizing: border-box; overflow: hidden; white-space: nowrap; color: var(--error); background-color: var(--row-bg); }
.msg[data-text]:not([data-text=""]) { padding: 0 8px; }
${SHOWN_TEXT_STYLE}
`;

export type Theme = 'light' | 'dark';

export interface OverlayHost {
  host: HTMLElement;
  /** Closed, and empty until filled (fillHost). */
  root: ShadowRoot;
}

/**
 * Light or dark, following the site: its own `dark`/`light` class first, else the system setting; where the site
 * themes by its `dark` class alone (`byClass`: Hugging Face, whose own monitor of the system setting puts it there),
 * a page without it is light, whatever the system says (the reader chose light on the site).
 */
export function pageTheme(doc: Document, byClass = false): Theme {
  const root = doc.documentElement;
  if (root.classList.contains('dark')) return 'dark';
  if (byClass || root.classList.contains('light')) return 'light';
  return doc.defaultView?.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

const joined = new WeakMap<readonly string[], string>();
/** One string per style list (a page mounts hundreds of hosts with the same text; the engine shares its parse). */
function styleText(styles: readonly string[]): string {
  let text = joined.get(styles);
  if (text === undefined) joined.set(styles, (text = [BASE_STYLE, ...styles].join('\n')));
  return text;
}

/**
 * The host, `hidden`, and its closed root, empty: an unfilled host generates no box (no style sheet to activate,
 * nothing to lay out) between being mounted and being filled; fillHost gives it its style and row and shows it.
 */
export function createHost(doc: Document, id: string): OverlayHost {
  const host = shadowHostElement(doc, HOST_TAG);
  host.setAttribute('data-papershelf-id', id);
  host.hidden = true;
  return { host, root: host.attachShadow({ mode: 'closed' }) };
}

const inertDocs = new WeakMap<Document, Document>();

/**
 * An element of this (custom element) name to attach a closed root to, unlike any the page's own custom elements
 * make. A page that defined the name itself (customElements.define('papershelf-overlay', …)) has its constructor run
 * on every one `doc` makes from then on, and a root attached to a custom element is its ElementInternals'
 * (attachInternals().shadowRoot hands it over, closed or not: HTML's "available to element internals"), which read
 * out each card's saved state, status and tags in Chromium and Firefox alike. Such an element is made in a document
 * of our own instead, which has no custom element registry: the root is attached to a plain element, and the page's
 * upgrade, when the host is inserted, finds no root its internals may see.
 */
export function shadowHostElement(doc: Document, name: string): HTMLElement {
  const element = doc.createElement(name);
  if (!element.matches(':defined')) return element; // not a custom element of the page's: the usual case
  let inert = inertDocs.get(doc);
  if (!inert) inertDocs.set(doc, (inert = doc.implementation.createHTMLDocument('')));
  return inert.createElement(name);
}

/**
 * One constructed style sheet per style list, adopted by every root (issue #7): a <style> element per root is a
 * sheet for the engine to activate per root, and a batch of 49 overlays cost ~20 ms of StyleEngine work per frame
 * when scrolling a long arXiv list. Firefox refuses a content script's sheets in `adoptedStyleSheets` (bug
 * 1928865: the array is the content script's, not the page's), so there, and wherever constructed sheets are
 * missing, each root gets its <style> as before; the first refusal decides for the rest of the page.
 */
let constructed = true;
const sheets = new WeakMap<readonly string[], CSSStyleSheet>();

function adopt(root: ShadowRoot, styles: readonly string[]): boolean {
  if (!constructed) return false;
  try {
    let sheet = sheets.get(styles);
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(styleText(styles));
      sheets.set(styles, sheet);
    }
    root.adoptedStyleSheets = [sheet];
    constructed = root.adoptedStyleSheets.length === 1;
  } catch {
    constructed = false;
  }
  return constructed;
}

/** The overlay's style and its row, in the host's root (the row is where the controls go); the host is shown. */
export function fillHost(doc: Document, host: HTMLElement, root: ShadowRoot, theme: Theme, styles: readonly string[]): HTMLElement {
  const row = doc.createElement('div');
  row.className = 'row';
  row.dataset.theme = theme; // inside the closed root: the page sees nothing of it
  if (adopt(root, styles)) root.append(row);
  else {
    const style = doc.createElement('style');
    style.textContent = styleText(styles);
    root.append(style, row);
  }
  host.hidden = false;
  return row;
}

/**
 * What an opened row adds: its host is sized by its content (see BASE_STYLE). More specific than `:host`, as it must
 * win over the root's adopted sheet, which comes later than any <style> in the root.
 */
const OPEN_STYLE = `:host(${HOST_TAG}) { height: auto !important; contain: layout style !important; }`;

/**
 * The row opened (true) or closed at the reader's action (its "more" button, its statuses; never the page's, never a
 * change of state): all of it shown, on as many lines as it takes, and the host grows to hold them, pushing the page
 * below down, so that nothing is cut off by the card's own clipping (Hugging Face's cards are `content-visibility:
 * auto`, which clips their painting). The page then sees the host's size, as the reader chose to show it. A
 * `<style>` in the root for the time the row is open (rare: made per click, not per card).
 */
export function openHost(doc: Document, row: HTMLElement, open: boolean): void {
  const root = row.getRootNode() as ShadowRoot;
  const style = root.querySelector('style.open');
  if (open && !style) root.append(Object.assign(doc.createElement('style'), { className: 'open', textContent: OPEN_STYLE }));
  if (!open) style?.remove();
  row.classList.toggle('open', open);
}

/**
 * An element's shown text (SHOWN_TEXT_STYLE), or an attribute, written only when it differs: a write that changes
 * nothing still costs the page a frame of layout and paint (on a 1,000-card arXiv list, 10-20 ms; issue #7).
 */
export function setText(element: Element, text: string): void {
  setAttr(element, 'data-text', text);
}

/** The text an element shows (setText): its own and its descendants', in document order. */
export function shownText(element: Element): string {
  let text = element.getAttribute('data-text') ?? '';
  for (const child of element.children) text += shownText(child);
  return text;
}

export function setAttr(element: Element, name: string, value: string): void {
  if (element.getAttribute(name) !== value) element.setAttribute(name, value);
}

/**
 * Whether an event is the user's (or the browser's on the user's behalf: a key that presses a button is a trusted
 * click), not a script's. The page must never act through our controls: a closed root keeps its scripts from our
 * elements, but in Firefox a page's selection (window.find over our text) once handed it the root itself. An object,
 * so that unit tests, whose DOM makes every click a script's, can stand in for the user.
 */
export const userInput = { isUser: (event: Event): boolean => event.isTrusted };

/** A handler for the user's events of this type on this element; a script's are ignored (userInput). */
export function onUser<K extends keyof HTMLElementEventMap>(element: HTMLElement, type: K, handler: (event: HTMLElementEventMap[K]) => void): void {
  element.addEventListener(type, (event) => {
    if (userInput.isUser(event)) handler(event);
  });
}

/**
 * A click after the first of a double or triple click (its `detail` counts them; a key's click has 0). On a control
 * that toggles, each would undo the one before (a double click on Save saved, then removed); where the first click
 * changed the row (statuses opened or closed, a label grown or shrunk), they land on whatever came under the pointer.
 * Such a click acts on nothing, but is still the overlay's (the card may be a link).
 */
export const repeatedClick = (event: MouseEvent): boolean => event.detail > 1;

/** A tiny element builder: attributes and text only, never markup. */
export function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  attrs: Record<string, string> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  if (text !== undefined) node.setAttribute('data-text', text);
  return node;
}
