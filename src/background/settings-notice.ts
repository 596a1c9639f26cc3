// Open pages follow a change of the settings they read (tagSettings: watched topics, followed authors, tag rules,
// relevance) at once: every tab is told that they changed, and its content script asks for them again. The notice
// carries nothing.
import type { Settings } from '../storage/settings';
import type { SettingsNotice } from './messages';

/** What a page reads of the settings (the token and the toolbar count are the background's alone). */
function pageSettings(s: Settings): string {
  return JSON.stringify([s.watchedTopics, s.followedAuthors, s.tagRules, s.relevance?.enabled]);
}

/** A change to what pages read; a new token or toolbar count tells no tab anything. */
export function pageSettingsChanged(before: Settings, after: Settings): boolean {
  return pageSettings(before) !== pageSettings(after);
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
