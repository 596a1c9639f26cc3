// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { makeSaved } from '../fake-api';
import { renderPopup } from './render-popup';
import { FIRST_SLICE, PAGE_SIZE } from './PaperList';

afterEach(cleanup);

const three = [
  makeSaved('arxiv:2607.00001', 'First paper', 3000),
  makeSaved('arxiv:2607.00002', 'Second paper', 2000),
  makeSaved('arxiv:2607.00003', 'Third paper', 1000),
];
const rows = () => [...document.querySelectorAll<HTMLLIElement>('li.item')];
const row = (title: string) => screen.getByText(title).closest('li')!;

describe('popup keyboard', () => {
  it('uses a roving tabindex: one item in the tab order, arrows move focus', async () => {
    renderPopup(three);
    await screen.findByText('First paper');
    expect(rows().map((li) => li.tabIndex)).toEqual([0, -1, -1]);
    row('First paper').focus();
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    await waitFor(() => expect(document.activeElement).toBe(row('Second paper')));
    expect(rows().map((li) => li.tabIndex)).toEqual([-1, 0, -1]);
    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    await waitFor(() => expect(document.activeElement).toBe(row('Third paper')));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowUp' });
    await waitFor(() => expect(document.activeElement).toBe(row('Second paper')));
    fireEvent.keyDown(document.activeElement!, { key: 'Home' });
    await waitFor(() => expect(document.activeElement).toBe(row('First paper')));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowUp' });
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('searchbox')));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    await waitFor(() => expect(document.activeElement).toBe(row('First paper')));
  });

  it('opens the focused paper with Enter', async () => {
    renderPopup(three);
    await screen.findByText('First paper');
    const opened: string[] = [];
    document.addEventListener('click', (event) => {
      event.preventDefault(); // jsdom cannot navigate; record instead
      opened.push((event.target as HTMLAnchorElement).href);
    }, { once: true });
    row('Second paper').focus();
    fireEvent.keyDown(row('Second paper'), { key: 'Enter' });
    expect(opened).toEqual(['https://huggingface.co/papers/2607.00002']);
  });

  it('sets the status of the focused paper with 1, 2 and 3 and says so', async () => {
    const { api } = renderPopup(three);
    await screen.findByText('First paper');
    const status = () => (screen.getByRole('combobox', { name: 'Status of “Second paper”' }) as HTMLSelectElement).value;
    row('Second paper').focus();
    fireEvent.keyDown(row('Second paper'), { key: '3' });
    await waitFor(() => expect(status()).toBe('done'));
    fireEvent.keyDown(row('Second paper'), { key: '2' });
    await waitFor(() => expect(status()).toBe('reading'));
    fireEvent.keyDown(row('Second paper'), { key: '1' });
    await waitFor(() => expect(status()).toBe('to-read'));
    expect(api.edit).toHaveBeenCalledTimes(3);
    expect(document.querySelector('[aria-live="polite"]')!.textContent).toBe('“Second paper” marked to read.');
  });

  it('ignores status keys typed into a field', async () => {
    const { api } = renderPopup(three);
    const box = await screen.findByRole('searchbox');
    fireEvent.keyDown(box, { key: '3' });
    expect(api.edit).not.toHaveBeenCalled();
  });

  it('focuses the search box with / and clears it with Escape', async () => {
    renderPopup(three);
    await screen.findByText('First paper');
    row('First paper').focus();
    const slash = fireEvent.keyDown(row('First paper'), { key: '/' });
    expect(slash).toBe(false); // default prevented: the "/" is not typed
    const box = screen.getByRole('searchbox') as HTMLInputElement;
    expect(document.activeElement).toBe(box);
    fireEvent.input(box, { target: { value: 'third' } });
    await waitFor(() => expect(rows()).toHaveLength(1));
    fireEvent.keyDown(box, { key: 'Escape' });
    await waitFor(() => expect(rows()).toHaveLength(3));
  });

  it('shows a page of items at a time and moves past the page with the arrow keys', async () => {
    const many = Array.from({ length: PAGE_SIZE + 5 }, (_, i) => makeSaved(`arxiv:2607.${String(i).padStart(5, '0')}`, `Paper ${i}`, 10_000 - i));
    renderPopup(many);
    await screen.findByText('Paper 0');
    // A screenful first, the rest of the page a frame later.
    expect(rows().length).toBeLessThanOrEqual(FIRST_SLICE);
    await waitFor(() => expect(rows()).toHaveLength(PAGE_SIZE));
    const last = row(`Paper ${PAGE_SIZE - 1}`);
    last.focus();
    fireEvent.keyDown(last, { key: 'ArrowDown' });
    await waitFor(() => expect(document.activeElement).toBe(row(`Paper ${PAGE_SIZE}`)));
    expect(rows()).toHaveLength(PAGE_SIZE + 5);
  });

  it('Show more takes the focus to the first item it shows, not leaving it on the button below them', async () => {
    const many = Array.from({ length: PAGE_SIZE + 5 }, (_, i) => makeSaved(`arxiv:2607.${String(i).padStart(5, '0')}`, `Paper ${i}`, 10_000 - i));
    renderPopup(many);
    const more = await screen.findByRole('button', { name: 'Show 5 more of 5' });
    await waitFor(() => expect(rows()).toHaveLength(PAGE_SIZE));
    more.focus();
    fireEvent.click(more);
    await waitFor(() => expect(document.activeElement).toBe(row(`Paper ${PAGE_SIZE}`)), { timeout: 5000 });
    expect(rows().map((li) => li.tabIndex).filter((t) => t === 0)).toHaveLength(1); // still one item in the tab order
  });

  it('a search shows its first items in the keystroke\'s render, the rest of the page a frame later; items on screen stay put', async () => {
    const many = Array.from({ length: 80 }, (_, i) => makeSaved(`arxiv:2607.${String(i).padStart(5, '0')}`, `${i % 2 ? 'Odd' : 'Even'} paper ${i}`, 10_000 - i));
    renderPopup(many);
    await waitFor(() => expect(rows()).toHaveLength(PAGE_SIZE));
    const kept = row('Even paper 0');
    const box = screen.getByRole('searchbox') as HTMLInputElement;
    fireEvent.input(box, { target: { value: 'even' } });
    await waitFor(() => expect(rows().length).toBeGreaterThan(0));
    expect(rows().length).toBeLessThanOrEqual(FIRST_SLICE + PAGE_SIZE / 2); // the even items already shown stay, new ones wait
    expect(row('Even paper 0')).toBe(kept); // the same element: nothing on screen is rebuilt
    await waitFor(() => expect(rows()).toHaveLength(40));
    expect(rows().map((r) => r.textContent).every((t) => t!.includes('Even'))).toBe(true);
  });

  it('papers saved elsewhere, arriving above an open editor, leave it as it is: same element, typed text, focus', async () => {
    const old = Array.from({ length: 20 }, (_, i) => makeSaved(`arxiv:2607.${String(i).padStart(5, '0')}`, `Old paper ${i}`, 10_000 - i));
    const { api } = renderPopup(old);
    await waitFor(() => expect(rows()).toHaveLength(20));
    fireEvent.click(screen.getByRole('button', { name: 'More: details of “Old paper 15”' }));
    const box = (await screen.findByRole('combobox', { name: 'Add a tag to “Old paper 15”' })) as HTMLInputElement;
    box.focus();
    fireEvent.input(box, { target: { value: 'half-typ' } });
    // Another tab saves more papers than the first slice at once: they all sort above the open item.
    const fresh = Array.from({ length: FIRST_SLICE + 4 }, (_, i) => makeSaved(`arxiv:2608.${String(i).padStart(5, '0')}`, `New paper ${i}`, 20_000 + i));
    api.papers = [...fresh, ...api.papers].sort((a, b) => b.savedAt - a.savedAt);
    api.emit();
    await waitFor(() => expect(screen.getAllByText(/^New paper/).length).toBeGreaterThan(0));
    expect(row('Old paper 15').isConnected).toBe(true);
    expect(screen.getByRole('combobox', { name: 'Add a tag to “Old paper 15”' })).toBe(box); // not rebuilt
    expect(box.value).toBe('half-typ');
    expect(document.activeElement).toBe(box);
    await waitFor(() => expect(rows()).toHaveLength(20 + fresh.length));
    expect(rows().map((r) => r.dataset.id)).toEqual(api.papers.map((p) => p.id)); // in order once complete
    expect(box.isConnected && box.value).toBe('half-typ');
  });

  it('under a status filter, a status key takes the item out and the focus goes to the next, not the page', async () => {
    renderPopup(three);
    await screen.findByText('First paper');
    fireEvent.change(screen.getByRole('combobox', { name: 'Filter by status' }), { target: { value: 'to-read' } });
    row('Second paper').focus();
    fireEvent.keyDown(row('Second paper'), { key: '3' });
    await waitFor(() => expect(rows()).toHaveLength(2));
    await waitFor(() => expect(document.activeElement).toBe(row('Third paper')));
    // The last one in the list: the item before it takes the focus.
    fireEvent.keyDown(row('Third paper'), { key: '2' });
    await waitFor(() => expect(rows()).toHaveLength(1));
    await waitFor(() => expect(document.activeElement).toBe(row('First paper')));
    // Without a filter to leave, the item stays, and so does the focus.
    fireEvent.change(screen.getByRole('combobox', { name: 'Filter by status' }), { target: { value: 'all' } });
    await waitFor(() => expect(rows()).toHaveLength(3));
    row('Second paper').focus();
    fireEvent.keyDown(row('Second paper'), { key: '1' });
    await waitFor(() => expect((screen.getByRole('combobox', { name: 'Status of “Second paper”' }) as HTMLSelectElement).value).toBe('to-read'));
    expect(document.activeElement).toBe(row('Second paper'));
  });

  it('under a status filter, the status menu takes the item out and the focus goes to the next', async () => {
    renderPopup(three);
    await screen.findByText('First paper');
    fireEvent.change(screen.getByRole('combobox', { name: 'Filter by status' }), { target: { value: 'to-read' } });
    const select = screen.getByRole('combobox', { name: 'Status of “First paper”' }) as HTMLSelectElement;
    select.focus();
    fireEvent.change(select, { target: { value: 'done' } });
    await waitFor(() => expect(rows()).toHaveLength(2));
    await waitFor(() => expect(document.activeElement).toBe(row('Second paper')));
  });

  it('under a tag filter, taking the tag off the open item takes it out and the focus goes to the next, not the page', async () => {
    const tagged = three.map((saved) => ({ ...saved, tags: ['moe'] }));
    renderPopup(tagged);
    await screen.findByText('First paper');
    fireEvent.change(screen.getByRole('combobox', { name: 'Filter by tag' }), { target: { value: 'moe' } });
    fireEvent.click(screen.getByRole('button', { name: 'More: details of “Second paper”' }));
    const untag = await screen.findByRole('button', { name: 'Remove tag “moe” from “Second paper”' });
    untag.focus();
    fireEvent.click(untag);
    await waitFor(() => expect(rows()).toHaveLength(2));
    await waitFor(() => expect(document.activeElement).toBe(row('Third paper')));
  });

  it('under a search of its note, the paper whose note is being typed stays where it was until the focus leaves it', async () => {
    const { api } = renderPopup([
      makeSaved('arxiv:2607.00001', 'First paper', 3000, { note: 'todo: section 3' }),
      makeSaved('arxiv:2607.00002', 'Second paper', 2000, { note: 'todo later' }),
      three[2]!,
    ]);
    await screen.findByText('First paper');
    const search = screen.getByRole('searchbox');
    fireEvent.input(search, { target: { value: 'todo' } });
    await waitFor(() => expect(rows()).toHaveLength(2));
    fireEvent.click(screen.getByRole('button', { name: 'More: details of “First paper”' }));
    const box = (await screen.findByRole('textbox', { name: 'Note' })) as HTMLTextAreaElement;
    box.focus();
    fireEvent.input(box, { target: { value: 'section 3 read' } });
    // Saved (the search no longer finds it): the item, its editor and the focus stay, so the next keys go on into the note.
    await waitFor(() => expect(api.papers.find((p) => p.id === 'arxiv:2607.00001')?.note).toBe('section 3 read'));
    await new Promise((resolve) => setTimeout(resolve, 60)); // its effects run
    expect(rows().map((r) => r.dataset.id)).toEqual(['arxiv:2607.00001', 'arxiv:2607.00002']);
    expect(box.isConnected).toBe(true);
    expect(document.activeElement).toBe(box);
    // Within the item (its details' buttons) it stays; once the focus leaves the item, the search has its way.
    screen.getByRole('button', { name: 'Less: details of “First paper”' }).focus();
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(rows()).toHaveLength(2);
    search.focus();
    await waitFor(() => expect(rows().map((r) => r.dataset.id)).toEqual(['arxiv:2607.00002']));
  });

  it('under a status filter, a paper changed in another tab while a tag is typed into it stays until the focus leaves it', async () => {
    const { api } = renderPopup(three);
    await screen.findByText('First paper');
    fireEvent.change(screen.getByRole('combobox', { name: 'Filter by status' }), { target: { value: 'to-read' } });
    fireEvent.click(screen.getByRole('button', { name: 'More: details of “Second paper”' }));
    const box = (await screen.findByRole('combobox', { name: 'Add a tag to “Second paper”' })) as HTMLInputElement;
    box.focus();
    fireEvent.input(box, { target: { value: 'half-typ' } });
    api.papers = api.papers.map((p) => (p.id === 'arxiv:2607.00002' ? { ...p, status: 'done' } : p));
    api.emit();
    await waitFor(() => expect((screen.getByRole('combobox', { name: 'Status of “Second paper”' }) as HTMLSelectElement).value).toBe('done'));
    expect(rows()).toHaveLength(3);
    expect(box.isConnected && box.value).toBe('half-typ');
    expect(document.activeElement).toBe(box);
    screen.getByRole('searchbox').focus();
    await waitFor(() => expect(rows()).toHaveLength(2));
  });

  it('a tag filter whose last paper lost the tag still says what it filters by', async () => {
    renderPopup([{ ...three[0]!, tags: ['moe'] }, three[1]!]);
    await screen.findByText('First paper');
    const filter = screen.getByRole('combobox', { name: 'Filter by tag' }) as HTMLSelectElement;
    fireEvent.change(filter, { target: { value: 'moe' } });
    fireEvent.click(screen.getByRole('button', { name: 'More: details of “First paper”' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Remove tag “moe” from “First paper”' }));
    await waitFor(() => expect(rows()).toHaveLength(0));
    expect(screen.getByText(/No papers match/)).toBeTruthy();
    expect(filter.value).toBe('moe');
    expect(filter.selectedOptions[0]?.textContent).toBe('moe (0)');
  });

  it('a tag filter most papers now spell otherwise is named and counted as the list names it, all its papers shown', async () => {
    const { api } = renderPopup([{ ...three[0]!, tags: ['RL'] }, three[1]!, three[2]!]);
    await screen.findByText('First paper');
    const filter = screen.getByRole('combobox', { name: 'Filter by tag' }) as HTMLSelectElement;
    fireEvent.change(filter, { target: { value: 'RL' } });
    await waitFor(() => expect(rows()).toHaveLength(1));
    // An import (or another tab) tags the other two "rl": one tag, as most of its papers spell it now.
    api.papers = api.papers.map((p) => (p.id === three[0]!.id ? p : { ...p, tags: ['rl'] }));
    api.emit();
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(filter.value).toBe('RL');
    expect([...filter.options].map((option) => option.textContent)).toEqual(['All tags', 'rl (3)']);
    expect(filter.selectedOptions[0]?.textContent).toBe('rl (3)');
  });

  it('after removing the only paper the search shows, the focus goes back to the search box', async () => {
    renderPopup(three);
    await screen.findByText('First paper');
    const search = screen.getByRole('searchbox');
    fireEvent.input(search, { target: { value: 'Second' } });
    await waitFor(() => expect(rows()).toHaveLength(1));
    row('Second paper').focus();
    fireEvent.click(screen.getByRole('button', { name: 'Remove “Second paper” from the reading list' }));
    await waitFor(() => expect(rows()).toHaveLength(0));
    expect(document.activeElement).toBe(search);
  });

  it('a list shown again after a search that found nothing leaves the focus in the search box, where the reader types', async () => {
    renderPopup(three);
    await screen.findByText('First paper');
    const search = screen.getByRole('searchbox');
    search.focus();
    fireEvent.keyDown(search, { key: 'ArrowDown' }); // into the list, and back up to type
    await waitFor(() => expect(document.activeElement).toBe(row('First paper')));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowUp' });
    await waitFor(() => expect(document.activeElement).toBe(search));
    fireEvent.input(search, { target: { value: 'Secxyzq' } });
    await waitFor(() => expect(rows()).toHaveLength(0));
    fireEvent.input(search, { target: { value: 'Second' } }); // the typo taken back: the list comes back
    await waitFor(() => expect(rows()).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 60)); // its effects run
    expect(document.activeElement).toBe(search);
  });

  it('keeps focus in the list after a removal', async () => {
    renderPopup(three);
    await screen.findByText('First paper');
    fireEvent.click(screen.getByRole('button', { name: 'Remove “Second paper” from the reading list' }));
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(document.activeElement).toBe(row('Third paper'));
  });
});

describe('popup: when a status was set', () => {
  it('says when a paper was marked done, or has been read since, and nothing of one to read', async () => {
    const day = 86_400_000;
    renderPopup([
      makeSaved('arxiv:2607.00001', 'Finished paper', Date.now() - 30 * day, { status: 'done', statusAt: Date.now() - 3 * day }),
      makeSaved('arxiv:2607.00002', 'Open paper', Date.now() - 30 * day, { status: 'reading', statusAt: Date.now() - 2 * 60 * 60 * 1000 }),
      makeSaved('arxiv:2607.00003', 'Waiting paper', Date.now() - 30 * day, { statusAt: Date.now() - 30 * day }),
      makeSaved('arxiv:2607.00004', 'Old build paper', Date.now() - 30 * day, { status: 'done' }), // when: unknown
    ]);
    await screen.findByText('Finished paper');
    const said = (title: string) => row(title).querySelector('.status-time')?.textContent ?? null;
    expect(said('Finished paper')).toBe('done 3 days ago');
    expect(said('Open paper')).toBe('reading since 2 hours ago');
    expect(said('Waiting paper')).toBeNull();
    expect(said('Old build paper')).toBeNull();
    // Marked done here: said at once.
    fireEvent.keyDown(row('Waiting paper'), { key: '3' });
    await waitFor(() => expect(said('Waiting paper')).toBe('done just now'));
  });
});
