// One paper, one record: a paper with no arXiv id or DOI saved from its venue's page (PMLR, NeurIPS, OpenReview, CVF,
// ACL Anthology) and from a listing that links that page (dblp, Google Scholar, Semantic Scholar) has one id, so the
// second save refreshes the first record instead of adding another; so does an ACL paper saved from a link to it
// (through its DOI) and from its page. Fixtures: each site's test/fixtures/<site>/.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { JSDOM } from 'jsdom';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Paper } from '../../src/core/paper';
import { createLinkResolver } from '../../src/background/save-link/metadata';
import { ACL_DOI, aclCsl } from '../../src/background/save-link/fixtures';
import { identifyLink } from '../../src/background/save-link/targets';
import { fakeClock, fakeFetch, json } from '../../src/background/save-link/test-helpers';
import { adapters, extractPage } from '../../src/sites';
import { editPaper, listPapers, openDatabase, savePaper } from '../../src/storage/reading-list';
import { fixturesOf } from './robustness/fixtures';

const NOW = new Date('2026-09-12T12:00:00Z');

/** The papers of a fixture page, as the content script reads them. */
function papersOf(site: string, name: string): Paper[] {
  const fixture = fixturesOf(site).find((f) => f.name === name)!;
  const adapter = adapters.find((a) => a.id === site)!;
  const doc = new JSDOM(fixture.html, { url: fixture.url }).window.document;
  return extractPage(adapter, doc, new URL(fixture.url!), NOW).papers;
}

const byTitle = (papers: Paper[], title: RegExp) => papers.find((p) => title.test(p.title))!;

const VENUE_PAGES = [
  ['pmlr', 'paper-v202-exemplo23a.html', /exploration in linear bandits/i],
  ['neurips', 'paper-2023-layout.html', /provably efficient exploration/i],
  ['openreview', 'forum-Xk9pQ2vN7a.html', /sparse mixtures of recurrent experts/i],
  ['cvf', 'paper-cvpr2024.html', /open-vocabulary segmentation/i],
  ['aclanthology', 'author-andreas-madsack.html', /sigmorphon 2019/i],
] as const;
const LISTINGS = [
  ['dblp', 'person-venues.html'],
  ['scholar', 'search-venues.html'],
  ['semanticscholar', 'search-venues.html'],
] as const;

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

describe.each(VENUE_PAGES)('a paper saved from %s (%s)', (site, name, title) => {
  const fromVenue = byTitle(papersOf(site, name), title);

  it('has the venue id, with neither arXiv id nor DOI', () => {
    expect(fromVenue.id.startsWith(`${site}:`)).toBe(true);
  });

  it.each(LISTINGS)('is the paper a %s entry linking it names (%s)', (listing, listingName) => {
    expect(byTitle(papersOf(listing, listingName), title).id).toBe(fromVenue.id);
  });

  it('and from dblp, is one reading-list record', async () => {
    const db = await openDatabase();
    await savePaper(db, fromVenue, { savedFrom: `https://${site}.example/`, now: 1000 });
    await editPaper(db, fromVenue.id, { addTags: ['to-cite'] });
    const fromDblp = byTitle(papersOf('dblp', 'person-venues.html'), title);
    await savePaper(db, fromDblp, { savedFrom: 'https://dblp.org/pid/00/1234.html', now: 2000 });
    const list = await listPapers(db);
    expect(list.map((r) => [r.id, r.tags, r.savedAt])).toEqual([[fromVenue.id, ['to-cite'], 1000]]);
  });
});

describe('an ACL Anthology paper saved from a link elsewhere, through its DOI', () => {
  const fromPage = byTitle(papersOf('aclanthology', 'paper-2023.acl-long.1.html'), /cross-lingual transfer/i);

  async function fromLink(href: string): Promise<Paper> {
    const target = identifyLink(href);
    expect(target).toEqual({ kind: 'doi', doi: '10.18653/v1/2023.acl-long.1' });
    const clock = fakeClock();
    const fake = fakeFetch((url) => (url === `https://doi.org/${ACL_DOI}` ? json(aclCsl()) : json({}, 404)), clock.now);
    return (await createLinkResolver({ fetch: fake.fetch, now: clock.now, sleep: clock.sleep }).resolve(target!)).paper;
  }

  it.each([fromPage.url!, fromPage.pdfUrl!])('is the paper its own page shows (%s)', async (href) => {
    const linked = await fromLink(href);
    expect(fromPage.id).toBe('aclanthology:2023.acl-long.1');
    expect(linked).toMatchObject({ id: fromPage.id, url: fromPage.url, pdfUrl: fromPage.pdfUrl, doi: fromPage.doi, aliases: fromPage.aliases });
  });

  it('and saved again from its page, is one reading-list record', async () => {
    const db = await openDatabase();
    await savePaper(db, await fromLink(fromPage.pdfUrl!), { savedFrom: 'https://blog.example.org/notes', now: 1000 });
    await savePaper(db, fromPage, { savedFrom: fromPage.url!, now: 2000 });
    expect((await listPapers(db)).map((r) => [r.id, r.savedAt])).toEqual([[fromPage.id, 1000]]);
  });
});
