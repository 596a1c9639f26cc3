// Finds the cards an adapter recognises, gives each one overlay, keeps overlays in step with the reading
// list, and follows the page as it changes (infinite lists, re-rendered cards, in-page navigation). Its parts with a
// job of their own are in annotator/: schedule (slices, idle time, frames), state-order (which saved state is newest),
// card-finder (which card a changed element belongs to), relevance (marks and the page control), failure-message.
import { savedFromUrl, type Paper, type PaperSummary } from '../core/paper';
import { aliasesOf, boundAliases } from '../core/aliases';
import type { ReadingStatus } from '../storage/schema';
import type { SavedState } from '../storage/reading-list';
import type { SiteAdapter } from '../sites/types';
import { extractCard, identifyCard, summaryOfCard } from '../sites/extract-card';
import { createCardOverlay, type CardOverlay, type OverlayActions } from './overlay/card-overlay';
import { HOST_TAG, pageTheme } from './overlay/host';
import type { Tag } from './overlay/tag-chips';
import { sameTag } from '../core/tags/same-tag';
import { LOOKUP_MAX, type PageSavedState, type RelevanceCard, type RelevanceMark, type RepoSummary, type TopicMatch } from '../background/messages';
import type { Tagger } from './tagger';
import { CONTROL_TAG } from './overlay/page-control';
import { nextFrame, SLICE_MS, whenIdle, yieldToPage } from './annotator/schedule';
import { StateOrder } from './annotator/state-order';
import { inPlace, type Annotated, type Block } from './annotator/annotated';
import { CardFinder } from './annotator/card-finder';
import { failureMessage } from './annotator/failure-message';
import { Relevance, type RelevanceCards } from './annotator/relevance';

/** What the annotator needs from the background (the real one sends messages; tests pass a fake). */
export interface ReadingListPort {
  /**
   * The saved states of these papers. `aliases`: the other ids of those whose pages give any (by paper id): a paper
   * saved under one of them is saved, and its state names that record (`savedAs`).
   */
  lookup(ids: string[], aliases?: Record<string, string[]>): Promise<Record<string, SavedState | null>>;
  /** The answer's `id` is the record's: another of the paper's ids when it was saved under that one already. */
  save(paper: Paper, savedFrom: string): Promise<PageSavedState>;
  /** `id`, here and in setStatus: the record's (a card's `savedAs`, where its state has one). */
  remove(id: string): Promise<void>;
  setStatus(id: string, status: ReadingStatus): Promise<PageSavedState | null>;
  /** `spare`: the card shows the page's stars already (GitHub is not asked when its quota runs low). */
  repo(name: string, spare?: boolean): Promise<RepoSummary | null>;
  moreRepos(paper: Paper): Promise<string[]>;
  /** Scores cards in the background (only asked when relevance is on); answers only the marked ones. */
  relevance?(cards: RelevanceCard[], context: RelevanceCard[]): Promise<RelevanceMark[]>;
  /** The built-in topics of a paper (the background matches them: background/topics.ts). */
  topics?(paper: Paper): Promise<TopicMatch[]>;
  /** The reader is about to write (their pointer or focus reached a card's Save, or its statuses opened). */
  wake?(): void;
}



export interface AnnotatorOptions {
  doc: Document;
  /** The adapter for the current URL, re-asked after in-page navigation (null: this page is not ours). */
  adapterFor: (url: URL) => SiteAdapter<any> | null;
  port: ReadingListPort;
  /** Rule, topic and site-keyword tags for a paper and its topics (user tags come with its saved state). */
  tagger?: Tagger;
  now?: () => Date;
  /**
   * Awaited once, before the first page this script handles is annotated (the content script reads the user's tag
   * and relevance settings there): a page no adapter handles never asks the background anything.
   */
  prepare?: () => Promise<void>;
  /** Cards extracted and mounted together (reads, then writes) before checking whether to yield. */
  chunkSize?: number;
  /** Tests: SCREEN_PROBES for a page of a few cards. */
  screenProbes?: number;
  /** Tests: SCREEN_WAIT_MS, for a test that reports the screen itself (a busy test machine can take longer than it). */
  screenWaitMs?: number;
  onError?: (error: unknown) => void;
}

/** Cards per batch: small enough that one batch stays far below a frame even on a slow machine. */
const BATCH = 10;

/**
 * How far outside the viewport an overlay's content is built (and its badges fetched): about a screen ahead, so
 * scrolling never shows an empty overlay, while the hundreds of cards further down cost only a mounted host.
 */
const REVEAL_MARGIN = '1000px 0px';

/**
 * When a card comes near the viewport, at least this many cards on either side of it (found with it, in document
 * order; whole blocks, see BLOCK) are built with it, in one batch. Every overlay inserted into a long list moves
 * everything below it, and the browser then re-walks every moved box (PrePaint): ~35-60 ms per insertion on a
 * 1,000-card arXiv page, whether one overlay moved it or twenty. Scrolling down card by card was one such frame per
 * card. Measured scrolling 60 × 300 px down that page (main-thread time; 180 ms without the extension): 1 card
 * 2,500 ms, 12 on either side ~790 ms, 24 ~620 ms. arXiv's overlays no longer move the list (inlineOverlay), but an
 * insertion frame there still costs ~50 ms of layout and compositing over the whole list: 8 on either side was worse.
 */
export const NEIGHBOURS = 24;

/**
 * At most this many overlays go into the page at once; a batch with more inserts them this many at a time, the page
 * drawing a frame between (nearest the viewport first). The frame after an insertion into a long list costs the page
 * ~12 ms plus ~0.6 ms per overlay of style, layout and paint (1,000-card arXiv page, 2 cores): a card's block and
 * its neighbours (56 overlays) in one frame was its longest task while scrolling, 75-78 ms.
 */
export const PER_INSERTION = 24;

/**
 * Cards per block (see Block): the observer watches two cards in BLOCK, not every card, so a long page's
 * observer has a quarter of the targets to track at every frame. A block is built whole from either end, so a
 * reader coming from above or below finds it built: its watched ends are REVEAL_MARGIN ahead of it, whatever its
 * height (eight cards of a listing with abstracts are ~2,500 px).
 */
export const BLOCK = 8;

/**
 * A batch of cards at least this long (a page's first pass, not an infinite list's next few) annotates the cards on
 * screen first: identified, mounted, looked up and built before the rest are mounted.
 */
const SCREEN_FIRST = 60;
/**
 * The first pass's one-frame observer watches at most this many of its cards, every k-th of a longer page: the
 * browser computes every target's intersection at that frame (~30 ms for 5,000 cards on Hugging Face). The screen is
 * then the run of cards from k-1 before the first probe seen to k-1 after the last.
 */
export const SCREEN_PROBES = 1000;
/** How long the first pass waits for the browser to say which cards are on screen (a hidden tab draws no frames). */
const SCREEN_WAIT_MS = 100;
/** The cards whose saved states are asked as soon as the page is parsed (see askFirstStates): a screen or more. */
export const FIRST_CARDS = 16;

/** The User Timing mark of a finished annotation pass (see Annotator.markAnnotated). */
export const ANNOTATED_MARK = 'papershelf:annotated';

/** The element is or holds a link: a part that can change which paper a card names (most adapters read it from links). */
function holdsLink(el: Element): boolean {
  return el.matches('a[href]') || el.querySelector('a[href]') !== null;
}

export class Annotator implements RelevanceCards {
  /** Which card an element of a changed page belongs to (see CardFinder). */
  private readonly finder = new CardFinder();
  /** The finder's entry of every annotated card, read for every card found. */
  private readonly cards = this.finder.cards;
  /** Every card by paper id, for live updates (several cards can show one paper); Relevance reads it too. */
  readonly byId = new Map<string, Set<Annotated>>();
  private readonly states = new Map<string, SavedState | null>();
  /**
   * The other ids (aliasesOf: the page's, and its own DOI's) of the papers read whole that have any, by paper id: a
   * lookup names them. Nothing is kept for a paper without (every card a Hugging Face or arXiv listing names by id).
   */
  private readonly aliases = new Map<string, string[]>();
  /** Papers read whole in this task that turned out to have other ids (see askAgain). */
  private readonly again = new Set<string>();
  /** Paper ids whose paper is saved under another id (their state's `savedAs`), with that record's id: its notices are theirs. */
  private readonly savedAs = new Map<string, string>();
  /** Saved states asked for and not answered yet, by paper id: a pass that finds such a card waits for that answer. */
  private readonly asking = new Map<string, Promise<void>>();
  /** Which state of a paper is newest when answers, notices and this tab's writes cross (see StateOrder). */
  private readonly order = new StateOrder();
  private readonly byHost = new WeakMap<Element, Annotated>();
  /**
   * Cards that named a paper but turned out to hold none when read whole (no title): not mounted again until a link in
   * them changes or the page does (in-page navigation).
   */
  private rejected = new WeakSet<Element>();
  private adapter: SiteAdapter<any> | null = null;
  private ctx: unknown;
  private href = '';
  private observer: MutationObserver | null = null;
  private themeObserver: MutationObserver | null = null;
  private visibility: IntersectionObserver | null = null;
  private marked: string | null = null;
  /** The card last hovered or focused, for the keyboard shortcut. */
  private active: Annotated | null = null;
  private stopped = false;
  private prepared: Promise<void> | null = null;
  private ready = false;
  /** Cards that came near the viewport, their overlays built in document order a slice at a time. */
  private readonly toReveal: Annotated[] = [];
  private revealing = false;
  /** The current (or last) run of revealQueued: what the first pass waits for. */
  private revealRun: Promise<void> = Promise.resolve();
  /**
   * While a long page's first pass is on, after its screen is built: the cards the observer reports near the viewport
   * are queued, and built once the pass is done and the page idle (see annotate).
   */
  private holdReveals = false;
  private sliceTheme: 'light' | 'dark' | null = null;
  /** The theme overlays were last given by followTheme (null: none yet; each read it when built). */
  private shownTheme: 'light' | 'dark' | null = null;
  /** Cards identified on this document so far (less those that turned out to hold no paper), for ANNOTATED_MARK. */
  private identified = 0;
  /**
   * This page's first pass is done. Until then a card near the viewport is built alone: the first pass builds the
   * screen and the cards within the margin in one batch anyway, and neighbours would only delay it.
   */
  private settled = false;
  /** Topics of the papers whose cards were built, by id ([] while asked: see askTopics). */
  private readonly topicsOf = new Map<string, TopicMatch[]>();
  /** Answers for topics not yet in, for the pass that built their cards to wait for. */
  private readonly topicWaits = new Set<Promise<void>>();

  /** Which cards are relevant, their marks and the page control (see Relevance). */
  private readonly relevance: Relevance;

  constructor(private readonly options: AnnotatorOptions) {
    this.relevance = new Relevance(options, this);
  }

  /** Set before start(): topic, rule and keyword tags for each paper. */
  setTagger(tagger: Tagger): void {
    this.options.tagger = tagger;
  }

  /** Set before start(): ask the background which cards are relevant (the user's setting). */
  setRelevance(enabled: boolean): void {
    this.relevance.setRelevance(enabled);
  }

  /** This page asked for its settings (prime or start; a page no adapter handles never does). */
  isPrepared(): boolean {
    return this.prepared !== null;
  }

  /**
   * The user changed their settings (a notice: see start.ts). The overlays built already take the new rule tags and
   * watched topics (the others read them when built); relevance turned off takes the marks and the page control away,
   * turned on scores the page's cards. Only on that notice, in slices: nothing here runs while a page loads.
   */
  async updateSettings(tagger: Tagger, relevance: boolean): Promise<void> {
    this.options.tagger = tagger;
    const was = this.relevance.relevanceOn;
    this.relevance.setRelevance(relevance);
    if (was && !this.relevance.relevanceOn) this.relevance.dropRelevance();
    let sliceStart = performance.now();
    for (const overlay of [...this.allOverlays()]) {
      if (performance.now() - sliceStart > SLICE_MS) {
        await yieldToPage();
        if (this.stopped) return;
        sliceStart = performance.now();
      }
      overlay.refreshTags();
    }
    // Before this page's first pass (or on a page no adapter handles now), the pass scores what it finds.
    if (!was && this.relevance.relevanceOn && this.ready && this.adapter) {
      const entries: Annotated[] = [];
      for (const set of this.byId.values()) for (const entry of set) if (this.isLive(entry)) entries.push(entry);
      await this.relevance.scoreRelevance(entries);
    }
  }

  /**
   * Before start(), while the page is still being parsed: begin preparing (the page settings and the taxonomy) if an
   * adapter handles this URL, so that start() finds them ready.
   */
  prime(): void {
    if (this.options.adapterFor(new URL(this.options.doc.location.href))) void this.prepareOnce();
  }

  /**
   * Once the page is parsed, before its first frame: ask the saved states of its first cards (FIRST_CARDS), which
   * are the cards on screen when a page opens at its top. Their answer comes in while the page draws, and the first
   * pass builds them with it: the reader's cards go in with their saved states, in one frame, instead of showing a
   * state that changes a frame later (the background's answer, asked once the screen is known, reached the page after
   * the screen's insertion frame: 25-30 ms after asking, debug marks, arXiv 1,000 cards). Only where the adapter reads
   * its context at once (not in slices, as Hugging Face's hydration JSON is); a page opened further down asks for its
   * screen as before. One message; nothing else is kept. It runs in the task that ends parsing, so the adapter stops at
   * FIRST_CARDS where it can (arXiv's listings): 2.6 ms on a 1,000-card /new page, 5.1 when it found every card first
   * (debug measures, 9 loads each).
   */
  askFirstStates(): void {
    const { doc } = this.options;
    try {
      const url = new URL(doc.location.href);
      const adapter = this.options.adapterFor(url);
      if (!adapter || adapter.contextInSlices) return;
      const ctx = adapter.context(doc, url, this.now());
      const ids: string[] = [];
      for (const card of adapter.findCards(doc, ctx, FIRST_CARDS).slice(0, FIRST_CARDS)) {
        const found = identifyCard(adapter, card, ctx);
        if (!found) continue;
        ids.push(found.id);
        // Read whole (an adapter without identify): its other ids are asked with it, as the pass would.
        if (found.paper) this.noteAliases(found.paper);
      }
      this.askStates(ids);
    } catch (error) {
      this.options.onError?.(error); // the first pass reads the page again, and asks for what it finds
    }
  }

  private prepareOnce(): Promise<void> {
    this.prepared ??= (this.options.prepare?.() ?? Promise.resolve()).catch((error) => this.options.onError?.(error));
    return this.prepared;
  }

  /** Annotate what is there and watch for more. Resolves when the initial cards are annotated. */
  async start(): Promise<void> {
    const { doc } = this.options;
    const win = doc.defaultView;
    this.observer = new MutationObserver((records) => this.onMutations(records));
    // Links' href too: a framework that re-renders a list by index (Svelte's unkeyed each, React's index keys) keeps a
    // card's element and changes its link and text in place, and the card then shows another paper (see renamed).
    this.observer.observe(doc.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['href'] });
    if (win && 'IntersectionObserver' in win) {
      this.visibility = new win.IntersectionObserver((entries) => this.onVisible(entries), { rootMargin: REVEAL_MARGIN });
    }
    win?.addEventListener('popstate', () => void this.checkUrl());
    // Without the Navigation API (Firefox ESR) a page's pushState is seen only at its next DOM change, and a page can
    // redraw its cards before it changes its URL (see start.ts). Most in-page navigations follow a click: the URL is
    // checked once the page has drawn the frame after it (one check per click, nothing while nobody clicks).
    doc.addEventListener('click', () => void nextFrame(this.options.doc.defaultView).then(() => this.checkUrl()), { capture: true, passive: true });
    // The site's theme switch (Hugging Face's class on <html>) or the system's: overlays built already follow it.
    const followTheme = () => this.followTheme();
    this.themeObserver = new MutationObserver(followTheme);
    this.themeObserver.observe(doc.documentElement, { attributes: true, attributeFilter: ['class'] });
    win?.matchMedia?.('(prefers-color-scheme: dark)').addEventListener?.('change', followTheme);
    // Remember the card under the pointer or focus (events from the closed root are retargeted to the host); off
    // every card, none (the shortcut then acts on no card it is not pointed at).
    const track = (event: Event) => {
      const host = (event.target as Element | null)?.closest?.(HOST_TAG);
      const card = host ? null : (this.finder.enclosingCard(event.target as Element) ?? this.finder.cardBeside(event.target as Element, this.adapter));
      this.active = (host ? this.byHost.get(host) : card ? this.cards.get(card) : undefined) ?? null;
    };
    doc.addEventListener('mouseover', track, { passive: true });
    doc.addEventListener('focusin', track);
    await this.checkUrl();
  }

  /** Watched cards came near the viewport: their blocks are built (see withBlock). */
  private onVisible(entries: IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      this.visibility?.unobserve(entry.target);
      // The page's card is observed, not our host (a card far from the viewport has none).
      const annotated = this.cards.get(entry.target);
      // A watched card built on its own (saved by the keyboard shortcut, say) still brings its block.
      if (annotated && (!annotated.revealed || annotated.block?.built === false)) this.toReveal.push(...this.withBlock(annotated));
    }
    if (!this.holdReveals) void this.revealQueued();
  }

  stop(): void {
    this.stopped = true;
    this.observer?.disconnect();
    this.themeObserver?.disconnect();
    this.visibility?.disconnect();
    this.relevance.stop();
  }

  /**
   * Apply a change to record `id` broadcast by the background (another tab, the popup), or answered to a write: the
   * cards of that id change, and so do those of its other ids (`aliases`, the record's) and those whose paper was
   * found saved as it through an id of its own (their state's savedAs), whose state names the record from now on.
   * A record saved under an id a card's page gives (and naming none of the card's: saved from a page that gives only
   * that one) is that card's paper too, unless the card shows it saved as another. A card saved under its own id is
   * that record whatever other record names its id (a lookup takes an id as a key first: two records of one paper,
   * saved before a page linked them), and a removal clears no card saved as a third record.
   */
  applyChange(id: string, state: SavedState | null, aliases: readonly string[] = []): void {
    this.applyRecord(id, state, aliases, true);
  }

  /** applyChange; `notice`: a paper with writes of this tab on their way keeps its state (see StateOrder.held). */
  private applyRecord(id: string, state: SavedState | null, aliases: readonly string[], notice: boolean): void {
    const others = new Set<string>();
    for (const alias of aliases) {
      const shown = this.states.get(alias);
      if (shown && (shown.savedAs === undefined || (!state && shown.savedAs !== id))) continue;
      others.add(alias);
    }
    for (const [paperId, record] of this.savedAs) if (record === id) others.add(paperId);
    if (state && this.aliases.size) {
      const named = new Set([id, ...aliases]);
      for (const [paperId, known] of this.aliases) if (!this.states.get(paperId) && known.some((alias) => named.has(alias))) others.add(paperId);
    }
    others.delete(id);
    const asRecord = state && { status: state.status, tags: state.tags, savedAs: id };
    let unmarked = !(notice && this.order.held(id, state)) && this.setState(id, state);
    for (const other of others) if (!(notice && this.order.held(other, asRecord))) unmarked = this.setState(other, asRecord) || unmarked;
    if (unmarked) this.relevance.updateControl();
  }

  /**
   * A write of this paper is answered (or failed). The last: a notice held back meanwhile that differs from what the
   * cards show now (another tab's write came in between) has them read the paper's state again.
   */
  private endWrite(paper: Paper, record: string): void {
    const shown = this.states.get(paper.id) ?? null;
    if (this.order.endWrite(paper.id, shown)) void this.reread(paper, record, shown);
  }

  /**
   * Read the paper's state from the background again (asked under every id it is known by here, the record's among
   * them) and show it unless a notice came meanwhile; the state it is found in (`fallback` if the read fails).
   */
  private async reread(paper: Paper, record: string, fallback: SavedState | null): Promise<SavedState | null> {
    const { port } = this.options;
    const known = this.aliases.get(paper.id) ?? [];
    const aliases = record === paper.id ? known : boundAliases([record, ...known], paper.id);
    const askedAt = this.order.count;
    const asked = aliases.length ? port.lookup([paper.id], { [paper.id]: aliases }) : port.lookup([paper.id]);
    const actual = await asked.then((states) => states[paper.id] ?? null, () => fallback);
    // A notice that came meanwhile is newer than this answer (or than what was shown before, if it failed too).
    if (this.order.changedSince(paper.id, askedAt)) return this.states.get(paper.id) ?? null;
    if (this.answeredState(paper.id, actual, askedAt)) this.relevance.updateControl();
    return actual;
  }

  /**
   * A write's answer for the cards of paper `paperId`: `record` is the record it went into (or named, when it is gone),
   * which those cards are saved as from now on, whatever they showed (applyChange leaves a card saved as itself).
   */
  private answered(paperId: string, record: string, state: SavedState | null): void {
    const unmarked = paperId !== record && this.setState(paperId, state && { status: state.status, tags: state.tags, savedAs: record });
    this.applyRecord(record, state, [], false);
    if (unmarked) this.relevance.updateControl();
  }

  /** One paper's state on its cards (see setState), the page control updated if a relevance mark went. */
  private show(id: string, state: SavedState | null): void {
    if (this.setState(id, state)) this.relevance.updateControl();
  }

  /**
   * The saved state of the cards of paper `id` (`savedAs` in it: the record's id, when that is another). Says whether
   * a relevance mark went, for the caller to update the page control once.
   */
  private setState(id: string, state: SavedState | null): boolean {
    this.order.changed(id);
    return this.putState(id, state);
  }

  /** A lookup's answer, asked at `askedAt` (StateOrder.count): only for a paper that has not changed since. */
  private answeredState(id: string, state: SavedState | null, askedAt: number): boolean {
    return this.order.changedSince(id, askedAt) ? false : this.putState(id, state);
  }

  private putState(id: string, state: SavedState | null): boolean {
    this.states.set(id, state);
    const record = state?.savedAs;
    if (record !== undefined && record !== id) this.savedAs.set(id, record);
    else if (this.savedAs.size) this.savedAs.delete(id);
    // A saved paper is no longer a suggestion: its relevance mark goes (saved papers are never marked).
    const unmark = state !== null && this.relevance.unmark(id);
    for (const overlay of this.overlaysOf(id)) {
      overlay.setState(state);
      if (unmark) overlay.setRelevance(null);
    }
    return unmark;
  }

  /**
   * This card and the unbuilt cards of its block, nearest first; once the page's first pass is done, also the blocks
   * on either side up to NEIGHBOURS cards each way (during that pass the screen and margin are one batch already).
   * The blocks are marked built.
   */
  private withBlock(entry: Annotated): Annotated[] {
    const block = entry.block;
    if (!block || !block.entries.includes(entry)) return [entry];
    const out = [entry];
    const take = (b: Block, from: number, step: 1 | -1) => {
      b.built = true;
      for (let i = from; i >= 0 && i < b.entries.length; i += step) {
        const other = b.entries[i]!;
        if (other !== entry && !other.revealed) out.push(other);
      }
    };
    const at = block.entries.indexOf(entry);
    block.built = true;
    // Nearest first within the block: alternately after and before the card.
    for (let d = 1; d < block.entries.length; d++) {
      for (const i of [at + d, at - d]) {
        const other = block.entries[i];
        if (other && !other.revealed) out.push(other);
      }
    }
    if (!this.settled) return out;
    for (const step of [1, -1] as const) {
      let count = step === 1 ? block.entries.length - 1 - at : at;
      for (let b = step === 1 ? block.next : block.prev; b && count < NEIGHBOURS; b = step === 1 ? b.next : b.prev) {
        take(b, step === 1 ? 0 : b.entries.length - 1, step);
        count += b.entries.length;
      }
    }
    return out;
  }

  /**
   * Gathers a pass's unbuilt cards into blocks as they are found (document order), and has the observer watch each
   * block's first and last card. `close` when the pass has found them all (the last block's last card).
   */
  private blocks(): { add(entry: Annotated): void; close(): void } {
    let block: Block | null = null;
    const watch = (entry: Annotated) => this.visibility?.observe(entry.card);
    return {
      add: (entry) => {
        if (!block || block.built || block.entries.length === BLOCK) {
          const prev: Block | null = block;
          block = { entries: [], built: false, prev, next: null };
          if (prev) prev.next = block;
        }
        block.entries.push(entry);
        entry.block = block;
        if (block.entries.length === 1 || block.entries.length === BLOCK) watch(entry);
      },
      close: () => {
        const last = block?.entries.at(-1);
        if (block && !block.built && last && !last.revealed) watch(last);
      },
    };
  }

  /**
   * Build the overlays of cards that came near the viewport (those on screen first: the observer reports in
   * document order), SLICE_MS of work at a time, so a screen of cards (and the first topic matching, which compiles
   * the taxonomy) never makes one long task. The overlays are built out of the page, and go in together when the
   * batch is done, or PER_INSERTION at a time: one insertion frame per batch or per PER_INSERTION overlays, not one per
   * slice (see NEIGHBOURS).
   */
  private revealQueued(): Promise<void> {
    if (!this.revealing) this.revealRun = this.revealAll().catch((error) => this.options.onError?.(error));
    return this.revealRun;
  }

  /**
   * One run of revealQueued, until nothing is queued. Waiters await its promise: a loop of `scheduler.yield()` while
   * it waited for a frame (PER_INSERTION) was a stream of continuations the browser ran ahead of that frame and of the
   * timer bounding it, and the tab could hang (end-to-end tests timed out on load and on evaluate).
   */
  private async revealAll(): Promise<void> {
    this.revealing = true;
    const built: Annotated[] = [];
    try {
      let sliceStart = performance.now();
      this.sliceTheme = null;
      while (this.toReveal.length && !this.stopped) {
        if (performance.now() - sliceStart > SLICE_MS) {
          await yieldToPage();
          sliceStart = performance.now();
          this.sliceTheme = null; // the page may have switched theme meanwhile
          continue;
        }
        if (built.length === PER_INSERTION) {
          this.insert(built.splice(0));
          await nextFrame(this.options.doc.defaultView); // drawn before the next are built
          sliceStart = performance.now();
          this.sliceTheme = null;
          continue;
        }
        const entry = this.toReveal.shift()!;
        if (entry.revealed) continue;
        if (!this.isLive(entry)) {
          // Taken out of the page before its turn (a re-render): watched again, to be built once it is back near the
          // viewport. Nothing else would build it: its block is built, and the change that brings it back finds it
          // waiting for the viewport (CardFinder.hasOverlay).
          if (!entry.gone) this.visibility?.observe(entry.card);
          continue;
        }
        if (!this.paperOf(entry)) continue;
        (entry.overlay ??= this.createOverlay(entry)).reveal();
        entry.revealed = true;
        this.visibility?.unobserve(entry.card);
        built.push(entry);
      }
    } finally {
      this.insert(built);
      this.revealing = false;
      this.sliceTheme = null;
    }
  }

  /** Put built overlays in the page: where each goes is read for all before any is inserted (reads, then writes). */
  private insert(built: Annotated[]): void {
    const at = built.map((entry) => {
      try {
        return this.isLive(entry) && !inPlace(entry) ? entry.mountPoint() : null;
      } catch (error) {
        this.options.onError?.(error);
        return null;
      }
    });
    built.forEach((entry, i) => {
      const where = at[i];
      if (where) this.place(entry, where);
    });
    // Style and layout brought up to date here, in this task, not in the frame that draws the insertion: the same
    // work in two tasks rather than one long frame. Until stop 32 a saved paper's status <select> had Chromium's
    // autofill agent do this (at a cost of its own: see save-control.ts); without either, the longest frame we cause
    // grew (traced, 4 loads each: arXiv 1,000 21-43 ms against 20-25 with this read, arXiv 5,000 89-107 against 63-100).
    if (built.length) void this.options.doc.documentElement.offsetHeight;
  }

  /**
   * Resolves once the cards near the viewport are built: after the next frame, when the observer has reported them
   * (at most 100 ms: a tab in the background draws no frames, and its relevance must not wait to be looked at).
   */
  private async revealDone(): Promise<void> {
    if (!this.visibility) return;
    await nextFrame(this.options.doc.defaultView);
    // The observer's report of that frame is delivered in a task of its own, which can come after ours: taken here, the
    // blocks it names are built in this pass, before the mark, and as this pass's (without neighbours: see settled).
    // Left to the callback, the first block below the screen came after the mark in some loads, and brought 24 more.
    const reported = this.visibility.takeRecords();
    if (reported.length) this.onVisible(reported);
    else if (this.toReveal.length) void this.revealQueued();
    await this.revealRun;
  }

  /**
   * The page's theme, read when an overlay is built (matchMedia can make the browser bring style up to date, so it
   * is never read while mounting, in the middle of the page's own DOM changes), once per slice of builds.
   */
  private theme(): 'light' | 'dark' {
    if (this.revealing) return (this.sliceTheme ??= this.pageTheme());
    return this.pageTheme();
  }

  pageTheme(): 'light' | 'dark' {
    return pageTheme(this.options.doc, this.adapter?.themeByClass);
  }

  /** The page's theme now, given to every overlay built with another (once per switch: most class changes are not one). */
  private followTheme(): void {
    if (this.stopped) return;
    const theme = this.pageTheme();
    if (theme === this.shownTheme) return;
    this.shownTheme = theme;
    this.sliceTheme = null;
    for (const overlay of this.allOverlays()) overlay.setTheme(theme);
    this.relevance.setTheme(theme);
  }

  /**
   * Re-read the saved state of every paper on the page (after an import changed many at once, or back from the
   * back-forward cache). Never rejects: a failure goes to onError (which quiets an orphaned script).
   */
  async refresh(): Promise<void> {
    await this.lookupStates([...this.byId.keys()]);
  }

  /** The keyboard shortcut: toggle the hovered/focused card, or the only card of a single-paper page. */
  async toggleActive(): Promise<string | null> {
    // A card the page reused for another paper (Hugging Face's period tabs) under a resting pointer: no new mouseover
    // names it, and the entry remembered is gone. The card's entry now is that paper's.
    const active = this.active?.gone ? (this.cards.get(this.active.card) ?? null) : this.active;
    const entry = active && this.isLive(active) ? active : this.onlyCard();
    const paper = entry && this.paperOf(entry);
    if (!entry || !paper) return null;
    await this.toggle(paper, !this.states.get(paper.id));
    if (this.isLive(entry)) this.build(entry).focusSave(); // a card not near the viewport yet had no overlay
    return paper.id;
  }

  /** On a URL change re-read the page context and rescan; cards already annotated are skipped. */
  async checkUrl(): Promise<void> {
    const href = this.address();
    if (href === this.href || this.stopped) return;
    this.href = href;
    this.relevance.newPage();
    this.rejected = new WeakSet(); // a card that held no paper on the last page may hold one on this
    this.adapter = this.options.adapterFor(new URL(href));
    if (!this.adapter) return this.relevance.leavePage();
    if (this.options.prepare) {
      await this.prepareOnce();
      if (this.stopped || this.href !== href) return;
    }
    // Reading the page's context (Hugging Face cuts a long hydration JSON into items, a slice at a time) and
    // finding the cards each take tasks of their own on a long page, so neither adds to the other or to the first
    // slice of annotation. Mutations wait for this page's context; cards added meanwhile are found just below.
    this.ready = false;
    this.settled = false;
    const adapter = this.adapter;
    const ctx = adapter.contextInSlices
      ? await adapter.contextInSlices(this.options.doc, new URL(href), this.now(), yieldToPage)
      : adapter.context(this.options.doc, new URL(href), this.now());
    await yieldToPage();
    if (this.stopped || this.href !== href || this.adapter !== adapter) return;
    this.ctx = ctx;
    this.askNamedStates(adapter, ctx);
    this.ready = true;
    const cards = this.adapter.findCards(this.options.doc, this.ctx);
    if (cards.length > BATCH) {
      await yieldToPage();
      if (this.stopped || this.href !== href) return;
    }
    await this.annotate(cards, () => {
      if (this.href === href) this.settled = true;
    });
  }

  /**
   * The page's address less its fragment: an in-page link to an anchor (arXiv's listings have a few) is no new page,
   * and no adapter reads the fragment, so it costs no rescan.
   */
  private address(): string {
    const href = this.options.doc.location.href;
    const hash = href.indexOf('#');
    return hash < 0 ? href : href.slice(0, hash);
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  private onlyCard(): Annotated | null {
    const all = [...this.byId.values()].flatMap((set) => [...set]).filter((e) => this.isLive(e));
    return all.length === 1 ? all[0]! : null;
  }

  private onMutations(records: MutationRecord[]): void {
    if (this.stopped) return;
    if (this.address() !== this.href) {
      void this.checkUrl();
      return; // checkUrl rescans the whole document
    }
    if (!this.adapter || !this.ready) return;
    const found = new Set<Element>();
    for (const record of records) {
      if (record.type === 'attributes') {
        // A link changed: the card around it is checked again (mountBatch: it may name another paper now).
        const card = this.finder.enclosingCard(record.target as Element) ?? this.finder.formerCard(record.target as Element);
        if (card) found.add(this.recheck(card));
        continue;
      }
      for (const node of record.addedNodes) {
        const name = (node as Element).localName;
        if (node.nodeType !== 1 || name === HOST_TAG || name === CONTROL_TAG) continue; // our own overlays
        // Inside a card we already annotated (MathJax typesetting, a framework re-render): no rescan, only a
        // check that the overlay is still there, and, where the added part holds a link, that the card still names
        // its paper (a part re-rendered for another paper beside the overlay). Elsewhere, look for new cards in the
        // added subtree only.
        // A link added beside a card's overlay, outside the card, is no part of it (a row of link cards: a new one).
        const link = holdsLink(node as Element);
        const enclosing = this.finder.enclosingCard(node as Element, link);
        if (enclosing) {
          if (link) found.add(this.recheck(enclosing));
          else if (!this.finder.hasOverlay(enclosing)) found.add(enclosing);
          continue;
        }
        // A link come into a card that names no paper now (emptied by a re-render, say): that card, checked again.
        const former = link ? this.finder.formerCard(node as Element) : null;
        if (former) found.add(this.recheck(former));
        else for (const card of this.adapter.findCards(node as Element, this.ctx)) found.add(card);
      }
      for (const node of record.removedNodes) {
        // Our overlay was taken out by a re-render while the card stayed: put it back.
        if (node.nodeType === 1 && (node as Element).localName === HOST_TAG && record.target.isConnected) {
          const card = this.byHost.get(node as Element)?.card ?? this.finder.enclosingCard(record.target as Element);
          if (card?.isConnected) found.add(card);
        }
      }
      if (record.removedNodes.length && record.target.nodeType === 1) this.finder.dropOrphans(record.target as Element);
    }
    if (found.size) void this.annotate([...found]);
  }


  /** A card one of whose links changed or came: a card that held no paper may hold one now (mountBatch decides). */
  private recheck(card: Element): Element {
    this.rejected.delete(card);
    return card;
  }






  /**
   * Extract and mount cards in small batches; once SLICE_MS of work has been done, ask the background for the
   * saved states of that slice's papers (one message, not awaited) and yield to the page, so no task of ours grows
   * long (input, scrolling and the page's own scripts go first).
   */
  private async annotate(cards: Element[], annotated?: () => void): Promise<void> {
    const adapter = this.adapter;
    if (!adapter) return;
    const size = this.options.chunkSize ?? BATCH;
    const lookups: Promise<void>[] = [];
    const mounted: Annotated[] = [];
    const blocks = this.blocks();
    let rest = cards;
    /** The cards on screen were found and built first: the cards near them are not what the reader waits for. */
    let screenFirst = false;
    let near: ReadonlySet<Element> = new Set();
    /** Where the screen was built first: the answers its chips wait for (asked before it was built). */
    let screenTopics: Promise<void>[] = [];
    if (this.visibility && cards.length >= SCREEN_FIRST) {
      // What the reader sees first: the cards on screen are annotated and built before the others are mounted (on a
      // long page that is hundreds of cards, whose overlays are built later anyway, as they near the viewport).
      const { from, to } = await this.onScreen(cards);
      if (this.stopped || this.adapter !== adapter) return;
      if (to > from) {
        const { unknown, entries } = this.mountBatch(adapter, cards.slice(from, to), blocks, true);
        this.askStates(unknown, lookups);
        // Their topics are asked with their saved states, before they are built (which would ask them too): the
        // answers then come in before the insertion's frame, and the chips go in with it rather than change the
        // page again after it (a frame of the page's layout: see the badges' own note in github-badge.ts).
        for (const entry of entries) if (this.paperOf(entry)) this.askTopics(entry);
        mounted.push(...entries);
        void this.revealQueued();
        rest = [...cards.slice(0, from), ...cards.slice(to)];
        // A block either side of the screen: most likely this pass's margin (see the topics asked below).
        near = new Set([...cards.slice(Math.max(0, from - BLOCK), from), ...cards.slice(to, to + BLOCK)]);
        // The reader's screen is drawn before the rest are mounted: our slices, continuations the browser runs ahead
        // of other tasks, would otherwise keep that frame back until they end.
        await this.revealRun;
        screenTopics = [...this.topicWaits];
        await nextFrame(this.options.doc.defaultView);
        if (this.stopped || this.adapter !== adapter) return;
        screenFirst = this.holdReveals = true;
      }
    }
    let pending = new Set<string>();
    let sliceStart = performance.now();
    for (let start = 0; start < rest.length && !this.stopped && this.adapter === adapter; start += size) {
      if (performance.now() - sliceStart > SLICE_MS) {
        this.askStates(pending, lookups);
        pending = new Set();
        await yieldToPage();
        sliceStart = performance.now();
        if (this.stopped || this.adapter !== adapter) break;
      }
      const { unknown, entries } = this.mountBatch(adapter, rest.slice(start, start + size), blocks);
      for (const id of unknown) pending.add(id);
      mounted.push(...entries);
      // The topics of the cards around the screen (this pass's margin, most likely) are asked as they are mounted:
      // their answer comes in with the saved states' when this loop ends, and the margin is built with its chips.
      // Asked when built, they cost one more round trip before the mark (3-72 ms in debug marks, both sites).
      for (const entry of entries) if (near.has(entry.card) && this.paperOf(entry)) this.askTopics(entry);
    }
    blocks.close();
    this.askStates(pending, lookups);
    // Relevance once for everything mounted (the background wants a page's cards together, and slices its work),
    // after what the reader sees: the saved states are in (a failed lookup is reported, never thrown) and the cards
    // on screen are built, so reading every card for scoring never shares the thread with them. On a short page the
    // cards near the viewport (its screen among them) are built while the background answers, not after (measured
    // on 1,000-card pages, before the margin waited for the mark: Hugging Face settled 262 against 287 ms after the
    // load event, arXiv 513 against 524).
    // Where the screen was built first, the mark does not wait for the cards around it (the margin, for the reader's
    // next scroll), and they are not built while the pass is on: the page is annotated when the reader's screen is,
    // and the margin is work nobody waits for, done once the page is idle (its chips were asked for above). Side by
    // side, 15 loads: arXiv 1,000 settled 160 against 197 ms after the load event, Hugging Face 110 against 129.
    try {
      await Promise.all(screenFirst ? lookups : [...lookups, this.revealDone()]);
      // The topics of the cards built meanwhile: an overlay is annotated once its chips are all there. Where the screen
      // was built first, that is the screen's: the margin's, asked during the pass so that it is built with its chips
      // once the page is idle, are not what the mark waits for (on Hugging Face, with the states asked as soon as the
      // listing's JSON was read, they were the last thing it waited for: 8 ms after the pass, debug marks).
      await Promise.all(screenFirst ? screenTopics : [...this.topicWaits]);
      this.markAnnotated();
      if (screenFirst) await whenIdle();
    } finally {
      if (screenFirst) this.holdReveals = false;
    }
    // The margin is this pass's (see settled): built without neighbours.
    if (screenFirst) await this.revealDone();
    annotated?.();
    await this.relevance.scoreRelevance(mounted);
  }

  /**
   * A User Timing mark (ANNOTATED_MARK, detail: { cards }) when a pass is done: every card it found is identified and
   * has its saved state, and the cards on screen are built (on a long page, whose screen is built first, the cards
   * around it are built after the mark; on a short one, all cards near the viewport before it). For profiling
   * (DevTools shows it in the page's timeline; `npm run bench` waits for it): it says nothing the page could not count
   * from its own cards.
   */
  private markAnnotated(): void {
    if (this.stopped) return;
    try {
      performance.mark(ANNOTATED_MARK, { detail: { cards: this.identified } });
    } catch {
      /* no User Timing level 3 here: only profiling loses */
    }
  }

  /**
   * The cards among these that are in the viewport, as the browser reports them at its next frame (an observer's
   * first report covers every target): the run of cards `cards[from, to)` from the first seen to the last, found
   * with at most SCREEN_PROBES probes (see there). An empty run if no probe is seen (a card taller than the screen between
   * two probes: the observer of blocks builds it a frame later), or if no frame comes within SCREEN_WAIT_MS (a tab in
   * the background).
   */
  private onScreen(cards: Element[]): Promise<{ from: number; to: number }> {
    const none = { from: 0, to: 0 };
    const win = this.options.doc.defaultView;
    if (!win || !('IntersectionObserver' in win) || !cards.length) return Promise.resolve(none);
    const stride = Math.max(1, Math.ceil(cards.length / (this.options.screenProbes ?? SCREEN_PROBES)));
    const probes = new Map<Element, number>();
    for (let i = 0; i < cards.length; i += stride) probes.set(cards[i]!, i);
    probes.set(cards.at(-1)!, cards.length - 1);
    return new Promise((resolve) => {
      const done = (run: { from: number; to: number }) => {
        clearTimeout(timer);
        once.disconnect();
        resolve(run);
      };
      const once = new win.IntersectionObserver((entries) => {
        let first = cards.length;
        let last = -1;
        for (const entry of entries) {
          const i = probes.get(entry.target);
          if (!entry.isIntersecting || i === undefined) continue;
          first = Math.min(first, i);
          last = Math.max(last, i);
        }
        done(last < 0 ? none : { from: Math.max(0, first - stride + 1), to: Math.min(cards.length, last + stride) });
      });
      const timer = setTimeout(() => done(none), this.options.screenWaitMs ?? SCREEN_WAIT_MS);
      for (const card of probes.keys()) once.observe(card);
    });
  }

  /**
   * Identify (reads) then mount (writes) a few cards: the ids whose saved state is not known yet, and the cards'
   * entries. Where the adapter can name a card's paper cheaply, only the id is read now, and a card is left without
   * an overlay until it nears the viewport (the observer then queues it); cards known to be on screen are queued at
   * once. Queued cards are built and mounted in batches (revealQueued). Without an IntersectionObserver every overlay
   * is mounted and built at once, so every card is read whole at once.
   */
  private mountBatch(
    adapter: SiteAdapter<any>,
    cards: Element[],
    blocks: { add(entry: Annotated): void },
    onScreen = false,
  ): { unknown: string[]; entries: Annotated[] } {
    const planned: { card: Element; entry?: Annotated; found?: { id: string; paper?: Paper | null }; at: { parent: Element; before: Node | null } | null }[] = [];
    const ctx = this.ctx;
    const now = !this.visibility;
    for (const card of cards) {
      try {
        const known = this.cards.get(card);
        if (known && this.renamed(known, adapter, ctx)) this.forget(known);
        else if (this.finder.hasOverlay(card) || this.rejected.has(card)) continue;
        const entry = this.cards.get(card);
        let found: { id: string; paper?: Paper | null } | undefined;
        if (!entry) {
          if (this.visibility) found = identifyCard(adapter, card, ctx) ?? undefined;
          else {
            const paper = extractCard(adapter, card, ctx);
            found = paper ? { id: paper.id, paper } : undefined;
          }
          if (!found) continue; // a card that names no paper now: a link changing in it checks it again (formerCard)
        }
        // A known card here lost its host to a re-render: it goes back at once (it was built before). Others are
        // mounted when built (revealQueued), together with the cards built with them.
        planned.push({ card, entry, found, at: entry || now ? adapter.mountPoint(card) : null });
      } catch (error) {
        this.options.onError?.(error); // one broken card never stops the rest of the page
      }
    }
    const unknown: string[] = [];
    const entries: Annotated[] = [];
    for (const { card, entry: known, found, at } of planned) {
      try {
        let entry = known;
        if (!entry) {
          const { id, paper } = found!;
          const read = () => extractCard(adapter, card, ctx);
          const summary = () => summaryOfCard(adapter, card, ctx);
          entry = { id, paper, read, summary, card, mountPoint: () => adapter.mountPoint(card), inline: adapter.inlineOverlay?.(card) ?? false };
          if (paper) this.noteAliases(paper); // read whole already (no identify): asked for under its other ids too
          let set = this.byId.get(id);
          if (!set) this.byId.set(id, (set = new Set()));
          set.add(entry);
          this.identified++;
          this.finder.wereCards.add(card);
        }
        this.cards.set(card, entry);
        if (at) this.place(entry, at);
        entries.push(entry);
        if (!this.visibility) this.build(entry);
        else if (entry.revealed) {
          /* built before: nothing to watch */
        } else if (onScreen) this.toReveal.push(entry); // known to be on screen: built next, without a frame's wait
        else blocks.add(entry);
        if (!this.states.has(entry.id)) unknown.push(entry.id);
      } catch (error) {
        this.options.onError?.(error);
      }
    }
    return { unknown, entries };
  }

  /**
   * The card's overlay, made the first time (with the page's state: saved state, marks, relevance, dimming) and put
   * in the page (again, after a re-render took it out) where the adapter says, or at `at`.
   */
  private place(entry: Annotated, at?: { parent: Element; before: Node | null }): CardOverlay {
    const overlay = (entry.overlay ??= this.createOverlay(entry));
    if (!at && inPlace(entry)) return overlay;
    at ??= entry.mountPoint();
    at.parent.insertBefore(overlay.host, at.before);
    entry.parent = at.parent;
    entry.placed = true;
    if (!entry.card.contains(at.parent)) this.finder.putBeside(entry.card, at.parent);
    return overlay;
  }


  /** Mount the card's overlay if need be, and build its content (once). */
  build(entry: Annotated): CardOverlay {
    const overlay = this.place(entry);
    overlay.reveal();
    entry.revealed = true;
    return overlay;
  }

  /** The overlays made so far for the cards of this paper. */
  *overlaysOf(id: string): Iterable<CardOverlay> {
    for (const entry of this.byId.get(id) ?? []) if (entry.overlay) yield entry.overlay;
  }

  /** Every overlay made so far. */
  *allOverlays(): Iterable<CardOverlay> {
    for (const set of this.byId.values()) for (const entry of set) if (entry.overlay) yield entry.overlay;
  }

  /** The card is in the page, and so is its host if it has one. */
  isLive(entry: Annotated): boolean {
    if (entry.gone) return false;
    return entry.placed ? entry.overlay!.host.isConnected : entry.card.isConnected;
  }

  /**
   * The card's paper, read whole the first time it is needed. A card that named a paper but holds none (no title,
   * say) loses its overlay and is not mounted again.
   */
  private paperOf(entry: Annotated): Paper | null {
    if (entry.paper === undefined) {
      try {
        entry.paper = entry.read();
        if (entry.paper && entry.paper.id !== entry.id) entry.paper = null; // the adapter's identify disagreed: trust neither
      } catch (error) {
        entry.paper = null;
        this.options.onError?.(error);
      }
      if (!entry.paper) this.reject(entry);
      else if (this.noteAliases(entry.paper)) this.askAgain(entry.id);
    }
    return entry.paper;
  }

  /**
   * A card's title and abstract for scoring: from its paper when it was read whole, else only those two are read
   * (most cards of a long page are never built). Without them, the card is read whole, which decides (a card that
   * names no paper is dropped).
   */
  summaryOf(entry: Annotated): PaperSummary | null {
    if (entry.paper !== undefined) return entry.paper;
    try {
      const summary = entry.summary();
      if (summary) return summary;
    } catch (error) {
      this.options.onError?.(error);
    }
    return this.paperOf(entry);
  }

  private reject(entry: Annotated): void {
    if (entry.gone) return;
    this.forget(entry);
    this.rejected.add(entry.card);
  }

  /**
   * The card now names another paper than its entry's (or none): the page reused its element for another item (see
   * start). Only where a rescan or a changed link brings it up; the id is read the cheap way (identify) where it can be.
   */
  private renamed(entry: Annotated, adapter: SiteAdapter<any>, ctx: unknown): boolean {
    return identifyCard(adapter, entry.card, ctx)?.id !== entry.id;
  }

  /** Take a card's entry and overlay away: the card is no longer this paper's (reject, renamed). */
  private forget(entry: Annotated): void {
    entry.gone = true;
    this.identified--;
    if (this.cards.get(entry.card) === entry) this.cards.delete(entry.card);
    this.visibility?.unobserve(entry.card);
    const set = this.byId.get(entry.id);
    set?.delete(entry);
    if (set && !set.size) this.byId.delete(entry.id);
    entry.overlay?.host.remove();
    const block = entry.block;
    if (block) {
      const at = block.entries.indexOf(entry);
      if (at >= 0) block.entries.splice(at, 1);
      // It may have been a watched end: the block's ends now are (watching a card twice is harmless).
      if (!block.built) for (const end of [block.entries[0], block.entries.at(-1)]) if (end && !end.revealed) this.visibility?.observe(end.card);
    }
  }

  /**
   * Ask the background for the topics of a built card's paper, once per paper (one message per slice of builds, see
   * start.ts); its overlays show them when answered. The pass that built it waits for the answer (topicWaits). A
   * failed answer is reported and asked again the next time a card of that paper is built.
   */
  private askTopics(entry: Annotated): void {
    const paper = entry.paper;
    const port = this.options.port;
    if (!paper || !port.topics || this.topicsOf.has(paper.id)) return;
    this.topicsOf.set(paper.id, []);
    const asked = port.topics(paper).then(
      (topics) => {
        this.topicsOf.set(paper.id, topics);
        if (topics.length) for (const overlay of this.overlaysOf(paper.id)) overlay.refreshTags();
      },
      (error) => {
        this.topicsOf.delete(paper.id);
        this.options.onError?.(error);
      },
    );
    this.topicWaits.add(asked);
    void asked.finally(() => this.topicWaits.delete(asked));
  }

  /**
   * Ask for the saved states of these papers that are neither known nor asked for already (one message), and add to
   * `waits` what they wait for: that message, and the answers already on their way for the others.
   */
  private askStates(ids: Iterable<string>, waits?: Promise<void>[]): void {
    const fresh = new Set<string>();
    const onTheirWay = new Set<Promise<void>>();
    for (const id of ids) {
      if (this.states.has(id)) continue;
      const asked = this.asking.get(id);
      if (asked) onTheirWay.add(asked);
      else fresh.add(id);
    }
    if (fresh.size) {
      const asked = this.lookupStates([...fresh]);
      for (const id of fresh) this.asking.set(id, asked);
      void asked.finally(() => {
        for (const id of fresh) if (this.asking.get(id) === asked) this.asking.delete(id);
      });
      waits?.push(asked);
    }
    waits?.push(...onTheirWay);
  }

  /**
   * Once the page's context is read, before its cards are, the saved states of every paper it names
   * (SiteAdapter.paperIds: Hugging Face's listing JSON), in one message, so that the first pass finds them in. Asked
   * when the pass had identified the cards, the last answer came 15 ms after it (debug marks, Hugging Face 1,000 cards:
   * the rest identified at +59-66 ms after the load event, answered at +81), and the mark waited for it. Asked after
   * the yield that follows the context (on Hugging Face, read while the page loads, that yield waits for the load
   * event), not before: its answer, a thousand states applied in one task, is then not work done while the page loads
   * (see loadingPhase in start.ts), and it still comes before the screen is built.
   */
  private askNamedStates(adapter: SiteAdapter<any>, ctx: unknown): void {
    try {
      const ids = adapter.paperIds?.(ctx);
      if (ids?.length) this.askStates(ids.slice(0, LOOKUP_MAX));
    } catch (error) {
      this.options.onError?.(error); // the pass asks for what it finds
    }
  }

  /**
   * One message for the saved states of many papers, naming the other ids of those read whole that have any (see
   * `aliases`); every card of each paper is updated.
   */
  private async lookupStates(ids: string[]): Promise<void> {
    if (!ids.length) return;
    try {
      const aliases = this.lookupAliases(ids);
      const askedAt = this.order.count;
      const states = await (aliases ? this.options.port.lookup(ids, aliases) : this.options.port.lookup(ids));
      let unmarked = false;
      for (const id of ids) unmarked = this.answeredState(id, states[id] ?? null, askedAt) || unmarked;
      if (unmarked) this.relevance.updateControl();
    } catch (error) {
      this.options.onError?.(error);
    }
  }

  /**
   * The other ids known for these papers, by paper id, for a lookup; undefined if none has any. Nothing is looked at
   * on a page whose cards are all named by id alone (Hugging Face, arXiv listings: nothing was kept).
   */
  private lookupAliases(ids: readonly string[]): Record<string, string[]> | undefined {
    if (!this.aliases.size) return undefined;
    let out: Record<string, string[]> | undefined;
    for (const id of ids) {
      const aliases = this.aliases.get(id);
      if (aliases) (out ??= {})[id] = aliases;
    }
    return out;
  }

  /**
   * Ask again for papers named by id alone whose cards, read whole, give other ids (an arXiv abstract page gives its
   * journal's DOI), now naming them: those read in one task together, once their first answers are in, and only those
   * not saved by those answers.
   */
  private askAgain(id: string): void {
    this.again.add(id);
    if (this.again.size > 1) return;
    queueMicrotask(() => {
      const ids = [...this.again];
      this.again.clear();
      void Promise.all(ids.map((id) => this.asking.get(id))).then(async () => {
        const unsaved = ids.filter((id) => this.states.get(id) === null);
        if (this.stopped || !unsaved.length) return;
        try {
          const askedAt = this.order.count;
          const states = await this.options.port.lookup(unsaved, this.lookupAliases(unsaved));
          // Saved from its card, or by a notice, meanwhile: that is newer than this answer.
          let unmarked = false;
          for (const id of unsaved) if (this.states.get(id) === null) unmarked = this.answeredState(id, states[id] ?? null, askedAt) || unmarked;
          if (unmarked) this.relevance.updateControl();
        } catch (error) {
          this.options.onError?.(error);
        }
      });
    });
  }

  /**
   * Keep the other ids of a paper read whole (see `aliases`). Says whether any is new: a card named by id alone was
   * asked for under that id only.
   */
  private noteAliases(paper: Paper): boolean {
    if (!paper.aliases.length && paper.doi === null) return false; // most papers: nothing to keep, nothing made
    const known = this.aliases.get(paper.id) ?? [];
    const aliases = boundAliases([...known, ...aliasesOf(paper)], paper.id);
    if (aliases.length === known.length) return false;
    this.aliases.set(paper.id, aliases);
    return true;
  }

  /** Scroll to the next relevant card after the last one visited (wrapping) and focus its mark (Relevance.nextRelevant). */
  nextRelevant(): string | null {
    return this.relevance.nextRelevant();
  }

  /** Dim (or not) the overlays of papers marked done (Relevance.setDimDone). */
  setDimDone(on: boolean): void {
    this.relevance.setDimDone(on);
  }

  private createOverlay(entry: Annotated): CardOverlay {
    // Topics are asked for when the overlay is built or its tags are asked for (most cards are never seen).
    const tags = (): Tag[] => {
      const paper = entry.paper;
      if (!paper) return [];
      this.askTopics(entry);
      try {
        return this.options.tagger?.(paper, this.topicsOf.get(paper.id)) ?? [];
      } catch (error) {
        this.options.onError?.(error);
        return [];
      }
    };
    const { port } = this.options;
    const withPaper = (act: (paper: Paper) => void) => {
      const paper = this.paperOf(entry);
      if (paper) act(paper);
    };
    const actions: OverlayActions = {
      toggle: (save) => withPaper((paper) => void this.toggle(paper, save)),
      setStatus: (status) => withPaper((paper) => void this.setStatus(paper, status)),
      warm: () => port.wake?.(),
      mark: (label) => this.mark(label),
      repo: (name, spare) => port.repo(name, spare),
      moreRepos: (p) => port.moreRepos(p),
      now: () => this.now().getTime(),
    };
    const overlay = createCardOverlay(this.options.doc, entry.id, () => entry.paper ?? null, () => this.theme(), tags, actions, entry.inline);
    const { id } = entry;
    if (this.marked) overlay.setMarked(this.marked);
    const mark = this.relevance.markOf(id);
    if (mark !== undefined) overlay.setRelevance(mark);
    if (this.relevance.dimDone) overlay.setDimDone(true);
    if (this.states.has(id)) overlay.setState(this.states.get(id));
    this.byHost.set(overlay.host, entry);
    return overlay;
  }

  /** Mark every card with this tag (a second click on the same tag clears the mark). */
  private mark(label: string): void {
    this.marked = this.marked !== null && sameTag(this.marked, label) ? null : label;
    for (const overlay of this.allOverlays()) overlay.setMarked(this.marked);
  }

  /**
   * Optimistic toggle: every card of the paper changes at once and rolls back with a message on failure. A paper saved
   * under another of its ids (savedAs) is removed as that record; a save answers with the record it went into.
   */
  private async toggle(paper: Paper, save: boolean): Promise<void> {
    void this.checkUrl(); // the reader acts: an in-page navigation not seen yet is followed now
    const { port } = this.options;
    const previous = this.states.get(paper.id) ?? null;
    const record = previous?.savedAs ?? paper.id;
    this.show(paper.id, save ? (previous ?? { status: 'to-read', tags: [] }) : null);
    const ticket = this.order.beginWrite(paper.id);
    try {
      if (save) {
        const saved = await port.save(this.savedHere(paper), this.savedFrom());
        if (this.order.isLatest(paper.id, ticket)) this.answered(paper.id, saved.id, { status: saved.status, tags: saved.tags });
      } else await port.remove(record);
    } catch (error) {
      this.options.onError?.(error);
      // A later press of the reader's is on its way: its answer says what the paper is now.
      if (!this.order.isLatest(paper.id, ticket)) return;
      // The answer can be lost after the write committed (the service worker stopped in between): show what
      // the background really has, and say it failed only if it did (issue #6).
      const actual = await this.reread(paper, record, previous);
      if (!!actual !== save) this.tell(paper.id, failureMessage(error, save ? 'save' : 'remove'));
    } finally {
      this.endWrite(paper, record);
    }
  }

  /**
   * The paper as saved from this page: the kind of page it names is the one the reader is on now, as `savedFrom` is.
   * A card is read with the page context of when it was found, which can be the previous page's: a card reused by an
   * in-page navigation, or one the page drew before changing its URL (seen late without the Navigation API).
   */
  private savedHere(paper: Paper): Paper {
    const url = new URL(this.options.doc.location.href);
    const adapter = this.options.adapterFor(url);
    const page = adapter?.id === paper.source.site ? adapter.pageKind(url) : null;
    return page && page !== paper.source.page ? { ...paper, source: { ...paper.source, page } } : paper;
  }

  /** This page, as the saved record keeps it: a search page's address can be longer than a record may hold. */
  private savedFrom(): string {
    const href = this.options.doc.location.href;
    return savedFromUrl(href) ?? href;
  }

  /** Optimistic too; the edit names the record the paper is saved as (savedAs), which may be another of its ids. */
  private async setStatus(paper: Paper, status: ReadingStatus): Promise<void> {
    const previous = this.states.get(paper.id) ?? null;
    if (!previous) return;
    const record = previous.savedAs ?? paper.id;
    this.show(paper.id, { ...previous, status });
    const ticket = this.order.beginWrite(paper.id);
    try {
      const saved = await this.options.port.setStatus(record, status);
      // Null: the record is gone (removed meanwhile, elsewhere).
      if (this.order.isLatest(paper.id, ticket)) this.answered(paper.id, saved?.id ?? record, saved && { status: saved.status, tags: saved.tags });
    } catch (error) {
      if (this.order.isLatest(paper.id, ticket)) {
        this.show(paper.id, previous);
        this.tell(paper.id, failureMessage(error, 'change the status'));
      }
      this.options.onError?.(error);
    } finally {
      this.endWrite(paper, record);
    }
  }

  private tell(id: string, message: string): void {
    for (const overlay of this.overlaysOf(id)) overlay.showMessage(message);
  }
}
