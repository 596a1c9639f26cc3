// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { emptyPaper, normalizeSpace, type Paper } from '../core/paper';
import { textOf } from './common';
import { extractPage } from './index';
import { clusterToCid, parseByline, scholar, SCHOLAR_HOSTS } from './scholar';

const NOW = new Date('2026-09-12T12:00:00Z');
const SEARCH_2026 = 'https://scholar.google.com/scholar?hl=en&as_sdt=0%2C5&q=microwave+dielectric+properties+biomass';
const PROFILE = 'https://scholar.google.com/citations?user=A5NhLJkAAAAJ&hl=en';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../../test/fixtures/scholar', name), 'utf8');

function load(name: string, url: string) {
  const doc = new JSDOM(fixture(name), { url }).window.document;
  const ctx = scholar.context(doc, new URL(url), NOW);
  const cards = scholar.findCards(doc, ctx);
  return { doc, ctx, cards, papers: cards.map((card) => scholar.extract(card, ctx)) };
}

/** A complete expected Paper: every field not given is the empty value. */
const paper = (page: string, id: string, title: string, fields: Partial<Paper>): Paper => ({
  ...emptyPaper(id, title, { site: 'scholar', page }),
  ...fields,
});
const result = (id: string, title: string, fields: Partial<Paper>) => paper('search', id, title, fields);
const sd = (pii: string) => `https://www.sciencedirect.com/science/article/pii/${pii}`;

describe('scholar.pageKind', () => {
  it.each([
    [SEARCH_2026, 'search'],
    ['https://scholar.google.com/scholar?q=%22Learning+deep+architectures+for+AI%22', 'search'],
    ['https://scholar.google.com/scholar?start=10&q=transformers&hl=en&as_sdt=0,5', 'search'],
    ['https://scholar.google.com/scholar?cites=8981356803495928007&as_sdt=2005&sciodt=0,5&hl=en', 'search'],
    ['https://scholar.google.com/scholar?cluster=8981356803495928007&hl=en&as_sdt=0,5', 'search'],
    ['https://scholar.google.com/scholar?q=related:x6BpcW0wpHwJ:scholar.google.com/&hl=en', 'search'],
    // The Advanced search dialog (form#gs_asd_frm, action="/scholar", GET) names its fields as_*, never q.
    ['https://scholar.google.com/scholar?as_q=transformers&as_epq=&as_oq=&as_eq=&as_occt=any&as_sauthors=&as_publication=&as_ylo=&as_yhi=&hl=en&as_sdt=0%2C5', 'search'],
    ['https://scholar.google.com/scholar?as_q=&as_epq=attention+is+all+you+need&as_oq=&as_eq=&as_occt=title&hl=en', 'search'],
    ['https://scholar.google.com/scholar?as_q=&as_oq=diffusion+flow&as_occt=any&hl=en', 'search'],
    ['https://scholar.google.com/scholar?as_q=&as_sauthors=%22GE+Hinton%22&as_publication=&hl=en', 'search'],
    ['https://scholar.google.com/scholar?as_q=&as_sauthors=&as_publication=Nature&as_ylo=2020&hl=en', 'search'],
    ['https://scholar.google.com/scholar?as_q=&as_epq=&as_oq=&as_eq=&as_occt=any&as_sauthors=&as_publication=&as_ylo=2020&as_yhi=&hl=en', null],
    [PROFILE, 'profile'],
    ['https://scholar.google.com/citations?hl=en&user=A5NhLJkAAAAJ&view_op=list_works&sortby=pubdate', 'profile'],
    ['https://scholar.google.com/citations?user=A5NhLJkAAAAJ&cstart=20&pagesize=80', 'profile'],
    ['https://scholar.google.com/scholar?q=', null],
    ['https://scholar.google.com/scholar?hl=en', null],
    ['https://scholar.google.com/scholar', null],
    ['https://scholar.google.com/', null],
    ['https://scholar.google.com/schhp?hl=en', null],
    ['https://scholar.google.com/scholar_alerts?view_op=create_alert_options&hl=en', null],
    ['https://scholar.google.com/scholar_case?case=1101424605047973909&q=kelo', null],
    ['https://scholar.google.com/citations?view_op=view_citation&hl=en&user=A5NhLJkAAAAJ&citation_for_view=A5NhLJkAAAAJ:TQgYirikUcIC', null],
    ['https://scholar.google.com/citations?view_op=search_authors&mauthors=shepler&hl=en', null],
    ['https://scholar.google.com/citations?view_op=view_org&hl=en&org=9187540253418258059', null],
    ['https://scholar.google.com/citations?user=&hl=en', null],
    ['https://scholar.google.com/citations?hl=en', null],
    ['https://scholar.google.co.jp/scholar?q=deep+learning', 'search'], // country domains
    ['https://scholar.google.de/scholar?q=x', 'search'],
    ['https://scholar.google.com.au/citations?user=A5NhLJkAAAAJ', 'profile'],
    ['https://scholar.google.co.uk/scholar?cites=8981356803495928007', 'search'],
    ['https://scholar.google.evil.com/', null],
    ['https://scholar.google.evil.com/scholar?q=x', null],
    ['https://notscholar.google.com/scholar?q=x', null],
    ['https://scholar.google.com.evil.net/scholar?q=x', null],
    ['https://scholar.google.co.evil.net/scholar?q=x', null],
    ['https://scholar.google.de.evil.net/scholar?q=x', null],
    ['https://scholar.googleusercontent.com/scholar?q=x', null],
    ['https://scholar.google/scholar?q=x', null],
    ['https://scholar.google.c/scholar?q=x', null],
    ['https://scholar.google.xn--p1ai/scholar?q=x', null],
    ['https://evil.example/scholar.google.de/scholar?q=x', null],
    ['http://scholar.google.com/scholar?q=deep+learning', null],
    ['https://www.google.com/scholar?q=deep+learning', null],
    ['https://scholar.google.com.evil.example/scholar?q=deep+learning', null],
    ['https://scholarly.example/scholar?q=x', null],
  ])('%s → %s', (url, kind) => {
    expect(scholar.pageKind(new URL(url))).toBe(kind);
  });

  it('declares its id, name and manifest patterns', () => {
    expect(scholar.id).toBe('scholar');
    expect(scholar.name).toBe('Google Scholar');
    expect(scholar.matches.slice(0, 4)).toEqual([
      'https://scholar.google.com/scholar*',
      'https://scholar.google.com/citations*',
      'https://scholar.google.co.uk/scholar*',
      'https://scholar.google.co.uk/citations*',
    ]);
  });

  it('covers a curated list of country domains, two patterns each, every one a host pageKind accepts', () => {
    expect(SCHOLAR_HOSTS).toHaveLength(new Set(SCHOLAR_HOSTS).size);
    expect(SCHOLAR_HOSTS).toEqual(expect.arrayContaining(['scholar.google.de', 'scholar.google.fr', 'scholar.google.co.jp', 'scholar.google.com.br', 'scholar.google.ie']));
    expect(SCHOLAR_HOSTS).not.toContain('scholar.google.cn'); // discontinued
    expect(scholar.matches).toEqual(SCHOLAR_HOSTS.flatMap((h) => [`https://${h}/scholar*`, `https://${h}/citations*`]));
    for (const host of SCHOLAR_HOSTS) {
      expect(scholar.pageKind(new URL(`https://${host}/scholar?q=x`))).toBe('search');
      expect(scholar.pageKind(new URL(`https://${host}/citations?user=A5NhLJkAAAAJ`))).toBe('profile');
    }
  });
});

describe('parseByline', () => {
  it.each([
    [
      'AA Salema, YK Yeow, K Ishaque, FN Ani… - Industrial Crops and …, 2013 - Elsevier',
      { authors: ['AA Salema', 'YK Yeow', 'K Ishaque', 'FN Ani'], truncated: true, venue: 'Industrial Crops and …', year: 2013, host: 'Elsevier' },
    ],
    [
      'S Ramasamy, B Moghtaderi - Energy & Fuels, 2010 - ACS Publications',
      { authors: ['S Ramasamy', 'B Moghtaderi'], truncated: false, venue: 'Energy & Fuels', year: 2010, host: 'ACS Publications' },
    ],
    [
      'Y Bengio, AC Courville, P Vincent - CoRR, abs/1206.5538, 2012',
      { authors: ['Y Bengio', 'AC Courville', 'P Vincent'], truncated: false, venue: 'CoRR, abs/1206.5538', year: 2012, host: null },
    ],
    ['A Krizhevsky - 2009', { authors: ['A Krizhevsky'], truncated: false, venue: null, year: 2009, host: null }],
    ['I Goodfellow - 2016 - books.google.com', { authors: ['I Goodfellow'], truncated: false, venue: null, year: 2016, host: 'books.google.com' }],
    ['J Doe - arxiv.org', { authors: ['J Doe'], truncated: false, venue: null, year: null, host: 'arxiv.org' }],
    ['J Doe - Some Venue - Sub Title, 2020 - host.org', { authors: ['J Doe'], truncated: false, venue: 'Some Venue - Sub Title', year: 2020, host: 'host.org' }],
    ['IM Schwartz, R Acholonu, C Bakwesegha, ...', { authors: ['IM Schwartz', 'R Acholonu', 'C Bakwesegha'], truncated: true, venue: null, year: null, host: null }],
    ['Anonymous', { authors: ['Anonymous'], truncated: false, venue: null, year: null, host: null }],
    ['', { authors: [], truncated: false, venue: null, year: null, host: null }],
  ])('%s', (text, expected) => {
    expect(parseByline(text)).toEqual(expected);
  });
});

describe('clusterToCid', () => {
  it.each([
    ['8981356803495928007', 'x6BpcW0wpHwJ'],
    ['5331804836605365413', 'pYyS8T9g_kkJ'],
    ['1290425714414184502', 'NuivrFmD6BEJ'],
    ['6017120040271105457', 'sU0-68sagVMJ'],
    ['0', 'AAAAAAAAAAAJ'],
    ['18446744073709551615', '__________8J'],
    ['18446744073709551616', null], // 2^64
    ['', null],
    ['12a', null],
    ['-1', null],
    ['2801456600159347306,2342876692076362465', null],
  ])('%s → %s', (decimal, cid) => {
    expect(clusterToCid(decimal)).toBe(cid);
  });
});

describe('search, 2026 markup (saved page, 10 results)', () => {
  const { doc, ctx, cards, papers } = load('search-2026.html', SEARCH_2026);

  it('finds the 10 results and nothing else (not the Cite dialog, the alert row or related searches)', () => {
    expect(ctx).toEqual({ page: 'search', base: SEARCH_2026 });
    expect(cards).toHaveLength(10);
    expect(cards.map((c) => c.getAttribute('data-rp'))).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(doc.querySelectorAll('div.gs_r').length).toBe(11);
    expect(doc.querySelectorAll('[data-cid]').length).toBe(11);
  });

  it('extracts every field of every result', () => {
    expect(papers).toEqual([
      result('scholar:x6BpcW0wpHwJ', 'Dielectric properties and microwave heating of oil palm biomass and biochar', {
        authors: ['AA Salema', 'YK Yeow', 'K Ishaque', 'FN Ani'],
        authorsCut: true, // the byline ends in "…"
        published: '2013',
        venue: 'Industrial Crops and …',
        url: sd('S0926669013004196'),
        pdfUrl:
          'https://www.academia.edu/download/31808716/Dielectric_properties_and_microwave_heating_of_oil_palm_biomass_and_biochar_2013.pdf',
      }),
      result('scholar:mujFXSHytcgJ', 'Microwave dielectric characterization and loss mechanism of biowaste during pyrolysis', {
        authors: ['X Fan', 'B Li', 'W Zi', 'M Kang', 'H Wu', 'J Bian'],
        authorsCut: true, // the byline ends in "…"
        published: '2024',
        venue: 'Energy Conversion and …',
        url: sd('S0196890424000165'),
      }),
      result(
        'scholar:sU0-68sagVMJ',
        'Microwave dielectric properties of Malaysian palm oil and agricultural industrial biomass and biochar during pyrolysis process',
        {
          authors: ['AA Salema', 'FN Ani', 'J Mouris', 'R Hutcheon'],
          published: '2017',
          venue: 'Fuel Processing Technology',
          url: sd('S0378382017306264'),
          pdfUrl: 'https://www.academia.edu/download/92095698/j.fuproc.2017.06.00620221007-1-1dpnnlp.pdf',
        },
      ),
      // The side link is "[HTML] mdpi.com": not a PDF.
      result('scholar:dQNPGuLcmp8J', 'Dielectric properties of biomass/biochar mixtures at microwave frequencies', {
        authors: ['C Ellison', 'MS McKeown', 'S Trabelsi', 'D Boldor'],
        published: '2017',
        venue: 'Energies',
        url: 'https://www.mdpi.com/1996-1073/10/4/502',
      }),
      result(
        'scholar:qqD8SjoFzugJ',
        'Dielectric properties of biomass by-products generated from wood and agricultural industries in Finland',
        {
          authors: ['H Yao', 'Y Xiong', 'C Pickles', 'R Hutcheon', 'M Pahnila'],
          authorsCut: true, // the byline ends in "…"
          published: '2025',
          venue: 'Bioresource …',
          url: sd('S0960852425002858'),
        },
      ),
      result('scholar:LNNFY5HEJKUJ', 'Microwave dielectric characterization of switchgrass for bioenergy and biofuel', {
        authors: ['F Motasemi', 'MT Afzal', 'AA Salema', 'J Mouris'],
        authorsCut: true, // the byline ends in "…"
        published: '2014',
        venue: 'Fuel',
        url: sd('S0016236114001045'),
      }),
      result(
        'scholar:uHYC1pJVmrcJ',
        'High-temperature dielectric properties and pyrolysis reduction characteristics of different biomass-pyrolusite mixtures in microwave field',
        {
          authors: ['K Li', 'G Chen', 'X Li', 'J Peng', 'R Ruan', 'M Omran'],
          authorsCut: true, // the byline ends in "…"
          published: '2019',
          venue: 'Bioresource …',
          url: sd('S0960852419314476'),
          pdfUrl: 'https://oulurepo.oulu.fi/bitstream/handle/10024/28453/nbnfi-fe202002044527.pdf?sequence=1',
        },
      ),
      result(
        'scholar:xVjqFiJAQ-YJ',
        'Microwave pyrolysis of sewage biosolids: dielectric properties, microwave susceptor role and its impact on biochar properties',
        {
          authors: ['E Antunes', 'MV Jacob', 'G Brodie'],
          authorsCut: true, // the byline ends in "…"
          published: '2018',
          venue: 'Journal of Analytical and …',
          url: sd('S0165237017307647'),
        },
      ),
      result(
        'scholar:G2HrETHJrRwJ',
        'Microwave dielectric characterization of Saudi Arabian date palm biomass during pyrolysis and at industrial frequencies',
        { authors: ['HH Sait', 'AA Salema'], published: '2015', venue: 'Fuel', url: sd('S0016236115008674') },
      ),
      // The only result whose link carries a DOI.
      result('doi:10.1021/ef100623e', 'Dielectric properties of typical Australian wood-based biomass materials at microwave frequency', {
        authors: ['S Ramasamy', 'B Moghtaderi'],
        published: '2010',
        venue: 'Energy & Fuels',
        url: 'https://pubs.acs.org/doi/abs/10.1021/ef100623e',
        aliases: ['scholar:eXXjCzYElyAJ'], // Scholar's own key, its id where the link names no DOI (and in older builds)
      }),
    ]);
  });

  it('reads year, host and truncation from each byline, and dates each result by that year', () => {
    const bylines = cards.map((c) => parseByline(c.querySelector('div.gs_a')!.textContent!));
    expect(bylines.map((b) => b.year)).toEqual([2013, 2024, 2017, 2017, 2025, 2014, 2019, 2018, 2015, 2010]);
    expect(papers.map((p) => p?.published)).toEqual(['2013', '2024', '2017', '2017', '2025', '2014', '2019', '2018', '2015', '2010']);
    expect(bylines.map((b) => b.truncated)).toEqual([true, true, false, false, true, true, true, true, false, false]);
    expect(bylines.map((b) => b.host)).toEqual([
      'Elsevier', 'Elsevier', 'Elsevier', 'mdpi.com', 'Elsevier', 'Elsevier', 'Elsevier', 'Elsevier', 'Elsevier', 'ACS Publications',
    ]);
  });

  it('agrees with 2016 ids: each cluster= link encodes the same id as data-cid', () => {
    for (const card of cards) {
      const cluster = new URL(card.querySelector('a[href*="cluster="]')!.getAttribute('href')!, SEARCH_2026).searchParams.get('cluster')!;
      expect(clusterToCid(cluster)).toBe(card.getAttribute('data-cid'));
    }
  });

  it('mounts right after the h3, outside the title link', () => {
    for (const card of cards) {
      const { parent, before } = scholar.mountPoint(card);
      expect(parent.matches('div.gs_ri')).toBe(true);
      expect(parent.closest('a')).toBeNull();
      expect((before as Element).matches('div.gs_a')).toBe(true);
      expect(before!.previousSibling).toBe(card.querySelector('h3.gs_rt'));
    }
  });

  it('runs through extractPage', () => {
    const page = extractPage(scholar, doc, new URL(SEARCH_2026), NOW);
    expect(page.site).toBe('scholar');
    expect(page.page).toBe('search');
    expect(page.papers).toEqual(papers);
  });
});

describe('search, 2016 markup (saved pages, no data-cid)', () => {
  it('reads the single result, its id from the cluster= link in the data-cid spelling', () => {
    const { cards, papers } = load('search-2016.html', 'https://scholar.google.com/scholar?q=%22Learning+deep+architectures+for+AI%22');
    expect(cards).toHaveLength(1);
    expect(cards[0]!.hasAttribute('data-cid')).toBe(false);
    expect(papers).toEqual([
      result('scholar:pYyS8T9g_kkJ', 'Learning deep architectures for AI', {
        authors: ['Y Bengio'],
        published: '2009',
        venue: 'Foundations and trends® in Machine Learning',
        url: 'http://dl.acm.org/citation.cfm?id=1658424',
        pdfUrl:
          'http://sanghv.com/download/soft/machine%20learning,%20artificial%20intelligence,%20mathematics%20ebooks/ML/learning%20deep%20architectures%20for%20AI%20(2009).pdf',
      }),
    ]);
    // The same id Scholar uses in the card's "Related articles" link.
    expect(cards[0]!.querySelector('a[href*="related:"]')!.getAttribute('href')).toContain('related:pYyS8T9g_kkJ:');
    const { parent, before } = scholar.mountPoint(cards[0]!);
    expect(parent.matches('div.gs_ri')).toBe(true);
    expect((before as Element).matches('div.gs_a')).toBe(true);
  });

  it('reads a link-less [CITATION] result: the arXiv id named in its CoRR venue', () => {
    const url = 'https://scholar.google.com/scholar?q=%22Unsupervised+feature+learning+and+deep+learning%22';
    const { cards, papers } = load('search-2016-citation.html', url);
    expect(cards).toHaveLength(1);
    expect(papers).toEqual([
      result('arxiv:1206.5538', 'Unsupervised feature learning and deep learning: A review and new perspectives', {
        authors: ['Y Bengio', 'AC Courville', 'P Vincent'],
        published: '2012',
        venue: 'CoRR, abs/1206.5538',
        pdfUrl: 'https://arxiv.org/pdf/1206.5538',
        aliases: ['scholar:NuivrFmD6BEJ'], // from the cluster link, as the id is when nothing else names the paper
      }),
    ]);
  });

  it.each([
    ['arXiv preprint hep-th/9603042', 'hep-th/9603042'],
    ['arXiv preprint math.GT/0309136', 'math/0309136'], // the subject class names no paper of its own
    ['arXiv preprint cs/0101001v2', 'cs/0101001'],
  ])('reads an old-style arXiv id a link-less result names as Scholar writes it: %s', (venue, id) => {
    // Scholar's venue for an arXiv paper is "arXiv preprint arXiv:<id>", but an old-style id has no "arXiv:" before it.
    const url = 'https://scholar.google.com/scholar?q=%22Unsupervised+feature+learning+and+deep+learning%22';
    const html = fixture('search-2016-citation.html').replace('CoRR, abs/1206.5538, 2012', `${venue}, 2012`);
    const doc = new JSDOM(html, { url }).window.document;
    const ctx = scholar.context(doc, new URL(url), NOW);
    const [paper] = scholar.findCards(doc, ctx).map((card) => scholar.extract(card, ctx));
    expect(paper).toMatchObject({ id: `arxiv:${id}`, venue, pdfUrl: `https://arxiv.org/pdf/${id}`, aliases: ['scholar:NuivrFmD6BEJ'] });
  });
});

describe('search, results linking venue pages (constructed, 2026 markup)', () => {
  const { papers } = load('search-venues.html', 'https://scholar.google.com/scholar?q=exploration');
  const H2023 = '0a1b2c3d4e5f60718293a4b5c6d7e8f9';

  it('names a result without arXiv id or DOI by the venue page its title or [PDF] link is', () => {
    expect(papers.map((p) => p?.id)).toEqual([
      'pmlr:v202/exemplo23a', // page and PDF
      `neurips:2023/${H2023}`, // abstract page and paper PDF
      'openreview:Xk9pQ2vN7a', // forum and PDF
      'cvf:Okafor_Open-Vocabulary_Segmentation_at_Scale_CVPR_2024', // a [PDF] title
      'aclanthology:W19-4201',
      'pmlr:v202/solo23b', // the [PDF] beside a repository's title link
      'scholar:OlDn0007AAAJ', // /paper/7181-…: a number no NeurIPS page gives now, so Scholar's id
    ]);
  });

  it("gives a result its OpenReview forum as an alias when its [PDF] is the PMLR paper's", () => {
    const url = 'https://scholar.google.com/scholar?q=exploration';
    const html =
      '<div class="gs_r gs_or gs_scl" data-cid="TwoV0001AAAJ"><div class="gs_ggs gs_fl"><div class="gs_or_ggsm">' +
      '<a href="https://proceedings.mlr.press/v202/solo23b/solo23b.pdf"><span class="gs_ctg2">[PDF]</span> mlr.press</a></div></div>' +
      '<div class="gs_ri"><h3 class="gs_rt"><a href="https://openreview.net/forum?id=AbC123dEf4">A Paper Both on OpenReview and in PMLR</a></h3>' +
      '<div class="gs_a">J Exemple, A Solo - International Conference on Machine Learning, 2023 - proceedings.mlr.press</div></div></div>';
    const doc = new JSDOM(`<body>${html}</body>`, { url }).window.document;
    const [found] = extractPage(scholar, doc, new URL(url), NOW).papers;
    expect([found?.id, found?.aliases]).toEqual(['pmlr:v202/solo23b', ['scholar:TwoV0001AAAJ', 'openreview:AbC123dEf4']]);
  });

  it('keeps the rest of the result as before', () => {
    expect(papers[0]).toEqual(
      result('pmlr:v202/exemplo23a', 'Sample-efficient ε-greedy exploration in linear bandits', {
        authors: ['J Exemplo'],
        published: '2023',
        venue: 'International Conference on Machine Learning',
        url: 'https://proceedings.mlr.press/v202/exemplo23a.html',
        pdfUrl: 'https://proceedings.mlr.press/v202/exemplo23a/exemplo23a.pdf',
        aliases: ['scholar:PmLr0001AAAJ'],
      }),
    );
  });
});

describe('search, constructed variants (2026 markup)', () => {
  const { cards, papers } = load('search-variants.html', 'https://scholar.google.com/scholar?q=attention+is+all+you+need');

  it('skips the "did you mean" and user-profile rows', () => {
    expect(cards).toHaveLength(6);
    expect(cards.every((c) => c.hasAttribute('data-cid'))).toBe(true);
  });

  it('extracts arXiv (side link, byline), [PDF] title, DOI, [BOOK] and [CITATION] results', () => {
    expect(papers).toEqual([
      result('arxiv:1706.03762', 'Attention is all you need', {
        authors: ['A Vaswani', 'N Shazeer', 'N Parmar'],
        authorsCut: true,
        published: '2017',
        venue: 'Advances in neural …',
        url: 'https://proceedings.neurips.cc/paper/2017/hash/3f5ee243547dee91fbd053c1c4a845aa-Abstract.html',
        pdfUrl: 'https://arxiv.org/pdf/1706.03762',
        // The NeurIPS page its title links: the id dblp's entry for the paper gives.
        aliases: ['neurips:2017/3f5ee243547dee91fbd053c1c4a845aa', 'scholar:gmghgn6QFikJ'],
      }),
      result('arxiv:2001.04451', 'Reformer: The efficient transformer', {
        authors: ['N Kitaev', 'Ł Kaiser', 'A Levskaya'],
        published: '2020',
        venue: 'arXiv preprint arXiv:2001.04451',
        url: 'https://openreview.net/forum?id=rkgNKkHtvB',
        pdfUrl: 'https://arxiv.org/pdf/2001.04451',
        aliases: ['openreview:rkgNKkHtvB', 'scholar:TcguLtShpqIJ'],
      }),
      result('scholar:EuB0AvAPBUsJ', 'Dropout: a simple way to prevent neural networks from overfitting', {
        authors: ['N Srivastava', 'G Hinton', 'A Krizhevsky'],
        authorsCut: true,
        published: '2014',
        venue: 'The journal of machine …',
        url: 'https://www.cs.toronto.edu/~hinton/absps/JMLRdropout.pdf',
        pdfUrl: 'https://www.cs.toronto.edu/~hinton/absps/JMLRdropout.pdf',
      }),
      result('doi:10.1145/3065386', 'ImageNet classification with deep convolutional neural networks', {
        authors: ['A Krizhevsky', 'I Sutskever', 'GE Hinton'],
        published: '2017',
        venue: 'Communications of the ACM',
        url: 'https://dl.acm.org/doi/abs/10.1145/3065386',
        aliases: ['scholar:ElcRFf2okPEJ'],
      }),
      result('scholar:22hVGo_0UC4J', 'Deep learning', {
        authors: ['I Goodfellow', 'Y Bengio', 'A Courville', 'Y Bengio'], // as Scholar shows it
        published: '2016', // "names - 2016 - host": a year and no venue
        url: 'https://books.google.com/books?hl=en&lr=&id=omivDQAAQBAJ',
      }),
      result('scholar:aueh7lEni34J', 'Learning multiple layers of features from tiny images', { authors: ['A Krizhevsky'], published: '2009' }),
    ]);
  });

  it('mounts after the h3 even without a title link', () => {
    const card = cards[5]!;
    expect(card.querySelector('h3 a')).toBeNull();
    expect(scholar.mountPoint(card).before!.previousSibling).toBe(card.querySelector('h3.gs_rt'));
  });
});

describe('search, DOIs in publisher links', () => {
  // A publisher's address holds the DOI followed by the view it serves (/full, /meta, .pdf, bioRxiv's v2.full.pdf): the
  // paper's id is the DOI alone, as a doi.org link to the same paper gives it.
  const row = (cid: string, href: string, side?: string) =>
    `<div class="gs_r gs_or gs_scl" data-cid="${cid}">` +
    (side ? `<div class="gs_ggs gs_fl"><div class="gs_or_ggsm"><a href="${side}"><span class="gs_ctg2">[PDF]</span> springer.com</a></div></div>` : '') +
    `<div class="gs_ri"><h3 class="gs_rt"><a href="${href}">A paper</a></h3><div class="gs_a">A Author - Some journal, 2020 - example.org</div></div></div>`;

  it('keys a result by the DOI, not by the DOI and the page it names', () => {
    const url = 'https://scholar.google.com/scholar?q=doi+links';
    const html = [
      row('aaaaaaaaaaaA', 'https://www.frontiersin.org/articles/10.3389/fpsyg.2020.01234/full'),
      row('aaaaaaaaaaaB', 'https://ieeexplore.ieee.org/abstract/document/1234567', 'https://link.springer.com/content/pdf/10.1007/s11263-015-0816-y.pdf'),
      row('aaaaaaaaaaaC', 'https://iopscience.iop.org/article/10.1088/1742-6596/1234/1/012345/meta'),
      row('aaaaaaaaaaaD', 'https://www.biorxiv.org/content/10.1101/2020.01.01.123456v1.full.pdf'),
      // MIT Press puts the article's number and title after the DOI; Nature's and IJCAI's DOIs follow from the address
      row('aaaaaaaaaaaE', 'https://direct.mit.edu/tacl/article/doi/10.1162/tacl_a_00577/116710/Lost-in-the-Middle'),
      row('aaaaaaaaaaaF', 'https://www.nature.com/articles/nature14539'),
      row('aaaaaaaaaaaG', 'https://www.ijcai.org/proceedings/2019/0264.pdf'),
    ].join('');
    const doc = new JSDOM(`<body>${html}</body>`, { url }).window.document;
    const page = extractPage(scholar, doc, new URL(url), NOW);
    expect(page.papers.map((p) => p.id)).toEqual([
      'doi:10.3389/fpsyg.2020.01234',
      'doi:10.1007/s11263-015-0816-y',
      'doi:10.1088/1742-6596/1234/1/012345',
      'doi:10.1101/2020.01.01.123456',
      'doi:10.1162/tacl_a_00577',
      'doi:10.1038/nature14539',
      'doi:10.24963/ijcai.2019/264',
    ]);
  });
});

describe('search, malformed and empty pages', () => {
  it('skips results without a title or an id and survives bad links and bylines', () => {
    const url = 'https://scholar.google.com/scholar?q=malformed';
    const { doc, cards, papers } = load('search-malformed.html', url);
    expect(cards).toHaveLength(5); // rows without a byline are not results
    expect(papers.map((p) => p?.id ?? null)).toEqual([null, null, 'scholar:kt429fS66dEJ', 'scholar:AQC8k-n-JGEJ', 'scholar:x6BpcW0wpHwJ']);
    expect(papers[2]).toEqual(result('scholar:kt429fS66dEJ', 'A title whose link is a script', { authors: ['Anonymous'] }));
    expect(papers[3]).toEqual(result('scholar:AQC8k-n-JGEJ', 'Broken link, good title', {}));
    expect(papers[4]?.title).toBe('Dielectric properties and microwave heating of oil palm biomass and biochar');
    const errors: unknown[] = [];
    const page = extractPage(scholar, doc, new URL(url), NOW, (e) => errors.push(e));
    expect(errors).toEqual([]);
    expect(page.papers.map((p) => p.id)).toEqual(['scholar:kt429fS66dEJ', 'scholar:AQC8k-n-JGEJ', 'scholar:x6BpcW0wpHwJ']);
    for (const card of cards) expect(() => scholar.mountPoint(card)).not.toThrow();
  });

  it('finds nothing on a page without results', () => {
    const { cards } = load('search-empty.html', 'https://scholar.google.com/scholar?q=xqzvwkjh+flurbo');
    expect(cards).toEqual([]);
  });

  it('finds nothing on pages it does not handle', () => {
    const { cards } = load('search-2026.html', 'https://scholar.google.com/citations?view_op=search_authors&mauthors=x');
    expect(cards).toEqual([]);
  });
});

describe('profile, 2020 markup (saved page, 20 rows)', () => {
  const { doc, ctx, cards, papers } = load('profile-2020.html', PROFILE);
  const profilePaper = (cfv: string, title: string, authors: string[], venue: string, published: string) =>
    paper('profile', `scholar:A5NhLJkAAAAJ:${cfv}`, title, {
      authors,
      published,
      venue,
      url: `https://scholar.google.com/citations?view_op=view_citation&hl=en&user=A5NhLJkAAAAJ&citation_for_view=A5NhLJkAAAAJ:${cfv}`,
    });

  it('finds the 20 rows and extracts each one, keyed by citation_for_view', () => {
    expect(ctx.page).toBe('profile');
    expect(cards).toHaveLength(20);
    const ids = [...doc.querySelectorAll('a.gsc_a_at')].map((a) => /citation_for_view=([^&]+)/.exec(a.getAttribute('data-href')!)![1]);
    expect(papers.map((p) => p?.id)).toEqual(ids.map((id) => `scholar:${id}`));
    expect(new Set(ids).size).toBe(20);
    papers.forEach((p, i) => {
      const row = cards[i]!;
      expect(p).not.toBeNull();
      expect(p!.title).toBe(normalizeSpace(row.querySelector('a.gsc_a_at')!.textContent));
      expect(p!.url).toBe(`https://scholar.google.com${row.querySelector('a.gsc_a_at')!.getAttribute('data-href')}`);
      expect(p!.authors.length).toBeGreaterThan(0);
      expect(p!.authors.every((a) => a && !a.includes(',') && !a.includes('...'))).toBe(true);
      expect(p!.venue).toBeTruthy();
      expect(p!.venue).not.toMatch(/,\s*\d{4}$/);
      expect(p!.source).toEqual({ site: 'scholar', page: 'profile' });
      expect([p!.abstract, p!.pdfUrl, p!.authorCount]).toEqual([null, null, null]);
      // A list cut with "..." is marked so (Scholar gives no count), and only such a list.
      expect(p!.authorsCut ?? false).toBe(/\.\.\.$/.test(textOf(row.querySelector('div.gs_gray'))));
      expect(p!.published).toBe(textOf(row.querySelector('td.gsc_a_y'))); // the year column
    });
  });

  it('dates a row by its year column, else the ", 2005" after its venue, else not at all', () => {
    const { ctx: c, cards: rows } = load('profile-2020.html', PROFILE);
    const row = rows[0]!;
    row.querySelector('td.gsc_a_y span')!.textContent = '';
    expect(scholar.extract(row, c)?.published).toBe('2005');
    row.querySelector('span.gs_oph')!.remove();
    expect(scholar.extract(row, c)?.published).toBeNull();
  });

  it('reads rows exactly (quotes, cut author lists, cut venues)', () => {
    expect(papers[0]).toEqual(
      profilePaper(
        'TQgYirikUcIC',
        'The rites of the child: Global discourses of youth and reintegrating child soldiers in Sierra Leone',
        ['S Shepler'],
        'Journal of Human Rights 4 (2), 197-211',
        '2005',
      ),
    );
    expect(papers[7]).toEqual({
      ...profilePaper('mNrWkgRL2YcC', 'Conflict resolution and peace education in Africa', ['IM Schwartz', 'R Acholonu', 'GN Ayittey', 'R Dibie', 'K Kalu', 'C Bakwesegha'], 'Lexington Books', '2003'),
      authorsCut: true, // "…, C Bakwesegha, ..."
    });
    expect(papers[10]).toEqual(
      profilePaper('_5tno0g5mFcC', '"We Know Who is Eating the Ebola Money!": Corruption, the State, and the Ebola Response', ['S Shepler'], 'Anthropological Quarterly 90 (2), 451-473', '2017'),
    );
    expect(papers[16]).toEqual(
      profilePaper('FAceZFleit8C', 'The Ebola Virus and the Vampire State', ['S Shepler'], 'https://matsutas.wordpress.com/2014/07/21/the-ebola-virus-and-the-vampire …', '2014'),
    );
    expect(papers[19]).toEqual(
      profilePaper('IRz6iEL74y4C', 'Producing ebola: creating knowledge in and about an epidemic', ['C Bolten', 'S Shepler'], 'Anthropological Quarterly 90 (2), 349-368', '2017'),
    );
  });

  it('mounts right after the title link, not inside it', () => {
    for (const row of cards) {
      const { parent, before } = scholar.mountPoint(row);
      const link = row.querySelector('a.gsc_a_at')!;
      expect(parent).toBe(link.parentElement);
      expect(parent.closest('a')).toBeNull();
      expect(before).toBe(link.nextSibling);
    }
  });
});

describe('profile, rows appended by "Show more"', () => {
  const rowsHtml = fixture('profile-show-more-rows.html');

  it('finds and extracts the new rows from the appended nodes alone', () => {
    const { doc, ctx } = load('profile-2020.html', PROFILE);
    const tbody = doc.querySelector('tbody#gsc_a_b')!;
    const before = tbody.children.length;
    tbody.insertAdjacentHTML('beforeend', rowsHtml); // what the XHR handler does
    const added = [...tbody.children].slice(before);
    expect(added).toHaveLength(3);
    // A MutationObserver hands over each added node: each is its own card.
    const found = added.flatMap((node) => scholar.findCards(node, ctx));
    expect(found).toEqual(added);
    expect(scholar.findCards(tbody, ctx)).toHaveLength(23);
    const url = (cfv: string) =>
      `https://scholar.google.com/citations?view_op=view_citation&hl=en&user=A5NhLJkAAAAJ&citation_for_view=A5NhLJkAAAAJ:${cfv}`;
    expect(found.map((row) => scholar.extract(row, ctx))).toEqual([
      paper('profile', 'scholar:A5NhLJkAAAAJ:Y0pCki6q_DkC', 'Teachers and the Ebola response in Sierra Leone', {
        authors: ['S Shepler'],
        published: '2018',
        venue: 'Africa Today 64 (1), 1-20',
        url: url('Y0pCki6q_DkC'),
      }),
      paper('profile', 'scholar:A5NhLJkAAAAJ:W7OEmFMy1HYC', 'Post-war trajectories for girls associated with the fighting forces in Sierra Leone', {
        authors: ['S Shepler', 'A Abdalla', 'S Hussein', 'J Williams', 'M Sesay'],
        authorsCut: true,
        published: '2009',
        venue: 'Women, Girls, and War, 45-68',
        url: url('W7OEmFMy1HYC'),
      }),
      paper('profile', 'scholar:A5NhLJkAAAAJ:Tyk-4Ss8FVUC', 'A note on youth and the 2018 elections', {
        authors: ['S Shepler'],
        published: '2019',
        url: url('Tyk-4Ss8FVUC'),
      }),
    ]);
  });

  it('finds the rows in a parsed fragment before it is inserted', () => {
    const { doc, ctx } = load('profile-2020.html', PROFILE);
    const template = doc.createElement('template');
    template.innerHTML = rowsHtml;
    expect(scholar.findCards(template.content, ctx)).toHaveLength(3);
  });
});

describe('profile, empty and malformed', () => {
  it('finds nothing in a profile without articles', () => {
    const { cards } = load('profile-empty.html', PROFILE);
    expect(cards).toEqual([]);
  });

  it('keeps only rows with a title and a citation id', () => {
    const { doc, cards, papers } = load('profile-malformed.html', PROFILE);
    expect(cards).toHaveLength(5); // the row without a title link is no card
    expect(papers.map((p) => p?.id ?? null)).toEqual([
      null,
      null,
      'scholar:A5NhLJkAAAAJ:noauthors00C',
      null,
      'scholar:A5NhLJkAAAAJ:TQgYirikUcIC',
    ]);
    expect(papers[2]).toMatchObject({ title: 'A row without author or venue lines', authors: [], venue: null });
    const errors: unknown[] = [];
    expect(extractPage(scholar, doc, new URL(PROFILE), NOW, (e) => errors.push(e)).papers).toHaveLength(2);
    expect(errors).toEqual([]);
  });
});

describe('country domains', () => {
  it('a result page on scholar.google.de gives the same papers (ids do not depend on the domain)', () => {
    const de = load('search-2026.html', SEARCH_2026.replace('scholar.google.com', 'scholar.google.de'));
    const com = load('search-2026.html', SEARCH_2026);
    expect(de.ctx.page).toBe('search');
    expect(de.papers).toHaveLength(10);
    expect(de.papers).toEqual(com.papers);
  });

  it('a result page in another language: the marker spans before a title are no part of it, whatever they say', () => {
    // Scholar writes the h3's type markers (span.gs_ctc / span.gs_ctu) in the page's language: hl=de shows a book as
    // "[BUCH][B]" and a citation-only result as "[ZITATION][Z]", hl=fr "[LIVRE][B]".
    const url = 'https://scholar.google.de/scholar?hl=de&q=attention+is+all+you+need';
    const html = fixture('search-variants.html')
      .replace('<span class="gs_ct1">[BOOK]</span>', '<span class="gs_ct1">[BUCH]</span>')
      .replace('<span class="gs_ct1">[CITATION]</span><span class="gs_ct2">[C]</span>', '<span class="gs_ct1">[ZITATION]</span><span class="gs_ct2">[Z]</span>');
    const doc = new JSDOM(html, { url }).window.document;
    const ctx = scholar.context(doc, new URL(url), NOW);
    const titles = scholar.findCards(doc, ctx).map((card) => scholar.extract(card, ctx)?.title);
    expect(titles.slice(4)).toEqual(['Deep learning', 'Learning multiple layers of features from tiny images']);
    const english = load('search-variants.html', 'https://scholar.google.com/scholar?q=attention+is+all+you+need');
    expect(titles).toEqual(english.papers.map((p) => p?.title));
  });

  it('a profile on scholar.google.co.uk: same ids, links stay on the page’s own domain', () => {
    const uk = load('profile-2020.html', PROFILE.replace('scholar.google.com', 'scholar.google.co.uk'));
    const com = load('profile-2020.html', PROFILE);
    expect(uk.papers).toHaveLength(20);
    expect(uk.papers.map((p) => p?.id)).toEqual(com.papers.map((p) => p?.id));
    for (const [i, p] of uk.papers.entries()) {
      expect(p?.url).toBe(com.papers[i]?.url?.replace('https://scholar.google.com/', 'https://scholar.google.co.uk/'));
      expect(p?.url?.startsWith('https://scholar.google.co.uk/citations?')).toBe(true);
      expect({ ...p, url: null }).toEqual({ ...com.papers[i], url: null });
    }
  });
});
