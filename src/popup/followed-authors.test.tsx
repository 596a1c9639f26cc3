// @vitest-environment jsdom
import { cleanup, render, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeApi, makeSaved } from './fake-api';
import { useFollowedAuthors, useFollowedCount, type FollowedAuthors } from './followed-authors';
import type { SavedPaper } from '../storage/schema';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** Renders the hooks over `papers`; `seen` gets each render's count. */
function Counter({ papers, api, seen, out }: { papers: SavedPaper[]; api: ReturnType<typeof createFakeApi>; seen: (number | null)[]; out: { followed?: FollowedAuthors } }) {
  const followed = useFollowedAuthors(api, true);
  out.followed = followed;
  seen.push(useFollowedCount(papers, followed));
  return null;
}

describe('useFollowedCount', () => {
  it('counts a long list a slice at a time, yielding to the page between slices', async () => {
    const papers = Array.from({ length: 4500 }, (_, i) => makeSaved(`arxiv:2607.${String(i).padStart(5, '0')}`, `Paper ${i}`, i, {}, { authors: [i % 3 ? 'Ada Lovelace' : 'Y. LeCun'] }));
    const api = createFakeApi([]);
    api.followed = ['Yann LeCun'];
    const seen: (number | null)[] = [];
    const yields = vi.spyOn(globalThis, 'setTimeout');
    render(<Counter papers={papers} api={api} seen={seen} out={{}} />);
    await waitFor(() => expect(seen.at(-1)).toBe(1500));
    // 2,000 + 2,000 + 500: two yields between the three slices.
    expect(yields.mock.calls.filter(([, ms]) => ms === 0)).toHaveLength(2);
    expect(seen.filter((count) => count !== null && count !== 0 && count !== 1500)).toEqual([]); // never a partial count
  });

  it('is 0 while no one is followed', async () => {
    const api = createFakeApi([]);
    const seen: (number | null)[] = [];
    render(<Counter papers={[makeSaved('arxiv:2607.00001', 'P', 1, {}, { authors: ['Y. LeCun'] })]} api={api} seen={seen} out={{}} />);
    await waitFor(() => expect(api.followedAuthors).toHaveBeenCalled());
    expect(seen.every((count) => count === 0)).toBe(true);
  });

  it('reading that no one is followed changes no test (the list is not filtered and sorted again for it)', async () => {
    const api = createFakeApi([]);
    const out: { followed?: FollowedAuthors } = {};
    const tests: unknown[] = [];
    function Probe() {
      const followed = useFollowedAuthors(api, true);
      out.followed = followed;
      tests.push(followed.test);
      return null;
    }
    render(<Probe />);
    await waitFor(() => expect(out.followed?.names).toEqual([]));
    expect(new Set(tests).size).toBe(1);
    await out.followed!.change('Yann LeCun', true);
    await waitFor(() => expect(out.followed?.names).toEqual(['Yann LeCun']));
    expect(new Set(tests).size).toBe(2);
  });
});
