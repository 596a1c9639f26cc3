import { arxivIdOf, doiOf, isDoi } from '../../core/ids';
import type { SavedPaper } from '../../storage/schema';

/** The paper's identifiers: its arXiv id with the version last seen, and its DOI as a doi.org link. */
export function PaperIds({ saved }: { saved: SavedPaper }) {
  const arxiv = arxivIdOf(saved.id);
  const version = arxiv && saved.paper.version ? `v${saved.paper.version}` : '';
  const doi = [doiOf(saved.id), saved.paper.doi].find((d): d is string => !!d && isDoi(d)) ?? null;
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
