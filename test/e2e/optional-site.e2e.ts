// Optional sites (issue #3): nothing runs on OpenReview until the user enables it on the options page; then
// the background registers OpenReview's own content script and its pages get overlays. Firefox only: its
// optional-permission prompt can be switched off for automation, Chromium's cannot be answered.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { launchFirefox, until, type Harness } from './browsers';

const GROUP_URL = 'https://openreview.net/group?id=ICLR.cc/2024/Conference';
const group = readFileSync('test/fixtures/openreview/group-iclr-2024.html', 'utf8');
let harness: Harness;

beforeAll(async () => {
  harness = await launchFirefox('dist/firefox', (url) => (url === GROUP_URL ? { body: group } : undefined));
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
