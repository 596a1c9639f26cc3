// @vitest-environment jsdom
// A page that defines our hosts' tags as custom elements of its own, whose constructors keep each one's ElementInternals:
// the roots we attach must not be theirs to read (host.ts shadowHostElement). In its own file: a window's custom element
// definitions cannot be undone, and every other test makes hosts of these names as a page that defined none.
import { beforeAll, expect, it } from 'vitest';
import { emptyPaper } from '../../core/paper';
import { createCardOverlay, type OverlayActions } from './card-overlay';
import { createPageControl, CONTROL_TAG } from './page-control';
import { HOST_TAG } from './host';

const internals = new Map<Element, ElementInternals[]>();
beforeAll(() => {
  for (const tag of [HOST_TAG, CONTROL_TAG]) {
    customElements.define(
      tag,
      class extends HTMLElement {
        constructor() {
          super();
          internals.set(this, [...(internals.get(this) ?? []), this.attachInternals()]);
        }
      },
    );
  }
});

const paper = emptyPaper('arxiv:2601.00001', 'A paper', { site: 'arxiv', page: 'listing' });
const actions: OverlayActions = { toggle: () => {}, setStatus: () => {}, mark: () => {}, repo: async () => null, moreRepos: async () => [], now: () => 0 };

it("a card overlay's closed root is not handed to the page's own element of that name", () => {
  const overlay = createCardOverlay(document, paper.id, () => paper, () => 'light', () => [], actions);
  document.body.replaceChildren(overlay.host);
  overlay.reveal();
  overlay.setState({ status: 'reading', tags: ['secret'] });
  // The page's class did run on the host (upgraded once inserted), as it does on any element of its name…
  expect(internals.get(overlay.host)?.length).toBeGreaterThan(0);
  // …but none of its internals shows our root.
  expect(internals.get(overlay.host)!.map((i) => i.shadowRoot)).toEqual(internals.get(overlay.host)!.map(() => null));
  expect(overlay.host.getAttribute('data-papershelf-id')).toBe(paper.id);
  expect(overlay.host.ownerDocument).toBe(document);
});

it("the page-level control's closed root is not handed to the page's own element of that name", () => {
  const control = createPageControl(document, { next: () => {}, dim: () => {} }, 'light');
  document.body.replaceChildren(control.host);
  control.setCount(3);
  expect(internals.get(control.host)?.length).toBeGreaterThan(0);
  expect(internals.get(control.host)!.map((i) => i.shadowRoot)).toEqual(internals.get(control.host)!.map(() => null));
});
