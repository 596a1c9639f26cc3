// "Save to reading list" on links to arXiv, Hugging Face, alphaXiv, OpenReview, DOI, ACL Anthology, PMLR, NeurIPS and
// CVF pages on any site (issue #5): the background fetches the paper's metadata, or its page, and saves it like a save
// from a card.
import { savedFromUrl, type Paper } from '../core/paper';
import { PAGE_SITES } from '../sites/read-page';
import { identifyLink } from './save-link/targets';

export const MENU_ID = 'papershelf-save-link';

/**
 * Where paper metadata comes from: optional hosts, asked for on the first save from a link (a user
 * action). Without them the paper is still saved, with the id and link as its title.
 */
export const METADATA_ORIGINS = [
  'https://export.arxiv.org/api/query*',
  'https://api2.openreview.net/notes*',
  'https://api.openreview.net/notes*',
  'https://doi.org/*',
  'https://api.crossref.org/*',
  'https://api.datacite.org/*',
];

/**
 * What a click on a link asks for: the metadata APIs, and for a paper page read whole (PMLR, NeurIPS, CVF) that site's
 * pages, the same grant as turning the site on in the options (its overlays then run there too: what was granted is
 * the site). Only the site the link is on, so a save from an arXiv link never asks for three proceedings sites.
 */
export function originsFor(linkUrl: string): string[] {
  const target = identifyLink(linkUrl);
  return target?.kind === 'page' ? [...METADATA_ORIGINS, ...PAGE_SITES[target.site].matches] : METADATA_ORIGINS;
}

export interface SaveLinkDeps {
  resolve(target: NonNullable<ReturnType<typeof identifyLink>>): Promise<{ paper: Paper; complete: boolean }>;
  save(paper: Paper, savedFrom: string): Promise<unknown>;
}

/** Save the paper a link names; null when the link names none. `pageUrl` is where the link was clicked. */
export async function saveLink(linkUrl: string, pageUrl: string | undefined, deps: SaveLinkDeps): Promise<Paper | null> {
  const target = identifyLink(linkUrl);
  if (!target) return null;
  const { paper } = await deps.resolve(target);
  // Within what a record keeps (a longer one could not be restored after a removal, nor imported from a backup).
  const from = savedFromUrl(pageUrl) ?? paper.url ?? savedFromUrl(linkUrl) ?? '';
  await deps.save(paper, from);
  return paper;
}
