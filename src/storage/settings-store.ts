// Reads and writes the settings, kept in IndexedDB (schema v7), which only the extension's own background and pages
// can open: never a content script, nor so a compromised page process (Firefox leaves storage.local open to content
// scripts: bug 1724754). The background owns them; the options page asks it (messages `settings`, `setSettings`).
import type { Database } from './reading-list';
import { DEFAULT_SETTINGS, type Settings } from './settings';
import { settingsFromOlderBuild } from './settings-schema';

const SETTINGS_KEY = 'settings';

export async function readSettings(db: Database): Promise<Settings> {
  return { ...DEFAULT_SETTINGS, ...(await db.get('settings', SETTINGS_KEY)) };
}

/** A change: the fields to write, or what to write made from the settings as stored (read in the same transaction). */
export type SettingsChange = Partial<Settings> | ((stored: Settings) => Partial<Settings>);

/**
 * Apply `change` over the stored settings in one transaction (two pages saving at once both land); resolves with the
 * settings before and after, once committed.
 */
export async function writeSettings(db: Database, change: SettingsChange): Promise<{ before: Settings; after: Settings }> {
  const tx = db.transaction('settings', 'readwrite');
  const before: Settings = { ...DEFAULT_SETTINGS, ...(await tx.store.get(SETTINGS_KEY)) };
  const after: Settings = { ...before, ...(typeof change === 'function' ? change(before) : change) };
  await tx.store.put(after, SETTINGS_KEY);
  await tx.done;
  return { before, after };
}

/** The part of `storage.local` that builds before schema v7 kept the settings in. */
export interface LegacySettingsArea {
  get(key: string): Promise<Record<string, unknown>>;
  remove(key: string): Promise<void>;
}

/**
 * Settings an older build kept in storage.local move here, once (each field checked: settings-schema.ts): written unless
 * settings are here already (then those, written since, are the newer), and only then removed there, so a worker
 * stopped in between moves them again next time and loses nothing. The first start writes a row even with nothing to
 * move, so what is put in storage.local later (Firefox lets a content script, and so a compromised page process) is
 * dropped unread. Resolves with whether anything was there.
 */
export async function adoptLocalSettings(db: Database, local: LegacySettingsArea): Promise<boolean> {
  const legacy = (await local.get(SETTINGS_KEY))[SETTINGS_KEY];
  const tx = db.transaction('settings', 'readwrite');
  if ((await tx.store.get(SETTINGS_KEY)) === undefined) await tx.store.put(settingsFromOlderBuild(legacy), SETTINGS_KEY);
  await tx.done;
  if (legacy === undefined) return false;
  await local.remove(SETTINGS_KEY);
  return true;
}
