// The popup saves the paper the reader's tab shows, end to end in Chromium and Firefox: an arXiv PDF, where no content
// script runs and so no card offers a Save. The toolbar button's click lets the popup read the tab's address
// (`activeTab`), which automation cannot click: this test's copy of the build has that address as a host permission
// instead, which lets it read the same. In Chromium, whose permission prompt cannot be answered, the metadata hosts a
// save asks for are host permissions of the copy too (a reader grants them once, at the first save); Firefox's prompt is
// switched off, so there the click's request is made and granted. The paper's title comes from Hugging Face's paper
// API (the local fake); the tab is served as a page, as the test cannot show a PDF: what counts is its address.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bothBrowsers, copiedBuilds, until, type Harness } from './browsers';
import { startFakeApi, type FakeApi } from './fake-api/server';
import { METADATA_ORIGINS } from '../../src/background/context-menu';

const PDF_URL = 'https://arxiv.org/pdf/2606.41234v2';
const OTHER_PDF_URL = 'https://arxiv.org/pdf/2606.49999';
const PAPER = {
  id: '2606.41234',
  title: 'Sparse Routing for Long-Context Retrieval',
  authors: [{ name: 'Ada Lovelace' }, { name: 'Alan Turing' }],
  summary: 'We route long contexts sparsely.',
  publishedAt: '2026-06-29T17:59:59.000Z',
  upvotes: 12,
};
const TAB_ACCESS = 'https://arxiv.org/pdf/*';

const dist = copiedBuilds('tab-paper');
beforeAll(() => {
  for (const build of ['chrome', 'firefox']) {
    const path = join(dist, build, 'manifest.json');
    const manifest = JSON.parse(readFileSync(path, 'utf8')) as { host_permissions: string[]; optional_host_permissions: string[]; permissions: string[] };
    expect(manifest.permissions).toContain('activeTab');
    manifest.host_permissions.push(TAB_ACCESS);
    if (build === 'chrome') {
      manifest.optional_host_permissions = manifest.optional_host_permissions.filter((p) => !METADATA_ORIGINS.includes(p));
      manifest.host_permissions.push(...METADATA_ORIGINS);
    }
    writeFileSync(path, JSON.stringify(manifest));
  }
});

const pdf = '<!doctype html><html><head><title>2606.41234v2.pdf</title></head><body><embed type="application/pdf"></body></html>';
const browsers = bothBrowsers((url) => (url === PDF_URL || url === OTHER_PDF_URL ? { body: pdf } : undefined), dist);

describe.each(browsers)("%s: the popup saves the paper the reader's tab shows", (name, launch) => {
  let api: FakeApi;
  let harness: Harness;

  beforeAll(async () => {
    api = await startFakeApi();
    api.hfPapers.set(PAPER.id, PAPER);
    harness = await launch();
  });
  afterAll(async () => {
    await harness?.close();
    await api?.close();
  });

  const region = "section[aria-label=\"This tab's paper\"]";

  it('an arXiv PDF: the popup names it, saves it in one click with the title the API gives, and says it is saved', async () => {
    const tab = await harness.newTab();
    await tab.goto(PDF_URL);
    const popup = await harness.openPopupOver(tab);
    await popup.waitFor(`${region} button`);
    expect(await popup.texts(region)).toEqual([expect.stringContaining('This tab: arXiv:2606.41234')]);
    expect(await popup.texts(`${region} button`)).toEqual(['Save to reading list']);

    // One of the metadata hosts a save asks for (Firefox grants hosts whole, so export.arxiv.org is granted already).
    const doiApi = () => popup.evaluate(() => (globalThis as any).browser.permissions.contains({ origins: ['https://doi.org/*'] }));
    if (name === 'firefox') expect(await doiApi()).toBe(false);
    await popup.click(`${region} button`); // a real click: in Firefox it asks for the metadata hosts, granted
    await until(async () => (await popup.texts(`${region} p`)).includes('In your reading list: to read.'), 'the popup to say it is saved', 15_000);
    expect((await popup.texts(`${region} .tab-paper-title`))).toEqual([PAPER.title]);
    await until(async () => (await popup.texts('li.item .title')).includes(PAPER.title), 'the paper in the list', 10_000);
    expect(api.requests).toContain(`huggingface.co /api/papers/${PAPER.id}`);
    if (name === 'firefox') expect(await doiApi()).toBe(true);
    // Saved from the tab's address, with the version it shows.
    const stored = await popup.evaluate(() =>
      (globalThis as any).browser.runtime.sendMessage({ type: 'list', payload: {} }).then((reply: any) => reply.value.map((r: any) => [r.id, r.savedFrom, r.paper.version])),
    );
    expect(stored).toEqual([['arxiv:2606.41234', PDF_URL, 2]]);
    await popup.close();

    // Opened again over the same tab, it says so at once: no second Save.
    const again = await harness.openPopupOver(tab);
    await until(async () => (await again.texts(`${region} p`)).includes('In your reading list: to read.'), 'the popup opened again to say it is saved');
    expect(await again.texts(`${region} button`)).toEqual([]);
    await again.close();
    await tab.close();
  });

  it('looks at the tab in front: of two papers\' tabs, the one the popup opens over', async () => {
    const saved = await harness.newTab();
    await saved.goto(PDF_URL);
    const other = await harness.newTab();
    await other.goto(OTHER_PDF_URL);
    const overOther = await harness.openPopupOver(other);
    await overOther.waitFor(`${region} button`);
    expect(await overOther.texts(`${region} .tab-paper-title`)).toEqual(['arXiv:2606.49999']);
    await overOther.close();
    const overSaved = await harness.openPopupOver(saved);
    await until(async () => (await overSaved.texts(`${region} p`)).includes('In your reading list: to read.'), 'the saved paper\'s tab');
    expect(await overSaved.texts(`${region} .tab-paper-title`)).toEqual([PAPER.title]);
    await overSaved.close();
    await Promise.all([saved.close(), other.close()]);
  });
});
