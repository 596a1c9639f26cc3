// `npx tsx bench/lookup.ts [--dist DIR] [--aliased SHARE] [--runs N]`: only the storage figures of `npm run bench` (saved
// state of 1,000 ids, warm and with the service worker just stopped; one save at a time, and saves back to back), over
// 10,000 saved papers of which SHARE (default 0.25) are known by other ids too (a journal DOI, a venue page: schema v8's
// alias index), for trying storage changes. Needs a build (`npm run build`; `--dist` for another one); prints medians
// and every sample.
import { launch, snapshotBuild } from './browser';
import { measureStorage, seed, WAKE_LEAD_MS } from './measure-extension';
import { readingList } from './records';
import { arg, show } from './tool-output';

const RUNS = Number(arg('--runs', '9'));
const ALIASED = Number(arg('--aliased', '0.25'));

const library = readingList({ count: 10_000 }).map((record, i) => {
  if (i % Math.round(1 / ALIASED) !== 0 || !ALIASED) return record;
  // Every other one a journal DOI (an alias storage derives), the rest a venue page and a site key (as a dblp entry gives).
  const paper = i % 2 ? { ...record.paper, doi: `10.5555/bench.${i}` } : { ...record.paper, aliases: [`pmlr:v202/bench${i}a`, `dblp:conf/icml/Bench${i}`] };
  return { ...record, paper };
});
const bench = await launch({ extension: snapshotBuild(arg('--dist', 'dist/chrome')), routes: new Map() });
try {
  await seed(bench, library);
  // A page's 1,000 cards: 200 saved (by their ids), 800 not.
  const ids = [...library.slice(0, 200).map((r) => r.id), ...Array.from({ length: 800 }, (_, i) => `arxiv:2699.${String(i).padStart(5, '0')}`)];
  const s = await measureStorage(bench, ids, RUNS, 1);
  console.log(`storage, 10,000 papers (${ALIASED * 100}% with other ids), lookup of 1,000 ids (${s.lookupHits} saved), ${RUNS} runs`);
  show('lookup, warm', s.lookupMs);
  show('lookup, service worker just stopped', s.coldLookupMs);
  show('save acknowledged', s.saveMs);
  show('save acknowledged, back to back', s.burstMs);
  show('save acknowledged, first after the service worker stopped', s.coldSaveMs);
  show('save acknowledged, the next one at once', s.coldSecondSaveMs);
  show(`save acknowledged, first after the service worker stopped, ${WAKE_LEAD_MS} ms after the wake-up`, s.wokenSaveMs);
} finally {
  await bench.close();
}
