// A paper's address (or arXiv id, or DOI) pasted into the search box finds that paper in the list, under any id it is
// saved by: the search's words alone (https, org, abs, 00001v2) found nothing, while the "You typed:" line said it was
// saved. Read as that line reads it (TypedPaper: one paper named in the text), then by the ids the address names it by.
import { addressIds, onePaperAddress } from '../core/address-ids';
import { pastedAddresses } from '../core/typed-address';
import type { SavedPaper } from '../storage/schema';

/**
 * The papers answering to one of `ids`: by their own id, an alias (every write keeps its own DOI's id among them:
 * storage/aliases.ts withAliases), or their DOI. The stored fields as they are, as the search index reads them: one pass
 * over 10,000 papers costs about a millisecond, where knownIds' normalising of each took ~180 ms at the paste.
 */
function answering(papers: readonly SavedPaper[], ids: readonly string[]): string[] {
  const wanted = new Set(ids);
  const dois = new Set(ids.filter((id) => id.startsWith('doi:')).map((id) => id.slice('doi:'.length)));
  const found: string[] = [];
  for (const saved of papers) {
    const { aliases, doi } = saved.paper;
    if (
      wanted.has(saved.id) ||
      (Array.isArray(aliases) && aliases.some((alias) => wanted.has(alias))) ||
      (dois.size > 0 && typeof doi === 'string' && dois.has(doi.toLowerCase()))
    )
      found.push(saved.id);
  }
  return found;
}

/** The ids of the papers of `papers` that the text names, when it names one paper as the "You typed:" line reads it; else none. */
export function addressedPapers(text: string, papers: readonly SavedPaper[]): string[] {
  const address = onePaperAddress(pastedAddresses(text).addresses);
  if (address === null) return [];
  const ids = addressIds(address);
  return ids.length ? answering(papers, ids) : [];
}
