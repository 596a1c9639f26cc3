// The only registry of site adapters. Order matters only for URLs two adapters could claim (none today).
import type { PageExtraction, SiteAdapter } from './types';
import { extractCard } from './extract-card';
import { huggingface } from './huggingface';
import { arxiv } from './arxiv';
import { alphaxiv } from './alphaxiv';
import { openreview } from './openreview';
import { semanticScholar } from './semanticscholar';
import { scholar } from './scholar';
import { aclanthology } from './aclanthology';
import { pmlr } from './pmlr';
import { neurips } from './neurips';
import { cvf } from './cvf';
import { dblp } from './dblp';

/** Core sites first (their content script is in the manifest); the rest are optional, granted per site. */
export const adapters: readonly SiteAdapter<any>[] = [
  huggingface,
  arxiv,
  alphaxiv,
  openreview,
  semanticScholar,
  scholar,
  aclanthology,
  pmlr,
  neurips,
  cvf,
  dblp,
];

/** The adapter and page kind for a URL, or null when no adapter handles it. */
export function adapterFor(url: URL): { adapter: SiteAdapter<any>; page: string } | null {
  for (const adapter of adapters) {
    const page = adapter.pageKind(url);
    if (page) return { adapter, page };
  }
  return null;
}

/**
 * Run one adapter over a whole document: every card, in document order. A card whose extraction throws is
 * skipped and reported through `onError`; the rest of the page is still read.
 */
export function extractPage(
  adapter: SiteAdapter<any>,
  doc: Document,
  url: URL,
  now: Date,
  onError: (error: unknown, card: Element) => void = () => {},
): PageExtraction {
  const page = adapter.pageKind(url) ?? 'unknown';
  const ctx = adapter.context(doc, url, now);
  const papers = [];
  for (const card of adapter.findCards(doc, ctx)) {
    try {
      const paper = extractCard(adapter, card, ctx);
      if (paper) papers.push(paper);
    } catch (error) {
      onError(error, card);
    }
  }
  return { site: adapter.id, page, papers };
}
