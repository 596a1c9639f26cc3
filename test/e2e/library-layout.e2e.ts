// The library table at common window widths, in both browsers: every column, the status menu of each row with it,
// is inside the table's box, never cut off by its edge (a 1280-pixel window showed "Sta" and a sliver of each menu).
// Where the window is narrower than the table, the page scrolls sideways instead.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bothBrowsers, copiedBuilds, until, type Harness, type Tab } from './browsers';
import { routes } from './pages';
import { emptyPaper } from '../../src/core/paper';
import type { SavedPaper } from '../../src/storage/schema';

const DIST = copiedBuilds('library-layout');

// Enough rows for the table to scroll (its scroll bar takes width from the rows).
const RECORDS: SavedPaper[] = Array.from({ length: 60 }, (_, i) => {
  const id = `arxiv:2601.${String(i).padStart(5, '0')}`;
  return {
    id,
    paper: { ...emptyPaper(id, `A paper on scaling laws, number ${i}`, { site: 'arxiv', page: 'listing' }), authors: ['Ada Lovelace', 'Alan Turing'], githubRepos: ['example/repo'] },
    status: 'reading',
    tags: ['nlp', 'llm'],
    note: '',
    savedFrom: 'https://arxiv.org/list/cs.LG/new',
    savedAt: 1_780_000_000_000 + i,
    updatedAt: 1_780_000_000_000 + i,
  };
});

/** Header cells and the first row's status menu that reach past the table's right edge. */
const cutOff = (page: Tab) =>
  page.evaluate(() => {
    const right = document.querySelector('.table')!.getBoundingClientRect().right;
    const parts = [...document.querySelectorAll<HTMLElement>('[role=columnheader]'), document.querySelector<HTMLElement>('[role=rowgroup] select')!];
    return parts.filter((el) => el.getBoundingClientRect().right > right + 0.5).map((el) => el.getAttribute('aria-label') ?? el.textContent?.trim());
  });

describe.each(bothBrowsers(routes, DIST))('%s: the library table', (_name, launch) => {
  let harness: Harness;
  let library: Tab;

  beforeAll(async () => {
    harness = await launch();
    library = await harness.openExtensionPage('src/library/index.html', '.library');
    const reply = await library.run<{ ok: boolean }>(
      `(globalThis.browser ?? globalThis.chrome).runtime.sendMessage({ type: 'putMany', payload: { records: ${JSON.stringify(RECORDS)} } })`,
    );
    expect(reply.ok).toBe(true);
    await library.waitFor('[role=rowgroup] select');
  });
  afterAll(() => harness?.close());

  it.each([1600, 1400, 1366, 1280, 1024, 800])('shows every column whole in a window %i pixels wide', async (width) => {
    await library.resize(width, 800);
    await until(() => library.evaluate(() => window.innerWidth), 'the new width', 5000).then((w) => expect(w).toBe(width));
    await library.run('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))'); // laid out
    const cut = await cutOff(library);
    expect(cut).toEqual([]);
  });
});
