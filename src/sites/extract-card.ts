// The one way a card becomes a Paper, in the page (annotator), in tests and in the CLI (extractPage): the adapter
// reads the card, then the paper is brought within what the reading list stores (core/paper boundPaper).
import { boundPaper, type Paper } from '../core/paper';
import type { SiteAdapter } from './types';

export function extractCard<C>(adapter: SiteAdapter<C>, card: Element, ctx: C): Paper | null {
  const paper = adapter.extract(card, ctx);
  return paper ? boundPaper(paper) : null;
}
