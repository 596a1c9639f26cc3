// The popup's view of the background: an interface with a real implementation over messages, so
// components are tested against a fake.
import browser from 'webextension-polyfill';
import * as v from 'valibot';
import { send } from '../background/client';
import { ChangedNoticeSchema } from '../background/messages';
import type { SavedPaper } from '../storage/schema';

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
  /** Core sites whose host access the browser lets the user withhold (Firefox). */
  siteAccess(): Promise<SiteAccess[]>;
  /** Must be called from a user action (a click). */
  requestAccess(origins: string[]): Promise<boolean>;
}

/** Sites by content-script match pattern host, for the permission notice. */
const SITE_NAMES: Record<string, string> = { 'huggingface.co': 'Hugging Face Papers', 'arxiv.org': 'arXiv' };

export const extensionApi: ReadingListApi = {
  list: () => send('list', {}),
  remove: async (id) => void (await send('remove', { id })),
  subscribe(onChange) {
    const listener = (message: unknown) => {
      if (v.is(ChangedNoticeSchema, message)) onChange();
      return undefined;
    };
    browser.runtime.onMessage.addListener(listener);
    return () => browser.runtime.onMessage.removeListener(listener);
  },
  async siteAccess() {
    const scripts = browser.runtime.getManifest().content_scripts ?? [];
    const bySite = new Map<string, string[]>();
    for (const pattern of scripts.flatMap((s) => s.matches ?? [])) {
      const host = new URL(pattern.replace('*', '')).hostname.replace(/^(www|export)\./, '');
      bySite.set(host, [...(bySite.get(host) ?? []), pattern]);
    }
    return Promise.all(
      [...bySite].map(async ([host, origins]) => ({
        name: SITE_NAMES[host] ?? host,
        origins,
        granted: await browser.permissions.contains({ origins }),
      })),
    );
  },
  requestAccess: (origins) => browser.permissions.request({ origins }),
};
