// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extractPage } from './index';
import { PAGE_SITES, pageSiteOf, readPaperPage, type PageSite } from './read-page';

const NOW = new Date('2026-07-02T12:00:00Z');
const fixture = (site: string, name: string) => readFileSync(join(import.meta.dirname, '../../test/fixtures', site, name), 'utf8');

/** Each adapter's paper-page fixtures, at the URL its own test reads them at. */
const PAPER_PAGES: Array<[PageSite, string, string]> = [
  ['pmlr', 'paper-v202-exemplo23a.html', 'https://proceedings.mlr.press/v202/exemplo23a.html'],
  ['neurips', 'paper-2023-layout.html', 'https://proceedings.neurips.cc/paper_files/paper/2023/hash/0a1b2c3d4e5f60718293a4b5c6d7e8f9-Abstract-Conference.html'],
  ['neurips', 'paper-2026-layout.html', 'https://papers.nips.cc/paper_files/paper/2025/hash/00112233445566778899aabbccddeeff-Abstract-Datasets_and_Benchmarks_Track.html'],
  ['cvf', 'paper-cvpr2024.html', 'https://openaccess.thecvf.com/content/CVPR2024/html/Okafor_Open-Vocabulary_Segmentation_at_Scale_CVPR_2024_paper.html'],
  ['cvf', 'paper-iccv2019-no-meta.html', 'https://openaccess.thecvf.com/content_ICCV_2019/html/Lind_Self-Supervised_Depth_From_Rolling_Shutter_ICCV_2019_paper.html'],
  ['aclanthology', 'paper-2023.acl-long.1.html', 'https://aclanthology.org/2023.acl-long.1/'],
];

/** What the content script's card gives on that page (the adapter over the page as a browser loads it). */
function onThePage(site: PageSite, html: string, url: string) {
  const doc = new JSDOM(html, { url }).window.document;
  return extractPage(PAGE_SITES[site], doc, new URL(url), NOW).papers;
}

describe('readPaperPage: the paper the page\'s card shows', () => {
  it.each(PAPER_PAGES)('%s %s', (site, name, url) => {
    const html = fixture(site, name);
    const cards = onThePage(site, html, url);
    expect(cards).toHaveLength(1);
    expect(readPaperPage(html, url, NOW)).toEqual(cards[0]);
  });

  it('an anthology paper the ACL gave no DOI is its anthology id, read whole from its page', () => {
    const url = 'https://aclanthology.org/2020.lrec-1.1/';
    const html = fixture('aclanthology', 'paper-2023.acl-long.1.html')
      .replace(/<meta content="10\.18653[^>]*>/, '')
      .replace(/<dt>DOI:<\/dt><dd>.*?<\/dd>/, '')
      .replace(/\n\s*doi = "[^"]*",/, '')
      .replaceAll('2023.acl-long.1', '2020.lrec-1.1');
    expect(html).not.toContain('10.18653');
    expect(readPaperPage(html, url, NOW)).toMatchObject({
      id: 'aclanthology:2020.lrec-1.1',
      doi: null,
      title: 'Cross-lingual Transfer for Low-Resource NER with BiLSTMs',
      authors: ['Ana Exemplo', 'Bo Muster', 'Chidi Placeholder'],
      published: '2023-07',
      url,
      pdfUrl: 'https://aclanthology.org/2020.lrec-1.1.pdf',
    });
  });

  it('resolves relative links against the page (or its own <base>), not the extension page that parses it', () => {
    const [, name, url] = PAPER_PAGES[0]!;
    const relative = fixture('pmlr', name).replace('content="https://proceedings.mlr.press/v202/exemplo23a/exemplo23a.pdf"', 'content="exemplo23a/exemplo23a.pdf"');
    expect(relative).not.toBe(fixture('pmlr', name));
    expect(readPaperPage(relative, url, NOW)?.pdfUrl).toBe('https://proceedings.mlr.press/v202/exemplo23a/exemplo23a.pdf');
    const based = relative.replace('<head>', '<head><base href="/v202/files/">');
    expect(readPaperPage(based, url, NOW)?.pdfUrl).toBe('https://proceedings.mlr.press/v202/files/exemplo23a/exemplo23a.pdf');
    const scripted = relative.replace('<head>', '<head><base href="javascript:alert(1)//">');
    expect(readPaperPage(scripted, url, NOW)?.pdfUrl).toBe('https://proceedings.mlr.press/v202/exemplo23a/exemplo23a.pdf');
  });

  it('no paper from a page that is not one paper\'s page, an error page, an empty or garbled body', () => {
    const pmlr = fixture('pmlr', 'paper-v202-exemplo23a.html');
    expect(readPaperPage(pmlr, 'https://proceedings.mlr.press/v202/')).toBeNull(); // a volume: not the paper a link named
    expect(readPaperPage(pmlr, 'https://arxiv.org/abs/2402.09876')).toBeNull();
    expect(readPaperPage(pmlr, 'not a url')).toBeNull();
    const notFound = '<!doctype html><html><head><title>404 Not Found</title></head><body><h1>404</h1><p>File not found</p></body></html>';
    for (const [, , url] of PAPER_PAGES) {
      expect(readPaperPage(notFound, url)).toBeNull();
      expect(readPaperPage('', url)).toBeNull();
      expect(readPaperPage('\u0000<<<>>>%PDF-1.5 \uFFFD', url)).toBeNull();
    }
  });

  it('a hostile page: nothing in it runs, and no markup reaches the paper', () => {
    const [, name, url] = PAPER_PAGES[0]!;
    const ran: string[] = [];
    (globalThis as { papershelfRan?: (what: string) => void }).papershelfRan = (what) => ran.push(what);
    const hostile = fixture('pmlr', name)
      .replace('<head>', '<head><script>papershelfRan("head script")</script><meta http-equiv="refresh" content="0;url=javascript:papershelfRan(\'refresh\')">')
      .replace('<h1>', '<h1><img src="x:" onerror="papershelfRan(\'onerror\')"><svg onload="papershelfRan(\'svg\')"></svg>')
      .replace('</h1>', '</h1><script>papershelfRan("body script")</script>')
      .replace('</body>', '<iframe srcdoc="<script>parent.papershelfRan(\'iframe\')</script>"></iframe><body onload="papershelfRan(\'body\')"></body>');
    const paper = readPaperPage(hostile, url, NOW)!;
    expect(paper).toEqual(onThePage('pmlr', fixture('pmlr', name), url)[0]);
    expect(JSON.stringify(paper)).not.toMatch(/papershelfRan|onerror|<script|<img/);
    return new Promise<void>((resolve) => setTimeout(resolve, 50)).then(() => expect(ran).toEqual([]));
  });

  it('a huge page is read in one pass (the fetch caps what comes here)', () => {
    const [, name, url] = PAPER_PAGES[3]!;
    const padding = `<p>${'lorem ipsum '.repeat(1000)}</p>`.repeat(300); // about 3.6 MB
    const huge = fixture('cvf', name).replace('</body>', `${padding}</body>`);
    expect(readPaperPage(huge, url, NOW)).toEqual(readPaperPage(fixture('cvf', name), url, NOW));
  });
});

describe('pageSiteOf', () => {
  it.each(PAPER_PAGES)('%s claims its paper page %s', (site, _name, url) => {
    expect(pageSiteOf(new URL(url))).toBe(site);
  });

  it.each([
    'https://proceedings.mlr.press/v202/',
    'https://proceedings.neurips.cc/paper_files/paper/2023',
    'https://openaccess.thecvf.com/CVPR2024?day=all',
    'https://aclanthology.org/volumes/2023.acl-long/',
    'https://aclanthology.org/2023.acl-long.1.pdf',
    'https://aclanthology.org/people/andreas-madsack/',
  ])('no site reads %s as a paper page', (url) => {
    expect(pageSiteOf(new URL(url))).toBeNull();
  });
});
