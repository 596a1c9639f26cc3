// The popup saves the paper the reader's tab shows, end to end in Chromium and Firefox: an arXiv PDF and an ACL
// Anthology PDF, where no content script runs and so no card offers a Save. The toolbar button's click lets the popup
// read the tab's address (`activeTab`), which automation cannot click: this test's copy of the build has those
// addresses as host permissions instead, which let it read the same. A save asks for the metadata hosts it reads, not
// granted yet, inside the click: in Chromium, whose permission prompt cannot be answered, they are host permissions of
// the copy too (a reader grants them once, at the first save of that kind); Firefox's prompt is switched off, so there
// the DOI save's request is made and granted (Firefox grants hosts whole, so export.arxiv.org, whose listings the
// extension reads, is granted already and the arXiv save asks nothing). Titles come from Hugging Face's paper API and
// doi.org (the local fake); the tabs are served as pages, as the test cannot show a PDF: what counts is the address.
// Where its hosts are granted, the popup names the paper before the click, read once for both. The same line serves a
// paper whose arXiv id the reader types in the popup's search box.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bothBrowsers, copiedBuilds, until, type Harness } from './browsers';
import { startFakeApi, type FakeApi } from './fake-api/server';
import { originsFor } from '../../src/background/context-menu';
import { ACL_DOI, aclCsl } from '../../src/background/save-link/fixtures';

const PDF_URL = 'https://arxiv.org/pdf/2606.41234v2';
const OTHER_PDF_URL = 'https://arxiv.org/pdf/2606.49999';
/** The same paper's newer version, the one it is read at after its save. */
const NEWER_PDF_URL = 'https://arxiv.org/pdf/2606.41234v3';
const THIRD_PDF_URL = 'https://arxiv.org/pdf/2606.43333';
const PAPER = {
  id: '2606.41234',
  title: 'Sparse Routing for Long-Context Retrieval',
  authors: [{ name: 'Ada Lovelace' }, { name: 'Alan Turing' }],
  summary: 'We route long contexts sparsely.',
  publishedAt: '2026-06-29T17:59:59.000Z',
  upvotes: 12,
};
const ACL_PDF_URL = 'https://aclanthology.org/2023.acl-long.1.pdf';
/** Publishers' addresses that carry the paper's DOI (core/publishers.ts): an ACM PDF, a Nature article's page. */
const ACM_DOI = '10.1145/3580305.3599256';
const ACM_PDF_URL = `https://dl.acm.org/doi/pdf/${ACM_DOI}?download=true`;
const ACM_TITLE = 'Graph Retrieval at Scale for Session Recommendations';
const NATURE_DOI = '10.1038/s41586-026-01234-5';
const NATURE_URL = 'https://www.nature.com/articles/s41586-026-01234-5';
/**
 * A CVF paper page, the optional site not turned on: no content script there to take the shortcut. Not in TAB_ACCESS
 * (a host granted is granted whole, and would turn the site's script on): the key press gives its address.
 */
const CVF_URL = 'https://openaccess.thecvf.com/content/CVPR2024/html/Okafor_Open-Vocabulary_Segmentation_at_Scale_CVPR_2024_paper.html';
const CVF_PAGE = readFileSync(new URL('../fixtures/cvf/paper-cvpr2024.html', import.meta.url), 'utf8');
const TAB_ACCESS = ['https://arxiv.org/pdf/*', 'https://aclanthology.org/*', 'https://dl.acm.org/*', 'https://www.nature.com/*'];
/** What the saves of these two tabs ask for: arXiv's API, and the DOI resolvers (the ACL paper is read through its DOI). */
const ASKED = [...new Set([...originsFor(PDF_URL), ...originsFor(ACL_PDF_URL)])];

const dist = copiedBuilds('tab-paper');
beforeAll(() => {
  for (const build of ['chrome', 'firefox']) {
    const path = join(dist, build, 'manifest.json');
    const manifest = JSON.parse(readFileSync(path, 'utf8')) as { host_permissions: string[]; optional_host_permissions: string[]; permissions: string[] };
    expect(manifest.permissions).toContain('activeTab');
    manifest.host_permissions.push(...TAB_ACCESS);
    if (build === 'chrome') {
      manifest.optional_host_permissions = manifest.optional_host_permissions.filter((p) => !ASKED.includes(p));
      manifest.host_permissions.push(...ASKED);
    }
    writeFileSync(path, JSON.stringify(manifest));
  }
});

const pdf = '<!doctype html><html><head><title>2606.41234v2.pdf</title></head><body><embed type="application/pdf"></body></html>';
const TABS = [PDF_URL, NEWER_PDF_URL, OTHER_PDF_URL, THIRD_PDF_URL, ACL_PDF_URL, ACM_PDF_URL, NATURE_URL];
const browsers = bothBrowsers((url) => (TABS.includes(url) ? { body: pdf } : url === CVF_URL ? { body: CVF_PAGE } : undefined), dist);

describe.each(browsers)("%s: the popup saves the paper the reader's tab shows", (name, launch) => {
  let api: FakeApi;
  let harness: Harness;

  beforeAll(async () => {
    api = await startFakeApi();
    api.hfPapers.set(PAPER.id, PAPER);
    api.csl.set(ACL_DOI, aclCsl());
    // A publisher's record: the ACL one's shape, nothing of the anthology in it.
    const published = (doi: string, title: string, page: string) =>
      aclCsl({ DOI: doi, title, publisher: 'A Publisher', prefix: doi.split('/')[0], link: [], event: undefined, 'container-title': 'A Journal', URL: `https://doi.org/${doi}`, resource: { primary: { URL: page } } });
    api.csl.set(ACM_DOI, published(ACM_DOI, ACM_TITLE, `https://dl.acm.org/doi/${ACM_DOI}`));
    api.csl.set(NATURE_DOI, published(NATURE_DOI, 'Saved From a Publisher Page With a Key', NATURE_URL));
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
    expect(await popup.texts(`${region} button`)).toEqual(['Save to reading list']);
    // Before the click, named as its save will read it (arXiv's API is granted: nothing to ask), the id until then.
    await until(async () => (await popup.texts(`${region} .tab-paper-title`)).includes(PAPER.title), 'the title before saving', 10_000);
    expect(await popup.texts(`${region} .tab-paper-authors`)).toEqual(['Ada Lovelace, Alan Turing']);

    await popup.click(`${region} button`); // a real click
    await until(async () => (await popup.texts(`${region} p`)).includes('In your reading list: to read.'), 'the popup to say it is saved', 15_000);
    expect((await popup.texts(`${region} .tab-paper-title`))).toEqual([PAPER.title]);
    await until(async () => (await popup.texts('li.item .title')).includes(PAPER.title), 'the paper in the list', 10_000);
    // Read once: the save took what the preview read.
    expect(api.requests.filter((r) => r === `huggingface.co /api/papers/${PAPER.id}`)).toHaveLength(1);
    // Nothing asked but what an arXiv paper's save reads: not the DOI resolvers.
    expect(await popup.evaluate(() => (globalThis as any).browser.permissions.contains({ origins: ['https://doi.org/*'] }))).toBe(name === 'chromium'); // the copy's
    // Saved from the tab's address, with the version it shows.
    const stored = await popup.evaluate(() =>
      (globalThis as any).browser.runtime.sendMessage({ type: 'list', payload: {} }).then((reply: any) => reply.value.map((r: any) => [r.id, r.savedFrom, r.paper.version])),
    );
    expect(stored).toEqual([['arxiv:2606.41234', PDF_URL, 2]]);
    await popup.close();

    // Opened again over the same tab, it says so at once: no second Save, and its BibTeX to copy for the reader citing it.
    const again = await harness.openPopupOver(tab);
    await until(async () => (await again.texts(`${region} p`)).includes('In your reading list: to read.'), 'the popup opened again to say it is saved');
    await until(async () => (await again.texts(`${region} button`)).join() === 'Copy BibTeX', 'only Copy BibTeX there');
    await again.click(`${region} button`);
    await until(async () => (await again.texts(`${region} [role="status"]`)).includes('BibTeX copied.'), 'the copy', 10_000);
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

  it('a PDF of a newer version of the saved paper says so, and "Seen" makes that the version the list keeps', async () => {
    const tab = await harness.newTab();
    await tab.goto(NEWER_PDF_URL);
    const popup = await harness.openPopupOver(tab);
    await until(async () => (await popup.texts(`${region} .new-version`)).some((t) => t.startsWith('Its address names v3; you saved v2.')), 'the newer version said');
    await popup.click(harness.byRole('button', `Seen: v3 of “${PAPER.title}”`));
    await until(async () => (await popup.texts(`${region} .new-version`)).length === 0, 'the line gone once seen');
    const stored = await popup.evaluate(() =>
      (globalThis as any).browser.runtime.sendMessage({ type: 'list', payload: {} }).then((reply: any) => reply.value.map((r: any) => [r.id, r.paper.version])),
    );
    expect(stored).toEqual([['arxiv:2606.41234', 3]]);
    await popup.close();
    await tab.close();
  });

  it('an ACL Anthology PDF: saved through its DOI, the click asking for the DOI resolvers', async () => {
    const tab = await harness.newTab();
    await tab.goto(ACL_PDF_URL);
    const popup = await harness.openPopupOver(tab);
    await popup.waitFor(`${region} button`);
    const granted = () => popup.evaluate(() => (globalThis as any).browser.permissions.contains({ origins: ['https://doi.org/*', 'https://api.crossref.org/*', 'https://api.datacite.org/*'] }));
    expect(await granted()).toBe(name === 'chromium'); // the copy's host permissions; in Firefox the click asks
    if (name === 'chromium') {
      await until(async () => (await popup.texts(`${region} .tab-paper-title`)).includes(aclCsl().title), 'the title before saving');
    } else {
      // Not granted: nothing read before the click, which asks; the paper is named by its id.
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await popup.texts(`${region} .tab-paper-title`)).toEqual(['doi:10.18653/v1/2023.acl-long.1']);
      expect(api.requests).not.toContain(`doi.org /${ACL_DOI}`);
    }
    await popup.click(`${region} button`);
    await until(async () => (await popup.texts(`${region} p`)).includes('In your reading list: to read.'), 'the popup to say it is saved', 15_000);
    expect(await popup.texts(`${region} .tab-paper-title`)).toEqual([aclCsl().title]);
    expect(await granted()).toBe(true);
    expect(api.requests).toContain(`doi.org /${ACL_DOI}`);
    await until(async () => (await popup.texts('li.item .title')).includes(aclCsl().title), 'the paper in the list');
    await popup.close();
    await tab.close();
  });

  it("a publisher's PDF whose address carries its DOI (ACM): saved through the DOI, from that address", async () => {
    const tab = await harness.newTab();
    await tab.goto(ACM_PDF_URL);
    const popup = await harness.openPopupOver(tab);
    await popup.waitFor(`${region} button`);
    await until(async () => (await popup.texts(`${region} .tab-paper-title`)).includes(ACM_TITLE), 'the title before saving (the DOI hosts granted)');
    await popup.click(`${region} button`);
    await until(async () => (await popup.texts(`${region} p`)).includes('In your reading list: to read.'), 'the popup to say it is saved', 15_000);
    expect(await popup.texts(`${region} .tab-paper-title`)).toEqual([ACM_TITLE]);
    expect(api.requests.filter((r) => r === `doi.org /${ACM_DOI}`)).toHaveLength(1);
    const stored = await popup.evaluate(() =>
      (globalThis as any).browser.runtime.sendMessage({ type: 'list', payload: {} }).then((reply: any) => reply.value.map((r: any) => [r.id, r.savedFrom])),
    );
    expect(stored).toContainEqual([`doi:${ACM_DOI}`, ACM_PDF_URL]);
    await popup.close();
    await tab.close();
  });

  it("the keyboard shortcut on a publisher's article page (no card there either) saves its paper", async () => {
    const tab = await harness.newTab();
    await tab.goto(NATURE_URL);
    await harness.pressShortcut(tab);
    const popup = await harness.openPopup();
    await until(async () => (await popup.texts('li.item .title')).includes('Saved From a Publisher Page With a Key'), 'the paper in the list', 15_000);
    expect(api.requests).toContain(`doi.org /${NATURE_DOI}`);
    await popup.close();
    await tab.close();
  });

  it('an arXiv id typed in the search box: named before the click (no host to ask for), saved in one click', async () => {
    api.hfPapers.set('2606.45555', { ...PAPER, id: '2606.45555', title: 'Typed From a Slide', authors: [{ name: 'Grace Hopper' }] });
    const popup = await harness.openPopup();
    await popup.waitFor('input[aria-label="Search papers"]'); // the list has papers by now: the search box is there
    await popup.type('input[aria-label="Search papers"]', 'arXiv:2606.45555');
    const typed = 'section[aria-label="The paper you typed"]';
    await until(async () => (await popup.texts(`${typed} .tab-paper-title`)).includes('Typed From a Slide'), 'the typed paper named', 10_000);
    expect(await popup.texts(`${typed} .tab-paper-authors`)).toEqual(['Grace Hopper']);
    await popup.click(`${typed} button`);
    await until(async () => (await popup.texts(`${typed} p`)).includes('In your reading list: to read.'), 'the typed paper saved', 15_000);
    await until(async () => (await popup.texts('li.item .title')).includes('Typed From a Slide'), 'the search to find it', 10_000);
    const stored = await popup.evaluate(() =>
      (globalThis as any).browser.runtime.sendMessage({ type: 'list', payload: {} }).then((reply: any) => reply.value.map((r: any) => [r.id, r.savedFrom])),
    );
    expect(stored).toContainEqual(['arxiv:2606.45555', 'https://arxiv.org/abs/2606.45555']);
    expect(api.requests.filter((r) => r === 'huggingface.co /api/papers/2606.45555')).toHaveLength(1);
    await popup.close();
  });

  it('the keyboard shortcut on a PDF saves its paper (no card there to toggle), and says so on the toolbar button', async () => {
    api.hfPapers.set('2606.43333', { ...PAPER, id: '2606.43333', title: 'Saved With a Key' });
    const tab = await harness.newTab();
    await tab.goto(THIRD_PDF_URL);
    await harness.pressShortcut(tab);
    const popup = await harness.openPopup();
    await until(async () => (await popup.texts('li.item .title')).includes('Saved With a Key'), 'the paper in the list', 15_000);
    if (harness.inServiceWorker) {
      expect(await harness.inServiceWorker('chrome.action.getTitle({})')).toBe('Papershelf: saved “Saved With a Key” to the reading list');
    }
    // Pressed again, it stays saved: on a PDF the shortcut never removes (nothing there would show it).
    await harness.pressShortcut(tab);
    await new Promise((r) => setTimeout(r, 1000));
    expect(await popup.texts('li.item .title')).toContain('Saved With a Key');
    await popup.close();
    await tab.close();
  });

  it("the keyboard shortcut on a paper's page whose site is not turned on (no content script answers) saves the paper its address names", async () => {
    const tab = await harness.newTab();
    await tab.goto(CVF_URL);
    await harness.pressShortcut(tab, CVF_URL);
    const popup = await harness.openPopup();
    const ids = () =>
      popup.evaluate(() => (globalThis as any).browser.runtime.sendMessage({ type: 'list', payload: {} }).then((reply: any) => reply.value.map((r: any) => r.id))) as Promise<string[]>;
    // Its id from the address (the page itself is not granted, so its stand-in: nothing can be asked after the key press).
    await until(async () => (await ids()).includes('cvf:Okafor_Open-Vocabulary_Segmentation_at_Scale_CVPR_2024'), 'the paper in the list', 15_000);
    await popup.close();
    await tab.close();
  });
});
