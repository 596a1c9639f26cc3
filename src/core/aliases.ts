// The other ids one paper is known by (Paper.aliases). A page gives a paper one canonical id (canonicalId: arXiv, then
// DOI, then a venue's, then the site's own key), but the same paper shows under another on another page: a CVPR paper
// is `doi:10.1109/…` on a dblp entry that names its IEEE DOI and `cvf:…` on the CVF page, and a paper saved from dblp
// before venue ids existed is stored as `dblp:conf/…`. A record answers to every id it is known by, so one paper is one
// record, and shows as saved, whichever of them a page gives.
import { arxivIdOf, canonicalId, currentId, doiOf, hasIdPrefix, idFromDoi, parseArxivId, parseDoi, type IdentityHints } from './ids';
import { isWellFormedId, ownDoi, PAPER_LIMITS, type Paper } from './paper';

/**
 * Ids for `id`'s aliases as a record keeps them: well formed, of a kind Papershelf gives (hasIdPrefix: a record naming
 * another would be refused whole by the background's schema), in today's form (currentId), each once, never `id`
 * itself, at most PAPER_LIMITS.aliases (the first ones: a page's own first).
 */
export function boundAliases(aliases: Iterable<unknown>, id: string): string[] {
  const out: string[] = [];
  const seen = new Set([id]);
  for (const alias of aliases) {
    if (out.length >= PAPER_LIMITS.aliases) break;
    if (typeof alias !== 'string' || !isWellFormedId(alias)) continue;
    const current = currentId(alias);
    if (seen.has(current) || !isWellFormedId(current) || !hasIdPrefix(current)) continue;
    seen.add(current);
    out.push(current);
  }
  return out;
}

/**
 * Every id the paper answers to besides its own: the page's aliases, then the id of its own DOI (a journal version of
 * an arXiv paper, `doi:10.1038/…`, is that paper to a page that gives only the DOI).
 */
export function aliasesOf(paper: Pick<Paper, 'id' | 'doi'> & { aliases?: unknown }): string[] {
  const doi = ownDoi(paper.doi, paper.id);
  const listed = Array.isArray(paper.aliases) ? paper.aliases : [];
  return boundAliases(doi ? [...listed, idFromDoi(doi)] : listed, paper.id);
}

/** The paper's id, then every alias (aliasesOf). */
export function knownIds(paper: Pick<Paper, 'id' | 'doi'> & { aliases?: unknown }): string[] {
  return [paper.id, ...aliasesOf(paper)];
}

/**
 * The arXiv id and DOI a citation of the paper gives: its id's, then its own DOI, then its aliases' (the first
 * `arxiv:` alias; the first alias that carries a DOI, as doiOf reads ids: an `aclanthology:` id its ACL DOI). A paper
 * saved from its CVF page knows both only as aliases once a dblp entry naming them was merged into it.
 */
export function arxivIdAndDoi(paper: Pick<Paper, 'id' | 'doi'> & { aliases?: unknown }): { arxiv: string | null; doi: string | null } {
  let arxiv = arxivIdOf(paper.id);
  let doi = doiOf(paper.id) ?? (paper.doi || null);
  if (arxiv && doi) return { arxiv, doi };
  for (const alias of aliasesOf(paper)) {
    arxiv ??= arxivIdOf(alias);
    doi ??= doiOf(alias);
  }
  return { arxiv, doi };
}

export interface PaperIdentity {
  /** canonicalId's answer. */
  id: string;
  /** Every other id the hints give, in the same precedence (Paper.aliases): what another page may key the paper by. */
  aliases: string[];
}

/**
 * A paper's canonical id and its aliases: the arXiv id, the DOI's id, the venue's id and the site's own key that lost
 * to the id, then the other ids the page names. A dblp entry with an IEEE DOI and a CVF link is `doi:…` here and `cvf:…` on
 * the CVF page, and older builds stored it as `dblp:<key>`: the record answers to all three. Null when nothing
 * identifies the paper.
 */
export function paperIdentity(hints: IdentityHints): PaperIdentity | null {
  const id = canonicalId(hints);
  if (!id) return null;
  // canonicalId's order, every hint read the same way; canonicalId itself stays as it is for arXiv listings' hot paths.
  const arxiv = hints.arxiv ? parseArxivId(hints.arxiv) : null;
  const doi = hints.doi ? parseDoi(hints.doi) : null;
  const siteId = hints.siteId?.trim();
  const ids = [arxiv && `arxiv:${arxiv.id}`, doi && idFromDoi(doi), hints.venue?.trim(), siteId && `${hints.site}:${siteId}`];
  return { id, aliases: boundAliases([...ids, ...(hints.otherIds ?? [])], id) };
}
