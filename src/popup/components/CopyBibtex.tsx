import { useContext, useState } from 'preact/hooks';
import type { SavedPaper } from '../../storage/schema';
import { countLabel, errorMessage } from '../format';
import { ReadingListContext } from '../state-hooks';
import { writeWhenMade } from '../clipboard';
import type { ReadingListState } from '../state';

type ExportPapers = typeof import('../../core/export/index').exportPapers;

/**
 * The whole list the page holds, once it holds all of it (the popup shows its copy of the newest papers first, then the
 * newest page): citation keys are the papers' keys among the whole list (core/export/keys.ts), so a key copied here is
 * the one every later copy or export gives. No list around (a lone button): the copied papers' keys among themselves.
 */
export function wholeListOf(state: ReadingListState | null): Promise<readonly SavedPaper[] | undefined> {
  if (!state) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const settled = (): boolean => {
      const snapshot = state.getSnapshot();
      if (snapshot.load === 'error') reject(new Error(snapshot.loadError ?? 'the reading list did not load'));
      else if (snapshot.load === 'ready' && snapshot.complete && !snapshot.provisional) resolve(snapshot.papers);
      else return false;
      return true;
    };
    if (settled()) return;
    const unsubscribe = state.subscribe(() => settled() && unsubscribe());
  });
}

/** The export code (citation-js among it) is loaded at the first copy, as the library page loads it for files. */
const loadExport = (): Promise<{ exportPapers: ExportPapers }> => import('../../core/export/index');

interface Props {
  /** What is copied: one paper (the popup), or the library's selection. */
  papers: readonly SavedPaper[];
  /** The button's accessible name ("Copy BibTeX of “…”"): it begins with the words shown, for voice control (WCAG 2.5.3). */
  name: string;
  disabled?: boolean;
  /** The export code (the library page passes its own loader, tests a fake). */
  load?: () => Promise<{ exportPapers: ExportPapers }>;
  /** Where the text goes, asked for inside the click with the text to come: the clipboard (tests pass their own). */
  write?: (text: Promise<string>) => Promise<void>;
}

/**
 * "Copy BibTeX": the papers' entries as the library's BibTeX export writes them (citation keys, arXiv eprint fields,
 * DOI, venue), on the clipboard, for the paper the reader is writing. Says how it went beside the button.
 */
export function CopyBibtex({ papers, name, disabled = false, load = loadExport, write = (text) => writeWhenMade(text) }: Props) {
  const [said, setSaid] = useState('');
  const state = useContext(ReadingListContext);
  const copy = () => {
    const copied = [...papers];
    setSaid('Copying…');
    const text = Promise.all([load(), wholeListOf(state)])
      .then(([module, library]) => module.exportPapers(copied, 'bibtex', { library }))
      .then((result) => result.text);
    // The text's own failure is what is said, whatever the clipboard makes of an item that never came.
    Promise.all([text, write(text)]).then(
      () => setSaid(copied.length === 1 ? 'BibTeX copied.' : `BibTeX of ${countLabel(copied.length)} copied.`),
      (error: unknown) => setSaid(`Could not copy: ${errorMessage(error)}`),
    );
  };
  return (
    <span class="copy-bibtex">
      <button type="button" class="link" disabled={disabled} onClick={copy} aria-label={name}>
        Copy BibTeX
      </button>{' '}
      <span class="muted small" role="status">
        {said}
      </span>
    </span>
  );
}
