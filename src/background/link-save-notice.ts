// How a save from a link's context menu went, said on the toolbar button (the only place the extension can speak
// without a new permission): the page the link was on shows nothing, and the menu closes at once.
import browser from 'webextension-polyfill';
import { confirmOnToolbar, updateToolbarCount, type ToolbarSource } from './toolbar-count';
import { LINK_PROBLEM_KEY } from './link-problem';
import { clip } from '../core/paper';

const CONFIRM_MS = 4000;
const MAX_SHOWN = 200;

const shorten = (text: string) => clip(text, MAX_SHOWN);

/** A short "✓" naming the paper, then the count again. */
export async function reportLinkSaved(title: string, toolbar: ToolbarSource): Promise<void> {
  confirmOnToolbar(`Papershelf: saved “${shorten(title)}” to the reading list`, CONFIRM_MS);
  await updateToolbarCount(toolbar);
  setTimeout(() => void updateToolbarCount(toolbar).catch(() => {}), CONFIRM_MS);
}

/** "!" on the button, with what failed, until the popup is next opened; `error` null: the link names no paper. */
export async function reportLinkProblem(linkUrl: string, error: unknown, toolbar: ToolbarSource): Promise<void> {
  const why = error === null ? 'the link names no paper Papershelf knows' : error instanceof Error ? error.message : String(error);
  await browser.storage.session.set({ [LINK_PROBLEM_KEY]: `Could not save ${shorten(linkUrl)} to the reading list: ${shorten(why)}` });
  await updateToolbarCount(toolbar);
}
