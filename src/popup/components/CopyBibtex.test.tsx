// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeSaved } from '../fake-api';
import type { ListSnapshot, ReadingListState } from '../state';
import { ReadingListContext } from '../state-hooks';
import { CopyBibtex } from './CopyBibtex';

afterEach(cleanup);

/** A clipboard that takes the text to come, as the page's does, and keeps what it was given. */
function clipboard() {
  const texts: string[] = [];
  const write = vi.fn(async (text: Promise<string>) => {
    texts.push(await text);
  });
  return { write, texts };
}

const saved = makeSaved('arxiv:2606.41234', 'Sparse Routing for {Long} Contexts', 1000, {}, { authors: ['Ada Lovelace', 'Alan Turing'], published: '2026-06-29' });

describe('Copy BibTeX', () => {
  it("puts the paper's entry, as the library's BibTeX export writes it, on the clipboard, and says so", async () => {
    const { write, texts } = clipboard();
    render(<CopyBibtex papers={[saved]} name="Copy BibTeX of “Sparse Routing for {Long} Contexts”" write={write} />);
    fireEvent.click(screen.getByRole('button', { name: 'Copy BibTeX of “Sparse Routing for {Long} Contexts”' }));
    expect(screen.getByRole('status').textContent).toBe('Copying…');
    expect(write).toHaveBeenCalledTimes(1); // inside the click, with the text to come
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('BibTeX copied.'), { timeout: 5000 });
    const text = texts[0]!;
    const { exportPapers } = await import('../../core/export/index');
    expect(text).toBe((await exportPapers([saved], 'bibtex')).text);
    expect(text).toMatch(/^@\w+\{\w+,\n/);
    expect(text).toContain('eprint = {2606.41234}');
    expect(text).toContain('author = {Lovelace, Ada and Turing, Alan}');
  });

  it("copies the paper's citation key among the whole list, waiting for the list while only its newest papers are read", async () => {
    // The same first author, year and first word, saved earlier: that one has the plain key, this paper the next.
    const earlier = makeSaved('arxiv:2601.00001', 'Sparse Attention', 500, {}, { authors: ['Ada Lovelace'], published: '2026-01-02' });
    let snapshot = { load: 'ready', complete: false, provisional: false, loadError: null, papers: [saved] } as unknown as ListSnapshot;
    const listeners = new Set<() => void>();
    const state = {
      getSnapshot: () => snapshot,
      subscribe: (listener: () => void) => (listeners.add(listener), () => listeners.delete(listener)),
    } as unknown as ReadingListState;
    const { write, texts } = clipboard();
    render(
      <ReadingListContext.Provider value={state}>
        <CopyBibtex papers={[saved]} name="Copy" write={write} />
      </ReadingListContext.Provider>,
    );
    fireEvent.click(screen.getByRole('button'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(write).toHaveBeenCalledTimes(1); // asked inside the click, while the browser still counts it the reader's
    expect(texts).toEqual([]); // …and its text waits for the list
    snapshot = { ...snapshot, complete: true, papers: [saved, earlier] };
    for (const listener of listeners) listener();
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('BibTeX copied.'), { timeout: 5000 });
    expect(texts[0]).toMatch(/^@misc\{lovelace2026sparsea,\n/);
    expect(listeners.size).toBe(0);
  });

  it('says why when the list it keys against did not load', async () => {
    const snapshot = { load: 'error', complete: false, provisional: false, loadError: 'The database is closed.', papers: [] } as unknown as ListSnapshot;
    const state = { getSnapshot: () => snapshot, subscribe: () => () => {} } as unknown as ReadingListState;
    render(
      <ReadingListContext.Provider value={state}>
        <CopyBibtex papers={[saved]} name="Copy" write={async () => {}} />
      </ReadingListContext.Provider>,
    );
    fireEvent.click(screen.getByRole('button'));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Could not copy: The database is closed.'), { timeout: 5000 });
  });

  it('says why when the clipboard refuses (no focus, no user action)', async () => {
    render(<CopyBibtex papers={[saved]} name="Copy" write={async () => Promise.reject(new DOMException('Document is not focused.', 'NotAllowedError'))} />);
    fireEvent.click(screen.getByRole('button'));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Could not copy: Document is not focused.'), { timeout: 5000 });
  });
});
