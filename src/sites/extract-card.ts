// The one way a card becomes a Paper, in the page (annotator), in tests and in the CLI (extractPage): the adapter
// reads the card, then the paper is brought within what the reading list stores (core/paper boundPaper).
import { boundPaper, boundSummary, isWellFormedId, type Paper, type PaperSummary } from '../core/paper';
import type { SiteAdapter } from './types';

export function extractCard<C>(adapter: SiteAdapter<C>, card: Element, ctx: C): Paper | null {
  const paper = adapter.extract(card, ctx);
  return paper ? boundPaper(paper) : null;
}

/**
 * The card's paper id without reading the rest of the card where the adapter can say it cheaply (`identify`), with
 * the id check boundPaper applies; else the whole paper, read once, comes along. Null: the card names no paper.
 */
export function identifyCard<C>(adapter: SiteAdapter<C>, card: Element, ctx: C): { id: string; paper?: Paper } | null {
  if (!adapter.identify) {
    const paper = extractCard(adapter, card, ctx);
    return paper ? { id: paper.id, paper } : null;
  }
  const id = adapter.identify(card, ctx);
  return id && isWellFormedId(id) ? { id } : null;
}

/** The card's title and abstract as extractCard would give them (adapter.summary where it reads them, else extract). */
export function summaryOfCard<C>(adapter: SiteAdapter<C>, card: Element, ctx: C): PaperSummary | null {
  const summary = adapter.summary?.(card, ctx);
  if (summary !== undefined) return summary && boundSummary(summary);
  const paper = extractCard(adapter, card, ctx);
  return paper && { title: paper.title, abstract: paper.abstract };
}
