// A card laid out right to left (a page, or a part of it, in Arabic or Hebrew, or translated into them): the overlay
// row follows, starting at the right, and the end of its line, which fills the rest of the line, is drawn over none
// of the row's controls (it was drawn over the last one on the line, as if the row ran left to right), both browsers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bothBrowsers, until, type Harness } from './browsers';
import { DAILY_URL, NEW_URL, PAGES } from './pages';

const rtl = (html: string) => html.replace(/<html([^>]*)>/i, '<html$1 dir="rtl">');
const browsers = bothBrowsers((url) => (PAGES[url] ? { body: rtl(PAGES[url]!) } : undefined));

describe.each(browsers)('%s: overlays right to left', (_name, launch) => {
  let harness: Harness;
  beforeAll(async () => void (harness = await launch()));
  afterAll(() => harness?.close());

  it.each([DAILY_URL, NEW_URL])('%s: no control of the row is drawn over', async (url) => {
    const tab = await harness.newTab();
    await tab.goto(url);
    expect(await tab.run<string>('document.dir')).toBe('rtl');
    const overlays = await until(async () => {
      const found = await tab.overlays();
      return found.length > 0 && found.every((o) => o.built && o.styled && o.pressed !== null) && found;
    }, 'built overlays', 15_000);
    expect(overlays.filter((o) => o.covered.length).map((o) => `${o.id}: ${o.covered.join(', ')}`)).toEqual([]);
    await tab.close();
  });
});
