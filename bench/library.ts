// `npx tsx bench/library.ts [--library N] [--runs N]`: only the library page's figures of `npm run bench`: the
// full-page library over a seeded reading list (10,000 papers), as a reader with a long list uses it: opening it
// (the first row, then the whole list in), a search keystroke, a change of sort, "select all". Issue #7 sets budgets
// for the popup only; the popup's (first useful render < 200 ms, a keystroke < 16 ms) are printed beside the
// library's figures for comparison, not checked. Needs `npm run build` first; prints medians and every sample.
import { launch, snapshotBuild } from './browser';
import { measureLibrary, seed } from './measure-extension';
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
  const { opens, keystrokes, sorts, selects } = await measureLibrary(bench, narrowingPrefixes(library, RUNS), RUNS);
  console.log(`library page, ${LIBRARY} papers, ${RUNS} opens`);
  show('navigation → DOMContentLoaded', opens.map((o) => o.domContentLoaded));
  show('navigation → first row in the DOM', opens.map((o) => o.firstRow));
  show('navigation → first row drawn', opens.map((o) => o.framed));
  show('navigation → whole list in (its count shown)', opens.map((o) => o.complete));
  show('search keystroke → rows updated', keystrokes.map((s) => s.updated));
  show('search keystroke → updated rows drawn', keystrokes.map((s) => s.framed));
  show('search keystroke, main-thread work', keystrokes.map((s) => s.mainMs));
  show('sort changed → rows updated', sorts.map((s) => s.updated));
  show('sort changed → updated rows drawn', sorts.map((s) => s.framed));
  show('select all / none → rows show it', selects.map((s) => s.updated));
  show('select all / none → drawn', selects.map((s) => s.framed));
  console.log("the popup's budgets, for comparison: first useful render < 200 ms, a keystroke < 16 ms");
} finally {
  await bench.close();
}
