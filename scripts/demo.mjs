// `npm run demo`: starts Chromium with the built extension on a bundled Hugging Face page served on its real
// URL (no network), reports how many papers it annotated and writes demo.png. Headless unless a display exists.
import { chromium } from 'playwright-core';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const PAGE_URL = 'https://huggingface.co/papers/date/2026-07-02';
const html = readFileSync('test/fixtures/huggingface/daily-2026-07-02.html', 'utf8');
const dist = resolve('dist/chrome');
const headless = !process.env.DISPLAY;

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
await page.waitForFunction((n) => document.querySelectorAll('papershelf-overlay').length >= n, cards, { timeout: 15_000 }).catch(() => {});
const annotated = await page.locator('papershelf-overlay').count();
// The site's own stylesheets are not bundled (no network): a small stand-in keeps the screenshot readable.
await page.addStyleTag({
  content: `svg { width: 1em; height: 1em; } img { max-width: 24px; max-height: 24px; }
    body { font-family: system-ui, sans-serif; background: #f9fafb; }
    article { background: #fff; border: 1px solid #e5e7eb; border-radius: 12px; padding: 10px 14px; margin: 10px 0; }
    article h3 { margin: 6px 0 0; font-size: 16px; } article a { color: #111827; text-decoration: none; }`,
});
await page.evaluate(() => document.querySelector('article')?.scrollIntoView());
await page.screenshot({ path: 'demo.png' });
console.log(`Papershelf annotated ${annotated} of ${cards} paper cards on ${PAGE_URL}`);
console.log('Screenshot written to demo.png');
if (headless) await context.close();
else console.log('Close the browser window to end the demo.');
process.exitCode = annotated === cards && cards > 0 ? 0 : 1;
