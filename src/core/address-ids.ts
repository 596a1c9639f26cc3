// The ids a paper's address names it by, as a saved record keys it (its id or one of its aliases): what finds the paper a
// reader pastes into the search box in the list, where the words of an address (https, org, abs) would find nothing.
// Read with the same core readers "Save to reading list" on a link uses (background/save-link/targets.ts identifyLink,
// held to it by a test), without the proceedings sites' adapters it checks their pages with: an id here only finds a
// saved paper, never saves one.
import { arxivIdFromUrl, doiFromUrl, idFromDoi, webUrl } from './ids';
import { publisherDoi } from './publishers';
import { venuePaperFromUrl } from './venues';

/**
 * Every id an http(s) address names its paper by (a venue's page, PDF or forum; its DOI, at doi.org or a publisher's;
 * its arXiv id, at arXiv, Hugging Face, alphaXiv or ar5iv), each once; none for anything else.
 */
export function addressIds(address: string): string[] {
  const url = webUrl(address);
  if (!url) return [];
  const ids: string[] = [];
  const venue = venuePaperFromUrl(url.href);
  if (venue) ids.push(`${venue.site}:${venue.siteId}`);
  const doi = publisherDoi(url.href) ?? doiFromUrl(url.href);
  if (doi) ids.push(idFromDoi(doi));
  const arxiv = arxivIdFromUrl(url.href);
  if (arxiv) ids.push(`arxiv:${arxiv.id}`);
  return [...new Set(ids)];
}

/**
 * The one paper a reader's pasted text names (its addresses, as pastedAddresses reads them): its one address, or the
 * first of several that all name it (arXiv's "Cite as" copied whole: `arXiv:1706.03762`, `arXiv:1706.03762v7`, its
 * `https://doi.org/10.48550/arXiv.1706.03762`); null for none, or for addresses of different papers.
 */
export function onePaperAddress(addresses: readonly string[]): string | null {
  const [first, ...others] = addresses;
  if (first === undefined) return null;
  const ids = new Set(addressIds(first));
  return others.every((other) => addressIds(other).some((id) => ids.has(id))) ? first : null;
}
