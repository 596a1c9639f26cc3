// Drives the *built* extension in real browsers: Debian Chromium through playwright-core and Firefox ESR
// through puppeteer-core over WebDriver BiDi. Pages are served on their real https URLs by request
// interception; every other request is aborted, so no test touches the network.
import { chromium, type BrowserContext, type Page as PwPage } from 'playwright-core';
import puppeteer, { type Browser as PpBrowser, type Page as PpPage } from 'puppeteer-core';
import { afterAll, beforeAll } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { FAKE_HOSTS } from './fake-api/server';
import type { SavedPaper } from '../../src/storage/schema';
import { emptyPaper } from '../../src/core/paper';

export interface Served {
  status?: number;
  contentType?: string;
  body: string;
}
/** Answers for intercepted URLs: exact URL, or a function for patterns. */
export type Routes = (url: string) => Served | undefined;

export interface OverlayInfo {
  id: string;
  hostAttributes: string[];
  /** null while the saved state is not known yet. */
  pressed: 'true' | 'false' | null;
  label: string | null;
  x: number;
  y: number;
  chips: string[];
  /** Each followed author's chip's `::before` content as computed: its star, and the star's alternative text after a `/`. */
  authorStars: string[];
  badges: { href: string; text: string }[];
  /** The relevance reason line when the card is marked relevant, else null. */
  relevance: string | null;
  /** The relevance mark has focus (inside the closed root). */
  markFocused: boolean;
  /** The overlay is dimmed ("Dim done"). */
  dimmed: boolean;
  /** The card stands out: a watched topic, a followed author. */
  watched: boolean;
  /** The card's status line (e.g. a failed write's message); '' when quiet. */
  message: string;
  /**
   * A saved paper's reading status (null when not saved): its button's accessible name and centre, whether the
   * statuses are open, those offered (label, aria-pressed, centre), and which of its controls has focus.
   */
  status: {
    label: string | null;
    x: number;
    y: number;
    open: boolean;
    choices: { label: string; pressed: string | null; x: number; y: number }[];
    /** 'status' (its button), a choice's label, or null. */
    focused: string | null;
  } | null;
  /** The overlay's controls exist (they are built when the card nears the viewport). */
  built: boolean;
  /** The overlay's style applies inside its root (its row is laid out as our style says). */
  styled: boolean;
  /**
   * The save button is drawn whole: inside its host's box (the row clips at it) and its text within its line. null
   * until built.
   */
  saveWhole: boolean | null;
  /** What the row's end (it fills the rest of the first line) is drawn over: nothing, as long as it works. */
  covered: string[];
}

export interface Tab {
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  /**
   * Overlays on the page, read through the test inspector extension, after scrolling once through the page while
   * some is unbuilt, or some card the content script identified has no overlay yet (it is far from the viewport).
   */
  overlays(): Promise<OverlayInfo[]>;
  /** Overlays as they are now, without scrolling (cards far from the viewport have none yet). */
  overlaysAsIs(): Promise<OverlayInfo[]>;
  /** Click the save control of the first card showing this paper, as a user would (real mouse). */
  clickSave(id: string): Promise<void>;
  /** Scroll down the page a screen at a time and back, as a reader would (overlays build and badges load when their card is seen). */
  scrollThrough(): Promise<void>;
  /** Move the real mouse over this paper's first card. */
  hover(id: string): Promise<void>;
  /**
   * A real mouse click at this point of the viewport (an overlay's control, from overlays()); `count` clicks in a row
   * make a double (2) or triple (3) click, each click's `detail` counting up as the browser counts a user's.
   */
  clickAt(x: number, y: number, count?: number): Promise<void>;
  /** Move the real mouse to this point of the viewport, and click nothing. */
  pointAt(x: number, y: number): Promise<void>;
  /** Make this the tab in front, as a reader looking at it (keys go to the tab in front). */
  toFront(): Promise<void>;
  /** Give the page a viewport of this size in CSS pixels, as a window resized to it. */
  resize(width: number, height: number): Promise<void>;
  evaluate<T>(fn: () => T): Promise<T>;
  /** Evaluate a script (a string, so data can be embedded as JSON) in the page's own world; promises are awaited. */
  run<T>(script: string): Promise<T>;
  /**
   * Chromium only: evaluate a script in Papershelf's content script's own world on this page (found over the DevTools
   * protocol), as a compromised page process could; promises are awaited, the value comes back as JSON.
   */
  inContentScript?(script: string): Promise<unknown>;
  /**
   * Chromium only: the accessible description of every node with this role and name in the page's accessibility tree
   * (what a screen reader reads; closed roots included), over the DevTools protocol. '' where it has none.
   */
  descriptions?(role: string, name: string): Promise<string[]>;
  waitFor(selector: string, timeoutMs?: number): Promise<void>;
  texts(selector: string): Promise<string[]>;
  click(selector: string): Promise<void>;
  close(): Promise<void>;
  /** Focus the (first) element and type with the real keyboard, one key at a time. */
  type(selector: string, text: string): Promise<void>;
  /** Press one key (`Escape`, `Enter`, `Backspace`, …) on whatever has focus. */
  press(key: string): Promise<void>;
  /** Pick the option with this value in a <select>, as a user would (input and change events fire). */
  select(selector: string, value: string): Promise<void>;
  /** The value of every matching form control; checkboxes and radios give 'true'/'false' (checked). */
  values(selector: string): Promise<string[]>;
  /** Choose a file for an <input type=file>, as the file picker would. */
  upload(selector: string, path: string): Promise<void>;
  /** Click the element and wait for the download it starts; the file as the browser saved it. */
  download(selector: string): Promise<{ filename: string; text: string }>;
}

export interface Harness {
  readonly name: 'chromium' | 'firefox';
  newTab(): Promise<Tab>;
  /** A tab with the popup page open (as a normal tab: same document the toolbar popup shows). */
  openPopup(): Promise<Tab>;
  /**
   * The popup as the toolbar button opens it over this tab: the tab brought to the front of the browser window, the
   * popup page in a window of its own (automation cannot click the toolbar button), so the tab it looks at is this one.
   */
  openPopupOver(tab: Tab): Promise<Tab>;
  /** A tab with one of the extension's pages open, e.g. `src/options/index.html`; resolves once `ready` is there. */
  openExtensionPage(path: string, ready: string): Promise<Tab>;
  /** A selector for the element with this ARIA role and exact accessible name, in this driver's syntax. */
  byRole(role: string, name: string): string;
  /** Chromium only: stop the extension's service worker now, as the browser may at any moment (DevTools protocol). */
  stopServiceWorker?(): Promise<void>;
  /** Chromium only: whether the extension's service worker is running or starting (DevTools protocol), starting none. */
  serviceWorkerRunning?(): Promise<boolean>;
  /** Chromium only: run a script in the extension's service worker (the test stands in for browser UI automation cannot reach). */
  inServiceWorker?(script: string): Promise<unknown>;
  /**
   * A click on one of the extension's context-menu items, as the browser reports it (automation cannot open the
   * native menu): calls the handler the background keeps as `papershelfMenuClick` (see README "Testing hooks").
   */
  menuClick(info: Record<string, unknown>): Promise<void>;
  /**
   * The extension's keyboard shortcut (`save-paper`) pressed with this tab in front, as the browser reports it
   * (automation cannot press a browser's shortcut): calls the handler the background keeps as `papershelfCommand`.
   * `url`: the tab's address as the key press's activeTab grant gives it, where the test's build has no host
   * permission to read it (the tab the browser reports then has none).
   */
  pressShortcut(tab: Tab, url?: string): Promise<void>;
  close(): Promise<void>;
}

const INSPECTOR = resolve('test/e2e/inspector');
/** Requests that go on to the fake API server (test/e2e/fake-api). */
const FAKE_API = /^https:\/\/(api\.github\.com\/|huggingface\.co\/api\/|export\.arxiv\.org\/api\/|doi\.org\/)/;
const FIREFOX_UUID = '6b1c2b0e-3f5a-4c1e-9a61-0d1e2f3a4b5c';
const GECKO_ID = 'papershelf@papershelf.dev';

const STAND_IN_CSS = readFileSync('test/fixtures/huggingface/stand-in.css', 'utf8');

/** A saved Hugging Face page with a stand-in for its stylesheets (see stand-in.css), as the browser would lay it out. */
export function withStandInStyle(html: string): string {
  return html.replace('</head>', `<style>${STAND_IN_CSS}</style></head>`);
}

/** Poll `fn` until it returns a truthy value (or throw with the last value after `timeoutMs`). */
export async function until<T>(fn: () => Promise<T | false | null | undefined>, what: string | (() => Promise<string>), timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | false | null | undefined;
  do {
    last = await fn();
    if (last) return last;
    await new Promise((r) => setTimeout(r, 50));
  } while (Date.now() < deadline);
  // A wait that says what it saw when it gave up (`what` as a function: read then), so a timeout on a busy machine can be told from a bug.
  const said = typeof what === 'string' ? what : await what().catch((e: unknown) => `(its state could not be read: ${String(e)})`);
  throw new Error(`Timed out waiting for ${said}; last value: ${JSON.stringify(last)}`);
}

async function inspectOverlays(evaluate: <T>(fn: () => T) => Promise<T>): Promise<OverlayInfo[]> {
  const json = await evaluate(() => {
    document.dispatchEvent(new Event('papershelf-inspect'));
    return document.documentElement.getAttribute('data-papershelf-inspector');
  });
  return json ? (JSON.parse(json) as OverlayInfo[]) : [];
}

/** The page-level relevance control's buttons as drawn, with their centres on screen (the inspector reads them). */
export async function shownControls(tab: Tab): Promise<{ label: string; pressed: string | null; disabled: string | null; x: number; y: number }[]> {
  const json = await tab.evaluate(() => {
    document.dispatchEvent(new Event('papershelf-inspect-controls'));
    return document.documentElement.getAttribute('data-papershelf-inspector-controls');
  });
  return json ? JSON.parse(json) : [];
}

/**
 * Overlays build their controls (and fetch their badges) when their card nears the viewport (issue #7): scroll down
 * the page a screen at a time, as a reader would, then back to where the page was. Used by scrollThrough, and by
 * reading all overlays while some is still unbuilt.
 */
const SWEEP = `(async () => {
  const start = window.scrollY;
  // A frame, or 250 ms where frames are not drawn (a tab in the background).
  const frame = () => new Promise((r) => { requestAnimationFrame(() => setTimeout(r, 0)); setTimeout(r, 250); });
  for (let y = 0; ; y += window.innerHeight) {
    window.scrollTo(0, y);
    await frame();
    await frame();
    if (y + window.innerHeight >= document.documentElement.scrollHeight) break;
  }
  window.scrollTo(0, start);
  await frame();
})()`;

async function readOverlays(
  evaluate: <T>(fn: () => T) => Promise<T>,
  run: (script: string) => Promise<unknown>,
  toFront: () => Promise<void>,
): Promise<OverlayInfo[]> {
  const found = await inspectOverlays(evaluate);
  // A card far from the viewport has no host until it nears it: the content script's User Timing mark says how many
  // cards it has identified (src/content/annotator.ts, ANNOTATED_MARK). Before the first pass is done, what is there.
  const identified = await evaluate(() => {
    const marks = performance.getEntriesByName('papershelf:annotated') as PerformanceMark[];
    return marks.length ? Number((marks.at(-1)!.detail as { cards?: number } | null)?.cards ?? 0) : null;
  });
  if (found.every((o) => o.built) && (identified === null || found.length >= identified)) return found;
  // A background tab draws no frames, so nothing in it is near a viewport: look at it, as a reader would.
  await toFront();
  await run(SWEEP);
  return inspectOverlays(evaluate);
}

function scrollScript(id: string): string {
  // An overlay not built yet is a hidden host (no box to scroll to): scroll to where it sits instead.
  return `(h => (h && h.hidden ? h.parentElement : h)?.scrollIntoView({ block: 'center' }))(document.querySelector('papershelf-overlay[data-papershelf-id="${id.replace(/["\\]/g, '')}"]'))`;
}

function formValues(els: Element[]): string[] {
  return els.map((e) => {
    const input = e as HTMLInputElement;
    return input.type === 'checkbox' || input.type === 'radio' ? String(input.checked) : input.value;
  });
}

// ------------------------------------------------------------------------------------------ both browsers

/** Write `records` into the reading list from an extension page, as an import does (the background's `putMany`). */
export function putRecords(page: Tab, records: readonly SavedPaper[]): Promise<{ ok: boolean }> {
  return page.run<{ ok: boolean }>(`(globalThis.browser ?? globalThis.chrome).runtime.sendMessage({ type: 'putMany', payload: { records: ${JSON.stringify(records)} } })`);
}

/**
 * A paper saved from elsewhere, on no test page and like none of their cards (its title shares no word with them).
 * Relevance marks and the page control come only with something saved to be like (background/handlers.ts).
 */
export const ELSEWHERE: SavedPaper = {
  id: 'arxiv:1802.00001',
  paper: { ...emptyPaper('arxiv:1802.00001', 'Quokka sonnets in Old Norse', { site: 'arxiv', page: 'abs' }), url: 'https://arxiv.org/abs/1802.00001' },
  status: 'to-read',
  tags: [],
  note: '',
  savedFrom: 'https://arxiv.org/abs/1802.00001',
  savedAt: 1_700_000_000_000,
  updatedAt: 1_700_000_000_000,
};

/** Saves ELSEWHERE through an extension page, as an import would. */
export async function saveElsewhere(harness: Harness): Promise<void> {
  const library = await harness.openExtensionPage('src/library/index.html', '.library');
  try {
    if (!(await putRecords(library, [ELSEWHERE])).ok) throw new Error('the paper from elsewhere was not saved');
  } finally {
    await library.close();
  }
}

/**
 * Removes ELSEWHERE again, in an open extension page. A profile of the whole list scores cards (core/relevance), so an
 * unrelated paper beside one saved paper halves every card's score: a test that counts marks takes it away first.
 */
export async function removeElsewhere(page: Tab): Promise<void> {
  const reply = await page.run<{ ok: boolean }>(`(globalThis.browser ?? globalThis.chrome).runtime.sendMessage({ type: 'remove', payload: { id: '${ELSEWHERE.id}' } })`);
  if (!reply.ok) throw new Error('the paper from elsewhere was not removed');
}

/**
 * A snapshot record (storage/snapshots.ts: `saved-ids`, `relevance-index`) and the list's generation, read in one
 * transaction from an extension page, as the database holds them; a Blob field comes back as its bytes.
 */
export async function storedSnapshot(harness: Harness, key: string): Promise<{ token?: string; ids?: string[]; index?: number[] | null; generation?: string }> {
  const page = await harness.openExtensionPage('src/options/index.html', 'form');
  try {
    return await page.run(`new Promise((resolve, reject) => {
      const open = indexedDB.open('papershelf');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const tx = open.result.transaction(['meta', 'snapshots']);
        const snap = tx.objectStore('snapshots').get(${JSON.stringify(key)});
        const gen = tx.objectStore('meta').get('list-generation');
        tx.oncomplete = async () => {
          open.result.close();
          const index = snap.result?.index;
          resolve({
            token: snap.result?.token,
            ids: snap.result?.ids,
            index: index instanceof Blob ? Array.from(new Uint8Array(await index.arrayBuffer())) : index === undefined ? undefined : null,
            generation: gen.result?.token,
          });
        };
      };
    })`);
  } finally {
    await page.close();
  }
}

/** The reader's own browser settings, as set in its preferences before it starts. */
export interface ReaderSettings {
  /** The smallest font size the browser draws text at, in CSS px (a low-vision setting; none by default). */
  minimumFontSize?: number;
}

/** Each browser with its build under `dist` (`dist/chrome`, `dist/firefox`), for `describe.each`. */
export function bothBrowsers(routes: Routes, dist = 'dist', settings: ReaderSettings = {}) {
  return [
    ['chromium', () => launchChromium(join(dist, 'chrome'), routes, settings)],
    ['firefox', () => launchFirefox(join(dist, 'firefox'), routes, settings)],
  ] as const;
}

/**
 * A copy of the builds for one test file, made before anything launches and removed after: browsers read extension
 * files lazily, and a build running meanwhile (another engineer, a CI check on this machine) would swap them mid-test.
 */
export function copiedBuilds(name: string, builds: readonly ('chrome' | 'firefox')[] = ['chrome', 'firefox']): string {
  const dist = mkdtempSync(join(tmpdir(), `papershelf-${name}-dist-`));
  beforeAll(() => {
    for (const build of builds) cpSync(join('dist', build), join(dist, build), { recursive: true });
  });
  afterAll(() => rmSync(dist, { recursive: true, force: true }));
  return dist;
}

/** What either driver's page offers the methods both harnesses' tabs share (Playwright's and Puppeteer's alike). */
interface DriverPage {
  evaluate(fn: string | (() => unknown)): Promise<unknown>;
  goto(url: string): Promise<unknown>;
  reload(): Promise<unknown>;
  bringToFront(): Promise<void>;
  mouse: { click(x: number, y: number): Promise<void>; move(x: number, y: number): Promise<void> };
}

/** A tab's methods that are the same in both browsers: navigation, overlays read and clicked, the real mouse. */
function pageTab(page: DriverPage): Pick<Tab, 'goto' | 'reload' | 'overlays' | 'overlaysAsIs' | 'clickSave' | 'scrollThrough' | 'hover' | 'pointAt' | 'toFront' | 'evaluate'> {
  const evaluate = <T>(fn: () => T) => page.evaluate(fn) as Promise<T>;
  const run = (script: string) => page.evaluate(script);
  const toFront = () => page.bringToFront();
  /** The position of this paper's first overlay, scrolled to (a card far down has no overlay to scroll to until read). */
  const reach = async (id: string) => {
    await readOverlays(evaluate, run, toFront);
    await page.evaluate(scrollScript(id));
    const target = (await readOverlays(evaluate, run, toFront)).find((o) => o.id === id);
    if (!target) throw new Error(`no overlay for ${id}`);
    return target;
  };
  return {
    goto: async (url) => void (await page.goto(url)),
    reload: async () => void (await page.reload()),
    overlays: () => readOverlays(evaluate, run, toFront),
    overlaysAsIs: () => inspectOverlays(evaluate),
    async clickSave(id) {
      const target = await reach(id);
      await page.mouse.click(target.x, target.y);
    },
    async scrollThrough() {
      await toFront(); // background tabs get no rendering updates, so no intersection callbacks
      await run(SWEEP);
    },
    async hover(id) {
      const target = await reach(id);
      await page.mouse.move(target.x + 200, target.y);
    },
    pointAt: (x, y) => page.mouse.move(x, y),
    toFront,
    evaluate,
  };
}

// ---------------------------------------------------------------------------------------------- Chromium

export async function launchChromium(dist: string, routes: Routes, settings: ReaderSettings = {}): Promise<Harness> {
  const profile = mkdtempSync(join(tmpdir(), 'papershelf-chromium-'));
  if (settings.minimumFontSize) {
    const size = settings.minimumFontSize;
    mkdirSync(join(profile, 'Default'));
    writeFileSync(join(profile, 'Default', 'Preferences'), JSON.stringify({ webkit: { webprefs: { minimum_font_size: size, minimum_logical_font_size: size } } }));
  }
  const extensions = `${resolve(dist)},${INSPECTOR}`;
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    ignoreHTTPSErrors: true, // the fake API's test certificate
    args: [
      `--disable-extensions-except=${extensions}`,
      `--load-extension=${extensions}`,
      // API hosts go to the fake API on this machine; pages are still answered by interception below.
      `--host-resolver-rules=${FAKE_HOSTS.map((h) => `MAP ${h} 127.0.0.1`).join(', ')}`,
      '--ignore-certificate-errors',
    ],
  });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('chrome-extension://')) return route.continue();
    if (FAKE_API.test(url)) return route.continue(); // to the fake API server
    const served = routes(url);
    if (!served) return route.abort('blockedbyclient');
    return route.fulfill({ status: served.status ?? 200, contentType: served.contentType ?? 'text/html; charset=utf-8', body: served.body });
  });
  const worker = context.serviceWorkers().find((w) => w.url().endsWith('/background.js')) ??
    (await context.waitForEvent('serviceworker', { predicate: (w) => w.url().endsWith('/background.js') }));
  const extensionId = new URL(worker.url()).host;

  const inServiceWorker = async (script: string): Promise<unknown> => {
    const worker = context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`));
    if (!worker) throw new Error('the extension has no running service worker');
    return worker.evaluate(script);
  };

  const wrap = (page: PwPage): Tab => {
    return {
      ...pageTab(page),
      clickAt: (x, y, count = 1) => page.mouse.click(x, y, { clickCount: count }),
      resize: (width, height) => page.setViewportSize({ width, height }),
      run: (script) => page.evaluate(script),
      async inContentScript(script) {
        const cdp = await context.newCDPSession(page);
        try {
          const worlds: { id: number; origin: string }[] = [];
          cdp.on('Runtime.executionContextCreated', ({ context: world }) => worlds.push({ id: world.id, origin: world.origin }));
          await cdp.send('Runtime.enable'); // reports every world already there
          const ours = worlds.find((world) => world.origin === `chrome-extension://${extensionId}`);
          if (!ours) throw new Error(`no Papershelf content script world in ${JSON.stringify(worlds)}`);
          const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { expression: script, contextId: ours.id, awaitPromise: true, returnByValue: true });
          if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
          return result.value;
        } finally {
          await cdp.detach();
        }
      },
      async descriptions(role, name) {
        const cdp = await context.newCDPSession(page);
        try {
          const { nodes } = await cdp.send('Accessibility.getFullAXTree');
          return nodes
            .filter((node) => !node.ignored && node.role?.value === role && node.name?.value === name)
            .map((node) => String(node.description?.value ?? ''));
        } finally {
          await cdp.detach();
        }
      },
      waitFor: async (selector, timeout = 10_000) => void (await page.waitForSelector(selector, { timeout })),
      texts: (selector) => page.locator(selector).allInnerTexts(),
      click: (selector) => page.locator(selector).first().click(),
      close: () => page.close(),
      type: (selector, text) => page.locator(selector).first().pressSequentially(text),
      press: (key) => page.keyboard.press(key),
      select: async (selector, value) => void (await page.locator(selector).first().selectOption(value)),
      values: (selector) => page.locator(selector).evaluateAll(formValues),
      upload: (selector, path) => page.locator(selector).first().setInputFiles(path),
      async download(selector) {
        const [download] = await Promise.all([page.waitForEvent('download'), page.locator(selector).first().click()]);
        const failure = await download.failure();
        if (failure) throw new Error(`download failed: ${failure}`);
        return { filename: download.suggestedFilename(), text: readFileSync(await download.path(), 'utf8') };
      },
    };
  };

  return {
    name: 'chromium',
    newTab: async () => wrap(await context.newPage()),
    async openPopup() {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/src/popup/index.html`);
      return wrap(page);
    },
    async openPopupOver(tab) {
      await tab.toFront();
      const url = `chrome-extension://${extensionId}/src/popup/index.html`;
      const [page] = await Promise.all([
        context.waitForEvent('page', { predicate: (p) => p.url() === url }),
        inServiceWorker(`chrome.windows.create({ url: ${JSON.stringify(url)}, type: 'popup' }).then(() => true)`),
      ]);
      await page.waitForSelector('main.app');
      return wrap(page);
    },
    async openExtensionPage(path, ready) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      await page.waitForSelector(ready);
      return wrap(page);
    },
    // Playwright's role engine: exact, case-sensitive name.
    byRole: (role, name) => `role=${role}[name=${JSON.stringify(name)}s]`,
    inServiceWorker,
    async menuClick(info) {
      await inServiceWorker(`globalThis.papershelfMenuClick(${JSON.stringify(info)}, undefined)`);
    },
    async pressShortcut(tab, url) {
      await tab.toFront();
      const granted = url ? `{ ...tab, url: ${JSON.stringify(url)} }` : 'tab';
      await inServiceWorker(`chrome.tabs.query({ active: true, lastFocusedWindow: true }).then(([tab]) => globalThis.papershelfCommand('save-paper', ${granted}))`);
    },
    async stopServiceWorker() {
      // The ServiceWorker domain lives on page targets; any page of the profile can stop the workers.
      const page = context.pages()[0] ?? (await context.newPage());
      const session = await context.newCDPSession(page);
      try {
        await session.send('ServiceWorker.enable');
        await session.send('ServiceWorker.stopAllWorkers');
      } finally {
        await session.detach().catch(() => {});
      }
    },
    async serviceWorkerRunning() {
      // Enabling the domain reports every worker version's running status; an evaluation in the worker would start it.
      const page = context.pages()[0] ?? (await context.newPage());
      const session = await context.newCDPSession(page);
      const status = new Map<string, string>();
      session.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
        for (const v of versions) if (v.scriptURL.startsWith(`chrome-extension://${extensionId}/`)) status.set(v.versionId, v.runningStatus);
      });
      try {
        await session.send('ServiceWorker.enable');
        await new Promise((r) => setTimeout(r, 100)); // the versions are reported as events, after the answer
        return [...status.values()].some((s) => s === 'running' || s === 'starting');
      } finally {
        await session.detach().catch(() => {});
      }
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

// ----------------------------------------------------------------------------------------------- Firefox

export async function launchFirefox(dist: string, routes: Routes, settings: ReaderSettings = {}): Promise<Harness> {
  const browser: PpBrowser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    headless: true,
    protocol: 'webDriverBiDi',
    args: ['--remote-allow-system-access'],
    acceptInsecureCerts: true, // the fake API's test certificate
    extraPrefsFirefox: {
      // A fixed internal UUID makes the popup URL known in advance.
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
      // API hosts go to the fake API on this machine; pages are still answered by interception below.
      'network.dns.localDomains': FAKE_HOSTS.join(','),
      // Optional host permissions asked from the options page are granted without the (unclickable) prompt.
      'extensions.webextOptionalPermissionPrompts': false,
      // The event page sleeps after 5 minutes idle, not 30 s: the tests stand in for events automation cannot send (the
      // link menu's click, called on the page through getBackgroundPage), and such a call, unlike the event, does not
      // keep it awake while the work it started goes on. (It was suspected of save-link.e2e.ts's Firefox flake and ruled
      // out: the flake came back with it, and its cause was the click's data dying with the page that passed it.)
      'extensions.background.idle.timeout': 300_000,
      ...(settings.minimumFontSize ? { 'font.minimum-size.x-western': settings.minimumFontSize } : {}),
    },
  });
  await browser.installExtension(resolve(dist));
  await browser.installExtension(INSPECTOR);

  const intercept = async (page: PpPage) => {
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      const url = request.url();
      if (url.startsWith('moz-extension://') || FAKE_API.test(url)) return void request.continue();
      const served = routes(url);
      if (!served) return void request.abort('blockedbyclient');
      void request.respond({ status: served.status ?? 200, contentType: served.contentType ?? 'text/html; charset=utf-8', body: served.body });
    });
  };

  const openExtensionPage = async (path: string, ready: string) => {
    const page = await browser.newPage();
    // With --remote-allow-system-access, goto on moz-extension:// never resolves: start it, then wait.
    void page.goto(`moz-extension://${FIREFOX_UUID}/${path}`).catch(() => {});
    // The page may still be swapping from about:blank: a query can fail mid-navigation, so poll.
    await until(() => page.$(ready).catch(() => null), `${path}`, 10_000);
    return wrap(page);
  };

  const wrap = (page: PpPage): Tab => {
    return {
      ...pageTab(page),
      // Firefox counts the clicks of one action chain (WebDriver BiDi), each click of its own chain is a first one.
      clickAt: (x, y, count = 1) => page.mouse.click(x, y, { count }),
      resize: (width, height) => page.setViewport({ width, height }),
      run: (script) => page.evaluate(script) as Promise<never>,
      waitFor: async (selector, timeout = 10_000) => void (await page.waitForSelector(selector, { timeout })),
      texts: (selector) => page.$$eval(selector, (els) => els.map((e) => (e as HTMLElement).innerText)),
      click: async (selector) => void (await page.click(selector)),
      close: () => page.close(),
      type: (selector, text) => page.type(selector, text),
      press: (key) => page.keyboard.press(key as Parameters<typeof page.keyboard.press>[0]),
      select: async (selector, value) => void (await page.select(selector, value)),
      values: (selector) => page.$$eval(selector, formValues),
      async upload(selector, path) {
        const input = await page.$(selector);
        if (!input) throw new Error(`no element for ${selector}`);
        await (input as import('puppeteer-core').ElementHandle<HTMLInputElement>).uploadFile(path);
      },
      async download(selector) {
        // Downloads go to a fresh folder of our own (WebDriver BiDi browser.setDownloadBehavior; puppeteer has no
        // public call for the default context), never to the user's Downloads folder.
        const folder = mkdtempSync(join(tmpdir(), 'papershelf-download-'));
        try {
          await (browser as unknown as { connection: { send(method: string, params: object): Promise<unknown> } }).connection.send(
            'browser.setDownloadBehavior',
            { downloadBehavior: { type: 'allowed', destinationFolder: folder } },
          );
          await page.click(selector);
          // Firefox may write under one name and rename it: a file is taken once it is there, whole (no .part), with the
          // same name and size at two polls in a row; one gone between listing and stat is not there yet.
          let seen = '';
          const filename = await until(async () => {
            const names = readdirSync(folder);
            const sizes = names.map((n) => `${n}:${statSync(join(folder, n), { throwIfNoEntry: false })?.size ?? 0}`);
            const done = names.length === 1 && !names[0]!.endsWith('.part') && !sizes[0]!.endsWith(':0') ? sizes[0]! : '';
            const stable = done !== '' && done === seen;
            seen = done;
            return stable && names[0];
          }, 'the download to finish', 10_000);
          return { filename, text: readFileSync(join(folder, filename), 'utf8') };
        } finally {
          rmSync(folder, { recursive: true, force: true });
        }
      },
    };
  };

  return {
    name: 'firefox',
    async newTab() {
      const page = await browser.newPage();
      await intercept(page);
      return wrap(page);
    },
    openPopup: () => openExtensionPage('src/popup/index.html', 'main.app'),
    async openPopupOver(tab) {
      // An extension page of ours opens the window (a page of the add-on may); the tab is brought to the front after it.
      const opener = await openExtensionPage('src/options/index.html', 'form');
      await tab.toFront();
      const url = `moz-extension://${FIREFOX_UUID}/src/popup/index.html`;
      const before = new Set(await browser.pages());
      await opener.run(`browser.windows.create({ url: ${JSON.stringify(url)}, type: 'popup' }).then(() => true)`);
      // Under BiDi an extension page's address reads about:blank to puppeteer (as with goto, above): the new page is it.
      const page = await until(async () => (await browser.pages()).find((p) => !before.has(p)), 'the popup window', 10_000);
      await until(() => page.$('main.app').catch(() => null), 'the popup window', 10_000);
      await opener.close();
      return wrap(page);
    },
    openExtensionPage,
    // Puppeteer's ARIA query handler (the accessibility tree, over WebDriver BiDi).
    byRole: (role, name) => `::-p-aria([name=${JSON.stringify(name)}][role=${JSON.stringify(role)}])`,
    async pressShortcut(tab, url) {
      const page = await openExtensionPage('src/options/index.html', 'form');
      try {
        await tab.toFront();
        const granted = url ? `{ ...tab, url: ${JSON.stringify(url)} }` : 'tab';
        await page.run(
          `Promise.all([browser.runtime.getBackgroundPage(), browser.tabs.query({ active: true, currentWindow: true })]).then(([bg, [tab]]) => bg.papershelfCommand('save-paper', ${granted}))`,
        );
      } finally {
        await page.close();
      }
    },
    async menuClick(info) {
      // Firefox's background is an event page: an extension page of the same add-on can reach its window.
      const page = await openExtensionPage('src/options/index.html', 'form');
      try {
        await page.run(
          // The click's data made in the event page's own realm, as the browser's would be: an object of this page
          // would be a dead object there once this page closes.
          `browser.runtime.getBackgroundPage().then((bg) => bg.papershelfMenuClick(bg.JSON.parse(${JSON.stringify(JSON.stringify(info))}), undefined))`,
        );
      } finally {
        await page.close();
      }
    },
    close: () => browser.close(),
  };
}
