// Firefox lets users withhold a site's host access. Then the content script cannot run there, and the
// popup must say so and offer the request.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { launchFirefox, type Harness, withStandInStyle } from './browsers';

const DAILY_URL = 'https://huggingface.co/papers/date/2026-07-02';
const daily = withStandInStyle(readFileSync('test/fixtures/huggingface/daily-2026-07-02.html', 'utf8'));
let harness: Harness;

beforeAll(async () => {
  harness = await launchFirefox('dist/firefox', (url) => (url === DAILY_URL ? { body: daily } : undefined));
});
afterAll(() => harness?.close());

it('firefox: with Hugging Face access withheld, no overlays, and the popup offers access', async () => {
  const popup = await harness.openPopup();
  await popup.waitFor('.empty');
  expect(await popup.texts('.notice')).toEqual([]); // granted at install: no notice
  const removed = await popup.evaluate(() =>
    (globalThis as any).browser.permissions.remove({ origins: ['https://huggingface.co/papers*'] }),
  );
  expect(removed).toBe(true);

  const tab = await harness.newTab();
  await tab.goto(DAILY_URL);
  await tab.waitFor('article');
  await new Promise((r) => setTimeout(r, 1500)); // time the content script would have needed
  expect(await tab.overlays()).toEqual([]);

  await popup.close();
  const again = await harness.openPopup(); // moz-extension:// pages never finish a reload under BiDi
  await again.waitFor('.notice button');
  expect(await again.texts('.notice button')).toEqual(['Allow on Hugging Face Papers']);
});
