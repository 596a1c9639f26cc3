// Which annotated card an element of a changed page belongs to: the card it is in, the card whose overlay was put
// beside it (outside the card), the card whose fields sit beside it (arXiv's dd), or a card that named a paper once.
// The mutation observer asks for every node the page adds, so these are walks up the tree and map reads, nothing more.
// The annotator owns one and registers its cards in `cards`; the finder keeps the overlays put outside their cards.
import type { SiteAdapter } from '../../sites/types';
import { inPlace, type Annotated } from './annotated';

export class CardFinder {
  /** Every annotated card's entry (one per card element; the annotator sets and deletes them). */
  readonly cards = new WeakMap<Element, Annotated>();
  /** Every element ever annotated as a card: one that names no paper now is checked again when a link in it changes. */
  readonly wereCards = new WeakSet<Element>();
  /**
   * Mount parent -> the cards whose overlays were put in it from outside it (a Hugging Face profile row's link cards,
   * alphaXiv's h1), so that a change next to such an overlay is traced back to its card. A row can hold several.
   */
  private readonly parents = new WeakMap<Element, Set<Element>>();

  /** The card's overlay was put in `parent`, outside the card (see `parents`). */
  putBeside(card: Element, parent: Element): void {
    let beside = this.parents.get(parent);
    if (!beside) this.parents.set(parent, (beside = new Set()));
    beside.add(card);
  }

  /** The card, once annotated, that holds this element though it names no paper now (rejected or renamed to none). */
  formerCard(node: Element): Element | null {
    for (let el: Element | null = node; el; el = el.parentElement) if (this.wereCards.has(el)) return el;
    return null;
  }

  /** The card has its overlay where it was put, or is still waiting for the viewport (nothing to put back). */
  hasOverlay(card: Element): boolean {
    const entry = this.cards.get(card);
    if (!entry) return false;
    // A card waiting to near the viewport has nothing to put back: the observer still watches it. One built while it
    // was out of the page (a re-render took it out mid-batch) is mounted when it is back.
    if (!entry.placed) return !entry.revealed;
    return inPlace(entry) && entry.overlay!.host.isConnected;
  }

  /** The card whose fields `node` is among, beside the card itself (SiteAdapter.cardBeside: arXiv's dd). */
  cardBeside(node: Element | null, adapter: SiteAdapter<any> | null): Element | null {
    const beside = adapter?.cardBeside;
    if (!beside) return null;
    for (let el: Element | null = node; el; el = el.parentElement) {
      const card = beside(el);
      if (card) return this.cards.has(card) ? card : null;
    }
    return null;
  }

  /**
   * The card `node` is in, or else the one whose overlay sits beside it; none where `node` sits beside several (a row
   * of link cards: an element added there is no card's part) or, with `within`, is in no card.
   */
  enclosingCard(node: Element | null, within = false): Element | null {
    for (let el: Element | null = node; el; el = el.parentElement) {
      if (this.cards.has(el)) return el;
      if (within) continue;
      const beside = this.besideIn(el);
      if (beside.length) return beside.length === 1 ? beside[0]! : null;
    }
    return null;
  }

  /** The cards, in the page, whose overlays were put in `parent` from outside it. */
  private besideIn(parent: Element): Element[] {
    const cards = this.parents.get(parent);
    if (!cards) return [];
    return [...cards].filter((card) => card.isConnected && this.cards.get(card)?.parent === parent);
  }

  /**
   * Overlays put beside a card that the page has taken out of `parent` (a row's link replaced by another paper's)
   * go with it: nothing else would, and they would go on naming the paper it held.
   */
  dropOrphans(parent: Element): void {
    for (const card of this.parents.get(parent) ?? []) {
      if (card.isConnected) continue;
      const host = this.cards.get(card)?.overlay?.host;
      if (host?.parentNode === parent) host.remove();
      this.parents.get(parent)!.delete(card);
    }
  }
}
