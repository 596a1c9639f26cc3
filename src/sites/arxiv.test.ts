// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyPaper, type Paper } from '../core/paper';
import { arxivIdFromUrl } from '../core/ids';
import { absHrefId, arxiv, parseDayMonthYear, type ArxivContext } from './arxiv';
import { extractPage } from './index';

const NOW = new Date('2026-09-12T10:00:00Z');

describe('absHrefId (the abstract link shape read without a URL parser)', () => {
  it.each([
    '/abs/2607.01234', '/abs/2607.01234v2', '/abs/2607.01234/', '/abs/2607.01234?context=cs', '/abs/2607.01234#x',
    'https://arxiv.org/abs/2607.01234v3', 'http://arxiv.org/abs/2607.01234', 'https://export.arxiv.org/abs/2607.01234',
    '//arxiv.org/abs/2607.01234', '/abs/2607.0123', '/abs/2613.01234', '/abs/0704.0001', '/abs/%32607.01234', '/abs/./2607.01234',
    '/abs/2607.01234\t', ' /abs/2607.01234', '/abs/2607.01234?a b', '/abs/hep-th/9901001v2', '/abs/math.GT/0309136', '/pdf/2607.01234',
    'https://arxiv.org/abs/2607.01234/extra', 'https://evil.example/abs/2607.01234', '',
  ])('%j: the same id as a URL parser gives', (href) => {
    expect(absHrefId(href)).toBe(arxivIdFromUrl(href, 'https://arxiv.org/')?.id ?? null);
  });
});

function load(name: string): Document {
  const html = readFileSync(join(import.meta.dirname, '../../test/fixtures/arxiv', name), 'utf8');
  return new DOMParser().parseFromString(html, 'text/html');
}

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

/** The whole page through the shared extractor; fails the test on any card error. */
function run(doc: Document, url: string) {
  const errors: unknown[] = [];
  const result = extractPage(arxiv, doc, new URL(url), NOW, (error) => errors.push(error));
  expect(errors).toEqual([]);
  return result;
}

function ctxFor(doc: Document, url: string): ArxivContext {
  return arxiv.context(doc, new URL(url), NOW);
}

/** A complete expected paper: arXiv URLs derived from the id, every other field as given or unknown. */
function expected(id: string, page: string, fields: Partial<Paper> & { title: string }): Paper {
  return {
    ...emptyPaper(`arxiv:${id}`, fields.title, { site: 'arxiv', page }),
    pdfUrl: `https://arxiv.org/pdf/${id}`,
    url: `https://arxiv.org/abs/${id}`,
    ...fields,
  };
}

function byId(papers: Paper[], id: string): Paper {
  const paper = papers.find((p) => p.id === `arxiv:${id}`);
  if (!paper) throw new Error(`no paper ${id}`);
  return paper;
}

describe('pageKind', () => {
  it.each([
    ['https://arxiv.org/list/cs.LG/new', 'new'],
    ['https://arxiv.org/list/cs.LG/new/', 'new'],
    ['https://arxiv.org/list/cs.LG/new?skip=0&show=2000', 'new'],
    ['https://export.arxiv.org/list/astro-ph.HE/new', 'new'],
    ['https://www.arxiv.org/list/math-ph/new', 'new'],
    ['https://arxiv.org/list/cs.LG/recent', 'recent'],
    ['https://arxiv.org/list/cs.LG/recent?skip=25&show=25', 'recent'],
    ['https://arxiv.org/list/hep-th/pastweek?show=1000', 'recent'],
    ['https://arxiv.org/list/cs/current', 'recent'],
    ['https://arxiv.org/list/cs/2301?show=3', 'list'],
    ['https://arxiv.org/list/cs/9101', 'list'],
    ['https://arxiv.org/list/cond-mat.mtrl-sci/2026-09', 'list'],
    ['https://arxiv.org/list/physics.atom-ph/2025', 'list'],
    ['https://arxiv.org/search/?query=sparse+attention&searchtype=all', 'search'],
    ['https://arxiv.org/search/cs?searchtype=author&query=Okafor,+M', 'search'],
    ['https://arxiv.org/search/advanced?advanced=&terms-0-term=moe&terms-0-field=title', 'search'],
    ['https://arxiv.org/search/advanced', 'search'],
    ['https://export.arxiv.org/search/?query=x', 'search'],
    ['https://arxiv.org/abs/2609.22268', 'abs'],
    ['https://arxiv.org/abs/2609.22268v1', 'abs'],
    ['https://arxiv.org/abs/1902.02534?context=cs', 'abs'],
    ['https://arxiv.org/abs/hep-th/9901001', 'abs'],
    ['https://arxiv.org/abs/math.GT/0309136v2', 'abs'],
    ['https://export.arxiv.org/abs/0704.0001', 'abs'],
    ['https://arxiv.org/catchup/cs.LG/2026-09-10', 'catchup'],
    ['https://arxiv.org/catchup/cs.LG/2026-09-10?abs=True', 'catchup'],
    ['https://arxiv.org/catchup/cs/2026-09-10?abs=False&page=2', 'catchup'],
    ['https://arxiv.org/catchup/grp_physics/2026-09-10', 'catchup'],
    ['https://arxiv.org/catchup/astro-ph.HE/2026-09-10/', 'catchup'],
    ['https://export.arxiv.org/catchup/math/2026-09-10', 'catchup'],
    ['https://arxiv.org/a/okafor_m_1', 'author'],
    ['https://arxiv.org/a/okafor_m_1.html', 'author'],
    ['https://arxiv.org/a/0000-0002-1825-0097', 'author'],
    ['https://arxiv.org/a/0000-0002-1825-009X.html', 'author'],
    ['https://export.arxiv.org/a/okafor_m_1', 'author'],
  ])('%s → %s', (url, kind) => {
    expect(arxiv.pageKind(new URL(url))).toBe(kind);
  });

  it.each([
    'https://arxiv.org/',
    'https://arxiv.org/pdf/2609.22268',
    'https://arxiv.org/html/2609.22268v1',
    'https://arxiv.org/format/2609.22268',
    'https://arxiv.org/abs/',
    'https://arxiv.org/abs/not-an-id',
    'https://arxiv.org/abs/2613.00001', // month 13
    'https://arxiv.org/list/cs.LG',
    'https://arxiv.org/list/cs.LG/new/extra',
    'https://arxiv.org/list/cs.LG/230',
    'https://arxiv.org/searchsomething',
    'https://arxiv.org/catchup', // the form
    'https://arxiv.org/catchup?subject=cs.LG&date=2026-09-10&include_abs=True', // the form's query, redirected
    'https://arxiv.org/catchup/cs.LG',
    'https://arxiv.org/catchup/cs.LG/2026-9-10',
    'https://arxiv.org/catchup/cs.LG/2026-09-10/extra',
    'https://arxiv.org/a/',
    'https://arxiv.org/a/okafor_m_1.atom', // feeds: XML, no page to annotate
    'https://arxiv.org/a/okafor_m_1.atom2',
    'https://arxiv.org/a/okafor_m_1.json',
    'https://arxiv.org/a/okafor_m_1/extra',
    'https://arxiv.org/about',
    'https://info.arxiv.org/help/search',
    'https://browse.arxiv.org/abs/2609.22268',
    'https://ar5iv.labs.arxiv.org/html/1902.02534',
    'https://arxiv.org.example.com/abs/2609.22268',
    'https://huggingface.co/papers/2609.22268',
    'https://www.alphaxiv.org/abs/2609.22268',
  ])('%s → null', (url) => {
    expect(arxiv.pageKind(new URL(url))).toBeNull();
  });

  it('every arxiv.org and export.arxiv.org page kind is covered by a manifest match pattern', () => {
    const patterns = arxiv.matches.map(
      (m) => new RegExp(`^${m.replace(/[.?+^$()[\]{}|\\]/g, '\\$&').replace(/\*/g, '.*')}$`),
    );
    for (const url of [
      'https://arxiv.org/list/cs.LG/new',
      'https://arxiv.org/list/cs/2301?show=3',
      'https://arxiv.org/search/?query=x',
      'https://arxiv.org/search/advanced',
      'https://arxiv.org/abs/hep-th/9901001',
      'https://export.arxiv.org/list/cs.LG/recent',
      'https://export.arxiv.org/abs/2609.22268',
      'https://arxiv.org/catchup/cs.LG/2026-09-10?abs=True',
      'https://export.arxiv.org/catchup/cs/2026-09-10',
      'https://arxiv.org/a/okafor_m_1',
      'https://arxiv.org/a/okafor_m_1.html',
      'https://export.arxiv.org/a/0000-0002-1825-0097',
    ]) {
      expect(arxiv.pageKind(new URL(url))).not.toBeNull();
      expect(patterns.some((re) => re.test(url))).toBe(true);
    }
    expect(arxiv.id).toBe('arxiv');
    expect(arxiv.name).toBe('arXiv');
  });
});

describe('parseDayMonthYear', () => {
  it.each([
    ['Friday, 11 September 2026', '2026-09-11'],
    ['Wed, 2 Sep 2026 (showing 202 of 202 entries )', '2026-09-02'],
    ['2 December, 2025; originally announced December 2025.', '2025-12-02'],
    ['9 Sep 2026 (v1), last revised 12 Sep 2026 (this version, v2)', '2026-09-09'],
    ['Fri, 8 Sep 23', '2023-09-08'],
    ['29 Feb 2024', '2024-02-29'],
    ['5 Sept 2025', '2025-09-05'],
  ])('%s', (text, iso) => {
    expect(parseDayMonthYear(text)).toBe(iso);
  });

  it('takes the year nearest to now when the text has none', () => {
    expect(parseDayMonthYear('Fri 11 Sep', NOW)).toBe('2026-09-11');
    expect(parseDayMonthYear('Wed 31 Dec', new Date('2026-01-02T00:00:00Z'))).toBe('2025-12-31');
    expect(parseDayMonthYear('Fri 11 Sep')).toBeNull();
  });

  it.each(['30 Feb 2026', '12 Marathon 2026', 'showing 202 of 202 entries', '', '2026-09-11'])('rejects %s', (text) => {
    expect(parseDayMonthYear(text, NOW)).toBeNull();
  });
});

describe('context', () => {
  it('reads the /new listing date from the heading', () => {
    const ctx = ctxFor(load('new-cs-lg.html'), 'https://arxiv.org/list/cs.LG/new');
    expect(ctx).toEqual({ page: 'new', now: NOW, listingDate: '2026-09-11', days: [], urlId: null, urlVersion: null });
  });

  it('reads the pre-2024 /new dateline, which has no year, with `now`', () => {
    const doc = parse(`<div id="dlpage"><h1>Machine Learning</h1>
      <div class="list-dateline">Submissions received from  Wed 9 Sep 26  to  Thu 10 Sep 26, announced Fri, 11 Sep 26</div>
      <h3>New submissions for Fri, 11 Sep 26</h3><dl></dl></div>`);
    expect(ctxFor(doc, 'https://arxiv.org/list/cs.LG/new').listingDate).toBe('2026-09-11');
    const noYear = parse(`<div class="list-dateline">Submissions received from Wed 9 Sep to Thu 10 Sep, announced Fri 11 Sep</div>`);
    expect(ctxFor(noYear, 'https://arxiv.org/list/cs.LG/new').listingDate).toBe('2026-09-11');
  });

  it('reads each /recent section day', () => {
    const doc = parse(`<div id="dlpage">
      <dl id="articles"><h3>Fri, 11 Sep 2026 (showing 2 of 120 entries )</h3><dt></dt></dl>
      <dl id="articles"><h3>Thu, 10 Sep 2026 (showing first 50 of 98 entries )</h3></dl>
      <dl id="articles"><h3>garbage</h3></dl></div>`);
    expect(ctxFor(doc, 'https://arxiv.org/list/cs.LG/recent').days).toEqual([
      { heading: 'Fri, 11 Sep 2026 (showing 2 of 120 entries )', date: '2026-09-11' },
      { heading: 'Thu, 10 Sep 2026 (showing first 50 of 98 entries )', date: '2026-09-10' },
    ]);
  });

  it('tolerates pages with none of its pieces', () => {
    const empty = parse('');
    expect(ctxFor(empty, 'https://arxiv.org/list/cs.LG/new')).toEqual({
      page: 'new',
      now: NOW,
      listingDate: null,
      days: [],
      urlId: null,
      urlVersion: null,
    });
    expect(ctxFor(empty, 'https://arxiv.org/list/cs.LG/recent').days).toEqual([]);
    expect(ctxFor(empty, 'https://arxiv.org/abs/2609.22268v2')).toMatchObject({ urlId: '2609.22268', urlVersion: 2 });
    expect(ctxFor(empty, 'https://example.org/').page).toBe('unknown');
    expect(run(empty, 'https://arxiv.org/list/cs.LG/new').papers).toEqual([]);
    expect(run(empty, 'https://arxiv.org/search/?query=x').papers).toEqual([]);
  });
});

describe('month listing (list-cs-2301.html, real page reduced)', () => {
  const url = 'https://arxiv.org/list/cs/2301?show=3';

  it('extracts every field of every entry; month listings carry no date and no abstract', () => {
    const result = run(load('list-cs-2301.html'), url);
    expect(result.site).toBe('arxiv');
    expect(result.page).toBe('list');
    expect(result.papers).toEqual([
      expected('2301.00001', 'list', {
        title: 'NFTrig',
        authors: ['Jordan Thompson', 'Ryan Benac', 'Kidus Olana', 'Talha Hassan', 'Andrew Sward', 'Tauheed Khan Mohd'],
        categories: ['cs.HC'],
      }),
      expected('2301.00002', 'list', {
        title: 'Evaluating Alternative Glyph Design for Showing Large-Magnitude-Range Quantum Spins',
        authors: ['Henan Zhao', 'Garnett W. Bryant', 'Wesley Griffin', 'Judith E. Terrill', 'Jian Chen'],
        categories: ['cs.HC', 'cs.GR', 'quant-ph'],
      }),
      expected('2301.00003', 'list', {
        title: 'Emotion in Cognitive Architecture: Emergent Properties from Interactions with Human Emotion',
        authors: ['Junya Morita'],
        categories: ['cs.HC', 'cs.AI'],
      }),
    ]);
  });

  it('mounts in the dt\'s own line, after its links: an inline overlay that moves nothing below it', () => {
    const doc = load('list-cs-2301.html');
    const cards = arxiv.findCards(doc, ctxFor(doc, url));
    expect(cards.map((c) => c.localName)).toEqual(['dt', 'dt', 'dt']);
    for (const card of cards) {
      expect(arxiv.inlineOverlay!(card)).toBe(true);
      const { parent, before } = arxiv.mountPoint(card);
      const marker = doc.createElement('papershelf-marker');
      parent.insertBefore(marker, before);
      expect(parent).toBe(card);
      expect(marker.previousElementSibling?.matches('a[title="Other formats"], a')).toBe(true);
      expect(marker.closest('a')).toBeNull();
      expect(card.lastElementChild).toBe(marker);
    }
  });
});

describe('empty listing (list-empty.html, real page reduced)', () => {
  it('has no cards and no papers', () => {
    const doc = load('list-empty.html');
    expect(arxiv.findCards(doc, ctxFor(doc, 'https://arxiv.org/list/cs/9101'))).toEqual([]);
    expect(run(doc, 'https://arxiv.org/list/cs/9101').papers).toEqual([]);
  });
});

describe('/new listing (new-cs-lg.html, built from the templates)', () => {
  const url = 'https://arxiv.org/list/cs.LG/new';
  const papers = () => run(load('new-cs-lg.html'), url).papers;

  it("gives a listing entry's dd (title, authors, abstract) its dt card, for the shortcut's card under the pointer", () => {
    const doc = load('new-cs-lg.html');
    const [first, second] = arxiv.findCards(doc, ctxFor(doc, url));
    const dd = second!.nextElementSibling!;
    expect(dd.localName).toBe('dd');
    expect(arxiv.cardBeside!(dd)).toBe(second);
    expect(arxiv.cardBeside!(first!)).toBeNull(); // the dt is the card itself
    expect(arxiv.cardBeside!(dd.querySelector('.list-title')!)).toBeNull(); // the annotator walks up to the dd
  });

  it('finds the entries of all three sections in document order', () => {
    const doc = load('new-cs-lg.html');
    expect(doc.querySelectorAll('dl#articles')).toHaveLength(3);
    const cards = arxiv.findCards(doc, ctxFor(doc, url));
    expect(cards.map((c) => c.querySelector('a[title="Abstract"]')?.getAttribute('id'))).toEqual([
      '2609.10658',
      '2609.10723',
      '2609.10863',
      '2609.10976',
      '2609.10657',
      '2609.10993',
      '2501.01234',
      'cs/0703095',
      '2608.04321',
    ]);
    expect(papers().map((p) => p.id)).toEqual(cards.map((c) => `arxiv:${c.querySelector('a[title="Abstract"]')?.id}`));
  });

  it('gives every entry its id, title, authors, abstract, categories and arXiv URLs', () => {
    for (const p of papers()) {
      const id = p.id.slice('arxiv:'.length);
      expect(p.source).toEqual({ site: 'arxiv', page: 'new' });
      expect(p.url).toBe(`https://arxiv.org/abs/${id}`);
      expect(p.pdfUrl).toBe(`https://arxiv.org/pdf/${id}`);
      expect(p.title).not.toMatch(/^Title:|\s{2}|^\s|\s$/);
      expect(p.authors.length).toBeGreaterThan(0);
      expect(p.authorCount).toBeNull();
      expect(p.abstract).toBeTruthy();
      expect(p.categories).toContain('cs.LG');
      expect(p.upvotes).toBeNull();
      expect(p.githubStars).toBeNull();
      expect(p.projectUrl).toBeNull();
    }
  });

  it('new submission: TeX title as written, abstract with <br> and restored URL, repository from hrefs', () => {
    expect(byId(papers(), '2609.10658')).toEqual(
      expected('2609.10658', 'new', {
        title: '$O(n\\log n)$ Sparse Attention via Learned Locality-Sensitive Hashing',
        authors: ['Mira Okafor', 'Jonas Lindqvist', 'Tomás Ferreira'],
        abstract:
          'Attention over $n$ tokens costs $O(n^2)$ time. We learn hash functions with an $\\ell_1$ penalty so that ' +
          'similar queries and keys share buckets. Code is available at https://github.com/acme-lab/hash-attn.',
        published: '2026-09-11',
        githubRepos: ['acme-lab/hash-attn'],
        categories: ['cs.LG', 'cs.AI'],
      }),
    );
  });

  it('a github.io project page is not a repository; a /tree/ link names its repository', () => {
    expect(byId(papers(), '2609.10723')).toEqual(
      expected('2609.10723', 'new', {
        title: 'Curriculum Distillation for Small Vision-Language Models',
        authors: ['Priya Raman', 'Wei Zhang'],
        abstract:
          'We distil a large vision-language teacher into students under 1B parameters with a difficulty curriculum. ' +
          'Project page: https://curri-distill.github.io/; code: https://github.com/Vision-Lab/Curri_Distill/tree/main',
        published: '2026-09-11',
        githubRepos: ['Vision-Lab/Curri_Distill'],
        categories: ['cs.LG', 'cs.CV'],
      }),
    );
  });

  it('repository from the comments; the Hugging Face link is not one', () => {
    expect(byId(papers(), '2609.10976')).toEqual(
      expected('2609.10976', 'new', {
        title: 'Calibrated Uncertainty for Tabular Foundation Models',
        authors: ['Samir Haddad', 'Anna Kowalski', 'Kenji Ito', 'Ama Mensah'],
        abstract:
          'Tabular foundation models are over-confident off distribution. We propose a post-hoc conformal ' +
          'recalibration that needs no retraining and report coverage on 51 benchmarks.',
        published: '2026-09-11',
        githubRepos: ['tabcal/tabcal'],
        categories: ['cs.LG', 'stat.ML'],
      }),
    );
  });

  it('cross-lists are new papers of the day, primary category first', () => {
    expect(byId(papers(), '2609.10993')).toEqual(
      expected('2609.10993', 'new', {
        title: 'Token-Free Language Modelling with Byte Patches',
        authors: ['Giulia Rossi', 'Jiwoo Park', 'Thi Hoa Nguyen'],
        abstract:
          'Byte-level models avoid tokenizer artefacts but are slow. We group bytes into learned patches and match ' +
          'subword models at equal compute.',
        published: '2026-09-11',
        githubRepos: ['nlp-group/byte-patch'],
        categories: ['cs.CL', 'cs.LG'],
      }),
    );
    expect(byId(papers(), '2609.10657').published).toBe('2026-09-11');
  });

  it('replacements: first-version date unknown, journal ref as venue, old-style ids', () => {
    expect(byId(papers(), '2501.01234')).toEqual(
      expected('2501.01234', 'new', {
        title: 'Scaling Laws for Mixture-of-Experts Routing',
        authors: ['Kwame Osei', 'Helmi Virtanen'],
        abstract: 'We fit scaling laws for the number of experts $E$ and the top-$k$ routing width.',
        venue: 'Transactions on Machine Learning Research, 2026',
        categories: ['cs.LG', 'cs.AI', 'stat.ML'],
      }),
    );
    expect(byId(papers(), 'cs/0703095')).toEqual(
      expected('cs/0703095', 'new', {
        title: 'On the Convergence of Online Boosting',
        authors: ['Julien Moreau'],
        abstract: 'We prove that online boosting converges at rate $1/\\sqrt{T}$ under weak learnability.',
        venue: 'J. Mach. Learn. Res. 8 (2007) 1-30',
        categories: ['cs.LG'],
      }),
    );
    expect(byId(papers(), '2608.04321')).toEqual(
      expected('2608.04321', 'new', {
        title: 'Federated Fine-Tuning under Label Skew',
        authors: ['Arjun Singh', 'Beatriz Costa'],
        abstract:
          'Label skew across clients breaks parameter-efficient fine-tuning. We correct it with a server-side prior; ' +
          'see also the benchmark at https://github.com/fedlab/skew-bench.',
        githubRepos: ['fedlab/skew-ft', 'fedlab/skew-bench'], // page order: comments, then abstract
        categories: ['cs.LG', 'cs.DC'],
      }),
    );
  });

  it('stops at a limit: the first cards of the listing, as found without one', () => {
    const doc = load('new-cs-lg.html');
    const ctx = ctxFor(doc, url);
    const all = arxiv.findCards(doc, ctx);
    expect(all.length).toBeGreaterThan(5);
    expect(arxiv.findCards(doc, ctx, 5)).toEqual(all.slice(0, 5));
    expect(arxiv.findCards(doc, ctx, all.length + 10)).toEqual(all);
  });

  it('finds cards in a subtree: a section, one entry, or nothing inside a dd', () => {
    const doc = load('new-cs-lg.html');
    const ctx = ctxFor(doc, url);
    const [, cross] = doc.querySelectorAll('dl');
    expect(arxiv.findCards(cross!, ctx)).toHaveLength(2);
    const dt = doc.querySelector('dt')!;
    expect(arxiv.findCards(dt, ctx)).toEqual([dt]);
    expect(arxiv.findCards(doc.querySelector('dd')!, ctx)).toEqual([]);
    const fragment = doc.createDocumentFragment();
    fragment.append(dt.cloneNode(true), doc.querySelector('dd')!.cloneNode(true));
    expect(arxiv.findCards(fragment, ctx)).toHaveLength(1);
  });

  it('the same paper twice on a page is two cards of one paper', () => {
    const doc = load('new-cs-lg.html');
    const [first, , last] = doc.querySelectorAll('dl');
    const dt = first!.querySelector('dt')!;
    last!.append(dt.cloneNode(true), dt.nextElementSibling!.cloneNode(true));
    const ids = run(doc, url).papers.map((p) => p.id);
    expect(ids).toHaveLength(10);
    expect(ids.filter((id) => id === 'arxiv:2609.10658')).toHaveLength(2);
  });
});

describe('catch-up listing (catchup-cs-lg.html, built from the templates)', () => {
  const url = 'https://arxiv.org/catchup/cs.LG/2026-09-10?abs=True';
  const papers = () => run(load('catchup-cs-lg.html'), url).papers;

  it('reads the day caught up on from the heading', () => {
    const ctx = ctxFor(load('catchup-cs-lg.html'), url);
    expect(ctx).toEqual({ page: 'catchup', now: NOW, listingDate: '2026-09-10', days: [], urlId: null, urlVersion: null });
  });

  it('without a heading, the day is the one in the URL', () => {
    expect(ctxFor(parse('<div id="dlpage"><dl id="articles"></dl></div>'), url).listingDate).toBe('2026-09-10');
    expect(ctxFor(parse('<h1>Catchup results for Physics on Wed, 09 Sep 2026</h1>'), url).listingDate).toBe('2026-09-09');
  });

  it('finds the entries of its three sections in document order and reads each as on /new', () => {
    const doc = load('catchup-cs-lg.html');
    const cards = arxiv.findCards(doc, ctxFor(doc, url));
    expect(cards.map((c) => c.localName)).toEqual(['dt', 'dt', 'dt', 'dt', 'dt']);
    expect(papers().map((p) => p.id)).toEqual(['2609.09412', '2609.09530', '2609.09001', '2607.04410', 'math/0605123'].map((id) => `arxiv:${id}`));
    expect(arxiv.inlineOverlay!(cards[0]!)).toBe(true);
    expect(arxiv.mountPoint(cards[0]!).parent).toBe(cards[0]);
  });

  it('new submissions and cross-lists are dated by the day; replacements are not; abstracts when shown', () => {
    expect(papers()).toEqual([
      expected('2609.09412', 'catchup', {
        title: 'Low-Rank Adapters Forget Less Than You Think',
        authors: ['Tunde Adeyemi', 'Hanna Berg'],
        abstract: 'We measure forgetting of LoRA fine-tuning on $7$ benchmarks and find it within $1\\%$ of full fine-tuning. Our code is released.',
        published: '2026-09-10',
        githubRepos: ['berg-lab/lora-forget'],
        categories: ['cs.LG', 'cs.CL'],
      }),
      expected('2609.09530', 'catchup', {
        title: 'Sparse Mixture-of-Experts Routing as Optimal Transport',
        authors: ['Lucía Navarro'],
        abstract: 'We cast token-to-expert routing as an entropic optimal transport problem and solve it in $O(nk)$.',
        published: '2026-09-10',
        categories: ['cs.LG'],
      }),
      expected('2609.09001', 'catchup', {
        title: 'Reward Models That Say When They Do Not Know',
        authors: ['Omar Haddad', 'Yuki Sato'],
        abstract: 'Reward models trained with an abstain head reject 30% of out-of-distribution comparisons at no cost in accuracy.',
        published: '2026-09-10',
        categories: ['cs.AI', 'cs.LG'],
      }),
      expected('2607.04410', 'catchup', {
        title: 'Scaling Laws for Tabular Transformers',
        authors: ['Ines Moreau'],
        abstract: 'Tabular transformers follow power laws in data but not in width.',
        venue: 'Trans. Mach. Learn. Res. (2026)',
        categories: ['cs.LG'],
      }),
      expected('math/0605123', 'catchup', {
        title: 'On Random Projections of Convex Bodies',
        authors: ['Pavel Novak'],
        abstract: 'We bound the diameter of random projections of convex bodies.',
        categories: ['math.PR', 'cs.LG'],
      }),
    ]);
  });

  it('without abstracts (abs=False) the entries have none, and the summary says the same', () => {
    const doc = load('catchup-cs-lg.html');
    for (const p of doc.querySelectorAll('dd p.mathjax')) p.remove();
    const bare = 'https://arxiv.org/catchup/cs.LG/2026-09-10';
    const result = run(doc, bare);
    expect(result.papers.map((p) => p.abstract)).toEqual([null, null, null, null, null]);
    const ctx = ctxFor(doc, bare);
    const [first] = arxiv.findCards(doc, ctx);
    expect(arxiv.summary!(first!, ctx)).toEqual({ title: 'Low-Rank Adapters Forget Less Than You Think', abstract: null });
  });

  it('a day without updates has no cards', () => {
    const doc = parse(`<div id="dlpage"><h1>Catchup results for Machine Learning on Sat, 12 Sep 2026</h1>
      <div>Total of 0 entries</div><br><div><p>No updates for Sat, 12 Sep 2026</p></div><br></div>`);
    expect(run(doc, 'https://arxiv.org/catchup/cs.LG/2026-09-12').papers).toEqual([]);
  });
});

describe('author listing (author-okafor_m_1.html, built from the templates)', () => {
  const url = 'https://arxiv.org/a/okafor_m_1';

  it('lists the author\'s papers with no date (they span years) and no abstract', () => {
    const result = run(load('author-okafor_m_1.html'), url);
    expect(result.page).toBe('author');
    expect(result.papers).toEqual([
      expected('2609.10658', 'author', {
        title: '$O(n\\log n)$ Sparse Attention via Learned Locality-Sensitive Hashing',
        authors: ['Mira Okafor', 'Jonas Lindqvist'],
        githubRepos: ['acme-lab/hash-attn'],
        categories: ['cs.LG', 'cs.AI'],
      }),
      expected('2403.01234', 'author', {
        title: 'Hashing Keys for Long-Context Retrieval',
        authors: ['Mira Okafor'],
        venue: 'Proc. SIGIR 2024, pp. 101-110',
        categories: ['cs.IR'],
      }),
      expected('cs/0612001', 'author', {
        title: 'A Survey of Locality-Sensitive Hashing',
        authors: ['Mira Okafor', 'Alan Reyes'],
        categories: ['cs.DS'],
      }),
    ]);
  });

  it('the .html address is the same page; the footer\'s feed links are no cards', () => {
    const doc = load('author-okafor_m_1.html');
    const ctx = ctxFor(doc, 'https://arxiv.org/a/okafor_m_1.html');
    expect(ctx.page).toBe('author');
    expect(arxiv.findCards(doc, ctx)).toHaveLength(3);
  });
});

describe('search results (search.html, built from the template)', () => {
  const url = 'https://arxiv.org/search/?query=sparse+attention&searchtype=all';
  const papers = () => run(load('search.html'), url).papers;

  it('extracts every field of every result', () => {
    expect(papers()).toEqual([
      expected('2509.01234', 'search', {
        title: 'Efficient Block-Sparse Attention for Long Documents', // span.search-hit highlights read as text
        authors: ['Mira Okafor', 'Jonas Lindqvist', 'Priya Raman'],
        abstract:
          'Long documents make dense attention expensive. We propose a block-sparse pattern learned per layer that ' +
          'keeps 6% of the blocks and matches dense quality on four long-document benchmarks. Code: ' +
          'https://github.com/doclab/long-sparse.',
        published: '2025-09-03',
        githubRepos: ['doclab/long-sparse'],
        categories: ['cs.CL', 'cs.LG'],
      }),
      expected('2511.04567', 'search', {
        title: 'Training Sparse Mixture-of-Experts at Scale: A Systems Report',
        authors: [
          'Ana Silva', 'Ben Carter', 'Chen Li', 'Dana Cohen', 'Emeka Obi', 'Farah Aziz', 'Gustav Berg', 'Hana Sato',
          'Ivan Petrov', 'Julia Weber', 'Karim Nasser', 'Lena Fischer', 'Marco Bianchi', 'Nadia Hassan',
          'Oskar Nilsson', 'Paula Reyes', 'Quentin Martin', 'Rosa Garcia', 'Sven Olsen', 'Tara Walsh', 'Umar Farooq',
          'Vera Ivanova', 'Wen Liu', 'Xavier Dupont', 'Yara Haddad',
        ],
        authorCount: 37, // 25 shown + "et al. (12 additional authors not shown)"
        abstract:
          'We report on training a sparse mixture-of-experts model with 1.2T parameters on 4096 accelerators, ' +
          'covering routing, load balancing, expert-parallel attention and failure recovery.',
        published: '2025-11-06', // "v1 submitted", not the latest "Submitted"
        venue: 'Proceedings of MLSys 2026',
        doi: '10.1145/3700001.3700002', // the DOI box's link: the journal's, as an abstract page's citation_doi
        categories: ['cs.LG', 'cs.AI', 'cs.DC'], // not the DOI box's "doi" tag
      }),
      expected('2512.00042', 'search', {
        title: '$\\mathcal{O}(1)$ Memory Sparse Attention with Streaming Top-$k$',
        authors: ['Elena Novak', 'Samir Haddad'],
        abstract: 'We give a streaming top-$k$ attention with constant memory.',
        published: '2025-12-01',
        categories: ['stat.ML', 'cs.LG'],
      }),
      expected('cs/0612047', 'search', {
        title: 'Sparse Attention Models of Visual Search',
        authors: ['Julien Moreau', 'Anna Kowalski'],
        abstract:
          'We model visual search as sparse attention over saliency maps and fit the model to eye-tracking data from ' +
          '40 observers.',
        published: '2006-12-08',
        categories: ['cs.CV', 'cs.AI'],
      }),
      expected('2402.07890', 'search', {
        title: 'Revisiting Sparse Attention Baselines', // shown as arXiv:2402.07890v2: the id drops the version, kept apart
        version: 2, // the result's link, not the "Latest version: v4" after it
        authors: ['Kenji Ito', 'Ama Mensah', 'Lukas Schmidt'],
        abstract:
          'Many sparse attention papers compare against weak baselines. We re-tune six of them and find that most ' +
          'reported gains shrink below one point.',
        published: '2024-02-12',
        categories: ['cs.LG'],
      }),
      expected('2601.09876', 'search', {
        title: 'Sparse Retrieval Meets Dense Attention',
        authors: ['Robert Hale Jr.', 'Giulia Rossi'],
        abstract:
          'We combine learned sparse retrieval with cross-attention re-ranking and release the index builder at ' +
          'github.com/ir-lab/splade-x',
        published: '2026-01-15',
        githubRepos: ['ir-lab/splade-x'], // the github.io project page in the comments is not a repository
        categories: ['cs.IR', 'cs.LG'],
      }),
    ]);
  });

  it('never takes the "Less"/"More" toggles into the abstract', () => {
    for (const p of papers()) expect(p.abstract).not.toMatch(/Less|More|△|▽/);
  });

  it('falls back to an uncut preview, never to a cut one', () => {
    const doc = load('search.html');
    const [cut, uncut] = [...doc.querySelectorAll('li.arxiv-result')].filter((_, i) => i === 0 || i === 2);
    for (const li of [cut!, uncut!]) li.querySelector('span.abstract-full')!.remove();
    const ctx = ctxFor(doc, url);
    expect(arxiv.extract(cut!, ctx)?.abstract).toBeNull();
    expect(arxiv.extract(uncut!, ctx)?.abstract).toBe('We give a streaming top-$k$ attention with constant memory.');
  });

  it("keeps the first DOI box's DOI, never arXiv's own", () => {
    const doc = load('search.html');
    const li = doc.querySelectorAll('li.arxiv-result')[1]!;
    const box = li.querySelector('div.tags.has-addons')!.parentElement!;
    // search-macros.html: one box per DOI the paper names (a paper and its erratum)
    box.insertAdjacentHTML('afterend', box.outerHTML.replaceAll('10.1145/3700001.3700002', '10.1145/3700001.3799999'));
    expect(arxiv.extract(li, ctxFor(doc, url))?.doi).toBe('10.1145/3700001.3700002');
    for (const a of li.querySelectorAll('div.tags.has-addons a')) a.setAttribute('href', 'https://doi.org/10.48550/arXiv.2511.04567');
    expect(arxiv.extract(li, ctxFor(doc, url))?.doi).toBeNull();
  });

  it('a bare "et al." leaves the author count unknown', () => {
    const doc = load('search.html');
    const li = doc.querySelectorAll('li.arxiv-result')[1]!;
    const authors = li.querySelector('p.authors')!;
    authors.lastChild!.textContent = ', et al.';
    expect(arxiv.extract(li, ctxFor(doc, url))?.authorCount).toBeNull();
    // The names are the first ones, not all: the list is marked cut.
    expect(arxiv.extract(li, ctxFor(doc, url))?.authorsCut).toBe(true);
  });

  it('marks no whole list, nor one whose "et al." gives the count, cut', () => {
    const doc = load('search.html');
    for (const li of doc.querySelectorAll('li.arxiv-result')) expect(arxiv.extract(li, ctxFor(doc, url))).not.toHaveProperty('authorsCut');
  });

  it('mounts after p.title, and finds a result added on its own', () => {
    const doc = load('search.html');
    const ctx = ctxFor(doc, url);
    const cards = arxiv.findCards(doc, ctx);
    expect(cards).toHaveLength(6);
    for (const card of cards) {
      const { parent, before } = arxiv.mountPoint(card);
      expect(parent).toBe(card);
      expect(before?.previousSibling).toBe(card.querySelector('p.title'));
      expect(arxiv.inlineOverlay!(card)).toBe(false); // a block of its own under the title
    }
    expect(arxiv.findCards(cards[3]!, ctx)).toEqual([cards[3]]);
  });
});

describe('abstract page (abs-2609.22268.html, real 2026 page reduced)', () => {
  const url = 'https://arxiv.org/abs/2609.22268';
  const abstract =
    'Accurately modelling the temporal evolution of heterogeneous temperature fields requires resolving strong ' +
    'nonlinearities in the heat equation arising from temperature-dependent thermophysical properties, latent heats ' +
    'of transformation and any local heat sources/sinks. In this work, we present a spectral Galerkin (SG) framework ' +
    'to solve the fully nonlinear transient heat equation in finite domains to attain the accuracy of high-fidelity ' +
    'finite element (FE) simulations at considerably lower computational cost. The heat equation is reformulated ' +
    'into a linear reference problem with constant thermophysical properties and residual forcing terms. Solving the ' +
    'reference problem provides a complete three-dimensional orthonormal trigonometric basis, whose Galerkin ' +
    'projection reduces the heat equation to a set of modal ordinary differential equations (ODEs) in time; the ' +
    'reference operator is diagonal in the modal basis, and results in independent modal updates for a fixed ' +
    'nonlinear forcing. These ODEs can be integrated using exponential time differencing and iteratively corrected ' +
    'for nonlinearities. The SG method eliminates the global solve required by FE methods, and its use of structured ' +
    'grids allows efficient GPU parallelization. Applied to rapid laser-metal interactions, the SG solver reproduces ' +
    'high-fidelity FE temperature fields with less than 1% relative error while achieving 227-fold faster GPU ' +
    'runtimes. Applied to a part-scale laser scanning study [Ramani et al., Additive Manufacturing 52 (2022) ' +
    '102643], the method shows that accounting for evaporation and latent heat more than halves their proposed ' +
    'processing metric. The source code of the SG heat solver and some worked examples are available at ' +
    'https://github.com/manasvupadhyay/spectral_galerkin_heat under the Apache 2.0 license.';
  const paper = expected('2609.22268', 'abs', {
    title: 'Efficient spectral Galerkin framework for nonlinear transient heat transfer in finite domains',
    authors: ['Théo Andrieux', 'Andreas Ntinos', 'Manas V. Upadhyay'],
    abstract,
    published: '2026-09-09',
    githubRepos: ['manasvupadhyay/spectral_galerkin_heat'],
    categories: ['cond-mat.mtrl-sci'],
    version: 1, // og:url …/abs/2609.22268v1; arXiv's own DOI (#arxiv-doi-link) is not the paper's
  });

  it('extracts every field; the body abstract reads as the submitted one', () => {
    const doc = load('abs-2609.22268.html');
    expect(run(doc, url).papers).toEqual([paper]);
    expect(doc.querySelector('meta[name="citation_abstract"]')?.getAttribute('content')).toBe(abstract);
  });

  it('one card, #abs, with the overlay right after h1.title', () => {
    const doc = load('abs-2609.22268.html');
    const cards = arxiv.findCards(doc, ctxFor(doc, url));
    expect(cards).toEqual([doc.querySelector('#abs')]);
    const { parent, before } = arxiv.mountPoint(cards[0]!);
    expect(parent).toBe(cards[0]);
    expect(arxiv.inlineOverlay!(cards[0]!)).toBe(false);
    expect(before?.previousSibling).toBe(doc.querySelector('h1.title'));
    expect(arxiv.findCards(doc.querySelector('.extra-services')!, ctxFor(doc, url))).toEqual([]);
  });

  it('falls back to the head: citation_author names turned around, the dateline when citation_date is missing', () => {
    const doc = load('abs-2609.22268.html');
    doc.querySelector('div.authors')!.remove();
    doc.querySelector('meta[name="citation_date"]')!.remove();
    doc.querySelector('.dateline')!.textContent = '[Submitted on 2 Sep 2026 (v1), last revised 9 Sep 2026 (this version, v2)]';
    const [card] = arxiv.findCards(doc, ctxFor(doc, url));
    expect(arxiv.extract(card!, ctxFor(doc, url))).toEqual({
      ...paper,
      authors: ['Théo Andrieux', 'Andreas Ntinos', 'Manas V. Upadhyay'],
      published: '2026-09-02',
    });
  });

  it('a long author list: the hidden rest are authors, its "et al." toggle is none', () => {
    // arxiv-browse abs/author_links.html: past the first authors, the rest go in a hidden div#long-author-list, then a
    // javascript: toggle link and a noscript line, all inside div.authors.
    const doc = load('abs-2609.22268.html');
    doc.querySelector('div.authors')!.insertAdjacentHTML(
      'beforeend',
      ', \n  <div id="long-author-list" style="display: none;">\n        ' +
        '<a href="https://arxiv.org/search/cond-mat?searchtype=author&amp;query=Ramani,+K">Kavya Ramani</a>, ' +
        '<a href="https://arxiv.org/search/cond-mat?searchtype=author&amp;query=Moreau,+J">Julien Moreau</a>\n  </div>\n' +
        '  <a href="javascript:toggleAuthorList(\'long-author-list\',\'et al. (2 additional authors not shown)\');"\n' +
        '     title="Show Entire Author List" id="toggle">\n    et al. (2 additional authors not shown)</a>\n' +
        '  <noscript>&nbsp;You must enable JavaScript to view entire author list.</noscript>',
    );
    expect(run(doc, url).papers[0]?.authors).toEqual(['Théo Andrieux', 'Andreas Ntinos', 'Manas V. Upadhyay', 'Kavya Ramani', 'Julien Moreau']);
  });

  it('takes the journal ref by its label, not by td.jref (which also holds report numbers)', () => {
    const doc = load('abs-2609.22268.html');
    doc.querySelector('.metatable table tbody')!.insertAdjacentHTML(
      'afterbegin',
      '<tr><td class="tablecell label">Report&nbsp;number:</td><td class="tablecell jref">LAB-2026-7</td></tr>' +
        '<tr><td class="tablecell label">Journal&nbsp;reference:</td><td class="tablecell jref">J. Comput. Phys. 512 (2026) 113</td></tr>',
    );
    expect(run(doc, url).papers[0]?.venue).toBe('J. Comput. Phys. 512 (2026) 113');
  });

  it("keeps the version shown and the journal's DOI (citation_doi), never arXiv's own", () => {
    const doc = load('abs-2609.22268.html');
    doc.querySelector('meta[property="og:url"]')!.setAttribute('content', 'https://arxiv.org/abs/2609.22268v3');
    doc.head.insertAdjacentHTML('beforeend', '<meta name="citation_doi" content="10.1016/J.JCP.2026.113512" />');
    expect(run(doc, url).papers[0]).toMatchObject({ id: 'arxiv:2609.22268', version: 3, doi: '10.1016/j.jcp.2026.113512' });
    doc.querySelector('meta[name="citation_doi"]')!.setAttribute('content', '10.48550/arXiv.2609.22268');
    expect(run(doc, url).papers[0]?.doi).toBeNull();
  });

  it('without og:url the "this version" link gives the version, and without either the page address', () => {
    const doc = load('abs-2609.22268.html');
    doc.querySelector('meta[property="og:url"]')!.remove();
    doc.querySelector('td.arxividv a')!.setAttribute('href', 'https://arxiv.org/abs/2609.22268v2');
    expect(run(doc, url).papers[0]?.version).toBe(2);
    doc.querySelector('td.arxividv')!.remove();
    expect(run(doc, url).papers[0]?.version).toBeNull();
    expect(run(doc, 'https://arxiv.org/abs/2609.22268v4').papers[0]?.version).toBe(4);
  });

  it('prefers citation_title when MathJax 3 left no TeX in the body title', () => {
    const doc = load('abs-2609.22268.html');
    doc.querySelector('meta[name="citation_title"]')!.setAttribute('content', 'Heat transfer in $\\mathbb{R}^3$');
    doc.querySelector('h1.title')!.innerHTML =
      '<span class="descriptor">Title:</span>Heat transfer in <mjx-container class="MathJax" jax="CHTML"><mjx-math>' +
      '</mjx-math><mjx-assistive-mml><math><msup><mi mathvariant="double-struck">R</mi><mn>3</mn></msup></math>' +
      '</mjx-assistive-mml></mjx-container>';
    expect(run(doc, url).papers[0]?.title).toBe('Heat transfer in $\\mathbb{R}^3$');
  });
});

describe('head-only abstract page (abs-1902.02534-head-only.html, real head)', () => {
  const url = 'https://arxiv.org/abs/1902.02534';

  it('extracts the paper from the citation_* tags alone', () => {
    expect(run(load('abs-1902.02534-head-only.html'), url).papers).toEqual([
      expected('1902.02534', 'abs', {
        title:
          'Crowdsourcing open citations with CROCI -- An analysis of the current status of open citations, and a proposal',
        authors: ['Ivan Heibi', 'Silvio Peroni', 'David Shotton'], // "Heibi, Ivan" → "Ivan Heibi"
        abstract:
          'In this paper, we analyse the current availability of open citations data in one particular dataset, ' +
          'namely COCI (the OpenCitations Index of Crossref open DOI-to-DOI citations; ' +
          'http://opencitations.net/index/coci) provided by OpenCitations. The results of these analyses show a ' +
          'persistent gap in the coverage of the currently available open citation data. In order to address this ' +
          'specific issue, we propose a strategy whereby the community (e.g. scholars and publishers) can directly ' +
          'involve themselves in crowdsourcing open citations, by uploading their citation data via the ' +
          'OpenCitations infrastructure into our new index, CROCI, the Crowdsourced Open Citations Index.',
        published: '2019-02-07', // citation_date (v1); citation_online_date is v2's 2019/06/21
        version: 2, // og:url …/abs/1902.02534v2
      }),
    ]);
  });

  it('the body stands for the card and the overlay goes first in it', () => {
    const doc = load('abs-1902.02534-head-only.html');
    const cards = arxiv.findCards(doc, ctxFor(doc, url));
    expect(cards).toEqual([doc.body]);
    expect(arxiv.mountPoint(doc.body)).toEqual({ parent: doc.body, before: doc.body.firstChild });
  });

  it('no citation_* head and no body: nothing', () => {
    const doc = parse('<html><head><title>arXiv</title></head></html>');
    expect(arxiv.findCards(doc, ctxFor(doc, url))).toEqual([]);
  });
});

describe('malformed listing (malformed.html)', () => {
  const url = 'https://arxiv.org/list/cs.LG/recent';

  it('skips broken entries without throwing and keeps only whole papers', () => {
    const doc = load('malformed.html');
    expect(arxiv.findCards(doc, ctxFor(doc, url))).toHaveLength(9); // every dt with an abstract link
    expect(run(doc, url).papers).toEqual([
      expected('2609.20001', 'recent', {
        title: 'Good Entry One',
        authors: ['Alice One'],
        published: '2026-09-09', // the /recent section's day
        categories: ['cs.LG'],
      }),
      expected('2609.20008', 'recent', {
        title: 'Good Entry Two',
        authors: ['Bob Two', 'Béa Deux'],
        published: '2026-09-09',
        categories: ['cs.LG'],
      }),
      expected('2609.20009', 'recent', {
        title: 'Deeply nested junk title',
        published: '2026-09-09',
      }),
    ]);
  });

  it('mount points exist for every card, even one without a dd', () => {
    const doc = load('malformed.html');
    for (const card of arxiv.findCards(doc, ctxFor(doc, url))) {
      const { parent } = arxiv.mountPoint(card);
      expect(parent.closest('a')).toBeNull();
    }
    const lonely = doc.querySelector('a[href="/abs/2609.20002"]')!.closest('dt')!;
    expect(arxiv.mountPoint(lonely)).toEqual({ parent: lonely, before: null });
  });

  it('a card of an unknown page kind is still read', () => {
    const doc = load('malformed.html');
    const ctx = ctxFor(doc, 'file:///tmp/saved.html');
    expect(ctx.page).toBe('unknown');
    const papers = arxiv.findCards(doc, ctx).flatMap((card) => arxiv.extract(card, ctx) ?? []);
    expect(papers.map((p) => [p.id, p.published])).toEqual([
      ['arxiv:2609.20001', null],
      ['arxiv:2609.20008', null],
      ['arxiv:2609.20009', null],
    ]);
  });
});

describe('after MathJax ran (mathjax-rendered.html)', () => {
  const url = 'https://arxiv.org/list/cs.LG/new';

  it('reads titles and abstracts as TeX, not as rendered glyphs', () => {
    const papers = run(load('mathjax-rendered.html'), url).papers;
    expect(papers.map((p) => [p.id, p.title])).toEqual([
      ['arxiv:2609.30001', '$O(n^2)$ Attention Is Not Necessary'], // MathJax 3, TeX read back from the MathML
      ['arxiv:2609.30002', 'Learning $\\mathbb{R}^d$ Embeddings of Graphs'], // MathJax 3 with a TeX annotation
      ['arxiv:2609.30003', 'Regret Bounds for $\\epsilon$-Greedy Exploration'], // MathJax 2, TeX from its script
      ['arxiv:2609.30004', 'Summation Networks'],
    ]);
    expect(papers[0]).toEqual(
      expected('2609.30001', 'new', {
        title: '$O(n^2)$ Attention Is Not Necessary',
        authors: ['Rhea Quinn'],
        abstract: 'Exact attention runs in $O(n^2)$ time; we show a linear scheme suffices.',
        published: '2026-09-08',
        categories: ['cs.LG'],
      }),
    );
    expect(papers[3]?.abstract).toBe('Every layer computes $$∑_{i=1}^nx_i$$ and nothing else.');
  });

  it('the fixture really is post-MathJax: plain text content would be garbage', () => {
    const doc = load('mathjax-rendered.html');
    const titles = [...doc.querySelectorAll('.list-title')].map((t) => t.textContent ?? '');
    expect(titles[0]).not.toContain('$');
    expect(titles[2]).toContain('ϵϵ\\epsilon');
  });
});

describe('pre-2024 /new template (headings before each dl, "(replaced)" in the dt)', () => {
  it('dates new and cross-listed entries with the listing day, not replacements', () => {
    const entry = (id: string, marker: string) => `<dt><a name="item1">[1]</a>&nbsp; <span class="list-identifier">
      <a href="/abs/${id}" title="Abstract">arXiv:${id}</a> ${marker} [<a href="/pdf/${id}" title="Download PDF">pdf</a>]</span></dt>
      <dd><div class="meta"><div class="list-title mathjax"><span class="descriptor">Title:</span> Paper ${id}</div>
      <div class="list-authors"><span class="descriptor">Authors:</span> <a href="/a/doe_j_1">Jane Doe</a></div>
      <div class="list-subjects"><span class="descriptor">Subjects:</span> <span class="primary-subject">Machine Learning (cs.LG)</span></div>
      <p class="mathjax">Abstract of ${id}.</p></div></dd>`;
    const doc = parse(`<div id="dlpage"><h1>Machine Learning</h1>
      <div class="list-dateline">Submissions received from  Wed 6 Sep 23  to  Thu 7 Sep 23, announced Fri, 8 Sep 23</div>
      <h3>New submissions for Fri, 8 Sep 23</h3><dl>${entry('2309.01001', '')}</dl>
      <h3>Cross-lists for Fri, 8 Sep 23</h3><dl>${entry('2309.01002', '(cross-list from cs.AI)')}</dl>
      <h3>Replacements for Fri, 8 Sep 23</h3><dl>${entry('2301.01003', '(replaced)')}</dl></div>`);
    const papers = run(doc, 'https://arxiv.org/list/cs.LG/new').papers;
    expect(papers.map((p) => [p.id, p.published, p.authors, p.abstract])).toEqual([
      ['arxiv:2309.01001', '2023-09-08', ['Jane Doe'], 'Abstract of 2309.01001.'],
      ['arxiv:2309.01002', '2023-09-08', ['Jane Doe'], 'Abstract of 2309.01002.'],
      ['arxiv:2301.01003', null, ['Jane Doe'], 'Abstract of 2301.01003.'],
    ]);
  });
});
