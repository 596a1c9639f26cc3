// Chromium traces and CPU profiles for the bench: start and stop tracing on a tab's DevTools session, find the
// page's main thread, tell which events run the extension's script, and sample its time in a CPU profile. Used by
// `npm run bench` (the appends' own work, profiled), bench/trace.ts (a page's main thread by kind of work) and
// bench/profile.ts.
import type { CDPSession } from 'playwright-core';

export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: {
    name?: string;
    data?: {
      url?: string;
      functionName?: string;
      /** Invalidation tracking (CHANGE_CATEGORIES): what changed, where, and the script that changed it. */
      reason?: string;
      nodeName?: string;
      changedAttribute?: string;
      stackTrace?: { functionName?: string; url?: string; lineNumber?: number }[];
    };
    /** Where a task was posted from (toplevel RunTask events). */
    src_file?: string;
    src_func?: string;
  };
}

export const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'v8', 'v8.execute', 'blink', 'loading', '__metadata'];

/**
 * What tasksCaused needs, and little more (tracing slows the page, the more so the more it records): task boundaries
 * (toplevel), script runs with their URLs, parsing and frames (devtools.timeline), promise jobs (v8.execute).
 */
export const CAUSED_CATEGORIES = ['toplevel', 'devtools.timeline', 'v8.execute', '__metadata'];

/**
 * Added to a trace's categories, they record every change to the page's style and layout as the browser notes it (with
 * the script and line that made it, when script did) and the User Timing marks, the load event among them: what each
 * frame had to draw, and who asked for it (see pageChanges).
 */
export const CHANGE_CATEGORIES = ['disabled-by-default-devtools.timeline.invalidationTracking', 'disabled-by-default-devtools.timeline.stack', 'blink.user_timing'];

/**
 * The changes to the page's style and layout that a trace with CHANGE_CATEGORIES recorded on one thread between `from`
 * and `to` (µs), most frequent first: "<reason>: <node>", and "← <function>:<line>" when script made the change there
 * and then (a node put in the page by script is "Added to layout" in the next frame, which names no script).
 */
export function pageChanges(events: readonly TraceEvent[], thread: { pid: number; tid: number }, from: number, to: number): [string, number][] {
  const counts = new Map<string, number>();
  for (const e of events) {
    if (!e.name.endsWith('InvalidationTracking') || e.pid !== thread.pid || e.tid !== thread.tid || e.ts < from || e.ts >= to) continue;
    const data = e.args?.data ?? {};
    const why = data.reason || (data.changedAttribute ? `attribute ${data.changedAttribute} changed` : e.name.replace(/InvalidationTracking$/, ''));
    const top = data.stackTrace?.[0];
    const key = `${why}: ${data.nodeName ?? '?'}${top ? ` ← ${top.functionName || '(anonymous)'}:${(top.lineNumber ?? 0) + 1}` : ''}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]);
}

/** Start tracing now; the returned function stops and resolves with every event recorded. */
export async function startTracing(cdp: CDPSession, categories: string[] = CATEGORIES): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  const collect = (e: { value: unknown[] }) => events.push(...(e.value as TraceEvent[]));
  cdp.on('Tracing.dataCollected', collect);
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: categories } });
  return async () => {
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', collect);
    return events;
  };
}

/**
 * The page's main thread's complete events, in order: the renderer thread with the most time in `marker`
 * ('ParseHTML' for a load, 'WebFrameWidgetImpl::UpdateLifecycle' once loaded: the thread that ran the most frames).
 */
export function mainThreadEvents(events: TraceEvent[], marker: string): TraceEvent[] {
  const time = new Map<string, number>();
  for (const e of events) if (e.ph === 'X' && e.name === marker) time.set(`${e.pid}:${e.tid}`, (time.get(`${e.pid}:${e.tid}`) ?? 0) + (e.dur ?? 0));
  const main = [...time].sort((a, b) => b[1] - a[1])[0]?.[0];
  return events.filter((e) => e.ph === 'X' && `${e.pid}:${e.tid}` === main).sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
}

/**
 * Each of a thread's events (mainThreadEvents: in order, enclosing before enclosed) with the events enclosing it,
 * outermost first: none for a top-level task.
 */
export function* nested(xs: readonly TraceEvent[]): Generator<[TraceEvent, readonly TraceEvent[]]> {
  const stack: TraceEvent[] = [];
  for (const e of xs) {
    while (stack.length && stack.at(-1)!.ts + (stack.at(-1)!.dur ?? 0) <= e.ts) stack.pop();
    yield [e, stack];
    stack.push(e);
  }
}

/** The event names one of the extension's URLs (a call into its script, a run of it). */
export function isExtensionScript(e: TraceEvent, extensionId: string): boolean {
  return JSON.stringify(e.args ?? {}).includes(`chrome-extension://${extensionId}/`);
}

export interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
export interface CpuProfile {
  nodes: { id: number; callFrame: CallFrame; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

/** Each profile node's parent (by id). */
export function parentsOf(profile: CpuProfile): Map<number, number> {
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  return parent;
}

/**
 * Sampled milliseconds in all, and in (or called from) script whose URL `ours` accepts: a sample counts when any
 * frame of its stack is ours, so promise continuations, and the native work our functions call (createElement,
 * postMessage's serialization, a forced layout), are ours too. The browser's work set off for later is not.
 */
export function sampledMs(profile: CpuProfile, ours: (url: string) => boolean): { total: number; ours: number } {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = parentsOf(profile);
  const memo = new Map<number, boolean>();
  const isOurs = (id: number): boolean => {
    let known = memo.get(id);
    if (known === undefined) {
      const up = parent.get(id);
      known = ours(nodes.get(id)!.callFrame.url) || (up !== undefined && isOurs(up));
      memo.set(id, known);
    }
    return known;
  };
  let total = 0;
  let mine = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    total += ms;
    if (isOurs(id)) mine += ms;
  });
  return { total, ours: mine };
}

/** A top-level task of the page's main thread, and the extension's part in it (see tasksCaused). */
export interface TaskShare {
  /** ms from the first event of the main thread */
  start: number;
  ms: number;
  /** A rendering task (a frame: style, layout, paint of what changed since the last one). */
  frame: boolean;
  /** Who ran script in it: the extension alone, the page alone, both, or nobody (or only the bench's own probe). */
  script: 'ours' | 'other' | 'both' | 'none';
  /** What the extension caused of it, ms: the whole task if it caused it, else the time its own script ran in it. */
  caused: number;
}

/** Script entry points: a task that holds one of these ran script. */
const SCRIPT = /^(FunctionCall|EvaluateScript|v8\.run|v8\.callFunction|RunMicrotasks|RunYieldContinuation|TimerFire|FireIdleCallback|FireAnimationFrame|EventDispatch)$/;
/** The page's own work that changes what it shows, besides its script: parsing its document, an image arriving. */
const PAGE_WORK = /ParseHTML|HTMLDocumentParser|DocumentLoader|ImageResourceContent|TextResourceDecoder|NavigationBodyLoader|CommitLoad/;
/** A frame's lifecycle update (PrePaint in devtools.timeline; UpdateLifecycle in blink, not always recorded). */
const FRAME = /^(PrePaint|WebFrameWidgetImpl::UpdateLifecycle)$/;
/**
 * A task posted by Chromium's autofill agent: set off by a form control put in or changed in the page, it reads the
 * page's forms and brings its style and layout up to date (a 5,000-card Hugging Face list: 23-48 ms, then 16-27 ms
 * for every <select> added, measured in stop 32). The bench pages' own load has none of 1 ms or more, and they change
 * no form once loaded: one after the extension's script ran is the extension's.
 */
const AUTOFILL = /^components\/autofill\//;
/** The bench probe's script in a frame: its per-frame check takes well under this; its pass over every card, more. */
const INSTRUMENT_MS = 1;

/**
 * Which of the page's main-thread tasks the extension caused, from a Chromium trace (events of startTracing). A
 * trace names the script a call runs (an event's `url`) for some events only: a scheduler.yield() continuation or a
 * promise job names none. So a task is the extension's when its script names only the extension's URL, or names none
 * and the last task that named one named only the extension's (on the bench's pages, which run no script of their own
 * once loaded, that is whose continuation it is). A frame is the extension's when nothing but the extension (and the
 * garbage collector) ran since the frame before it and the extension did run: the changes it draws are the
 * extension's, and without it there would be no frame. A task the extension shares with another's script or with the
 * page's own work (its last parsing task, with our DOMContentLoaded listener in it) is charged only the time of the
 * extension's own script. A task of the browser's autofill agent after the extension's script first ran is the
 * extension's whole (see AUTOFILL).
 */
export function tasksCaused(events: TraceEvent[], extensionId: string, isPage: (url: string) => boolean = (url) => /^(https?|blob|data):/.test(url)): TaskShare[] {
  // The thread that parsed the page; in a trace taken once it was loaded, the one that drew the most frames.
  let xs = mainThreadEvents(events, 'ParseHTML');
  if (!xs.length) xs = mainThreadEvents(events, 'PrePaint');
  const t0 = xs[0]?.ts ?? 0;
  interface Task { ts: number; dur: number; ours: number; oursUntil: number; ourUrl: boolean; otherUrl: boolean; instrument: boolean; instrumentMs: number; script: boolean; frame: boolean; page: boolean; autofill: boolean }
  const tasks: Task[] = [];
  for (const [e, enclosing] of nested(xs)) {
    if (!enclosing.length) tasks.push({ ts: e.ts, dur: e.dur ?? 0, ours: 0, oursUntil: -1, ourUrl: false, otherUrl: false, instrument: false, instrumentMs: 0, script: false, frame: false, page: false, autofill: false });
    const task = tasks.at(-1)!;
    const url = e.args?.data?.url;
    if (SCRIPT.test(e.name)) task.script = true;
    if (FRAME.test(e.name)) task.frame = true;
    if (PAGE_WORK.test(e.name)) task.page = true;
    if (AUTOFILL.test(String(e.args?.src_file ?? ''))) task.autofill = true;
    if (isExtensionScript(e, extensionId)) {
      task.ourUrl = true;
      if (e.ts >= task.oursUntil) {
        task.ours += (e.dur ?? 0) / 1000;
        task.oursUntil = e.ts + (e.dur ?? 0);
      }
    } else if (url && SCRIPT.test(e.name)) {
      if (isPage(url)) task.otherUrl = true;
      else {
        task.instrument = true;
        if (!enclosing.some((p) => p.name === e.name && p.args?.data?.url === url)) task.instrumentMs += (e.dur ?? 0) / 1000;
      }
    }
  }
  const out: TaskShare[] = [];
  let lastNamed: 'ours' | 'other' | 'both' = 'other';
  // Since the last frame: whether the extension ran, and whether anything else that may change the page did.
  let oursSince = false;
  let othersSince = false;
  let oursRan = false;
  for (const t of tasks) {
    // A task whose script names no URL (a continuation) is that of the last task that named one; a task whose script
    // names only the instrument's is nobody's.
    let script: TaskShare['script'] = t.ourUrl ? (t.otherUrl ? 'both' : 'ours') : t.otherUrl ? 'other' : t.script && !t.instrument ? lastNamed : 'none';
    if (t.ourUrl || t.otherUrl) lastNamed = script as typeof lastNamed;
    if (!t.script) script = 'none';
    let caused = script === 'ours' && !t.page && !t.frame ? t.dur / 1000 : t.ours;
    if (t.autofill && !t.script && !t.frame && oursRan) caused = t.dur / 1000;
    if (t.ourUrl) oursRan = true;
    if (t.frame) {
      // The frame's own callbacks (requestAnimationFrame, observers) name their script when they are ours.
      // One in which the instrument did work of its own (the probe's pass over every card) is the instrument's frame.
      if (!t.otherUrl && t.instrumentMs < INSTRUMENT_MS && !othersSince && (oursSince || t.ourUrl)) caused = t.dur / 1000;
      oursSince = othersSince = false;
    } else {
      if (script === 'ours') oursSince = true;
      if (t.page || script === 'other' || script === 'both') othersSince = true;
    }
    out.push({ start: (t.ts - t0) / 1000, ms: t.dur / 1000, frame: t.frame, script, caused });
  }
  return out;
}
