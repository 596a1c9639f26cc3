// @vitest-environment jsdom
// The library's Tags panel: every tag with its count, shown, renamed (or merged) and removed on every paper at once.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeSaved } from '../../popup/fake-api';
import { FIRST_PAGE } from '../../popup/state';
import { renderLibrary } from './render-library';
import { wholeText } from '../../../test/unit/whole-text';

afterEach(cleanup);

const papers = [
  makeSaved('arxiv:2607.00001', 'First paper', 5000, { tags: ['nlp', 'reinforcment'] }),
  makeSaved('arxiv:2607.00002', 'Second paper', 4000, { tags: ['RL', 'Reinforcment'] }),
  makeSaved('arxiv:2607.00003', 'Third paper', 3000, { tags: ['reinforcment'] }),
  makeSaved('arxiv:2607.00004', 'Fourth paper', 2000, { tags: ['vision'] }),
  makeSaved('arxiv:2607.00005', 'Fifth paper', 1000),
];
const panel = () => screen.getByRole('region', { name: 'Tags' });
const names = () => within(panel()).queryAllByRole('button', { name: /^Show “/ }).map((b) => [b.textContent, b.nextElementSibling?.textContent]);
const rows = () => within(screen.getByRole('table', { name: 'Papers' })).getAllByRole('row').slice(1);
const tagsOf = (api: { papers: { id: string; tags: string[] }[] }) => Object.fromEntries(api.papers.map((p) => [p.id.slice(-1), p.tags]));

describe('library: the Tags panel', () => {
  it('lists every tag, most used first, and a click shows its papers', async () => {
    renderLibrary(papers);
    await screen.findByText('First paper');
    // One tag whatever its case, counted on every paper that spells it either way, named as most of them do.
    expect(names()).toEqual([['reinforcment', '3'], ['nlp', '1'], ['RL', '1'], ['vision', '1']]);
    fireEvent.click(within(panel()).getByRole('button', { name: 'Show “vision” (1 paper)' }));
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(screen.getByText('Fourth paper')).toBeTruthy();
  });

  it('a table shown by a tag follows its rename, and shows every paper once the tag is removed', async () => {
    renderLibrary(papers);
    await screen.findByText('First paper');
    fireEvent.click(within(panel()).getByRole('button', { name: 'Show “reinforcment” (3 papers)' }));
    await waitFor(() => expect(rows()).toHaveLength(3)); // every spelling of it
    fireEvent.click(within(panel()).getByRole('button', { name: 'Rename “reinforcment”' }));
    fireEvent.input(within(panel()).getByRole('textbox', { name: 'New name for “reinforcment”' }), { target: { value: 'rl basics' } });
    fireEvent.click(within(panel()).getByRole('button', { name: 'Rename' }));
    await within(panel()).findByText(/^Renamed/);
    await waitFor(() => expect(rows()).toHaveLength(3)); // every spelling of it, under the one name
    expect((screen.getByRole('combobox', { name: 'Filter by tag' }) as HTMLSelectElement).value).toBe('rl basics');
    fireEvent.click(within(panel()).getByRole('button', { name: 'Remove “rl basics” from every paper' }));
    fireEvent.click(within(panel()).getByRole('button', { name: 'Remove “rl basics” from 3 papers' }));
    await within(panel()).findByText(/^Removed/);
    await waitFor(() => expect(rows()).toHaveLength(5));
    expect((screen.getByRole('combobox', { name: 'Filter by tag' }) as HTMLSelectElement).value).toBe('');
  });

  it('waits for the whole list to rename or remove: a tag on an older paper still loading is renamed there too', async () => {
    const many = Array.from({ length: FIRST_PAGE + 5 }, (_, i) =>
      makeSaved(`arxiv:2601.${String(i).padStart(5, '0')}`, `Paper ${i}`, 10_000 - i, { tags: i === 0 || i === FIRST_PAGE + 3 ? ['reinforcment'] : [] }),
    );
    let release!: () => void;
    const whole = new Promise<void>((resolve) => (release = resolve));
    const { api } = renderLibrary(many, undefined, undefined, undefined, (fake) => {
      const list = fake.list;
      fake.list = vi.fn(async (limit?: number) => {
        if (limit === undefined) await whole;
        return list(limit);
      });
    });
    await screen.findByText('Newest 60, loading the rest…');
    const rename = within(panel()).getByRole('button', { name: 'Rename “reinforcment”' }) as HTMLButtonElement;
    expect(rename.disabled).toBe(true);
    expect(within(panel()).getByText('Renaming and removing wait for the rest of the list to load.')).toBeTruthy();
    release();
    await waitFor(() => expect(rename.disabled).toBe(false));
    fireEvent.click(rename);
    fireEvent.input(within(panel()).getByRole('textbox', { name: 'New name for “reinforcment”' }), { target: { value: 'reinforcement' } });
    fireEvent.click(within(panel()).getByRole('button', { name: 'Rename' }));
    await waitFor(() => expect(api.papers.filter((p) => p.tags.length).map((p) => p.tags)).toEqual([['reinforcement'], ['reinforcement']]));
  });

  it('renames a tag on every paper with it, in any case, in one write', async () => {
    const { api } = renderLibrary(papers);
    await screen.findByText('First paper');
    fireEvent.click(within(panel()).getByRole('button', { name: 'Rename “reinforcment”' }));
    const input = within(panel()).getByRole('textbox', { name: 'New name for “reinforcment”' }) as HTMLInputElement;
    await waitFor(() => expect(document.activeElement).toBe(input));
    fireEvent.input(input, { target: { value: 'reinforcement learning' } });
    fireEvent.click(within(panel()).getByRole('button', { name: 'Rename' }));
    expect(await within(panel()).findByText(wholeText('Renamed “reinforcment” to “reinforcement learning” on 3 papers.'))).toBeTruthy();
    expect(api.editMany).toHaveBeenCalledTimes(1);
    expect(tagsOf(api)).toEqual({ 1: ['nlp', 'reinforcement learning'], 2: ['RL', 'reinforcement learning'], 3: ['reinforcement learning'], 4: ['vision'], 5: [] });
    expect(names()).toEqual([['reinforcement learning', '3'], ['nlp', '1'], ['RL', '1'], ['vision', '1']]);
    // The focus is on the tag under its new name.
    await waitFor(() => expect(document.activeElement?.textContent).toBe('reinforcement learning'));
  });

  it('says when the new name is another tag of the list, and merges the two', async () => {
    const { api } = renderLibrary(papers);
    await screen.findByText('First paper');
    fireEvent.click(within(panel()).getByRole('button', { name: 'Rename “reinforcment”' }));
    const input = within(panel()).getByRole('textbox', { name: 'New name for “reinforcment”' });
    fireEvent.input(input, { target: { value: 'rl' } });
    // The list's spelling of it is kept.
    fireEvent.click(within(panel()).getByRole('button', { name: 'Merge into “RL”' }));
    expect(await within(panel()).findByText(wholeText('Merged “reinforcment” into “RL” on 3 papers.'))).toBeTruthy();
    expect(tagsOf(api)).toEqual({ 1: ['nlp', 'RL'], 2: ['RL'], 3: ['RL'], 4: ['vision'], 5: [] });
  });

  it('refuses a name no tag can have, or its own, at the field; Escape closes the form with nothing changed', async () => {
    const { api } = renderLibrary(papers);
    await screen.findByText('First paper');
    fireEvent.click(within(panel()).getByRole('button', { name: 'Rename “vision”' }));
    const input = within(panel()).getByRole('textbox', { name: 'New name for “vision”' });
    for (const [typed, problem] of [
      ['<img src=x>', 'Tags are letters, digits, spaces, “.”, “_” and “-”.'],
      ['  ', 'Type a tag first.'],
      [' vision ', 'That is its name already.'],
    ] as const) {
      fireEvent.input(input, { target: { value: typed } });
      fireEvent.submit(input.closest('form')!);
      expect(within(panel()).getByRole('alert').textContent).toBe(problem);
      expect(input.getAttribute('aria-invalid')).toBe('true');
    }
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(within(panel()).queryByRole('textbox')).toBeNull();
    await waitFor(() => expect(document.activeElement?.textContent).toBe('vision'));
    expect(api.editMany).not.toHaveBeenCalled();
    expect(api.edit).not.toHaveBeenCalled();
  });

  it('removes a tag from every paper once confirmed', async () => {
    const { api } = renderLibrary(papers);
    await screen.findByText('First paper');
    fireEvent.click(within(panel()).getByRole('button', { name: 'Remove “reinforcment” from every paper' }));
    const confirm = within(panel()).getByRole('button', { name: 'Remove “reinforcment” from 3 papers' });
    await waitFor(() => expect(document.activeElement).toBe(confirm));
    expect(api.editMany).not.toHaveBeenCalled();
    fireEvent.click(confirm);
    // Every spelling of it: three papers.
    expect(await within(panel()).findByText(wholeText('Removed “reinforcment” from 3 papers.'))).toBeTruthy();
    expect(tagsOf(api)).toEqual({ 1: ['nlp'], 2: ['RL'], 3: [], 4: ['vision'], 5: [] });
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Tags' })));
  });

  it('a write the background refuses changes nothing and says so', async () => {
    const { api } = renderLibrary(papers);
    await screen.findByText('First paper');
    api.failPutMany = new Error('QuotaExceededError');
    fireEvent.click(within(panel()).getByRole('button', { name: 'Remove “reinforcment” from every paper' }));
    fireEvent.click(within(panel()).getByRole('button', { name: 'Remove “reinforcment” from 3 papers' }));
    expect((await within(panel()).findByRole('alert')).textContent).toBe('Could not remove “reinforcment”: QuotaExceededError. No paper was changed.');
    expect(tagsOf(api)).toEqual(Object.fromEntries(papers.map((p) => [p.id.slice(-1), p.tags])));
    // The confirmation stays, to try again.
    expect(within(panel()).getByRole('button', { name: 'Remove “reinforcment” from 3 papers' })).toBeTruthy();
  });

  it('shows the 30 most used tags, then all of them', async () => {
    const many = Array.from({ length: 40 }, (_, i) => makeSaved(`arxiv:2607.${String(i + 10).padStart(5, '0')}`, `Paper ${i}`, 9000 - i, { tags: [`tag-${String(i).padStart(2, '0')}`] }));
    renderLibrary(many);
    await screen.findByText('Paper 0');
    expect(names()).toHaveLength(30);
    fireEvent.click(within(panel()).getByRole('button', { name: 'Show all 40 tags' }));
    expect(names()).toHaveLength(40);
  });

  it('says when no paper has a tag', async () => {
    renderLibrary(papers.slice(4));
    await screen.findByText('Fifth paper');
    expect(within(panel()).getByText('No paper has a tag yet.')).toBeTruthy();
  });
});
