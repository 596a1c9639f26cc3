// Chromium: a service worker Chrome stopped (as it does after 30 s idle) starts again with nothing in memory and reads
// the saved ids back: from its snapshot record when no write came after it, from the keys when one did
// (storage/saved-states.ts). Either way every card shows what the list holds, a save or a removal just before the
// stop included. Likewise relevance: the restarted worker reads its packed index (storage/relevance.ts) and marks the
// cards as before, also after a save no page asked relevance about since. Firefox keeps its background page; there is
// no worker to stop.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { huggingface } from '../../src/sites/huggingface';
import { launchChromium, storedSnapshot, until, type Harness, type Tab } from './browsers';
import { DAILY_URL, routes } from './pages';
import { SNAPSHOT_DELAY_MS } from '../../src/storage/saved-states';
import { WAKE_AFTER_MS } from '../../src/content/start';

let harness: Harness;
let tab: Tab;

beforeAll(async () => {
  harness = await launchChromium('dist/chrome', routes);
  tab = await harness.newTab();
});
afterAll(() => harness?.close());

/** The page's cards, each with its saved state known. */
async function settled(): Promise<{ id: string; pressed: string | null }[]> {
  return until(async () => {
    const found = await tab.overlays();
    return found.length > 2 && found.every((o) => o.pressed !== null) && found;
  }, 'every card with its saved state', 15_000);
}

const saved = async () => (await settled()).filter((o) => o.pressed === 'true').map((o) => o.id);

/** The snapshot record (saved ids, or with `key` another) and the database's generation. */
const snapshot = (key = 'saved-ids') => storedSnapshot(harness, key);

it('chromium: after a stop, the cards show the list as it is, read from the snapshot or, after a newer write, from the keys', async () => {
  await tab.goto(DAILY_URL);
  const [a, b] = (await settled()).map((o) => o.id);
  await tab.clickSave(a!);
  await until(async () => (await saved()).includes(a!), 'the first save');

  // Idle: the worker writes its snapshot a moment after the last write; then Chrome stops it.
  await new Promise((r) => setTimeout(r, SNAPSHOT_DELAY_MS + 1000));
  const written = await snapshot();
  expect(written.token).toBe(written.generation);
  expect(written.ids).toEqual([a]);
  await harness.stopServiceWorker!();
  await tab.reload();
  expect(await saved()).toEqual([a]);

  // A save, then a stop at once, before the snapshot of it (2 s later): the snapshot is of an older generation, and not
  // read (the unit tests of saved-states.ts check which is read; here, that the cards are right).
  await tab.clickSave(b!);
  await until(async () => (await saved()).includes(b!), 'the second save');
  // The card shows the click at once; the stop must come after the save committed (its new generation), or it undoes it.
  await until(async () => (await snapshot()).generation !== written.generation, 'the second save committed');
  await harness.stopServiceWorker!();
  await tab.reload();
  expect((await saved()).sort()).toEqual([a, b].sort());

  // A removal (from the popup), then a stop at once: the card is unsaved after it too.
  const popup = await harness.openPopup();
  expect(await popup.run(`chrome.runtime.sendMessage({ type: 'remove', payload: { id: '${a}' } }).then((r) => r.ok)`)).toBe(true);
  await popup.close();
  await harness.stopServiceWorker!();
  await tab.reload();
  expect(await saved()).toEqual([b]);
});

it('chromium: after a stop, relevance marks the cards as before, from the index it stored', async () => {
  const marked = async () => {
    await settled();
    await until(async () => (await tab.overlays()).some((o) => o.relevance !== null), 'a relevance mark', 10_000);
    await new Promise((r) => setTimeout(r, 300)); // every answer in
    return (await tab.overlays()).filter((o) => o.relevance !== null).map((o) => `${o.id}: ${o.relevance}`);
  };
  // The list holds one paper (the test above left it so); saved alone, this one has cards like it (relevance.e2e.ts).
  const doc = new JSDOM(readFileSync('test/fixtures/huggingface/daily-2026-07-02.html', 'utf8'), { url: DAILY_URL }).window.document;
  const ctx = huggingface.context(doc, new URL(DAILY_URL), new Date('2026-07-02T12:00:00Z'));
  const like = huggingface.findCards(doc, ctx).map((card) => huggingface.extract(card, ctx)!).find((p) => p.title.startsWith('Perceive-to-Reason'))!;
  await tab.goto(DAILY_URL);
  const [only] = await saved();
  const popup = await harness.openPopup();
  expect(await popup.run(`chrome.runtime.sendMessage({ type: 'remove', payload: { id: '${only}' } }).then((r) => r.ok)`)).toBe(true);
  await popup.close();
  await tab.clickSave(like.id);
  await until(async () => (await saved()).includes(like.id), 'the save');
  await tab.reload();
  const before = await marked();
  expect(before.length).toBeGreaterThan(0);
  await new Promise((r) => setTimeout(r, SNAPSHOT_DELAY_MS + 1000));
  const stored = await snapshot('relevance-index');
  expect(stored.token).toBe(stored.generation);
  await harness.stopServiceWorker!();
  // The rows emptied: the same marks can only come from the stored index.
  await emptyRows();
  await harness.stopServiceWorker!();
  await tab.reload();
  expect(await marked()).toEqual(before);

  // A save from the page, and no page asks for relevance after it (a reader goes off to read the paper): the index,
  // brought up to date with the save, is stored all the same, and the worker that starts after the pause reads it.
  const markedIds = new Set(before.map((m) => m.split(': ')[0]));
  const other = (await settled()).find((o) => o.pressed === 'false' && !markedIds.has(o.id))!.id;
  await tab.clickSave(other);
  await until(async () => (await saved()).includes(other), 'the second save');
  await new Promise((r) => setTimeout(r, SNAPSHOT_DELAY_MS + 1000));
  const again = await snapshot('relevance-index');
  expect(again.token).toBe(again.generation);
  expect(again.token).not.toBe(stored.token);
  await harness.stopServiceWorker!();
  await emptyRows();
  await harness.stopServiceWorker!();
  await tab.reload();
  const fromStored = await marked();
  // What the rows, rebuilt from the list, give.
  const popup2 = await harness.openPopup();
  expect(await popup2.run(`chrome.runtime.sendMessage({ type: 'resetRelevance', payload: {} }).then((r) => r.ok && r.value.papers)`)).toBe(2);
  await popup2.close();
  await tab.reload();
  expect(fromStored).toEqual(await marked());
});

it("chromium: the pointer reaching a card's Save starts a worker Chrome stopped, before any click", async () => {
  const running = () => harness.serviceWorkerRunning!();
  await tab.goto(DAILY_URL);
  const { id } = (await settled()).find((o) => o.pressed === 'false')!;
  await tab.hover(id); // scrolled to, the pointer on its card (not on Save)
  const save = (await tab.overlaysAsIs()).find((o) => o.id === id)!; // its save control's centre, as drawn now
  // The page's messages keep the worker up and the content script knows it: it wakes the worker only after WAKE_AFTER_MS
  // without one (the worker may have been stopped since). Then Chrome stops the idle worker.
  await new Promise((r) => setTimeout(r, WAKE_AFTER_MS + 500));
  await harness.stopServiceWorker!();
  await until(async () => !(await running()), 'the worker stopped');
  // Nothing else starts it: the pointer moving about the card, and a while.
  await tab.pointAt(save.x + 250, save.y);
  await new Promise((r) => setTimeout(r, 500));
  expect(await running()).toBe(false);
  await tab.pointAt(save.x, save.y);
  await until(running, 'the worker started as the pointer reached Save', 3000);
  expect((await tab.overlaysAsIs()).find((o) => o.id === id)?.pressed).toBe('false'); // and nothing saved
}, 90_000);

/** Every relevance row emptied behind the list's back (no new generation): an index built from them marks nothing. */
async function emptyRows(): Promise<void> {
  const page = await harness.openExtensionPage('src/options/index.html', 'form.settings');
  try {
    await page.run(`new Promise((resolve, reject) => {
      const open = indexedDB.open('papershelf');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const tx = open.result.transaction('relevance', 'readwrite');
        const rows = tx.objectStore('relevance');
        rows.openCursor().onsuccess = (event) => {
          const cursor = event.target.result;
          if (cursor) { cursor.update({ ...cursor.value, terms: [], counts: [] }); cursor.continue(); }
        };
        tx.oncomplete = () => { open.result.close(); resolve(true); };
        tx.onerror = () => reject(tx.error);
      };
    })`);
  } finally {
    await page.close();
  }
}
