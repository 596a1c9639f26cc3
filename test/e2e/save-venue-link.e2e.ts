// "Save to reading list" on a link to a proceedings paper's PDF (PMLR, NeurIPS, CVF), end to end in Chromium and
// Firefox: no DOI or API knows the paper, so the background fetches its page (the fake server answers it at its real
// https address) and reads it with that site's own adapter, in Chromium through the offscreen document, in Firefox in
// its background page; the popup lists the paper, and the paper's page, opened after, shows its card saved: one id.
// The click asks for the site's pages (the grant that turns the site on), which automation cannot answer: a script's
// call is no user action. So the test grants it as a reader can beforehand: in Firefox on the options page (its prompt
// switched off), in Chromium (whose prompt cannot be answered) as host permissions of this test's copy of the build.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bothBrowsers, copiedBuilds, until, type Harness } from './browsers';
import { startFakeApi, type FakeApi } from './fake-api/server';
import { MENU_ID } from '../../src/background/context-menu';

const BLOG_URL = 'https://blog.example.org/reading-notes';

/** Each venue's paper: its page (a fixture, as the site serves it), the PDF a blog links to, and what its card shows. */
const VENUES = [
  {
    name: 'PMLR',
    pageUrl: 'https://proceedings.mlr.press/v202/exemplo23a.html',
    pdfUrl: 'https://proceedings.mlr.press/v202/exemplo23a/exemplo23a.pdf',
    fixture: 'test/fixtures/pmlr/paper-v202-exemplo23a.html',
    id: 'pmlr:v202/exemplo23a',
    title: 'Sample-Efficient $\\epsilon$-Greedy Exploration in Linear Bandits',
    author: 'Ana Exemplo',
    grants: ['https://proceedings.mlr.press/*'],
  },
  {
    name: 'NeurIPS Proceedings',
    pageUrl: 'https://proceedings.neurips.cc/paper_files/paper/2023/hash/0a1b2c3d4e5f60718293a4b5c6d7e8f9-Abstract-Conference.html',
    pdfUrl: 'https://proceedings.neurips.cc/paper_files/paper/2023/file/0a1b2c3d4e5f60718293a4b5c6d7e8f9-Paper-Conference.pdf',
    fixture: 'test/fixtures/neurips/paper-2023-layout.html',
    id: 'neurips:2023/0a1b2c3d4e5f60718293a4b5c6d7e8f9',
    title: 'Provably Efficient Exploration with Linear Function Approximation',
    author: 'Hannah Becker',
    grants: ['https://proceedings.neurips.cc/paper_files/paper/*', 'https://papers.nips.cc/paper_files/paper/*'],
  },
  {
    name: 'CVF Open Access',
    pageUrl: 'https://openaccess.thecvf.com/content/CVPR2024/html/Okafor_Open-Vocabulary_Segmentation_at_Scale_CVPR_2024_paper.html',
    pdfUrl: 'https://openaccess.thecvf.com/content/CVPR2024/papers/Okafor_Open-Vocabulary_Segmentation_at_Scale_CVPR_2024_paper.pdf',
    fixture: 'test/fixtures/cvf/paper-cvpr2024.html',
    id: 'cvf:Okafor_Open-Vocabulary_Segmentation_at_Scale_CVPR_2024',
    title: 'Open-Vocabulary Segmentation at Scale',
    author: 'Chinedu Okafor',
    grants: ['https://openaccess.thecvf.com/*'],
  },
].map((venue) => ({ ...venue, html: readFileSync(venue.fixture, 'utf8') }));
const blog = `<!doctype html><html><head><title>Reading notes</title></head><body>${VENUES.map((v) => `<a href="${v.pdfUrl}">PDF</a>`).join(' ')}</body></html>`;

const routed: string[] = [];
const dist = copiedBuilds('venue-link');
beforeAll(() => {
  const path = join(dist, 'chrome', 'manifest.json');
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as { host_permissions: string[]; optional_host_permissions: string[] };
  const grants = VENUES.flatMap((v) => v.grants);
  for (const grant of grants) expect(manifest.optional_host_permissions).toContain(grant);
  manifest.optional_host_permissions = manifest.optional_host_permissions.filter((p) => !grants.includes(p));
  manifest.host_permissions.push(...grants);
  writeFileSync(path, JSON.stringify(manifest));
});
const browsers = bothBrowsers((url) => {
  routed.push(url);
  if (url === BLOG_URL) return { body: blog };
  const venue = VENUES.find((v) => v.pageUrl === url);
  return venue ? { body: venue.html } : undefined;
}, dist);

describe.each(browsers)('%s: save a proceedings paper\'s link by reading its page', (name, launch) => {
  let api: FakeApi;
  let harness: Harness;

  beforeAll(async () => {
    api = await startFakeApi();
    for (const venue of VENUES) {
      expect(venue.html).toContain(venue.title);
      const url = new URL(venue.pageUrl);
      api.pages.set(`${url.hostname} ${url.pathname}`, venue.html);
    }
    harness = await launch();
    if (name === 'firefox') {
      const options = await harness.openExtensionPage('src/options/index.html', 'form');
      const sites = await options.texts('.sites li');
      for (const venue of VENUES) {
        const index = sites.findIndex((l) => l.includes(venue.name));
        expect(index, `${venue.name} on the options page`).toBeGreaterThanOrEqual(0);
        await options.click(`.sites li:nth-child(${index + 1}) input`);
      }
      await options.click('.sites ~ button[type=submit]');
      await until(async () => (await options.texts('[role=status]')).some((t) => t.startsWith('Saved.')), 'the options page to confirm');
      await options.close();
    }
  });
  afterAll(async () => {
    await harness?.close();
    await api?.close();
  });

  it.each(VENUES)('$name: the PDF link saves the paper its page shows, and that page shows its card saved', async (venue) => {
    const popup = await harness.openPopup();
    await popup.waitFor('.empty, li.item');
    await harness.menuClick({ menuItemId: MENU_ID, linkUrl: venue.pdfUrl, pageUrl: BLOG_URL, editable: false });
    const saved = await until(async () => {
      const item = (await popup.run(`(() => {
        const li = [...document.querySelectorAll('li.item')].find((el) => el.dataset.id === ${JSON.stringify(venue.id)});
        return li ? { title: li.querySelector('.title')?.textContent, href: li.querySelector('a.title')?.getAttribute('href'), text: li.innerText } : null;
      })()`)) as { title?: string; href?: string; text: string } | null;
      return item?.title === venue.title && item;
    }, `${venue.id} in the popup with its page's title`, 15_000);
    await popup.close();
    expect(saved.href).toBe(venue.pageUrl);
    expect(saved.text).toContain(venue.author);
    // Fetched from its real address: by the fake server, or in Chromium by the harness's interception, which sees the worker's requests.
    const page = new URL(venue.pageUrl);
    expect([...api.requests, ...routed].filter((r) => r === venue.pageUrl || r === `${page.hostname} ${page.pathname}`)).not.toEqual([]);
    if (harness.inServiceWorker) {
      const contexts = await harness.inServiceWorker(`chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] }).then((found) => found.map((c) => new URL(c.documentUrl).pathname))`);
      expect(contexts).toEqual(['/src/offscreen/index.html']);
    }

    const tab = await harness.newTab();
    await tab.goto(venue.pageUrl);
    const card = await until(async () => (await tab.overlays()).find((o) => o.id === venue.id && o.pressed === 'true'), 'the paper page\'s card saved', 10_000);
    expect(card.id).toBe(venue.id);
    await tab.close();
  });
});
