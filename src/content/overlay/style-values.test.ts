// @vitest-environment jsdom
// A page's @property rules reach into our closed roots: a custom property of ours it registers takes the page's initial
// value there (see host.ts, the palette). So no declaration of a property that can load a resource may take a var():
// `background: var(--saved-bg)` had a saved paper's button fetch an address of the page's choosing.
import { expect, it, vi } from 'vitest';
import { emptyPaper } from '../../core/paper';
import { captureClosedRoots } from '../../../test/unit/closed-roots';
import { userInput } from './host';
import { createCardOverlay, type OverlayActions } from './card-overlay';
import { createPageControl } from './page-control';

const roots = captureClosedRoots();

/** Properties whose value can name a resource the browser then loads (an image, a cursor, a mask, a font via none). */
const LOADING = /^(background|background-image|border-image(-source)?|list-style(-image)?|mask(-image)?|-webkit-mask(-image)?|cursor|content|filter|clip-path|shape-outside|offset-path)$/;

/** Every declaration in a root's style, from its adopted sheets and its <style> elements, as `property: value`. */
function declarations(root: ShadowRoot): string[] {
  const adopted = (root.adoptedStyleSheets ?? []).flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText));
  const text = [...adopted, ...[...root.querySelectorAll('style')].map((style) => style.textContent)].join('\n');
  return [...text.matchAll(/[{;]\s*([-\w]+)\s*:\s*([^;}]*)/g)].map(([, property, value]) => `${property}: ${value!.trim()}`);
}

const paper = emptyPaper('arxiv:2601.00001', 'A paper', { site: 'arxiv', page: 'listing' });
const actions: OverlayActions = { toggle: () => {}, setStatus: () => {}, mark: () => {}, repo: async () => null, moreRepos: async () => [], now: () => 0 };

it.each([false, true])('no property that loads a resource takes a custom property (card overlay, inline: %s; page control)', (inline) => {
  vi.spyOn(userInput, 'isUser').mockReturnValue(true);
  const overlay = createCardOverlay(document, paper.id, () => paper, () => 'light', () => [], actions, inline);
  const control = createPageControl(document, { next: () => {}, dim: () => {} }, 'light');
  document.body.replaceChildren(overlay.host, control.host);
  overlay.reveal();
  overlay.setState({ status: 'reading', tags: ['mine'] });
  overlay.setRelevance('like 2 saved papers');
  const found = [...declarations(roots.get(overlay.host)!), ...declarations(roots.get(control.host)!)];
  // The saved button's colours are read from the palette (so the test does read our styles)…
  expect(found.filter((d) => d.includes('var(--saved-bg)')).length).toBeGreaterThan(0);
  // …and never by a property that can load what a page put in it.
  expect(found.filter((d) => LOADING.test(d.split(':')[0]!) && d.includes('var('))).toEqual([]);
});

/** CSS's generic font families: names no @font-face can take (a page's own face is matched by a name it chose). */
const GENERIC = new Set(['serif', 'sans-serif', 'monospace', 'cursive', 'fantasy', 'system-ui', 'math', 'emoji', 'fangsong', 'ui-serif', 'ui-sans-serif', 'ui-monospace', 'ui-rounded', 'inherit']);

it('every font our styles name is a generic family, which no page font can stand in for', () => {
  const overlay = createCardOverlay(document, paper.id, () => paper, () => 'light', () => [], actions);
  const control = createPageControl(document, { next: () => {}, dim: () => {} }, 'light');
  document.body.replaceChildren(overlay.host, control.host);
  overlay.reveal();
  const fonts = [...declarations(roots.get(overlay.host)!), ...declarations(roots.get(control.host)!)].filter((d) => /^font(-family)?:/.test(d));
  expect(fonts.length).toBeGreaterThan(1);
  // A family list is what follows the size (`12.5px/1.5 system-ui, sans-serif`), or the whole value of font-family.
  const families = fonts.flatMap((d) => d.replace(/^font(-family)?:\s*/, '').replace(/\s*!important$/, '').replace(/^.*?\d(px|em|rem|%)(\s*\/\s*[\d.]+)?\s+/, '').split(','));
  expect(families.map((f) => f.trim()).filter((f) => !GENERIC.has(f))).toEqual([]);
});
