// The popup's view of the background: an interface with a real implementation over messages, so
// components are tested against a fake.
import browser from 'webextension-polyfill';
import * as v from 'valibot';
import { send } from '../background/client';
import { ChangedNoticeSchema, ReloadNoticeSchema } from '../background/messages';
import type { SavedPaper } from '../storage/schema';
import { sites } from '../background/site-scripts';

export interface SiteAccess {
  /** Human name, e.g. "Hugging Face Papers". */
  name: string;
  /** Host patterns the content script needs. */
  origins: string[];
  granted: boolean;
}

export interface ReadingListApi {
  list(): Promise<SavedPaper[]>;
  remove(id: string): Promise<void>;
  /** Called after any change to the list made anywhere; returns an unsubscribe function. */
  subscribe(onChange: () => void): () => void;
  /** Core sites and whether their host access is granted (Firefox lets users withhold it). */
  siteAccess(): Promise<SiteAccess[]>;
  /** Must be called from a user action (a click). */
  requestAccess(origins: string[]): Promise<boolean>;
  openOptions(): Promise<void>;
}

export const extensionApi: ReadingListApi = {
  list: () => send('list', {}),
  remove: async (id) => void (await send('remove', { id })),
  subscribe(onChange) {
    const listener = (message: unknown) => {
      if (v.is(ChangedNoticeSchema, message) || v.is(ReloadNoticeSchema, message)) onChange();
      return undefined;
    };
    browser.runtime.onMessage.addListener(listener);
    return () => browser.runtime.onMessage.removeListener(listener);
  },
  async siteAccess() {
    const core = sites().filter((site) => !site.optional);
    return Promise.all(
      core.map(async (site) => ({
        name: site.name,
        origins: site.matches,
        granted: await browser.permissions.contains({ origins: site.matches }),
      })),
    );
  },
  requestAccess: (origins) => browser.permissions.request({ origins }),
  openOptions: () => browser.runtime.openOptionsPage(),
};
