// Issue #8 in both browsers: after saving a paper, a reload marks the cards like it (the background scores them),
// the page control moves focus to them, "Dim done" dims done papers' overlays, the page learns nothing, and the
// setting turns it all off.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { bothBrowsers, removeElsewhere, saveElsewhere, shownControls, storedSnapshot, until, type Harness, type Routes, type Tab, withStandInStyle } from './browsers';
import { huggingface } from '../../src/sites/huggingface';
import { buildModel } from '../../src/core/relevance/model';
import { scorer } from '../../src/core/relevance/score';
import { packedFromBytes, unpackIndex } from '../../src/core/relevance/pack';
import { SNAPSHOT_DELAY_MS } from '../../src/storage/saved-states';

const DAILY_URL = 'https://huggingface.co/papers/date/2026-07-02';
const daily = withStandInStyle(readFileSync('test/fixtures/huggingface/daily-2026-07-02.html', 'utf8'));
const routes: Routes = (url) => (url === DAILY_URL ? { body: daily } : undefined);

// The fixture's cards as the adapter reads them, and what the scorer says once one of them is saved.
const papers = (() => {
  const doc = new JSDOM(daily, { url: DAILY_URL }).window.document;
  const ctx = huggingface.context(doc, new URL(DAILY_URL), new Date('2026-07-02T12:00:00Z'));
  return huggingface.findCards(doc, ctx).map((card) => huggingface.extract(card, ctx)!);
})();
const SAVED = papers.find((p) => p.title.startsWith('Perceive-to-Reason'))!;
const expected = (() => {
  const s = scorer(buildModel([{ id: SAVED.id, title: SAVED.title, abstract: SAVED.abstract, tags: [] }]), {
    background: papers.map((p) => ({ id: p.id, title: p.title, abstract: p.abstract?.slice(0, 5000) ?? null })),
  });
  return papers.filter((p) => p.id !== SAVED.id && s.score(p).score >= s.threshold).map((p) => p.id);
})();

const browsers = bothBrowsers(routes);

async function settled(tab: Tab) {
  return until(async () => {
    const found = await tab.overlays();
    return found.length === papers.length && found.every((o) => o.pressed !== null) && found;
  }, `${papers.length} overlays`, 10_000);
}

async function controls(tab: Tab): Promise<{ label: string; pressed: string | null; disabled: string | null }[]> {
  return (await shownControls(tab)).map(({ label, pressed, disabled }) => ({ label, pressed, disabled }));
}

/** A real mouse click on the control's n-th button: the extension ignores a script's clicks. */
async function clickControl(tab: Tab, n: number): Promise<void> {
  await tab.toFront();
  const button = (await shownControls(tab))[n];
  if (!button) throw new Error(`no control button ${n}`);
  await tab.clickAt(button.x, button.y);
}

describe.each(browsers)('%s: relevance marks', (_name, launch) => {
  let harness: Harness;
  let tab: Tab;

  beforeAll(async () => {
    expect(expected.length).toBeGreaterThan(0); // the fixture has a card like the saved one
    harness = await launch();
    tab = await harness.newTab();
  });
  afterAll(() => harness?.close());

  it('while nothing is saved, marks nothing and draws no control: a new reader\'s listings stay as they were', async () => {
    await tab.goto(DAILY_URL);
    const overlays = await settled(tab);
    await new Promise((r) => setTimeout(r, 500)); // time a relevance answer would have had
    expect(overlays.filter((o) => o.relevance !== null)).toEqual([]);
    expect(await tab.evaluate(() => document.querySelector('papershelf-controls') === null)).toBe(true);
  });

  it('with a paper saved that no card is like, the control is drawn all the same, its "Next relevant" greyed and doing nothing', async () => {
    await saveElsewhere(harness);
    // The list's first paper: the open listing is told, and draws the control without a reload.
    await until(async () => (await controls(tab)).length > 0, 'the control, without a reload', 5000);
    await tab.reload();
    await settled(tab);
    // Drawn whether or not a card is relevant, so the page cannot tell from it (overlay-privacy.e2e.ts measures it).
    await until(async () => (await controls(tab)).length > 0, 'the control', 5000);
    expect((await tab.overlays()).filter((o) => o.relevance !== null)).toEqual([]);
    expect(await controls(tab)).toEqual([
      { label: 'Next relevant (0)', pressed: null, disabled: 'true' },
      { label: 'Dim done', pressed: 'false', disabled: null },
    ]);
    await clickControl(tab, 0);
    await new Promise((r) => setTimeout(r, 200));
    expect(await tab.evaluate(() => document.activeElement?.getAttribute('data-papershelf-id') ?? null)).toBeNull(); // no card to go to
    const library = await harness.openExtensionPage('src/library/index.html', '.library');
    await removeElsewhere(library); // the list below is the one saved paper (browsers.ts)
    await library.close();
    // The list's last paper gone: the control goes too.
    await until(() => tab.evaluate(() => document.querySelector('papershelf-controls') === null), 'the control gone, without a reload', 5000);
  });

  it('after a save and a reload, marks exactly the cards the scorer puts over the threshold, with the reason', async () => {
    await tab.clickSave(SAVED.id);
    await until(async () => (await tab.overlays()).find((o) => o.id === SAVED.id)?.pressed === 'true', 'the save', 3000);
    // The first paper of the list: the page is scored at once, as when relevance is turned on.
    const live = await until(async () => {
      const found = (await tab.overlays()).filter((o) => o.relevance !== null);
      return found.length === expected.length && found;
    }, `${expected.length} relevance marks without a reload`, 10_000);
    expect(live.map((o) => o.id)).toEqual(expected);
    await tab.reload();
    await settled(tab);
    const marked = await until(async () => {
      const found = (await tab.overlays()).filter((o) => o.relevance !== null);
      return found.length === expected.length && found;
    }, `${expected.length} relevance marks`, 10_000);
    expect(marked.map((o) => o.id)).toEqual(expected);
    for (const o of marked) expect(o.relevance).toMatch(/^Relevant: like 1 saved paper: "Perceive-to-Reason/);
    expect(await controls(tab)).toEqual([
      { label: `Next relevant (${expected.length})`, pressed: null, disabled: 'false' },
      { label: 'Dim done', pressed: 'false', disabled: null },
    ]);
  });

  it('2 s after the index is built, it is stored as one Blob under the list\'s generation, and reads back as that index', async () => {
    await new Promise((r) => setTimeout(r, SNAPSHOT_DELAY_MS + 1000));
    const stored = await storedSnapshot(harness, 'relevance-index');
    expect(stored.index).toBeInstanceOf(Array); // a Blob's bytes
    expect(stored.token).toBe(stored.generation);
    const docs = unpackIndex(packedFromBytes(Uint8Array.from(stored.index!).buffer));
    expect(docs?.map((d) => d.id)).toEqual([SAVED.id]);
  });

  it('a screen reader browsing the page (no focus on a mark) hears each mark with its reason', async ({ skip }) => {
    if (!tab.descriptions) skip(); // the accessibility tree is read over Chromium's DevTools protocol
    // Each mark is named for its card's paper ("Relevant: “…”"): one button of that name per marked card.
    const named = (id: string) => `Relevant: “${papers.find((p) => p.id === id)!.title}”`;
    const described = (await Promise.all(expected.map((id) => tab.descriptions!('button', named(id))))).flat();
    expect(described).toHaveLength(expected.length);
    for (const description of described) expect(description).toMatch(/^Relevant: like 1 saved paper: "Perceive-to-Reason/);
  });

  it('"Next relevant" moves focus to the marked card', async () => {
    await clickControl(tab, 0);
    expect(await tab.evaluate(() => document.activeElement?.getAttribute('data-papershelf-id'))).toBe(expected[0]);
    expect((await tab.overlays()).find((o) => o.id === expected[0])!.markFocused).toBe(true);
  });

  it('"Dim done" dims the overlay of a paper marked done', async () => {
    const popup = await harness.openPopup();
    await popup.waitFor('li.item');
    await popup.select(harness.byRole('combobox', `Status of “${SAVED.title}”`), 'done');
    await popup.close();
    await clickControl(tab, 1);
    await until(async () => (await tab.overlays()).find((o) => o.id === SAVED.id)?.dimmed, 'the done paper dimmed', 3000);
    expect((await tab.overlays()).filter((o) => o.dimmed).map((o) => o.id)).toEqual([SAVED.id]);
  });

  it('a page script learns nothing of the marks, the reasons or the control', async () => {
    const leak = await tab.evaluate(() => {
      const text = document.documentElement.outerHTML.replace(/ data-papershelf-inspector(-controls)?="[^"]*"/g, '');
      const control = document.querySelector('papershelf-controls');
      const cards = [...document.querySelectorAll('papershelf-overlay')].map((h) => h.parentElement!);
      return {
        words: text.match(/.{30}(Relevant|saved paper|Next relevant|Dim done).{30}/)?.[0] ?? null,
        controlRoot: control?.shadowRoot ?? null,
        controlAttributes: control?.getAttributeNames() ?? null,
        cardStyles: cards.filter((c) => getComputedStyle(c).opacity !== '1').length,
      };
    });
    expect(leak).toEqual({ words: null, controlRoot: null, controlAttributes: [], cardStyles: 0 });
  });

  it('turned off in the options, a reload marks nothing', async () => {
    const options = await harness.openExtensionPage('src/options/index.html', 'form.settings');
    await options.click(harness.byRole('checkbox', 'Mark relevant cards on listing pages'));
    await options.click(harness.byRole('button', 'Save settings'));
    await until(async () => (await options.texts('[role=status]')).includes('Saved.'), 'settings saved');
    await options.close();
    await tab.reload();
    const overlays = await settled(tab);
    await new Promise((r) => setTimeout(r, 500)); // time a relevance answer would have had
    expect((await tab.overlays()).filter((o) => o.relevance !== null)).toEqual([]);
    expect(overlays.find((o) => o.id === SAVED.id)!.pressed).toBe('true');
    expect(await tab.evaluate(() => document.querySelector('papershelf-controls') === null)).toBe(true);
  });
});
