// `npx tsx bench/trace.ts [huggingface|arxiv] [cards]`: the page's main thread, with and without the extension,
// split by kind of work (from a Chromium trace: devtools.timeline events, self time of each event), and the
// longest tasks in which the extension's script ran. Tracing slows the page down; compare the two columns.
import { launch, snapshotBuild, type Bench, type Served } from './browser';
import { benchPage, siteArg } from './pages';
import { appendCards, loadSettled } from './measure-pages';
import { seed } from './measure-extension';
import { readingList } from './records';
import { CHANGE_CATEGORIES, CATEGORIES, isExtensionScript, mainThreadEvents, nested, pageChanges, startTracing, type TraceEvent } from './tracing';

const site = siteArg(process.argv[2], 'huggingface');
/** TRACE_SCROLL=1: trace a reader scrolling down the loaded page (60 steps of 300 px, one per frame) instead of the load. */
const SCROLL = !!process.env.TRACE_SCROLL;
const SCROLL_SCRIPT = `(async () => {
  for (let i = 0; i < 60; i++) {
    window.scrollBy(0, 300);
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  }
})()`;
const cards = Number(process.argv[3] ?? 1000);
/**
 * TRACE_APPEND=1: trace 50 cards appended to the loaded page (an infinite list), three times, each from a quiet
 * page, and print the time spent in the extension's script (see ourScript) besides the usual breakdown.
 */
const APPEND = !!process.env.TRACE_APPEND;
/** TRACE_TIMELINE=1 prints every task of 2 ms or more; TRACE_TIMELINE=0.2, say, every task of 0.2 ms or more. */
const TIMELINE_MS = Number(process.env.TRACE_TIMELINE) > 0 && Number(process.env.TRACE_TIMELINE) < 1 ? Number(process.env.TRACE_TIMELINE) : 2;
/**
 * TRACE_CHANGES=1 (with TRACE_TIMELINE): the timeline also shows, under each task, the changes to the page's style
 * and layout made or drawn in it, and who made them (pageChanges), and where the load event and the extension's mark
 * fell. Recording them slows the page further: for what happens in which order, not for durations.
 */
const CHANGES = !!process.env.TRACE_CHANGES;
/** The User Timing marks the timeline places among the tasks. */
const MARKS = new Set(['domContentLoadedEventEnd', 'loadEventEnd', 'papershelf:annotated']);

const KINDS: [string, RegExp][] = [
  ['HTML parsing and loading', /ParseHTML|HTMLDocumentParser|TextResourceDecoder|PreloadScanner|DocumentLoader|NavigationBodyLoader|ResourceFetcher|CommitNavigation|FinishedParsing/],
  ['garbage collection', /GC|Scavenge|MarkCompact|Sweep/i],
  ['<select>/<option> work (HTMLSelectElement)', /HTMLSelectElement|HTMLOptionElement/],
  ['style sheets (parsing, activating <style> elements)', /StyleElement|StyleSheet|StyleEngine::updateActive|scheduleInvalidationsForRuleSets/],
  ['style recalculation', /UpdateLayoutTree|recalcStyle|updateStyle|Blink\.Style/],
  ['layout', /Layout|performLayout/],
  ['shadow DOM slot assignment', /Slot/],
  ['paint and compositing', /Paint|Commit|Layeriz|Composit|UpdateLayer|Raster|Lifecycle|Hit ?Test|CullRect/],
  ['intersection observers', /Intersection/],
  ['script (JS and the DOM calls it makes, microtasks, timers, events)', /FunctionCall|EvaluateScript|RunMicrotasks|TimerFire|v8|V8|Compile|EventDispatch|MutationObserver|Microtask|callFunction|FireAnimationFrame|ScriptController/],
];

function kindOf(name: string): string {
  return KINDS.find(([, re]) => re.test(name))?.[0] ?? 'other';
}

async function trace(bench: Bench, url: string): Promise<TraceEvent[]> {
  const { page, cdp } = await bench.newTab();
  let stop: (() => Promise<TraceEvent[]>) | null = null;
  const categories = CHANGES ? [...CATEGORIES, ...CHANGE_CATEGORIES] : CATEGORIES;
  if (!SCROLL && !APPEND) stop = await startTracing(cdp, categories);
  await loadSettled(page, url, bench.withExtension, 300_000);
  await page.waitForTimeout(Number(process.env.TRACE_AFTER ?? 300));
  if (SCROLL) {
    await page.waitForTimeout(1500); // the load's idle-time work done
    stop = await startTracing(cdp, categories);
    await page.evaluate(SCROLL_SCRIPT);
  }
  if (APPEND) {
    await page.waitForTimeout(1500);
    stop = await startTracing(cdp, categories);
    for (let k = 0; k < 3; k++) {
      await appendCards(page, site, cards + 50 * k, 50, bench.withExtension);
      await page.waitForTimeout(1500); // its idle-time work (relevance) done
    }
  }
  const events = await stop!();
  await page.close();
  return events;
}

interface Breakdown {
  byKind: Map<string, number>;
  byName: Map<string, number>;
  total: number;
  /**
   * Time inside the extension's script, ms: events that name one of its URLs, outermost only, with all they contain
   * (the DOM calls they make, a layout they force). Promise continuations that name no URL are missed, and so is the
   * browser's work the script sets off for later (style, layout, observers, GC): a floor, not the whole cost.
   */
  ourScript: number;
  /** Tasks in which the extension's script ran, and for how long in each (ms, counted as ourScript). */
  extensionTasks: { start: number; ms: number; ours: number }[];
  /** Every top-level task of 50 ms or more, with the events that took its time (self time, ms). */
  longTasks: { start: number; ms: number; ext: boolean; ours: number; top: [string, number][] }[];
  /** Every top-level task of TIMELINE_MS or more, in order (TRACE_TIMELINE=1 prints them); with TRACE_CHANGES, its changes. */
  timeline: { start: number; ms: number; ext: boolean; ours: number; top: [string, number][]; changes: [string, number][] }[];
  /** The MARKS on the main thread, ms from its first event (recorded with TRACE_CHANGES only). */
  marks: { at: number; name: string }[];
}

function breakdown(events: TraceEvent[], extensionId: string | null): Breakdown {
  // The page's main thread: the renderer thread that parsed the most HTML (scrolling: that ran the most frames).
  const xs = mainThreadEvents(events, SCROLL || APPEND ? 'WebFrameWidgetImpl::UpdateLifecycle' : 'ParseHTML');
  const start = xs[0]?.ts ?? 0;
  const byKind = new Map<string, number>();
  const byName = new Map<string, number>();
  const tasks: { ts: number; dur: number; ext: boolean; ours: number; oursUntil: number; names: Map<string, number> }[] = [];
  const add = (name: string, us: number) => {
    byKind.set(kindOf(name), (byKind.get(kindOf(name)) ?? 0) + us / 1000);
    byName.set(name, (byName.get(name) ?? 0) + us / 1000);
    const names = tasks.at(-1)?.names;
    if (names) names.set(name, (names.get(name) ?? 0) + us / 1000);
  };
  let total = 0;
  for (const [e, enclosing] of nested(xs)) {
    const dur = e.dur ?? 0;
    const parent = enclosing.at(-1);
    if (parent) add(parent.name, -Math.min(dur, parent.ts + (parent.dur ?? 0) - e.ts));
    else {
      tasks.push({ ts: e.ts, dur, ext: false, ours: 0, oursUntil: -1, names: new Map() });
      total += dur / 1000;
    }
    add(e.name, dur);
    const task = tasks.at(-1);
    if (task && extensionId && e.ts >= task.oursUntil && isExtensionScript(e, extensionId)) {
      // A listener of ours that only runs in a task (DOMContentLoaded, in the page's last parsing task) marks it
      // ours; how long our script ran in it says whether it is our cost.
      task.ext = true;
      task.ours += dur / 1000;
      task.oursUntil = e.ts + dur;
    }
  }
  const changeEvents = CHANGES ? events.filter((e) => e.name.endsWith('InvalidationTracking')) : [];
  // Top-level wrappers (RunTask and the like) keep only their unexplained self time: count it as "other".
  return {
    byKind,
    byName,
    total,
    ourScript: tasks.reduce((ms, t) => ms + t.ours, 0),
    extensionTasks: tasks.filter((t) => t.ext).map((t) => ({ start: (t.ts - start) / 1000, ms: t.dur / 1000, ours: t.ours })),
    timeline: tasks
      .filter((t) => t.dur >= TIMELINE_MS * 1000)
      .map((t) => ({
        start: (t.ts - start) / 1000,
        ms: t.dur / 1000,
        ext: t.ext,
        ours: t.ours,
        top: [...t.names].sort((a, b) => b[1] - a[1]).slice(0, 4),
        changes: xs[0] && changeEvents.length ? pageChanges(changeEvents, xs[0], t.ts, t.ts + t.dur) : [],
      })),
    marks: events
      .filter((e) => MARKS.has(e.name) && e.pid === xs[0]?.pid && e.tid === xs[0]?.tid)
      .map((e) => ({ at: (e.ts - start) / 1000, name: e.name }))
      .sort((a, b) => a.at - b.at),
    longTasks: tasks
      .filter((t) => t.dur >= 50_000)
      .map((t) => ({ start: (t.ts - start) / 1000, ms: t.dur / 1000, ext: t.ext, ours: t.ours, top: [...t.names].sort((a, b) => b[1] - a[1]).slice(0, 5) })),
  };
}

const page = benchPage(site, cards);
/** `--library N`: seed N saved papers first (every tenth card of the page among them), as `npm run bench` does. */
const libraryArg = process.argv.indexOf('--library');
const librarySize = libraryArg > 0 ? Number(process.argv[libraryArg + 1]) : 0;
const routes = new Map<string, Served>([[page.url, { body: Buffer.from(page.html), contentType: 'text/html; charset=utf-8' }]]);
const ext = await launch({ extension: snapshotBuild(), routes });
const base = await launch({ extension: null, routes });
try {
  if (librarySize) await seed(ext, readingList({ count: librarySize, include: page.ids.filter((_, i) => i % 10 === 0) }));
  await trace(ext, page.url); // warm-up
  const withExt = breakdown(await trace(ext, page.url), ext.extensionId);
  const without = breakdown(await trace(base, page.url), null);
  const kinds = [...new Set([...withExt.byKind.keys(), ...without.byKind.keys()])].sort((a, b) => (withExt.byKind.get(b) ?? 0) - (without.byKind.get(b) ?? 0) - ((withExt.byKind.get(a) ?? 0) - (without.byKind.get(a) ?? 0)));
  const f = (x: number | undefined) => (x ?? 0).toFixed(0).padStart(8);
  console.log(`${site}, ${cards} cards: main-thread time by kind (ms, traced)\n${'kind'.padEnd(52)}    with  without    added`);
  for (const k of kinds) console.log(`${k.padEnd(52)}${f(withExt.byKind.get(k))} ${f(without.byKind.get(k))} ${f((withExt.byKind.get(k) ?? 0) - (without.byKind.get(k) ?? 0))}`);
  console.log(`${'all tasks'.padEnd(52)}${f(withExt.total)} ${f(without.total)} ${f(withExt.total - without.total)}`);
  console.log(`${'of which in the extension\'s script'.padEnd(52)}${f(withExt.ourScript)}${APPEND ? `  (${(withExt.ourScript / 3).toFixed(1)} ms per 50 cards)` : ''}`);
  if (process.env.TRACE_NAMES) {
    const names = [...new Set([...withExt.byName.keys(), ...without.byName.keys()])];
    const diff = (k: string) => (withExt.byName.get(k) ?? 0) - (without.byName.get(k) ?? 0);
    console.log('\nevents by added self time:');
    for (const k of names.sort((a, b) => diff(b) - diff(a)).slice(0, 40)) console.log(`${f(withExt.byName.get(k))} ${f(without.byName.get(k))} ${f(diff(k))}  ${k} [${kindOf(k)}]`);
  }
  if (process.env.TRACE_TIMELINE) {
    for (const [label, b] of [['with', withExt], ['without', without]] as const) {
      console.log(`\ntimeline ${label} the extension (tasks of ${TIMELINE_MS} ms or more; *N: our script ran in it, N ms):`);
      const marks = [...b.marks];
      for (const t of b.timeline) {
        while (marks.length && marks[0]!.at < t.start) console.log(`  ${marks[0]!.at.toFixed(0).padStart(6)}  -- ${marks.shift()!.name}`);
        console.log(`  ${t.start.toFixed(0).padStart(6)} +${t.ms.toFixed(1).padStart(6)}${t.ext ? ` *${t.ours.toFixed(0)}` : '   '} ${t.top.map(([n, ms]) => `${n} ${ms.toFixed(0)}`).join(', ')}`);
        for (const [change, n] of t.changes.slice(0, 6)) console.log(`${''.padStart(18)}${n} × ${change}`);
      }
      for (const m of marks) console.log(`  ${m.at.toFixed(0).padStart(6)}  -- ${m.name}`);
    }
  }
  const long = withExt.extensionTasks.filter((t) => t.ms >= 50);
  console.log(`\ntasks running the extension's script: ${withExt.extensionTasks.length}, of which ${long.length} of 50 ms or more; longest:`);
  for (const t of [...withExt.extensionTasks].sort((a, b) => b.ms - a.ms).slice(0, 8)) console.log(`  at ${t.start.toFixed(0)} ms: ${t.ms.toFixed(1)} ms, of which our script ${t.ours.toFixed(1)} ms`);
  for (const [label, b] of [['with', withExt], ['without', without]] as const) {
    console.log(`\ntasks of 50 ms or more ${label} the extension: ${b.longTasks.length}`);
    for (const t of [...b.longTasks].sort((x, y) => y.ms - x.ms).slice(0, 6)) {
      console.log(`  at ${t.start.toFixed(0)} ms: ${t.ms.toFixed(1)} ms${t.ext ? ` (our script ran ${t.ours.toFixed(1)} ms of it)` : ''}: ${t.top.map(([n, ms]) => `${n} ${ms.toFixed(0)}`).join(', ')}`);
    }
  }
} finally {
  await ext.close();
  await base.close();
}
