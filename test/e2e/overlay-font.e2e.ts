// A reader who has the browser draw no text under 20 px (a low-vision setting, in both browsers) sees every overlay's
// save button whole, on Hugging Face (a row under the title) and arXiv (a compact row in the entry's first line): the
// row's fixed height (host.ts: the page must not learn the list from it) follows the row's text, not a pixel figure
// that cut the text and the buttons off at their bottom.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bothBrowsers, until, type Harness } from './browsers';
import { DAILY_URL, NEW_URL, routes } from './pages';

describe.each(bothBrowsers(routes, 'dist', { minimumFontSize: 20 }))('%s: overlays with a minimum font size', (_name, launch) => {
  let harness: Harness;
  beforeAll(async () => void (harness = await launch()));
  afterAll(() => harness?.close());

  it.each([DAILY_URL, NEW_URL])('%s: every save button is drawn whole', async (url) => {
    const tab = await harness.newTab();
    await tab.goto(url);
    const overlays = await until(async () => {
      const found = await tab.overlays();
      return found.length > 0 && found.every((o) => o.built && o.styled) && found;
    }, 'built overlays', 15_000);
    expect(overlays.filter((o) => !o.saveWhole).map((o) => o.id)).toEqual([]);
    if (url === NEW_URL) {
      // The compact row keeps its width (30em of the default 16 px font), though its own text is 12 px.
      const widths = await tab.run<number[]>(`[...document.querySelectorAll('papershelf-overlay')].map((h) => h.getBoundingClientRect().width)`);
      expect(new Set(widths)).toEqual(new Set([480]));
    }
    await tab.close();
  });
});
