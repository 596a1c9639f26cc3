// Relevance: which cards of the page the background marks as worth reading (only while the user's setting is on),
// the marks on their overlays, and the page control that counts them, moves to the next one and dims papers marked
// done. Scoring reads the cards in idle time and sends titles and clipped abstracts only. The annotator owns one and
// gives it its cards through RelevanceCards (a small view: it is the Annotator itself, so per-card calls stay direct).
import { PAPER_LIMITS, type PaperSummary } from '../../core/paper';
import { RELEVANCE_ABSTRACT_MAX, RELEVANCE_CARDS_MAX, type RelevanceCard } from '../../background/messages';
import type { AnnotatorOptions, ReadingListPort } from '../annotator';
import type { CardOverlay } from '../overlay/card-overlay';
import { createPageControl, type PageControl } from '../overlay/page-control';
import type { Annotated } from './annotated';
import { SLICE_MS, whenIdle } from './schedule';

/** Page cards kept as context for small later batches (a few cards appended by infinite scroll). */
const CONTEXT_CARDS = 200;
/** Batches smaller than this are scored with the page's context: alone, a handful of cards makes poor statistics. */
const SMALL_BATCH = 50;

/** What relevance reads of the annotator's cards (the Annotator is one). */
export interface RelevanceCards {
  /** Every card by paper id (several cards can show one paper). */
  readonly byId: ReadonlyMap<string, ReadonlySet<Annotated>>;
  /** The card is in the page, and so is its host if it has one. */
  isLive(entry: Annotated): boolean;
  /** The card's overlay, mounted and built if it was not yet. */
  build(entry: Annotated): CardOverlay;
  /** The card's title and abstract (read whole if need be: a card that names no paper is dropped). */
  summaryOf(entry: Annotated): PaperSummary | null;
  overlaysOf(id: string): Iterable<CardOverlay>;
  allOverlays(): Iterable<CardOverlay>;
  pageTheme(): 'light' | 'dark';
}

export class Relevance {
  /** The annotator stopped (stop): nothing more is scored or shown. */
  private stopped = false;
  /** The setting is on and the background can score (setRelevance). */
  relevanceOn = false;
  /** Counts the times relevance was turned off (updateSettings): a scoring run or answer of before then is dropped. */
  private relevanceRun = 0;
  /** Reason line of each paper id marked relevant on this page. */
  private readonly relevant = new Map<string, string>();
  /** Paper ids already sent for scoring on this page. */
  private readonly scored = new Set<string>();
  /** The page's first cards, the statistics small batches are scored with (a new page starts its own). */
  private context: RelevanceCard[] = [];
  private control: PageControl | null = null;
  /** The overlays of papers marked done are dimmed (setDimDone). */
  private dimmed = false;
  /** The relevant card last moved to by "Next relevant". */
  private cursor: Annotated | null = null;
  /** The page shown is not annotated (leavePage): no control until one is. */
  private away = false;

  constructor(
    private readonly options: Pick<AnnotatorOptions, 'doc' | 'port' | 'onError'>,
    private readonly page: RelevanceCards,
  ) {}

  /** The reason line of the paper's relevance mark on this page, undefined when it has none. */
  markOf(id: string): string | undefined {
    return this.relevant.get(id);
  }

  /** The paper is saved: a saved paper is never a suggestion. Whether it had a mark (its overlays' marks go with it). */
  unmark(id: string): boolean {
    return this.relevant.delete(id);
  }

  /** Whether the overlays of papers marked done are dimmed (a new overlay follows). */
  get dimDone(): boolean {
    return this.dimmed;
  }

  /** Another page (an address change in a single-page site): small batches are scored with its own statistics. */
  newPage(): void {
    this.context = [];
    this.away = false;
  }

  /**
   * An in-page navigation to a page no adapter handles (a single-page site's home, its profile): the control goes with
   * the cards it counted (it stayed there, "Next relevant (n)" doing nothing), and comes back, as it was, with the
   * next annotated page's count. Nothing brings it back meanwhile (a marked paper saved elsewhere, say).
   */
  leavePage(): void {
    this.away = true;
    this.control?.host.remove();
    this.control = null;
  }

  /** Set before start(): ask the background which cards are relevant (the user's setting). */
  setRelevance(enabled: boolean): void {
    this.relevanceOn = enabled && !!this.options.port.relevance;
  }

  /** Relevance is off: no marks, no page control (its presence says the setting is on), nothing scored or dimmed. */
  dropRelevance(): void {
    this.relevanceRun++;
    const ids = [...this.relevant.keys()];
    this.relevant.clear();
    this.scored.clear();
    this.context = [];
    this.cursor = null;
    for (const id of ids) for (const overlay of this.page.overlaysOf(id)) overlay.setRelevance(null);
    if (this.dimmed) this.setDimDone(false); // its switch goes with the control
    this.control?.host.remove();
    this.control = null;
  }

  /**
   * One request per batch (per RELEVANCE_CARDS_MAX cards): only title and a clipped abstract leave the page. Cards
   * not read yet are read here, in slices of idle time: scoring is never what a page waits for. Each batch is asked
   * for as soon as it is full: its marks show sooner, and its texts are not held (in the page's heap, through its
   * garbage collections) while the rest of a long page is read.
   */
  async scoreRelevance(entries: Annotated[]): Promise<void> {
    const relevance = this.options.port.relevance;
    if (!this.relevanceOn || !relevance) return;
    const run = this.relevanceRun;
    const over = () => this.stopped || run !== this.relevanceRun;
    // Nobody waits for it: it starts in idle time too, not in the task that marked the pass done (its first slice
    // there held back the next frame by up to SLICE_MS).
    await whenIdle();
    if (over()) return;
    let cards: RelevanceCard[] = [];
    let sliceStart = performance.now();
    for (const entry of entries) {
      if (this.scored.has(entry.id) || entry.gone) continue;
      if (entry.paper === undefined && performance.now() - sliceStart > SLICE_MS) {
        await whenIdle();
        if (over()) return;
        sliceStart = performance.now();
        if (this.scored.has(entry.id)) continue;
      }
      const text = this.page.summaryOf(entry);
      if (!text) continue;
      this.scored.add(entry.id);
      const title = text.title.slice(0, PAPER_LIMITS.title);
      if (title) cards.push({ id: entry.id, title, abstract: text.abstract?.slice(0, RELEVANCE_ABSTRACT_MAX) ?? null });
      if (cards.length < RELEVANCE_CARDS_MAX) continue;
      const batch = cards;
      cards = [];
      await this.askRelevance(relevance, batch);
      // The answer comes in a task of its own: the next slice waits for idle time again.
      await whenIdle();
      if (over()) return;
      sliceStart = performance.now();
    }
    if (cards.length) await this.askRelevance(relevance, cards);
    if (over()) return; // turned off meanwhile: no control comes back
    // The count once the run is done, not after each batch: any change to the page costs it a frame, and on a long
    // page every frame costs in proportion to its cards (Hugging Face's cards are content-visibility:auto, which the
    // browser tracks with an observer of its own). Hugging Face, 5,000 cards (ten batches), side by side: main-thread
    // time until quiet 2,771 and 2,611 ms against 3,001 and 2,756 (the page alone 2,313 and 2,323; 7 loads each).
    this.updateControl();
  }

  /** One batch's marks, shown on its cards' overlays; a batch that fails is asked again when its cards are next seen. */
  private async askRelevance(relevance: NonNullable<ReadingListPort['relevance']>, batch: RelevanceCard[]): Promise<void> {
    const ids = new Set(batch.map((c) => c.id));
    const context = batch.length < SMALL_BATCH ? this.context.filter((c) => !ids.has(c.id)).slice(0, RELEVANCE_CARDS_MAX) : [];
    if (this.context.length < CONTEXT_CARDS) this.context.push(...batch.slice(0, CONTEXT_CARDS - this.context.length));
    const run = this.relevanceRun;
    try {
      const marks = await relevance(batch, context);
      if (this.stopped || run !== this.relevanceRun) return; // turned off while asked
      for (const { id, reason } of marks) {
        this.relevant.set(id, reason);
        for (const overlay of this.page.overlaysOf(id)) overlay.setRelevance(reason);
      }
    } catch (error) {
      for (const c of batch) this.scored.delete(c.id);
      this.options.onError?.(error);
    }
  }

  /** Relevant cards on the page (with an overlay or not yet). */
  private relevantCards(): Annotated[] {
    const out: Annotated[] = [];
    for (const id of this.relevant.keys()) for (const e of this.page.byId.get(id) ?? []) if (this.page.isLive(e)) out.push(e);
    return out;
  }

  /**
   * Cards in page order: by their position down the page, then document order within a row (a grid of cards). Only
   * when the reader asks for the next one: comparing document positions alone costs a walk of the list per
   * comparison, which on a page of thousands of cards took seconds.
   */
  private inPageOrder(entries: Annotated[]): Annotated[] {
    const top = new Map(entries.map((e) => [e, e.card.getBoundingClientRect().top]));
    return entries.sort((a, b) => top.get(a)! - top.get(b)! || (a.card.compareDocumentPosition(b.card) & 4 ? -1 : 1)); // 4: b follows a
  }

  /**
   * The page control exists on every annotated page while relevance is on (the setting, and a list that is not empty),
   * at one size whatever its count: whether it is in the page never says anything about the cards (page-control.ts).
   */
  updateControl(): void {
    if (this.away) return;
    const count = this.relevantCards().length;
    if (!this.control) {
      this.control = createPageControl(this.options.doc, { next: () => this.nextRelevant(), dim: (on) => this.setDimDone(on) }, this.page.pageTheme());
      if (this.dimmed) this.control.setDim(true); // back after a page not annotated (leavePage): as the overlays are
      this.options.doc.body.append(this.control.host);
    }
    this.control.setCount(count);
  }

  /** Scroll to the next relevant card after the last one visited (wrapping) and focus its mark. */
  nextRelevant(): string | null {
    const cursor = this.cursor && this.page.isLive(this.cursor) ? this.cursor : null;
    const relevant = new Set(this.relevantCards());
    if (!relevant.size) return null;
    // The last one visited takes its place in the order even if it is no longer relevant (saved since).
    const all = this.inPageOrder(cursor && !relevant.has(cursor) ? [...relevant, cursor] : [...relevant]);
    const at = cursor ? all.indexOf(cursor) : -1;
    const next = all.slice(at + 1).find((o) => relevant.has(o)) ?? all.find((o) => relevant.has(o))!;
    this.cursor = next;
    // Built first: a card far down has no overlay yet, and an unbuilt host is hidden and cannot be scrolled to.
    const overlay = this.page.build(next);
    overlay.focusRelevance();
    overlay.host.scrollIntoView?.({ block: 'center' });
    return next.id;
  }

  /** Dim (or not) the overlays of papers marked done; the page's cards themselves are left untouched. */
  setDimDone(on: boolean): void {
    this.dimmed = on;
    this.control?.setDim(on);
    for (const overlay of this.page.allOverlays()) overlay.setDimDone(on);
  }

  /** The annotator stopped: the page control goes. */
  stop(): void {
    this.stopped = true;
    this.control?.host.remove();
  }

  /** The page switched theme: the control follows it. */
  setTheme(theme: 'light' | 'dark'): void {
    this.control?.setTheme(theme);
  }
}
