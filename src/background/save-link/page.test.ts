// @vitest-environment jsdom
// Links to PMLR, NeurIPS and CVF papers, and to ACL Anthology papers without an ACL DOI: their page is fetched and read
// by the site's adapter (readPaperPage), the reader standing in for Chrome's offscreen document or Firefox's background page.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { PaperSchema } from '../messages';
import { readPaperPage } from '../../sites/read-page';
import { createLinkResolver, minimalPaper, type LinkResolverOptions } from './metadata';
import { MAX_BODY_CHARS } from './http';
import { identifyLink, type LinkTarget } from './targets';
import { fakeClock, fakeFetch, networkError, respond, type Call } from './test-helpers';

const fixture = (site: string, name: string) => readFileSync(join(import.meta.dirname, '../../../test/fixtures', site, name), 'utf8');
const PMLR_PAGE = 'https://proceedings.mlr.press/v202/exemplo23a.html';
const PMLR: LinkTarget = { kind: 'page', site: 'pmlr', url: PMLR_PAGE };
const html = (body: string, status = 200, url?: string) => respond(body, status, 'text/html; charset=utf-8', url);

function setup(script: (url: string, call: Call) => Response | Promise<Response>, extra: Partial<LinkResolverOptions> = {}) {
  const clock = fakeClock();
  const fake = fakeFetch(script, clock.now);
  const reads: string[] = [];
  const readPage = async (text: string, url: string) => (reads.push(url), readPaperPage(text, url));
  const resolver = createLinkResolver({ fetch: fake.fetch, now: clock.now, sleep: clock.sleep, readPage, ...extra });
  return { fake, resolver, reads };
}

describe('paper pages: read by the site\'s own adapter', () => {
  it.each([
    ['pmlr', 'paper-v202-exemplo23a.html', 'https://proceedings.mlr.press/v202/exemplo23a/exemplo23a.pdf'],
    ['neurips', 'paper-2023-layout.html', 'https://proceedings.neurips.cc/paper_files/paper/2023/file/0a1b2c3d4e5f60718293a4b5c6d7e8f9-Paper-Conference.pdf'],
    ['cvf', 'paper-cvpr2024.html', 'https://openaccess.thecvf.com/content/CVPR2024/papers/Okafor_Open-Vocabulary_Segmentation_at_Scale_CVPR_2024_paper.pdf'],
  ])('%s: a link to the PDF saves the paper the page\'s card shows', async (site, name, link) => {
    const target = identifyLink(link)!;
    expect(target).toMatchObject({ kind: 'page', site });
    const page = (target as { url: string }).url;
    const { resolver, fake } = setup((url) => (url === page ? html(fixture(site, name)) : networkError()));
    const { paper, complete } = await resolver.resolve(target);
    expect(complete).toBe(true);
    expect(paper).toEqual(readPaperPage(fixture(site, name), page));
    expect(v.is(PaperSchema, paper)).toBe(true);
    expect(fake.urls()).toEqual([page]);
    expect(fake.calls[0]!.headers.get('accept')).toMatch(/^text\/html/);
    expect(fake.calls[0]!.init.credentials).toBe('omit'); // anonymous, whatever the reader's session there
  });

  it('a PMLR page with an arXiv link saves the arXiv paper, with its PMLR key as an alias, as its card does', async () => {
    const withArxiv = fixture('pmlr', 'paper-v202-exemplo23a.html').replace('<div id="extras">', '<div id="extras"><a href="https://arxiv.org/abs/2302.01234">arXiv</a>');
    expect(withArxiv).toContain('2302.01234');
    const { resolver } = setup(() => html(withArxiv));
    const { paper } = await resolver.resolve(PMLR);
    expect(paper).toMatchObject({ id: 'arxiv:2302.01234', aliases: ['pmlr:v202/exemplo23a'] });
  });

  it('an anthology paper the ACL gave no DOI (LREC): its page is read, and saves the paper its card shows, by its anthology id', async () => {
    const page = 'https://aclanthology.org/2020.lrec-1.1/';
    const lrec = fixture('aclanthology', 'paper-2023.acl-long.1.html')
      .replace(/<meta content="10\.18653[^>]*>/, '')
      .replace(/<dt>DOI:<\/dt><dd>.*?<\/dd>/, '')
      .replace(/\n\s*doi = "[^"]*",/, '')
      .replaceAll('2023.acl-long.1', '2020.lrec-1.1');
    expect(lrec).not.toContain('10.18653');
    const target = identifyLink('https://www.aclweb.org/anthology/2020.lrec-1.1.pdf')!;
    expect(target).toEqual({ kind: 'page', site: 'aclanthology', url: page });
    const { resolver, fake } = setup((url) => (url === page ? html(lrec) : networkError()));
    const { paper, complete } = await resolver.resolve(target);
    expect(complete).toBe(true);
    expect(paper).toEqual(readPaperPage(lrec, page));
    expect(paper).toMatchObject({ id: 'aclanthology:2020.lrec-1.1', doi: null, title: 'Cross-lingual Transfer for Low-Resource NER with BiLSTMs', url: page });
    expect(fake.urls()).toEqual([page]);
    // Not read: the same id, its anthology page, a title naming it
    expect(minimalPaper(target)).toMatchObject({ id: 'aclanthology:2020.lrec-1.1', title: 'ACL Anthology paper 2020.lrec-1.1', url: page });
  });

  it("an ACL DOI doi.org does not know (a 2019 workshop's, never registered): the anthology page is read instead, else the DOI's stand-in", async () => {
    const page = 'https://aclanthology.org/W19-6101/';
    const workshop = fixture('aclanthology', 'paper-2023.acl-long.1.html')
      .replace(/<meta content="10\.18653[^>]*>/, '')
      .replace(/<dt>DOI:<\/dt><dd>.*?<\/dd>/, '')
      .replace(/\n\s*doi = "[^"]*",/, '')
      .replaceAll('2023.acl-long.1', 'W19-6101');
    const target = identifyLink('https://aclanthology.org/W19-6101.pdf')!;
    expect(target).toEqual({ kind: 'doi', doi: '10.18653/v1/W19-6101' }); // the id says the ACL gave it a DOI
    const notFound = () => respond('<html><title>DOI Not Found</title></html>', 404, 'text/html');
    const { resolver, fake } = setup((url) => (url === page ? html(workshop) : notFound()));
    const { paper, complete } = await resolver.resolve(target);
    expect(complete).toBe(true);
    expect(paper).toEqual(readPaperPage(workshop, page));
    expect(paper).toMatchObject({ id: 'aclanthology:W19-6101', title: 'Cross-lingual Transfer for Low-Resource NER with BiLSTMs', url: page });
    expect(fake.urls()).toEqual(['https://doi.org/10.18653/v1/w19-6101', page]);
    // The page not read either (the site not granted, no reader): the stand-in, as before; another DOI reads no page.
    const unread = setup((url) => (url === page ? networkError() : notFound()));
    expect(await unread.resolver.resolve(target)).toEqual({ paper: minimalPaper(target), complete: false });
    const noReader = setup((url) => (url === page ? html(workshop) : notFound()), { readPage: undefined });
    expect(await noReader.resolver.resolve(target)).toEqual({ paper: minimalPaper(target), complete: false });
    expect(noReader.fake.urls()).toEqual(['https://doi.org/10.18653/v1/w19-6101']);
    const other = setup(notFound);
    await other.resolver.resolve({ kind: 'doi', doi: '10.1145/3292500.3330701' });
    expect(other.fake.urls()).toEqual(['https://doi.org/10.1145/3292500.3330701']);
  });

  it('the stand-in for a page that could not be read: the venue id, a title naming it, the page', () => {
    expect(minimalPaper(PMLR)).toMatchObject({ id: 'pmlr:v202/exemplo23a', title: 'PMLR paper v202/exemplo23a', url: PMLR_PAGE, source: { site: 'pmlr', page: 'link' } });
    const cvf = identifyLink('https://openaccess.thecvf.com/content/CVPR2024/papers/Okafor_Open-Vocabulary_Segmentation_at_Scale_CVPR_2024_paper.pdf')!;
    expect(minimalPaper(cvf)).toMatchObject({ id: 'cvf:Okafor_Open-Vocabulary_Segmentation_at_Scale_CVPR_2024', title: 'CVF Open Access paper Okafor_Open-Vocabulary_Segmentation_at_Scale_CVPR_2024' });
    for (const target of [PMLR, cvf]) expect(v.is(PaperSchema, minimalPaper(target))).toBe(true);
  });

  it('HTTP errors, network errors, a redirect elsewhere, a huge body, an error or other page give the stand-in', async () => {
    const minimal = { paper: minimalPaper(PMLR), complete: false };
    const failures: Array<() => Response> = [
      () => html('<html><title>404 File not found</title><body><h1>404</h1></body></html>', 404),
      () => html('Service unavailable', 503),
      () => html('', 429),
      networkError,
      () => html(fixture('pmlr', 'paper-v202-exemplo23a.html'), 200, 'https://evil.example/v202/exemplo23a.html'),
      () => html(fixture('pmlr', 'paper-v202-exemplo23a.html'), 200, 'https://proceedings.mlr.press/v202/other23b.html'), // another paper's page
      () => html(`<html><body><h1>T</h1>${'x'.repeat(MAX_BODY_CHARS)}</body></html>`),
      () => html('<html><head><title>Page not found</title></head><body><h1>Page not found</h1></body></html>'), // a 200 error page
      () => html(fixture('pmlr', 'volume-v202.html')), // not the paper's page
      () => respond('%PDF-1.5 binary', 200, 'application/pdf'),
    ];
    for (const failure of failures) {
      const { resolver } = setup(failure);
      expect(await resolver.resolve(PMLR)).toEqual(minimal);
    }
  });

  it('a page that hangs is abandoned after the timeout', async () => {
    const { resolver } = setup((_url, call) => new Promise((_resolve, reject) => call.init.signal?.addEventListener('abort', () => reject(call.init.signal?.reason))), { timeoutMs: 30 });
    expect(await resolver.resolve(PMLR)).toEqual({ paper: minimalPaper(PMLR), complete: false });
  });

  it('what the reader answers is checked as anything crossing from another context: else the stand-in', async () => {
    const good = readPaperPage(fixture('pmlr', 'paper-v202-exemplo23a.html'), PMLR_PAGE)!;
    const answers: unknown[] = [
      null,
      undefined,
      'a string',
      { ...good, id: 'javascript:alert(1)' },
      { ...good, title: '' },
      { ...good, url: 'javascript:alert(1)' },
      { ...good, extra: '<img src=x onerror=alert(1)>' },
      { ...good, authors: 'Ana' },
    ];
    for (const answer of answers) {
      const { resolver } = setup(() => html('<html></html>'), { readPage: async () => answer });
      expect(await resolver.resolve(PMLR)).toEqual({ paper: minimalPaper(PMLR), complete: false });
    }
    const { resolver } = setup(() => html('<html></html>'), { readPage: async () => Promise.reject(new Error('offscreen document closed')) });
    expect(await resolver.resolve(PMLR)).toEqual({ paper: minimalPaper(PMLR), complete: false });
  });

  it('without a page reader (no DOMParser anywhere) nothing is fetched: the stand-in at once', async () => {
    const { resolver, fake } = setup(() => html(fixture('pmlr', 'paper-v202-exemplo23a.html')), { readPage: undefined });
    expect(await resolver.resolve(PMLR)).toEqual({ paper: minimalPaper(PMLR), complete: false });
    expect(fake.calls).toHaveLength(0);
  });

  it('a page target identifyLink could never produce is refused before any request', async () => {
    const { resolver, fake } = setup(() => html(''));
    const bad: LinkTarget[] = [
      { kind: 'page', site: 'pmlr', url: 'https://proceedings.mlr.press/v202/' },
      { kind: 'page', site: 'cvf', url: PMLR_PAGE },
      { kind: 'page', site: 'pmlr', url: 'http://proceedings.mlr.press/v202/exemplo23a.html' },
      { kind: 'page', site: 'pmlr', url: 'not a url' },
    ];
    for (const target of bad) await expect(resolver.resolve(target)).rejects.toThrow(TypeError);
    expect(fake.calls).toHaveLength(0);
  });
});
