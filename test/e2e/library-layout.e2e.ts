// The library table at common window widths, in both browsers: every column, the status menu of each row with it,
// is inside the table's box, never cut off by its edge (a 1280-pixel window showed "Sta" and a sliver of each menu).
// Where the window is narrower than the table, the page scrolls sideways instead.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bothBrowsers, copiedBuilds, putRecords, until, type Harness, type Tab } from './browsers';
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
    expect((await putRecords(library, RECORDS)).ok).toBe(true);
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

  it('lines each column\'s header up with the column under it, beside the rows\' scroll bar', async () => {
    // Seen in Firefox: the scroll bar took its width from the rows alone, so their columns were narrower than the
    // header's, each one more to the right ("Tags" 9 px right of the tags under it).
    await library.resize(1280, 800);
    await library.run('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
    const offsets = await library.evaluate(() => {
      const lefts = (row: Element) => [...row.children].map((cell) => cell.getBoundingClientRect().left);
      const head = lefts(document.querySelector('.row.head')!);
      const first = lefts(document.querySelector('.viewport [role=row]')!);
      return head.map((left, i) => Math.round(first[i]! - left));
    });
    expect(offsets).toEqual(offsets.map(() => 0));
  });

  it('draws the whole focus ring of the table and of each control in a row, none cut off by its cell', async () => {
    await library.resize(1600, 800);
    // Each focusable part of the header and the first row, and the scrolling table: its ring's box, and the box of the nearest
    // ancestor that clips it (overflow other than visible).
    const clipped = await library.evaluate(() => {
      const rows = [document.querySelector('.row.head')!, document.querySelector('.viewport [role=row]')!];
      const parts = [...rows.flatMap((row) => [...row.querySelectorAll<HTMLElement>('a[href], input, select, button')]), document.querySelector<HTMLElement>('.viewport')!];
      const out: string[] = [];
      for (const part of parts) {
        part.focus();
        const style = getComputedStyle(part);
        if (style.outlineStyle === 'none') {
          out.push(`${part.getAttribute('aria-label') ?? part.tagName} has no ring`);
          continue;
        }
        const reach = parseFloat(style.outlineOffset) + parseFloat(style.outlineWidth);
        const ring = part.getBoundingClientRect();
        for (let clip = part.parentElement; clip; clip = clip.parentElement) {
          const overflow = getComputedStyle(clip);
          if (overflow.overflowX === 'visible' && overflow.overflowY === 'visible') continue;
          const box = clip.getBoundingClientRect();
          const outside = ring.left - reach < box.left - 0.5 || ring.right + reach > box.right + 0.5 || ring.top - reach < box.top - 0.5 || ring.bottom + reach > box.bottom + 0.5;
          if (outside) out.push(`${part.getAttribute('aria-label') ?? part.tagName} cut by .${clip.className}`);
          break;
        }
      }
      return out;
    });
    expect(clipped).toEqual([]);
  });
});
