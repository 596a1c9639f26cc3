// Optional sites (issue #3): nothing runs on OpenReview until the user enables it on the options page; then
// the background registers OpenReview's own content script and its pages get overlays, also those reached by the
// site's in-page navigation from a page it does not read (its home). Firefox only: its optional-permission prompt can
// be switched off for automation, Chromium's cannot be answered.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { launchFirefox, until, type Harness } from './browsers';

const GROUP_URL = 'https://openreview.net/group?id=ICLR.cc/2024/Conference';
const HOME_URL = 'https://openreview.net/';
const group = readFileSync('test/fixtures/openreview/group-iclr-2024.html', 'utf8');
/** A stand-in for OpenReview's home: a venue list whose links the app follows in-page (next/link). */
const HOME = `<!DOCTYPE html><html><head><title>OpenReview</title></head><body><main><h1>Active Venues</h1>
  <ul><li><h2><a class="venue" href="/group?id=ICLR.cc/2024/Conference">ICLR 2024 Conference</a></h2></li></ul></main></body></html>`;
const ALPHAXIV_HOME = 'https://www.alphaxiv.org/';
const ALPHAXIV_PAPER = 'https://www.alphaxiv.org/abs/2406.01234v2';
const alphaxivPaper = readFileSync('test/fixtures/alphaxiv/abs-2406.01234.html', 'utf8');
/** A stand-in for alphaXiv's home: a feed whose paper links the app follows in-page. */
const ALPHAXIV_FEED = `<!DOCTYPE html><html><head><title>alphaXiv</title></head><body><main><h1>Trending</h1>
  <a class="venue" href="/abs/2406.01234v2">Tokenizer-Free Language Modeling with Byte Latents</a></main></body></html>`;
let harness: Harness;

beforeAll(async () => {
  const pages: Record<string, string> = { [GROUP_URL]: group, [HOME_URL]: HOME, [ALPHAXIV_HOME]: ALPHAXIV_FEED };
  harness = await launchFirefox('dist/firefox', (url) => (pages[url] ? { body: pages[url] } : undefined));
});
afterAll(() => harness?.close());

it('firefox: OpenReview gets overlays only after it is enabled on the options page', async () => {
  const before = await harness.newTab();
  await before.goto(GROUP_URL);
  await before.waitFor('li');
  await new Promise((r) => setTimeout(r, 1500));
  expect(await before.overlays()).toEqual([]);

  const options = await harness.openExtensionPage('src/options/index.html', 'form');
  await options.click('input[type=checkbox]:not([disabled])'); // the first optional site: alphaXiv
  const labels = await options.texts('.sites li');
  const index = labels.findIndex((l) => l.includes('OpenReview'));
  await options.click(`.sites li:nth-child(${index + 1}) input`);
  await options.click('.sites ~ button[type=submit]');
  await until(async () => (await options.texts('[role=status]')).some((t) => t.startsWith('Saved.')), 'the options page to confirm');

  const after = await harness.newTab();
  await after.goto(GROUP_URL);
  const overlays = await until(async () => {
    const found = await after.overlays();
    return found.length === 4 && found;
  }, 'OpenReview overlays', 10_000);
  expect(overlays.map((o) => o.id)).toEqual(expect.arrayContaining(['openreview:Xk9pQ2vN7a']));
});

/** The app's router, in the page's world: pushState to the link's address, then that page drawn into the same document. */
const router = (html: string) => `(() => {
  const html = ${JSON.stringify(html)};
  window.papershelfTestSameDocument = true;
  document.querySelector('a.venue').addEventListener('click', (event) => {
    event.preventDefault();
    history.pushState({}, '', event.currentTarget.getAttribute('href'));
    const page = new DOMParser().parseFromString(html, 'text/html');
    document.head.replaceChildren(...[...page.head.childNodes].map((node) => document.importNode(node, true)));
    document.body.replaceChildren(...[...page.body.childNodes].map((node) => document.importNode(node, true)));
  });
})()`;

it.each([
  ['a venue reached from OpenReview\'s home', HOME_URL, group, GROUP_URL, 4, 'openreview:Xk9pQ2vN7a'],
  ['a paper reached from alphaXiv\'s feed', ALPHAXIV_HOME, alphaxivPaper, ALPHAXIV_PAPER, 1, 'arxiv:2406.01234'],
])('firefox: %s by in-page navigation gets its overlays (the script ran on the page before)', async (_what, start, html, target, count, id) => {
  // Runs after the test above enabled alphaXiv and OpenReview.
  const tab = await harness.newTab();
  await tab.goto(start);
  await tab.waitFor('a.venue');
  await tab.run(router(html));
  expect(await tab.overlays()).toEqual([]); // nothing on the first page: the adapter reads no card there
  await tab.click('a.venue');
  const overlays = await until(async () => {
    const found = await tab.overlays();
    return found.length === count && found;
  }, `overlays after in-page navigation to ${target}`, 10_000);
  expect(overlays.map((o) => o.id)).toEqual(expect.arrayContaining([id]));
  expect(await tab.run<string>('location.href')).toBe(target);
  expect(await tab.run<boolean>('window.papershelfTestSameDocument === true')).toBe(true); // no page load happened
});
