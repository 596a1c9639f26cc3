// The popup's (and library page's) view of the background: an interface with a real implementation over
// messages, so components are tested against a fake (./fake-api.ts).
import browser, { type Runtime } from 'webextension-polyfill';
import * as v from 'valibot';
import { send } from '../background/client';
import { ARXIV_API_ORIGINS, ChangedNoticeSchema, fromOwnBackground, ReloadNoticeSchema, REPO_FIGURES_MAX, type Notice, type RepoFigures } from '../background/messages';
import type { ArxivVersionEntry, ReadingStatus, SavedPaper } from '../storage/schema';
import { coreSites } from '../sites/names';
import { LIST_PAGE, wholeList } from './whole-list';
import { takeLinkProblem } from '../background/link-problem';
import type { TabPaper, TabPaperPreview } from '../background/tab-paper';
import { backupSettings, type BackupSettings } from '../core/export/settings';
export type { TabPaperPreview };

export interface SiteAccess {
  /** Human name, e.g. "Hugging Face Papers". */
  name: string;
  /** Host patterns the content script needs. */
  origins: string[];
  granted: boolean;
}

/** The paper the tab the popup opened over shows (background/tab-paper.ts), and what its save still has to ask for. */
export interface TabPaperView extends TabPaper {
  /** The tab's address, which names the paper. */
  url: string;
  /** Of `origins`, those not granted yet: the save's click asks for them. */
  missing: string[];
}

export type { PaperEdit } from '../storage/edit';
import type { PaperEdit } from '../storage/edit';
import type { RecordVersion } from '../storage/reading-list';
export type { RecordVersion };

export interface ReadingListApi {
  /** The whole list, newest save first; with `limit`, only the newest that many. */
  list(limit?: number): Promise<SavedPaper[]>;
  /** Resolves with the removed record (keep it for undo), or null if it was not in the list. */
  remove(id: string): Promise<SavedPaper | null>;
  /** Many papers in one transaction (all or nothing); resolves with the removed records (keep them for undo). */
  removeMany(ids: string[]): Promise<SavedPaper[]>;
  /** Put a removed record back (undo); resolves with it as stored (merged with a copy saved again meanwhile, if any). */
  /** `removedAt`: when the removal was asked for (UndoEntry.removedAt). */
  restore(record: SavedPaper, removedAt?: number): Promise<SavedPaper>;
  /** `restore` for many records in one transaction (undo of a bulk remove): all or nothing. */
  restoreMany(records: SavedPaper[], removedAt?: number): Promise<SavedPaper[]>;
  /** Resolves with the committed record, or null if the paper is no longer saved. */
  edit(id: string, edit: PaperEdit): Promise<SavedPaper | null>;
  /**
   * Merge copies of one paper into `keep`, each as this page last saw it (one transaction); rejects, writing nothing,
   * when one was changed since or the merge would lose a tag or a note. Resolves with the merged record and the records
   * as they were (the kept one first), for undo.
   */
  merge(keep: RecordVersion, others: RecordVersion[]): Promise<{ merged: SavedPaper; originals: SavedPaper[] }>;
  /** Undo of a merge: `records` (merge's `originals`) put back exactly over `merged`, unless it was changed since. */
  unmerge(merged: RecordVersion, records: SavedPaper[]): Promise<SavedPaper[]>;
  /** Write many records in one transaction: all or nothing (imports, bulk edits). */
  putMany(records: SavedPaper[]): Promise<{ written: number }>;
  /** The same change to many papers, applied by the background to what it has (one transaction). */
  editMany(ids: string[], edit: PaperEdit): Promise<{ written: number; at: number }>;
  /** Called after any change to the list made anywhere (with the background's notice); returns an unsubscribe function. */
  subscribe(onChange: (notice: Notice) => void): () => void;
  /** Core sites and whether their host access is granted (Firefox lets users withhold it). */
  siteAccess(): Promise<SiteAccess[]>;
  /** Must be called from a user action (a click). */
  requestAccess(origins: string[]): Promise<boolean>;
  openOptions(): Promise<void>;
  /** The full-tab library page; an extension page of our own needs no `tabs` permission. */
  openLibrary(section?: LibrarySection): Promise<void>;
  /** Open these http(s) pages in new background tabs, in this order (the library's "Open in tabs"). */
  openTabs(urls: readonly string[]): Promise<void>;
  /** The last failed save from a link's context menu (marked "!" on the toolbar button), once; null when none. */
  takeLinkProblem(): Promise<string | null>;
  /**
   * The paper the reader's tab shows, from its address (a PDF, where no card offers a Save), with its saved state; null
   * when its address names none, or the page has no tab of its own to look at (the popup opened in a tab).
   */
  tabPaper(): Promise<TabPaperView | null>;
  /**
   * The paper an address the reader typed names (core/typed-address.ts: an arXiv id, a DOI, a paper's address), with its
   * saved state, as tabPaper gives a tab's; null when it names none. Previewed and saved as a tab's paper is.
   */
  typedPaper(address: string): Promise<TabPaperView | null>;
  /**
   * What it is called, read as its save reads it (the background keeps it for the save); null when it cannot be read
   * without asking for a host (`missing`), or its sources do not know it.
   */
  previewTabPaper(tab: TabPaperView): Promise<TabPaperPreview | null>;
  /** Save it as a link to it is saved. Call it from a user action: it first asks for `missing` (a browser grants only then). */
  saveTabPaper(tab: TabPaperView): Promise<SavedPaper>;
  /** What the checks so far said of saved arXiv papers' newest versions. */
  arxivVersions(): Promise<ArxivVersionEntry[]>;
  /**
   * Ask arXiv for these saved arXiv papers' newest versions (at most VERSIONS_BATCH, one request, three seconds after
   * arXiv's last): resolves with what it said (papers it does not hold left out) and the papers it gave a journal DOI
   * or reference they had none of (filled in), rejects with why it said nothing.
   */
  checkVersions(ids: string[]): Promise<{ entries: ArxivVersionEntry[]; published: string[] }>;
  /** Whether arXiv's API may be asked (Firefox lets a reader withhold it); requestAccess(ARXIV_API_ORIGINS) asks. */
  arxivGranted(): Promise<boolean>;
  /** The names of the authors the reader follows, as the options page keeps them. */
  followedAuthors(): Promise<string[]>;
  /** What GitHub last said of these repositories, as the badges' cache holds it (in order; null where nothing); never asks GitHub. */
  repoFigures(names: readonly string[]): Promise<(RepoFigures | null)[]>;
  /** Follow an author as a paper names them, or stop following them (core/authors.ts changeFollowed); resolves with the names now followed. */
  followAuthor(name: string, follow: boolean): Promise<string[]>;
  /** The settings a backup keeps (all but the GitHub token: core/export/settings.ts). */
  backupSettings(): Promise<BackupSettings>;
  /** Add a backup's settings to the reader's (mergeBackupSettings, in the background's write); resolves with them as stored. */
  importSettings(settings: Partial<BackupSettings>): Promise<BackupSettings>;
}

export const LIBRARY_PATH = 'src/library/index.html';
/** A part of the library page the popup opens it at: `backup`, its export with a JSON backup of the whole list chosen. */
export type LibrarySection = 'backup';

/** The paper an address names, its saved state, and which of the hosts its save reads are still to ask for. */
async function addressed(url: string): Promise<TabPaperView | null> {
  const paper = await send('tabPaper', { url });
  if (!paper) return null;
  const granted = await Promise.all(paper.origins.map((origin) => browser.permissions.contains({ origins: [origin] })));
  return { ...paper, url, missing: paper.origins.filter((_, i) => !granted[i]) };
}

export const extensionApi: ReadingListApi = {
  list: (limit) => (limit === undefined ? wholeList((after) => send('listPage', { after, count: LIST_PAGE })) : send('list', { limit })),
  remove: (id) => send('remove', { id }),
  removeMany: (ids) => send('removeMany', { ids }),
  restore: (record, removedAt) => send('restore', removedAt === undefined ? { record } : { record, removedAt }),
  restoreMany: (records, removedAt) => send('restoreMany', removedAt === undefined ? { records } : { records, removedAt }),
  edit: (id, edit) => send('edit', { id, edit }),
  merge: (keep, others) => send('merge', { keep, others }),
  unmerge: (merged, records) => send('unmerge', { merged, records }),
  putMany: (records) => send('putMany', { records }),
  editMany: (ids, edit) => send('editMany', { ids, edit }),
  subscribe(onChange) {
    const listener = (message: unknown, sender: Runtime.MessageSender) => {
      // Only the background's: a page's fake removal would drop a saved paper from what the library shows, and so
      // from the backup it exports of the whole list.
      if (fromOwnBackground(sender, browser.runtime) && (v.is(ChangedNoticeSchema, message) || v.is(ReloadNoticeSchema, message))) onChange(message);
      return undefined;
    };
    browser.runtime.onMessage.addListener(listener);
    return () => browser.runtime.onMessage.removeListener(listener);
  },
  async siteAccess() {
    const core = coreSites(browser.runtime.getManifest());
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
  openLibrary: async (section) => void (await browser.tabs.create({ url: browser.runtime.getURL(section ? `${LIBRARY_PATH}#${section}` : LIBRARY_PATH) })),
  async openTabs(urls) {
    // One after another, so the tabs stand in the list's order; none takes the focus from the library.
    for (const url of urls) await browser.tabs.create({ url, active: false });
  },
  takeLinkProblem,
  async tabPaper() {
    // The tab the reader looks at: the active one of the browser window last focused, which the toolbar popup opens
    // over (the click on the toolbar button lets it read that tab's address: `activeTab`). The popup opened as a tab of
    // its own is that tab: nothing to offer there.
    const [own, windowId] = await Promise.all([browser.tabs.getCurrent(), readerWindowId()]);
    const [tab] = windowId === undefined ? [] : await browser.tabs.query({ active: true, windowId });
    const url = tab?.url;
    if (!url || !/^https?:\/\//.test(url) || (own !== undefined && own.id === tab.id)) return null;
    return addressed(url);
  },
  typedPaper: (address) => addressed(address),
  previewTabPaper: (tab) => (tab.missing.length ? Promise.resolve(null) : send('previewTabPaper', { url: tab.url })),
  saveTabPaper(tab) {
    // Asked inside the reader's click, before anything is awaited; refused, the paper is still saved with what is granted
    // (as a link's save is): its title from Hugging Face's paper API, or its id until the metadata is read.
    const asked = tab.missing.length ? browser.permissions.request({ origins: tab.missing }).catch(() => false) : Promise.resolve(true);
    return asked.then(() => send('saveTabPaper', { url: tab.url }));
  },
  arxivVersions: () => send('arxivVersions', {}),
  checkVersions: (ids) => send('checkVersions', { ids }),
  arxivGranted: () => browser.permissions.contains({ origins: ARXIV_API_ORIGINS }),
  followedAuthors: () => send('settings', {}).then((settings) => settings.followedAuthors),
  async repoFigures(names) {
    const parts: Promise<(RepoFigures | null)[]>[] = [];
    for (let i = 0; i < names.length; i += REPO_FIGURES_MAX) parts.push(send('repoFigures', { names: names.slice(i, i + REPO_FIGURES_MAX) }));
    return (await Promise.all(parts)).flat();
  },
  followAuthor: (name, follow) => send('followAuthor', { name, follow }),
  backupSettings: () => send('settings', {}).then(backupSettings),
  importSettings: (settings) => send('importSettings', { settings }),
};

/**
 * The browser window the reader looks at: the one last focused, which the toolbar popup belongs to. The popup page in a
 * window of its own (a popup-type window, as automation opens it) looks at the browser window in focus, or the only one.
 */
async function readerWindowId(): Promise<number | undefined> {
  const last = await browser.windows.getLastFocused();
  if (last.type === 'normal') return last.id;
  const normal = await browser.windows.getAll({ windowTypes: ['normal'] });
  return (normal.find((window) => window.focused) ?? (normal.length === 1 ? normal[0] : undefined))?.id;
}
