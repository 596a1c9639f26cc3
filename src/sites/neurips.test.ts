// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import type { Paper } from '../core/paper';
import { extractPage } from './index';
import { neurips } from './neurips';

const NOW = new Date('2026-09-12T10:00:00Z');
const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../../test/fixtures/neurips', name), 'utf8');

function load(name: string, url: string, edit?: (doc: Document) => void) {
  const doc = new JSDOM(fixture(name), { url }).window.document;
  edit?.(doc);
  const ctx = neurips.context(doc, new URL(url), NOW);
  const cards = neurips.findCards(doc, ctx);
  const errors: unknown[] = [];
  const { papers } = extractPage(neurips, doc, new URL(url), NOW, (e) => errors.push(e));
  return { doc, ctx, cards, papers, errors };
}

const P = 'https://proceedings.neurips.cc/paper_files/paper';
const N = 'https://papers.nips.cc/paper_files/paper';
const H2023 = '0a1b2c3d4e5f60718293a4b5c6d7e8f9';
const H2025 = '00112233445566778899aabbccddeeff';
const PAPER_2023 = `${P}/2023/hash/${H2023}-Abstract-Conference.html`;
const PAPER_2025 = `${N}/2025/hash/${H2025}-Abstract-Datasets_and_Benchmarks_Track.html`;

const base = (id: string, title: string, page: string, url: string, venue: string): Paper => ({
  id,
  title,
  authors: [],
  authorCount: null,
  abstract: null,
  published: null,
  upvotes: null,
  githubRepos: [],
  githubStars: null,
  projectUrl: null,
  pdfUrl: null,
  url,
  venue,
  categories: [],
  version: null,
  doi: null,
  aliases: [],
  source: { site: 'neurips', page },
});

describe('neurips.pageKind', () => {
  it.each([
    [`${P}/2023`, 'list'],
    [`${P}/2023/`, 'list'],
    [`${N}/2019`, 'list'],
    [PAPER_2023, 'paper'],
    [PAPER_2025, 'paper'],
    [`${P}/2023/hash/1234567890abcdef1234567890abcdef-Abstract-Datasets_and_Benchmarks.html`, 'paper'],
    [`${N}/2021/hash/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-Abstract.html`, 'paper'],
    [`${P}/2023/file/${H2023}-Paper-Conference.pdf`, null], // the PDF itself
    [`${P}/2023/file/${H2023}-Bibtex-Conference.bib`, null],
    [`${P}/2023/hash/not-a-hash-Abstract-Conference.html`, null],
    [`${P}`, null],
    ['https://proceedings.neurips.cc/paper/2019/hash/d0921d442ee91b896ad95059d13df618-Abstract.html', null], // old scheme, not matched
    ['https://proceedings.neurips.cc/papers/search?q=diffusion', null],
    ['https://neurips.cc/virtual/2023/poster/70001', null],
    [`https://proceedings.neurips.cc.evil.example/paper_files/paper/2023`, null],
    ['https://arxiv.org/abs/2106.01234', null],
  ])('%s → %s', (url, kind) => {
    expect(neurips.pageKind(new URL(url))).toBe(kind);
  });

  it('declares both hosts', () => {
    expect(neurips.id).toBe('neurips');
    expect(neurips.matches).toEqual([`${P}/*`, `${N}/*`]);
  });
});

describe('year page 2023', () => {
  const { cards, papers, errors } = load('year-2023.html', `${P}/2023`);
  const card = (hash: string, track: string, title: string, authors: string[]): Paper => ({
    ...base(`neurips:2023/${hash}`, title, 'list', `${P}/2023/hash/${hash}-Abstract${track}.html`, 'NeurIPS 2023'),
    authors,
    published: '2023', // the proceedings' year its address names
    pdfUrl: `${P}/2023/file/${hash}-Paper${track}.pdf`,
  });

  it('reads all four li cards exactly (main and datasets track, TeX title, empty author list)', () => {
    expect(errors).toEqual([]);
    expect(cards).toHaveLength(4);
    expect(cards.every((c) => c.tagName === 'LI')).toBe(true);
    expect(papers).toEqual<Paper[]>([
      card(H2023, '-Conference', 'Provably Efficient Exploration with Linear Function Approximation', [
        'Hannah Becker',
        'Rui Zhang',
        'Daniel K. Osei',
      ]),
      card('ffeeddccbbaa99887766554433221100', '-Conference', 'On the Spectral Bias of Graph Neural Networks', [
        'Maria José Ferreira',
      ]),
      card(
        '1234567890abcdef1234567890abcdef',
        '-Datasets_and_Benchmarks',
        'CityWalk-1M: A Dataset of Egocentric Urban Navigation',
        ['Yuki Tanaka', 'Amara Nwosu', 'Lukas Brandt', 'Sara Lind'],
      ),
      card('abcdefabcdefabcdefabcdefabcdef01', '-Conference', 'Scaling Laws for Sparse $k$-Means Autoencoders', []),
    ]);
  });

  it('mounts right after the title link, not inside it', () => {
    for (const c of cards) {
      const link = c.querySelector('a[href*="/hash/"]')!;
      expect(neurips.mountPoint(c)).toEqual({ parent: c, before: link.nextSibling });
    }
  });

  it('finds a card from the li itself (any subtree)', () => {
    const { doc, ctx } = load('year-2023.html', `${P}/2023`);
    const li = doc.querySelector('ul.paper-list > li')!;
    expect(neurips.findCards(li, ctx)).toEqual([li]);
    expect(neurips.findCards(doc.querySelector('nav')!, ctx)).toEqual([]);
  });
});

describe('year page 2025 (div.paper-content, span.paper-authors, a track badge)', () => {
  const { cards, papers, errors } = load('year-2025.html', `${P}/2025`);
  const card = (hash: string, track: string, title: string, authors: string[]): Paper => ({
    ...base(`neurips:2025/${hash}`, title, 'list', `${P}/2025/hash/${hash}-Abstract${track}.html`, 'NeurIPS 2025'),
    authors,
    published: '2025',
    pdfUrl: `${P}/2025/file/${hash}-Paper${track}.pdf`,
  });

  it('reads each card\'s authors from span.paper-authors, not the track badge', () => {
    expect(errors).toEqual([]);
    expect(cards).toHaveLength(2);
    expect(papers).toEqual<Paper[]>([
      card('00112233445566778899aabbccddee01', '-Conference', 'Sparse Mixtures of Experts for Streaming Speech Recognition', [
        'Ingrid Solberg',
        'Tomás Ortega',
        'Wen-Li Chao',
      ]),
      card('00112233445566778899aabbccddee02', '-Datasets_and_Benchmarks_Track', 'RiverBench: A Benchmark for Hydrological Forecasting', [
        'Kofi Mensah',
      ]),
    ]);
  });

  it('mounts right after the title link, in div.paper-content', () => {
    for (const c of cards) {
      const link = c.querySelector('a[href*="/hash/"]')!;
      expect(neurips.mountPoint(c)).toEqual({ parent: link.parentElement, before: link.nextSibling });
    }
  });
});

describe('paper page, 2023 layout', () => {
  it('reads citation_* meta, the abstract after the "Abstract" heading and its repository', () => {
    const { cards, papers, errors } = load('paper-2023-layout.html', PAPER_2023);
    expect(errors).toEqual([]);
    expect(cards).toHaveLength(1);
    expect(papers).toEqual<Paper[]>([
      {
        ...base(`neurips:2023/${H2023}`, 'Provably Efficient Exploration with Linear Function Approximation', 'paper', PAPER_2023, 'NeurIPS 2023'),
        authors: ['Hannah Becker', 'Rui Zhang', 'Daniel K. Osei'], // "Becker, Hannah" in the meta
        abstract:
          'We give an exploration algorithm for linear MDPs whose regret is optimal up to logarithmic factors. ' +
          'Our code is released at: \\url{https://github.com/hbecker/lin-explore}.',
        published: '2023', // citation_publication_date is "2023": the year, as the page gives it
        githubRepos: ['hbecker/lin-explore'],
        pdfUrl: `${P}/2023/file/${H2023}-Paper-Conference.pdf`,
      },
    ]);
  });

  it('mounts after the h4 title, and falls back to the page when the meta is gone', () => {
    const { cards, papers } = load('paper-2023-layout.html', `${PAPER_2023}#abstract`, (doc) =>
      doc.querySelectorAll('meta[name^="citation_"]').forEach((m) => m.remove()),
    );
    const h4 = cards[0]!.querySelector('h4')!;
    expect(h4.textContent).toBe('Provably Efficient Exploration with Linear Function Approximation');
    expect(neurips.mountPoint(cards[0]!)).toEqual({ parent: cards[0], before: h4.nextSibling });
    expect(papers[0]).toMatchObject({
      title: 'Provably Efficient Exploration with Linear Function Approximation',
      authors: ['Hannah Becker', 'Rui Zhang', 'Daniel K. Osei'], // p > i
      published: '2023', // the year in its address
      pdfUrl: `${P}/2023/file/${H2023}-Paper-Conference.pdf`, // derived from the URL
      url: PAPER_2023,
    });
  });
});

describe('paper page, assumed 2026 layout (div.paper-section)', () => {
  const expected: Paper = {
    ...base('doi:10.52202/079017-1234', 'OpenProof: A Benchmark of Formal Proofs for Language Models', 'paper', PAPER_2025, 'NeurIPS 2025'),
    authors: ['Anna Kowalski', 'Kwame Mensah'],
    abstract:
      'OpenProof collects 12,000 machine-checked proofs with informal statements. Data and code: https://github.com/openproof/openproof-bench.',
    published: '2025-12-02',
    githubRepos: ['openproof/openproof-bench'],
    pdfUrl: `${N}/2025/file/${H2025}-Paper-Datasets_and_Benchmarks_Track.pdf`,
    aliases: [`neurips:2025/${H2025}`], // the page's own id, which a dblp entry linking it gives
  };

  it('reads the DOI, the full date and the abstract exactly', () => {
    const { papers, errors } = load('paper-2026-layout.html', PAPER_2025);
    expect(errors).toEqual([]);
    expect(papers).toEqual([expected]);
  });

  it('prefers the date the page states to the year of its address', () => {
    const { papers } = load('paper-2026-layout.html', PAPER_2025, (doc) => {
      doc.querySelector('meta[name="citation_publication_date"]')!.setAttribute('content', '2026');
    });
    expect(papers[0]?.published).toBe('2026');
  });

  it('reads the abstract through Zotero\'s selector when the heading is not an h4', () => {
    const { papers } = load('paper-2026-layout.html', PAPER_2025, (doc) => {
      const h4 = [...doc.querySelectorAll('h4')].find((h) => h.textContent === 'Abstract')!;
      const h3 = doc.createElement('h3');
      h3.textContent = 'Abstract';
      h4.replaceWith(h3);
    });
    expect(papers).toEqual([expected]);
  });
});

describe('damaged and empty year pages', () => {
  it('keeps the good cards, with plain-text authors and an arXiv link, and never throws', () => {
    const url = `${N}/2021`;
    const { cards, papers, errors } = load('malformed.html', url);
    expect(errors).toEqual([]);
    expect(cards).toHaveLength(4); // the no-hash card and the year link are not cards; the empty title is dropped later
    const card = (hash: string, title: string, authors: string[], id = `neurips:2021/${hash}`): Paper => ({
      ...base(id, title, 'list', `${N}/2021/hash/${hash}-Abstract.html`, 'NeurIPS 2021'),
      authors,
      published: '2021',
      pdfUrl: `${N}/2021/file/${hash}-Paper.pdf`,
    });
    expect(papers).toEqual<Paper[]>([
      card('a'.repeat(32), 'Learning to Route in Sparse Networks', ['Omar Haddad', 'Julia Novak']),
      card('b'.repeat(32), 'Plain Text Authors', ['Wen Li', 'Pablo Ruiz']),
      { ...card('d'.repeat(32), 'Linked to arXiv', ['Ken Ito'], 'arxiv:2106.01234'), aliases: [`neurips:2021/${'d'.repeat(32)}`] },
    ]);
  });

  it('yields nothing for a year without papers', () => {
    const { cards, papers, errors } = load('empty.html', `${P}/2026`);
    expect([cards, papers, errors]).toEqual([[], [], []]);
  });
});
