// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { makeSaved } from '../fake-api';
import { renderPopup } from './render-popup';
import { AUTHORS_SHOWN } from './PaperAuthors';

afterEach(cleanup);

const papers = () => [
  makeSaved('arxiv:2409.00001', 'Energy Models', 3000, {}, { authors: ['Y. LeCun', 'Ada Lovelace'] }),
  makeSaved('arxiv:2409.00002', 'Convnets', 2000, {}, { authors: ['Yann LeCun'] }),
  makeSaved('arxiv:2409.00003', 'Engines', 1000, {}, { authors: ['Charles Babbage', '<img src=x onerror=alert(1)>'] }),
];
const details = (title: string) => {
  fireEvent.click(screen.getByRole('button', { name: `More: details of “${title}”` }));
  return screen.getByText(title).closest('li')!;
};
const followToggle = (item: HTMLElement, name: string) => within(item).getByRole('button', { name: `Follow ${name}` });

describe("popup: a paper's authors, to follow", () => {
  it('names each author as a toggle, pressed for those followed however the paper writes them; pressing follows and unfollows', async () => {
    const { api } = renderPopup(papers(), { followed: ['Yann LeCun'] });
    await screen.findByText('Energy Models');
    const item = details('Energy Models');
    await waitFor(() => expect(followToggle(item, 'Y. LeCun').getAttribute('aria-pressed')).toBe('true'));
    expect(followToggle(item, 'Y. LeCun').textContent).toBe('★ Y. LeCun');
    const ada = followToggle(item, 'Ada Lovelace');
    expect(ada.getAttribute('aria-pressed')).toBe('false');
    expect(ada.title).toBe('Follow Ada Lovelace: their papers stand out on every page');
    ada.focus();
    fireEvent.click(ada);
    await waitFor(() => expect(followToggle(item, 'Ada Lovelace').getAttribute('aria-pressed')).toBe('true'));
    expect(api.followAuthor).toHaveBeenLastCalledWith('Ada Lovelace', true);
    expect(api.followed).toEqual(['Yann LeCun', 'Ada Lovelace']);
    expect(document.activeElement).toBe(followToggle(item, 'Ada Lovelace')); // the focus stays on the toggle
    // Unfollowed as the paper writes them: the followed "Yann LeCun" goes, and the other paper's author is no longer pressed.
    fireEvent.click(followToggle(item, 'Y. LeCun'));
    await waitFor(() => expect(followToggle(item, 'Y. LeCun').getAttribute('aria-pressed')).toBe('false'));
    expect(api.followed).toEqual(['Ada Lovelace']);
    const other = details('Convnets');
    expect(followToggle(other, 'Yann LeCun').getAttribute('aria-pressed')).toBe('false');
  });

  it('renders a hostile name as text, and says why a change failed', async () => {
    const { api } = renderPopup(papers());
    await screen.findByText('Engines');
    const item = details('Engines');
    const hostile = followToggle(item, '<img src=x onerror=alert(1)>');
    expect(item.querySelector('.paper-authors img')).toBeNull();
    await waitFor(() => expect(hostile.hasAttribute('disabled')).toBe(false));
    api.followAuthor = async () => Promise.reject(new Error('storage is full'));
    fireEvent.click(hostile);
    expect((await within(item).findByRole('alert')).textContent).toBe('Could not change whom you follow: storage is full');
    expect(hostile.getAttribute('aria-pressed')).toBe('false');
  });

  it('says a follow past the 500-name limit did not happen, and still unfollows', async () => {
    const full = ['Yann LeCun', ...Array.from({ length: 499 }, (_, i) => `Author Number${i}`)];
    const { api } = renderPopup(papers(), { followed: full });
    await screen.findByText('Energy Models');
    const item = details('Energy Models');
    await waitFor(() => expect(followToggle(item, 'Y. LeCun').getAttribute('aria-pressed')).toBe('true'));
    // The toggle stayed unpressed and nothing said why: the 501st name was dropped from the list saved.
    fireEvent.click(followToggle(item, 'Ada Lovelace'));
    expect((await within(item).findByRole('alert')).textContent).toBe(
      'Could not change whom you follow: You follow 500 authors, the most Papershelf keeps: stop following one to follow another',
    );
    expect(followToggle(item, 'Ada Lovelace').getAttribute('aria-pressed')).toBe('false');
    expect(api.followed).toEqual(full);
    fireEvent.click(followToggle(item, 'Y. LeCun'));
    await waitFor(() => expect(followToggle(item, 'Y. LeCun').getAttribute('aria-pressed')).toBe('false'));
    expect(within(item).queryByRole('alert')).toBeNull();
    expect(api.followed).toEqual(full.slice(1));
  });

  it('shows the first authors of a long list and the rest on request, and says how many the page did not list', async () => {
    const many = Array.from({ length: AUTHORS_SHOWN + 3 }, (_, i) => `Author Number${i}`);
    renderPopup([makeSaved('arxiv:2409.00004', 'Big Team', 1000, {}, { authors: many, authorCount: 40 })]);
    await screen.findByText('Big Team');
    const item = details('Big Team');
    expect(item.querySelectorAll('button.author')).toHaveLength(AUTHORS_SHOWN);
    expect(within(item).getByText('and 25 not listed')).toBeTruthy();
    fireEvent.click(within(item).getByRole('button', { name: '3 more authors' }));
    expect(item.querySelectorAll('button.author')).toHaveLength(AUTHORS_SHOWN + 3);
  });

  it('says a list its source cut without a count (Scholar\'s "…") is not all the authors, in the row and the details', async () => {
    renderPopup([
      makeSaved('scholar:x6BpcW0wpHwJ', 'Cut Short', 2000, {}, { authors: ['AA Salema', 'YK Yeow'], authorsCut: true }),
      makeSaved('scholar:mujFXSHytcgJ', 'Whole', 1000, {}, { authors: ['X Fan', 'B Li'] }),
    ]);
    await screen.findByText('Cut Short');
    expect(screen.getByText('AA Salema, YK Yeow et al.')).toBeTruthy();
    expect(screen.getByText('X Fan, B Li')).toBeTruthy();
    expect(within(details('Cut Short')).getByText('and others not listed')).toBeTruthy();
    expect(within(details('Whole')).queryByText(/not listed/)).toBeNull();
  });

  it('greys the toggles while whom the reader follows is not known (it could not be read)', async () => {
    renderPopup(papers(), { followed: new Error('no background') });
    await screen.findByText('Convnets');
    const item = details('Convnets');
    await new Promise((r) => setTimeout(r, 20));
    expect(followToggle(item, 'Yann LeCun').hasAttribute('disabled')).toBe(true);
  });
});

describe("popup: the list's papers by a followed author", () => {
  it('are marked with the name as the reader wrote it (and the others it finds), read out in full', async () => {
    renderPopup([...papers(), makeSaved('arxiv:2409.00005', 'Both', 500, {}, { authors: ['Ada Lovelace', 'Yann LeCun'] })], { followed: ['Yann LeCun', 'Lovelace'] });
    await waitFor(() => expect(document.querySelectorAll('li .meta .followed')).toHaveLength(3));
    const mark = (title: string) => screen.getByText(title).closest('li')!.querySelector('.meta .followed');
    expect(mark('Energy Models')?.textContent).toBe('★ Yann LeCun +1: By Yann LeCun, Lovelace, whom you follow');
    expect(mark('Energy Models')?.getAttribute('title')).toBe('By Yann LeCun, Lovelace, whom you follow');
    expect(mark('Convnets')?.textContent).toBe('★ Yann LeCun: By Yann LeCun, whom you follow');
    expect(mark('Engines')).toBeNull();
  });
});

describe('popup: the "Followed authors" filter', () => {
  it('counts and shows the papers by a followed author; absent while none is followed, and a follow brings it', async () => {
    renderPopup(papers(), { followed: ['Yann LeCun'] });
    const filter = await screen.findByRole('checkbox', { name: 'Followed authors (2)' });
    fireEvent.click(filter);
    await waitFor(() => expect(screen.queryByText('Engines')).toBeNull());
    expect(screen.getByText('Energy Models')).toBeTruthy();
    expect(screen.getByText('Convnets')).toBeTruthy();
    expect(screen.getByText('2 of 3 papers')).toBeTruthy();
  });

  it('is not offered to a reader who follows no one, until they follow an author of a paper', async () => {
    renderPopup(papers());
    await screen.findByText('Engines');
    const item = details('Engines');
    await waitFor(() => expect(followToggle(item, 'Charles Babbage').hasAttribute('disabled')).toBe(false));
    expect(screen.queryByRole('checkbox', { name: /Followed authors/ })).toBeNull();
    fireEvent.click(followToggle(item, 'Charles Babbage'));
    expect(await screen.findByRole('checkbox', { name: 'Followed authors (1)' })).toBeTruthy();
  });
});
