// "Save to reading list" on links to arXiv, Hugging Face, alphaXiv, OpenReview, DOI, ACL Anthology, PMLR, NeurIPS and
// CVF pages on any site (issue #5): the background fetches the paper's metadata, or its page, and saves it like a save
// from a card.
import { arxivIdFromDoi, isAcmPseudoDoi } from '../core/ids';
import { savedFromUrl, type Paper } from '../core/paper';
import { PAGE_SITES } from '../sites/read-page';
import { identifyLink, type LinkTarget } from './save-link/targets';
import { ARXIV_API_ORIGINS } from './messages';

export const MENU_ID = 'papershelf-save-link';

/** The part of `contextMenus` the menu item needs. */
export interface MenusApi {
  removeAll(): Promise<void>;
  create(properties: { id: string; title: string; contexts: ['link']; targetUrlPatterns: string[] }): unknown;
}

/**
 * Make the "Save to reading list" item, for the links `patterns` match. Installed and updated alike: an item the
 * browser kept from the version before (menus can outlive an update) is removed first, or the new item's create would
 * fail on its id and the old version's patterns stay.
 */
export async function installMenu(menus: MenusApi, patterns: string[]): Promise<void> {
  await menus.removeAll();
  menus.create({ id: MENU_ID, title: 'Save to reading list', contexts: ['link'], targetUrlPatterns: patterns });
}

/** arXiv's API, for arXiv papers Hugging Face's paper API (a host permission) does not know. */
const ARXIV_API = ARXIV_API_ORIGINS;
const OPENREVIEW_APIS = ['https://api2.openreview.net/notes*', 'https://api.openreview.net/notes*'];
/** A DOI's metadata: content negotiation at doi.org, answered by Crossref or DataCite. */
const DOI_APIS = ['https://doi.org/*', 'https://api.crossref.org/*', 'https://api.datacite.org/*'];

/**
 * Where paper metadata comes from: optional hosts, asked for on the first save of a paper of their kind (a user
 * action). Without them the paper is still saved, with the id and link as its title.
 */
export const METADATA_ORIGINS = [...ARXIV_API, ...OPENREVIEW_APIS, ...DOI_APIS];

/**
 * What a click on a link (or the popup's save of a tab) asks for: the hosts that save reads, and no other. An arXiv
 * paper's, arXiv's API (an arXiv DOI is the arXiv paper); an OpenReview paper's, OpenReview's; a DOI's, the DOI
 * resolvers; a paper page read whole (PMLR, NeurIPS, CVF, an anthology paper without an ACL DOI), that site's pages,
 * the same grant as turning the site on in the options (its overlays then run there too: what was granted is the site).
 * Nothing for a link to no paper.
 */
export function originsFor(linkUrl: string): string[] {
  return originsOf(identifyLink(linkUrl));
}

/** originsFor, for the paper identifyLink found in an address (null: none). */
export function originsOf(target: LinkTarget | null): string[] {
  switch (target?.kind) {
    case 'arxiv':
      return ARXIV_API;
    case 'openreview':
      return OPENREVIEW_APIS;
    case 'doi':
      // An ACM pseudo-DOI: no resolver knows it, so its save reads nothing and asks for nothing (the stand-in at once).
      return arxivIdFromDoi(target.doi) ? ARXIV_API : isAcmPseudoDoi(target.doi) ? [] : DOI_APIS;
    case 'page':
      return [...PAGE_SITES[target.site].matches];
    default:
      return [];
  }
}

export interface SaveLinkDeps {
  resolve(target: NonNullable<ReturnType<typeof identifyLink>>): Promise<{ paper: Paper; complete: boolean }>;
  /** `complete`: false for a stand-in whose metadata could not be read (SaveOptions.standIn). */
  save(paper: Paper, savedFrom: string, complete: boolean): Promise<unknown>;
}

/** Save the paper a link names; null when the link names none. `pageUrl` is where the link was clicked. */
export async function saveLink(linkUrl: string, pageUrl: string | undefined, deps: SaveLinkDeps): Promise<Paper | null> {
  const target = identifyLink(linkUrl);
  if (!target) return null;
  const { paper, complete } = await deps.resolve(target);
  await deps.save(paper, savedFromOf(pageUrl, paper, linkUrl), complete);
  return paper;
}

/**
 * Where a paper saved from a link was saved from: the page the link was on, else the paper's own page, else the link.
 * Within what a record keeps (a longer one could not be restored after a removal, nor imported from a backup).
 */
export function savedFromOf(pageUrl: string | undefined, paper: Paper, linkUrl: string): string {
  return savedFromUrl(pageUrl) ?? paper.url ?? savedFromUrl(linkUrl) ?? '';
}
