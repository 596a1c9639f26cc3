// @vitest-environment jsdom
import { act, cleanup, renderHook } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeApi, makeSaved } from './fake-api';
import { NO_FILTERS } from './list-query';
import { memoryDraftStore } from './note-drafts';
import { createReadingListState } from './state';
import { searchText, useListView } from './state-hooks';

afterEach(() => {
  vi.useRealTimers();
  cleanup();
});

describe('useListView', () => {
  // Local times: the reader's calendar, whatever the machine's time zone.
  const at = (d: number, h: number, m = 0) => new Date(2026, 11, d, h, m).getTime();

  async function view(text: string) {
    const papers = [makeSaved('arxiv:2612.00001', 'Saved this morning', at(4, 9)), makeSaved('arxiv:2612.00002', 'Saved two days ago', at(2, 9))];
    const state = createReadingListState(createFakeApi(papers), { drafts: memoryDraftStore() });
    const stop = state.start();
    for (let i = 0; i < 50 && state.getSnapshot().load !== 'ready'; i++) await new Promise((resolve) => setTimeout(resolve, 0));
    vi.useFakeTimers({ now: at(4, 23, 58), toFake: ['Date', 'setInterval', 'clearInterval'] });
    const hook = renderHook(() => useListView(state, state.getSnapshot(), { text, filters: NO_FILTERS, sort: 'saved' }));
    return { titles: () => hook.result.current.papers.map((saved) => saved.paper.title), stop };
  }

  it('counts saved:today from the day it is now, past midnight, the popup or the library left open', async () => {
    const { titles, stop } = await view('saved:today');
    expect(titles()).toEqual(['Saved this morning']);
    await act(() => void vi.advanceTimersByTime(3 * 60_000)); // 00:01, the next day
    expect(titles()).toEqual([]);
    stop();
  });

  it('counts saved:3d back from now, read again when the page is shown again', async () => {
    const { titles, stop } = await view('saved:3d');
    expect(titles()).toEqual(['Saved this morning', 'Saved two days ago']);
    vi.setSystemTime(at(5, 9, 1)); // the laptop woke the morning after: the page is shown again
    await act(() => void document.dispatchEvent(new Event('visibilitychange')));
    expect(titles()).toEqual(['Saved this morning']);
    stop();
  });
});

describe('searchText: what a typed search narrows the list by', () => {
  it('searches from two characters, trimmed', () => {
    expect(searchText('  gr ')).toBe('gr');
    expect(searchText('g')).toBe('');
    expect(searchText('   ')).toBe('');
  });

  it('counts characters, not UTF-16 units: one beyond the BMP (an emoji, a rarer Han character) is one', () => {
    expect(searchText('𠮷')).toBe('');
    expect(searchText(' 🙂 ')).toBe('');
    expect(searchText('吉')).toBe('');
    expect(searchText('𠮷野')).toBe('𠮷野');
  });

  it('does not narrow for punctuation alone, which has no word to find (it hid the whole list)', () => {
    for (const typed of ['.*', '***', '..', '--', '""', '((', '?!', '...']) expect(searchText(typed)).toBe('');
  });

  it('keeps punctuation around a word: the word is searched', () => {
    expect(searchText('"diffusion"')).toBe('"diffusion"');
    expect(searchText('C++')).toBe('C++');
    expect(searchText('.*llm')).toBe('.*llm');
  });
});
