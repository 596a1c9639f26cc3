// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TabPaperView } from '../../popup/api';
import { createFakeApi, makeSaved } from '../../popup/fake-api';
import { PastePanel } from './PastePanel';
import { wholeText } from '../../../test/unit/whole-text';

afterEach(cleanup);

const view = (url: string, id: string, missing: string[] = []): TabPaperView => ({ url, id, label: id, origins: missing, missing, state: null });
const DOI_HOSTS = ['https://doi.org/*', 'https://api.crossref.org/*'];

function setup() {
  const api = createFakeApi([makeSaved('arxiv:2401.00003', 'Already Here', 1000)]);
  for (const v of [
    view('https://arxiv.org/abs/2401.00001', 'arxiv:2401.00001'),
    view('https://arxiv.org/pdf/2401.00001', 'arxiv:2401.00001'), // the same paper's PDF
    view('https://doi.org/10.1145/3580305.3599256', 'doi:10.1145/3580305.3599256', DOI_HOSTS),
    view('https://arxiv.org/abs/2401.00003', 'arxiv:2401.00003'),
  ]) {
    api.typed.set(v.url, v);
  }
  const said: string[] = [];
  render(<PastePanel api={api} announce={(message) => said.push(message)} />);
  const box = screen.getByRole('textbox', { name: /arXiv ids, DOIs or paper links/ });
  return { api, said, box };
}

describe('library: add papers by id', () => {
  it('looks up a pasted list, then saves the papers not in the list, asking once for what their saves read', async () => {
    const { api, said, box } = setup();
    fireEvent.input(box, {
      target: { value: 'Reading group, week 3:\n2401.00001\nhttps://arxiv.org/pdf/2401.00001\n10.1145/3580305.3599256\narXiv:2401.00003\nhttps://arxiv.org/list/cs.LG/new' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Find papers' }));
    await screen.findByText('3 papers found: 2 to save, 1 in your list already.');
    // Words, and an address that names no paper (the background's answer), are named as such.
    expect(screen.getByText(wholeText('Not a paper: “Reading”, “group”, “week”, “3”, “https://arxiv.org/list/cs.LG/new”.'))).toBeTruthy();
    expect(said).toEqual(['3 papers found: 2 to save, 1 in your list already.']);

    const saveButton = screen.getByRole('button', { name: 'Save 2 papers' });
    saveButton.focus();
    fireEvent.click(saveButton);
    expect(api.requestAccess).toHaveBeenCalledWith(DOI_HOSTS); // in the click
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved 2 papers.'));
    await waitFor(() => expect(document.activeElement).toBe(box)); // the button gone, the focus back in the box
    expect(vi.mocked(api.saveTabPaper).mock.calls.map(([v]) => [v.id, v.missing])).toEqual([
      ['arxiv:2401.00001', []],
      ['doi:10.1145/3580305.3599256', []],
    ]);
    expect(api.papers.map((p) => p.id).sort()).toEqual(['arxiv:2401.00001', 'arxiv:2401.00003', 'doi:10.1145/3580305.3599256']);
    expect(said.at(-1)).toBe('Saved 2 papers.');
  });

  it('"Find papers", disabled while it looks up, gives the focus back to its button once done, not the page\'s body', async () => {
    const { box } = setup();
    fireEvent.input(box, { target: { value: '2401.00001 10.1145/3580305.3599256' } });
    const find = screen.getByRole('button', { name: 'Find papers' }) as HTMLButtonElement;
    find.focus();
    fireEvent.click(find);
    expect(find.disabled).toBe(true);
    // Chromium drops the focus of a control disabled under it to the page's body (Firefox keeps it there); jsdom keeps
    // it, and blurs no disabled control: an element focused and taken out leaves it on the body as Chromium does.
    act(() => {
      const elsewhere = document.body.appendChild(document.createElement('input'));
      elsewhere.focus();
      elsewhere.remove();
    });
    expect(document.activeElement).toBe(document.body);
    await screen.findByText('2 papers found: 2 to save, 0 in your list already.');
    await waitFor(() => expect(document.activeElement).toBe(find));
  });

  it('says which saves failed, and Stop ends the run after the save under way', async () => {
    const { api, box } = setup();
    fireEvent.input(box, { target: { value: '2401.00001 10.1145/3580305.3599256' } });
    fireEvent.click(screen.getByRole('button', { name: 'Find papers' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Save 2 papers' }));
    api.tabSave = new Error('Storage is full');
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved 0 papers; 2 failed.'));
    expect(within(screen.getByRole('list', { name: 'Papers not saved' })).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'arxiv:2401.00001: Storage is full',
      'doi:10.1145/3580305.3599256: Storage is full',
    ]);

    // Stopped while the first save waits: the second is never made.
    api.tabSave = { title: 'A paper' };
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const save = vi.mocked(api.saveTabPaper).getMockImplementation()!;
    vi.mocked(api.saveTabPaper).mockImplementation(async (tab: TabPaperView) => (await gate, save(tab)));
    fireEvent.click(screen.getByRole('button', { name: 'Find papers' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Save 2 papers' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Stop' }));
    release();
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved 1 paper; stopped before 1 paper.'));
    expect(api.papers.map((p) => p.id)).toContain('arxiv:2401.00001');
    expect(api.papers.map((p) => p.id)).not.toContain('doi:10.1145/3580305.3599256');
    expect(vi.mocked(api.saveTabPaper)).toHaveBeenCalledTimes(3);
  });

  it('a second click on Save while the first asks for access does nothing: one save of each paper, its progress kept', async () => {
    const { api, box } = setup();
    let grant!: (granted: boolean) => void;
    vi.mocked(api.requestAccess).mockImplementation(() => new Promise<boolean>((resolve) => (grant = resolve)));
    fireEvent.input(box, { target: { value: '2401.00001 10.1145/3580305.3599256' } });
    fireEvent.click(screen.getByRole('button', { name: 'Find papers' }));
    const saveButton = await screen.findByRole('button', { name: 'Save 2 papers' });
    fireEvent.click(saveButton);
    // The browser's prompt is open: the button says it cannot be pressed again, and a press does nothing.
    await waitFor(() => expect((saveButton as HTMLButtonElement).disabled).toBe(true));
    fireEvent.click(saveButton);
    expect(api.requestAccess).toHaveBeenCalledTimes(1);
    grant(true);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved 2 papers.'));
    expect(vi.mocked(api.saveTabPaper).mock.calls.map(([v]) => v.id)).toEqual(['arxiv:2401.00001', 'doi:10.1145/3580305.3599256']);
  });
});
