// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { emptyPaper, type Paper } from '../core/paper';
import { dblp } from './dblp';
import { extractPage } from './index';

const NOW = new Date('2026-07-02T12:00:00Z');
const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../../test/fixtures/dblp', name), 'utf8');

function load(name: string, url: string) {
  const doc = new JSDOM(fixture(name), { url }).window.document;
  const ctx = dblp.context(doc, new URL(url), NOW);
  const cards = dblp.findCards(doc, ctx);
  return { doc, ctx, cards, papers: cards.map((card) => dblp.extract(card, ctx)) };
}

const paper = (page: string, id: string, title: string, fields: Partial<Paper>): Paper => ({
  ...emptyPaper(id, title, { site: 'dblp', page }),
  ...fields,
});
const rec = (key: string) => `https://dblp.org/rec/${key}.html`;
const NIPS_HASH = '3f5ee243547dee91fbd053c1c4a845aa'; // the 2017 electronic edition, proceedings.neurips.cc/paper/2017/hash/<hash>-Abstract.html
const TRANSFORMER = ['Ashish Vaswani', 'Noam Shazeer', 'Niki Parmar', 'Jakob Uszkoreit', 'Llion Jones', 'Aidan N. Gomez', 'Lukasz Kaiser', 'Illia Polosukhin'];

describe('dblp.pageKind', () => {
  it.each([
    ['https://dblp.org/pid/v/AshishVaswani.html', 'person'],
    ['https://dblp.org/pid/14/2004-1.html', 'person'],
    ['https://dblp.uni-trier.de/pid/v/AshishVaswani.html', 'person'],
    ['https://dblp.org/pers/hd/v/Vaswani:Ashish', 'person'],
    ['https://dblp.org/search?q=attention+is+all', 'search'],
    ['https://dblp.org/search/?q=transformer', 'search'],
    ['https://dblp.org/db/conf/nips/nips2017.html', 'toc'],
    ['https://dblp.org/db/conf/acl/acl2023-1.html', 'toc'],
    ['https://dblp.org/db/journals/corr/corr2401.html', 'toc'],
    ['https://dblp.org/db/journals/tacl/tacl8.html', 'toc'],
    ['https://dblp.org/db/conf/nips/index.html', 'toc'],
    ['https://dblp.org/rec/conf/nips/VaswaniSPUJGKP17.html', 'record'],
    ['https://dblp.org/search?q=', null],
    ['https://dblp.org/search', null],
    ['https://dblp.org/', null],
    ['https://dblp.org/db/conf/', null],
    ['https://dblp.org/faq/', null],
    ['https://dblp.dagstuhl.de/pid/v/AshishVaswani.html', null],
    ['https://example.org/pid/v/AshishVaswani.html', null],
  ])('%s → %s', (url, kind) => {
    expect(dblp.pageKind(new URL(url))).toBe(kind);
  });
});

describe('person page (constructed)', () => {
  const { papers, cards } = load('person-vaswani.html', 'https://dblp.org/pid/v/AshishVaswani.html');

  it('reads every field of every entry, the year as dblp gives it', () => {
    expect(cards).toHaveLength(4);
    expect(papers).toEqual([
      // CoRR key (and its arXiv DOI) name the arXiv paper; homonym number stripped; title whitespace normalised.
      paper('person', 'arxiv:2401.12345', 'An Invented Preprint on Sparse Attention', {
        authors: ['Ashish Vaswani', 'Wei Wang'],
        published: '2024',
        pdfUrl: 'https://arxiv.org/pdf/2401.12345',
        url: rec('journals/corr/abs-2401-12345'),
        aliases: ['dblp:journals/corr/abs-2401-12345'], // what a build before arXiv ids from CoRR keys stored
        venue: 'CoRR',
      }),
      paper('person', 'doi:10.1162/tacl_a_99999', 'A Journal Article with a DOI', {
        authors: ['Jeanne Exemple', 'Ashish Vaswani'],
        published: '2020',
        url: rec('journals/tacl/ExempleV20'),
        aliases: ['dblp:journals/tacl/ExempleV20'],
        venue: 'Trans. Assoc. Comput. Linguistics',
      }),
      // No DOI or arXiv link: the NeurIPS page it links names it, as on that page.
      paper('person', `neurips:2017/${NIPS_HASH}`, 'Attention is All you Need', {
        authors: TRANSFORMER,
        published: '2017', // "2017": the year alone, all dblp gives
        url: rec('conf/nips/VaswaniSPUJGKP17'),
        aliases: ['dblp:conf/nips/VaswaniSPUJGKP17'], // its id before venue ids
        venue: 'NIPS',
      }),
      // Old CoRR key without abs-: the arxiv.org ee link gives the id.
      paper('person', 'arxiv:1706.03762', 'Attention Is All You Need', {
        authors: ['Ashish Vaswani', 'Noam Shazeer'],
        published: '2017',
        pdfUrl: 'https://arxiv.org/pdf/1706.03762',
        url: rec('journals/corr/VaswaniSPUJGKP17'),
        aliases: ['dblp:journals/corr/VaswaniSPUJGKP17'],
        venue: 'CoRR',
      }),
    ]);
  });

  it('mounts right after span.title, inside cite and outside any link', () => {
    for (const card of cards) {
      const { parent, before } = dblp.mountPoint(card);
      expect(parent.matches('cite.data')).toBe(true);
      expect(parent.closest('a')).toBeNull();
      expect(before?.previousSibling).toBe(card.querySelector('span.title'));
    }
  });

  it('extractPage gives the same papers, and a single added entry is a card', () => {
    const url = 'https://dblp.org/pid/v/AshishVaswani.html';
    const doc = new JSDOM(fixture('person-vaswani.html'), { url }).window.document;
    expect(extractPage(dblp, doc, new URL(url), NOW)).toEqual({ site: 'dblp', page: 'person', papers });
    const entry = doc.querySelector('li.entry')!;
    expect(dblp.findCards(entry, dblp.context(doc, new URL(url), NOW))).toEqual([entry]);
  });
});

describe('person page whose entries link venue pages (constructed)', () => {
  const { papers } = load('person-venues.html', 'https://dblp.org/pid/00/1234.html');
  const H2023 = '0a1b2c3d4e5f60718293a4b5c6d7e8f9';

  it('names a paper without arXiv id or DOI by the venue page its electronic edition is', () => {
    expect(papers.map((p) => p?.id)).toEqual([
      'cvf:Okafor_Open-Vocabulary_Segmentation_at_Scale_CVPR_2024', // html and PDF: one paper
      'doi:10.1109/cvpr52733.2024.01876', // the IEEE DOI first, its CVF page an alias
      'openreview:Xk9pQ2vN7a',
      'pmlr:v202/exemplo23a',
      'pmlr:v202/solo23b', // OpenReview first, PMLR second: the proceedings' page names it
      `neurips:2023/${H2023}`, // papers.nips.cc is proceedings.neurips.cc
      'aclanthology:W19-4201', // aclweb.org, before the anthology moved
      'dblp:conf/nips/Exemple17', // /paper/7181-…: a number no NeurIPS page gives now, so dblp's key
    ]);
  });

  it('keeps the rest of the entry as before', () => {
    expect(papers[3]).toEqual(
      paper('person', 'pmlr:v202/exemplo23a', 'Sample-Efficient epsilon-Greedy Exploration in Linear Bandits', {
        authors: ['Jeanne Exemple'],
        published: '2023',
        url: rec('conf/icml/Exemplo23'),
        venue: 'ICML',
        aliases: ['dblp:conf/icml/Exemplo23'],
      }),
    );
  });

  it("gives each paper the ids it has elsewhere: the venue's beside a DOI, and dblp's key older builds stored it by", () => {
    expect(papers.map((p) => [p?.id, p?.aliases])).toEqual([
      ['cvf:Okafor_Open-Vocabulary_Segmentation_at_Scale_CVPR_2024', ['dblp:conf/cvpr/OkaforE24']],
      // On the CVF page this paper is cvf:…, and saved from here it shows as saved there.
      ['doi:10.1109/cvpr52733.2024.01876', ['cvf:Reyes_Panoptic_Lifting_for_Open-World_Scenes_CVPR_2024', 'dblp:conf/cvpr/ReyesE24']],
      ['openreview:Xk9pQ2vN7a', ['dblp:conf/iclr/LindqvistE24']],
      ['pmlr:v202/exemplo23a', ['dblp:conf/icml/Exemplo23']],
      // Its OpenReview forum too: on that page it is openreview:…
      ['pmlr:v202/solo23b', ['dblp:conf/icml/ExempleS23', 'openreview:AbC123dEf4']],
      [`neurips:2023/${H2023}`, ['dblp:conf/nips/ExempleW23']],
      ['aclanthology:W19-4201', ['dblp:conf/sigmorphon/MadsackE19']],
      ['dblp:conf/nips/Exemple17', []],
    ]);
    expect(papers[1]).toEqual(
      paper('person', 'doi:10.1109/cvpr52733.2024.01876', 'Panoptic Lifting for Open-World Scenes', {
        authors: ['Camila Reyes', 'Jeanne Exemple'],
        published: '2024',
        url: rec('conf/cvpr/ReyesE24'),
        venue: 'CVPR',
        aliases: ['cvf:Reyes_Panoptic_Lifting_for_Open-World_Scenes_CVPR_2024', 'dblp:conf/cvpr/ReyesE24'],
      }),
    );
  });
});

describe('TOC page (constructed)', () => {
  const { papers, ctx } = load('toc-nips2017.html', 'https://dblp.org/db/conf/nips/nips2017.html');
  it('skips the proceedings (editor) entry; venue falls back to the page heading', () => {
    expect(ctx.tocTitle).toBe('31st NIPS 2017: Long Beach, CA, USA');
    expect(papers).toEqual([
      paper('toc', `neurips:2017/${NIPS_HASH}`, 'Attention is All you Need', {
        authors: ['Ashish Vaswani', 'Noam Shazeer'],
        url: rec('conf/nips/VaswaniSPUJGKP17'),
        aliases: ['dblp:conf/nips/VaswaniSPUJGKP17'],
        venue: 'NIPS',
      }),
      paper('toc', 'dblp:conf/nips/WangExample17', 'Is Attention Interpretable?', {
        authors: ['Wei Wang'],
        url: rec('conf/nips/WangExample17'),
        venue: '31st NIPS 2017: Long Beach, CA, USA',
      }),
    ]);
  });
});

describe('search page (constructed)', () => {
  const { papers } = load('search-attention.html', 'https://dblp.org/search?q=attention+is+all');
  it('reads highlighted titles, a year and a full date', () => {
    expect(papers.map((p) => [p?.id, p?.title, p?.published, p?.venue])).toEqual([
      ['arxiv:1706.03762', 'Attention Is All You Need', '2017', 'CoRR'],
      [`neurips:2017/${NIPS_HASH}`, 'Attention is All you Need', '2017-12-04', 'NIPS'],
    ]);
  });
});

describe('empty and malformed pages', () => {
  it('no entries, no cards', () => {
    expect(load('empty.html', 'https://dblp.org/pid/00/0000.html').papers).toEqual([]);
    expect(load('empty.html', 'https://dblp.org/search?q=zzzz').papers).toEqual([]);
  });

  it('keeps only the good entries and does not throw', () => {
    const url = 'https://dblp.org/db/journals/x/x1.html';
    const doc = new JSDOM(fixture('malformed.html'), { url }).window.document;
    const errors: unknown[] = [];
    const { papers } = extractPage(dblp, doc, new URL(url), NOW, (e) => errors.push(e));
    expect(errors).toEqual([]);
    expect(papers).toEqual([
      paper('toc', 'dblp:conf/x/Old09', 'Old Layout Entry', { authors: ['Old Style'], url: rec('conf/x/Old09') }), // "n/a": no date
      paper('toc', 'doi:10.1000/abc.1', 'Dated Entry', { published: '2021-03-05', url: rec('journals/x/Dated'), aliases: ['dblp:journals/x/Dated'] }),
      paper('toc', 'dblp:journals/corr/abs-2613-00001', 'Bad CoRR Id', { url: rec('journals/corr/abs-2613-00001') }),
    ]);
  });

  it('extract returns null for an entry without key or title', () => {
    const doc = new JSDOM('<li class="entry"><cite class="data"><span class="title">T.</span></cite></li>').window.document;
    const ctx = dblp.context(doc, new URL('https://dblp.org/search?q=t'), NOW);
    expect(dblp.extract(doc.querySelector('li')!, ctx)).toBeNull();
  });
});
