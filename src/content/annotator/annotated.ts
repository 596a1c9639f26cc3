// A card as the annotator keeps it (Annotated), and the runs of cards it watches and builds together (Block): the
// shape the annotator's modules share. Plain data: the annotator alone makes and changes entries.
import type { Paper, PaperSummary } from '../../core/paper';
import type { CardOverlay } from '../overlay/card-overlay';

export interface Annotated {
  id: string;
  /**
   * The card's paper, read when first needed (its overlay built, the card saved or scored for relevance): a long
   * page's cards are mounted and looked up from their ids alone. Null once read: the card holds no paper after all.
   */
  paper?: Paper | null;
  /** The overlay has been built (its card came near the viewport); until then the card is observed. */
  revealed?: boolean;
  /**
   * The host is in the page. A card far from the viewport has no overlay at all until it nears it (issue #7: a
   * thousand hosts, each with its closed root, cost ~30 ms to create and were nodes for every style and layout pass
   * of the page): only its id and saved state are known. Its overlay is made, given the page's state (saved state,
   * marks, relevance, dimming) and mounted when it is built.
   */
  placed?: boolean;
  /** Where the overlay goes, read when it is mounted (the adapter of when the card was found). */
  mountPoint: () => { parent: Element; before: Node | null };
  /** The overlay goes in the card's own line (SiteAdapter.inlineOverlay). */
  inline?: boolean;
  /** Reads the card whole, with the adapter and page context of when it was found. */
  read: () => Paper | null;
  /** Reads only its title and abstract (for relevance scoring; SiteAdapter.summary), likewise. */
  summary: () => PaperSummary | null;
  card: Element;
  /** Made when the card is first mounted (see `placed`). */
  overlay?: CardOverlay;
  /** Where the overlay was mounted (once placed): inside the card, or beside it (the adapter's mountPoint). */
  parent?: Element;
  /** The run of cards this one is watched and built with (see BLOCK). */
  block?: Block;
  /** The card no longer shows this paper (forget): nothing is built, read or scored for this entry any more. */
  gone?: boolean;
}

/**
 * A run of up to BLOCK cards found together, in document order, waiting for the viewport: the observer watches its
 * first and last card only, and either one nearing the viewport builds the whole run (issue #7: an observer over
 * every card of a 5,000-card page was work at every frame; see BLOCK).
 */
export interface Block {
  entries: Annotated[];
  /** Queued to be built: a card found later starts a new block. */
  built: boolean;
  prev: Block | null;
  next: Block | null;
}

/** The card's overlay is where it was put (a re-render can take it out). */
export function inPlace(entry: Annotated): boolean {
  return !!entry.placed && entry.overlay!.host.parentNode === entry.parent;
}
