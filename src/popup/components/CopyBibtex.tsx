import { useState } from 'preact/hooks';
import type { SavedPaper } from '../../storage/schema';

/** The export code (citation-js among it) is loaded at the first copy, as the library page loads it for files. */
const bibtexOf = async (saved: SavedPaper): Promise<string> => {
  const { exportPapers } = await import('../../core/export/index');
  return (await exportPapers([saved], 'bibtex')).text;
};

interface Props {
  saved: SavedPaper;
  /** Where the text goes: the clipboard (tests pass their own). */
  write?: (text: string) => Promise<void>;
}

/**
 * "Copy BibTeX": the paper's entry as the library's BibTeX export writes it (its citation key, arXiv eprint fields,
 * DOI, venue), on the clipboard, for the paper the reader is writing. Says how it went beside the button.
 */
export function CopyBibtex({ saved, write = (text) => navigator.clipboard.writeText(text) }: Props) {
  const [said, setSaid] = useState('');
  const copy = () => {
    setSaid('Copying…');
    bibtexOf(saved)
      .then(write)
      .then(
        () => setSaid('BibTeX copied.'),
        (error: unknown) => setSaid(`Could not copy: ${messageOf(error)}`),
      );
  };
  return (
    <p class="copy-bibtex">
      <button type="button" class="link" onClick={copy} aria-label={`Copy the BibTeX of “${saved.paper.title}”`}>
        Copy BibTeX
      </button>{' '}
      <span class="muted small" role="status">
        {said}
      </span>
    </p>
  );
}

/** An Error's or a DOMException's message (the clipboard rejects with the latter). */
function messageOf(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' && message ? message : String(error);
}
