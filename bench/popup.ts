// `npx tsx bench/popup.ts [--library N] [--runs N]`: only the popup figures of `npm run bench` (first render and
// search keystrokes over a seeded reading list), in a minute or two, for trying popup changes. Needs
// `npm run build` first; prints medians and every sample.
import { launch, snapshotBuild } from './browser';
import { measureKeystroke, measurePopupOpen, seed, waitForSearchIndex } from './measure-extension';
import { narrowingPrefixes, readingList } from './records';
import { arg, show as showSamples } from './tool-output';

const show = (label: string, xs: number[]) => showSamples(label, xs, 0);

const LIBRARY = Number(arg('--library', '10000'));
const RUNS = Number(arg('--runs', '5'));

const dist = snapshotBuild();
const bench = await launch({ extension: dist, routes: new Map() });
try {
  const library = readingList({ count: LIBRARY });
  await seed(bench, library);
  const opens = [];
  let last = null;
  const firstEver = await measurePopupOpen(bench); // no copy of the newest papers yet
  await firstEver.close();
  for (let i = 0; i < RUNS; i++) {
    const opened = await measurePopupOpen(bench);
    opens.push(opened.sample);
    if (i < RUNS - 1) await opened.close();
    else last = opened;
  }
  await waitForSearchIndex(last!.page);
  const keys = narrowingPrefixes(library, RUNS);
  const strokes = [];
  for (const key of keys) {
    const k = await measureKeystroke(bench, last!.page, key.slice(0, -1), key.at(-1)!);
    if (k) strokes.push(k);
  }
  console.log(`popup, ${LIBRARY} papers, ${RUNS} opens, keystrokes ${keys.map((k) => `"${k}"`).join(' ')}`);
  show('navigation → DOMContentLoaded', opens.map((o) => o.domContentLoaded));
  show('first open ever (no copy): first item', [firstEver.sample.firstItem]);
  show('navigation → first item in the DOM', opens.map((o) => o.firstItem));
  show('navigation → first item drawn', opens.map((o) => o.firstItemFramed ?? NaN));
  show('navigation → first contentful paint', opens.map((o) => o.firstContentfulPaint));
  show("navigation → background's first item", opens.map((o) => o.answeredItem));
  show('keystroke → list updated', strokes.map((s) => s.updated));
  show('keystroke, main-thread work', strokes.map((s) => s.mainMs));
} finally {
  await bench.close();
}
