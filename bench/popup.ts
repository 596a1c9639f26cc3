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
  // Qualifiers (search-syntax.ts): the last letter of an author's family name (the first such keystroke: their keys
  // are read ahead once `author:` is typed), a tag and a year left out, each typed after the qualifier's start.
  const family = library[3]!.paper.authors[0]!.split(' ').at(-1)!.toLowerCase();
  const tag = library.find((saved) => saved.tags.length)?.tags[0] ?? 'vision';
  const qualified = [`author:${family}`, `tag:${tag}`, '-year:2025', `-status:done author:${family}`];
  const qualifierStrokes = [];
  for (const typed of qualified) {
    const k = await measureKeystroke(bench, last!.page, typed.slice(0, -1), typed.at(-1)!);
    if (k) qualifierStrokes.push(k);
  }
  // Quoted phrases (search-syntax.ts): two words of a title, each in many papers, as a phrase whose quote is still open
  // (the 3rd letter of its second word), the first word alone so, that phrase left out at its second word's first
  // letter (the one that changes what is left out: the next letters find the same few papers); and "the, a word of
  // nearly every abstract (every paper a hit to check for the phrase), beside the word alone.
  const [w1, w2] = library[5]!.paper.title.split(': ')[1]!.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 4);
  const phrased = [`"${w1} ${w2!.slice(0, 3)}`, `"${w1!.slice(0, 3)}`, `-"${w1} ${w2![0]}`, 'the', '"the'];
  const phraseStrokes = [];
  for (const typed of phrased) {
    const k = await measureKeystroke(bench, last!.page, typed.slice(0, -1), typed.at(-1)!);
    if (k) phraseStrokes.push(k);
  }
  // Several words, five of the list's commonest (each in a quarter to two thirds of the papers, ~100 papers having all
  // five), the last letter of the fifth typed: each keystroke of a longer query searched every word again (typing a
  // ten-word title, ~15 ms a keystroke, the 90th percentile 34, in Node).
  const share = new Map<string, number>();
  for (const saved of library) {
    for (const word of new Set(`${saved.paper.title} ${saved.paper.abstract ?? ''}`.toLowerCase().split(/[^\p{L}]+/u))) {
      if (word.length >= 5) share.set(word, (share.get(word) ?? 0) + 1);
    }
  }
  const common = [...share].filter(([, n]) => n >= library.length / 4).sort((a, b) => b[1] - a[1]).map(([word]) => word);
  const several = Array.from({ length: RUNS }, (_, i) => Array.from({ length: 5 }, (_, k) => common[(i + k * 3) % common.length]).join(' '));
  const severalStrokes = [];
  for (const typed of several) {
    const k = await measureKeystroke(bench, last!.page, typed.slice(0, -1), typed.at(-1)!);
    if (k) severalStrokes.push(k);
  }
  // A saved paper's whole abstract pasted into the empty box: every word is in it, so none stops the search early
  // (~1 s at 10,000 papers in Node before each word was looked for among the papers the words before it left).
  const pastes = [];
  for (let i = 0; i < RUNS; i++) {
    const k = await measureKeystroke(bench, last!.page, '', library[100 + i * 37]!.paper.abstract!);
    if (k) pastes.push(k);
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
  console.log(`qualifier keystrokes ${qualified.map((k) => `"${k}"`).join(' ')}`);
  show('qualifier keystroke → list updated', qualifierStrokes.map((s) => s.updated));
  show('qualifier keystroke, main-thread work', qualifierStrokes.map((s) => s.mainMs));
  if (phraseStrokes.length) console.log(`phrase keystrokes ${phraseStrokes.map((k) => `'${k.key}'`).join(' ')}`);
  if (phraseStrokes.length) show('phrase keystroke → list updated', phraseStrokes.map((s) => s.updated));
  if (phraseStrokes.length) show('phrase keystroke, main-thread work', phraseStrokes.map((s) => s.mainMs));
  console.log(`keystrokes of several words ${several.map((k) => `"${k}"`).join(' ')}`);
  show('several words keystroke → list updated', severalStrokes.map((s) => s.updated));
  show('several words keystroke, main-thread work', severalStrokes.map((s) => s.mainMs));
  show("a saved paper's abstract pasted → list updated", pastes.map((s) => s.updated));
  show("a saved paper's abstract pasted, main-thread work", pastes.map((s) => s.mainMs));
} finally {
  await bench.close();
}
