// Closed shadow roots are invisible to the page, and to a test: while each test runs, this keeps a private handle on
// every root attached (the browser's attachShadow is put back after it).
import { afterEach, beforeEach } from 'vitest';

/** The roots attached during the current test, by host; call at the top of a file or describe block. */
export function captureClosedRoots(): ReadonlyMap<Element, ShadowRoot> {
  const roots = new Map<Element, ShadowRoot>();
  const realAttach = Element.prototype.attachShadow;
  beforeEach(() => {
    roots.clear();
    Element.prototype.attachShadow = function (init) {
      const root = realAttach.call(this, init);
      roots.set(this, root);
      return root;
    };
  });
  afterEach(() => {
    Element.prototype.attachShadow = realAttach;
  });
  return roots;
}
