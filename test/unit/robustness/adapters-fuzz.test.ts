// Fuzz every site adapter with mutated copies of its real-markup fixtures (issue #6, "Pages").
//
// For each adapter and each fixture, N seeded mutations (removed/duplicated/reordered/unwrapped/wrapped nodes,
// damaged attributes and JSON, 1 MB strings, odd characters, nested cards, ...). On every mutated page:
// extractPage never throws, every paper passes the background's PaperSchema, every card is an element of the
// document with a usable mount point, and the page is read in bounded time. A sample of the pages also runs
// through the Annotator (overlays in jsdom): overlays only on cards, one per card, and nothing but our own
// elements inside them.
//
// Reproduce one page: ROBUSTNESS_SEED=<base seed> ROBUSTNESS_ONLY=<site>/<fixture>#<chain> npx vitest run test/unit/robustness/adapters-fuzz.test.ts
// (the failure message prints both). ROBUSTNESS_PAGES scales the number of pages (default about 2,000, each with 1-4
// new mutations: over 5,000 mutations in all).
import { extractCard } from '../../../src/sites/extract-card';
import { JSDOM } from 'jsdom';
import { afterAll, describe, expect, it } from 'vitest';
import { adapters } from '../../../src/sites';
import type { SiteAdapter } from '../../../src/sites/types';
import type { Paper } from '../../../src/core/paper';
import { Annotator, type ReadingListPort } from '../../../src/content/annotator';
import { HOST_TAG } from '../../../src/content/overlay/host';
import { fixturesOf, type Fixture } from './fixtures';
import { checkPage, NOW, preview } from './fuzz-harness';
import { hashSeed, mutateDocument, Rng, type MutateOptions } from './mutate';
import { Findings, recordFigures } from '../../figures';

const BASE_SEED = Number(process.env.ROBUSTNESS_SEED ?? 20260712);
const ONLY = process.env.ROBUSTNESS_ONLY ?? null; // "<site>/<fixture>#<chain>"
// About 2.4 applied mutations a page: 2,100 pages keep the 5,000-mutation floor below the seeded count, not at it.
const TOTAL_PAGES = Number(process.env.ROBUSTNESS_PAGES ?? 2100);
/** Generous, so a slow CI machine does not flake; a super-linear regex on a 1 MB string blows far past it. */
const PAGE_BUDGET_MS = 2000;
/** Mutations applied one after the other to one copy of a page, which is checked after each. */
const STEPS = 6;
/** One chain in ANNOTATE_EVERY also runs its last page through the Annotator (jsdom windows are costly). */
const ANNOTATE_EVERY = 10;

/** Every paper must pass the background's schema: any schema problem fails the suite (none is tolerated). */
const knownGap = (_key: string): string | undefined => undefined;
const EXPLORE = !!process.env.ROBUSTNESS_EXPLORE; // record every schema problem as a finding instead of failing
const timing = new Map<string, { mutate: number; check: number; annotate: number; pages: number }>();
const MAX_HUGE = Number(process.env.ROBUSTNESS_MAX_HUGE ?? 1_000_000);
/** Mutation limits are the same for every adapter: no site gets smaller inputs to hide super-linear code. */
const optionsFor = (_site: string): MutateOptions => ({ maxHuge: MAX_HUGE });

const findings = new Findings();
const figures = { mutationsTried: 0, pagesChecked: 0, annotatedPages: 0, overlaysChecked: 0, papersChecked: 0, cardsChecked: 0 };
let slowest = { ms: 0, where: '' };
const started = performance.now();

const allFixtures = adapters.flatMap((adapter) => fixturesOf(adapter.id).map((fixture) => ({ adapter, fixture })));
const totalBytes = allFixtures.reduce((sum, f) => sum + f.fixture.html.length, 0);

/** Pages per fixture: an equal share, less for the few very large saved pages (cost grows with size). */
const weight = (f: Fixture) => (f.html.length > 200_000 ? 0.35 : f.html.length > 60_000 ? 0.7 : 1);
const weightSum = allFixtures.reduce((sum, f) => sum + weight(f.fixture), 0);
const quota = (f: Fixture) => Math.max(8, Math.round((TOTAL_PAGES * weight(f)) / weightSum));

function fakePort(): ReadingListPort {
  return {
    lookup: async (ids) => Object.fromEntries(ids.map((id) => [id, null])),
    save: async (paper) => ({ id: paper.id, status: 'to-read', tags: [] }),
    remove: async () => {},
    setStatus: async () => null,
    repo: async () => null,
    moreRepos: async () => [],
  };
}

const ALLOWED_IN_OVERLAY = new Set(['style', 'div', 'button', 'span', 'a', 'svg', 'path']);

/** Serialise the mutated page, load it in a real jsdom window and run the Annotator over it. */
async function annotateCheck(adapter: SiteAdapter<any>, html: string, url: string): Promise<string[]> {
  const counted = (n: number) => (figures.overlaysChecked += n);
  const problems: string[] = [];
  const dom = new JSDOM(html, { url });
  const win = dom.window;
  const doc = win.document;
  const roots = new Map<Element, ShadowRoot>();
  const attach = win.Element.prototype.attachShadow;
  win.Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
    const root = attach.call(this, init);
    roots.set(this, root);
    return root;
  };
  // What the adapter itself says the page holds: cards, their papers and mount parents.
  const ctx = adapter.context(doc, new URL(url), NOW);
  const expected = new Map<Element, Paper[]>(); // mount parent -> papers mounted there
  let cardCount = 0;
  for (const card of adapter.findCards(doc, ctx)) {
    let paper: Paper | null = null;
    try {
      paper = extractCard(adapter, card, ctx);
    } catch {
      paper = null;
    }
    if (!paper) continue;
    cardCount++;
    const { parent } = adapter.mountPoint(card);
    expected.set(parent, [...(expected.get(parent) ?? []), paper]);
  }
  const errors: unknown[] = [];
  const savedObserver = globalThis.MutationObserver;
  (globalThis as { MutationObserver: unknown }).MutationObserver = win.MutationObserver;
  const annotator = new Annotator({
    doc,
    adapterFor: (u) => (adapter.pageKind(u) ? adapter : null),
    port: fakePort(),
    now: () => NOW,
    onError: (error) => errors.push(error),
  });
  try {
    await annotator.start();
    for (let i = 0; i < 3; i++) await new Promise((resolve) => setTimeout(resolve, 0));
  } catch (error) {
    problems.push(`Annotator.start rejected: ${preview(String(error))}`);
  } finally {
    annotator.stop();
    (globalThis as { MutationObserver: unknown }).MutationObserver = savedObserver;
  }
  for (const error of errors) problems.push(`Annotator reported an error: ${preview(String((error as Error)?.message ?? error))}`);
  const hosts = Array.from(doc.getElementsByTagName(HOST_TAG));
  counted(hosts.length);
  if (hosts.length !== cardCount) problems.push(`${hosts.length} overlays for ${cardCount} cards with a paper`);
  const perParent = new Map<Element, Element[]>();
  for (const host of hosts) {
    const parent = host.parentElement;
    if (!parent || !expected.has(parent)) {
      problems.push(`overlay mounted outside any card's mount point (in <${parent?.localName}>)`);
      continue;
    }
    perParent.set(parent, [...(perParent.get(parent) ?? []), host]);
    const root = roots.get(host);
    if (!root) {
      problems.push('overlay without a shadow root');
      continue;
    }
    for (const el of Array.from(root.querySelectorAll('*'))) {
      if (!ALLOWED_IN_OVERLAY.has(el.localName)) problems.push(`unexpected <${el.localName}> inside an overlay`);
      if (el.localName === 'a' && !/^https:\/\/github\.com\/[A-Za-z0-9-]{1,39}\/[A-Za-z0-9._-]{1,100}$/.test(el.getAttribute('href') ?? '')) {
        problems.push(`overlay link that is not a GitHub repository: ${preview(el.getAttribute('href'))}`);
      }
      for (const attr of Array.from(el.attributes)) if (/^on/i.test(attr.name)) problems.push(`event handler attribute ${attr.name} in an overlay`);
    }
  }
  for (const [parent, list] of perParent) {
    const ids = expected.get(parent)!.map((p) => p.id).sort();
    const shown = list.map((h) => h.getAttribute('data-papershelf-id') ?? '').sort();
    if (JSON.stringify(ids) !== JSON.stringify(shown)) problems.push(`overlays ${preview(shown)} where the cards hold ${preview(ids)} (one overlay per card)`);
  }
  win.close();
  return problems;
}

describe.each(adapters.map((adapter) => [adapter.id, adapter] as const))('fuzz %s', (id, adapter) => {
  const fixtures = fixturesOf(id);

  it('has a URL for every fixture', () => {
    expect(fixtures.filter((f) => !f.url).map((f) => f.name)).toEqual([]);
    for (const f of fixtures) expect(adapter.pageKind(new URL(f.url!)), `${f.name} -> ${f.url}`).not.toBeNull();
  });

  it.each(fixtures.map((f) => [f.name, f] as const))('%s: mutated pages never break extraction', async (name, fixture) => {
    if (!fixture.url) return;
    const url = new URL(fixture.url);
    const base = new JSDOM(fixture.html, { url: fixture.url }).window.document;
    const failures: string[] = [];
    const chains = Math.ceil(quota(fixture) / STEPS);
    for (let chain = 0; chain < chains && failures.length < 5; chain++) {
      const where = `${id}/${name}#${chain}`;
      if (ONLY && ONLY !== where) continue;
      // One chain: a fresh copy of the page, then STEPS mutations, the page checked after each one.
      const seed = hashSeed(BASE_SEED, id, name, chain);
      const rng = new Rng(seed);
      const t0 = performance.now();
      const doc = base.cloneNode(true) as Document;
      const cards = adapter.findCards(doc, adapter.context(doc, url, NOW));
      const log: string[] = [];
      const tm = timing.get(`${id}/${name}`) ?? { mutate: 0, check: 0, annotate: 0, pages: 0 };
      timing.set(`${id}/${name}`, tm);
      tm.mutate += performance.now() - t0;
      for (let step = 1; step <= STEPS; step++) {
        const t1 = performance.now();
        const applied = mutateDocument(doc, rng, { cards }, rng.range(1, 4), optionsFor(id)).log;
        log.push(...applied);
        figures.mutationsTried += applied.length;
        figures.pagesChecked++;
        tm.pages++;
        const t2 = performance.now();
        tm.mutate += t2 - t1;
        const check = checkPage(adapter, doc, url);
        tm.check += check.ms;
        figures.papersChecked += check.papers.length;
        figures.cardsChecked += check.cards.length;
        const repro = `ROBUSTNESS_SEED=${BASE_SEED} ROBUSTNESS_ONLY=${where} (chain seed ${seed}, step ${step})\n    ${log.join('\n    ')}`;
        if (check.ms > slowest.ms) slowest = { ms: check.ms, where: `${where}.${step}: ${applied.join(' | ').slice(0, 300)}` };
        const problems = [...check.errors];
        if (check.ms > PAGE_BUDGET_MS) problems.push(`took ${check.ms.toFixed(0)} ms (budget ${PAGE_BUDGET_MS} ms)`);
        for (const error of check.skipped) {
          findings.add(`extract-threw:${id}`, `${id}.extract threw on a mutated card (extractPage skipped it)`, `${preview(String((error as Error)?.message ?? error))} — ${repro}`);
        }
        for (const { problem, paper } of check.schema) {
          const key = `schema:${id}:${problem}`;
          const known = knownGap(key);
          if (known || EXPLORE) findings.add(key, known ?? 'unexpected (explore mode)', `${preview(paper)} — ${repro}`);
          else problems.push(`paper fails PaperSchema (${problem}): ${preview(paper, 300)}`);
        }
        // The last page of some chains also goes through the Annotator in a real jsdom window.
        if (!problems.length && step === STEPS && chain % ANNOTATE_EVERY === 0) {
          const t3 = performance.now();
          figures.annotatedPages++;
          problems.push(...(await annotateCheck(adapter, `<!DOCTYPE html>${doc.documentElement.outerHTML}`, fixture.url)));
          tm.annotate += performance.now() - t3;
        }
        if (problems.length) {
          failures.push(`${where} step ${step}: ${problems.slice(0, 5).join('; ')}\n  repro: ${repro}`);
          break; // later steps of this chain would only repeat it
        }
      }
    }
    expect(failures, failures.join('\n')).toEqual([]);
  }, 120_000);
});

it('tried at least 5,000 mutations over all adapters', () => {
  if (ONLY || process.env.ROBUSTNESS_PAGES) return; // a replay or a scaled run
  expect(figures.mutationsTried).toBeGreaterThanOrEqual(5000);
  expect(figures.annotatedPages).toBeGreaterThanOrEqual(60);
});

afterAll(() => {
  const durationMs = Math.round(performance.now() - started);
  recordFigures({
    suite: 'adapters-fuzz',
    durationMs,
    seed: BASE_SEED,
    counts: {
      mutationsTried: figures.mutationsTried,
      pagesChecked: figures.pagesChecked,
      annotatedPages: figures.annotatedPages,
      overlaysChecked: figures.overlaysChecked,
      papersChecked: figures.papersChecked,
      cardsChecked: figures.cardsChecked,
    },
    details: { adapters: adapters.length, fixtures: allFixtures.length, fixtureBytes: totalBytes, slowestPageMs: Math.round(slowest.ms), slowestPage: slowest.where.slice(0, 120) },
    findings: findings.list(),
  });
  console.log(
    `[robustness] adapters: ${figures.pagesChecked} mutated pages (${figures.mutationsTried} mutations, seed ${BASE_SEED}), ` +
      `${figures.annotatedPages} annotated (${figures.overlaysChecked} overlays), ${figures.papersChecked} papers checked; slowest page ${slowest.ms.toFixed(0)} ms (${slowest.where.slice(0, 200)})`,
  );
  if (process.env.ROBUSTNESS_TIMING) {
    const sum = [...timing.values()].reduce((a, t) => ({ mutate: a.mutate + t.mutate, check: a.check + t.check, annotate: a.annotate + t.annotate, pages: a.pages + t.pages }), { mutate: 0, check: 0, annotate: 0, pages: 0 });
    const cpu = process.cpuUsage();
    console.log(`[timing] total pages ${sum.pages} mutate ${sum.mutate.toFixed(0)} check ${sum.check.toFixed(0)} annotate ${sum.annotate.toFixed(0)}; cpu user ${(cpu.user / 1000).toFixed(0)} ms`);
    for (const [k, t] of [...timing].sort((a, b) => b[1].mutate + b[1].check + b[1].annotate - (a[1].mutate + a[1].check + a[1].annotate)).slice(0, 15)) {
      console.log(`[timing] ${k} pages ${t.pages} mutate ${t.mutate.toFixed(0)} check ${t.check.toFixed(0)} annotate+ ${t.annotate.toFixed(0)}`);
    }
  }
  for (const f of findings.list()) console.log(`[robustness] finding ${f.id} x${f.count}: ${f.summary}\n    e.g. ${f.example?.slice(0, 600)}`);
});
