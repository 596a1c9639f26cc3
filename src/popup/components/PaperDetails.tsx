import type { SavedPaper } from '../../storage/schema';
import { CopyBibtex } from './CopyBibtex';
import { NoteEditor } from './NoteEditor';
import { PaperIds } from './PaperIds';
import { PaperLinks } from './PaperLinks';
import { TagEditor } from './TagEditor';
import { NewVersion } from './NewVersion';
import { PaperAuthors } from './PaperAuthors';

/** What opens under an item: links, identifiers, its authors to follow, a copy of its BibTeX, tags, note and the abstract. */
export function PaperDetails({ saved, knownTags, id }: { saved: SavedPaper; knownTags: readonly string[]; id: string }) {
  return (
    <div class="details" id={id}>
      <PaperLinks paper={saved.paper} savedFrom={saved.savedFrom} />
      <PaperIds saved={saved} />
      <NewVersion saved={saved} />
      <PaperAuthors paper={saved.paper} />
      <p class="copy-line">
        <CopyBibtex papers={[saved]} name={`Copy BibTeX of “${saved.paper.title}”`} />
      </p>
      <TagEditor saved={saved} knownTags={knownTags} />
      <NoteEditor saved={saved} />
      {saved.paper.abstract && (
        <details class="abstract">
          <summary>Abstract</summary>
          <p>{saved.paper.abstract}</p>
        </details>
      )}
    </div>
  );
}
