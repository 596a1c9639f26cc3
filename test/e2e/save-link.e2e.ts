// Issue #5, "Saving from anywhere", end to end in Chromium: a click on "Save to reading list" in a link's context
// menu, on a page that is no paper site, puts the paper in the popup with the title Hugging Face's paper API gives
// (answered by the local fake API). Automation cannot open the browser's native menu, so the test calls the
// worker's click handler with what the browser would pass (menu item id, link, page); everything after the click
// (the permission request, the metadata request, the save, the notice to open pages) is the shipped code.
// Chromium only: Firefox's background page cannot be reached from the test driver.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium, until, type Harness } from './browsers';
import { startFakeApi, type FakeApi } from './fake-api/server';
import { MENU_ID } from '../../src/background/context-menu';

const BLOG_URL = 'https://blog.example.org/reading-notes';
const blog = `<!doctype html><html><head><title>Reading notes</title></head><body>
  <p>Worth a look: <a id="paper" href="https://arxiv.org/abs/2606.41234v2">this preprint</a>,
  and <a id="unknown" href="https://arxiv.org/abs/2606.49999">one the APIs do not know</a>.</p></body></html>`;

const PAPER = {
  id: '2606.41234',
  title: 'Sparse Routing for Long-Context Retrieval',
  authors: [{ name: 'Ada Lovelace' }, { name: 'Alan Turing' }],
  summary: 'We route long contexts sparsely. Code: https://github.com/longctx/sparse-route.',
  publishedAt: '2026-06-29T17:59:59.000Z',
  upvotes: 12,
};

let api: FakeApi;
let harness: Harness;

beforeAll(async () => {
  api = await startFakeApi();
  api.hfPapers.set(PAPER.id, PAPER);
  harness = await launchChromium('dist/chrome', (url) => (url === BLOG_URL ? { body: blog } : undefined));
});
afterAll(async () => {
  await harness?.close();
  await api?.close();
});

const click = (linkUrl: string) =>
  harness.inServiceWorker!(
    `globalThis.papershelfMenuClick({ menuItemId: ${JSON.stringify(MENU_ID)}, linkUrl: ${JSON.stringify(linkUrl)}, pageUrl: ${JSON.stringify(BLOG_URL)}, editable: false }, undefined)`,
  );

it('chromium: "Save to reading list" on a link saves the paper with the title the API gives, and on an unknown one a stand-in', async () => {
  const page = await harness.newTab();
  await page.goto(BLOG_URL);
  const popup = await harness.openPopup();
  await popup.waitFor('.empty');

  const link = await page.evaluate(() => (document.getElementById('paper') as HTMLAnchorElement).href);
  await click(link);
  await until(async () => (await popup.texts('li.item .title')).includes(PAPER.title), 'the saved paper in the popup', 10_000);
  expect(api.requests).toContain(`huggingface.co /api/papers/${PAPER.id}`); // the version is dropped
  const item = (await popup.texts('li.item')).find((t) => t.includes(PAPER.title))!;
  expect(item).toContain('Ada Lovelace');

  // An id no API knows is still saved, under its id, so the click is never lost.
  await click(await page.evaluate(() => (document.getElementById('unknown') as HTMLAnchorElement).href));
  await until(async () => (await popup.texts('li.item .title')).includes('arXiv:2606.49999'), 'the stand-in in the popup', 15_000);
  // Hugging Face did not know it, so arXiv's API was asked (the local stand-in: nothing here reaches the network).
  expect(api.requests).toEqual(expect.arrayContaining([`huggingface.co /api/papers/2606.49999`, `export.arxiv.org /api/query?id_list=2606.49999`]));
  expect(await popup.texts('li.item .title')).toEqual(['arXiv:2606.49999', PAPER.title]);

  // A link to no paper, or another menu's click, saves nothing.
  await click('https://blog.example.org/about');
  await harness.inServiceWorker!(`globalThis.papershelfMenuClick({ menuItemId: 'other', linkUrl: 'https://arxiv.org/abs/2606.40000' }, undefined)`);
  await new Promise((r) => setTimeout(r, 1000));
  expect(await popup.texts('li.item .title')).toHaveLength(2);
});
