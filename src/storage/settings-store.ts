// Reads and writes the settings in browser.storage.local (the background and the options page use it).
import browser from 'webextension-polyfill';
import { DEFAULT_SETTINGS, type Settings } from './settings';

export async function readSettings(): Promise<Settings> {
  const stored = (await browser.storage.local.get('settings')).settings as Partial<Settings> | undefined;
  return { ...DEFAULT_SETTINGS, ...(stored ?? {}) };
}

export async function writeSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = { ...(await readSettings()), ...patch };
  await browser.storage.local.set({ settings: next });
  return next;
}
