// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeSaved } from '../fake-api';
import { renderPopup } from './render-popup';
import * as v from 'valibot';
import { requests } from '../../background/messages';
import { MAX_NOTE_LENGTH } from './NoteEditor';

afterEach(cleanup);

const papers = [makeSaved('arxiv:2607.00001', 'Noted paper', 3000, { note: 'old note' })];

async function noteBox() {
  fireEvent.click(await screen.findByRole('button', { name: 'More: details of “Noted paper”' }));
  return screen.getByRole('textbox', { name: 'Note' }) as HTMLTextAreaElement;
}

describe('note editor', () => {
  it('saves as you type after a short pause, once', async () => {
    const { api, drafts } = renderPopup(papers);
    const box = await noteBox();
    expect(box.value).toBe('old note');
    fireEvent.input(box, { target: { value: 'new' } });
    fireEvent.input(box, { target: { value: 'new note' } });
    expect(api.edit).not.toHaveBeenCalled();
    expect(drafts.drafts.get('arxiv:2607.00001')?.note).toBe('new note'); // stashed at once
    await waitFor(() => expect(api.edit).toHaveBeenCalledWith('arxiv:2607.00001', { note: 'new note' }));
    expect(api.edit).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(drafts.drafts.size).toBe(0));
    expect(screen.getByText('new note')).toBeTruthy(); // the list shows the note's first line
  });

  it('flushes at once when the popup is hidden or closed', async () => {
    const { api } = renderPopup(papers);
    const box = await noteBox();
    fireEvent.input(box, { target: { value: 'typed then closed' } });
    window.dispatchEvent(new Event('pagehide'));
    expect(api.edit).toHaveBeenCalledWith('arxiv:2607.00001', { note: 'typed then closed' });

    fireEvent.input(box, { target: { value: 'typed then hidden' } });
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
    expect(api.edit).toHaveBeenLastCalledWith('arxiv:2607.00001', { note: 'typed then hidden' });
    expect(api.edit).toHaveBeenCalledTimes(2);
  });

  it('flushes when the details are closed', async () => {
    const { api } = renderPopup(papers);
    const box = await noteBox();
    fireEvent.input(box, { target: { value: 'closing the panel' } });
    fireEvent.click(screen.getByRole('button', { name: 'Less: details of “Noted paper”' }));
    expect(api.edit).toHaveBeenCalledWith('arxiv:2607.00001', { note: 'closing the panel' });
  });

  it('a save the background refused says so, keeps the text through changes from elsewhere, and is tried again', async () => {
    const { api } = renderPopup(papers);
    const box = await noteBox();
    const edit = api.edit;
    api.edit = vi.fn(async () => Promise.reject(new Error('The Papershelf background did not answer')));
    fireEvent.input(box, { target: { value: 'typed while the background was away' } });
    await waitFor(() => expect(api.edit).toHaveBeenCalledTimes(1));
    const state = document.getElementById(box.getAttribute('aria-describedby')!)!;
    await waitFor(() => expect(state.textContent).toBe('Not saved yet: kept in this browser, and tried again when you leave the note.'));
    // A change made elsewhere arrives: the unsaved text stays on screen.
    api.papers = [{ ...api.papers[0]!, status: 'done', updatedAt: 5000 }];
    api.emit();
    await waitFor(() => expect((screen.getByRole('combobox', { name: 'Status of “Noted paper”' }) as HTMLSelectElement).value).toBe('done'));
    expect(box.value).toBe('typed while the background was away');
    // The background is back: leaving the note saves it.
    api.edit = edit;
    fireEvent.blur(box);
    await waitFor(() => expect(api.papers[0]!.note).toBe('typed while the background was away'));
    await waitFor(() => expect(state.textContent).toBe('Saved automatically'));
  });

  it('does not overwrite unsaved typing with a change from elsewhere', async () => {
    const { api } = renderPopup(papers);
    const box = await noteBox();
    fireEvent.input(box, { target: { value: 'mine, unsaved' } });
    api.papers = [{ ...api.papers[0]!, status: 'done', updatedAt: 5000 }];
    api.emit();
    await waitFor(() => expect((screen.getByRole('combobox', { name: 'Status of “Noted paper”' }) as HTMLSelectElement).value).toBe('done'));
    expect(box.value).toBe('mine, unsaved');
  });

  it('an earlier save’s answer does not put older text back while a newer save is on its way', async () => {
    const { api } = renderPopup([makeSaved('arxiv:2607.00001', 'Noted paper', 3000, { note: '' })]);
    const edit = api.edit;
    const answers: (() => void)[] = [];
    api.edit = (async (...args: Parameters<typeof edit>) => {
      const stored = await edit(...args);
      await new Promise<void>((resolve) => answers.push(resolve));
      return stored;
    }) as typeof edit;
    const box = await noteBox();
    fireEvent.input(box, { target: { value: 'first' } });
    fireEvent.blur(box);
    fireEvent.input(box, { target: { value: 'first second' } });
    fireEvent.blur(box);
    await waitFor(() => expect(answers).toHaveLength(2));
    answers[0]!();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(box.value).toBe('first second');
    fireEvent.input(box, { target: { value: `${box.value} third` } });
    answers[1]!();
    fireEvent.blur(box);
    await waitFor(() => expect(answers).toHaveLength(3));
    answers[2]!();
    await waitFor(() => expect(api.papers[0]!.note).toBe('first second third'));
    expect(box.value).toBe('first second third');
  });

  it('keeps a pasted note within what the background stores, and says the rest was not kept', async () => {
    const { api } = renderPopup(papers);
    const box = await noteBox();
    fireEvent.input(box, { target: { value: 'x'.repeat(150_000) } });
    expect(screen.getByText('Notes are at most 100,000 characters: the rest was not kept.')).toBeTruthy();
    expect(box.getAttribute('aria-describedby')).toBe(screen.getByText(/^Notes are at most/).id);
    await waitFor(() => expect(api.edit).toHaveBeenCalled());
    expect(vi.mocked(api.edit).mock.calls[0]![1].note).toHaveLength(MAX_NOTE_LENGTH);
    expect(screen.queryByText(/Not saved yet/)).toBeNull();
  });

  it('has the limit the edit message has', () => {
    const edit = (note: string) => v.safeParse(requests.edit, { id: 'arxiv:2607.00001', edit: { note } }).success;
    expect(edit('x'.repeat(MAX_NOTE_LENGTH))).toBe(true);
    expect(edit('x'.repeat(MAX_NOTE_LENGTH + 1))).toBe(false);
  });
});
