// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { emptyPaper, type Paper } from '../core/paper';
import { extractPage } from './index';
import { pmlr } from './pmlr';

const NOW = new Date('2026-07-02T12:00:00Z');
const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../../test/fixtures/pmlr', name), 'utf8');

function load(name: string, url: string) {
  const doc = new JSDOM(fixture(name), { url }).window.document;
  const ctx = pmlr.context(doc, new URL(url), NOW);
  const cards = pmlr.findCards(doc, ctx);
  return { doc, ctx, cards, papers: cards.map((card) => pmlr.extract(card, ctx)) };
}

const paper = (page: string, id: string, title: string, fields: Partial<Paper>): Paper => ({
  ...emptyPaper(id, title, { site: 'pmlr', page }),
  ...fields,
});
const V202 = 'https://proceedings.mlr.press/v202/';
const ICML = 'Proceedings of the 40th International Conference on Machine Learning';
const TITLE1 = 'Sample-Efficient $\\epsilon$-Greedy Exploration in Linear Bandits';

describe('pmlr.pageKind', () => {
  it.each([
    ['https://proceedings.mlr.press/v202/', 'volume'],
    ['https://proceedings.mlr.press/v202', 'volume'],
    ['https://proceedings.mlr.press/r12/', 'volume'],
    ['https://proceedings.mlr.press/v202/exemplo23a.html', 'paper'],
    ['https://proceedings.mlr.press/v80/finn18a.html', 'paper'],
    ['https://proceedings.mlr.press/v202/exemplo23a.html#abstract', 'paper'],
    ['https://proceedings.mlr.press/v202/exemplo23a/exemplo23a.pdf', null],
    ['https://proceedings.mlr.press/v202/assets/bib/bibliography.bib', null],
    ['https://proceedings.mlr.press/', null],
    ['https://proceedings.mlr.press/faq.html', null],
    ['http://proceedings.mlr.press.evil.example/v202/', null],
    ['https://jmlr.org/papers/v24/', null],
  ])('%s → %s', (url, kind) => {
    expect(pmlr.pageKind(new URL(url))).toBe(kind);
  });
});

describe('volume page (constructed)', () => {
  const { papers, cards } = load('volume-v202.html', V202);

  it('reads every field of every paper', () => {
    expect(cards).toHaveLength(3);
    expect(papers).toEqual([
      paper('volume', 'pmlr:v202/exemplo23a', TITLE1, {
        authors: ['Ana Exemplo', 'Bo Muster', 'Chidi Placeholder'],
        pdfUrl: `${V202}exemplo23a/exemplo23a.pdf`,
        url: `${V202}exemplo23a.html`,
        venue: ICML,
      }),
      // An arXiv link gives the id; the PDF is still PMLR's "Download PDF", not the supplement listed first.
      paper('volume', 'arxiv:2302.01234', 'Robust Offline Reinforcement Learning with an arXiv Version', {
        authors: ['Dana Solo'],
        pdfUrl: `${V202}solo23b/solo23b.pdf`,
        url: `${V202}solo23b.html`,
        venue: ICML,
        aliases: ['pmlr:v202/solo23b'], // its PMLR key, the id a dblp entry linking only this page gives
      }),
      // Older template: relative links, "pdf" label, info without the proceedings title.
      paper('volume', 'pmlr:v202/nguyen23c', 'An Entry in the Older Template', {
        authors: ['Eve Nguyen', 'Farid Haddad'],
        pdfUrl: `${V202}nguyen23c/nguyen23c.pdf`,
        url: `${V202}nguyen23c.html`,
      }),
    ]);
  });

  it('mounts right after p.title', () => {
    for (const card of cards) {
      const { parent, before } = pmlr.mountPoint(card);
      expect(parent).toBe(card);
      expect(parent.closest('a')).toBeNull();
      expect(before?.previousSibling).toBe(card.querySelector('p.title'));
    }
  });

  it('extractPage gives the same papers; an added div.paper is a card', () => {
    const doc = new JSDOM(fixture('volume-v202.html'), { url: V202 }).window.document;
    expect(extractPage(pmlr, doc, new URL(V202), NOW)).toEqual({ site: 'pmlr', page: 'volume', papers });
    const card = doc.querySelector('div.paper')!;
    expect(pmlr.findCards(card, pmlr.context(doc, new URL(V202), NOW))).toEqual([card]);
  });
});

describe('paper page (constructed)', () => {
  const url = `${V202}exemplo23a.html`;
  const expected = paper('paper', 'pmlr:v202/exemplo23a', TITLE1, {
    authors: ['Ana Exemplo', 'Bo Muster', 'Chidi Placeholder'],
    abstract:
      'We revisit $\\epsilon$-greedy exploration and show it is sample efficient. See also prior work. Code: https://github.com/example-org/eps-greedy',
    githubRepos: ['example-org/eps-greedy'],
    published: '2023-07-03',
    pdfUrl: `${V202}exemplo23a/exemplo23a.pdf`,
    url,
    venue: ICML,
  });

  it('reads one card from citation meta and the body; the arXiv link in the abstract is not its id', () => {
    const { papers, cards } = load('paper-v202-exemplo23a.html', url);
    expect(papers).toEqual([expected]);
    const { parent, before } = pmlr.mountPoint(cards[0]!);
    expect(before?.previousSibling).toBe(parent.querySelector('h1'));
  });

  it('falls back to the body without meta tags: the year its info line ends in, no venue', () => {
    const doc = new JSDOM(fixture('paper-v202-exemplo23a.html'), { url }).window.document;
    doc.querySelectorAll('meta[name^="citation_"]').forEach((m) => m.remove());
    const { papers } = extractPage(pmlr, doc, new URL(url), NOW);
    expect(papers).toEqual([{ ...expected, published: '2023', venue: null }]);
  });

  it('takes no year from an info line that does not end in one', () => {
    const doc = new JSDOM(fixture('paper-v202-exemplo23a.html'), { url }).window.document;
    doc.querySelectorAll('meta[name^="citation_"]').forEach((m) => m.remove());
    doc.querySelector('#info')!.textContent = 'Proceedings of the 2023 Workshop on Things, PMLR 202:1-2025';
    expect(extractPage(pmlr, doc, new URL(url), NOW).papers[0]?.published).toBeNull();
  });
});

describe('empty and malformed pages', () => {
  it('no papers, no cards', () => {
    expect(load('empty.html', 'https://proceedings.mlr.press/v999/').papers).toEqual([]);
    expect(load('empty.html', 'https://proceedings.mlr.press/v999/x23a.html').papers).toEqual([]);
  });

  it('keeps only the good entries and does not throw', () => {
    const url = 'https://proceedings.mlr.press/v1/';
    const doc = new JSDOM(fixture('malformed.html'), { url }).window.document;
    const errors: unknown[] = [];
    const { papers } = extractPage(pmlr, doc, new URL(url), NOW, (e) => errors.push(e));
    expect(errors).toEqual([]);
    expect(papers).toEqual([paper('volume', 'doi:10.5555/abc', 'Minimal', { url: 'https://proceedings.mlr.press/v1/e.html', aliases: ['pmlr:v1/e'] })]);
  });
});
