// `npx tsx bench/settle.ts [huggingface|arxiv] [cards] [--runs N] [--against DIR]`: only the page-load milestones of
// `npm run bench` for one page, with and without the extension (alternating), for trying content-script changes in
// a minute: DOMContentLoaded, load, every card identified, every state known, settled. Needs `npm run build` first.
// --against DIR: also another checkout (built; `git worktree add DIR <commit>`), with its own bench probe, in the
// same loop: on a machine whose speed drifts, two builds are only comparable when measured side by side.
import { resolve } from 'node:path';
import { launch, snapshotBuild, type Bench, type Served } from './browser';
import { measureLoad, type LoadSample } from './measure-pages';
import { seed } from './measure-extension';
import { benchPage, type Site } from './pages';
import { readingList } from './records';

const site = (process.argv[2] ?? 'arxiv') as Site;
const cards = Number(process.argv[3] ?? 1000);
const runsAt = process.argv.indexOf('--runs');
const RUNS = runsAt > 0 ? Number(process.argv[runsAt + 1]) : 5;
const againstAt = process.argv.indexOf('--against');
const AGAINST = againstAt > 0 ? resolve(process.argv[againstAt + 1]!) : null;
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
  const keys: Key[] = other ? ['ext', 'base', 'other'] : ['ext', 'base'];
  for (let i = 0; i < RUNS; i++) {
    for (let k = 0; k < keys.length; k++) {
      const key = keys[(i + k) % keys.length]!;
      if (key === 'other') samples.other.push((await other!.measure(other!.bench, page)).load);
      else samples[key].push((await measureLoad(key === 'ext' ? ext : base, page)).load);
    }
  }
  const row = (label: string, pick: (s: LoadSample) => number | null | undefined) => {
    const e = median(samples.ext.map((s) => pick(s) ?? NaN));
    const b = median(samples.base.map((s) => pick(s) ?? NaN));
    const o = median(samples.other.map((s) => pick(s) ?? NaN));
    const cell = (x: number) => (Number.isNaN(x) ? '' : x.toFixed(0)).padStart(6);
    console.log(`${label.padEnd(34)} ${cell(e)} ${cell(b)}${other ? ` ${cell(o)}` : ''}   [${samples.ext.map((s) => (pick(s) ?? NaN).toFixed(0)).join(', ')}]`);
  };
  console.log(`${site}, ${cards} cards, ${RUNS} runs: medians in ms from navigation (with / without the extension${other ? ` / ${AGAINST}` : ''})`);
  row('DOMContentLoaded', (s) => s.dcl);
  row('load', (s) => s.load);
  row('every card identified (the mark)', (s) => s.identifiedAt);
  row('every state known', (s) => s.knownAt);
  row('cards on screen annotated', (s) => s.screenAt);
  row('... and loaded, next frame', (s) => s.screenSettledAt);
  row('settled', (s) => s.settledAt);
  row('longest task after DOMContentLoaded', (s) => Math.max(0, ...s.longTasksAfterDcl.map((t) => t.duration)));
  row('main-thread time until quiet', (s) => s.mainQuiet.task * 1000);
  const ratio = (pick: (s: LoadSample) => number | null) => (median(samples.ext.map((s) => pick(s) ?? NaN)) / median(samples.base.map((s) => s.settledAt))).toFixed(2);
  console.log(`against the page's own settle: every card ${ratio((s) => s.settledAt)}x, the cards on screen ${ratio((s) => s.screenSettledAt)}x`);
  if (other) {
    const r = (pick: (s: LoadSample) => number | null) => (median(samples.other.map((s) => pick(s) ?? NaN)) / median(samples.base.map((s) => s.settledAt))).toFixed(2);
    console.log(`${AGAINST}: every card ${r((s) => s.settledAt)}x, the cards on screen ${r((s) => s.screenSettledAt)}x`);
  }
} finally {
  await ext.close();
  await base.close();
  await other?.bench.close();
}
