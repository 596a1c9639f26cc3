// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makePaper } from '../../../test/unit/paper-factory';
import type { SavedPaper } from '../../storage/schema';
import type { ReadingListApi, SiteAccess } from '../api';
import { App } from './App';

afterEach(cleanup);

function saved(id: string, title: string, savedAt: number, overrides: Partial<SavedPaper> = {}): SavedPaper {
  return {
    id,
    paper: makePaper({ id, title, url: `https://huggingface.co/papers/${id.slice(6)}` }),
    status: 'to-read',
    tags: [],
    note: '',
    savedFrom: 'https://huggingface.co/papers/date/2026-07-02',
    savedAt,
    updatedAt: savedAt,
    ...overrides,
  };
}

function fakeApi(papers: SavedPaper[], access: SiteAccess[] = []) {
  let listeners: (() => void)[] = [];
  const api: ReadingListApi & { papers: SavedPaper[]; emit(): void } = {
    papers,
    list: vi.fn(async () => api.papers),
    remove: vi.fn(async (id: string) => {
      api.papers = api.papers.filter((p) => p.id !== id);
    }),
    subscribe(onChange) {
      listeners.push(onChange);
      return () => (listeners = listeners.filter((l) => l !== onChange));
    },
    siteAccess: vi.fn(async () => access),
    requestAccess: vi.fn(async () => true),
    openOptions: vi.fn(async () => {}),
    emit: () => listeners.forEach((l) => l()),
  };
  return api;
}

describe('popup App', () => {
  it('shows a clear empty state', async () => {
    render(<App api={fakeApi([])} />);
    expect(await screen.findByText('Your reading list is empty.')).toBeTruthy();
  });

  it('lists papers as given (newest first) with a link to the paper and where it was saved', async () => {
    render(<App api={fakeApi([saved('arxiv:2607.00002', 'Newer paper', 2000), saved('arxiv:2607.00001', 'Older paper', 1000)])} />);
    const links = await screen.findAllByRole('link', { name: /paper$/ });
    expect(links.map((a) => a.textContent)).toEqual(['Newer paper', 'Older paper']);
    expect(links[0]!.getAttribute('href')).toBe('https://huggingface.co/papers/2607.00002');
    expect(screen.getAllByText('Hugging Face')).toHaveLength(2);
    expect(screen.getByText('2 papers')).toBeTruthy();
  });

  it('renders hostile titles as text and never links a javascript: URL', async () => {
    const evil = saved('arxiv:2607.00003', '<img src=x onerror=alert(1)>', 1000);
    evil.paper.url = 'javascript:alert(1)';
    evil.savedFrom = 'javascript:alert(2)';
    const { container } = render(<App api={fakeApi([evil])} />);
    expect(await screen.findByText('<img src=x onerror=alert(1)>')).toBeTruthy();
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('a[href^="javascript"]')).toBeNull();
  });

  it('removes a paper and refreshes when another context changes the list', async () => {
    const api = fakeApi([saved('arxiv:2607.00001', 'Only paper', 1000)]);
    render(<App api={api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Remove “Only paper” from the reading list' }));
    await screen.findByText('Your reading list is empty.');
    expect(api.remove).toHaveBeenCalledWith('arxiv:2607.00001');
    api.papers = [saved('arxiv:2607.00009', 'Saved in a tab', 3000)];
    api.emit();
    expect(await screen.findByText('Saved in a tab')).toBeTruthy();
  });

  it('says when a site is not accessible and asks for it in one click', async () => {
    const api = fakeApi([], [{ name: 'Hugging Face Papers', origins: ['https://huggingface.co/papers*'], granted: false }]);
    render(<App api={api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Allow on Hugging Face Papers' }));
    expect(api.requestAccess).toHaveBeenCalledWith(['https://huggingface.co/papers*']);
    await waitFor(() => expect(api.siteAccess).toHaveBeenCalledTimes(2));
  });

  it('shows an error instead of an empty list when storage fails', async () => {
    const api = fakeApi([]);
    api.list = vi.fn(async () => {
      throw new Error('IndexedDB is unavailable');
    });
    render(<App api={api} />);
    expect((await screen.findByRole('alert')).textContent).toMatch(/IndexedDB is unavailable/);
  });
});
