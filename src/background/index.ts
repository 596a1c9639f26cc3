// The background context (Chrome: service worker; Firefox: event page; both run it as the one classic script
// scripts/build.mjs makes of it, background.js). It alone owns IndexedDB;
// every request is checked for its sender and validated before it is acted on.
import browser, { type Menus, type Runtime, type Tabs } from 'webextension-polyfill';
import { databaseOpener } from '../storage/connection';
import { createResponder, IN_FLIGHT_KEY } from './respond';
import { allowedRequest, isExtensionPage, pageReply, type Notice } from './messages';
import { syncSiteScripts } from './site-scripts';
import { SITE_SCRIPT_FILES } from './site-script-files';
import { createRepoService } from './repos';
import { updateToolbarCount } from './toolbar-count';
import { installMenu, MENU_ID, originsFor } from './context-menu';
import { reportLinkProblem, reportLinkSaved } from './link-save-notice';
import { LINK_PROBLEM_KEY } from './link-problem';
import { recordRejectedToken, unlessRejected } from './rejected-token';
import { LINK_PATTERNS } from './save-link/targets';
import { createLinkResolver } from './save-link/metadata';
import { pageReader } from './page-reader';
import { shortcutAction, unansweredShortcut } from './shortcut';
import { namedPaper } from './tab-paper';
import { createPromptSaver } from './prompt-save';
import { hasPapers } from '../storage/reading-list';
import { pruneCaches } from '../storage/repo-cache';
import { listPresence } from './list-presence';
import { createRelevanceService } from './relevance';
import { tellTabsSettingsChanged } from './settings-notice';
import { createSettingsService } from './settings';

// Opened again after a failure or a lost connection, so neither sticks (storage/connection.ts).
const db = databaseOpener();

// The settings, in the database; settings an older build left in storage.local move there first. Open pages follow a
// change to what they read at once (they ask tagSettings again), and the toolbar count its switch.
const settings = createSettingsService(db, browser.storage.local, {
  pages: () => tellTabsSettingsChanged(browser.tabs).catch(() => undefined),
  toolbarCount: () => void count(),
});

/** The toolbar count reads the list and the settings (through the service, so never before their move). */
const toolbar = { db, settings: settings.read };

const relevance = createRelevanceService(db);
const repos = createRepoService(db, async () => unlessRejected((await settings.read()).githubToken.trim() || null), recordRejectedToken);

// Whether anything is saved, read now, before any message's write: pages are told when the list gains its first paper or
// loses its last, since relevance is on for them only while something is (list-presence.ts).
const presence = listPresence(() => db().then(hasPapers), () => void tellTabsSettingsChanged(browser.tabs).catch(() => undefined));
presence.start();

/** The last notice's sending: each one waits for it, so tabs get notices in the order the writes made them. */
let sending: Promise<void> = Promise.resolve();

/**
 * Tell every tab's content script and any open popup/library page that a paper's state changed. In order: a merge's
 * notices (the other record removed, then the merged one naming its id) mean something else the other way round.
 */
function broadcast(notice: Notice): Promise<void> {
  void updateToolbarCount(toolbar).catch(() => {});
  void presence.written();
  sending = sending.then(async () => {
    const tabs = await browser.tabs.query({}).catch(() => []);
    for (const tab of tabs) {
      if (tab.id !== undefined) browser.tabs.sendMessage(tab.id, notice).catch(() => {}); // tabs without our script
    }
    browser.runtime.sendMessage(notice).catch(() => {}); // no extension page open
  });
  return sending;
}

/** A paper's metadata from a link to it (the menu below) or from the address of the tab the popup opened over. */
const linkResolver = createLinkResolver({ fetch: (input, init) => fetch(input, init), now: Date.now, readPage: pageReader() });

/**
 * Ask for these hosts; call it synchronously inside the reader's click or key press (browsers grant only then).
 * Refused, or nothing to ask for, the save goes on with what is granted.
 */
function askFor(origins: string[]): Promise<unknown> {
  return origins.length ? browser.permissions.request({ origins }).catch(() => false) : Promise.resolve(true);
}

/** Whether all these hosts are granted: the popup's preview of a tab's paper reads only what is. */
function granted(origins: string[]): Promise<boolean> {
  return origins.length ? browser.permissions.contains({ origins }).catch(() => false) : Promise.resolve(true);
}

const responder = createResponder({
  db,
  broadcast,
  repos,
  settings: settings.read,
  saveSettings: settings.save,
  relevance,
  links: linkResolver,
  granted,
  session: browser.storage.session,
  // An undone removal of a link's stand-in whose metadata came meanwhile: completed now (addressSaver, below).
  restored: (ids) => void addressSaver.restored(ids),
});

/**
 * The menu's and the shortcut's saves from an address (the popup's is a request, with the same resolver): saved at
 * once, as a stand-in if the metadata is slow, and completed when it comes (prompt-save.ts). Each write is marked in
 * flight as a request's is: a worker stopped between the write and its notice makes every tab re-read.
 */
const addressSaver = createPromptSaver({
  links: linkResolver,
  write: (run) => responder.write(async (sendNotice) => run(await db(), sendNotice)),
  session: browser.storage.session,
});
// Stand-ins an earlier worker saved and was stopped before completing.
void addressSaver.resume();

// Starting again after being stopped in the middle of a write: its notice may never have been sent, so every
// tab and page re-reads the saved state of what it shows.
void browser.storage.session
  .get(IN_FLIGHT_KEY)
  .then(async (found) => {
    if (!found[IN_FLIGHT_KEY]) return;
    if (responder.inFlight() === 0) await browser.storage.session.remove(IN_FLIGHT_KEY); // else the write now running clears it
    await broadcast({ type: 'reload' });
  })
  .catch(() => undefined);

// The settings (the GitHub token among them) are in the database, which content scripts, and so a compromised page
// process, cannot open. storage.local holds nothing now but settings an older build left (moved on start), and where
// the browser lets us say so (Chromium) content scripts may not read it either; Firefox keeps it open to them (bug
// 1724754), which is why the settings left it.
void (browser.storage.local as { setAccessLevel?: (options: { accessLevel: string }) => Promise<void> })
  .setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' })
  ?.catch(() => undefined); // a browser that has the method only for storage.session

/** Only this extension's own content scripts and pages may talk to the background. */
function trustedSender(sender: Runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id;
}

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  const type = (message as Notice | undefined)?.type;
  if (type === 'changed' || type === 'reload') return undefined; // our own broadcasts
  if (!trustedSender(sender)) {
    console.warn('Papershelf: rejected a message from', sender.url ?? sender.id);
    return undefined;
  }
  const base = browser.runtime.getURL('');
  if (!allowedRequest(type, sender.url, base, message)) {
    console.warn('Papershelf: rejected a request a web page may not make:', String(type).slice(0, 40));
    return Promise.resolve({ ok: false, error: { name: 'Error', message: 'Not available to web pages' } });
  }
  // A content script's write is answered with the paper's state only, never the whole record (PageResponses).
  return isExtensionPage(sender.url, base) ? responder.respond(message) : responder.respond(message).then((reply) => pageReply(type, reply));
});

// Optional sites: keep their content scripts in step with what the user granted (options page, or the
// browser's own site-access controls).
const sync = () => syncSiteScripts(SITE_SCRIPT_FILES).catch((error) => console.warn('Papershelf: site scripts:', error));
const count = () => updateToolbarCount(toolbar).catch((error) => console.warn('Papershelf: toolbar count:', error));
browser.runtime.onStartup.addListener(count);
browser.runtime.onInstalled.addListener(count);
// The badge caches let go of answers not asked for in a month (storage/repo-cache.ts), once a browser start or update:
// they gained an entry per repository and paper ever shown, and kept every one.
const prune = () => void db().then((open) => pruneCaches(open, Date.now())).catch((error) => console.warn('Papershelf: cache prune:', error));
browser.runtime.onStartup.addListener(prune);
browser.runtime.onInstalled.addListener(prune);
void settings.adopted.then((moved) => {
  if (moved) void count(); // as the moved settings say
});
browser.permissions.onAdded.addListener(sync);
browser.permissions.onRemoved.addListener(sync);
browser.runtime.onStartup.addListener(sync);
browser.runtime.onInstalled.addListener(sync);

// The keyboard shortcut: the active tab's content script knows which card is under the pointer or in focus; a paper's
// PDF (no content script, no card) is saved from its address, as the popup's Save would (shortcut.ts).
browser.commands.onCommand.addListener(onCommand);
// Under a name in the worker's own scope, as the menu's handler below: automation cannot press a browser shortcut.
(globalThis as { papershelfCommand?: typeof onCommand }).papershelfCommand = onCommand;

function onCommand(command: string, tab?: Tabs.Tab): void {
  if (command !== 'save-paper') return;
  if (!tab) {
    // A browser that passes no tab: the active one (a grant asked for now would be outside the key press, and refused).
    void browser.tabs.query({ active: true, currentWindow: true }).then(([active]) => active && onCommand(command, active));
    return;
  }
  const action = shortcutAction(tab);
  if (action?.kind === 'document') {
    saveDocument(action.url, askFor(originsFor(action.url))); // asked inside the key press, as for a link
    return;
  }
  if (!action) return;
  // The content script answers whether a card took it (content/start.ts). No card did, or no script is there: the
  // paper the address names, with the metadata hosts granted already (the key press is over: nothing can be asked).
  const byAddress = () => {
    const url = unansweredShortcut(tab.url);
    if (url) saveDocument(url, Promise.resolve());
  };
  browser.tabs.sendMessage(action.tabId, { type: 'save-shortcut' }).then((took) => took === false && byAddress(), byAddress);
}

/** Save the paper a tab's address names, once `asked` settles, and say how it went on the toolbar button. */
function saveDocument(url: string, asked: Promise<unknown>): void {
  void asked
    .then(() => addressSaver.save(url, url))
    .then(namedPaper)
    .then(
      (saved) => reportLinkSaved(saved.record.paper.title, toolbar),
      (error) => reportLinkProblem(url, error, toolbar),
    )
    .catch((error) => console.warn('Papershelf: the shortcut:', error));
}

// "Save to reading list" on paper links anywhere.
browser.runtime.onInstalled.addListener(() => {
  installMenu(browser.contextMenus, LINK_PATTERNS).catch((error) => console.warn('Papershelf: the link menu:', error));
});
browser.contextMenus.onClicked.addListener(onMenuClick);
// The popup took the last failed link save (to show it): the toolbar button goes back to the count.
browser.storage.onChanged.addListener((changes, area) => void (area === 'session' && LINK_PROBLEM_KEY in changes && count()));
// Under a name in the worker's own scope (which no page or content script can reach), so the end-to-end test can
// stand in for the native menu, which automation cannot open.
(globalThis as { papershelfMenuClick?: typeof onMenuClick }).papershelfMenuClick = onMenuClick;

function onMenuClick(info: Menus.OnClickData, tab?: Tabs.Tab): void {
  if (info.menuItemId !== MENU_ID || !info.linkUrl) return;
  // Read now: what the click gave may not outlive it (the test's stand-in for the click passes an object of the page
  // that called, which Firefox makes a dead object once that page closes).
  const linkUrl = info.linkUrl;
  const pageUrl = info.pageUrl ?? tab?.url;
  void askFor(originsFor(linkUrl)) // inside the click
    .then(() => addressSaver.save(linkUrl, pageUrl))
    .then(
      // The menu closes at once and the page shows nothing: the toolbar button says how it went.
      (saved) => (saved ? reportLinkSaved(saved.record.paper.title, toolbar) : reportLinkProblem(linkUrl, null, toolbar)),
      (error) => {
        console.warn('Papershelf: could not save the link:', error);
        return reportLinkProblem(linkUrl, error, toolbar);
      },
    )
    .catch((error) => console.warn('Papershelf: toolbar button:', error));
}
