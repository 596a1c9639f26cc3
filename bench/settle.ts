// `npx tsx bench/settle.ts [huggingface|arxiv] [cards] [--runs N] [--against DIR]`: only the page-load milestones of
// `npm run bench` for one page, with and without the extension (alternating), for trying content-script changes in
// a minute: DOMContentLoaded, load, every card identified, every state known, settled. Needs `npm run build` first.
// --against DIR: also another checkout (built; `git worktree add DIR <commit>`), with its own bench probe, in the
// same loop: on a machine whose speed drifts, two builds are only comparable when measured side by side.
// --append: after each load, 50 cards appended three times (as in `npm run bench`), and their main-thread work.
// --scroll: then the reader's scroll of `npm run bench` (60 × 300 px), its longest task and main-thread work.
// --cold: the extension's service worker stopped before each load (as the browser stops it after 30 s idle), so each
// load is the first of a worker's life: started by the page's first message, its memory of the list empty (after
// the idle time its deferred writes need).
import { resolve } from 'node:path';
import { launch, snapshotBuild, stopServiceWorkers, type Bench, type Served } from './browser';
import { measureLoad, type LoadSample } from './measure-pages';
import { seed } from './measure-extension';
import { benchPage, siteArg } from './pages';
import { readingList } from './records';
import { SNAPSHOT_DELAY_MS } from '../src/storage/saved-states';

const site = siteArg(process.argv[2], 'arxiv');
const cards = Number(process.argv[3] ?? 1000);
const runsAt = process.argv.indexOf('--runs');
const RUNS = runsAt > 0 ? Number(process.argv[runsAt + 1]) : 5;
const againstAt = process.argv.indexOf('--against');
const AGAINST = againstAt > 0 ? resolve(process.argv[againstAt + 1]!) : null;
const APPEND = process.argv.includes('--append') ? { from: cards, count: 50, times: 3 } : undefined;
const SCROLL = process.argv.includes('--scroll');
const COLD = process.argv.includes('--cold');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

const page = benchPage(site, cards);
const routes = new Map<string, Served>([[page.url, { body: Buffer.from(page.html), contentType: 'text/html; charset=utf-8' }]]);
const warm = benchPage(site, 100);
routes.set(warm.url, { body: Buffer.from(warm.html), contentType: 'text/html; charset=utf-8' });
const ext = await launch({ extension: snapshotBuild(), routes });
if (process.env.FLOOR) (ext as { withExtension: boolean }).withExtension = false;
const base = await launch({ extension: null, routes });
// The other checkout's browser, probe and measuring code (its bench/ resolves the probe from the working directory).
let other: { bench: Bench; measure: typeof measureLoad } | null = null;
if (AGAINST) {
  const here = process.cwd();
  process.chdir(AGAINST);
  const browser = (await import(resolve(AGAINST, 'bench/browser.ts'))) as typeof import('./browser');
  const measure = ((await import(resolve(AGAINST, 'bench/measure-pages.ts'))) as typeof import('./measure-pages')).measureLoad;
  other = { bench: await browser.launch({ extension: browser.snapshotBuild(resolve(AGAINST, 'dist/chrome')), routes }), measure };
  if (process.env.FLOOR) (other.bench as { withExtension: boolean }).withExtension = false;
  process.chdir(here);
}
type Key = 'ext' | 'base' | 'other';
try {
  const list = readingList({ count: 10_000, include: page.ids.filter((_, i) => i % 10 === 0) });
  await seed(ext, list);
  if (other) await seed(other.bench, list);
  await measureLoad(ext, warm);
  await measureLoad(base, warm);
  if (other) await other.measure(other.bench, warm);
  const samples: Record<Key, LoadSample[]> = { ext: [], base: [], other: [] };
  const appends: Record<Key, number[]> = { ext: [], base: [], other: [] };
  const scrolls: Record<Key, { longest: number; main: number }[]> = { ext: [], base: [], other: [] };
  const keys: Key[] = other ? ['ext', 'base', 'other'] : ['ext', 'base'];
  for (let i = 0; i < RUNS; i++) {
    for (let k = 0; k < keys.length; k++) {
      const key = keys[(i + k) % keys.length]!;
      if (COLD && key !== 'base') {
        // The browser's 30 s of idle, as far as the worker's own deferred work is concerned: the snapshot of the
        // saved ids, written a moment after the last write or read of the keys (storage/saved-states.ts).
        await new Promise((r) => setTimeout(r, SNAPSHOT_DELAY_MS + 500));
        await stopServiceWorkers((key === 'other' ? other!.bench : ext).context);
      }
      const r = key === 'other' ? await other!.measure(other!.bench, page, APPEND, SCROLL) : await measureLoad(key === 'ext' ? ext : base, page, APPEND, SCROLL);
      samples[key].push(r.load);
      if (r.scroll) scrolls[key].push({ longest: Math.max(0, ...r.scroll.longTasks.map((t) => t.duration)), main: r.scroll.main.task * 1000 });
      appends[key].push(...(r.append ?? []).map((a) => a.main.task * 1000));
    }
  }
  const row = (label: string, pick: (s: LoadSample) => number | null | undefined) => {
    const e = median(samples.ext.map((s) => pick(s) ?? NaN));
    const b = median(samples.base.map((s) => pick(s) ?? NaN));
    const o = median(samples.other.map((s) => pick(s) ?? NaN));
    const cell = (x: number) => (Number.isNaN(x) ? '' : x.toFixed(0)).padStart(6);
    const runs = (key: Key) => `[${samples[key].map((s) => (pick(s) ?? NaN).toFixed(0)).join(', ')}]`;
    console.log(`${label.padEnd(34)} ${cell(e)} ${cell(b)}${other ? ` ${cell(o)}` : ''}   ${runs('ext')}${other ? ` ${runs('other')}` : ''}`);
  };
  console.log(`${site}, ${cards} cards, ${RUNS} runs: medians in ms from navigation (with / without the extension${other ? ` / ${AGAINST}` : ''})`);
  row('DOMContentLoaded', (s) => s.dcl);
  row('load', (s) => s.load);
  row('every card identified (the mark)', (s) => s.identifiedAt);
  row('every state known', (s) => s.knownAt);
  row('cards on screen annotated', (s) => s.screenAt);
  row('... and loaded, next frame', (s) => s.screenSettledAt);
  row('loaded, next frame', (s) => s.loadFramedAt);
  row('settled', (s) => s.settledAt);
  row('longest task after DOMContentLoaded', (s) => Math.max(0, ...s.longTasksAfterDcl.map((t) => t.duration)));
  row('main-thread time until quiet', (s) => s.mainQuiet.task * 1000);
  // The same load's milestones after its own load event: what the extension adds, without the page's variance.
  const after = (at: number | null | undefined, s: LoadSample) => (at == null ? null : at - s.load);
  row('settled, after load', (s) => after(s.settledAt, s));
  row('cards on screen, after load', (s) => after(s.screenSettledAt, s));
  if (APPEND) {
    const cell = (k: Key) => median(appends[k]).toFixed(1).padStart(6);
    console.log(`${'+50 cards: main-thread time'.padEnd(34)} ${cell('ext')} ${cell('base')}${other ? ` ${cell('other')}` : ''}   [${appends.ext.map((x) => x.toFixed(0)).join(', ')}] [${appends.base.map((x) => x.toFixed(0)).join(', ')}]`);
    console.log(`+50 cards, the extension's work (median difference): ${(median(appends.ext) - median(appends.base)).toFixed(1)} ms${other ? `; ${AGAINST}: ${(median(appends.other) - median(appends.base)).toFixed(1)} ms` : ''}`);
  }
  if (SCROLL) {
    for (const [label, pick] of [['scrolling: longest task', (x: { longest: number }) => x.longest], ['scrolling: main-thread time', (x: { main: number }) => x.main]] as const) {
      const cell = (k: Key) => median(scrolls[k].map(pick)).toFixed(0).padStart(6);
      console.log(`${label.padEnd(34)} ${cell('ext')} ${cell('base')}${other ? ` ${cell('other')}` : ''}   [${scrolls.ext.map((x) => pick(x).toFixed(0)).join(', ')}]${other ? ` [${scrolls.other.map((x) => pick(x).toFixed(0)).join(', ')}]` : ''}`);
    }
  }
  // Every card against the page's settle (both with the probe's pass); the cards on screen against its load and next frame.
  const ratio = (key: Key, pick: (s: LoadSample) => number | null, base: (s: LoadSample) => number) =>
    (median(samples[key].map((s) => pick(s) ?? NaN)) / median(samples.base.map(base))).toFixed(2);
  console.log(`against the page's own settle: every card ${ratio('ext', (s) => s.settledAt, (s) => s.settledAt)}x, the cards on screen ${ratio('ext', (s) => s.screenSettledAt, (s) => s.loadFramedAt)}x`);
  if (other) console.log(`${AGAINST}: every card ${ratio('other', (s) => s.settledAt, (s) => s.settledAt)}x, the cards on screen ${ratio('other', (s) => s.screenSettledAt, (s) => s.loadFramedAt)}x`);
} finally {
  await ext.close();
  await base.close();
  await other?.bench.close();
}
