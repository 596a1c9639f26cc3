// "Save to reading list" on a link to a PMLR paper's PDF, end to end in Chromium and Firefox: no DOI or API knows the
// paper, so the background fetches its page (the fake server answers it at its real https address) and reads it with
// PMLR's own adapter, in Chromium through the offscreen document, in Firefox in its background page; the popup lists
// the paper, and the paper's page, opened after, shows its card saved: one id.
// The click asks for PMLR's pages (the grant that turns the site on), which automation cannot answer: a script's call is
// no user action. So the test grants it as a reader can beforehand: in Firefox on the options page (its prompt switched
// off), in Chromium (whose prompt cannot be answered) as a host permission of this test's copy of the build.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bothBrowsers, copiedBuilds, until, type Harness } from './browsers';
import { startFakeApi, type FakeApi } from './fake-api/server';
import { MENU_ID } from '../../src/background/context-menu';

const BLOG_URL = 'https://blog.example.org/reading-notes';
const PAGE_URL = 'https://proceedings.mlr.press/v202/exemplo23a.html';
const PDF_URL = 'https://proceedings.mlr.press/v202/exemplo23a/exemplo23a.pdf';
const ID = 'pmlr:v202/exemplo23a';
const TITLE = 'Sample-Efficient $\\epsilon$-Greedy Exploration in Linear Bandits';
const paperPage = readFileSync('test/fixtures/pmlr/paper-v202-exemplo23a.html', 'utf8');
const blog = `<!doctype html><html><head><title>Reading notes</title></head><body><a href="${PDF_URL}">PDF</a></body></html>`;

const routed: string[] = [];
const dist = copiedBuilds('venue-link');
const PMLR_PAGES = 'https://proceedings.mlr.press/*';
beforeAll(() => {
  const path = join(dist, 'chrome', 'manifest.json');
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as { host_permissions: string[]; optional_host_permissions: string[] };
  expect(manifest.optional_host_permissions).toContain(PMLR_PAGES);
  manifest.optional_host_permissions = manifest.optional_host_permissions.filter((p) => p !== PMLR_PAGES);
  manifest.host_permissions.push(PMLR_PAGES);
  writeFileSync(path, JSON.stringify(manifest));
});
const browsers = bothBrowsers((url) => {
  routed.push(url);
  return url === BLOG_URL ? { body: blog } : url === PAGE_URL ? { body: paperPage } : undefined;
}, dist);

describe.each(browsers)('%s: save a PMLR link by reading its page', (name, launch) => {
  let api: FakeApi;
  let harness: Harness;

  beforeAll(async () => {
    expect(paperPage).toContain(TITLE);
    api = await startFakeApi();
    api.pages.set(`proceedings.mlr.press ${new URL(PAGE_URL).pathname}`, paperPage);
    harness = await launch();
    if (name === 'firefox') {
      const options = await harness.openExtensionPage('src/options/index.html', 'form');
      const index = (await options.texts('.sites li')).findIndex((l) => l.includes('PMLR'));
      expect(index, 'PMLR on the options page').toBeGreaterThanOrEqual(0);
      await options.click(`.sites li:nth-child(${index + 1}) input`);
      await options.click('.sites ~ button[type=submit]');
      await until(async () => (await options.texts('[role=status]')).some((t) => t.startsWith('Saved.')), 'the options page to confirm');
      await options.close();
    }
  });
  afterAll(async () => {
    await harness?.close();
    await api?.close();
  });

  it('the PDF link saves the paper its page shows, and that page shows its card saved', async () => {
    const popup = await harness.openPopup();
    await popup.waitFor('.empty');
    await harness.menuClick({ menuItemId: MENU_ID, linkUrl: PDF_URL, pageUrl: BLOG_URL, editable: false });
    const saved = await until(async () => {
      const item = await popup.evaluate(() => {
        const li = document.querySelector('li.item[data-id="pmlr:v202/exemplo23a"]');
        return li && { title: li.querySelector('.title')?.textContent, href: li.querySelector('a.title')?.getAttribute('href'), text: (li as HTMLElement).innerText };
      });
      return item?.title === TITLE && item;
    }, `${ID} in the popup with its page's title`, 15_000);
    expect(saved.href).toBe(PAGE_URL);
    expect(saved.text).toContain('Ana Exemplo');
    // Fetched from its real address: by the fake server, or in Chromium by the harness's interception, which sees the worker's requests.
    expect([...api.requests, ...routed]).toContainEqual(expect.stringMatching(/^(https:\/\/|)proceedings\.mlr\.press[ /]v202\/exemplo23a\.html$/));
    if (harness.inServiceWorker) {
      const contexts = await harness.inServiceWorker(`chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] }).then((found) => found.map((c) => new URL(c.documentUrl).pathname))`);
      expect(contexts).toEqual(['/src/offscreen/index.html']);
    }

    const tab = await harness.newTab();
    await tab.goto(PAGE_URL);
    const card = await until(async () => (await tab.overlays()).find((o) => o.id === ID && o.pressed === 'true'), 'the paper page\'s card saved', 10_000);
    expect(card.id).toBe(ID);
  });
});
