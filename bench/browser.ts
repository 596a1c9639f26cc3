// One headless Chromium per configuration: with the built extension, or without it (the baseline). Both load
// the benchmark probe (bench/probe/) and the page-world timing script, so the two differ only by Papershelf.
// Pages are answered by request interception on their real URLs; nothing reaches the network (every other
// request is aborted, and host resolution fails for anything that slips past interception).
import { chromium, type BrowserContext, type CDPSession, type Page, type Worker } from 'playwright-core';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fail } from './fail';

export const PROBE = resolve('bench/probe');
export const PAGE_TIMING = resolve('bench/probe/page-timing.js');
export const POPUP_TIMING = resolve('bench/probe/popup-timing.js');

export interface Served {
  body: Buffer;
  contentType: string;
}

export interface Bench {
  readonly withExtension: boolean;
  readonly context: BrowserContext;
  /** Papershelf's id (null in the baseline). */
  readonly extensionId: string | null;
  /** Papershelf's service worker (null in the baseline). */
  worker(): Promise<Worker | null>;
  /** A new tab with a CDP session on which Performance metrics are enabled (thread time of the main thread). */
  newTab(): Promise<{ page: Page; cdp: CDPSession }>;
  close(): Promise<void>;
}

/**
 * Stop every service worker of a browser, as it stops an idle one after 30 s: the next page's first message starts
 * Papershelf's worker again, with nothing in memory.
 */
export async function stopServiceWorkers(context: BrowserContext): Promise<void> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
  await page.close();
  await new Promise((resolve) => setTimeout(resolve, 300)); // gone, not stopping
}

/** Copy the build, so a rebuild during the run (other work in the checkout) cannot swap files under us. */
export function snapshotBuild(dist = 'dist/chrome'): string {
  // On a fresh clone there is none yet: say so, rather than fail on the copy with ENOENT and a stack trace.
  if (!existsSync(join(dist, 'manifest.json'))) fail(`No build at ${dist}: run \`npm run build\` first`);
  const dir = mkdtempSync(join(tmpdir(), 'papershelf-bench-dist-'));
  cpSync(dist, dir, { recursive: true });
  return dir;
}

export async function launch(options: { extension: string | null; routes: Map<string, Served> }): Promise<Bench> {
  const profile = mkdtempSync(join(tmpdir(), 'papershelf-bench-profile-'));
  const extensions = [options.extension, PROBE].filter((x): x is string => !!x).join(',');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [
      `--disable-extensions-except=${extensions}`,
      `--load-extension=${extensions}`,
      '--host-resolver-rules=MAP * ~NOTFOUND',
      '--disable-background-networking',
      '--disable-component-update',
    ],
  });
  await context.addInitScript({ path: PAGE_TIMING });
  await context.addInitScript({ path: POPUP_TIMING });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('chrome-extension://')) return route.continue();
    const served = options.routes.get(url);
    if (!served) return route.abort('blockedbyclient');
    return route.fulfill({ status: 200, contentType: served.contentType, body: served.body });
  });

  let extensionId: string | null = null;
  const findWorker = async (): Promise<Worker | null> => {
    if (!options.extension) return null;
    // background.js; an older build's (`--dist`) crxjs module loader.
    const isOurs = (w: Worker) => /\/(background|service-worker-loader)\.js$/.test(w.url());
    return context.serviceWorkers().find(isOurs) ?? (await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 30_000 }));
  };
  if (options.extension) extensionId = new URL((await findWorker())!.url()).host;

  return {
    withExtension: !!options.extension,
    context,
    extensionId,
    worker: findWorker,
    async newTab() {
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      // Thread time: what the main thread spent working, not wall time it may have waited for a core.
      await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
      return { page, cdp };
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface MainThread {
  /** Seconds of main-thread work in tasks (all of it: parsing, script, style, layout, paint). */
  task: number;
  script: number;
  style: number;
  layout: number;
}

export async function mainThread(cdp: CDPSession): Promise<MainThread> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const get = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
  return { task: get('TaskDuration'), script: get('ScriptDuration'), style: get('RecalcStyleDuration'), layout: get('LayoutDuration') };
}

/**
 * The page's JavaScript heap in use (bytes) after a full garbage collection: what it keeps, the extension's isolated
 * world included (one V8 heap per page), not what it has made and let go.
 */
export async function heapKept(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
}

/**
 * Wait until the page's main thread is quiet (under 10 ms of tasks in a 250 ms window; at most `limitMs`), so work
 * the extension leaves for idle time (reading cards for relevance) is counted with what caused it, not with
 * whatever is measured next. Resolves with the metrics at that point.
 */
export async function untilQuiet(cdp: CDPSession, limitMs = 20_000): Promise<MainThread> {
  const WINDOW_MS = 250;
  const started = Date.now();
  let last = await mainThread(cdp);
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, WINDOW_MS));
    const now = await mainThread(cdp);
    if (now.task - last.task < 0.01 || Date.now() - started > limitMs) return now;
    last = now;
  }
}

export function minus(a: MainThread, b: MainThread): MainThread {
  return { task: a.task - b.task, script: a.script - b.script, style: a.style - b.style, layout: a.layout - b.layout };
}

/** Reject after `ms` (a broken page must not hang the whole benchmark). */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no result within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
