// The toolbar button shows how many papers are still "to read" (issue #5); the options page can turn it off.
// It also says how a save from a link's context menu went (./link-save-notice.ts): a failure as "!" until the popup
// is next opened, a success as a short "✓"; both with a title that says which paper or link.
import browser from 'webextension-polyfill';
import type { Database } from '../storage/reading-list';
import { countToRead } from '../storage/to-read';
import type { Settings } from '../storage/settings';
import { readLinkProblem } from './link-problem';

const TITLE = 'Papershelf reading list';

/** A confirmation shown instead of the count until `until` (epoch ms); kept in memory, as it lasts seconds. */
let confirmation: { title: string; until: number } | null = null;

export function confirmOnToolbar(title: string, ms: number): void {
  confirmation = { title, until: Date.now() + ms };
}

/** "12", "999+", or "" for none. */
export function countLabel(count: number): string {
  if (count <= 0) return '';
  return count > 999 ? '999+' : String(count);
}

/** What the count is read from: the list, and the settings as the background serves them (settings.ts). */
export interface ToolbarSource {
  db: () => Promise<Database>;
  settings: () => Promise<Settings>;
}

export async function updateToolbarCount({ db, settings }: ToolbarSource): Promise<void> {
  const problem = await readLinkProblem();
  if (problem) return showOnToolbar('!', '#dc2626', `Papershelf: ${problem.charAt(0).toLowerCase()}${problem.slice(1)}`);
  if (confirmation && Date.now() < confirmation.until) return showOnToolbar('✓', '#16a34a', confirmation.title);
  confirmation = null;
  const { toolbarCount } = await settings();
  const text = toolbarCount ? countLabel(await countToRead(await db())) : '';
  await showOnToolbar(text, '#2563eb', TITLE);
}

async function showOnToolbar(text: string, color: string, title: string): Promise<void> {
  await browser.action.setBadgeText({ text });
  if (text) await browser.action.setBadgeBackgroundColor({ color });
  await browser.action.setTitle({ title });
}
