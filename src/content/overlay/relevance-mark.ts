// The relevance mark (issue #8): "◆ Relevant" in the card's closed shadow root, with the one-line reason as its
// description, its tooltip, and a line shown under the overlay, over the page, while it is hovered or focused (click
// keeps it open): only the reader's own pointer or keys show it, and the host's box never changes (host.ts). The reason
// names saved papers, so it exists only in here: never in the page's DOM, attributes or classes.
import { el, onUser, repeatedClick, setAttr, setText } from './host';

export const RELEVANCE_STYLE = `
.relevant { display: inline-flex; align-items: center; gap: 3px; padding: 0 8px; border-radius: 999px; cursor: help;
  border: 1px solid var(--accent); background-color: var(--mark); color: var(--fg); }
.relevant[hidden], .why[hidden] { display: none; }
.why { display: none; position: absolute; top: 100%; inset-inline-start: 0; z-index: 3; max-width: 100%; box-sizing: border-box;
  padding: 2px 8px; border: 1px solid var(--line); border-radius: 6px; background-color: var(--bg); color: var(--muted);
  box-shadow: 0 2px 8px rgba(0,0,0,.2); }
.relevant:hover ~ .why, .relevant:focus ~ .why, .relevant[aria-expanded="true"] ~ .why { display: block; }
.relevant[data-dismissed] ~ .why { display: none; }
.row.dim { opacity: .45; }
.row.dim:hover, .row.dim:focus-within { opacity: 1; }
`;

export interface RelevanceMarkView {
  /** The mark, then the reason line (the reason must come after the mark in the row for the CSS above). */
  elements: [HTMLElement, HTMLElement];
  /** null hides the mark. */
  set(reason: string | null): void;
  focus(): void;
}

/**
 * `title`: the card's paper, named in the mark's label ("Relevant: “Attention Is All You Need”"), so that a screen
 * reader's list of a page's buttons tells the marks apart; it begins with the text shown, for voice control (WCAG 2.5.3).
 */
export function createRelevanceMark(doc: Document, title?: string): RelevanceMarkView {
  const why = el(doc, 'span', { class: 'why', id: 'why' });
  const mark = el(doc, 'button', { type: 'button', class: 'relevant', 'aria-describedby': 'why', 'aria-expanded': 'false' });
  if (title) mark.setAttribute('aria-label', `Relevant: “${title}”`);
  mark.append(el(doc, 'span', { 'aria-hidden': 'true' }, '◆'), el(doc, 'span', {}, 'Relevant'));
  onUser(mark, 'click', (event) => {
    event.preventDefault(); // the card may be a link
    event.stopPropagation();
    if (repeatedClick(event)) return;
    mark.removeAttribute('data-dismissed');
    mark.setAttribute('aria-expanded', String(mark.getAttribute('aria-expanded') !== 'true'));
  });
  // Escape puts the line away (WCAG 1.4.13: it covers the card below, and "Next relevant" puts the focus here) until
  // the focus leaves, or the pointer with no focus here; once put away, Escape is the page's.
  mark.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || mark.hasAttribute('data-dismissed')) return;
    event.preventDefault();
    event.stopPropagation();
    mark.setAttribute('data-dismissed', '');
    mark.setAttribute('aria-expanded', 'false');
  });
  mark.addEventListener('blur', () => mark.removeAttribute('data-dismissed'));
  mark.addEventListener('mouseleave', () => mark.matches(':focus') || mark.removeAttribute('data-dismissed'));
  const view: RelevanceMarkView = {
    elements: [mark, why],
    set(reason) {
      mark.hidden = why.hidden = reason === null;
      setText(why, reason ? `Relevant: ${reason}` : '');
      // Its label too: while hidden (not hovered or focused) the line has no box, and Chromium then reads no generated
      // text from it, so the mark had no description (nor its title: aria-describedby takes the title's place) for a
      // screen reader browsing the page. A label is read from a hidden element.
      if (reason) setAttr(why, 'aria-label', `Relevant: ${reason}`);
      else why.removeAttribute('aria-label');
      mark.title = reason ? `Like your saved papers: ${reason}` : '';
    },
    focus: () => mark.focus({ preventScroll: true }),
  };
  view.set(null);
  return view;
}
