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
  args?: { name?: string; data?: { url?: string; functionName?: string } };
}

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'v8', 'v8.execute', 'blink', 'loading', '__metadata'];

/** Start tracing now; the returned function stops and resolves with every event recorded. */
export async function startTracing(cdp: CDPSession): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  const collect = (e: { value: unknown[] }) => events.push(...(e.value as TraceEvent[]));
  cdp.on('Tracing.dataCollected', collect);
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: CATEGORIES } });
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
