// Chromium: the settings in storage.local (the GitHub token among them) are out of our content scripts' reach, so a
// compromised page process, which can do what its content script can, cannot read them. The test evaluates in the
// content script's own isolated world, found over the DevTools protocol, and reads storage.local from there.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DAILY_URL, PAGES } from './pages';

let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  const dist = resolve('dist/chrome');
  context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'papershelf-storage-')), {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [`--disable-extensions-except=${dist}`, `--load-extension=${dist}`],
  });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('chrome-extension://')) return route.continue();
    if (PAGES[url]) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: PAGES[url] });
    return route.abort('blockedbyclient');
  });
  page = await context.newPage();
});
afterAll(() => context?.close());

it("chromium: the content script's world can message the background but not read storage.local", async () => {
  const cdp = await context.newCDPSession(page);
  const worlds: { id: number; origin: string; name: string }[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context: c }) => worlds.push({ id: c.id, origin: c.origin, name: c.name }));
  await cdp.send('Runtime.enable');
  await page.goto(DAILY_URL);
  await page.waitForFunction(() => performance.getEntriesByName('papershelf:annotated').length > 0);
  const ours = worlds.find((w) => w.origin.startsWith('chrome-extension://') && w.name === 'Papershelf');
  expect(ours, JSON.stringify(worlds)).toBeDefined();
  const run = async (expression: string) =>
    (await cdp.send('Runtime.evaluate', { expression, contextId: ours!.id, awaitPromise: true, returnByValue: true })).result.value as string;
  // The same world reaches the background (the test is not failing for want of an extension API)…
  expect(await run(`chrome.runtime.sendMessage({ type: 'tagSettings', payload: {} }).then((r) => r.ok ? 'answered' : 'refused')`)).toBe('answered');
  // …but storage.local is closed to it.
  expect(await run(`chrome.storage.local.get('settings').then(() => 'read', (e) => 'refused: ' + e.message)`)).toMatch(/^refused: /);
});
