// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeSaved } from '../fake-api';
import { CopyBibtex } from './CopyBibtex';

afterEach(cleanup);

const saved = makeSaved('arxiv:2606.41234', 'Sparse Routing for {Long} Contexts', 1000, {}, { authors: ['Ada Lovelace', 'Alan Turing'], published: '2026-06-29' });

describe('Copy BibTeX', () => {
  it("puts the paper's entry, as the library's BibTeX export writes it, on the clipboard, and says so", async () => {
    const write = vi.fn(async (_text: string) => {});
    render(<CopyBibtex papers={[saved]} name="Copy the BibTeX of “Sparse Routing for {Long} Contexts”" write={write} />);
    fireEvent.click(screen.getByRole('button', { name: 'Copy the BibTeX of “Sparse Routing for {Long} Contexts”' }));
    expect(screen.getByRole('status').textContent).toBe('Copying…');
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('BibTeX copied.'), { timeout: 5000 });
    const text = write.mock.calls[0]![0];
    const { exportPapers } = await import('../../core/export/index');
    expect(text).toBe((await exportPapers([saved], 'bibtex')).text);
    expect(text).toMatch(/^@\w+\{\w+,\n/);
    expect(text).toContain('eprint = {2606.41234}');
    expect(text).toContain('author = {Lovelace, Ada and Turing, Alan}');
  });

  it('says why when the clipboard refuses (no focus, no user action)', async () => {
    render(<CopyBibtex papers={[saved]} name="Copy" write={async () => Promise.reject(new DOMException('Document is not focused.', 'NotAllowedError'))} />);
    fireEvent.click(screen.getByRole('button'));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Could not copy: Document is not focused.'), { timeout: 5000 });
  });
});
