// @vitest-environment jsdom
import { afterEach, beforeEach, expect, it, vi } from 'vitest';

// The module remembers whether constructed sheets work on this page: a fresh copy per test.
let host: typeof import('./host');
beforeEach(async () => {
  vi.resetModules();
  host = await import('./host');
});
afterEach(() => vi.restoreAllMocks());

const STYLES = ['.extra { color: red; }'];

function filled(): ShadowRoot {
  const { host: el, root } = host.createHost(document, 'arxiv:2601.00001');
  document.body.append(el);
  host.fillHost(document, el, root, 'light', STYLES);
  expect(el.hidden).toBe(false);
  return root;
}

it('gives every root the same constructed style sheet, and no <style> element', () => {
  const roots = [filled(), filled(), filled()];
  const sheet = roots[0]!.adoptedStyleSheets[0]!;
  expect(roots.every((r) => r.adoptedStyleSheets.length === 1 && r.adoptedStyleSheets[0] === sheet)).toBe(true);
  expect(roots.every((r) => r.querySelector('style') === null && r.querySelector('.row') !== null)).toBe(true);
  const rules = [...sheet.cssRules].map((r) => r.cssText).join('\n');
  expect(rules).toContain(':host');
  expect(rules).toContain('.extra');
});

it('falls back to a <style> per root where adopting a sheet is refused (Firefox content scripts), and asks once', () => {
  // Roots that refuse the sheet, as Firefox's refuse a content script's array (bug 1928865).
  const refused = vi.fn(() => {
    throw new TypeError('Accessing from Xray wrapper is not supported.');
  });
  const attach = Element.prototype.attachShadow;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
    const root = attach.call(this, init);
    Object.defineProperty(root, 'adoptedStyleSheets', { get: () => [], set: refused });
    return root;
  });
  const roots = [filled(), filled()];
  for (const root of roots) {
    expect(root.querySelector('style')!.textContent).toContain('.extra');
    expect(root.querySelector('style')!.nextElementSibling!.className).toBe('row');
  }
  expect(refused).toHaveBeenCalledTimes(1);
});

it("every text colour of each theme reaches WCAG AA (4.5:1) on the row's backgrounds", async () => {
  const { BADGE_STYLE } = await import('./github-badge');
  const { host: el, root } = host.createHost(document, 'arxiv:2601.00001');
  document.body.append(el);
  host.fillHost(document, el, root, 'light', [BADGE_STYLE]);
  const rules = [...root.adoptedStyleSheets[0]!.cssRules] as CSSStyleRule[];
  const rule = (selector: string) => rules.find((r) => r.selectorText === selector)?.style;
  const light = rule('.row')!;
  const themes = { light, dark: rule('.row[data-theme="dark"]')! };
  /** A colour as the theme resolves it: its own custom property, else the light one's (the dark rule overrides). */
  const resolve = (theme: keyof typeof themes, value: string): string => {
    const name = /^var\((--[\w-]+)\)$/.exec(value.trim())?.[1];
    if (!name) return value.trim();
    return resolve(theme, themes[theme].getPropertyValue(name) || light.getPropertyValue(name));
  };
  /** Relative luminance of `#rrggbb`, `#rgb` or `rgb(r, g, b)` (the CSSOM can give either). */
  const luminance = (colour: string) => {
    const rgb = /^rgb\((\d+), (\d+), (\d+)\)$/.exec(colour)?.slice(1).map(Number) ?? [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16));
    const [r, g, b] = rgb.map((c) => c / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    const value = 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    expect(value, colour).not.toBeNaN();
    return value;
  };
  const contrast = (a: string, b: string) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi! + 0.05) / (lo! + 0.05);
  };
  const full = (hex: string) => (hex.length === 4 ? `#${[...hex.slice(1)].map((c) => c + c).join('')}` : hex);
  const low: string[] = [];
  for (const theme of ['light', 'dark'] as const) {
    const colour = (value: string) => full(resolve(theme, value));
    const texts = {
      fg: colour('var(--fg)'),
      muted: colour('var(--muted)'),
      warning: colour(rule('.badge .warn')!.color),
      error: colour((theme === 'dark' && rule('.row[data-theme="dark"] .msg')?.color) || rule('.msg')!.color),
    };
    for (const background of ['bg', 'mark']) {
      for (const [name, fg] of Object.entries(texts)) {
        const ratio = contrast(fg, colour(`var(--${background})`));
        if (ratio < 4.5) low.push(`${theme} ${name} on ${background}: ${ratio.toFixed(2)}`);
      }
    }
    const saved = contrast(colour('var(--saved-fg)'), colour('var(--saved-bg)'));
    if (saved < 4.5) low.push(`${theme} saved: ${saved.toFixed(2)}`);
  }
  expect(low).toEqual([]);
});
