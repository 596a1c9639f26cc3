// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import type { Paper } from '../core/paper';
import { venueIdFromUrl } from '../core/venues';
import { cvf } from './cvf';
import { extractPage } from './index';

const NOW = new Date('2026-09-12T10:00:00Z');
const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../../test/fixtures/cvf', name), 'utf8');

function load(name: string, url: string, edit?: (doc: Document) => void) {
  const doc = new JSDOM(fixture(name), { url }).window.document;
  edit?.(doc);
  const ctx = cvf.context(doc, new URL(url), NOW);
  const cards = cvf.findCards(doc, ctx);
  const errors: unknown[] = [];
  const { papers } = extractPage(cvf, doc, new URL(url), NOW, (e) => errors.push(e));
  return { doc, ctx, cards, papers, errors };
}

const O = 'https://openaccess.thecvf.com';
const LIST_URL = `${O}/CVPR2024?day=2024-06-19`;
const OKAFOR = 'Okafor_Open-Vocabulary_Segmentation_at_Scale_CVPR_2024';
const PAPER_URL = `${O}/content/CVPR2024/html/${OKAFOR}_paper.html`;
const LIND = 'Lind_Self-Supervised_Depth_From_Rolling_Shutter_ICCV_2019';
const OLD_URL = `${O}/content_ICCV_2019/html/${LIND}_paper.html`;
const html = (dir: string, name: string) => `${O}/${dir}/html/${name}_paper.html`;
const pdf = (dir: string, name: string) => `${O}/${dir}/papers/${name}_paper.pdf`;

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
  source: { site: 'cvf', page },
});

describe('cvf.pageKind', () => {
  it.each([
    [LIST_URL, 'list'],
    [`${O}/CVPR2024?day=all`, 'list'],
    [`${O}/CVPR2024`, 'list'],
    [`${O}/ICCV2023`, 'list'],
    [`${O}/WACV2024`, 'list'],
    [`${O}/CVPR2019.py?day=2019-06-18`, 'list'],
    [`${O}/CVPR2024_workshops/MULA`, 'list'],
    [`${O}/CVPR2024_workshops/menu`, null],
    [PAPER_URL, 'paper'],
    [OLD_URL, 'paper'],
    [`${O}/content_cvpr_2018/html/Chen_Encoder-Decoder_CVPR_2018_paper.html`, 'paper'],
    [`${O}/content/CVPR2024W/MULA/html/Kim_Audio_Visual_CVPRW_2024_paper.html`, 'paper'],
    [`${O}/content_CVPRW_2019/html/BioFCV/Ng_Iris_CVPRW_2019_paper.html`, 'paper'],
    [`${O}/content_cvpr_2018_workshops/w4/html/Zhou_D-LinkNet_LinkNet_With_CVPR_2018_paper.html`, 'paper'],
    [`${O}/content_ICCV_2017_workshops/w13/html/Shi_Spectral_ICCV_2017_paper.html`, 'paper'],
    [`${O}/content_cvpr_2018_workshops/papers/w4/Zhou_D-LinkNet_LinkNet_With_CVPR_2018_paper.pdf`, null],
    [`${O}/content/CVPR2024/papers/${OKAFOR}_paper.pdf`, null],
    [`${O}/content/CVPR2024/supplemental/${OKAFOR}_supplemental.pdf`, null],
    [`${O}/menu`, null],
    [`${O}/`, null],
    ['https://cvpr.thecvf.com/Conferences/2024', null],
    ['http://openaccess.thecvf.com.evil.example/CVPR2024', null],
  ])('%s → %s', (url, kind) => {
    expect(cvf.pageKind(new URL(url))).toBe(kind);
  });

  it('declares the one host', () => {
    expect(cvf.id).toBe('cvf');
    expect(cvf.matches).toEqual(['https://openaccess.thecvf.com/*']);
  });
});

describe('CVPR 2024 day listing', () => {
  const { cards, papers, errors } = load('list-cvpr2024-day.html', LIST_URL);

  it('reads the three dt.ptitle cards exactly (authors in input order, arXiv ids, pdf; supp ignored; the year the address names)', () => {
    expect(errors).toEqual([]);
    expect(cards).toHaveLength(3);
    expect(cards.every((c) => c.matches('dt.ptitle'))).toBe(true);
    const moreau = 'Moreau_Neural_Radiance_Caching_for_Dynamic_Scenes_CVPR_2024';
    const sato = 'Sato_Event_Cameras_Meet_Gaussian_Splatting_CVPR_2024';
    expect(papers).toEqual<Paper[]>([
      {
        ...base('arxiv:2403.01234', 'Neural Radiance Caching for Dynamic Scenes', 'list', html('content/CVPR2024', moreau), 'CVPR 2024'),
        authors: ['Ines Moreau', 'Jun Park', 'Zoë van Dijk'],
        published: '2024', // content/CVPR2024/…
        pdfUrl: pdf('content/CVPR2024', moreau),
        aliases: [`cvf:${moreau}`], // the id a dblp or Scholar entry linking only this page gives it
      },
      {
        ...base(`cvf:${OKAFOR}`, 'Open-Vocabulary Segmentation at Scale', 'list', PAPER_URL, 'CVPR 2024'),
        authors: ['Chinedu Okafor'],
        published: '2024',
        pdfUrl: pdf('content/CVPR2024', OKAFOR),
      },
      {
        ...base('arxiv:2312.09876', 'Event Cameras Meet Gaussian Splatting', 'list', html('content/CVPR2024', sato), 'CVPR 2024'),
        authors: ['Haruki Sato', 'Lea Müller'],
        published: '2024',
        pdfUrl: pdf('content/CVPR2024', sato),
        aliases: [`cvf:${sato}`],
      },
    ]);
  });

  it('mounts right after the title link inside the dt', () => {
    for (const dt of cards) {
      const a = dt.querySelector('a')!;
      expect(cvf.mountPoint(dt)).toEqual({ parent: dt, before: a.nextSibling });
    }
  });

  it('finds a card from the dt itself, nothing from a dd', () => {
    const { doc, ctx } = load('list-cvpr2024-day.html', LIST_URL);
    const dt = doc.querySelector('dt.ptitle')!;
    expect(cvf.findCards(dt, ctx)).toEqual([dt]);
    expect(cvf.findCards(dt.nextElementSibling!, ctx)).toEqual([]);
  });
});

describe('paper pages', () => {
  it('reads a 2024 page: citation_* authors, #abstract and its repository, the meta PDF', () => {
    const { cards, papers, errors } = load('paper-cvpr2024.html', PAPER_URL);
    expect(errors).toEqual([]);
    expect(cards).toHaveLength(1);
    expect(cards[0]!.tagName).toBe('DD');
    expect(papers).toEqual<Paper[]>([
      {
        ...base(`cvf:${OKAFOR}`, 'Open-Vocabulary Segmentation at Scale', 'paper', PAPER_URL, 'CVPR 2024'),
        authors: ['Chinedu Okafor', 'Camila Reyes'], // "Okafor, Chinedu" in the meta
        abstract:
          'We segment any concept named in text by distilling a vision-language model into a pixel decoder trained on ' +
          'web-scale pseudo-labels. Code and models are at https://github.com/cokafor/ovseg-scale.',
        published: '2024', // citation_publication_date is "2024": the year, as the page gives it
        githubRepos: ['cokafor/ovseg-scale'],
        pdfUrl: pdf('content/CVPR2024', OKAFOR),
      },
    ]);
    const title = cards[0]!.querySelector('#papertitle')!;
    expect(cvf.mountPoint(cards[0]!)).toEqual({ parent: cards[0], before: title.nextSibling });
  });

  it('reads a pre-2020 page without meta from #papertitle, #authors (before ";"), #abstract and its links', () => {
    const { papers, errors } = load('paper-iccv2019-no-meta.html', `${OLD_URL}#abstract`);
    expect(errors).toEqual([]);
    expect(papers).toEqual<Paper[]>([
      {
        ...base('arxiv:1908.04321', 'Self-Supervised Depth From Rolling Shutter Video', 'paper', OLD_URL, 'ICCV 2019'),
        authors: ['Sara Lind', 'Mateo García-López'],
        abstract: 'Rolling shutter distortions carry depth cues; we learn depth from them without labels.',
        published: '2019', // content_ICCV_2019/…
        pdfUrl: pdf('content_ICCV_2019', LIND),
        aliases: [`cvf:${LIND}`],
      },
    ]);
  });

  it('prefers the date the page states to the year of its address', () => {
    const { papers } = load('paper-cvpr2024.html', PAPER_URL, (doc) =>
      doc.querySelector('meta[name="citation_publication_date"]')!.setAttribute('content', '2023'),
    );
    expect(papers[0]?.published).toBe('2023');
  });

  it("keeps the page's DOI (citation_doi) beside the arXiv id (citation_arxiv_id) that names the paper", () => {
    const { papers } = load('paper-cvpr2024.html', PAPER_URL, (doc) =>
      doc.head.insertAdjacentHTML('beforeend', '<meta name="citation_arxiv_id" content="2403.01234" /><meta name="citation_doi" content="10.1109/CVPR52733.2024.00412" />'),
    );
    expect(papers[0]).toMatchObject({ id: 'arxiv:2403.01234', doi: '10.1109/cvpr52733.2024.00412' });
    // Its other ids: the DOI's (a dblp entry naming only that) and the CVF page's own.
    expect(papers[0]!.aliases).toEqual(['doi:10.1109/cvpr52733.2024.00412', `cvf:${OKAFOR}`]);
    // Without the arXiv id the DOI is the id, and not kept twice.
    const { papers: byDoi } = load('paper-cvpr2024.html', PAPER_URL, (doc) => doc.head.insertAdjacentHTML('beforeend', '<meta name="citation_doi" content="10.1109/CVPR52733.2024.00412" />'));
    expect(byDoi[0]).toMatchObject({ id: 'doi:10.1109/cvpr52733.2024.00412', doi: null });
  });

  it('names workshop papers as such', () => {
    const url = `${O}/content/CVPR2024W/MULA/html/Lind_Self-Supervised_Depth_From_Rolling_Shutter_ICCV_2019_paper.html`;
    const { papers } = load('paper-iccv2019-no-meta.html', url);
    expect(papers[0]?.venue).toBe('CVPR 2024 Workshops');
    expect(papers[0]?.published).toBe('2024');
  });

  it('reads a 2017-2018 workshop page (content_<conf>_<year>_workshops) by the id a dblp or Scholar link to it gives', () => {
    const name = 'Zhou_D-LinkNet_LinkNet_With_CVPR_2018';
    const url = `${O}/content_cvpr_2018_workshops/w4/html/${name}_paper.html`;
    // Without its [arXiv] link, so the page's own id is the one a link names.
    const { papers } = load('paper-iccv2019-no-meta.html', url, (doc) => doc.querySelectorAll('a[href*="arxiv.org/"]').forEach((a) => a.remove()));
    expect(papers[0]).toMatchObject({ id: `cvf:${name}`, url, venue: 'CVPR 2018 Workshops', published: '2018' });
    expect(venueIdFromUrl(`${O}/content_cvpr_2018_workshops/papers/w4/${name}_paper.pdf`)).toBe(papers[0]?.id);
  });
});

describe('damaged and empty pages', () => {
  it('keeps the good cards, with names from the visible links, and never throws', () => {
    const { cards, papers, errors } = load('malformed.html', `${O}/WACV2024`);
    expect(errors).toEqual([]);
    expect(cards).toHaveLength(3); // no-link and /menu dt are not cards; the empty title is dropped by extract
    const novak = 'Novak_Few-Shot_Counting_WACV_2024';
    const last = 'Last_Card_Without_Details_WACV_2024';
    expect(papers).toEqual<Paper[]>([
      {
        ...base(`cvf:${novak}`, 'Few-Shot Counting Without Exemplars', 'list', html('content/WACV2024', novak), 'WACV 2024'),
        authors: ['Julia Novak', 'Arjun Mehta'],
        published: '2024',
      },
      { ...base(`cvf:${last}`, 'Last Card Without Details', 'list', html('content/WACV2024', last), 'WACV 2024'), published: '2024' },
    ]);
  });

  it('yields nothing on the conference landing page', () => {
    const { cards, papers, errors } = load('empty.html', `${O}/CVPR2024`);
    expect([cards, papers, errors]).toEqual([[], [], []]);
  });

  it('yields nothing on a paper page without #papertitle', () => {
    const { cards, papers } = load('paper-cvpr2024.html', PAPER_URL, (doc) => doc.querySelector('#papertitle')!.remove());
    expect([cards, papers]).toEqual([[], []]);
  });
});
