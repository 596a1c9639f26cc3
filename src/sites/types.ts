import type { Paper, PaperSummary } from '../core/paper';

/**
 * One site adapter (issue #3): a document and a URL in, plain data out. No globals, no extension APIs,
 * so the same code runs in the page, in tests (jsdom) and in the CLI.
 */
export interface SiteAdapter<Ctx = unknown> {
  /** The file name and `Paper.source.site`, e.g. `huggingface`. */
  readonly id: string;
  /** Human name for messages, e.g. `Hugging Face Papers`. */
  readonly name: string;
  /** Manifest match patterns the content script is registered for (checked against manifest.json by a test). */
  readonly matches: readonly string[];
  /**
   * Optional sites only: the narrower patterns earlier versions asked for. The browser keeps such a grant across the
   * update, and it does not hold the wider `matches`: the script stays registered where it was granted, so it keeps
   * working until the reader enables the site again (options page) for `matches`.
   */
  readonly formerMatches?: readonly string[];
  /** Page kind for a URL this adapter handles (`daily`, `paper`, `list`, `abs`, ...), else null. */
  pageKind(url: URL): string | null;
  /**
   * Per-page data read once per scan (hydration JSON, a listing's date heading).
   * Cheap to call again: the content script calls it after in-page navigation.
   */
  context(doc: Document, url: URL, now: Date): Ctx;
  /**
   * Optional: the same context, read a slice at a time, awaiting `pause` between slices (the content script uses it
   * where a page's data can be megabytes: no long task). Must equal `context` (checked by the adapter's tests).
   */
  contextInSlices?(doc: Document, url: URL, now: Date, pause: () => Promise<void>): Promise<Ctx>;
  /**
   * Every card under `root` (the document, or a subtree the page just added), in document order. With `limit`, the
   * adapter may stop once it has found that many (the first ones; callers take the first `limit` of what it returns):
   * for the content script's early look at a long listing's first cards.
   */
  findCards(root: ParentNode, ctx: Ctx, limit?: number): Element[];
  /** The paper a card shows, or null when the card lacks an id or title (skipped, never a half paper). */
  extract(card: Element, ctx: Ctx): Paper | null;
  /**
   * The id `extract` would give the card, read cheaply (a link's href, no text walks), or null when the card names
   * no paper. Optional: the content script mounts overlays and asks saved states from ids alone, and reads a
   * card whole only when its overlay is built, it is saved or scored (issue #7). Adapters without it are read
   * whole at once. Must equal `extract(card, ctx).id` whenever extract gives a paper (checked on every fixture
   * and by the fuzz suite).
   */
  identify?(card: Element, ctx: Ctx): string | null;
  /**
   * Optional: the ids (as `identify` gives them) of the papers the page's own data names, read from the context alone
   * (Hugging Face's hydration JSON), before any card is: the content script asks for their saved states once it has
   * the context, before it reads the cards (on Hugging Face just after the load event), so that a long listing's
   * states are in when its cards are identified (issue #7). May name papers no card shows; every card it names must give the same id from `identify`
   * (checked on every fixture).
   */
  paperIds?(ctx: Ctx): string[];
  /**
   * The title and abstract `extract` would give the card, without the rest (authors, dates, links): what relevance
   * scoring reads from every card of a page, most of which are never built. Optional, and undefined for a card the
   * adapter does not read apart (a page with few cards, a listing without its JSON): extract is read instead. Null
   * whenever extract gives null. Must equal extract's title and abstract (checked on every fixture and by the fuzz
   * suite).
   */
  summary?(card: Element, ctx: Ctx): PaperSummary | null | undefined;
  /**
   * Optional: true where the site's theme is its `<html>` `dark` class alone (Hugging Face: its SystemThemeMonitor
   * sets the class from the system setting when the reader chose none), so a page without it is light.
   */
  themeByClass?: boolean;
  /**
   * Optional: true where the overlay goes in the card's own first line (mountPoint is then in that line) rather
   * than in a block of its own, because the line has room: an overlay that adds no height moves nothing below it,
   * which on a long list is most of what inserting it costs (issue #7).
   */
  inlineOverlay?(card: Element): boolean;
  /**
   * Optional: the card an element outside every card belongs to, where a card's fields sit beside it (arXiv's
   * listing: the title and authors are in the `<dd>` after the `<dt>` card); null for none. Only the keyboard shortcut
   * asks (the paper under the pointer), never the page's mutations.
   */
  cardBeside?(el: Element): Element | null;
  /** Where the overlay goes for this card: appended to `parent` before `before` (null: at the end). */
  mountPoint(card: Element): { parent: Element; before: Node | null };
}

/** What the extractor returns for a page (the CLI prints exactly this as JSON). */
export interface PageExtraction {
  site: string;
  page: string;
  papers: Paper[];
}
