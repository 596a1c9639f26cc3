// The popup's list with text no one planned for, in both browsers: a name with no space in it (a site's run-together
// author list, a scraped handle) wraps inside its item, in the list and in the opened details, and the list never
// scrolls sideways (it did: the name widened the details, the list scrolled as the focus went into them, and the
// paper's title, status and buttons went out of view). A title in Arabic reads from the right, as it is written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bothBrowsers, copiedBuilds, putRecords, type Harness, type Tab } from './browsers';
import { routes } from './pages';
import { emptyPaper } from '../../src/core/paper';
import type { SavedPaper } from '../../src/storage/schema';

const DIST = copiedBuilds('popup-layout');

const LONG_NAME = 'X'.repeat(150);
/** An Arabic title with a Latin word in it: it reads from the right, its first word first, as Arabic does. */
const RTL_TITLE = 'نموذج لغوي كبير (LLM) للترجمة — دراسة';
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
  {
    id: 'arxiv:2601.00002',
    paper: { ...emptyPaper('arxiv:2601.00002', RTL_TITLE, { site: 'arxiv', page: 'listing' }), authors: ['Ada Lovelace'] },
    status: 'to-read',
    tags: [],
    note: RTL_TITLE, // its line in the list reads as the title does
    savedFrom: 'https://arxiv.org/list/cs.CL/new',
    savedAt: 1_780_000_000_001,
    updatedAt: 1_780_000_000_001,
  },
  {
    id: 'arxiv:2601.00003',
    paper: { ...emptyPaper('arxiv:2601.00003', 'A paper with more authors than the details name', { site: 'arxiv', page: 'listing' }), authors: Array.from({ length: 20 }, (_, i) => `Author ${i}`) },
    status: 'to-read',
    tags: [],
    note: '',
    savedFrom: 'https://arxiv.org/list/cs.LG/new',
    savedAt: 1_780_000_000_002,
    updatedAt: 1_780_000_000_002,
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

/** Where the title's first and last words are drawn: an Arabic title starts at the right, its first word right of its last. */
const titleWords = (page: Tab, selector: string) =>
  page.run<{ first: number; last: number }>(`(() => {
    const title = [...document.querySelectorAll(${JSON.stringify(selector)})].find((el) => el.textContent === ${JSON.stringify(RTL_TITLE)});
    const text = title.firstChild;
    const word = (from, to) => { const range = document.createRange(); range.setStart(text, from); range.setEnd(text, to); return range.getBoundingClientRect(); };
    const value = text.data;
    return { first: word(0, value.indexOf(' ')).left, last: word(value.lastIndexOf(' ') + 1, value.length).right };
  })()`);

describe.each(bothBrowsers(routes, DIST))('%s: the popup with text of no spaces and right to left', (_name, launch) => {
  let harness: Harness;
  let popup: Tab;

  beforeAll(async () => {
    harness = await launch();
    popup = await harness.openPopup();
    expect((await putRecords(popup, RECORDS)).ok).toBe(true);
    await popup.waitFor('li.item + li.item'); // the popup follows the write's notice
  });
  afterAll(() => harness?.close());

  it('wraps it inside the item in the list', async () => {
    expect(await overflow(popup)).toEqual({ past: [], sideways: 0 });
  });

  it('draws an Arabic title (and note) from the right, its first word first, in the popup and in the library', async () => {
    const inPopup = await titleWords(popup, 'li.item .title');
    expect(inPopup.first).toBeGreaterThan(inPopup.last);
    const note = await titleWords(popup, 'li.item .note-line');
    expect(note.first).toBeGreaterThan(note.last);
    const library = await harness.openExtensionPage('src/library/index.html', '.title-cell a');
    const inLibrary = await titleWords(library, '.title-cell a');
    expect(inLibrary.first).toBeGreaterThan(inLibrary.last);
    await library.close();
  });

  it('sets an Arabic title and note against the right edge of the item, in Firefox as in Chromium', async () => {
    // Firefox's own style gives a list item `text-align: match-parent`, which computes to `left` in the left-to-right
    // list and was inherited as such: its Arabic title and note stood at the left, their ends ragged at the right.
    const gaps = await popup.run<number[]>(`(() => {
      const item = document.querySelector('li.item[data-id="arxiv:2601.00002"]');
      return [item.querySelector('.title'), item.querySelector('.note-line')].map((el) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        return Math.round(el.getBoundingClientRect().right - range.getBoundingClientRect().right);
      });
    })()`);
    expect(gaps).toEqual([0, 0]);
  });

  it('wraps it inside the opened details, and the list does not scroll sideways when the focus goes into them', async () => {
    await popup.click('li.item[data-id="arxiv:2601.00001"] button.toggle');
    await popup.waitFor('li.item .paper-authors');
    await popup.type('li.item[data-id="arxiv:2601.00001"] input[role=combobox]', 'n');
    expect(await overflow(popup)).toEqual({ past: [], sideways: 0 });
  });

  it('sets "N more authors" apart from the last author named, not run into it ("Author 11N more authors")', async () => {
    await popup.click('li.item[data-id="arxiv:2601.00003"] button.toggle');
    await popup.waitFor('li.item[data-id="arxiv:2601.00003"] .paper-authors button.link');
    const gap = await popup.evaluate(() => {
      const authors = document.querySelector('li.item[data-id="arxiv:2601.00003"] .paper-authors')!;
      const last = [...authors.querySelectorAll('button.author')].at(-1)!.getBoundingClientRect();
      const more = authors.querySelector('button.link')!.getBoundingClientRect();
      // On the same line (it is, at the popup's width): the space between them.
      return Math.abs(more.top - last.top) < 2 ? Math.round(more.left - last.right) : null;
    });
    expect(gap).not.toBeNull();
    expect(gap).toBeGreaterThanOrEqual(3);
  });
});
