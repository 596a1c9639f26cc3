// Issue #6 "Nothing lost, nothing leaked", end to end in real Chromium:
// 1. Ten tabs saving and removing with real clicks while three popups change statuses and add tags, all at once,
//    end in exactly the state the operations imply (no lost write, no duplicate), in the list and on every card.
// 2. The service worker is stopped (DevTools protocol) in the middle of an import and a stream of saves: every
//    acknowledged write is there, the import is all or nothing, no record is malformed, every caller got an answer
//    or an error it can show, and the extension works normally once a message wakes the worker again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import * as v from 'valibot';
import { copiedBuilds, launchChromium, until, type Harness, type OverlayInfo, type Tab } from './browsers';
import { DAILY_URL, NEW_URL, PAGES, routes } from './pages';
import { SavedPaperSchema } from '../../src/background/messages';
import { recordFigures } from '../figures';
import type { SavedPaper } from '../../src/storage/schema';

const CARDS = { [DAILY_URL]: 31, [NEW_URL]: 9 };

const DIST = copiedBuilds('concurrency', ['chrome']);

async function settledOverlays(tab: Tab, count: number) {
  return until(async () => {
    const found = await tab.overlays();
    return found.length === count && found.every((o) => o.pressed !== null) && found;
  }, `${count} overlays`, 15_000);
}

/** The whole list, read from an extension page through the background (a message wakes a stopped worker). */
async function readList(page: Tab): Promise<SavedPaper[]> {
  const reply = await page.run<{ ok: boolean; value: SavedPaper[]; error?: unknown }>(
    `chrome.runtime.sendMessage({ type: 'list', payload: {} })`,
  );
  if (!reply?.ok) throw new Error(`list failed: ${JSON.stringify(reply)}`);
  return reply.value;
}

// ------------------------------------------------------------------------------------ the model of the list

interface Entry {
  status: string;
  tags: string[];
}
type ListState = Map<string, Entry>;
type Op =
  | { kind: 'click'; id: string } // the save button toggles: saves an unsaved paper, removes a saved one
  | { kind: 'status'; id: string; status: string }
  | { kind: 'tag'; id: string; tag: string };

function apply(state: ListState, op: Op): ListState {
  const next = new Map(state);
  const entry = next.get(op.id);
  if (op.kind === 'click') {
    if (entry) next.delete(op.id);
    else next.set(op.id, { status: 'to-read', tags: [] });
  } else if (entry && op.kind === 'status') next.set(op.id, { ...entry, status: op.status });
  else if (entry && op.kind === 'tag') next.set(op.id, { ...entry, tags: [...new Set([...entry.tags, op.tag])].sort() });
  return next;
}

const fold = (state: ListState, ops: readonly Op[]) => ops.reduce(apply, state);
const plain = (state: ListState) => Object.fromEntries([...state].sort(([a], [b]) => a.localeCompare(b)));

// Chromium only. In Firefox (puppeteer over WebDriver BiDi) real input reaches reliably only the tab in the focused
// window. Tried: the three popups as tabs (a mouse click on "Details" in a background tab did not open it in 2 runs
// of 8; Enter on the focused button never did), and each popup in a window of its own (Enter reached none of the
// unfocused windows). Three popups typing at once cannot all have the focus.
describe('chromium: ten tabs and three popups writing at once', () => {
  let harness: Harness;
  const tabs: Tab[] = [];
  const popups: Tab[] = [];
  const role = (r: string, name: string) => harness.byRole(r, name);

  beforeAll(async () => {
    harness = await launchChromium(join(DIST, 'chrome'), routes);
  });
  afterAll(() => harness?.close());

  it('ends in exactly the state the operations imply, in the list and on every card of every tab', { timeout: 90_000 }, async () => {
    const urls = [...Array(5).fill(DAILY_URL), ...Array(5).fill(NEW_URL)] as string[];
    for (const url of urls) {
      const tab = await harness.newTab();
      await tab.goto(url);
      tabs.push(tab);
    }
    const daily = (await Promise.all(tabs.map((tab, i) => settledOverlays(tab, CARDS[urls[i] as keyof typeof CARDS]))))[0]!;
    const hf = daily.map((o) => o.id);
    const ax = (await tabs[5]!.overlays()).map((o) => o.id);
    expect(new Set([...hf, ...ax]).size).toBe(hf.length + ax.length); // no paper on both pages: clicks stay independent

    // Before: seven papers saved with the mouse, one after the other.
    const seeds = [...hf.slice(0, 6), ...ax.slice(0, 2)];
    let before: ListState = new Map();
    for (const id of seeds) {
      const tab = hf.includes(id) ? tabs[0]! : tabs[5]!;
      await tab.clickSave(id);
      await until(async () => (await tab.overlays()).find((o) => o.id === id)?.pressed === 'true', `${id} saved`);
      before = apply(before, { kind: 'click', id });
    }
    const records = await until(async () => {
      const list = await readList(await ensurePopups());
      return list.length === seeds.length && list;
    }, 'the seeded list');
    const title = (id: string) => records.find((r) => r.id === id)!.paper.title;

    // At once: each tab saves papers of its own and some remove a seeded one; the popups edit other seeded
    // papers, two of them adding different tags to the same two papers (each popup knows only its own copy).
    const clicks: Op[][] = tabs.map((_, t) => (t < 5 ? hf.slice(6 + 3 * t, 9 + 3 * t) : [ax[2 + t - 5]!]).map((id) => ({ kind: 'click', id })));
    clicks[0]!.push({ kind: 'click', id: hf[0]! });
    clicks[3]!.push({ kind: 'click', id: hf[1]! });
    clicks[7]!.push({ kind: 'click', id: ax[0]! });
    const edits: Op[][] = [
      [{ kind: 'status', id: hf[2]!, status: 'reading' }, { kind: 'status', id: hf[3]!, status: 'done' }, { kind: 'status', id: ax[1]!, status: 'done' }],
      [{ kind: 'tag', id: hf[2]!, tag: 'conc-b' }, { kind: 'tag', id: hf[4]!, tag: 'conc-b' }],
      [{ kind: 'tag', id: hf[2]!, tag: 'conc-c' }, { kind: 'tag', id: hf[4]!, tag: 'conc-c' }, { kind: 'tag', id: hf[5]!, tag: 'conc-c' }],
    ];
    const ops = [...clicks.flat(), ...edits.flat()];
    const expected = fold(before, ops);
    // The operations commute, so "the state they imply" does not depend on the order they land in.
    expect(plain(fold(before, [...ops].reverse()))).toEqual(plain(expected));

    const popupEdit = async (popup: Tab, op: Op) => {
      if (op.kind === 'status') return popup.select(role('combobox', `Status of “${title(op.id)}”`), op.status);
      if (op.kind !== 'tag') throw new Error('clicks are made in tabs');
      await popup.click(role('button', `More: details of “${title(op.id)}”`));
      const box = role('combobox', `Add a tag to “${title(op.id)}”`);
      await popup.waitFor(box);
      await popup.type(box, op.tag);
      await popup.press('Enter');
    };
    const started = Date.now();
    await Promise.all([
      ...tabs.map(async (tab, t) => {
        for (const op of clicks[t]!) await tab.clickSave(op.id); // no waiting for the answer: clicks pile up
      }),
      ...popups.map(async (popup, p) => {
        for (const op of edits[p]!) await popupEdit(popup, op);
      }),
    ]);
    const fired = Date.now() - started;

    // The list: exactly the expected papers, once each, with the expected statuses and tags.
    const view = (list: SavedPaper[]) => ({
      ids: list.map((r) => r.id).sort(),
      state: Object.fromEntries(list.map((r) => [r.id, { status: r.status, tags: [...r.tags].sort() }]).sort(([a], [b]) => String(a).localeCompare(String(b)))),
    });
    const want = { ids: [...expected.keys()].sort(), state: plain(expected) };
    let list: SavedPaper[] = [];
    await until(async () => {
      list = await readList(popups[0]!);
      return JSON.stringify(view(list)) === JSON.stringify(want);
    }, 'the list to match').catch(() => undefined);
    expect(view(list)).toEqual(want);
    expect(list.every((r) => v.is(SavedPaperSchema, r))).toBe(true);

    // Every card in every tab: pressed exactly when saved, and showing the user tags it has, no others.
    const testTags = new Set(edits.flat().flatMap((op) => (op.kind === 'tag' ? [op.tag] : [])));
    const cardView = async (tab: Tab) =>
      (await tab.overlays()).map((o) => ({ id: o.id, pressed: o.pressed, tags: o.chips.filter((c) => testTags.has(c)).sort() }));
    const cardsWant = (tab: Tab, i: number) =>
      (i < 5 ? hf : ax).map((id) => ({ id, pressed: String(expected.has(id)), tags: expected.get(id)?.tags ?? [] }));
    for (const [i, tab] of tabs.entries()) {
      let shown: Awaited<ReturnType<typeof cardView>> = [];
      await until(async () => JSON.stringify((shown = await cardView(tab))) === JSON.stringify(cardsWant(tab, i)), `tab ${i}`, 5000).catch(() => undefined);
      expect(shown, `tab ${i}`).toEqual(cardsWant(tab, i));
    }
    // And every popup shows the whole list.
    for (const popup of popups) {
      await until(async () => (await popup.texts('.bar .count'))[0] === `${expected.size} papers`, 'popup count', 5000).catch(() => undefined);
      expect(await popup.texts('.bar .count')).toEqual([`${expected.size} papers`]);
    }
    console.info(`concurrency: ${ops.length} operations fired in ${fired} ms; ${expected.size} papers at the end`);
    recordFigures({ suite: 'concurrency-e2e', durationMs: fired, counts: { concurrentOperationsChecked: ops.length }, details: { tabs: 10, popups: 3, papersAtTheEnd: expected.size } });
  });

  async function ensurePopups(): Promise<Tab> {
    while (popups.length < 3) {
      const popup = await harness.openPopup();
      await popup.waitFor('li.item');
      popups.push(popup);
    }
    return popups[0]!;
  }
});

// In an extension page: an import of IMPORT_SIZE records in one `putMany`, and two streams of single saves that
// run until told to stop; every request's outcome is recorded as the page saw it. The callback form of
// sendMessage is the one webextension-polyfill (our client) uses.
const IMPORT_SIZE = 3000;
const WRITES = `(() => {
  const paper = (id, i) => ({ id, title: 'Paper ' + i, authors: ['A. Author'], authorCount: 1, abstract: 'x'.repeat(1500),
    published: null, upvotes: null, githubRepos: [], githubStars: null, projectUrl: null, pdfUrl: null, url: null, venue: null,
    categories: [], version: null, doi: null, aliases: [], source: { site: 'arxiv', page: 'listing' } });
  const ask = (message) => new Promise((resolve) => chrome.runtime.sendMessage(message, (reply) => {
    const error = chrome.runtime.lastError;
    resolve(error ? 'error: ' + error.message : reply?.ok ? 'ok' : 'error: ' + JSON.stringify(reply));
  }));
  const w = (globalThis.writes = { outcomes: {}, sent: [], streaming: true });
  const records = Array.from({ length: ${IMPORT_SIZE} }, (_, i) => {
    const id = 'arxiv:2601.' + String(i).padStart(5, '0');
    return { id, paper: paper(id, i), status: 'to-read', tags: ['imported'], note: '', savedFrom: 'https://arxiv.org/', savedAt: i, updatedAt: i };
  });
  w.sent.push('import');
  ask({ type: 'putMany', payload: { records } }).then((o) => (w.outcomes.import = o));
  let n = 0;
  const stream = async () => {
    while (w.streaming) {
      const id = 'arxiv:2602.' + String(n++).padStart(5, '0');
      w.sent.push(id);
      w.outcomes[id] = await ask({ type: 'save', payload: { paper: paper(id, n), savedFrom: 'https://arxiv.org/' } });
    }
  };
  stream();
  stream();
})()`;

describe('chromium: the service worker stopped in the middle of writes', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await launchChromium(join(DIST, 'chrome'), routes);
  });
  afterAll(() => harness?.close());

  it('keeps every acknowledged write, the import all or nothing, every record whole, and answers every caller', { timeout: 90_000 }, async () => {
    const tabs: Tab[] = [];
    for (let i = 0; i < 3; i++) {
      const tab = await harness.newTab();
      await tab.goto(DAILY_URL);
      tabs.push(tab);
    }
    const hf = (await Promise.all(tabs.map((tab) => settledOverlays(tab, 31))))[0]!.map((o) => o.id);
    const page = await harness.openPopup();
    await page.waitFor('main.app');

    // Writes from the page, clicks on cards (the content script's real client), and the worker stopped twice.
    const clicked = hf.slice(0, 12);
    await page.run(WRITES);
    const messages = new Map<string, string>();
    const watchCards = async () => {
      for (const tab of tabs) for (const o of await tab.overlays()) if (o.message) messages.set(o.id, o.message);
    };
    // A card's message shows for 5 s: watch all along, so none is missed between the checks below.
    let watching = true;
    const watcher = (async () => {
      while (watching) {
        await watchCards().catch(() => undefined);
        await new Promise((r) => setTimeout(r, 250));
      }
    })();
    const clicking = Promise.all(
      tabs.map(async (tab, t) => {
        for (const id of clicked.filter((_, i) => i % tabs.length === t)) {
          await tab.clickSave(id);
          await new Promise((r) => setTimeout(r, 150));
        }
      }),
    );
    await new Promise((r) => setTimeout(r, 400));
    await harness.stopServiceWorker!();
    await watchCards();
    await new Promise((r) => setTimeout(r, 600));
    await harness.stopServiceWorker!();
    await clicking;
    await page.run('globalThis.writes.streaming = false');

    // Every caller gets an answer or an error it can show: nothing left hanging.
    type Writes = { outcomes: Record<string, string>; sent: string[] };
    let writes: Writes = { outcomes: {}, sent: [] };
    await until(async () => {
      writes = await page.run<Writes>('globalThis.writes');
      return writes.sent.every((id) => id in writes.outcomes);
    }, 'every request to be answered', 20_000).catch(() => undefined);
    expect(writes.sent.filter((id) => !(id in writes.outcomes)), 'requests never answered').toEqual([]);
    // A click whose save was cut off settles when its answer (or its error and the re-read) arrives: wait until
    // every clicked card agrees with the store in every tab, or time out and let the checks below say where not.
    const snapshot = async () => {
      const stored = new Set((await readList(page)).map((r) => r.id));
      const all = (await Promise.all(tabs.map((tab) => tab.overlays()))).flat();
      const agree = all.every((o) => o.pressed !== null) && clicked.every((id) => all.filter((o) => o.id === id).every((o) => o.pressed === String(stored.has(id))));
      return { all, agree };
    };
    const cards = await until(async () => {
      const { all, agree } = await snapshot();
      return agree && all;
    }, 'every clicked card to agree with the store', 20_000).catch(async () => (await snapshot()).all);

    watching = false;
    await watcher;
    await watchCards();
    // The worker wakes on the next message; what is stored is whole and consistent.
    const list = await readList(page);
    const ids = list.map((r) => r.id);
    expect(new Set(ids).size, 'duplicate ids').toBe(ids.length);
    expect(list.filter((r) => !v.safeParse(SavedPaperSchema, r).success).map((r) => r.id), 'malformed records').toEqual([]);
    const stored = new Set(ids);
    const acknowledged = Object.entries(writes.outcomes).filter(([, o]) => o === 'ok').map(([id]) => id);
    const failed = Object.entries(writes.outcomes).filter(([, o]) => o !== 'ok');
    expect(acknowledged.filter((id) => id !== 'import' && !stored.has(id)), 'acknowledged but lost').toEqual([]);
    const imported = ids.filter((id) => id.startsWith('arxiv:2601.')).length;
    expect([0, IMPORT_SIZE]).toContain(imported); // all or nothing
    if (writes.outcomes.import === 'ok') expect(imported).toBe(IMPORT_SIZE);
    // The stops did land in the middle of writes (otherwise this test proves nothing), and the writes failed for that
    // alone: a request the background refuses as malformed (a fixture behind the schema) would fail without a stop.
    expect(failed.length, 'writes interrupted by the stops').toBeGreaterThan(0);
    expect(failed.filter(([, o]) => o.includes('Invalid')), 'writes refused as malformed').toEqual([]);
    expect(acknowledged.length, 'writes acknowledged around the stops').toBeGreaterThan(0);

    // Cards, in every tab: saved exactly when stored (an answer lost after the commit does not fool them), and a
    // click that did not go through rolled back with a message.
    for (const id of clicked) {
      expect(cards.filter((o) => o.id === id).map((o) => o.pressed), id).toEqual(tabs.map(() => String(stored.has(id))));
      if (!stored.has(id)) expect(messages.get(id) ?? '', `${id} rolled back`).toMatch(/^Could not save\./);
    }

    // And afterwards everything works as usual: a click saves, and every tab follows.
    const next = hf[20]!;
    await tabs[0]!.clickSave(next);
    for (const tab of tabs) await until(async () => (await tab.overlays()).find((o) => o.id === next)?.pressed === 'true', `${next} saved in every tab`);
    expect((await readList(page)).some((r) => r.id === next)).toBe(true);
    await tabs[1]!.reload();
    const reloaded = await settledOverlays(tabs[1]!, 31);
    const now = new Set((await readList(page)).map((r) => r.id));
    expect(reloaded.filter((o) => o.pressed === 'true').map((o) => o.id)).toEqual(hf.filter((id) => now.has(id)));
    console.info(`worker stop: ${writes.sent.length} requests, ${acknowledged.length} acknowledged, ${failed.length} failed ` +
      `(${[...new Set(failed.map(([, o]) => o))].join(' | ')}); import ${writes.outcomes.import}, ${imported} stored; ` +
      `cards: ${clicked.filter((id) => cards.find((o) => o.id === id)?.pressed === 'true').length}/${clicked.length} saved`);
    recordFigures({
      suite: 'worker-stop-e2e',
      durationMs: 0,
      counts: { writesAcrossWorkerStops: writes.sent.length, acknowledgedWritesChecked: acknowledged.length },
      details: { failedAndReported: failed.length, importRecordsStored: imported },
    });
  });
});
