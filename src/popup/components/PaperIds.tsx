import { arxivIdAndDoi } from '../../core/aliases';
import { arxivIdOf, doiAddress, isDoi } from '../../core/ids';
import type { SavedPaper } from '../../storage/schema';

/**
 * The paper's identifiers: its arXiv id with the version saved (the one its reader saw), and its DOI as a doi.org link
 * (an ACM pseudo-DOI's, which doi.org does not know, to its ACM Digital Library page); a paper saved under
 * another id (a CVF page's) shows those its aliases give (Paper.aliases: the dblp entry that named its DOI).
 */
export function PaperIds({ saved }: { saved: SavedPaper }) {
  // The same ids the exports cite it by.
  const ids = arxivIdAndDoi({ ...saved.paper, id: saved.id });
  const arxiv = ids.arxiv;
  const version = arxiv && arxivIdOf(saved.id) && saved.paper.version ? `v${saved.paper.version}` : '';
  const doi = ids.doi && isDoi(ids.doi) ? ids.doi : null; // a link: never one to a malformed DOI an older build kept
  if (!arxiv && !doi) return null;
  return (
    <p class="ids">
      {arxiv && (
        <span title={version ? `The version you saved is ${version}` : undefined}>
          arXiv:{arxiv}
          {version}
        </span>
      )}
      {doi && (
        <a href={doiAddress(doi)} target="_blank" rel="noreferrer">
          DOI {doi}
        </a>
      )}
    </p>
  );
}
