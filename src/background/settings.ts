// The settings as the background serves them: read from the database (storage/settings-store.ts), written for the
// options page (`setSettings`), and followed by whoever depends on them: open pages re-read what they use when it
// changed (settings-notice.ts), the toolbar count when it was turned on or off.
import type { Database } from '../storage/reading-list';
import type { Settings } from '../storage/settings';
import { adoptLocalSettings, readSettings, writeSettings, type LegacySettingsArea, type SettingsChange } from '../storage/settings-store';
import { pageSettingsChanged } from './settings-notice';

export interface SettingsService {
  read(): Promise<Settings>;
  /** Write a change (a patch, or one made from the stored settings in the write's transaction); resolves with the settings as stored. */
  save(change: SettingsChange): Promise<Settings>;
  /** Settled once settings an older build kept in storage.local have moved (true: there were some). */
  readonly adopted: Promise<boolean>;
}

export interface SettingsFollowers {
  /** What pages read (watched topics, followed authors, tag rules, relevance) changed. */
  pages(): void | Promise<void>;
  /** The toolbar count was turned on or off. */
  toolbarCount(): void;
}

export function createSettingsService(db: () => Promise<Database>, legacy: LegacySettingsArea, followers: SettingsFollowers): SettingsService {
  // Every read and write waits for the move, so none sees the defaults in between (nor writes under the old ones). A
  // move that failed (the database or storage.local unavailable at start) is tried again by the next read or write,
  // which fails if it fails again: a save written over the defaults would stand, next start, over the settings to move.
  let moving: Promise<boolean> | null = null;
  const move = (): Promise<boolean> => {
    if (moving) return moving;
    const attempt: Promise<boolean> = db()
      .then((open) => adoptLocalSettings(open, legacy))
      .catch((error: unknown) => {
        if (moving === attempt) moving = null;
        throw error;
      });
    moving = attempt;
    return attempt;
  };
  const adopted = move().catch((error: unknown) => {
    console.warn('Papershelf: settings left in storage.local were not moved:', error);
    return false;
  });
  return {
    adopted,
    async read() {
      await move();
      return readSettings(await db());
    },
    async save(change) {
      await move();
      const { before, after } = await writeSettings(await db(), change);
      // Awaited: the write is marked in flight (respond.ts) until its notice has gone out to the tabs.
      if (pageSettingsChanged(before, after)) await followers.pages();
      if (before.toolbarCount !== after.toolbarCount) followers.toolbarCount();
      return after;
    },
  };
}
