// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { emptyPaper, type Paper } from '../core/paper';
import { extractPage } from './index';
import { semanticScholar as s2 } from './semanticscholar';

const NOW = new Date('2026-09-12T12:00:00Z');
const S2 = 'https://www.semanticscholar.org';
const ATTENTION = '204e3073870fae3d05bcbc2f6a8e263d9b72e776';
const PAPER_URL = `${S2}/paper/Attention-is-All-you-Need-Vaswani-Shazeer/${ATTENTION}`;

function load(name: string, url: string) {
  const html = readFileSync(join(import.meta.dirname, '../../test/fixtures/semanticscholar', name), 'utf8');
  const doc = new JSDOM(html, { url }).window.document;
  const ctx = s2.context(doc, new URL(url), NOW);
  const cards = s2.findCards(doc, ctx);
  return { doc, ctx, cards, papers: cards.map((card) => s2.extract(card, ctx)) };
}

/** A complete expected Paper: every field not given is the empty value. */
const paper = (page: string, id: string, title: string, fields: Partial<Paper>): Paper => ({
  ...emptyPaper(id, title, { site: 'semanticscholar', page }),
  ...fields,
});

/** The overlay goes right after the title, outside any link. */
function expectMountAfterTitle(card: Element, title: Element) {
  const { parent, before } = s2.mountPoint(card);
  expect(parent.closest('a')).toBeNull();
  expect(card.contains(parent)).toBe(true);
  expect(before).toBe(title.nextSibling);
  expect(parent).toBe(title.parentElement);
}

describe('semanticScholar.pageKind', () => {
  it.each([
    [`${S2}/search?q=attention`, 'search'],
    [`${S2}/search?q=attention&sort=relevance&page=2`, 'search'],
    [`${S2}/search?year%5B0%5D=2020&q=graph%20neural%20networks`, 'search'],
    [`${S2}/search/?q=attention`, 'search'],
    [PAPER_URL, 'paper'],
    [`${S2}/paper/${ATTENTION}`, 'paper'],
    [`${S2}/paper/${ATTENTION.toUpperCase()}`, 'paper'],
    [`${PAPER_URL}/`, 'paper'],
    [`${PAPER_URL}#citing-papers`, 'paper'],
    [`${PAPER_URL}?utm_source=direct_link`, 'paper'],
    [`${S2}/paper/BERT%3A-Pre-training-of-Deep-Bidirectional-Transformers-Devlin-Chang/df2b0e26d0599ce3e70df8a9da02e51594e0e992`, 'paper'],
    [`${S2}/author/Geoffrey-E.-Hinton/1695689`, 'author'],
    [`${S2}/author/Geoffrey-E.-Hinton/1695689/`, 'author'],
    [`${S2}/search`, null],
    [`${S2}/search?q=`, null],
    [`${S2}/search?q=%20`, null],
    [`${PAPER_URL}/figure/0`, null],
    [`${S2}/paper/Attention-is-All-you-Need-Vaswani-Shazeer/${ATTENTION.slice(1)}`, null],
    [`${S2}/paper/Attention-is-All-you-Need-Vaswani-Shazeer`, null],
    [`${S2}/paper/a/b/${ATTENTION}`, null],
    [`${S2}/author/1695689`, null],
    [`${S2}/author/Geoffrey-E.-Hinton/1695689/papers`, null],
    [`${S2}/author/Geoffrey-E.-Hinton/abc`, null],
    [`${S2}/`, null],
    [`${S2}/me/library`, null],
    [`${S2}/topic/Transformer/123`, null],
    [`https://semanticscholar.org/paper/${ATTENTION}`, null],
    [`http://www.semanticscholar.org/paper/${ATTENTION}`, null],
    [`https://api.semanticscholar.org/graph/v1/paper/${ATTENTION}`, null],
    [`https://pdfs.semanticscholar.org/204e/3073870fae3d05bcbc2f6a8e263d9b72e776.pdf`, null],
    [`https://www.semanticscholar.org.evil.example/paper/${ATTENTION}`, null],
    ['https://scholar.google.com/scholar?q=attention', null],
  ])('%s → %s', (url, kind) => {
    expect(s2.pageKind(new URL(url))).toBe(kind);
  });

  it('declares its id, name and manifest pattern', () => {
    expect(s2.id).toBe('semanticscholar');
    expect(s2.name).toBe('Semantic Scholar');
    expect(s2.matches).toEqual(['https://www.semanticscholar.org/*']);
  });
});

describe('search, 2023+ rows (constructed)', () => {
  const url = `${S2}/search?q=attention`;
  const { doc, ctx, cards, papers } = load('search.html', url);

  it('finds one card per row, not the filters or pager', () => {
    expect(ctx.page).toBe('search');
    expect(cards).toHaveLength(4);
    expect(cards.every((c) => c.matches('[data-test-id="search-result"]'))).toBe(true);
  });

  it('extracts every field of every row', () => {
    expect(papers).toEqual([
      paper('search', 'arxiv:1706.03762', 'Attention is All you Need', {
        authors: ['Ashish Vaswani', 'Noam M. Shazeer', 'Niki Parmar'],
        authorCount: 8, // 3 shown + "+5 authors"
        published: '2017-06-12',
        venue: 'Neural Information Processing Systems',
        pdfUrl: 'https://arxiv.org/pdf/1706.03762.pdf',
        url: PAPER_URL,
        aliases: [`semanticscholar:${ATTENTION}`], // Semantic Scholar's own id, what older builds stored where nothing else named it
      }),
      paper('search', 'doi:10.1109/cvpr.2016.90', 'Deep Residual Learning for Image Recognition', {
        authors: ['Kaiming He', 'X. Zhang', 'Shaoqing Ren', 'Jian Sun'],
        published: '2015-12-10',
        venue: 'Computer Vision and Pattern Recognition',
        url: `${S2}/paper/Deep-Residual-Learning-for-Image-Recognition-He-Zhang/2c03df8b48bf3fa39054345bafabfeff15bfd11d`,
        aliases: ['semanticscholar:2c03df8b48bf3fa39054345bafabfeff15bfd11d'],
      }),
      // No arXiv or DOI link: the Semantic Scholar id; the year alone the row shows; an author without a page is a span.
      paper('search', 'semanticscholar:9a1a7e2b3c4d5e6f708192a3b4c5d6e7f8091a2b', 'Attention Mechanisms in Computer Vision: A Survey', {
        authors: ['Meng-Hao Guo', 'Tian-Xing Xu'],
        published: '2022',
        venue: 'Computational Visual Media',
        url: `${S2}/paper/9a1a7e2b3c4d5e6f708192a3b4c5d6e7f8091a2b`,
      }),
      // "View on arXiv" is the abstract page: the PDF is derived.
      paper('search', 'arxiv:1810.04805', 'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding', {
        authors: ['Jacob Devlin', 'Ming-Wei Chang', 'Kenton Lee', 'Kristina Toutanova'],
        published: '2018-10-11',
        venue: 'North American Chapter of the Association for Computational Linguistics',
        pdfUrl: 'https://arxiv.org/pdf/1810.04805',
        url: `${S2}/paper/BERT%3A-Pre-training-of-Deep-Bidirectional-Transformers-Devlin-Chang/df2b0e26d0599ce3e70df8a9da02e51594e0e992`,
        aliases: ['semanticscholar:df2b0e26d0599ce3e70df8a9da02e51594e0e992'],
      }),
    ]);
  });

  it("gives a row that links arXiv, a DOI and a venue page every one of those ids, and its own", () => {
    const { doc } = load('search.html', url);
    const resnet = doc.querySelector('[data-paper-id="2c03df8b48bf3fa39054345bafabfeff15bfd11d"] .cl-paper-row__actions')!;
    resnet.insertAdjacentHTML('beforeend', '<a href="https://arxiv.org/abs/1512.03385">View on arXiv</a> <a href="https://openaccess.thecvf.com/content_cvpr_2016/papers/He_Deep_Residual_Learning_CVPR_2016_paper.pdf">[PDF] thecvf.com</a>');
    const again = s2.context(doc, new URL(url), NOW);
    const row = s2.findCards(doc, again).map((card) => s2.extract(card, again))[1]!;
    expect([row.id, row.aliases, row.doi]).toEqual([
      'arxiv:1512.03385',
      ['doi:10.1109/cvpr.2016.90', 'cvf:He_Deep_Residual_Learning_CVPR_2016', 'semanticscholar:2c03df8b48bf3fa39054345bafabfeff15bfd11d'],
      '10.1109/cvpr.2016.90',
    ]);
  });

  it('mounts after the title link', () => {
    for (const card of cards) expectMountAfterTitle(card, card.querySelector('a[data-test-id="title-link"]')!);
  });

  it('finds a row re-rendered on its own, and nothing inside a row', () => {
    expect(s2.findCards(cards[1]!, ctx)).toEqual([cards[1]]);
    expect(s2.findCards(cards[1]!.querySelector('h2')!, ctx)).toEqual([]);
    const template = doc.createElement('template');
    template.innerHTML = cards.map((c) => c.outerHTML).join('');
    expect(s2.findCards(template.content, ctx).map((c) => s2.extract(c, ctx))).toEqual(papers);
  });

  it('runs through extractPage', () => {
    expect(extractPage(s2, doc, new URL(url), NOW)).toEqual({ site: 'semanticscholar', page: 'search', papers });
  });
});

describe('search, rows linking venue pages (constructed)', () => {
  const { papers } = load('search-venues.html', `${S2}/search?q=exploration`);

  it('names a row without arXiv id or DOI by the venue page or PDF it links', () => {
    expect(papers.map((p) => p?.id)).toEqual([
      'pmlr:v202/exemplo23a',
      'neurips:2023/0a1b2c3d4e5f60718293a4b5c6d7e8f9',
      'openreview:Xk9pQ2vN7a',
      'cvf:Okafor_Open-Vocabulary_Segmentation_at_Scale_CVPR_2024',
      'aclanthology:W19-4201',
      `semanticscholar:${'7'.repeat(40)}`, // no link: Semantic Scholar's id
    ]);
    expect(papers[0]).toMatchObject({ pdfUrl: 'https://proceedings.mlr.press/v202/exemplo23a/exemplo23a.pdf', url: `${S2}/paper/${'1'.repeat(40)}` });
    // The venue paper that names it is no alias; Semantic Scholar's own id is.
    expect(papers[0]!.aliases).toEqual([`semanticscholar:${'1'.repeat(40)}`]);
    expect(papers.map((p) => p?.published)).toEqual(['2023', '2023', '2024', '2024', '2019', '2023']); // each row's year
  });

  it("gives a row its OpenReview forum as an alias when a proceedings' page names it", () => {
    const { doc } = load('search-venues.html', `${S2}/search?q=exploration`);
    const row = doc.querySelector(`[data-paper-id="${'1'.repeat(40)}"]`)!;
    row.insertAdjacentHTML('beforeend', '<a href="https://openreview.net/forum?id=Pq4Rs5Tu6V">View on OpenReview</a>');
    const ctx = s2.context(doc, new URL(`${S2}/search?q=exploration`), NOW);
    expect(s2.extract(row, ctx)).toMatchObject({ id: 'pmlr:v202/exemplo23a', aliases: [`semanticscholar:${'1'.repeat(40)}`, 'openreview:Pq4Rs5Tu6V'] });
  });

  it('names a paper page by the venue PDF its citation_pdf_url is', () => {
    const url = `${S2}/paper/Some-Title/${'8'.repeat(40)}`;
    const head = '<meta name="citation_title" content="Some Title"><meta name="citation_pdf_url" content="https://proceedings.mlr.press/v202/exemplo23a/exemplo23a.pdf">';
    const doc = new JSDOM(`<html><head>${head}</head><body><div><h1>Some Title</h1></div></body></html>`, { url }).window.document;
    const ctx = s2.context(doc, new URL(url), NOW);
    expect(s2.findCards(doc, ctx).map((card) => s2.extract(card, ctx)?.id)).toEqual(['pmlr:v202/exemplo23a']);
    // Without the meta, by a link beside the title.
    doc.querySelector('meta[name="citation_pdf_url"]')!.remove();
    doc.querySelector('h1')!.insertAdjacentHTML('afterend', '<a data-test-id="paper-link" href="https://openreview.net/forum?id=Xk9pQ2vN7a">View on OpenReview</a>');
    const again = s2.context(doc, new URL(url), NOW);
    expect(s2.findCards(doc, again).map((card) => s2.extract(card, again)?.id)).toEqual(['openreview:Xk9pQ2vN7a']);
  });
});

describe('search, 2019-2022 rows (constructed)', () => {
  const { cards, papers } = load('search-2022.html', `${S2}/search?q=adam`);

  it('finds .cl-paper-row rows by their title links and reads every field', () => {
    expect(cards.map((c) => c.tagName)).toEqual(['ARTICLE', 'ARTICLE']);
    expect(papers).toEqual([
      paper('search', 'arxiv:1412.6980', 'Adam: A Method for Stochastic Optimization', {
        authors: ['Diederik P. Kingma', 'Jimmy Ba'],
        published: '2014-12-22',
        venue: 'International Conference on Learning Representations',
        pdfUrl: 'https://arxiv.org/pdf/1412.6980.pdf',
        url: `${S2}/paper/Adam%3A-A-Method-for-Stochastic-Optimization-Kingma-Ba/a6cb366736791bcccc5c8639de5a8f9636bf87e8`,
        aliases: ['semanticscholar:a6cb366736791bcccc5c8639de5a8f9636bf87e8'],
      }),
      paper('search', 'semanticscholar:ed7f12f2bd8b4d4d7e4c3e2f9f1a0b9c8d7e6f50', 'On the Convergence of Adam and Beyond', {
        authors: ['Sashank J. Reddi', 'Satyen Kale', 'Sanjiv Kumar'],
        published: '2018-02-15',
        venue: 'International Conference on Learning Representations',
        url: `${S2}/paper/On-the-Convergence-of-Adam-and-Beyond-Reddi-Kale/ed7f12f2bd8b4d4d7e4c3e2f9f1a0b9c8d7e6f50`,
      }),
    ]);
    for (const card of cards) expectMountAfterTitle(card, card.querySelector(':scope > a')!);
  });
});

describe('search, unknown row markup (constructed)', () => {
  const { ctx, cards, papers } = load('search-unknown-markup.html', `${S2}/search?q=generative`);

  it('bounds each row where links to other papers begin', () => {
    expect(cards.map((c) => c.className)).toEqual(['x9f-item', 'x9f-item']);
    expect(papers).toEqual([
      paper('search', 'arxiv:1406.2661', 'Generative Adversarial Nets', {
        authors: ['Ian J. Goodfellow', 'Jean Pouget-Abadie'],
        pdfUrl: 'https://arxiv.org/pdf/1406.2661',
        url: `${S2}/paper/Generative-Adversarial-Nets-Goodfellow-Pouget-Abadie/54e325aee6b2d476bbbb88615ac15e251c6e8214`,
        aliases: ['semanticscholar:54e325aee6b2d476bbbb88615ac15e251c6e8214'],
      }),
      paper('search', 'semanticscholar:5f5dc5b9a2ba710937e2c413b37b053cd673df02', 'Auto-Encoding Variational Bayes', {
        authors: ['Diederik P. Kingma', 'M. Welling'],
        url: `${S2}/paper/5f5dc5b9a2ba710937e2c413b37b053cd673df02`,
      }),
    ]);
    for (const card of cards) expectMountAfterTitle(card, card.querySelector('h3 > a')!);
    expect(s2.findCards(cards[0]!, ctx)).toEqual([cards[0]]);
  });
});

describe('paper page (constructed)', () => {
  const { doc, ctx, cards, papers } = load('paper.html', PAPER_URL);

  it('reads citation_* meta and JSON-LD once per page', () => {
    expect(ctx.paperId).toBe(ATTENTION);
    expect(ctx.pageUrl).toBe(PAPER_URL);
    expect(ctx.meta?.title).toBe('Attention is All you Need');
    expect(ctx.article?.['@type']).toBe('ScholarlyArticle');
  });

  it('has the paper itself, then the citing and referenced rows (not the breadcrumb or figure links)', () => {
    expect(cards).toHaveLength(4);
    expect(cards[0]).toBe(doc.querySelector('h1')!.parentElement);
    expect(papers).toEqual([
      paper('paper', 'arxiv:1706.03762', 'Attention is All you Need', {
        authors: ['Ashish Vaswani', 'Noam M. Shazeer', 'Niki Parmar', 'Jakob Uszkoreit', 'Llion Jones', 'Aidan N. Gomez', 'Lukasz Kaiser', 'Illia Polosukhin'],
        abstract:
          'The dominant sequence transduction models are based on complex recurrent or convolutional neural networks in an encoder-decoder configuration. We propose a new simple network architecture, the Transformer, based solely on attention mechanisms, dispensing with recurrence and convolutions entirely.',
        published: '2017-06-12',
        venue: 'Neural Information Processing Systems', // JSON-LD `publication`: no venue meta
        pdfUrl: 'https://arxiv.org/pdf/1706.03762.pdf',
        url: PAPER_URL,
        aliases: [`semanticscholar:${ATTENTION}`],
      }),
      paper('paper', 'arxiv:1810.04805', 'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding', {
        authors: ['Jacob Devlin', 'Ming-Wei Chang'],
        authorCount: 4,
        published: '2018-10-11',
        venue: 'North American Chapter of the Association for Computational Linguistics',
        pdfUrl: 'https://arxiv.org/pdf/1810.04805.pdf',
        url: `${S2}/paper/BERT%3A-Pre-training-of-Deep-Bidirectional-Transformers-Devlin-Chang/df2b0e26d0599ce3e70df8a9da02e51594e0e992`,
        aliases: ['semanticscholar:df2b0e26d0599ce3e70df8a9da02e51594e0e992'],
      }),
      paper('paper', 'semanticscholar:90abbc2cf38462b954ae1b772fac9532e2ccd8b0', 'Language Models are Few-Shot Learners', {
        authors: ['Tom B. Brown'],
        published: '2020-05-28',
        venue: 'Neural Information Processing Systems',
        url: `${S2}/paper/Language-Models-are-Few-Shot-Learners-Brown-Mann/90abbc2cf38462b954ae1b772fac9532e2ccd8b0`,
      }),
      paper('paper', 'arxiv:1409.0473', 'Neural Machine Translation by Jointly Learning to Align and Translate', {
        authors: ['Dzmitry Bahdanau', 'Kyunghyun Cho', 'Yoshua Bengio'],
        published: '2014-09-01',
        venue: 'International Conference on Learning Representations',
        pdfUrl: 'https://arxiv.org/pdf/1409.0473',
        url: `${S2}/paper/Neural-Machine-Translation-by-Jointly-Learning-to-Bahdanau-Cho/fa72afa9b2cbc8f0d7b05d52548906610ffbb9c5`,
        aliases: ['semanticscholar:fa72afa9b2cbc8f0d7b05d52548906610ffbb9c5'],
      }),
    ]);
  });

  it('mounts right after the h1 and after each row title link', () => {
    expectMountAfterTitle(cards[0]!, doc.querySelector('h1')!);
    for (const card of cards.slice(1)) expectMountAfterTitle(card, card.querySelector('a[data-test-id="title-link"]')!);
  });

  it("after in-app navigation to another paper, takes nothing from the head the app left describing the last one", () => {
    // The app renders the next paper's page without a load (zotero/translators#2112, #2914: data "held over from a
    // paper from a previously visited page"): here its header is BERT's, its head still Attention's meta and JSON-LD.
    const bert = `${S2}/paper/BERT%3A-Pre-training-of-Deep-Bidirectional-Transformers-Devlin-Chang/df2b0e26d0599ce3e70df8a9da02e51594e0e992`;
    const { doc } = load('paper.html', PAPER_URL);
    const header = doc.querySelector('[data-test-id="paper-detail-page-header"]')!;
    header.querySelector('h1')!.textContent = 'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding';
    header.querySelector('[data-test-id="venue-metadata"]')!.textContent = 'North American Chapter of the Association for Computational Linguistics';
    header.querySelector('[data-test-id="paper-year"]')!.textContent = '11 October 2018';
    header.querySelector('a[data-test-id="paper-link"]')!.setAttribute('href', 'https://arxiv.org/pdf/1810.04805.pdf');
    header.querySelector('a[href*="/figure/"]')!.setAttribute('href', `${new URL(bert).pathname}/figure/0`);
    const ctx = s2.context(doc, new URL(bert), NOW);
    expect(s2.extract(header, ctx)).toEqual(
      paper('paper', 'arxiv:1810.04805', 'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding', {
        published: '2018-10-11',
        venue: 'North American Chapter of the Association for Computational Linguistics',
        pdfUrl: 'https://arxiv.org/pdf/1810.04805.pdf',
        url: `${S2}${new URL(bert).pathname}`,
        aliases: ['semanticscholar:df2b0e26d0599ce3e70df8a9da02e51594e0e992'],
      }),
    );
  });

  it('finds the paper card again when the header is re-rendered', () => {
    const header = cards[0]!;
    expect(s2.findCards(header, ctx)).toEqual([header]);
    expect(s2.findCards(doc.querySelector('#citing-papers')!, ctx)).toEqual(cards.slice(1, 3));
  });
});

describe('paper page with JSON-LD only (constructed)', () => {
  it('falls back to JSON-LD and the header links, skipping a malformed JSON-LD block', () => {
    const url = `${S2}/paper/54e325aee6b2d476bbbb88615ac15e251c6e8214`;
    const { doc, ctx, cards, papers } = load('paper-jsonld-only.html', url);
    expect(ctx.meta).toBeNull();
    expect(cards).toEqual([doc.querySelector('.paper-page__head')]);
    expect(papers).toEqual([
      paper('paper', 'doi:10.1145/3422622', 'Generative Adversarial Nets', {
        authors: ['Ian J. Goodfellow', 'Jean Pouget-Abadie', 'Mehdi Mirza'],
        abstract: 'We propose a new framework for estimating generative models via an adversarial process.',
        published: '2014', // datePublished "2014": the year alone
        venue: 'Neural Information Processing Systems',
        url,
        aliases: ['semanticscholar:54e325aee6b2d476bbbb88615ac15e251c6e8214'],
      }),
    ]);
    expectMountAfterTitle(cards[0]!, doc.querySelector('h1')!);
  });
});

describe('author page (constructed)', () => {
  it('lists the author\'s papers, not co-authors or the name heading', () => {
    const { cards, papers } = load('author.html', `${S2}/author/Geoffrey-E.-Hinton/1695689`);
    expect(cards).toHaveLength(2);
    expect(papers).toEqual([
      paper('author', 'doi:10.1145/3065386', 'ImageNet classification with deep convolutional neural networks', {
        authors: ['A. Krizhevsky', 'I. Sutskever', 'Geoffrey E. Hinton'],
        published: '2012-12-03',
        venue: 'Communications of the ACM',
        url: `${S2}/paper/ImageNet-classification-with-deep-convolutional-Krizhevsky-Sutskever/abd1c342495432171beb7ca8fd9551ef13cbd0ff`,
        aliases: ['semanticscholar:abd1c342495432171beb7ca8fd9551ef13cbd0ff'],
      }),
      paper('author', 'semanticscholar:34f25a8704614163c4095b3ee2fc969b60de4698', 'Dropout: a simple way to prevent neural networks from overfitting', {
        authors: ['Nitish Srivastava', 'Geoffrey E. Hinton'],
        authorCount: 5,
        published: '2014',
        venue: 'Journal of machine learning research',
        url: `${S2}/paper/Dropout%3A-a-simple-way-to-prevent-neural-networks-Srivastava-Hinton/34f25a8704614163c4095b3ee2fc969b60de4698`,
      }),
    ]);
  });
});

describe('malformed and empty pages', () => {
  it('keeps only rows with a paper id and a title, without throwing', () => {
    const url = `${S2}/search?q=broken`;
    const { doc, cards, papers } = load('malformed.html', url);
    expect(cards).toHaveLength(3);
    expect(papers).toEqual([
      null, // blank title
      paper('search', 'semanticscholar:2222222222222222222222222222222222222222', 'A row with bad links', {
        url: `${S2}/paper/A-row-with-bad-links/2222222222222222222222222222222222222222`,
      }),
      paper('search', `semanticscholar:${ATTENTION}`, 'Attention is All you Need', { authors: ['Ashish Vaswani'], url: PAPER_URL }),
    ]);
    const errors: unknown[] = [];
    expect(extractPage(s2, doc, new URL(url), NOW, (e) => errors.push(e)).papers).toHaveLength(2);
    expect(errors).toEqual([]);
    for (const card of cards) expect(() => s2.mountPoint(card)).not.toThrow();
  });

  it('finds nothing on a search without results or on pages it does not handle', () => {
    expect(load('search-empty.html', `${S2}/search?q=xqzvwkjh%20flurbo`).cards).toEqual([]);
    expect(load('search.html', `${S2}/me/library`).cards).toEqual([]);
  });
});
