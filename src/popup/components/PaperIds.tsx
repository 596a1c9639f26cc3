import { arxivIdOf, doiOf, isDoi } from '../../core/ids';
import type { SavedPaper } from '../../storage/schema';

/**
 * The paper's identifiers: its arXiv id with the version last seen, and its DOI as a doi.org link; a paper saved under
 * another id (a CVF page's) shows those its aliases give (Paper.aliases: the dblp entry that named its DOI).
 */
export function PaperIds({ saved }: { saved: SavedPaper }) {
  const aliases = Array.isArray(saved.paper.aliases) ? saved.paper.aliases : [];
  const arxiv = [saved.id, ...aliases].map(arxivIdOf).find((a): a is string => !!a) ?? null;
  const version = arxiv && arxivIdOf(saved.id) && saved.paper.version ? `v${saved.paper.version}` : '';
  const doi = [doiOf(saved.id), saved.paper.doi, ...aliases.map(doiOf)].find((d): d is string => !!d && isDoi(d)) ?? null;
  if (!arxiv && !doi) return null;
  return (
    <p class="ids">
      {arxiv && (
        <span title={version ? `The version last seen is ${version}` : undefined}>
          arXiv:{arxiv}
          {version}
        </span>
      )}
      {doi && (
        <a href={`https://doi.org/${doi}`} target="_blank" rel="noreferrer">
          DOI {doi}
        </a>
      )}
    </p>
  );
}
