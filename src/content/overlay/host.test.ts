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
