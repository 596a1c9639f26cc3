// Page figures: one load of a synthetic listing page (and, on request, 50 cards appended to it afterwards), timed
// by the page-world script (bench/probe/page-timing.js) and the DevTools protocol's Performance metrics.
import type { Page } from 'playwright-core';
import type { Bench, MainThread } from './browser';
import { heapKept, mainThread, minus, untilQuiet, within } from './browser';
import { moreCards, type BenchPage, type Site } from './pages';
import { CAUSED_CATEGORIES, sampledMs, startTracing, tasksCaused, type CpuProfile } from './tracing';

export interface LongTask {
  start: number;
  duration: number;
}

export interface LoadSample {
  /** performance.now() ms from navigation start. */
  dcl: number;
  load: number;
  /** The extension's mark says every card identified, its saved state asked (null in the baseline). */
  identifiedAt: number | null;
  /** Every overlay knows its saved state (null in the baseline). */
  knownAt: number | null;
  /**
   * Loaded (and, with the extension, every card annotated), the probe's observer pass over every card made (on both
   * sides: see bench/probe/probe.js), after the next frame was drawn.
   */
  settledAt: number;
  /** The load event, after the next frame: the page's own settle for the cards-on-screen figure (no probe pass). */
  loadFramedAt: number;
  /** Every card on screen at load shows its overlay with its saved state (null in the baseline), and that plus the load event after the next frame. */
  screenAt: number | null;
  screenSettledAt: number | null;
  /** Main-thread work from navigation until settled plus the quiet period. */
  main: MainThread;
  /** Main-thread work from navigation until the main thread is quiet (work left for idle time included). */
  mainQuiet: MainThread;
  /** Long tasks (>= 50 ms) that started after DOMContentLoaded, until quiet; the extension's script starts there. */
  longTasksAfterDcl: LongTask[];
  /** Overlay hosts in the page when settled: only the cards near the viewport have one. */
  overlays: number;
  /** The JavaScript heap kept at the end of the tab's run (after any appends and scroll), collected first (bytes). */
  heapKept?: number;
}

export interface AppendSample {
  /** ms from the append until 50 more cards are identified / annotated (known, and built if on screen) / the next frame is drawn. */
  identified: number | null;
  known: number | null;
  framed: number;
  /** Main-thread work from the append until quiet. */
  main: MainThread;
  longTasks: LongTask[];
}

export interface ScrollSample {
  /** Main-thread work from the first step until quiet after the last (ms). */
  main: MainThread;
  /** Each step's time from scrollBy until its frame was drawn (ms). */
  frames: number[];
  longTasks: LongTask[];
}

/** A reader scrolling down: SCROLL_STEPS steps of SCROLL_PX, each waiting for its frame to be drawn. */
export const SCROLL_STEPS = 60;
export const SCROLL_PX = 300;
export const SCROLL_SCRIPT = `(async () => {
  const frames = [];
  for (let i = 0; i < ${SCROLL_STEPS}; i++) {
    const t = performance.now();
    window.scrollBy(0, ${SCROLL_PX});
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    frames.push(performance.now() - t);
  }
  return frames;
})()`;

/** After the result, how long to wait before reading the metrics, for stragglers (badge requests and the like). */
const QUIET_MS = 300;

interface PageBench {
  dcl: number | null;
  load: number | null;
  identifiedAt: number | null;
  identified: number;
  knownAt: number | null;
  screenAt: number | null;
  screenFramedAt: number | null;
  loadFramedAt: number | null;
  mounted: number;
  longTasks: LongTask[];
  settled(needKnown: boolean): Promise<number>;
  append(html: string, selector: string, position: string, count: number, needKnown: boolean): Promise<{ start: number; identifiedAt: number | null; knownAt: number | null; framed: number }>;
}
/** The page-world script's object (the callbacks below run in the page). */
declare global {
  // eslint-disable-next-line no-var
  var __papershelfBench: PageBench | undefined;
}

/**
 * Load a bench page in the tab and wait until it has settled (loaded, and with the extension every card annotated;
 * see bench/probe). Resolves with the settle time, ms from navigation.
 */
export async function loadSettled(tab: Page, url: string, needKnown: boolean, timeoutMs = 180_000): Promise<number> {
  await tab.goto(url, { waitUntil: 'commit', timeout: 120_000 });
  await tab.waitForFunction(() => !!globalThis.__papershelfBench, undefined, { timeout: 60_000 });
  return within(tab.evaluate((need) => globalThis.__papershelfBench!.settled(need), needKnown), timeoutMs, `${url} settling`);
}

/** The infinite-list step: `count` more cards of `site`, numbered from `from`, appended to the loaded page (bench/probe). */
export function appendCards(tab: Page, site: Site, from: number, count: number, needKnown: boolean) {
  const more = moreCards(site, from, count);
  return within(
    tab.evaluate(
      ([html, target, position, n, need]) => globalThis.__papershelfBench!.append(html, target, position, n, need),
      [more.html, more.target, more.position, count, needKnown] as const,
    ),
    60_000,
    `${site} append`,
  );
}

export async function measureLoad(
  bench: Bench,
  page: BenchPage,
  append?: { from: number; count: number; times?: number },
  scroll = false,
): Promise<{ load: LoadSample; append?: AppendSample[]; scroll?: ScrollSample }> {
  const { page: tab, cdp } = await bench.newTab();
  try {
    const needKnown = bench.withExtension;
    const settledAt = await loadSettled(tab, page.url, needKnown);
    await tab.waitForTimeout(QUIET_MS);
    const main = await mainThread(cdp);
    // Then until the main thread is quiet: the load's idle-time work belongs to the load, and must not be counted
    // as the append's.
    const mainQuiet = await untilQuiet(cdp);
    const state = await tab.evaluate(() => {
      const b = globalThis.__papershelfBench!;
      return { dcl: b.dcl!, load: b.load!, loadFramedAt: b.loadFramedAt!, identifiedAt: b.identifiedAt, identified: b.identified, knownAt: b.knownAt, screenAt: b.screenAt, screenFramedAt: b.screenFramedAt, mounted: b.mounted, longTasks: b.longTasks };
    });
    const load: LoadSample = {
      dcl: state.dcl,
      load: state.load,
      loadFramedAt: state.loadFramedAt,
      identifiedAt: needKnown ? state.identifiedAt : null,
      knownAt: needKnown ? state.knownAt : null,
      settledAt,
      screenAt: needKnown ? state.screenAt : null,
      screenSettledAt: needKnown && state.screenFramedAt !== null && state.screenFramedAt > 0 ? state.screenFramedAt : null,
      main,
      mainQuiet,
      longTasksAfterDcl: state.longTasks.filter((t) => t.start >= state.dcl),
      overlays: state.mounted,
    };
    if (needKnown && state.identified !== page.cards) throw new Error(`${page.url}: ${state.identified} cards identified of ${page.cards}`);
    const scrolled = async (): Promise<ScrollSample> => {
      const before = await untilQuiet(cdp);
      const tasksBefore = await tab.evaluate(() => globalThis.__papershelfBench!.longTasks.length);
      const frames = (await tab.evaluate(SCROLL_SCRIPT)) as number[];
      await tab.waitForTimeout(QUIET_MS);
      const after = await untilQuiet(cdp);
      const longTasks = await tab.evaluate((k) => globalThis.__papershelfBench!.longTasks.slice(k), tasksBefore);
      return { main: minus(after, before), frames, longTasks };
    };
    // Last, so the collection it forces changes none of the figures above.
    const kept = async <T extends object>(result: T): Promise<T> => {
      load.heapKept = await heapKept(cdp);
      return result;
    };
    if (!append) return await kept(scroll ? { load, scroll: await scrolled() } : { load });

    const appended: AppendSample[] = [];
    let tasksBefore = state.longTasks.length;
    let before = await mainThread(cdp);
    for (let k = 0; k < (append.times ?? 1); k++) {
      const result = await appendCards(tab, page.site, append.from + k * append.count, append.count, needKnown);
      await tab.waitForTimeout(QUIET_MS);
      const after = await untilQuiet(cdp);
      const longTasks = await tab.evaluate((n) => globalThis.__papershelfBench!.longTasks.slice(n), tasksBefore);
      tasksBefore += longTasks.length;
      appended.push({
        identified: result.identifiedAt === null ? null : result.identifiedAt - result.start,
        known: result.knownAt === null ? null : result.knownAt - result.start,
        framed: result.framed - result.start,
        main: minus(after, before),
        longTasks,
      });
      before = after;
    }
    return await kept(scroll ? { load, append: appended, scroll: await scrolled() } : { load, append: appended });
  } finally {
    await tab.close();
  }
}

/**
 * The extension's own script time for each of `append.times` appends of `append.count` cards to the loaded page:
 * CPU-profile samples (every 100 µs) in or called from the extension's script, from the insertion until the main
 * thread is quiet (see sampledMs). The browser's work our script sets off for later (style, layout, observers, GC)
 * is in the main-thread figures, not here. Profiling slows the page a little, so this runs apart from the timed runs.
 */
export async function profileAppends(bench: Bench, page: BenchPage, append: { from: number; count: number; times: number }): Promise<number[]> {
  const id = bench.extensionId;
  if (!id) throw new Error('profileAppends needs the extension');
  const { page: tab, cdp } = await bench.newTab();
  try {
    await loadSettled(tab, page.url, true);
    await tab.waitForTimeout(QUIET_MS);
    await untilQuiet(cdp);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    const out: number[] = [];
    for (let k = 0; k < append.times; k++) {
      await cdp.send('Profiler.start');
      await appendCards(tab, page.site, append.from + k * append.count, append.count, true);
      await tab.waitForTimeout(QUIET_MS);
      await untilQuiet(cdp);
      const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
      out.push(sampledMs(profile, (url) => url.startsWith(`chrome-extension://${id}/`)).ours);
    }
    return out;
  } finally {
    await tab.close();
  }
}

/** One traced load's tasks that the extension caused (see tasksCaused): the longest, how many of 50 ms or more, and their sum. */
export interface CausedSample {
  longest: number;
  over50: number;
  /** ms: every task's part caused by the extension, summed (its own script, and the frames drawing only its changes). */
  total: number;
}

/**
 * A load with the extension, traced from navigation until the main thread is quiet (the work the content script
 * leaves for idle time included), and the tasks the extension caused in it. Tracing slows the page down a little, so
 * this runs apart from the timed runs, and its figure errs against the extension.
 */
export async function traceCaused(bench: Bench, page: BenchPage): Promise<CausedSample> {
  const id = bench.extensionId;
  if (!id) throw new Error('traceCaused needs the extension');
  const { page: tab, cdp } = await bench.newTab();
  try {
    const stop = await startTracing(cdp, CAUSED_CATEGORIES);
    await loadSettled(tab, page.url, true);
    await tab.waitForTimeout(QUIET_MS);
    await untilQuiet(cdp);
    const tasks = tasksCaused(await stop(), id);
    // The content script runs on every bench page: a trace in which none of its script ran measured nothing.
    if (!tasks.some((t) => t.script === 'ours' || t.script === 'both')) throw new Error(`${page.url}: no task of the extension's script in the trace (is ${id} the extension's id?)`);
    return {
      longest: tasks.reduce((m, t) => Math.max(m, t.caused), 0),
      over50: tasks.filter((t) => t.caused >= 50).length,
      total: tasks.reduce((sum, t) => sum + t.caused, 0),
    };
  } finally {
    await tab.close();
  }
}
