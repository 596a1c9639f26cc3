// Storage and popup figures, with the extension only (there is no baseline for them).
// Storage is timed end to end through the message protocol, from an extension page: the request is sent with
// chrome.runtime.sendMessage, validated by the background, run against IndexedDB and answered; the time is
// until the reply arrives (a `save` replies only after its transaction has committed: acknowledged). For
// reference, the same lookup straight against IndexedDB inside the service worker is timed too.
import { LIST_PAGE } from '../src/popup/whole-list';
import type { Page } from 'playwright-core';
import type { Bench } from './browser';
import { mainThread, minus, stopServiceWorkers, within } from './browser';
import { freshPaper } from './records';
import { SNAPSHOT_DELAY_MS } from '../src/storage/saved-states';
import { RELEVANCE_SNAPSHOT_KEY, type SavedPaper } from '../src/storage/schema';
import type { Paper } from '../src/core/paper';

type Reply = { ok: true; value: unknown } | { ok: false; error: { message: string } };
interface ChromeRuntime {
  runtime: { sendMessage(message: unknown): Promise<Reply> };
}
declare global {
  // eslint-disable-next-line no-var
  var chrome: ChromeRuntime | undefined;
}

/** An extension page that runs none of our UI: chrome.runtime is there, nothing else competes. */
async function messagingPage(bench: Bench): Promise<Page> {
  const { page } = await bench.newTab();
  await page.goto(`chrome-extension://${bench.extensionId}/manifest.json`);
  return page;
}

/** How a build older than schema v5 refuses a paper's `version` and `doi` (it has neither field). */
/** An older build's refusal of a paper field it does not know: `version` and `doi` before schema v5, `aliases` before v8. */
const OLDER_REFUSAL = /paper\.(version|doi|aliases): unexpected key/;

/** The record without the paper fields an older build does not know. */
function olderShape(record: SavedPaper, unknown: ReadonlySet<string>): SavedPaper {
  const paper = Object.fromEntries(Object.entries(record.paper).filter(([key]) => !unknown.has(key)));
  return { ...record, paper: paper as unknown as SavedPaper['paper'] };
}

/**
 * Fill the reading list through the protocol's `putMany`, 1,000 records a message (as an import would);
 * resolves with the records written and the median time of one 1,000-record message.
 */
export async function seed(bench: Bench, records: SavedPaper[], chunk = 1000): Promise<{ written: number; putManyMs: number[] }> {
  const page = await messagingPage(bench);
  try {
    let written = 0;
    const putManyMs: number[] = [];
    let shaped = records;
    const unknownFields = new Set<string>();
    for (let start = 0; start < shaped.length; start += chunk) {
      const result = await within(
        page.evaluate(async (recs) => {
          const begin = performance.now();
          const reply = await globalThis.chrome!.runtime.sendMessage({ type: 'putMany', payload: { records: recs } });
          return { reply, ms: performance.now() - begin };
        }, shaped.slice(start, start + chunk)),
        120_000,
        'seeding the reading list',
      );
      const refused = !result.reply.ok && start === 0 ? OLDER_REFUSAL.exec(result.reply.error.message)?.[1] : undefined;
      if (refused && !unknownFields.has(refused)) {
        // An older build (`settle.ts --against`): its own record shape. Before v5 it knows neither `version` nor `doi`.
        for (const field of refused === 'aliases' ? ['aliases'] : ['version', 'doi', 'aliases']) unknownFields.add(field);
        shaped = records.map((record) => olderShape(record, unknownFields));
        start -= chunk;
        continue;
      }
      if (!result.reply.ok) throw new Error(`putMany failed: ${result.reply.error.message}`);
      written += (result.reply.value as { written: number }).written;
      putManyMs.push(result.ms);
    }
    return { written, putManyMs };
  } finally {
    await page.close();
  }
}

export interface StorageSamples {
  lookupMs: number[];
  /** The first lookup after the service worker was stopped: worker start, database open, all saved ids read. */
  coldLookupMs: number[];
  /** Ids found saved in the lookup (a check that the lookup looked at real data). */
  lookupHits: number;
  rawLookupMs: number[];
  /** Saves one at a time, 1 s apart. */
  saveMs: number[];
  /** Saves back to back (each waits for the one before to be acknowledged). */
  burstMs: number[];
  /** The first save after the service worker was stopped (a reader who read the page past the worker's 30 s idle). */
  coldSaveMs: number[];
  /** The save sent right after that one was acknowledged: the worker's first writes' follow-up work still running. */
  coldSecondSaveMs: number[];
  /**
   * The first save after the worker was stopped, sent WAKE_LEAD_MS after the wake-up a card's Save sends when the
   * reader's pointer or focus reaches it (content/start.ts wakeBackground), as a click follows them.
   */
  wokenSaveMs: number[];
  /** The whole list as the popup reads it: page after page (listPage), through messaging. */
  listMs: number[];
  listBytes: number;
  /** How many papers that list held (the seeded ones and those saved here). */
  listPapers: number;
}

/** Quiet time before each timed save. */
const SAVE_SPACING_MS = 1000;
/**
 * How long before a click its pointer reaches the button: a mouse's click comes at the release of a press that itself
 * comes after the pointer has settled on the button (each ~100 ms or more); a key press after the focus moved there.
 */
export const WAKE_LEAD_MS = 100;

export async function measureStorage(bench: Bench, ids: string[], runs: number, listRuns: number): Promise<StorageSamples> {
  const page = await messagingPage(bench);
  try {
    const lookupOnce = () =>
      page.evaluate(async (list) => {
        const start = performance.now();
        const reply = await globalThis.chrome!.runtime.sendMessage({ type: 'lookup', payload: { ids: list } });
        const ms = performance.now() - start;
        if (!reply.ok) throw new Error(reply.error.message);
        return { ms, hits: Object.values(reply.value as Record<string, unknown>).filter((s) => s !== null).length };
      }, ids);
    // An older build (`bench/lookup.ts --dist`) refuses paper fields it does not know: they are left out from then on.
    const unknownFields = new Set<string>();
    const saveOnce = async (paper: Paper): Promise<number> => {
      const shaped = olderShape({ paper } as SavedPaper, unknownFields).paper;
      const reply = await page.evaluate(async (p) => {
        const start = performance.now();
        const reply = await globalThis.chrome!.runtime.sendMessage({ type: 'save', payload: { paper: p, savedFrom: 'https://huggingface.co/papers' } });
        return { reply, ms: performance.now() - start };
      }, shaped);
      if (reply.reply.ok) return reply.ms;
      const refused = OLDER_REFUSAL.exec(reply.reply.error.message)?.[1];
      if (!refused || unknownFields.has(refused)) throw new Error(reply.reply.error.message);
      for (const field of refused === 'aliases' ? ['aliases'] : ['version', 'doi', 'aliases']) unknownFields.add(field);
      return saveOnce(paper);
    };

    await lookupOnce(); // warm: the service worker is up, the database open
    const lookupMs: number[] = [];
    let lookupHits = 0;
    for (let i = 0; i < runs; i++) {
      const r = await lookupOnce();
      lookupMs.push(r.ms);
      lookupHits = r.hits;
    }
    // Cold: stop the worker (as the browser does after 30 s idle), then the first lookup of a page. The idle time
    // is what the worker had to write its snapshot of the saved ids (storage/saved-states.ts) a moment after the
    // last write (here the seeding) or read of the keys: waited out, as the browser's 30 s would.
    const stopWhenIdle = async () => {
      await page.waitForTimeout(SNAPSHOT_DELAY_MS + 1000);
      await stopServiceWorkers(bench.context);
    };
    const coldRuns = Math.max(3, Math.ceil(runs / 2));
    const coldLookupMs: number[] = [];
    for (let i = 0; i < coldRuns; i++) {
      await stopWhenIdle();
      coldLookupMs.push((await lookupOnce()).ms);
    }
    const worker = await bench.worker();
    const rawLookupMs: number[] = [];
    for (let i = 0; i < runs + 1; i++) {
      const ms = await worker!.evaluate(async (list) => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const req = indexedDB.open('papershelf');
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
        const start = performance.now();
        const tx = db.transaction('papers', 'readonly');
        const store = tx.objectStore('papers');
        for (const id of list) store.get(id);
        await new Promise((resolve, reject) => {
          tx.oncomplete = resolve;
          tx.onerror = () => reject(tx.error);
        });
        const elapsed = performance.now() - start;
        db.close();
        return elapsed;
      }, ids);
      if (i > 0) rawLookupMs.push(ms);
    }
    await saveOnce(freshPaper(0));
    // One save at a time, as a reader saves: the follow-up work of the previous save (broadcast, toolbar
    // count) is over. Then the same back to back, as a burst of saves (a bulk action, quick clicks) meets it.
    const saveMs: number[] = [];
    for (let i = 1; i <= runs; i++) {
      await page.waitForTimeout(SAVE_SPACING_MS);
      saveMs.push(await saveOnce(freshPaper(i)));
    }
    await page.waitForTimeout(SAVE_SPACING_MS);
    const burstMs: number[] = [];
    for (let i = 1; i <= runs; i++) burstMs.push(await saveOnce(freshPaper(runs + i)));
    // Cold: most saves come minutes after the page loaded, when the browser has stopped the idle worker.
    const coldSaveMs: number[] = [];
    const coldSecondSaveMs: number[] = [];
    for (let i = 1; i <= coldRuns; i++) {
      await stopWhenIdle();
      coldSaveMs.push(await saveOnce(freshPaper(2 * runs + 2 * i - 1)));
      coldSecondSaveMs.push(await saveOnce(freshPaper(2 * runs + 2 * i)));
    }
    const wokenSaveMs: number[] = [];
    for (let i = 1; i <= coldRuns; i++) {
      await stopWhenIdle();
      // Not awaited, as the content script does not; an older build refuses it (it wakes the worker all the same).
      await page.evaluate(() => void globalThis.chrome!.runtime.sendMessage({ type: 'wake', payload: {} }).catch(() => undefined));
      await page.waitForTimeout(WAKE_LEAD_MS);
      wokenSaveMs.push(await saveOnce(freshPaper(2 * runs + 2 * coldRuns + i)));
    }
    const listMs: number[] = [];
    let listBytes = 0;
    let listPapers = 0;
    for (let i = 0; i < listRuns; i++) {
      const r = await page.evaluate(async (count) => {
        const start = performance.now();
        let after: string | null = null;
        let bytes = 0;
        let papers = 0;
        let measuring = 0; // time spent sizing the answers, left out of the figure
        do {
          const reply = (await globalThis.chrome!.runtime.sendMessage({ type: 'listPage', payload: { after, count } })) as
            | { ok: true; value: { papers: unknown[]; next: string | null } }
            | { ok: false; error: { message: string } };
          if (!reply.ok) throw new Error(reply.error.message);
          const t = performance.now();
          bytes += JSON.stringify(reply.value.papers).length;
          papers += reply.value.papers.length;
          measuring += performance.now() - t;
          after = reply.value.next;
        } while (after !== null);
        return { ms: performance.now() - start - measuring, bytes, papers };
      }, LIST_PAGE);
      listMs.push(r.ms);
      listBytes = r.bytes;
      listPapers = r.papers;
    }
    return { lookupMs, coldLookupMs, lookupHits, rawLookupMs, saveMs, burstMs, coldSaveMs, coldSecondSaveMs, wokenSaveMs, listMs, listBytes, listPapers };
  } finally {
    await page.close();
  }
}

export interface RelevanceIndexSamples {
  cards: number;
  marked: number;
  warmMs: number[];
  /** The first request after a save: the background reads the saved paper's row and assembles its index again. */
  afterSaveMs: number[];
  /** The first request after Chrome stopped the worker: the worker starts and reads back the index it stored. */
  coldMs: number[];
  /** Meanwhile, the longest a lookup sent during that request waited for its answer. */
  coldHeldMs: number[];
  /** The same without a stored index (after an update of the extension): every row read and indexed. */
  coldRowsMs: number[];
  /** Likewise. */
  coldRowsHeldMs: number[];
  /** The first request after a save that no request followed, then a stop (a reader saves a paper, then reads it). */
  coldAfterSaveMs: number[];
  /**
   * A save acknowledged, sent around the moment the background stores the index it built (SNAPSHOT_DELAY_MS after a
   * build): one save per offset in STORE_OFFSETS_MS, each after a build of its own.
   */
  saveWhileStoringMs: number[];
  /** First after an import that rewrote papers of the list (`imported`; none given: empty). */
  afterImportMs: number[];
  /** Meanwhile, the longest a lookup sent during that request waited. */
  afterImportHeldMs: number[];
}

/** When the save is sent, in ms after the request that built the index was answered (its store is due ~2 s later). */
export const STORE_OFFSETS_MS = Array.from({ length: 9 }, (_, i) => SNAPSHOT_DELAY_MS - 80 + 20 * i);

/**
 * A page's relevance request (the background scores the cards against the whole list), warm and when the background
 * must build its index again: after a save, and after the service worker stopped. `cards`: none of them saved.
 */
export async function measureRelevanceIndex(bench: Bench, cards: { id: string; title: string; abstract: string | null }[], runs: number, imported: SavedPaper[] = []): Promise<RelevanceIndexSamples> {
  const page = await messagingPage(bench);
  try {
    // The request, and meanwhile one lookup after another (of an id not saved): the longest a lookup waited is how
    // long the background was held by one task of the request's, as a save clicked then would wait.
    const ask = () =>
      page.evaluate(async (list) => {
        // No named function in here: tsx would wrap it in a helper the page does not have.
        const start = performance.now();
        let done = false;
        let heldMs = 0;
        const asked = (globalThis.chrome!.runtime.sendMessage({ type: 'relevance', payload: { cards: list } }) as Promise<{ ok: boolean; value?: unknown; error?: { message: string } }>).finally(() => void (done = true));
        while (!done) {
          const before = performance.now();
          await globalThis.chrome!.runtime.sendMessage({ type: 'lookup', payload: { ids: ['arxiv:2699.99999'] } });
          heldMs = Math.max(heldMs, performance.now() - before);
        }
        const reply = await asked;
        const ms = performance.now() - start;
        if (!reply.ok) throw new Error(reply.error!.message);
        return { ms, heldMs, marked: (reply.value as unknown[]).length };
      }, cards);
    /** A save from a page, acknowledged once committed. */
    const save = async (paper: Paper) => {
      const reply = await page.evaluate((p) => globalThis.chrome!.runtime.sendMessage({ type: 'save', payload: { paper: p, savedFrom: 'https://arxiv.org/list/cs.LG/new' } }), paper);
      if (!reply.ok) throw new Error(`the save failed: ${reply.error.message}`);
    };
    /** The request, first after a worker stop; the worker's deferred writes (its snapshots, 2 s after the last build or write) waited out before, as 30 s idle would. */
    const askAfterStop = async (beforeStop?: () => Promise<void>) => {
      await page.waitForTimeout(SNAPSHOT_DELAY_MS + 1000);
      await beforeStop?.();
      await stopServiceWorkers(bench.context);
      await page.goto(page.url());
      return ask();
    };
    const { marked } = await ask();
    const warmMs: number[] = [];
    for (let i = 0; i < runs; i++) warmMs.push((await ask()).ms);
    const afterSaveMs: number[] = [];
    for (let i = 0; i < runs; i++) {
      await save(freshPaper(1000 + i));
      afterSaveMs.push((await ask()).ms);
    }
    // An import that rewrites papers of the list (one `putMany`, as the popup's import sends), then a page's request:
    // the background reads the rows it wrote again.
    const afterImportMs: number[] = [];
    const afterImportHeldMs: number[] = [];
    for (let i = 0; imported.length && i < runs; i++) {
      await seed(bench, imported.map((record) => ({ ...record, note: `imported, run ${i}` })), imported.length);
      const asked = await ask();
      afterImportMs.push(asked.ms);
      afterImportHeldMs.push(asked.heldMs);
    }
    const saveWhileStoringMs: number[] = [];
    for (const [i, offset] of STORE_OFFSETS_MS.entries()) {
      const ms = await page.evaluate(async ({ list, paper, next, wait }) => {
        type Reply = { ok: boolean; error?: { message: string } };
        const from = 'https://arxiv.org/list/cs.LG/new';
        for (const message of [{ type: 'save', payload: { paper, savedFrom: from } }, { type: 'relevance', payload: { cards: list } }]) {
          const reply = (await globalThis.chrome!.runtime.sendMessage(message)) as Reply;
          if (!reply.ok) throw new Error(reply.error!.message);
        }
        await new Promise((resolve) => setTimeout(resolve, wait));
        const start = performance.now();
        const reply = (await globalThis.chrome!.runtime.sendMessage({ type: 'save', payload: { paper: next, savedFrom: from } })) as Reply;
        if (!reply.ok) throw new Error(reply.error!.message);
        return performance.now() - start;
      }, { list: cards, paper: freshPaper(2000 + 2 * i), next: freshPaper(2001 + 2 * i), wait: offset });
      saveWhileStoringMs.push(ms);
    }
    const coldMs: number[] = [];
    const coldHeldMs: number[] = [];
    const coldRowsMs: number[] = [];
    const coldRowsHeldMs: number[] = [];
    const coldAfterSaveMs: number[] = [];
    for (let i = 0; i < runs; i++) {
      const cold = await askAfterStop();
      coldMs.push(cold.ms);
      coldHeldMs.push(cold.heldMs);
      // Then without the stored index (as after an update of the extension): every row read.
      const rows = await askAfterStop(() => page.evaluate((key) => new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('papershelf');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          // Builds before schema v9 (another build, --dist) kept it in `meta`.
          const store = open.result.objectStoreNames.contains('snapshots') ? 'snapshots' : 'meta';
          const tx = open.result.transaction(store, 'readwrite');
          tx.objectStore(store).delete(key);
          tx.oncomplete = () => (open.result.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
      }), RELEVANCE_SNAPSHOT_KEY));
      coldRowsMs.push(rows.ms);
      coldRowsHeldMs.push(rows.heldMs);
      // A save from a page, no request after it (the reader goes off to read the paper), then a stop.
      await page.waitForTimeout(SNAPSHOT_DELAY_MS + 1000);
      await save(freshPaper(3000 + i));
      coldAfterSaveMs.push((await askAfterStop()).ms);
    }
    return { cards: cards.length, marked, warmMs, afterSaveMs, afterImportMs, afterImportHeldMs, saveWhileStoringMs, coldMs, coldHeldMs, coldRowsMs, coldRowsHeldMs, coldAfterSaveMs };
  } finally {
    await page.close();
  }
}

export interface PopupSample {
  /** ms from navigation start until the first list item is in the DOM, and until the frame showing it is drawn. */
  firstItem: number;
  firstItemFramed: number | null;
  /** ms until the first item of the background's answer is in the DOM (before it, the popup shows its copy from its last open). */
  answeredItem: number;
  /** ms from navigation start until the popup page's DOMContentLoaded ended (the browser's part: a renderer, the page, its script). */
  domContentLoaded: number;
  /** ms from navigation start until the browser's first frame with content (first-contentful-paint). */
  firstContentfulPaint: number;
  items: number;
  /** Main-thread work of the popup's renderer from navigation until the first item was drawn + 300 ms. */
  mainMs: number;
}

export interface KeystrokeSample {
  key: string;
  /** DOM mutation batches seen between the keystroke and the list showing other items (re-renders). */
  mutations: number;
  /** ms from the keydown event until the list changed, and until the frame showing it was drawn. */
  updated: number;
  framed: number;
  /** Event Timing: longest reported duration of the keystroke's events (>= 16 ms only; 0 when none was reported). */
  eventDuration: number;
  /** Main-thread work from the keystroke until quiet (the search itself, rendering, any timers). */
  mainMs: number;
}

interface PopupTiming {
  firstItemAt: number | null;
  firstItemFramedAt: number | null;
  answeredItemAt: number | null;
  /** The library page only (bench/library.ts): when its whole list is in. */
  completeAt: number | null;
  events: { name: string; start: number; duration: number }[];
  armed: Promise<{ keyAt: number; updatedAt: number; framedAt: number; mutations: number } | null> | null;
  errors: string[];
  items(): number;
  arm(timeoutMs: number): boolean;
}
declare global {
  // eslint-disable-next-line no-var
  var __papershelfPopup: PopupTiming | undefined;
}

const POPUP = 'src/popup/index.html';

/** Open the popup as a tab (the document the toolbar popup shows) and time its first useful render. */
export async function measurePopupOpen(bench: Bench): Promise<{ sample: PopupSample; page: Page; close(): Promise<void> }> {
  const { page, cdp } = await bench.newTab();
  await page.goto(`chrome-extension://${bench.extensionId}/${POPUP}`);
  await within(
    page.waitForFunction(() => globalThis.__papershelfPopup?.firstItemFramedAt != null && globalThis.__papershelfPopup.answeredItemAt != null, undefined, { timeout: 120_000, polling: 100 }),
    125_000,
    'the popup list',
  );
  await page.waitForTimeout(300);
  const main = await mainThread(cdp);
  const t = await page.evaluate(() => ({
    first: globalThis.__papershelfPopup!.firstItemAt!,
    framed: globalThis.__papershelfPopup!.firstItemFramedAt,
    answered: globalThis.__papershelfPopup!.answeredItemAt!,
    items: globalThis.__papershelfPopup!.items(),
    dcl: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.domContentLoadedEventEnd ?? NaN,
    fcp: performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint')?.startTime ?? NaN,
  }));
  return {
    sample: { firstItem: t.first, firstItemFramed: t.framed, answeredItem: t.answered, domContentLoaded: t.dcl, firstContentfulPaint: t.fcp, items: t.items, mainMs: main.task * 1000 },
    page,
    close: () => page.close(),
  };
}

/**
 * One search keystroke in an open popup: type `prefix` (not timed), let it
 * settle, then time the next character, which starts a search and changes the list. Clears the box after.
 */
export async function measureKeystroke(bench: Bench, page: Page, prefix: string, key: string): Promise<KeystrokeSample | null> {
  const cdp = await bench.context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const box = page.locator('input[type="search"]').first();
  await box.click();
  await box.fill('');
  await page.keyboard.type(prefix);
  await page.waitForTimeout(500);
  const eventsBefore = await page.evaluate(() => globalThis.__papershelfPopup!.events.length);
  const before = await mainThread(cdp);
  await page.evaluate(() => globalThis.__papershelfPopup!.arm(5000));
  // A key, or text pasted (more than one character: inserted at once, in one input event, as a paste is).
  await ([...key].length > 1 ? page.keyboard.insertText(key) : page.keyboard.press(key));
  const result = await page.evaluate(() => globalThis.__papershelfPopup!.armed);
  await page.waitForTimeout(500);
  const after = await mainThread(cdp);
  const events = await page.evaluate((n) => globalThis.__papershelfPopup!.events.slice(n), eventsBefore);
  await box.fill('');
  await page.waitForTimeout(400);
  await cdp.detach();
  if (!result) return null;
  return {
    key: prefix + key,
    mutations: result.mutations,
    updated: result.updatedAt - result.keyAt,
    framed: result.framedAt - result.keyAt,
    eventDuration: Math.max(0, ...events.filter((e) => e.name.startsWith('key') || e.name === 'input' || e.name === 'beforeinput').map((e) => e.duration)),
    mainMs: minus(after, before).task * 1000,
  };
}

/** Wait until a search works over the whole list (it loads after the newest 60, and is indexed in chunks after the first render). */
export async function waitForSearchIndex(page: Page, timeoutMs = 30_000): Promise<number> {
  const box = page.locator('input[type="search"]').first();
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    await box.fill('');
    await page.waitForTimeout(200);
    await box.fill('th');
    await page.waitForTimeout(400);
    // Ready once the whole list is in (the popup opens with the newest 60) and indexed.
    const preparing = (await page.getByText('Preparing search').count()) + (await page.getByText('loading the rest').count());
    if (!preparing) {
      await box.fill('');
      await page.waitForTimeout(400);
      return Date.now() - start;
    }
  }
  throw new Error('the popup search index was not ready in time');
}

export interface LibrarySample {
  /** ms from navigation start of the library page. */
  opens: { domContentLoaded: number; firstRow: number; framed: number; complete: number }[];
  keystrokes: KeystrokeSample[];
  /** ms from the change until the rows showed it (`updated`) and the frame with them was drawn (`framed`). */
  sorts: { updated: number; framed: number }[];
  selects: { updated: number; framed: number }[];
}

const LIBRARY_PAGE = 'src/library/index.html';

/**
 * In the page: run `act`, then wait until `done` holds (checked at each DOM change), and time both that and the end
 * of the frame that shows it, from just before `act` (no protocol round trip in the figure).
 */
async function timeInPage(page: Page, act: string, done: string): Promise<{ updated: number; framed: number } | null> {
  return page.evaluate(
    ([actSource, doneSource]) =>
      new Promise<{ updated: number; framed: number } | null>((resolve) => {
        // Bench-only: the two steps come from this file as source text (a page function cannot take closures).
        const act = new Function(actSource!) as () => void;
        const done = new Function(`return (${doneSource!});`) as () => boolean;
        const timer = setTimeout(() => {
          observer.disconnect();
          resolve(null);
        }, 10_000);
        const observer = new MutationObserver(() => {
          if (!done()) return;
          const updated = performance.now() - start;
          observer.disconnect();
          clearTimeout(timer);
          requestAnimationFrame(() => setTimeout(() => resolve({ updated, framed: performance.now() - start }), 0));
        });
        observer.observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true });
        const start = performance.now();
        act();
      }),
    [act, done],
  );
}

/**
 * The full-page library over the list seeded: `runs` opens (the first row, then the whole list in), then in the last
 * one, its search index ready, a search keystroke per key (its last letter timed), six changes of sort and `runs`
 * rounds of "select all" and none.
 */
export async function measureLibrary(bench: Bench, keys: readonly string[], runs: number): Promise<LibrarySample> {
  const opens: LibrarySample['opens'] = [];
  let page: Page | null = null;
  for (let i = 0; i < runs; i++) {
    page = (await bench.newTab()).page;
    await page.goto(`chrome-extension://${bench.extensionId}/${LIBRARY_PAGE}`);
    await within(
      page.waitForFunction(() => globalThis.__papershelfPopup?.firstItemFramedAt != null && globalThis.__papershelfPopup.completeAt != null, undefined, { timeout: 120_000, polling: 100 }),
      125_000,
      'the library page',
    );
    opens.push(
      await page.evaluate(() => ({
        domContentLoaded: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.domContentLoadedEventEnd ?? NaN,
        firstRow: globalThis.__papershelfPopup!.firstItemAt!,
        framed: globalThis.__papershelfPopup!.firstItemFramedAt!,
        complete: globalThis.__papershelfPopup!.completeAt!,
      })),
    );
    if (i < runs - 1) await page.close();
  }
  try {
    await waitForSearchIndex(page!);
    const keystrokes: KeystrokeSample[] = [];
    for (const key of keys) {
      const k = await measureKeystroke(bench, page!, key.slice(0, -1), key.at(-1)!);
      if (k) keystrokes.push(k);
    }
    // A change of sort over the whole list: the first row shown changes.
    const firstRow = `document.querySelector('[role="row"][data-id]')?.getAttribute('data-id')`;
    const sorts = [];
    for (const sort of ['title', 'published', 'stars', 'saved', 'title', 'saved']) {
      await page!.waitForTimeout(300);
      const before = await page!.evaluate(firstRow);
      const t = await timeInPage(
        page!,
        `const s = document.querySelector('.controls select'); s.value = ${JSON.stringify(sort)}; s.dispatchEvent(new Event('change', { bubbles: true }));`,
        `${firstRow} !== ${JSON.stringify(before)}`,
      );
      if (t) sorts.push(t);
    }
    // "Select all" over every paper shown, then none again: the rows on screen show it.
    const selects = [];
    for (let i = 0; i < runs; i++) {
      for (const on of [true, false]) {
        await page!.waitForTimeout(300);
        const t = await timeInPage(page!, `document.querySelector('[role="columnheader"] input[type="checkbox"]').click();`, `${on ? '' : '!'}document.querySelector('[role="row"][data-id].selected')`);
        if (t) selects.push(t);
      }
    }
    return { opens, keystrokes, sorts, selects };
  } finally {
    await page!.close();
  }
}
