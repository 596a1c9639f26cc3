// Open pages follow the options page at once, in both browsers: a new tag rule puts its chips on the overlays already
// built, a followed author makes their cards stand out with a chip naming them, and relevance turned off takes the page
// control away, with no reload of the listing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { bothBrowsers, saveElsewhere, until, type Harness, type Tab } from './browsers';
import { DAILY_URL, PAGES, routes } from './pages';
import { huggingface } from '../../src/sites/huggingface';
import { checkRules } from '../../src/core/tags/rules';
import { runRules } from '../../src/core/tags/run-rules';
import { followedMatcher, nameParts } from '../../src/core/authors';

const RULE = { tag: 'livetag', match: 'reasoning', fields: 'title' as const };
// The listing's papers, as the adapter reads them.
const papers = (() => {
  const doc = new JSDOM(PAGES[DAILY_URL]!, { url: DAILY_URL }).window.document;
  const ctx = huggingface.context(doc, new URL(DAILY_URL), new Date('2026-07-02T12:00:00Z'));
  return huggingface.findCards(doc, ctx).map((card) => huggingface.extract(card, ctx)!);
})();
// The cards the rule tags.
const tagged = papers.filter((p) => runRules(checkRules([RULE]))(p).length).map((p) => p.id);
// An author of the second paper, followed as "Y. LeCun" would be: the given name's initial and the family name.
const AUTHOR = (() => {
  const name = papers[1]!.authors[0]!;
  const words = name.split(' ');
  return `${words[0]![0]}. ${words.slice(1).join(' ')}`;
})();
const byAuthor = papers.filter((p) => followedMatcher([AUTHOR])(p.authors).length).map((p) => p.id);
// A paper the reader saves from the page, and its first author, followed from the popup's details as the paper names them.
const FROM_POPUP = papers.find((p, i) => i > 1 && p.authors.length > 0 && !followedMatcher([AUTHOR])(p.authors).length)!;
const POPUP_AUTHOR = FROM_POPUP.authors[0]!;
const byPopupAuthor = papers.filter((p) => followedMatcher([POPUP_AUTHOR])(p.authors).length).map((p) => p.id);

const browsers = bothBrowsers(routes);

describe.each(browsers)('%s: an open listing follows the settings', (_name, launch) => {
  let harness: Harness;
  let tab: Tab;

  beforeAll(async () => {
    expect(tagged.length).toBeGreaterThan(0); // the fixture has a card the rule tags
    harness = await launch();
    await saveElsewhere(harness); // relevance is asked for only with a list to be like
    tab = await harness.newTab();
    await tab.goto(DAILY_URL);
    await until(async () => {
      const found = await tab.overlays();
      return found.length > 0 && found.every((o) => o.pressed !== null && o.built) && found;
    }, 'the overlays', 10_000);
    // Relevance is on by default (and something is saved): the control's host is on the page.
    await until(async () => tab.evaluate(() => document.querySelector('papershelf-controls') !== null), 'the control host', 5000);
    await tab.evaluate(() => void ((window as { notReloaded?: boolean }).notReloaded = true));
  });
  afterAll(() => harness?.close());

  /** Saves a change on the options page; answers what the page then says. */
  async function saveSettings(change: (options: Tab) => Promise<void>): Promise<string> {
    const options = await harness.openExtensionPage('src/options/index.html', 'form.settings');
    await change(options);
    await options.click(harness.byRole('button', 'Save settings'));
    // The save goes through the background, which tells every open tab first; a loaded machine (CI) took over 5 s once.
    await until(async () => (await options.texts('[role=status]')).includes('Saved.'), 'settings saved', 15_000);
    const said = (await options.texts('body')).join(' ');
    await options.close();
    return said;
  }

  it('a new tag rule shows its chip on the cards it tags, without a reload', async () => {
    expect((await tab.overlays()).filter((o) => o.chips.includes(RULE.tag))).toEqual([]);
    const said = await saveSettings(async (options) => {
      await options.click(harness.byRole('button', 'Add a rule'));
      await options.type(harness.byRole('textbox', 'Rule 1 tag'), RULE.tag);
      await options.type(harness.byRole('textbox', 'Rule 1 words or /regex/'), RULE.match);
      await options.select(harness.byRole('combobox', 'Rule 1 fields'), RULE.fields);
    });
    const withChip = await until(async () => {
      const found = (await tab.overlays()).filter((o) => o.chips.includes(RULE.tag));
      return found.length === tagged.length && found;
    }, `${tagged.length} "${RULE.tag}" chips`, 10_000);
    expect(withChip.map((o) => o.id)).toEqual(tagged);
    expect(await tab.evaluate(() => (window as { notReloaded?: boolean }).notReloaded)).toBe(true);
    expect(said).not.toMatch(/reload/i); // so the options page asks for none
  });

  it('a followed author, written with an initial, makes the cards by them stand out with a chip naming them, without a reload', async () => {
    expect(nameParts(AUTHOR)!.given).toHaveLength(1); // an initial, so the page's full name is found from it
    expect(byAuthor.length).toBeGreaterThan(0);
    expect(byAuthor.length).toBeLessThan(papers.length); // and not every card: the others must not stand out
    expect((await tab.overlays()).filter((o) => o.watched)).toEqual([]);
    await saveSettings((options) => options.type(harness.byRole('textbox', 'Followed authors, one name a line'), AUTHOR));
    const standOut = await until(async () => {
      const found = (await tab.overlays()).filter((o) => o.chips.includes(AUTHOR));
      return found.length === byAuthor.length && found;
    }, `${byAuthor.length} "${AUTHOR}" chips`, 10_000);
    expect(standOut.map((o) => o.id)).toEqual(byAuthor);
    expect(standOut.every((o) => o.watched && o.chips[0] === AUTHOR)).toBe(true); // first among the chips
    // The chip's star is drawn, not read: its alternative text is empty, so the chip is named by the author alone (a
    // screen reader said "black star" first). Chromium: the accessibility tree reaches into closed roots.
    expect(standOut.map((o) => o.authorStars)).toEqual(standOut.map(() => ['"★ " / ""']));
    if (tab.descriptions) {
      expect(await tab.descriptions('button', AUTHOR)).toHaveLength(byAuthor.length);
      expect(await tab.descriptions('button', `★ ${AUTHOR}`)).toEqual([]);
    }
    expect((await tab.overlays()).filter((o) => o.watched).map((o) => o.id)).toEqual(byAuthor);
    expect(await tab.evaluate(() => (window as { notReloaded?: boolean }).notReloaded)).toBe(true);
    const text = await tab.evaluate(() => document.documentElement.outerHTML.replace(/ data-papershelf-inspector(-controls)?="[^"]*"/g, ''));
    expect(text.split(AUTHOR)).toHaveLength(1); // the page never sees whom the reader follows
  });

  it("an author followed from a saved paper's details in the popup makes their cards stand out on the open page", async () => {
    expect(byPopupAuthor.length).toBeLessThan(papers.length);
    await tab.clickSave(FROM_POPUP.id);
    await until(async () => (await tab.overlays()).find((o) => o.id === FROM_POPUP.id)?.pressed === 'true', 'the paper saved');
    const popup = await harness.openPopup();
    await popup.click(harness.byRole('button', `More: details of “${FROM_POPUP.title}”`));
    const toggle = harness.byRole('button', `Follow ${POPUP_AUTHOR}`);
    await until(async () => popup.run<boolean>(`!!document.querySelector('button.author[aria-pressed="false"]:not([disabled])')`), 'the toggles ready');
    await popup.click(toggle);
    await until(async () => popup.run<boolean>(`[...document.querySelectorAll('button.author[aria-pressed="true"]')].some((b) => b.textContent.endsWith(${JSON.stringify(POPUP_AUTHOR)}))`), 'the toggle pressed');
    await until(async () => (await popup.texts('.filters label')).some((t) => t.startsWith('Followed authors (')), 'the filter offered');
    await popup.close();
    const standOut = await until(async () => {
      const found = (await tab.overlays()).filter((o) => o.chips.includes(POPUP_AUTHOR));
      return found.length === byPopupAuthor.length && found;
    }, `${byPopupAuthor.length} "${POPUP_AUTHOR}" chips`, 10_000);
    expect(standOut.map((o) => o.id)).toEqual(byPopupAuthor);
    expect(standOut.every((o) => o.watched)).toBe(true);
    // Kept where the options page shows it, beside the name followed there.
    const options = await harness.openExtensionPage('src/options/index.html', 'form.settings');
    expect(await options.run<string>(`document.querySelector('textarea.authors').value`)).toBe(`${AUTHOR}\n${POPUP_AUTHOR}`);
    // The list has a paper by the author followed from it, none by the one followed from the options page.
    await until(async () => (await options.texts('.followed-found')).join() === `1 of 2 names find papers in your list; none yet for “${AUTHOR}”.`, 'which names find papers');
    await options.close();
    expect(await tab.evaluate(() => (window as { notReloaded?: boolean }).notReloaded)).toBe(true);
  });

  it('relevance turned off takes the page control away, without a reload; the page learns no setting', async () => {
    const said = await saveSettings((options) => options.click(harness.byRole('checkbox', 'Mark relevant cards on listing pages')));
    await until(async () => tab.evaluate(() => document.querySelector('papershelf-controls') === null), 'the control gone', 10_000);
    expect((await tab.overlays()).filter((o) => o.relevance !== null)).toEqual([]);
    expect(await tab.evaluate(() => (window as { notReloaded?: boolean }).notReloaded)).toBe(true);
    const text = await tab.evaluate(() => document.documentElement.outerHTML.replace(/ data-papershelf-inspector(-controls)?="[^"]*"/g, ''));
    expect(text).not.toContain(RULE.tag); // the chips live in closed roots
    expect(said).not.toMatch(/reload/i);
  });
});
