// arXiv, a core site: the /new listing (three sections, dt+dd cards), the catch-up and author listings (the same
// cards) and the abstract page, in both browsers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { bothBrowsers, until, type Harness, type Routes } from './browsers';

const PAGES: Record<string, string> = {
  'https://arxiv.org/list/cs.LG/new': readFileSync('test/fixtures/arxiv/new-cs-lg.html', 'utf8'),
  'https://arxiv.org/abs/2609.22268': readFileSync('test/fixtures/arxiv/abs-2609.22268.html', 'utf8'),
  'https://arxiv.org/catchup/cs.LG/2026-09-10?abs=True': readFileSync('test/fixtures/arxiv/catchup-cs-lg.html', 'utf8'),
  'https://arxiv.org/a/okafor_m_1': readFileSync('test/fixtures/arxiv/author-okafor_m_1.html', 'utf8'),
};
const routes: Routes = (url) => (PAGES[url] ? { body: PAGES[url] } : undefined);

// The fixture's entries in page order: new submissions, cross-lists, replacements (an old-style id among them).
const LISTING_IDS = ['2609.10658', '2609.10723', '2609.10863', '2609.10976', '2609.10657', '2609.10993', '2501.01234', 'cs/0703095', '2608.04321'].map(
  (id) => `arxiv:${id}`,
);

describe.each(bothBrowsers(routes))('%s: arXiv pages', (_name, launch) => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await launch();
  });
  afterAll(() => harness?.close());

  it('annotates every entry of a /new listing, across its three sections, in page order', async () => {
    const tab = await harness.newTab();
    await tab.goto('https://arxiv.org/list/cs.LG/new');
    const overlays = await until(async () => {
      const found = await tab.overlays();
      return found.length === LISTING_IDS.length && found.every((o) => o.pressed !== null) && found;
    }, 'listing overlays');
    expect(overlays.map((o) => o.id)).toEqual(LISTING_IDS);
    // Each overlay sits in its row's first line and adds no height to it, so nothing below moves when it goes in
    // (issue #7); where the line has no room (Firefox's window here is 800 px wide) it starts a line of its own,
    // under the links, covering nothing. The page sees only the hosts: a row without its host is arXiv's own.
    const rows = await tab.run<{ with: number; without: number; inDt: boolean; ownLine: boolean }[]>(`(() =>
      [...document.querySelectorAll('dl > dt')].map((dt) => {
        const host = dt.querySelector('papershelf-overlay');
        const withIt = dt.getBoundingClientRect().height;
        const ownLine = !!host && host.getBoundingClientRect().top >= dt.querySelector('a[title="Abstract"]').getBoundingClientRect().bottom;
        const next = host?.nextSibling ?? null;
        host?.remove();
        const without = dt.getBoundingClientRect().height;
        if (host) dt.insertBefore(host, next);
        return { with: withIt, without, inDt: !!host, ownLine };
      }))()`);
    expect(rows).toHaveLength(LISTING_IDS.length);
    for (const row of rows) {
      expect(row.inDt).toBe(true);
      if (!row.ownLine) expect(row.with).toBe(row.without);
    }
    expect(rows.filter((r) => !r.ownLine).length).toBeGreaterThan(0);
    await tab.clickSave('arxiv:cs/0703095');
    await until(async () => (await tab.overlays()).find((o) => o.id === 'arxiv:cs/0703095')?.pressed === 'true', 'saved old-style id');
    await tab.close();
  });

  it.each([
    ['a catch-up page', 'https://arxiv.org/catchup/cs.LG/2026-09-10?abs=True', ['2609.09412', '2609.09530', '2609.09001', '2607.04410', 'math/0605123']],
    ['an author page', 'https://arxiv.org/a/okafor_m_1', ['2609.10658', '2403.01234', 'cs/0612001']],
  ])('annotates every entry of %s, in page order', async (_kind, url, ids) => {
    const tab = await harness.newTab();
    await tab.goto(url);
    const overlays = await until(async () => {
      const found = await tab.overlays();
      return found.length === ids.length && found.every((o) => o.pressed !== null) && found;
    }, `${url} overlays`);
    expect(overlays.map((o) => o.id)).toEqual(ids.map((id) => `arxiv:${id}`));
    // In each entry's own first line, as on /new.
    expect(await tab.run<boolean>(`[...document.querySelectorAll('papershelf-overlay')].every((h) => h.parentElement.localName === 'dt')`)).toBe(true);
    await tab.close();
  });

  it('puts the save control on the abstract page and lists the paper in the popup', async () => {
    const tab = await harness.newTab();
    await tab.goto('https://arxiv.org/abs/2609.22268');
    const [overlay] = await until(async () => {
      const found = await tab.overlays();
      return found.length === 1 && found[0]!.pressed === 'false' && found;
    }, 'the abstract page overlay');
    expect(overlay!.id).toBe('arxiv:2609.22268');
    await tab.clickSave('arxiv:2609.22268');
    await until(async () => (await tab.overlays())[0]?.pressed === 'true', 'saved');
    const popup = await harness.openPopup();
    await popup.waitFor('li.item');
    const titles = await popup.texts('li.item .title');
    // Newest first: the abstract page's paper, then the old-style id saved from the listing.
    expect(titles).toEqual(['Efficient spectral Galerkin framework for nonlinear transient heat transfer in finite domains', 'On the Convergence of Online Boosting']);
    // The version the page showed (og:url …v1) was saved beside the id, and the details say so.
    await popup.click('li.item .toggle');
    await popup.waitFor('li.item .ids');
    expect((await popup.texts('li.item .ids'))[0]).toBe('arXiv:2609.22268v1');
    await popup.close();
  });
});
