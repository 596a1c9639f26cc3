// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { makeSaved } from '../fake-api';
import { renderPopup } from './render-popup';

afterEach(cleanup);

const papers = [
  makeSaved('arxiv:2607.00001', 'Tagged paper', 3000, { tags: ['vision', 'video'] }),
  makeSaved('arxiv:2607.00002', 'Untagged paper', 2000, { tags: [] }),
  makeSaved('arxiv:2607.00003', 'Other paper', 1000, { tags: ['nlp', 'vision transformers'] }),
];

async function openDetails(title: string) {
  fireEvent.click(await screen.findByRole('button', { name: `More: details of “${title}”` }));
  return screen.getByRole('combobox', { name: `Add a tag to “${title}”` }) as HTMLInputElement;
}

describe('tag editor', () => {
  it('Escape closes the suggestions when they show, and is the page\'s (the popup closes) when none do', async () => {
    renderPopup(papers);
    const input = await openDetails('Untagged paper');
    fireEvent.focus(input);
    fireEvent.input(input, { target: { value: 'vi' } });
    expect(screen.getByRole('listbox', { name: 'Existing tags', hidden: true }).hidden).toBe(false);
    expect(fireEvent.keyDown(input, { key: 'Escape' })).toBe(false); // taken: the list closes, not the popup
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(fireEvent.keyDown(input, { key: 'Escape' })).toBe(true);
    fireEvent.input(input, { target: { value: 'no such tag' } }); // nothing to suggest: no list shows
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(fireEvent.keyDown(input, { key: 'Escape' })).toBe(true);
  });

  it('completes from the tags already in use and adds the chosen one', async () => {
    const { api } = renderPopup(papers);
    const input = await openDetails('Untagged paper');
    fireEvent.focus(input);
    fireEvent.input(input, { target: { value: 'vi' } });
    const listbox = screen.getByRole('listbox', { name: 'Existing tags' });
    expect(within(listbox).getAllByRole('option').map((o) => o.textContent)).toEqual(['video', 'vision', 'vision transformers']);
    expect(input.getAttribute('aria-expanded')).toBe('true');
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(input.getAttribute('aria-activedescendant')).toBe(within(listbox).getByRole('option', { name: 'vision' }).id);
    fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(api.edit).toHaveBeenCalledWith('arxiv:2607.00002', { addTags: ['vision'] }));
    expect(input.value).toBe('');
  });

  it('ArrowUp from the field goes to the last suggestion, and from the first back round to the last', async () => {
    renderPopup(papers);
    const input = await openDetails('Untagged paper');
    fireEvent.focus(input);
    fireEvent.input(input, { target: { value: 'vi' } });
    const listbox = screen.getByRole('listbox', { name: 'Existing tags' });
    const option = (name: string) => within(listbox).getByRole('option', { name }).id;
    fireEvent.keyDown(input, { key: 'ArrowUp' });
    expect(input.getAttribute('aria-activedescendant')).toBe(option('vision transformers'));
    fireEvent.keyDown(input, { key: 'ArrowUp' });
    expect(input.getAttribute('aria-activedescendant')).toBe(option('vision'));
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    fireEvent.keyDown(input, { key: 'ArrowUp' });
    expect(input.getAttribute('aria-activedescendant')).toBe(option('vision transformers'));
  });

  it('adds a new tag, picks one with the mouse, and removes one', async () => {
    const { api } = renderPopup(papers);
    const input = await openDetails('Tagged paper');
    fireEvent.input(input, { target: { value: 'to present' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    await waitFor(() => expect(api.edit).toHaveBeenLastCalledWith('arxiv:2607.00001', { addTags: ['to present'] }));
    fireEvent.focus(input);
    fireEvent.input(input, { target: { value: 'nl' } });
    fireEvent.mouseDown(screen.getByRole('option', { name: 'nlp' }));
    await waitFor(() => expect(api.edit).toHaveBeenLastCalledWith('arxiv:2607.00001', { addTags: ['nlp'] }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove tag “video” from “Tagged paper”' }));
    await waitFor(() => expect(api.edit).toHaveBeenLastCalledWith('arxiv:2607.00001', { removeTags: ['video'] }));
  });

  it('taking tags off from the keyboard moves the focus to the next tag’s button, then to the input', async () => {
    renderPopup(papers);
    const input = await openDetails('Tagged paper');
    const vision = screen.getByRole('button', { name: 'Remove tag “vision” from “Tagged paper”' });
    vision.focus();
    fireEvent.click(vision);
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Remove tag “vision” from “Tagged paper”' })).toBeNull());
    const video = screen.getByRole('button', { name: 'Remove tag “video” from “Tagged paper”' });
    expect(document.activeElement).toBe(video);
    fireEvent.click(video);
    await waitFor(() => expect(screen.queryByRole('button', { name: /^Remove tag/ })).toBeNull());
    expect(document.activeElement).toBe(input);
  });

  it('explains a tag it cannot take', async () => {
    const { api } = renderPopup(papers);
    const input = await openDetails('Tagged paper');
    fireEvent.input(input, { target: { value: '<b>' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect((await screen.findByRole('alert')).textContent).toMatch(/letters, digits/);
    fireEvent.input(input, { target: { value: 'Vision' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect((await screen.findByRole('alert')).textContent).toBe('“vision” is already a tag.');
    expect(api.edit).not.toHaveBeenCalled();
  });
});
