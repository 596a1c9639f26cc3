// Papers pasted, end to end in Chromium and Firefox, on the build as installed (no host added to its manifest): the
// popup of an empty list offers a box for one, and names an arXiv paper before any click or grant (both browsers
// grant a host whole, whatever the path its pattern names, so arXiv's API, export.arxiv.org, comes granted with the
// arXiv listing pages the extension reads: an arXiv paper's save asks for nothing); saved with Enter, its BibTeX is
// copied from the popup; the library page saves a pasted list. Titles come from the local fake of Hugging Face's API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bothBrowsers, copiedBuilds, until, type Harness, type Tab } from './browsers';
import { startFakeApi, type FakeApi } from './fake-api/server';

const dist = copiedBuilds('typed-paper');

/**
 * Click a Copy BibTeX button and wait for it to say `done`; what reached the clipboard, kept on its way there (the
 * page's real clipboard write still runs, and must succeed for the button to say so). The button asks for the write
 * inside the click with the text to come (a ClipboardItem's promise), so the text is read from the item it gives.
 * `lateMs`: the text reaches the browser that much later, as a first copy of a long list's may, after the click has
 * stopped counting as the reader's (about 5 s in both browsers).
 */
async function copyWith(tab: Tab, button: string, status: string, done: string, lateMs = 0): Promise<string> {
  await tab.run(`(() => {
    const clipboard = navigator.clipboard;
    const write = clipboard.write.bind(clipboard);
    globalThis.copied = undefined;
    globalThis.writes = 0;
    clipboard.write = (items) => {
      globalThis.writes++;
      const text = items[0].getType('text/plain').then((blob) => blob.text());
      void text.then((made) => (globalThis.copied = made));
      const late = new Promise((resolve) => setTimeout(resolve, ${lateMs})).then(() => text).then((made) => new Blob([made], { type: 'text/plain' }));
      return write([new ClipboardItem({ 'text/plain': late })]);
    };
  })()`);
  await tab.click(button);
  await until(async () => (await tab.texts(status)).includes(done), 'the copy', 10_000 + lateMs);
  await until(async () => (await tab.evaluate(() => (globalThis as any).copied)) !== undefined, 'the text given to the clipboard');
  expect(await tab.evaluate(() => (globalThis as any).writes)).toBe(1);
  return String(await tab.evaluate(() => (globalThis as any).copied));
}
const browsers = bothBrowsers(() => undefined, dist);

describe.each(browsers)('%s: papers pasted into the popup and the library', (_name, launch) => {
  let api: FakeApi;
  let harness: Harness;

  beforeAll(async () => {
    api = await startFakeApi();
    api.hfPapers.set('2606.47777', {
      id: '2606.47777',
      title: 'Named Before Any Grant',
      authors: [{ name: 'Ada Lovelace' }, { name: 'Alan Turing' }, { name: 'Grace Hopper' }, { name: 'Emmy Noether' }],
      summary: 'A paper.',
      publishedAt: '2026-06-29T17:59:59.000Z',
      upvotes: 1,
    });
    harness = await launch();
  });
  afterAll(async () => {
    await harness?.close();
    await api?.close();
  });

  const box = 'input[aria-label="Paste an arXiv id, a DOI or a paper\'s address"]';
  const typed = 'section[aria-label="The paper you typed"]';

  it("names an arXiv paper as its save will read it, arXiv's API granted at install", async () => {
    const popup = await harness.openPopup();
    await popup.waitFor(box); // the empty list's box
    expect(await popup.evaluate(() => (globalThis as any).browser.permissions.contains({ origins: ['https://export.arxiv.org/api/query*'] }))).toBe(true);
    await popup.type(box, '2606.47777');
    await until(async () => (await popup.texts(`${typed} .tab-paper-title`)).includes('Named Before Any Grant'), 'the title from Hugging Face', 10_000);
    expect(await popup.texts(`${typed} .tab-paper-authors`)).toEqual(['Ada Lovelace, Alan Turing, Grace Hopper et al.']);
    expect(await popup.texts(`${typed} button`)).toEqual(['Save to reading list']);
    expect(api.requests).toContain('huggingface.co /api/papers/2606.47777');
    await popup.close();
  });

  it('keeps the id of a paper its sources do not know, still to save', async () => {
    const popup = await harness.openPopup();
    await popup.waitFor(box);
    await popup.type(box, 'arXiv:2606.48888');
    await popup.waitFor(`${typed} button`);
    await until(async () => api.requests.includes('huggingface.co /api/papers/2606.48888'), 'Hugging Face asked');
    // Then arXiv's API is asked, which answers a feed without the paper.
    await until(async () => api.requests.some((r) => r.startsWith('export.arxiv.org /api/query')), "arXiv's API asked");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await popup.texts(`${typed} .tab-paper-title`)).toEqual(['arXiv:2606.48888']);
    expect(await popup.texts(`${typed} .tab-paper-authors`)).toEqual([]);
    await popup.close();
  });

  it("saved with Enter, its BibTeX is one click away: the library's export, loaded in the popup, on the clipboard", async () => {
    const popup = await harness.openPopup();
    await popup.waitFor(box);
    await popup.type(box, '2606.47777');
    await until(async () => (await popup.texts(`${typed} .tab-paper-title`)).includes('Named Before Any Grant'), 'the title');
    await popup.press('Enter');
    await until(async () => (await popup.texts('li.item .title')).includes('Named Before Any Grant'), 'the paper in the list', 15_000);
    await popup.click('li.item button[aria-expanded="false"]');
    const copied = await copyWith(popup, 'button[aria-label^="Copy BibTeX"]', '.copy-bibtex [role="status"]', 'BibTeX copied.');
    expect(copied).toMatch(/^@misc\{lovelace2026named,\n\ttitle = \{.*Named.*Grant.*\},\n/);
    expect(copied).toContain('author = {Lovelace, Ada and Turing, Alan and Hopper, Grace and Noether, Emmy}');
    expect(copied).toContain('eprint = {2606.47777}');
    await popup.close();
  });

  it('the library: a pasted list, looked up, then the papers not in the list saved in one go; their BibTeX copied', async () => {
    for (const [id, title] of [['2606.41111', 'First of the Pasted'], ['2606.42222', 'Second of the Pasted']] as const) {
      api.hfPapers.set(id, { id, title, authors: [{ name: 'Ada Lovelace' }], summary: 'A paper.', publishedAt: '2026-06-29T17:59:59.000Z', upvotes: 1 });
    }
    const library = await harness.openExtensionPage('src/library/index.html', '.library');
    const panel = 'section[aria-labelledby="paste-heading"]';
    // 2606.47777 was saved above.
    await library.type(`${panel} textarea`, 'Week 3: 2606.41111, arxiv.org/abs/2606.42222 (2606.47777)');
    await library.click(harness.byRole('button', 'Find papers'));
    await until(async () => (await library.texts(`${panel} p`)).includes('3 papers found: 2 to save, 1 in your list already.'), 'the lookup');
    expect(await library.texts(`${panel} p.muted`)).toContain('Not a paper: “Week”, “3”.');
    await library.click(harness.byRole('button', 'Save 2 papers'));
    await until(async () => (await library.texts(`${panel} [role="status"]`)).includes('Saved 2 papers.'), 'the saves', 20_000);
    await until(async () => {
      const titles = await library.texts('[role="table"] [role="row"]');
      return titles.some((t) => t.includes('First of the Pasted')) && titles.some((t) => t.includes('Second of the Pasted'));
    }, 'both in the table');

    // Both selected, their BibTeX copied from the bulk bar.
    await library.click('input[type="checkbox"][aria-label="Select “First of the Pasted”"]');
    await library.click('input[type="checkbox"][aria-label="Select “Second of the Pasted”"]');
    // Its text made 6 s after the click (a first copy of a 10,000-paper list waits for the list): still copied.
    const copied = await copyWith(library, 'button[aria-label="Copy BibTeX of the 2 papers selected"]', '.bulk .copy-bibtex [role="status"]', 'BibTeX of 2 papers copied.', 6000);
    expect(copied.match(/^@\w+\{/gm)).toHaveLength(2);
    expect(copied).toContain('eprint = {2606.41111}');
    expect(copied).toContain('eprint = {2606.42222}');
    await library.close();
  });
});
