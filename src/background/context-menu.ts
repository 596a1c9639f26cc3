// "Save to reading list" on links to arXiv, Hugging Face, alphaXiv, OpenReview and DOI pages on any site
// (issue #5): the background fetches the paper's metadata and saves it like a save from a card.
import { savedFromUrl, type Paper } from '../core/paper';
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
