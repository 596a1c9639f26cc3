// Small user settings in extension storage (never visible to pages): the optional GitHub token, watched
// topics and tag rules. Read by the background and the options page.
import browser from 'webextension-polyfill';

export interface Settings {
  /** Personal access token; sent to api.github.com only. */
  githubToken: string;
  /** Topic labels whose cards stand out. */
  watchedTopics: string[];
  /** User tag rules, as edited on the options page (see src/core/tags/rules.ts). */
  tagRules: { tag: string; match: string; fields: 'title' | 'abstract' | 'both' }[];
  /** Show the number of papers still to read on the toolbar button. */
  toolbarCount: boolean;
}

export const DEFAULT_SETTINGS: Settings = { githubToken: '', watchedTopics: [], tagRules: [], toolbarCount: true };

export async function readSettings(): Promise<Settings> {
  const stored = (await browser.storage.local.get('settings')).settings as Partial<Settings> | undefined;
  return { ...DEFAULT_SETTINGS, ...(stored ?? {}) };
}

export async function writeSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = { ...(await readSettings()), ...patch };
  await browser.storage.local.set({ settings: next });
  return next;
}
