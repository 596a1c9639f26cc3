// Reading the whole list page by page (the background's `listPage` message): no single answer of megabytes, and a
// popup closed mid-way stops asking.
import type { SavedPaper } from '../storage/schema';

/**
 * Papers per request when the whole list is read (about 0.5 MB of JSON with abstracts). Measured in Chromium at
 * 10,000 papers: 200 a page reads the list in ~3 s (500: ~4.3 s, 100: ~3.8 s), and a popup opened while the
 * previous one's page is still being answered waits ~90 ms for it (500: ~250 ms).
 */
export const LIST_PAGE = 200;

/**
 * The whole list, page by page (see the `listPage` message), newest save first as `list` gives it (ties: the
 * larger id first). A paper written meanwhile comes with the background's change notice, which reloads.
 */
export async function wholeList(page: (after: string | null) => Promise<{ papers: SavedPaper[]; next: string | null }>): Promise<SavedPaper[]> {
  const all: SavedPaper[] = [];
  let after: string | null = null;
  do {
    const answer = await page(after);
    all.push(...answer.papers);
    // Pages go forward in id order: a page that does not would be read forever.
    if (answer.next !== null && after !== null && answer.next <= after) throw new Error('The reading list came back out of order; reopen to try again.');
    after = answer.next;
  } while (after !== null);
  return all.sort((a, b) => b.savedAt - a.savedAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}

