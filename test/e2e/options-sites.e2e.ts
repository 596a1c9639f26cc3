// Firefox lets users withhold a core site's access: an options page already open shows it at once, with no reload
// (permissions.onRemoved reaches the page; a grant, which needs a user's click, comes by onAdded the same way).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchFirefox, until, type Harness } from './browsers';

const HF = ['https://huggingface.co/papers*'];
const WITHHELD = '(access withheld in the browser: allow it from the toolbar popup)';
let harness: Harness;

beforeAll(async () => {
  harness = await launchFirefox('dist/firefox', () => undefined);
});
afterAll(() => harness?.close());

it('firefox: the options page follows a core site\'s access withheld elsewhere', async () => {
  const options = await harness.openExtensionPage('src/options/index.html', 'ul.sites');
  const line = async () => (await options.texts('ul.sites li')).find((text) => text.includes('Hugging Face')) ?? '';
  await until(async () => (await line()).includes('(always on)'), 'Hugging Face always on');
  const popup = await harness.openPopup(); // another extension page, as the browser's own settings would
  expect(await popup.run(`browser.permissions.remove({ origins: ${JSON.stringify(HF)} })`)).toBe(true);
  await until(async () => (await line()).includes(WITHHELD), 'the options page to show access withheld', 5000);
  await popup.close();
  await options.close();
});
