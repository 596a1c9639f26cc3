// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { cardsUnder, citationAuthorName, httpUrl, linkedIds, parseDateOrYear, parseLooseDate, readCitationMeta, readJsonLd, textOf } from './common';

function doc(head: string, body = '', url = 'https://example.org/paper/1'): Document {
  const d = new DOMParser().parseFromString(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`, 'text/html');
  // DOMParser documents have about:blank as URL; give relative citation_pdf_url something to resolve against.
  const base = d.createElement('base');
  base.href = url;
  d.head.prepend(base);
  return d;
}

const meta = (name: string, content: string) => `<meta name="${name}" content="${content}">`;

describe('readCitationMeta', () => {
  it('reads every field', () => {
    const d = doc(
      [
        meta('citation_title', ' Attention  Is All\nYou Need '),
        meta('citation_author', 'Vaswani, Ashish'),
        meta('citation_author', 'Noam Shazeer'),
        meta('citation_author', 'Parmar, Niki'),
        meta('citation_publication_date', '2017/12/04'),
        meta('citation_online_date', '2017/06/12'),
        meta('citation_pdf_url', '/pdf/1.pdf'),
        meta('citation_doi', '10.5555/3295222.3295349'),
        meta('citation_arxiv_id', '1706.03762v7'),
        meta('citation_abstract', 'The dominant  sequence transduction models'),
        meta('citation_journal_title', 'Some Journal'),
        meta('citation_conference_title', 'NeurIPS 2017'),
        meta('citation_keywords', 'transformers; attention, NLP'),
        meta('citation_keywords', 'attention'),
      ].join(''),
    );
    expect(readCitationMeta(d)).toEqual({
      title: 'Attention Is All You Need',
      authors: ['Ashish Vaswani', 'Noam Shazeer', 'Niki Parmar'],
      published: '2017-12-04',
      onlineDate: '2017-06-12',
      pdfUrl: 'https://example.org/pdf/1.pdf',
      doi: '10.5555/3295222.3295349',
      arxivId: '1706.03762',
      abstract: 'The dominant sequence transduction models',
      venue: 'NeurIPS 2017',
      keywords: ['transformers', 'attention', 'NLP'],
    });
  });

  it('is null without citation_title, and empty fields are null', () => {
    expect(readCitationMeta(doc(meta('citation_author', 'A B')))).toBeNull();
    expect(readCitationMeta(doc(meta('citation_title', '  ')))).toBeNull();
    expect(readCitationMeta(doc(meta('citation_title', 'T')))).toEqual({
      title: 'T', authors: [], published: null, onlineDate: null, pdfUrl: null, doi: null, arxivId: null,
      abstract: null, venue: null, keywords: [],
    });
  });

  it('takes the most precise date among publication_date, date, online_date, the first of equals', () => {
    const d = (tags: string[]) => readCitationMeta(doc(meta('citation_title', 'T') + tags.join('')))!.published;
    expect(d([meta('citation_date', '2020-01-02'), meta('citation_publication_date', '2020/03/04')])).toBe('2020-03-04');
    expect(d([meta('citation_publication_date', '2019'), meta('citation_date', '2019/06/09')])).toBe('2019-06-09');
    expect(d([meta('citation_publication_date', '2019'), meta('citation_online_date', '2019/02/01')])).toBe('2019-02-01');
    expect(d([meta('citation_publication_date', '2019/07'), meta('citation_date', '2019')])).toBe('2019-07');
  });

  it('keeps a year or a month when that is all the tags give, never a day they do not name', () => {
    const m = (tags: string[]) => readCitationMeta(doc(meta('citation_title', 'T') + tags.join('')))!;
    expect(m([meta('citation_publication_date', '2019')]).published).toBe('2019'); // NeurIPS, CVF
    expect(m([meta('citation_date', '2019')]).published).toBe('2019');
    expect(m([meta('citation_publication_date', '2023/7')]).published).toBe('2023-07'); // ACL Anthology
    expect(m([meta('citation_publication_date', '2023/07')]).published).toBe('2023-07');
    expect(m([meta('citation_online_date', '2023')]).onlineDate).toBe('2023');
    // Not a year: an arXiv id, a number too large or too small to be one.
    expect(m([meta('citation_date', '2401.12345')]).published).toBeNull();
    expect(m([meta('citation_date', '12019')]).published).toBeNull();
    expect(m([meta('citation_date', '0219')]).published).toBeNull();
  });

  it('falls back to journal then inbook title for the venue; rejects non-http pdf URLs and bad ids', () => {
    const m = readCitationMeta(
      doc(
        meta('citation_title', 'T') + meta('citation_inbook_title', 'Book') + meta('citation_journal_title', 'J') +
          meta('citation_pdf_url', 'javascript:alert(1)') + meta('citation_arxiv_id', 'not-an-id') + meta('citation_doi', 'n/a'),
      ),
    )!;
    expect([m.venue, m.pdfUrl, m.arxivId, m.doi]).toEqual(['J', null, null, null]);
    expect(readCitationMeta(doc(meta('citation_title', 'T') + meta('citation_inbook_title', 'Book')))!.venue).toBe('Book');
  });

  it('reads a single semicolon-separated citation_authors tag when there are no citation_author tags', () => {
    expect(readCitationMeta(doc(meta('citation_title', 'T') + meta('citation_authors', 'Doe, Jane; John Roe')))!.authors).toEqual([
      'Jane Doe',
      'John Roe',
    ]);
  });
});

describe('readJsonLd', () => {
  const ld = (json: string) => `<script type="application/ld+json">${json}</script>`;
  it('flattens arrays and @graph and skips malformed blocks', () => {
    const d = doc(
      ld('{"@type":"ScholarlyArticle","name":"A"}') +
        ld('{not json') +
        ld('[{"@type":"Person","name":"B"},{"@type":"WebPage"}]') +
        ld('{"@context":"https://schema.org","@graph":[{"@type":"Dataset"},[{"@type":"Thing"}]]}') +
        ld('"just a string"') +
        '<script>{"@type":"NotLd"}</script>',
    );
    expect(readJsonLd(d).map((o) => o['@type'])).toEqual(['ScholarlyArticle', 'Person', 'WebPage', 'Dataset', 'Thing']);
  });
  it('is empty without JSON-LD', () => {
    expect(readJsonLd(doc(''))).toEqual([]);
  });
});

describe('textOf', () => {
  it('normalises whitespace and accepts null', () => {
    const d = doc('', '<p id="p">  a\n <b>b</b>\u00a0c </p>');
    expect(textOf(d.getElementById('p'))).toBe('a b c');
    expect(textOf(null)).toBe('');
    expect(textOf(undefined)).toBe('');
  });
});

describe('parseLooseDate', () => {
  const now = new Date('2026-09-15T12:00:00Z');
  it.each([
    ['9 Sep 2026', '2026-09-09'],
    ['09 September 2026', '2026-09-09'],
    ['Friday, 11 September 2026', '2026-09-11'],
    ['Sep 9, 2026', '2026-09-09'],
    ['Sept. 9th, 2026', '2026-09-09'],
    ['September 9 2026', '2026-09-09'],
    ['2026/09/09', '2026-09-09'],
    ['2026-09-09', '2026-09-09'],
    ['2026-9-9', '2026-09-09'],
    ['2026-09-09T23:30:00.000Z', '2026-09-09'],
    ['Submitted 2 December, 2025; originally announced', '2025-12-02'],
    ['December 2025', '2025-12'],
    ['Dec, 2025', '2025-12'],
    ['2025-12', '2025-12'],
    ['2023/7', '2023-07'],
    ['2025-13', null],
    ['2019', null],
    ['Sep 15', '2026-09-15'],
    ['Sep 28', '2025-09-28'],
    ['28 Sep', '2025-09-28'],
    ['Jan 3', '2026-01-03'],
    ['Feb 29', '2024-02-29'],
    ['30 Feb 2026', null],
    ['2026-13-01', null],
    ['arXiv:2401.12345', null],
    ['', null],
    ['no date here', null],
  ])('%s -> %s', (text, expected) => {
    expect(parseLooseDate(text, now)).toBe(expected);
  });
  it('gives null for year-less dates without a usable now', () => {
    expect(parseLooseDate('Sep 28', null)).toBeNull();
    expect(parseLooseDate('Sep 28', new Date(NaN))).toBeNull();
    expect(parseLooseDate('Sep 28, 2020', null)).toBe('2020-09-28');
  });
});

describe('parseDateOrYear', () => {
  const now = new Date('2026-09-15T12:00:00Z');
  it.each([
    ['2019', '2019'],
    [' 2019 ', '2019'],
    ['1999', '1999'],
    ['12 June 2017', '2017-06-12'],
    ['June 2017', '2017-06'],
    ['Sep 28', '2025-09-28'],
    // A year only when it is the whole text: in other text a four-digit number can be anything.
    ['SIGMORPHON 2019 Shared Task', null],
    ['2019 papers', null],
    ['2401.12345', null],
    ['2401', null],
    ['1899', null],
    ['20190', null],
    ['n/a', null],
    ['', null],
  ])('%s -> %s', (text, expected) => {
    expect(parseDateOrYear(text, now)).toBe(expected);
  });
});

describe('httpUrl', () => {
  it.each([
    ['/P19-1001.pdf', 'https://aclanthology.org/P19-1001.pdf'],
    ['https://doi.org/10.1/x', 'https://doi.org/10.1/x'],
    ['//arxiv.org/abs/2401.12345', 'https://arxiv.org/abs/2401.12345'],
    ['  ../a.html ', 'https://aclanthology.org/people/a.html'],
    ['javascript:void(0)', null],
    ['data:text/html,x', null],
    ['mailto:a@b.c', null],
    ['', null],
    [null, null],
    [undefined, null],
    ['http://[bad', null],
  ])('%s -> %s', (href, expected) => {
    expect(httpUrl(href, 'https://aclanthology.org/people/x/')).toBe(expected);
  });
});

describe('citationAuthorName', () => {
  it.each([
    ['Vaswani, Ashish', 'Ashish Vaswani'],
    ['  van der Berg ,  Jan  Willem ', 'Jan Willem van der Berg'],
    ['Noam Shazeer', 'Noam Shazeer'],
    ['King, Jr., Martin Luther', 'Martin Luther King Jr.'],
    ['Plato', 'Plato'],
    ['', ''],
  ])('%s -> %s', (name, expected) => {
    expect(citationAuthorName(name)).toBe(expected);
  });
});

describe('cardsUnder and linkedIds', () => {
  it('includes the root itself when it matches', () => {
    const d = doc('', '<div class="c" id="a"><div class="c" id="b"></div></div>');
    expect(cardsUnder(d, '.c').map((e) => e.id)).toEqual(['a', 'b']);
    expect(cardsUnder(d.getElementById('a')!, '.c').map((e) => e.id)).toEqual(['a', 'b']);
    expect(cardsUnder(d.getElementById('b')!, '.c').map((e) => e.id)).toEqual(['b']);
  });
  it('finds the first arXiv id and doi.org DOI among links', () => {
    const d = doc(
      '',
      '<a href="javascript:x">j</a><a href="https://example.org/10.1/x">not doi.org</a><a href="https://dx.doi.org/10.18653/V1/P19-1001">d</a>' +
        '<a href="https://doi.org/10.1/second">d2</a><a href="//arxiv.org/abs/2401.12345v2">a</a>',
    );
    expect(linkedIds(d, 'https://aclanthology.org/')).toEqual({ arxiv: '2401.12345', doi: '10.18653/v1/p19-1001' });
    expect(linkedIds(doc('', '<a>none</a>'), 'https://aclanthology.org/')).toEqual({ arxiv: null, doi: null });
  });
});
