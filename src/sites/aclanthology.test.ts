// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { emptyPaper, type Paper } from '../core/paper';
import { aclanthology } from './aclanthology';
import { extractPage } from './index';

const NOW = new Date('2026-07-02T12:00:00Z');
const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../../test/fixtures/aclanthology', name), 'utf8');

function load(name: string, url: string) {
  const doc = new JSDOM(fixture(name), { url }).window.document;
  const ctx = aclanthology.context(doc, new URL(url), NOW);
  const cards = aclanthology.findCards(doc, ctx);
  return { doc, ctx, cards, papers: cards.map((card) => aclanthology.extract(card, ctx)) };
}

const paper = (page: string, id: string, title: string, fields: Partial<Paper>): Paper => ({
  ...emptyPaper(id, title, { site: 'aclanthology', page }),
  ...fields,
});

describe('aclanthology.pageKind', () => {
  it.each([
    ['https://aclanthology.org/people/andreas-madsack/unverified/', 'author'],
    ['https://aclanthology.org/people/andreas-madsack/', 'author'],
    ['https://aclanthology.org/people/a/andreas-madsack/', 'author'],
    ['https://aclanthology.org/volumes/2023.acl-long/', 'volume'],
    ['https://aclanthology.org/volumes/W19-42/', 'volume'],
    ['https://aclanthology.org/volumes/P19-1/', 'volume'],
    ['https://aclanthology.org/events/acl-2023/', 'event'],
    ['https://aclanthology.org/events/emnlp-2024', 'event'],
    ['https://aclanthology.org/2023.acl-long.1/', 'paper'],
    ['https://aclanthology.org/2022.in2writing-1.1/', 'paper'],
    ['https://aclanthology.org/P19-1001/', 'paper'],
    ['https://aclanthology.org/W19-4201', 'paper'],
    ['https://aclanthology.org/2023.acl-long.1/#abstract', 'paper'],
    ['https://aclanthology.org/2023.acl-long.1.pdf', null],
    ['https://aclanthology.org/2023.acl-long.1.bib', null],
    ['https://aclanthology.org/volumes/2023.acl-long.bib', null],
    ['https://aclanthology.org/people/andreas-madsack/awards/', null],
    ['https://aclanthology.org/venues/acl/', null],
    ['https://aclanthology.org/faq/', null],
    ['https://aclanthology.org/', null],
    ['https://aclanthology.org/search/?q=bert', null],
    ['https://www.aclweb.org/anthology/P19-1001/', null],
    ['https://aclanthology.org.evil.example/P19-1001/', null],
  ])('%s → %s', (url, kind) => {
    expect(aclanthology.pageKind(new URL(url))).toBe(kind);
  });
});

describe('author page (saved, reduced)', () => {
  const url = 'https://aclanthology.org/people/andreas-madsack/unverified/';
  const { papers, cards } = load('author-andreas-madsack.html', url);
  const page = 'author';

  it('finds the six paper rows and nothing in the sidebar', () => {
    expect(cards).toHaveLength(6);
    expect(papers.map((p) => p?.id)).toEqual([
      'aclanthology:2022.in2writing-1.1',
      'aclanthology:W19-4201',
      'aclanthology:W18-6560',
      'aclanthology:W18-3607',
      'aclanthology:K18-3004',
      'aclanthology:W17-3524',
    ]);
  });

  it('reads every field of every row, the year from the heading the row sits under', () => {
    const robert = 'Robert Weißgraeber';
    const team = ['Andreas Madsack', 'Johanna Heininger', 'Nyamsuren Davaasambuu', 'Vitaliia Voronik', 'Michael Käufl', robert];
    const pdf = (id: string) => `https://aclanthology.org/${id}.pdf`;
    const url = (id: string) => `https://aclanthology.org/${id}/`;
    expect(papers[0]).toEqual(
      paper(page, 'aclanthology:2022.in2writing-1.1', 'Data-to-text systems as writing environment', {
        authors: ['Adela Schneider', 'Andreas Madsack', 'Johanna Heininger', 'Ching-Yi Chen', robert],
        abstract: expect.stringMatching(/^Today, data-to-text systems are used as commercial solutions for automated text productionof large .* are then derived\.$/),
        published: '2022',
        pdfUrl: pdf('2022.in2writing-1.1'),
        url: url('2022.in2writing-1.1'),
        venue: 'Proceedings of the First Workshop on Intelligent and Interactive Writing Assistants (In2Writing 2022)',
      }),
    );
    expect(papers[1]).toEqual(
      paper(page, 'aclanthology:W19-4201', 'AX Semantics’ Submission to the SIGMORPHON 2019 Shared Task', {
        authors: ['Andreas Madsack', robert],
        abstract: expect.stringMatching(/^This paper describes the AX Semantics’ submission .* easy operation and reuse\.$/),
        published: '2019',
        pdfUrl: pdf('W19-4201'),
        url: url('W19-4201'),
        venue: 'Proceedings of the 16th Workshop on Computational Research in Phonetics, Phonology, and Morphology',
      }),
    );
    expect(papers[2]).toEqual(
      paper(page, 'aclanthology:W18-6560', 'Multi-Language Surface Realisation as REST API based NLG Microservice', {
        authors: team,
        abstract:
          'We present a readily available API that solves the morphology component for surface realizers in 10 languages (e.g., English, German and Finnish) for any topic and is available as REST API. This can be used to add morphology to any kind of NLG application (e.g., a multi-language chatbot), without requiring computational linguistic knowledge by the integrator.',
        published: '2018',
        pdfUrl: pdf('W18-6560'),
        url: url('W18-6560'),
        venue: 'Proceedings of the 11th International Conference on Natural Language Generation',
      }),
    );
    expect(papers[3]).toEqual(
      paper(page, 'aclanthology:W18-3607', 'AX Semantics’ Submission to the Surface Realization Shared Task 2018', {
        authors: team,
        abstract:
          'In this paper we describe our system and experimental results on the development set of the Surface Realisation Shared Task. Our system is an entry for the Shallow-Task, with two different models based on deep-learning implementations for building the sentence combined with a rule-based morphology component.',
        published: '2018',
        pdfUrl: pdf('W18-3607'),
        url: url('W18-3607'),
        venue: 'Proceedings of the First Workshop on Multilingual Surface Realisation',
      }),
    );
    // No abs badge and no abstract card: the next row's abstract must not be borrowed.
    expect(papers[4]).toEqual(
      paper(page, 'aclanthology:K18-3004', 'AX Semantics’ Submission to the CoNLL–SIGMORPHON 2018 Shared Task', {
        authors: ['Andreas Madsack', 'Alessia Cavallo', 'Johanna Heininger', robert],
        published: '2018',
        pdfUrl: pdf('K18-3004'),
        url: url('K18-3004'),
        venue: 'Proceedings of the CoNLL–SIGMORPHON 2018 Shared Task: Universal Morphological Reinflection',
      }),
    );
    expect(papers[5]).toEqual(
      paper(page, 'aclanthology:W17-3524', 'A working, non-trivial, topically indifferent NLG System for 17 languages', {
        authors: [robert, 'Andreas Madsack'],
        abstract:
          'A fully fledged practical working application for a rule-based NLG system is presented that is able to create non-trivial, human sounding narrative from structured data, in any language and for any topic.',
        published: '2017',
        pdfUrl: pdf('W17-3524'),
        url: url('W17-3524'),
        venue: 'Proceedings of the 10th International Conference on Natural Language Generation',
      }),
    );
  });

  it('mounts right after the <strong> title, outside the link', () => {
    for (const card of cards) {
      const { parent, before } = aclanthology.mountPoint(card);
      expect(parent.matches('span.d-block')).toBe(true);
      expect(parent.closest('a')).toBeNull();
      expect(before?.previousSibling).toBe(card.querySelector('strong'));
    }
  });

  it('gives a row no year when no year heading is above it', () => {
    const { doc, ctx } = load('author-andreas-madsack.html', url);
    doc.querySelectorAll('h4').forEach((h) => h.remove());
    const row = doc.querySelector('div.d-sm-flex.align-items-stretch')!;
    expect(aclanthology.extract(row, ctx)?.published).toBeNull();
  });

  it('extractPage gives the same papers', () => {
    const doc = new JSDOM(fixture('author-andreas-madsack.html'), { url }).window.document;
    const result = extractPage(aclanthology, doc, new URL(url), NOW);
    expect(result.site).toBe('aclanthology');
    expect(result.page).toBe('author');
    expect(result.papers).toEqual(papers);
  });

  it('reads a subtree the page added (one row)', () => {
    const { doc, ctx } = load('author-andreas-madsack.html', url);
    const row = doc.querySelectorAll('div.d-sm-flex.align-items-stretch')[1]!;
    expect(aclanthology.findCards(row, ctx)).toEqual([row]);
  });
});

describe('volume page (constructed)', () => {
  const { papers, cards, ctx } = load('volume-2023.acl-long.html', 'https://aclanthology.org/volumes/2023.acl-long/');
  const venue = 'Proceedings of the 61st Annual Meeting of the Association for Computational Linguistics (Volume 1: Long Papers)';

  it('skips the front matter row and takes venue and month from the volume (no day: the page names none)', () => {
    expect(ctx.volumeTitle).toBe(venue);
    expect(ctx.volumeDate).toBe('2023-07');
    expect(cards).toHaveLength(3);
    expect(papers).toEqual([
      paper('volume', 'aclanthology:2023.acl-long.1', 'Cross-lingual Transfer for Low-Resource NER with BiLSTMs', {
        authors: ['Ana Exemplo', 'Bo Muster', 'Chidi Placeholder'],
        abstract: 'We study transfer for named entity recognition in twelve low-resource languages. Code: https://github.com/example-org/xner.',
        githubRepos: ['example-org/xner'],
        published: '2023-07',
        pdfUrl: 'https://aclanthology.org/2023.acl-long.1.pdf',
        url: 'https://aclanthology.org/2023.acl-long.1/',
        venue,
      }),
      paper('volume', 'aclanthology:2023.acl-long.2', 'A Single-Author Paper Without an Abstract', {
        authors: ['Dana Solo'],
        published: '2023-07',
        pdfUrl: 'https://aclanthology.org/2023.acl-long.2.pdf',
        url: 'https://aclanthology.org/2023.acl-long.2/',
        venue,
      }),
      paper('volume', 'aclanthology:2023.acl-long.3', 'Do Large Language Models Know What They Don’t Know?', {
        authors: ['Eve Nguyen', 'Farid Haddad'],
        abstract: 'We probe calibration of large models on 5 benchmarks.',
        published: '2023-07',
        pdfUrl: 'https://aclanthology.org/2023.acl-long.3.pdf',
        url: 'https://aclanthology.org/2023.acl-long.3/',
        venue,
      }),
    ]);
  });
});

describe('volume page with a year and no month', () => {
  it('gives the year alone, not a day or month the page does not name', () => {
    const url = 'https://aclanthology.org/volumes/2023.acl-long/';
    const doc = new JSDOM(fixture('volume-2023.acl-long.html'), { url }).window.document;
    // The volume template writes the Month detail empty when the volume has none (hugo/layouts/volumes/single.html).
    const month = [...doc.querySelectorAll('dt')].find((dt) => dt.textContent === 'Month:')!.nextElementSibling!;
    month.textContent = '';
    const ctx = aclanthology.context(doc, new URL(url), NOW);
    expect(ctx.volumeDate).toBe('2023');
    expect(aclanthology.findCards(doc, ctx).map((row) => aclanthology.extract(row, ctx)?.published)).toEqual(['2023', '2023', '2023']);
  });
});

describe('volumes whose old-style ids number the volume with two digits', () => {
  // acl-org/acl-anthology parse_id: before 2020 the volume is the first digit after the hyphen, but the first two in W
  // collections, C69 and the D19 workshop volumes from 5 on (D19-5702 is paper 2 of volume D19-57): front matter is
  // D19-5700 there, not D19-5000.
  const row = (id: string, title: string, author: string) => `<div class="d-sm-flex align-items-stretch mb-3"><div class="d-block me-2 list-button-row"><span class="d-inline d-sm-block text-nowrap"><a class="badge text-bg-primary align-middle me-1" href=https://aclanthology.org/${id}.pdf>pdf</a><a class="badge text-bg-secondary align-middle me-1" href=/${id}.bib>bib</a></span></div><span class=d-block><strong><a class=align-middle href=/${id}/>${title}</a></strong><br><a href=/people/${author.toLowerCase().replace(' ', '-')}/>${author}</a></span></div>`;

  it.each([
    ['D19-57', 'D19-5700', 'D19-5701'],
    ['D19-62', 'D19-6200', 'D19-6201'],
    ['C69-12', 'C69-1200', 'C69-1201'],
  ])('skips the front matter row of %s', (volume, frontMatter, first) => {
    const url = `https://aclanthology.org/volumes/${volume}/`;
    const html = `<section id=main><h2 id=title>Proceedings of a Workshop</h2><div>
      ${row(frontMatter, 'Proceedings of a Workshop', 'Ed Itor')}${row(first, 'A Paper in the Workshop', 'Ann Author')}</div></section>`;
    const doc = new JSDOM(html, { url }).window.document;
    const ctx = aclanthology.context(doc, new URL(url), NOW);
    const cards = aclanthology.findCards(doc, ctx);
    expect(cards.map((card) => aclanthology.extract(card, ctx)?.id)).toEqual([`aclanthology:${first}`]);
  });
});

describe('event page (constructed)', () => {
  const { papers } = load('event-acl-2023.html', 'https://aclanthology.org/events/acl-2023/');
  it('takes each row’s venue from its volume block and skips front matter', () => {
    expect(papers.map((p) => [p?.id, p?.venue, p?.published])).toEqual([
      ['aclanthology:2023.acl-long.1', 'Proceedings of the 61st Annual Meeting of the Association for Computational Linguistics (Volume 1: Long Papers)', null],
      ['aclanthology:2023.acl-short.1', 'Proceedings of the 61st Annual Meeting of the Association for Computational Linguistics (Volume 2: Short Papers)', null],
    ]);
    expect(papers[0]?.abstract).toBe('We study transfer for named entity recognition in twelve low-resource languages.');
    expect(papers[1]?.authors).toEqual(['Gil Short']);
  });
});

describe('paper page (constructed)', () => {
  const url = 'https://aclanthology.org/2023.acl-long.1/';
  const { papers, cards } = load('paper-2023.acl-long.1.html', url);

  it('reads one card from citation meta and the body; the ACL DOI names the same paper as its rows, not the arXiv link in the abstract', () => {
    expect(papers).toEqual([
      paper('paper', 'aclanthology:2023.acl-long.1', 'Cross-lingual Transfer for Low-Resource NER with BiLSTMs', {
        authors: ['Ana Exemplo', 'Bo Muster', 'Chidi Placeholder'],
        abstract:
          'We study transfer for named entity recognition in twelve low-resource languages. Code: https://github.com/example-org/xner. Compare BERT.',
        githubRepos: ['example-org/xner'],
        published: '2023-07',
        pdfUrl: 'https://aclanthology.org/2023.acl-long.1.pdf',
        url,
        venue: 'Proceedings of the 61st Annual Meeting of the Association for Computational Linguistics (Volume 1: Long Papers)',
      }),
    ]);
  });

  it('is the same paper as its volume row (saved on one page kind, saved on the other)', () => {
    const volume = load('volume-2023.acl-long.html', 'https://aclanthology.org/volumes/2023.acl-long/');
    expect(papers[0]?.id).toBe(volume.papers[0]?.id);
  });

  it('mounts after the h2 title, outside its PDF link', () => {
    const { parent, before } = aclanthology.mountPoint(cards[0]!);
    expect(parent.closest('a')).toBeNull();
    expect(before?.previousSibling).toBe(cards[0]!.querySelector('h2#title'));
  });

  it('falls back to the body when the meta tags are missing', () => {
    const doc = new JSDOM(fixture('paper-2023.acl-long.1.html'), { url }).window.document;
    doc.querySelectorAll('meta[name^="citation_"]').forEach((m) => m.remove());
    const ctx = aclanthology.context(doc, new URL(url), NOW);
    const [card] = aclanthology.findCards(doc, ctx);
    expect(aclanthology.extract(card!, ctx)).toEqual(papers[0]);
  });
});

describe('empty and malformed pages', () => {
  it('an author page without papers has no cards; a paper URL without title has none either', () => {
    expect(load('empty.html', 'https://aclanthology.org/people/nobody-at-all/').papers).toEqual([]);
    expect(load('empty.html', 'https://aclanthology.org/2023.acl-long.1/').papers).toEqual([]);
  });

  it('keeps only the good rows and does not throw', () => {
    const url = 'https://aclanthology.org/people/x-y/unverified/';
    const doc = new JSDOM(fixture('malformed.html'), { url }).window.document;
    const errors: unknown[] = [];
    const { papers } = extractPage(aclanthology, doc, new URL(url), NOW, (e) => errors.push(e));
    expect(errors).toEqual([]);
    expect(papers).toEqual([
      // Every row sits under the page's "2024" heading.
      paper('author', 'aclanthology:P19-1001', 'Minimal Row', { abstract: 'Sibling abstract.', published: '2024', url: 'https://aclanthology.org/P19-1001/' }),
      paper('author', 'arxiv:2401.12345', 'Linked Elsewhere', {
        authors: ['X Y'],
        pdfUrl: 'https://arxiv.org/pdf/2401.12345',
        published: '2024',
        url: 'https://aclanthology.org/2024.x-1.4/',
        doi: '10.18653/v1/2024.x-1.4', // the row's DOI, kept beside the arXiv id that names the paper
        aliases: ['aclanthology:2024.x-1.4'], // that DOI's id and the anthology's own: one alias
      }),
      // A workshop id's own DOI is not one the id implies (hasAclDoi), so it is kept for exports.
      paper('author', 'aclanthology:2024.x-1.5', 'With a DOI', { published: '2024', url: 'https://aclanthology.org/2024.x-1.5/', doi: '10.18653/v1/2024.x-1.5' }),
    ]);
  });

  it('extract returns null for a card without id or title', () => {
    const doc = new JSDOM('<div class="d-sm-flex align-items-stretch"><strong><a href="/faq/">x</a></strong></div>').window.document;
    const ctx = aclanthology.context(doc, new URL('https://aclanthology.org/events/acl-2023/'), NOW);
    expect(aclanthology.extract(doc.querySelector('div')!, ctx)).toBeNull();
  });
});
