// Finds the cards an adapter recognises, gives each one overlay, keeps overlays in step with the reading
// list, and follows the page as it changes (infinite lists, re-rendered cards, in-page navigation).
import type { Paper } from '../core/paper';
import type { ReadingStatus } from '../storage/schema';
import type { SiteAdapter } from '../sites/types';
import { HOST_TAG, createSaveOverlay, type SaveOverlay } from './save-button';

/** What the annotator needs from the background (the real one sends messages; tests pass a fake). */
export interface ReadingListPort {
  statuses(ids: string[]): Promise<Record<string, ReadingStatus | null>>;
  save(paper: Paper, savedFrom: string): Promise<ReadingStatus>;
  remove(id: string): Promise<void>;
}

interface Annotated {
  paper: Paper;
  overlay: SaveOverlay;
  /** Where the overlay was mounted: inside the card, or beside it (arXiv's dt card, overlay in its dd). */
  parent: Element;
}

export interface AnnotatorOptions {
  doc: Document;
  /** The adapter for the current URL, re-asked after in-page navigation (null: this page is not ours). */
  adapterFor: (url: URL) => SiteAdapter<any> | null;
  port: ReadingListPort;
  now?: () => Date;
  /** Cards handled per slice before yielding to the page (long pages). */
  chunkSize?: number;
  onError?: (error: unknown) => void;
}

export class Annotator {
  private readonly cards = new WeakMap<Element, Annotated>();
  /** Mount parent -> card, so mutations next to an overlay outside its card are traced back to the card. */
  private readonly parents = new WeakMap<Element, Element>();
  /** Every overlay by paper id, for live updates (several cards can show one paper). */
  private readonly byId = new Map<string, Set<SaveOverlay>>();
  private readonly statuses = new Map<string, ReadingStatus | null>();
  private adapter: SiteAdapter<any> | null = null;
  private ctx: unknown;
  private href = '';
  private observer: MutationObserver | null = null;
  private stopped = false;

  constructor(private readonly options: AnnotatorOptions) {}

  /** Annotate what is there and watch for more. Resolves when the initial cards are annotated. */
  async start(): Promise<void> {
    const { doc } = this.options;
    this.observer = new MutationObserver((records) => this.onMutations(records));
    this.observer.observe(doc.documentElement, { childList: true, subtree: true });
    doc.defaultView?.addEventListener('popstate', () => this.checkUrl());
    await this.checkUrl();
  }

  stop(): void {
    this.stopped = true;
    this.observer?.disconnect();
  }

  /** Apply a status change broadcast by the background. */
  applyChange(id: string, status: ReadingStatus | null): void {
    this.statuses.set(id, status);
    for (const overlay of this.byId.get(id) ?? []) overlay.setStatus(status);
  }

  /** Number of cards with a live overlay (for the demo and tests). */
  get overlayCount(): number {
    return this.options.doc.querySelectorAll(HOST_TAG).length;
  }

  /** On a URL change re-read the page context and rescan; cards already annotated are skipped. */
  async checkUrl(): Promise<void> {
    const href = this.options.doc.location.href;
    if (href === this.href) return;
    this.href = href;
    this.adapter = this.options.adapterFor(new URL(href));
    if (!this.adapter) return;
    this.ctx = this.adapter.context(this.options.doc, new URL(href), this.now());
    await this.annotate(this.adapter.findCards(this.options.doc, this.ctx));
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  private onMutations(records: MutationRecord[]): void {
    if (this.stopped) return;
    if (this.options.doc.location.href !== this.href) {
      void this.checkUrl();
      return; // checkUrl rescans the whole document
    }
    if (!this.adapter) return;
    const found = new Set<Element>();
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node.nodeType !== 1 || (node as Element).localName === HOST_TAG) continue; // our own overlays
        // Inside a card we already annotated (MathJax typesetting, a framework re-render): no rescan, only a
        // check that the overlay is still there. Elsewhere, look for new cards in the added subtree only.
        const enclosing = this.enclosingCard(node as Element);
        if (enclosing) {
          if (!this.hasOverlay(enclosing)) found.add(enclosing);
        } else {
          for (const card of this.adapter.findCards(node as Element, this.ctx)) found.add(card);
        }
      }
      for (const node of record.removedNodes) {
        // Our overlay was taken out by a re-render while the card stayed: put it back.
        if (node.nodeType === 1 && (node as Element).localName === HOST_TAG && record.target.isConnected) {
          const card = this.enclosingCard(record.target as Element);
          if (card) found.add(card);
        }
      }
    }
    if (found.size) void this.annotate([...found]);
  }

  private hasOverlay(card: Element): boolean {
    const entry = this.cards.get(card);
    return !!entry && entry.overlay.host.isConnected && entry.overlay.host.parentNode === entry.parent;
  }

  private enclosingCard(node: Element): Element | null {
    for (let el: Element | null = node; el; el = el.parentElement) {
      if (this.cards.has(el)) return el;
      const card = this.parents.get(el);
      if (card) return card;
    }
    return null;
  }

  /** Extract, mount and fetch saved state for cards, in slices that yield to the page between them. */
  private async annotate(cards: Element[]): Promise<void> {
    const size = this.options.chunkSize ?? 200;
    for (let start = 0; start < cards.length && !this.stopped; start += size) {
      if (start > 0) await new Promise((resolve) => setTimeout(resolve, 0));
      await this.annotateSlice(cards.slice(start, start + size));
    }
  }

  private async annotateSlice(cards: Element[]): Promise<void> {
    const adapter = this.adapter;
    if (!adapter) return;
    const mounted: Annotated[] = [];
    for (const card of cards) {
      if (this.hasOverlay(card)) continue;
      const known = this.cards.get(card);
      try {
        const paper = known?.paper ?? adapter.extract(card, this.ctx);
        if (!paper) continue;
        const overlay = known?.overlay ?? this.createOverlay(paper);
        const { parent, before } = adapter.mountPoint(card);
        parent.insertBefore(overlay.host, before);
        const entry = { paper, overlay, parent };
        this.cards.set(card, entry);
        this.parents.set(parent, card);
        mounted.push(entry);
      } catch (error) {
        this.options.onError?.(error); // one broken card never stops the rest of the page
      }
    }
    const unknown = [...new Set(mounted.map((m) => m.paper.id).filter((id) => !this.statuses.has(id)))];
    for (const { paper, overlay } of mounted) {
      if (this.statuses.has(paper.id)) overlay.setStatus(this.statuses.get(paper.id));
    }
    if (!unknown.length) return;
    try {
      const statuses = await this.options.port.statuses(unknown);
      for (const id of unknown) this.applyChange(id, statuses[id] ?? null);
    } catch (error) {
      this.options.onError?.(error);
    }
  }

  private createOverlay(paper: Paper): SaveOverlay {
    const overlay = createSaveOverlay(this.options.doc, paper.id, (save) => void this.toggle(paper, save));
    let set = this.byId.get(paper.id);
    if (!set) this.byId.set(paper.id, (set = new Set()));
    set.add(overlay);
    return overlay;
  }

  /** Optimistic toggle: every card of the paper changes at once and rolls back with a message on failure. */
  private async toggle(paper: Paper, save: boolean): Promise<void> {
    const previous = this.statuses.get(paper.id) ?? null;
    this.applyChange(paper.id, save ? (previous ?? 'to-read') : null);
    try {
      if (save) this.applyChange(paper.id, await this.options.port.save(paper, this.options.doc.location.href));
      else await this.options.port.remove(paper.id);
    } catch (error) {
      this.applyChange(paper.id, previous);
      for (const overlay of this.byId.get(paper.id) ?? []) {
        overlay.showMessage(save ? 'Could not save. Try again.' : 'Could not remove. Try again.');
      }
      this.options.onError?.(error);
    }
  }
}
