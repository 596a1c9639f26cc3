// `npm run demo`: starts Chromium with the built extension on a bundled Hugging Face page served on its real
// URL (no network), reports how many papers it annotated and writes demo.png. Headless unless a display exists.
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
await page.evaluate(() => document.querySelector('article')?.scrollIntoView());
await page.screenshot({ path: 'demo.png' });
console.log(`Papershelf annotated ${annotated} of ${cards} paper cards on ${PAGE_URL}`);
console.log('Screenshot written to demo.png');
if (headless) await context.close();
else console.log('Close the browser window to end the demo.');
process.exitCode = annotated === cards && cards > 0 ? 0 : 1;
