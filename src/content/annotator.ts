// Finds the cards an adapter recognises, gives each one overlay, keeps overlays in step with the reading
// list, and follows the page as it changes (infinite lists, re-rendered cards, in-page navigation).
import type { Paper } from '../core/paper';
import type { ReadingStatus } from '../storage/schema';
import type { SavedState } from '../storage/reading-list';
import type { SiteAdapter } from '../sites/types';
import { createCardOverlay, type CardOverlay, type OverlayActions } from './overlay/card-overlay';
import { HOST_TAG, pageTheme } from './overlay/host';
import type { Tag } from './overlay/tag-chips';
import type { RepoSummary } from '../background/messages';

/** What the annotator needs from the background (the real one sends messages; tests pass a fake). */
export interface ReadingListPort {
  lookup(ids: string[]): Promise<Record<string, SavedState | null>>;
  save(paper: Paper, savedFrom: string): Promise<SavedState>;
  remove(id: string): Promise<void>;
  setStatus(id: string, status: ReadingStatus): Promise<SavedState | null>;
  repo(name: string): Promise<RepoSummary | null>;
  moreRepos(paper: Paper): Promise<string[]>;
}

interface Annotated {
  paper: Paper;
  overlay: CardOverlay;
  /** Where the overlay was mounted: inside the card, or beside it (arXiv's dt card, overlay in its dd). */
  parent: Element;
}

export interface AnnotatorOptions {
  doc: Document;
  /** The adapter for the current URL, re-asked after in-page navigation (null: this page is not ours). */
  adapterFor: (url: URL) => SiteAdapter<any> | null;
  port: ReadingListPort;
  /** Topic, rule and site-keyword tags for a paper (user tags come with its saved state). */
  tagger?: (paper: Paper) => Tag[];
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
  private readonly byId = new Map<string, Set<CardOverlay>>();
  private readonly states = new Map<string, SavedState | null>();
  private readonly byHost = new WeakMap<Element, CardOverlay>();
  private readonly paperOf = new WeakMap<CardOverlay, Paper>();
  private adapter: SiteAdapter<any> | null = null;
  private ctx: unknown;
  private href = '';
  private observer: MutationObserver | null = null;
  private visibility: IntersectionObserver | null = null;
  private marked: string | null = null;
  /** The overlay of the card last hovered or focused, for the keyboard shortcut. */
  private active: CardOverlay | null = null;
  private stopped = false;

  constructor(private readonly options: AnnotatorOptions) {}

  /** Set before start(): topic, rule and keyword tags for each paper. */
  setTagger(tagger: (paper: Paper) => Tag[]): void {
    this.options.tagger = tagger;
  }

  /** Annotate what is there and watch for more. Resolves when the initial cards are annotated. */
  async start(): Promise<void> {
    const { doc } = this.options;
    const win = doc.defaultView;
    this.observer = new MutationObserver((records) => this.onMutations(records));
    this.observer.observe(doc.documentElement, { childList: true, subtree: true });
    if (win && 'IntersectionObserver' in win) {
      this.visibility = new win.IntersectionObserver((entries) => {
        for (const entry of entries) {
          if (!entry.isIntersecting) continue;
          this.byHost.get(entry.target)?.reveal();
          this.visibility?.unobserve(entry.target);
        }
      }, { rootMargin: '200px' });
    }
    win?.addEventListener('popstate', () => void this.checkUrl());
    // Remember the card under the pointer or focus (events from the closed root are retargeted to the host).
    const track = (event: Event) => {
      const host = (event.target as Element | null)?.closest?.(HOST_TAG);
      const card = host ? null : this.enclosingCard(event.target as Element);
      const overlay = host ? this.byHost.get(host) : card ? this.cards.get(card)?.overlay : undefined;
      if (overlay) this.active = overlay;
    };
    doc.addEventListener('mouseover', track, { passive: true });
    doc.addEventListener('focusin', track);
    await this.checkUrl();
  }

  stop(): void {
    this.stopped = true;
    this.observer?.disconnect();
    this.visibility?.disconnect();
  }

  /** Apply a change broadcast by the background (another tab, the popup). */
  applyChange(id: string, state: SavedState | null): void {
    this.states.set(id, state);
    for (const overlay of this.byId.get(id) ?? []) overlay.setState(state);
  }

  /** Re-read the saved state of every paper on the page (after an import changed many at once). */
  async refresh(): Promise<void> {
    const ids = [...this.byId.keys()];
    if (!ids.length) return;
    const states = await this.options.port.lookup(ids);
    for (const id of ids) this.applyChange(id, states[id] ?? null);
  }

  /** The keyboard shortcut: toggle the hovered/focused card, or the only card of a single-paper page. */
  async toggleActive(): Promise<string | null> {
    const overlay = this.active?.host.isConnected ? this.active : this.onlyOverlay();
    if (!overlay) return null;
    const paper = this.paperOf.get(overlay);
    if (!paper) return null;
    await this.toggle(paper, !this.states.get(paper.id));
    overlay.focusSave();
    return paper.id;
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

  private onlyOverlay(): CardOverlay | null {
    const all = [...this.byId.values()].flatMap((set) => [...set]).filter((o) => o.host.isConnected);
    return all.length === 1 ? all[0]! : null;
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

  private enclosingCard(node: Element | null): Element | null {
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
    const theme = pageTheme(this.options.doc);
    // Reads first (extraction, mount points), then writes, so the page lays out once per slice.
    const planned: { card: Element; paper: Paper; known?: Annotated; parent: Element; before: Node | null }[] = [];
    for (const card of cards) {
      if (this.hasOverlay(card)) continue;
      try {
        const known = this.cards.get(card);
        const paper = known?.paper ?? adapter.extract(card, this.ctx);
        if (!paper) continue;
        const { parent, before } = adapter.mountPoint(card);
        planned.push({ card, paper, known, parent, before });
      } catch (error) {
        this.options.onError?.(error); // one broken card never stops the rest of the page
      }
    }
    const mounted: Annotated[] = [];
    for (const { card, paper, known, parent, before } of planned) {
      try {
        const overlay = known?.overlay ?? this.createOverlay(paper, theme);
        parent.insertBefore(overlay.host, before);
        const entry = { paper, overlay, parent };
        this.cards.set(card, entry);
        this.parents.set(parent, card);
        mounted.push(entry);
        if (this.visibility) this.visibility.observe(overlay.host);
        else overlay.reveal();
      } catch (error) {
        this.options.onError?.(error);
      }
    }
    const unknown = [...new Set(mounted.map((m) => m.paper.id).filter((id) => !this.states.has(id)))];
    for (const { paper, overlay } of mounted) {
      if (this.states.has(paper.id)) overlay.setState(this.states.get(paper.id));
    }
    if (!unknown.length) return;
    try {
      const states = await this.options.port.lookup(unknown);
      for (const id of unknown) this.applyChange(id, states[id] ?? null);
    } catch (error) {
      this.options.onError?.(error);
    }
  }

  private createOverlay(paper: Paper, theme: 'light' | 'dark'): CardOverlay {
    let tags: Tag[] = [];
    try {
      tags = this.options.tagger?.(paper) ?? [];
    } catch (error) {
      this.options.onError?.(error);
    }
    const { port } = this.options;
    const actions: OverlayActions = {
      toggle: (save) => void this.toggle(paper, save),
      setStatus: (status) => void this.setStatus(paper, status),
      mark: (label) => this.mark(label),
      repo: (name) => port.repo(name),
      moreRepos: (p) => port.moreRepos(p),
      now: () => this.now().getTime(),
    };
    const overlay = createCardOverlay(this.options.doc, paper, theme, tags, actions);
    if (this.marked) overlay.setMarked(this.marked);
    let set = this.byId.get(paper.id);
    if (!set) this.byId.set(paper.id, (set = new Set()));
    set.add(overlay);
    this.byHost.set(overlay.host, overlay);
    this.paperOf.set(overlay, paper);
    return overlay;
  }

  /** Mark every card with this tag (a second click on the same tag clears the mark). */
  private mark(label: string): void {
    this.marked = this.marked === label ? null : label;
    for (const set of this.byId.values()) for (const overlay of set) overlay.setMarked(this.marked);
  }

  /** Optimistic toggle: every card of the paper changes at once and rolls back with a message on failure. */
  private async toggle(paper: Paper, save: boolean): Promise<void> {
    const previous = this.states.get(paper.id) ?? null;
    this.applyChange(paper.id, save ? (previous ?? { status: 'to-read', tags: [] }) : null);
    try {
      if (save) this.applyChange(paper.id, await this.options.port.save(paper, this.options.doc.location.href));
      else await this.options.port.remove(paper.id);
    } catch (error) {
      // The answer can be lost after the write committed (the service worker stopped in between): show what
      // the background really has, and say it failed only if it did (issue #6).
      const actual = await this.options.port.lookup([paper.id]).then((states) => states[paper.id] ?? null, () => previous);
      this.applyChange(paper.id, actual);
      if (!!actual !== save) this.tell(paper.id, failureMessage(error, save ? 'Could not save.' : 'Could not remove.'));
      this.options.onError?.(error);
    }
  }

  private async setStatus(paper: Paper, status: ReadingStatus): Promise<void> {
    const previous = this.states.get(paper.id) ?? null;
    if (!previous) return;
    this.applyChange(paper.id, { ...previous, status });
    try {
      this.applyChange(paper.id, await this.options.port.setStatus(paper.id, status));
    } catch (error) {
      this.applyChange(paper.id, previous);
      this.tell(paper.id, failureMessage(error, 'Could not change the status.'));
      this.options.onError?.(error);
    }
  }

  private tell(id: string, message: string): void {
    for (const overlay of this.byId.get(id) ?? []) overlay.showMessage(message);
  }
}

/** A short, specific message for a failed write: full storage and unavailable storage say so. */
export function failureMessage(error: unknown, what: string): string {
  const name = (error as { name?: string } | null)?.name;
  if (name === 'QuotaExceededError') return `${what} Browser storage is full: free some space and try again.`;
  if (name === 'StorageUnavailableError') return `${what} Browser storage is unavailable here (a private window?).`;
  return `${what} Try again.`;
}
