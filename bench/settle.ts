// `npx tsx bench/settle.ts [huggingface|arxiv] [cards] [--runs N]`: only the page-load milestones of `npm run bench`
// for one page, with and without the extension (alternating), for trying content-script changes in a minute:
// DOMContentLoaded, load, every host mounted, every state known, settled. Needs `npm run build` first.
import { launch, snapshotBuild, type Served } from './browser';
import { measureLoad, type LoadSample } from './measure-pages';
import { seed } from './measure-extension';
import { benchPage, type Site } from './pages';
import { readingList } from './records';

const site = (process.argv[2] ?? 'arxiv') as Site;
const cards = Number(process.argv[3] ?? 1000);
const runsAt = process.argv.indexOf('--runs');
const RUNS = runsAt > 0 ? Number(process.argv[runsAt + 1]) : 5;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

const page = benchPage(site, cards);
const routes = new Map<string, Served>([[page.url, { body: Buffer.from(page.html), contentType: 'text/html; charset=utf-8' }]]);
const warm = benchPage(site, 100);
routes.set(warm.url, { body: Buffer.from(warm.html), contentType: 'text/html; charset=utf-8' });
const ext = await launch({ extension: snapshotBuild(), routes });
if (process.env.FLOOR) (ext as { withExtension: boolean }).withExtension = false;
const base = await launch({ extension: null, routes });
try {
  await seed(ext, readingList({ count: 10_000, include: page.ids.filter((_, i) => i % 10 === 0) }));
  await measureLoad(ext, warm);
  await measureLoad(base, warm);
  const samples: Record<'ext' | 'base', LoadSample[]> = { ext: [], base: [] };
  for (let i = 0; i < RUNS; i++) {
    for (const key of (i % 2 ? ['base', 'ext'] : ['ext', 'base']) as ('ext' | 'base')[]) samples[key].push((await measureLoad(key === 'ext' ? ext : base, page)).load);
  }
  const row = (label: string, pick: (s: LoadSample) => number | null) => {
    const e = median(samples.ext.map((s) => pick(s) ?? NaN));
    const b = median(samples.base.map((s) => pick(s) ?? NaN));
    console.log(`${label.padEnd(34)} ${e.toFixed(0).padStart(6)} ${Number.isNaN(b) ? '' : b.toFixed(0).padStart(6)}   [${samples.ext.map((s) => (pick(s) ?? NaN).toFixed(0)).join(', ')}]`);
  };
  console.log(`${site}, ${cards} cards, ${RUNS} runs: medians in ms from navigation (with / without the extension)`);
  row('DOMContentLoaded', (s) => s.dcl);
  row('load', (s) => s.load);
  row('every host mounted', (s) => s.mountedAt);
  row('every state known', (s) => s.knownAt);
  row('cards on screen annotated', (s) => s.screenAt);
  row('... and loaded, next frame', (s) => s.screenSettledAt);
  row('settled', (s) => s.settledAt);
  row('longest task after DOMContentLoaded', (s) => Math.max(0, ...s.longTasksAfterDcl.map((t) => t.duration)));
  const ratio = (pick: (s: LoadSample) => number | null) => (median(samples.ext.map((s) => pick(s) ?? NaN)) / median(samples.base.map((s) => s.settledAt))).toFixed(2);
  console.log(`against the page's own settle: every card ${ratio((s) => s.settledAt)}x, the cards on screen ${ratio((s) => s.screenSettledAt)}x`);
} finally {
  await ext.close();
  await base.close();
}
