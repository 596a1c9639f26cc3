// Reading the whole list page by page (the background's `listPage` message): no single answer of megabytes, and a
// popup closed mid-way stops asking.
import type { SavedPaper } from '../storage/schema';

/** Papers per request when the whole list is read: about 1 MB of JSON with abstracts. */
export const LIST_PAGE = 500;

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
    after = answer.next;
  } while (after !== null);
  return all.sort((a, b) => b.savedAt - a.savedAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}

