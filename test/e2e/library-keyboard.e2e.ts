// The library page with the keyboard alone, in both browsers: select rows with Space, remove them from the bulk
// bar, and scroll the long table with PageDown from a row's checkbox. The focus must stay where a keyboard user can
// go on from (the page's body is nowhere: Tab would start again at the top of the page).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bothBrowsers, copiedBuilds, putRecords, until, type Harness, type Tab } from './browsers';
import { routes } from './pages';
import { emptyPaper } from '../../src/core/paper';
import type { SavedPaper } from '../../src/storage/schema';

const DIST = copiedBuilds('library-keyboard');

const browsers = bothBrowsers(routes, DIST);

/** 300 papers, newest (Paper 299) first: more rows than the table keeps in the DOM. */
const RECORDS: SavedPaper[] = Array.from({ length: 300 }, (_, i) => {
  const id = `arxiv:2601.${String(i).padStart(5, '0')}`;
  return {
    id,
    paper: { ...emptyPaper(id, `Paper ${i}`, { site: 'arxiv', page: 'listing' }), authors: ['Ada Lovelace'], url: `https://arxiv.org/abs/${id.slice(6)}` },
    status: 'to-read',
    tags: [],
    note: '',
    savedFrom: 'https://arxiv.org/list/cs.LG/new',
    savedAt: 1_780_000_000_000 + i,
    updatedAt: 1_780_000_000_000 + i,
  };
});

const box = (title: string) => `input[type=checkbox][aria-label="Select “${title}”"]`;
const focused = (page: Tab) => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.tagName ?? null);

describe.each(browsers)('%s: the library page with the keyboard', (_name, launch) => {
  let harness: Harness;
  let library: Tab;

  beforeAll(async () => {
    harness = await launch();
    library = await harness.openExtensionPage('src/library/index.html', '.library');
    expect((await putRecords(library, RECORDS)).ok).toBe(true);
    await library.waitFor(box('Paper 299')); // the page follows the background's change notice
    await library.toFront(); // keys go to the tab in front
  });
  afterAll(() => harness?.close());

  it('removing the selected rows from the bulk bar leaves the focus on the table, not the page', async () => {
    await library.type(box('Paper 299'), ' ');
    await library.type(box('Paper 298'), ' ');
    await until(async () => (await library.texts('.bulk strong')).join() === '2 selected', 'two rows selected');
    await library.type('.bulk button.danger', ''); // the bulk bar's Remove
    await library.press('Enter');
    await until(async () => (await library.texts('.snackbar')).some((t) => t.includes('Removed 2 papers.')), 'the removal');
    expect(await focused(library)).toBe('Papers, scrollable');
  });

  it('under a status filter, a row’s new status takes it out and the focus goes to the status of the row in its place', async () => {
    await library.select('select[aria-label="Filter by status"]', 'to-read');
    const status = (title: string) => `select[aria-label="Status of “${title}”"]`;
    await library.waitFor(status('Paper 297'));
    await library.type(status('Paper 297'), ''); // focus, as Tab would
    await library.select(status('Paper 297'), 'done');
    await until(async () => (await library.texts(status('Paper 297'))).length === 0, 'the row to leave the list');
    expect(await until(async () => (await focused(library)) !== 'BODY' && focused(library), 'the focus')).toBe('Status of “Paper 296”');
    await library.select('select[aria-label="Filter by status"]', 'all');
  });

  it('PageDown from a row’s checkbox scrolls the table and the focus stays on that checkbox', async () => {
    await library.type(box('Paper 290'), '');
    for (let i = 0; i < 8; i++) await library.press('PageDown');
    const scrolled = await until(async () => {
      const top = await library.evaluate(() => document.querySelector('.viewport')?.scrollTop ?? 0);
      return top > 1000 && top;
    }, 'the table to scroll');
    expect(scrolled).toBeGreaterThan(1000);
    expect(await focused(library)).toBe('Select “Paper 290”');
    await library.type(box('Paper 290'), ' '); // the row it is on is still there to act on
    await until(async () => (await library.texts('.bulk strong')).join() === '1 selected', 'the focused row selected by Space');
  });
  it('the undo snackbar keeps a very long unbroken title inside itself and the window', async () => {
    const id = 'arxiv:2601.99999';
    const title = `Sparse${'Routing'.repeat(60)}`;
    await library.type(box('Paper 290'), ' '); // unselected again
    await until(async () => !(await library.texts('.bulk strong')).join().includes('1 selected'), 'no row selected');
    await library.evaluate(() => void (document.querySelector('.viewport')!.scrollTop = 0));
    const record: SavedPaper = { ...RECORDS[0]!, id, paper: { ...RECORDS[0]!.paper, id, title }, savedAt: 1_790_000_000_000, updatedAt: 1_790_000_000_000 };
    await putRecords(library, [record]);
    await library.waitFor(box(title));
    await library.type(box(title), ' ');
    await until(async () => (await library.texts('.bulk strong')).join() === '1 selected', 'the row selected');
    await library.type('.bulk button.danger', '');
    await library.press('Enter');
    await until(async () => (await library.texts('.snackbar span')).some((t) => t.includes(title)), 'the removal');
    const fit = await library.evaluate(() => {
      const bar = document.querySelector<HTMLElement>('.snackbar')!;
      const text = bar.querySelector('span')!;
      return { inside: text.scrollWidth <= text.clientWidth && bar.scrollWidth <= bar.clientWidth, inWindow: bar.getBoundingClientRect().right <= window.innerWidth };
    });
    expect(fit).toEqual({ inside: true, inWindow: true });
  });
});
