// The popup's list with text no one planned for, in both browsers: a name with no space in it (a site's run-together
// author list, a scraped handle) wraps inside its item, in the list and in the opened details, and the list never
// scrolls sideways (it did: the name widened the details, the list scrolled as the focus went into them, and the
// paper's title, status and buttons went out of view).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bothBrowsers, copiedBuilds, putRecords, type Harness, type Tab } from './browsers';
import { routes } from './pages';
import { emptyPaper } from '../../src/core/paper';
import type { SavedPaper } from '../../src/storage/schema';

const DIST = copiedBuilds('popup-layout');

const LONG_NAME = 'X'.repeat(150);
const RECORDS: SavedPaper[] = [
  {
    id: 'arxiv:2601.00001',
    paper: { ...emptyPaper('arxiv:2601.00001', 'A paper whose author list came as one word', { site: 'arxiv', page: 'listing' }), authors: [LONG_NAME, 'Ada Lovelace'] },
    status: 'to-read',
    tags: ['nlp'],
    note: '',
    savedFrom: 'https://arxiv.org/list/cs.LG/new',
    savedAt: 1_780_000_000_000,
    updatedAt: 1_780_000_000_000,
  },
];

/** Elements of the list that reach past its right edge, and how far the list scrolls sideways. */
const overflow = (popup: Tab) =>
  popup.evaluate(() => {
    const scroll = document.querySelector<HTMLElement>('.scroll')!;
    const right = scroll.getBoundingClientRect().right;
    const past = [...scroll.querySelectorAll<HTMLElement>('*')].filter((el) => el.getBoundingClientRect().right > right + 0.5);
    return { past: past.map((el) => `${el.tagName.toLowerCase()}.${el.className}`), sideways: scroll.scrollWidth - scroll.clientWidth };
  });

describe.each(bothBrowsers(routes, DIST))('%s: the popup with a name of no spaces', (_name, launch) => {
  let harness: Harness;
  let popup: Tab;

  beforeAll(async () => {
    harness = await launch();
    popup = await harness.openPopup();
    expect((await putRecords(popup, RECORDS)).ok).toBe(true);
    await popup.waitFor('li.item'); // the popup follows the write's notice
  });
  afterAll(() => harness?.close());

  it('wraps it inside the item in the list', async () => {
    expect(await overflow(popup)).toEqual({ past: [], sideways: 0 });
  });

  it('wraps it inside the opened details, and the list does not scroll sideways when the focus goes into them', async () => {
    await popup.click('li.item button.toggle');
    await popup.waitFor('li.item .paper-authors');
    await popup.type('li.item input[role=combobox]', 'n');
    expect(await overflow(popup)).toEqual({ past: [], sideways: 0 });
  });
});
