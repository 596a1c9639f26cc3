// `npx tsx bench/profile.ts [huggingface|arxiv] [cards]`: where the content script's time goes on one
// synthetic page. Builds the extension unminified (bench/vite.profile.config.ts, into a temporary directory, never
// dist/), loads the page in headless Chromium with a V8 CPU profile running, and prints the extension's
// functions by inclusive and self time (sampled, so proportions matter more than absolute values: the profiler
// slows the page down). Also writes the profile to /tmp/papershelf-<site>-<cards>.cpuprofile (DevTools can open it).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, type Served } from './browser';
import { benchPage, siteArg } from './pages';
import { appendCards, loadSettled, SCROLL_SCRIPT } from './measure-pages';
import { seed } from './measure-extension';
import { readingList } from './records';
import { parentsOf, sampledMs, type CallFrame, type CpuProfile } from './tracing';

const site = siteArg(process.argv[2], 'huggingface');
const cards = Number(process.argv[3] ?? 1000);
/** `--library N`: seed N saved papers first (every tenth card of the page among them), as `npm run bench` does. */
const libraryArg = process.argv.indexOf('--library');
const librarySize = libraryArg > 0 ? Number(process.argv[libraryArg + 1]) : 0;
/** `--append N`: profile only appending N cards to the settled page (the infinite-list case), not the load. */
const appendArg = process.argv.indexOf('--append');
const appendCount = appendArg > 0 ? Number(process.argv[appendArg + 1]) : 0;
/** `--scroll`: profile only the reader's scroll of `npm run bench` down the settled page. */
const scrolling = process.argv.includes('--scroll');

const out = mkdtempSync(join(tmpdir(), 'papershelf-profile-build-'));
console.error(`building unminified into ${out}`);
execFileSync('npx', ['vite', 'build', '-c', 'bench/vite.profile.config.ts', '--logLevel', 'error'], {
  stdio: ['ignore', 'ignore', 'inherit'],
  env: { ...process.env, PAPERSHELF_TARGET: 'chrome', PAPERSHELF_PROFILE_OUT: out },
});

const page = benchPage(site, cards);
// A small page on the same site first, so the profiler starts in the renderer that will load the big one.
const warm = site === 'huggingface' ? 'https://huggingface.co/papers/date/2026-07-01' : 'https://arxiv.org/list/cs.LG/recent';
const routes = new Map<string, Served>([
  [page.url, { body: Buffer.from(page.html), contentType: 'text/html; charset=utf-8' }],
  [warm, { body: Buffer.from('<!doctype html><title>warm-up</title>'), contentType: 'text/html' }],
]);
const bench = await launch({ extension: out, routes });
try {
  if (librarySize) {
    console.error(`seeding ${librarySize} saved papers`);
    await seed(bench, readingList({ count: librarySize, include: page.ids.filter((_, i) => i % 10 === 0) }));
  }
  const { page: tab, cdp } = await bench.newTab();
  await tab.goto(warm);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  if (!appendCount && !scrolling) await cdp.send('Profiler.start');
  let settled = await loadSettled(tab, page.url, true, 300_000);
  if (!appendCount && !scrolling && process.env.PROFILE_AFTER) await tab.waitForTimeout(Number(process.env.PROFILE_AFTER));
  if (appendCount) {
    await tab.waitForTimeout(1000);
    await cdp.send('Profiler.start');
    const done = await appendCards(tab, site, cards, appendCount, true);
    await tab.waitForTimeout(500);
    settled = done.knownAt ?? settled;
  }
  if (scrolling) {
    await tab.waitForTimeout(1000);
    await cdp.send('Profiler.start');
    await tab.evaluate(SCROLL_SCRIPT);
    await tab.waitForTimeout(500);
  }
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  const file = `/tmp/papershelf-${site}-${cards}.cpuprofile`;
  writeFileSync(file, JSON.stringify(profile));

  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = parentsOf(profile);
  const selfMs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const ours = (url: string) => url.includes('/src/content/');
  const name = (f: CallFrame) => `${f.functionName || '(anonymous)'} :${f.lineNumber + 1}`;
  const inclusive = new Map<string, number>();
  const self = new Map<string, number>();
  const { total, ours: inExtension } = sampledMs(profile, ours);
  for (const [id, ms] of selfMs) {
    const frame = nodes.get(id)!.callFrame;
    // Native work called from our code (createElement, attachShadow, ...) counts as the caller's self time.
    let owner: number | undefined = id;
    while (owner !== undefined && !ours(nodes.get(owner)!.callFrame.url)) owner = parent.get(owner);
    if (owner !== undefined) {
      const key = ours(frame.url) ? name(frame) : `${name(nodes.get(owner)!.callFrame)} → ${frame.functionName || '(native)'}`;
      self.set(key, (self.get(key) ?? 0) + ms);
    }
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const f = nodes.get(cur)!.callFrame;
      if (!ours(f.url) || seen.has(name(f))) continue;
      seen.add(name(f));
      inclusive.set(name(f), (inclusive.get(name(f)) ?? 0) + ms);
    }
  }
  const top = (m: Map<string, number>, k: number) =>
    [...m].sort((a, b) => b[1] - a[1]).slice(0, k).map(([key, ms]) => `${ms.toFixed(1).padStart(9)} ms  ${key}`).join('\n');
  console.log(`${site}, ${cards} cards: settled at ${settled.toFixed(0)} ms; ${total.toFixed(0)} ms sampled on the page's main thread, ${inExtension.toFixed(0)} ms in (or called from) the content script`);
  console.log('line numbers refer to the unminified build of the content script; profile written to', file);
  console.log('\ninclusive time, content-script functions:\n' + top(inclusive, 30));
  console.log('\nself time (with the native calls each function makes):\n' + top(self, 30));
} finally {
  await bench.close();
  rmSync(out, { recursive: true, force: true });
}
