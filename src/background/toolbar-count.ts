// The toolbar button shows how many papers are still "to read" (issue #5); the options page can turn it off.
import browser from 'webextension-polyfill';
import type { Database } from '../storage/reading-list';
import { readSettings } from '../storage/settings-store';

/** "12", "999+", or "" for none. */
export function countLabel(count: number): string {
  if (count <= 0) return '';
  return count > 999 ? '999+' : String(count);
}

export async function toReadCount(db: Database): Promise<number> {
  return db.countFromIndex('papers', 'by-status', 'to-read');
}

export async function updateToolbarCount(db: () => Promise<Database>): Promise<void> {
  const { toolbarCount } = await readSettings();
  const text = toolbarCount ? countLabel(await toReadCount(await db())) : '';
  await browser.action.setBadgeText({ text });
  if (text) await browser.action.setBadgeBackgroundColor({ color: '#2563eb' });
}
