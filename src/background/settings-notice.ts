// Open pages follow a change of the settings they read (tagSettings: watched topics, tag rules, relevance) at once:
// every tab is told that they changed, and its content script asks for them again. The notice carries nothing.
import type { Storage } from 'webextension-polyfill';
import { DEFAULT_SETTINGS, type Settings } from '../storage/settings';
import type { SettingsNotice } from './messages';

/** What a page reads of the settings (the token and the toolbar count are the background's alone). */
function pageSettings(stored: unknown): string {
  const s: Settings = { ...DEFAULT_SETTINGS, ...(stored as Partial<Settings> | undefined) };
  return JSON.stringify([s.watchedTopics, s.tagRules, s.relevance?.enabled]);
}

/** A change in storage.local to what pages read; a new token or toolbar count tells no tab anything. */
export function pageSettingsChanged(changes: Record<string, Storage.StorageChange>, area: string): boolean {
  const change = changes.settings;
  return area === 'local' && change !== undefined && pageSettings(change.oldValue) !== pageSettings(change.newValue);
}

export interface TabsApi {
  query(info: Record<string, never>): Promise<{ id?: number }[]>;
  sendMessage(tabId: number, message: SettingsNotice): Promise<unknown>;
}

/** Tell every tab (each content script asks again, see content/start.ts); tabs without our script are skipped. */
export async function tellTabsSettingsChanged(tabs: TabsApi): Promise<void> {
  const notice: SettingsNotice = { type: 'settings' };
  for (const tab of await tabs.query({})) {
    if (tab.id !== undefined) tabs.sendMessage(tab.id, notice).catch(() => {});
  }
}
