// `npx tsx bench/relevance-index.ts [--dist DIR] [--runs N] [--count N] [--imported M]`: only the relevance figures of
// `npm run bench` that run in the browser: a page's request for 100 cards, warm, first after a save, first after an
// import that rewrote M of the papers (default 2,000), and first after Chrome stopped the service worker (it stops an
// idle one after 30 s), over N saved papers (default 10,000), for trying changes to how
// the background builds its index. Needs a build (`npm run build`; `--dist` for another one); prints medians and samples.
import { launch, snapshotBuild } from './browser';
import { measureRelevanceIndex, seed } from './measure-extension';
import { readingList, relevanceCards } from './records';
import { arg, show } from './tool-output';

const RUNS = Number(arg('--runs', '5'));
const COUNT = Number(arg('--count', '10000'));
const IMPORTED = Number(arg('--imported', '2000'));

const bench = await launch({ extension: snapshotBuild(arg('--dist', 'dist/chrome')), routes: new Map() });
try {
  const list = readingList({ count: COUNT });
  await seed(bench, list);
  const r = await measureRelevanceIndex(bench, relevanceCards(100), RUNS, list.slice(0, IMPORTED));
  console.log(`relevance, ${COUNT} saved papers, ${r.cards} cards (${r.marked} marked), ${RUNS} runs`);
  show('warm', r.warmMs);
  show('first after a save', r.afterSaveMs);
  show(`first after an import rewrote ${IMPORTED} papers`, r.afterImportMs);
  show('  meanwhile, the longest a lookup waited', r.afterImportHeldMs);
  show('a save sent around the index\'s store', r.saveWhileStoringMs);
  show('first after the service worker stopped', r.coldMs);
  show('  meanwhile, the longest a lookup waited', r.coldHeldMs);
  show('first after a save, no request, then a stop', r.coldAfterSaveMs);
  show('the same, no stored index (every row read)', r.coldRowsMs);
  show('  meanwhile, the longest a lookup waited', r.coldRowsHeldMs);
} finally {
  await bench.close();
}
