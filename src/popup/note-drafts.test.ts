// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { localDraftStore } from './note-drafts';

describe('localDraftStore', () => {
  it('deletes a draft only while it holds the text saved (the popup and the library page share it)', () => {
    localStorage.clear();
    const popup = localDraftStore(localStorage);
    const library = localDraftStore(localStorage);
    library.put('arxiv:2601.00001', { note: 'from the library', at: 1 });
    popup.put('arxiv:2601.00001', { note: 'typed in the popup since', at: 2 });
    library.deleteIf('arxiv:2601.00001', 'from the library'); // the library's save ends
    expect(popup.all().get('arxiv:2601.00001')?.note).toBe('typed in the popup since');
    popup.deleteIf('arxiv:2601.00001', 'typed in the popup since');
    expect(popup.all().size).toBe(0);
  });
});
