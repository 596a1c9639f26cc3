// `npm run demo`: starts Chromium with the built extension on a bundled Hugging Face page served on its real
// URL (no network), scrolls through it as a reader would, reports how many papers it identified and how many show an
// overlay, and writes demo.png (PAPERSHELF_DEMO_SHOT: elsewhere). Headless unless a display exists; exit 1 unless every card.
import { chromium } from 'playwright-core';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const PAGE_URL = 'https://huggingface.co/papers/date/2026-07-02';
// The saved page without its site stylesheets, plus a small stand-in so it lays out like a page.
const html = readFileSync('test/fixtures/huggingface/daily-2026-07-02.html', 'utf8').replace(
  '</head>',
  `<style>${readFileSync('test/fixtures/huggingface/stand-in.css', 'utf8')}</style></head>`,
);
const dist = resolve('dist/chrome');
const headless = !process.env.DISPLAY;
const SHOT = process.env.PAPERSHELF_DEMO_SHOT ?? 'demo.png';

const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'papershelf-demo-')), {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless,
  viewport: { width: 1280, height: 900 },
  args: [`--disable-extensions-except=${dist}`, `--load-extension=${dist}`],
});
await context.route('**/*', (route) => {
  const url = route.request().url();
  if (url.startsWith('chrome-extension://')) return route.continue();
  if (url === PAGE_URL) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
  return route.abort('blockedbyclient'); // no network: the page's own scripts and images stay away
});
const page = await context.newPage();
await page.goto(PAGE_URL);
const cards = await page.locator('article').count();
// Every card's paper is identified, and its saved state known, at once: the content script's User Timing mark
// `papershelf:annotated` names how many. Overlays are built as cards near the viewport, so the demo scrolls
// through the page (as a reader would) and then checks that every card shows one. Both counts are read in the page.
const IDENTIFIED = "performance.getEntriesByName('papershelf:annotated').at(-1)?.detail?.cards ?? 0";
const OVERLAID = "[...document.querySelectorAll('article')].filter((a) => a.querySelector('papershelf-overlay')).length";
const identified = await page
  .waitForFunction(`${IDENTIFIED} >= ${cards}`, undefined, { timeout: 15_000 })
  .catch(() => {})
  .then(() => page.evaluate(IDENTIFIED));
for (const article of await page.locator('article').all()) {
  await article.scrollIntoViewIfNeeded();
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))));
}
await page.waitForFunction(`${OVERLAID} >= ${cards}`, undefined, { timeout: 15_000 }).catch(() => {});
const annotated = await page.evaluate(OVERLAID);
await page.evaluate(() => document.querySelector('article')?.scrollIntoView());
await page.screenshot({ path: SHOT });
console.log(`Papershelf identified ${identified} of ${cards} paper cards on ${PAGE_URL} (saved states known),`);
console.log(`and showed its overlay on ${annotated} of ${cards} once scrolled into view.`);
console.log(`Screenshot written to ${SHOT}`);
if (headless) await context.close();
else console.log('Close the browser window to end the demo.');
process.exitCode = identified === cards && annotated === cards && cards > 0 ? 0 : 1;
