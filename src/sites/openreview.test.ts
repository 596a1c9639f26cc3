// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import type { Paper } from '../core/paper';
import { extractPage } from './index';
import { openreview } from './openreview';

const NOW = new Date('2026-09-12T10:00:00Z');
const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../../test/fixtures/openreview', name), 'utf8');

function load(name: string, url: string) {
  const doc = new JSDOM(fixture(name), { url }).window.document;
  const ctx = openreview.context(doc, new URL(url), NOW);
  const cards = openreview.findCards(doc, ctx);
  const errors: unknown[] = [];
  const { papers } = extractPage(openreview, doc, new URL(url), NOW, (e) => errors.push(e));
  return { doc, ctx, cards, papers, errors };
}

const GROUP_URL = 'https://openreview.net/group?id=ICLR.cc/2024/Conference';
const FORUM_URL = 'https://openreview.net/forum?id=Xk9pQ2vN7a';
const SEARCH_URL = 'https://openreview.net/search?term=diffusion&group=all&content=all&source=all';
const base = (id: string, title: string, page: string): Paper => ({
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
  url: null,
  venue: null,
  categories: [],
  version: null,
  doi: null,
  aliases: [],
  source: { site: 'openreview', page },
});
const ABSTRACT =
  'We route each token to a few of many small recurrent experts and show that the resulting model scales linearly ' +
  'with context length while matching attention baselines on retrieval tasks. Code: https://github.com/mlindqvist/sparse-rex.';
const KEYWORDS = ['mixture of experts', 'recurrent networks', 'long context'];

describe('openreview.pageKind', () => {
  it.each([
    [FORUM_URL, 'forum'],
    ['https://openreview.net/forum?id=2dnO3LLiJ1&referrer=%5Bthe%20profile%5D', 'forum'],
    ['https://openreview.net/forum?id=Xk9pQ2vN7a&noteId=rV1eW2xY3z', 'forum'],
    ['https://openreview.net/forum?id=Xk9pQ2vN7a#discussion', 'forum'],
    ['https://openreview.net/forum?id=ICLR.cc/2024/Conference', null], // a venue's own forum, not a paper
    ['https://openreview.net/forum', null],
    ['https://openreview.net/forum?noteId=rV1eW2xY3z', null], // the server redirects it to ?id=<forum>
    [GROUP_URL, 'list'],
    ['https://openreview.net/group?id=ICLR.cc/2024/Conference#tab-accept-oral', 'list'],
    ['https://openreview.net/group?id=NeurIPS.cc/2023/Track/Datasets_and_Benchmarks', 'list'],
    ['https://openreview.net/group', null],
    ['https://openreview.net/submissions?venue=ICLR.cc/2025/Conference', 'list'],
    ['https://openreview.net/submissions', null],
    [SEARCH_URL, 'list'],
    ['https://openreview.net/search?term=', 'list'],
    ['https://openreview.net/venue?id=ICLR.cc', null], // lists venues, never papers
    ['https://openreview.net/profile?id=~Mira_Lindqvist1', 'list'], // its Publications: a NoteList
    ['https://openreview.net/profile', null], // the app puts the owner's id in the address (PreferredIdUpdater)
    ['https://openreview.net/profile/edit', null],
    ['https://openreview.net/pdf?id=Xk9pQ2vN7a', null],
    ['https://openreview.net/', null],
    ['https://api2.openreview.net/notes?id=Xk9pQ2vN7a', null],
    ['https://openreview.net.evil.example/forum?id=Xk9pQ2vN7a', null],
    ['https://arxiv.org/abs/2310.04512', null],
  ])('%s → %s', (url, kind) => {
    expect(openreview.pageKind(new URL(url))).toBe(kind);
  });

  it('is registered for the whole site: it navigates in-page (next/link) from pages it does not read to ones it does', () => {
    expect(openreview.id).toBe('openreview');
    expect(openreview.matches).toEqual(['https://openreview.net/*']);
    // What versions before asked for: a grant of them keeps the script on those pages (see syncSiteScripts).
    expect(openreview.formerMatches).toEqual([
      'https://openreview.net/forum*',
      'https://openreview.net/group*',
      'https://openreview.net/submissions*',
      'https://openreview.net/search*',
    ]);
  });
});

describe('venue page (group, two tabs rendered, one loading)', () => {
  const { cards, papers, errors, doc } = load('group-iclr-2024.html', GROUP_URL);

  it('finds the four li cards, not the tab list items or the venue forum link', () => {
    expect(errors).toEqual([]);
    expect(cards).toHaveLength(4);
    expect(cards.every((c) => c.tagName === 'LI' && c.firstElementChild?.matches('div.note'))).toBe(true);
    expect(papers.map((p) => p.id)).toEqual([
      'openreview:Xk9pQ2vN7a',
      'arxiv:2310.04512',
      'doi:10.5555/3666122.3667001',
      'openreview:Lr8ZzW1kP4',
    ]);
  });

  it('reads a card with collapsed details (keywords, abstract with a repository) exactly', () => {
    expect(papers[0]).toEqual<Paper>({
      ...base('openreview:Xk9pQ2vN7a', 'Sparse Mixtures of Recurrent Experts for Long-Context Modeling', 'list'),
      authors: ['Mira Lindqvist', 'Tomás Ortega', 'Aiko Yamada'],
      abstract: ABSTRACT,
      published: '2024-01-16',
      githubRepos: ['mlindqvist/sparse-rex'],
      pdfUrl: 'https://openreview.net/attachment?id=Xk9pQ2vN7a&name=pdf',
      url: 'https://openreview.net/forum?id=Xk9pQ2vN7a',
      venue: 'ICLR 2024 oral',
      categories: KEYWORDS,
    });
  });

  it('takes the arXiv id from the "Open Website" link and keeps the OpenReview URL', () => {
    expect(papers[1]).toEqual<Paper>({
      ...base('arxiv:2310.04512', 'Calibrated Uncertainty for Diffusion Policies', 'list'),
      authors: ['Nadia Haddad', 'Peter Okafor'],
      published: '2024-01-16',
      pdfUrl: 'https://openreview.net/pdf?id=b7TqLm3Rz0',
      url: 'https://openreview.net/forum?id=b7TqLm3Rz0',
      venue: 'ICLR 2024 oral',
      aliases: ['openreview:b7TqLm3Rz0'], // the forum's id, which a dblp or Scholar entry linking only the forum gives
    });
  });

  it('takes a DOI from the website link, the creation date, a Code field, and skips the private label', () => {
    expect(papers[2]).toEqual<Paper>({
      ...base('doi:10.5555/3666122.3667001', '$\\mathcal{O}(n)$ Attention via Random Features Revisited', 'list'),
      authors: ['Li Wei', 'Sofia Rossi'],
      abstract: 'We revisit random-feature attention and give a variance bound that explains when it matches softmax attention.',
      published: '2023-09-28',
      githubRepos: ['liwei-lab/rf-attention'],
      url: 'https://openreview.net/forum?id=Qw2Er5Ty8U',
      venue: 'ICLR 2024 spotlight',
      categories: ['attention', 'kernel methods', 'random features'],
      aliases: ['openreview:Qw2Er5Ty8U'],
    });
  });

  it('counts authors hidden behind "et al." and keeps a year-only date as the year', () => {
    const paper = papers[3]!;
    expect(paper.authors).toHaveLength(20);
    expect(paper.authors[0]).toBe('Ana Bauer');
    expect(paper.authors[19]).toBe('Tara Vance');
    expect(paper).toEqual<Paper>({
      ...base('openreview:Lr8ZzW1kP4', 'A Benchmark Suite for Embodied Question Answering at Scale', 'list'),
      authors: paper.authors,
      authorCount: 23,
      published: '2023', // shown "2023": a date forumDate shows without month or day
      pdfUrl: 'https://openreview.net/pdf?id=Lr8ZzW1kP4',
      url: 'https://openreview.net/forum?id=Lr8ZzW1kP4',
      venue: 'ICLR 2024 spotlight',
    });
  });

  it('mounts right after the h4 title, outside its links', () => {
    for (const card of cards) {
      const { parent, before } = openreview.mountPoint(card);
      const h4 = card.querySelector('h4')!;
      expect(parent).toBe(card.querySelector('div.note'));
      expect(before).toBe(h4.nextSibling);
      expect(parent.closest('a')).toBeNull();
    }
    expect(doc.querySelectorAll('h4 a[href^="/forum?id="]')).toHaveLength(4);
  });

  it('finds notes the venue page renders later, from the added subtree only', () => {
    const ctx = openreview.context(doc, new URL(GROUP_URL), NOW);
    const pane = doc.querySelector('#tab-accept-poster')!;
    pane.innerHTML = `<ul class="list-unstyled submissions-list">
      <li><div class="note"><h4><a href="/forum?id=Late000001">Late Poster One</a></h4>
        <div class="note-authors"><span><a href="/profile?id=~Ada_Lee1">Ada Lee</a></span></div>
        <ul class="note-meta-info list-inline"><li>Published: 16 Jan 2024, Last Modified: 01 Feb 2024</li><li>ICLR 2024 poster</li></ul></div></li>
      <li><div class="note"><h4><a href="/forum?id=Late000002">Late Poster Two</a></h4></div></li>
    </ul>`;
    const ul = pane.querySelector('ul')!;
    const added = openreview.findCards(ul, ctx);
    expect(added).toEqual([...ul.children]);
    expect(added.map((c) => openreview.extract(c, ctx)?.id)).toEqual(['openreview:Late000001', 'openreview:Late000002']);
    expect(openreview.extract(added[0]!, ctx)).toMatchObject({
      authors: ['Ada Lee'],
      published: '2024-01-16',
      venue: 'ICLR 2024 poster',
    });
    // The added li itself, or the note inside it, is enough to find the card.
    expect(openreview.findCards(ul.children[1]!, ctx)).toEqual([ul.children[1]]);
    expect(openreview.findCards(ul.querySelector('div.note')!, ctx)).toEqual([ul.children[0]]);
    expect(openreview.findCards(doc, ctx)).toHaveLength(6);
    expect(openreview.findCards(doc.querySelector('footer')!, ctx)).toEqual([]);
  });
});

describe('profile page', () => {
  // app/profile/Profile.js renders the Publications section with components/profile/ProfilePublications.js: a NoteList
  // of the author's first 10 notes (no PDF or website icons, no contents), rendered on the client, whose titles link
  // the forum with a referrer back to the profile.
  const url = 'https://openreview.net/profile?id=~Mira_Lindqvist1';
  const html = `<main id="content"><h1>Mira Lindqvist</h1>
    <section><h4>Publications</h4><div>
      <ul class="list-unstyled submissions-list">
        <li><div class="note "><h4><a href="/forum?id=Xk9pQ2vN7a&amp;referrer=%5Bthe%20profile%20of%20Mira%20Lindqvist%5D(%2Fprofile%3Fid%3D~Mira_Lindqvist1)">Sparse Mixtures of Recurrent Experts for Long-Context Modeling</a></h4>
          <div class="note-authors"><span><a title="~Mira_Lindqvist1" href="/profile?id=~Mira_Lindqvist1">Mira Lindqvist</a>, <a title="~Tomás_Ortega2" href="/profile?id=~Tom%C3%A1s_Ortega2">Tomás Ortega</a></span></div>
          <ul class="note-meta-info list-inline"><li>Published: 16 Jan 2024, Last Modified: 15 Mar 2024</li><li>ICLR 2024 oral</li><li class="readers">Readers: Everyone</li></ul></div></li>
      </ul>
      <a href="/search?term=~Mira_Lindqvist1&amp;content=authors&amp;group=all&amp;source=forum&amp;sort=cdate:desc">View all 14 publications</a>
    </div></section>
    <section><h4>Co-Authors</h4><ul><li><a href="/profile?id=~Tom%C3%A1s_Ortega2">Tomás Ortega</a></li></ul></section></main>`;

  it("reads the author's publications as a list page does", () => {
    const doc = new JSDOM(html, { url }).window.document;
    const ctx = openreview.context(doc, new URL(url), NOW);
    expect(ctx.page).toBe('list'); // the content script reads only pages pageKind names
    const cards = openreview.findCards(doc, ctx);
    expect(cards).toHaveLength(1);
    expect(openreview.extract(cards[0]!, ctx)).toEqual<Paper>({
      ...base('openreview:Xk9pQ2vN7a', 'Sparse Mixtures of Recurrent Experts for Long-Context Modeling', 'list'),
      authors: ['Mira Lindqvist', 'Tomás Ortega'],
      published: '2024-01-16',
      url: 'https://openreview.net/forum?id=Xk9pQ2vN7a',
      venue: 'ICLR 2024 oral',
    });
  });
});

describe('forum page', () => {
  it('reads the one paper from citation_* meta and the forum note exactly', () => {
    const { cards, papers, errors } = load('forum-Xk9pQ2vN7a.html', FORUM_URL);
    expect(errors).toEqual([]);
    expect(cards).toHaveLength(1);
    expect(cards[0]!.className).toBe('forum-note');
    expect(papers).toEqual<Paper[]>([
      {
        ...base('openreview:Xk9pQ2vN7a', 'Sparse Mixtures of Recurrent Experts for Long-Context Modeling', 'forum'),
        authors: ['Mira Lindqvist', 'Tomás Ortega', 'Aiko Yamada'],
        abstract: ABSTRACT,
        published: '2024-01-16',
        // The Code field first, then the abstract's; the reviewer's repository (outside the note) is not the paper's.
        githubRepos: ['mlindqvist/rex-kernels', 'mlindqvist/sparse-rex'],
        pdfUrl: 'https://openreview.net/pdf?id=Xk9pQ2vN7a',
        url: 'https://openreview.net/forum?id=Xk9pQ2vN7a',
        venue: 'ICLR 2024 oral',
        categories: KEYWORDS,
      },
    ]);
  });

  it("keeps the forum's DOI (citation_doi) when an arXiv link names the paper", () => {
    const doc = new JSDOM(fixture('forum-Xk9pQ2vN7a.html'), { url: FORUM_URL }).window.document;
    doc.head.insertAdjacentHTML('beforeend', '<meta name="citation_doi" content="10.5555/ICLR.2024.12345" />');
    doc.querySelector('.forum-content-link')!.insertAdjacentHTML('beforeend', '<a href="https://arxiv.org/abs/2401.01234v2">Open Website</a>');
    const ctx = openreview.context(doc, new URL(FORUM_URL), NOW);
    expect(openreview.extract(openreview.findCards(doc, ctx)[0]!, ctx)).toMatchObject({ id: 'arxiv:2401.01234', doi: '10.5555/iclr.2024.12345' });
  });

  it('mounts after the h2 title', () => {
    const { cards } = load('forum-Xk9pQ2vN7a.html', FORUM_URL);
    const h2 = cards[0]!.querySelector('h2.citation_title')!;
    expect(openreview.mountPoint(cards[0]!)).toEqual({ parent: h2.parentElement, before: h2.nextSibling });
  });

  it('falls back to the DOM when the meta is missing, and to the DOM authors when the meta has fewer', () => {
    const doc = new JSDOM(fixture('forum-Xk9pQ2vN7a.html'), { url: FORUM_URL }).window.document;
    for (const meta of doc.querySelectorAll('meta[name^="citation_"]')) {
      if (meta.getAttribute('name') !== 'citation_title' && meta.getAttribute('name') !== 'citation_author') meta.remove();
    }
    doc.querySelectorAll('meta[name="citation_author"]').forEach((m, i) => i < 2 && m.remove()); // only the last author
    const ctx = openreview.context(doc, new URL(FORUM_URL), NOW);
    const paper = openreview.extract(openreview.findCards(doc, ctx)[0]!, ctx)!;
    expect(paper.authors).toEqual(['Mira Lindqvist', 'Tomás Ortega', 'Aiko Yamada']); // sup numbers dropped
    expect(paper.abstract).toBe(ABSTRACT); // the Abstract field
    expect(paper.published).toBe('2024-01-16'); // the forum-meta date
    expect(paper.pdfUrl).toBe('https://openreview.net/pdf?id=Xk9pQ2vN7a'); // a.citation_pdf_url
    expect(paper.venue).toBe('ICLR 2024 oral');
  });

  it('ignores meta left over from the previous forum after in-app navigation', () => {
    const url = 'https://openreview.net/forum?id=Other00001';
    const doc = new JSDOM(fixture('forum-Xk9pQ2vN7a.html'), { url }).window.document;
    const ctx = openreview.context(doc, new URL(url), NOW);
    expect(ctx.meta).toBeNull();
    expect(openreview.extract(openreview.findCards(doc, ctx)[0]!, ctx)?.id).toBe('openreview:Other00001');
  });

  it('finds the forum note when the app renders it after the page loaded', () => {
    const doc = new JSDOM(fixture('forum-Xk9pQ2vN7a.html'), { url: FORUM_URL }).window.document;
    const note = doc.querySelector('.forum-note')!;
    const container = note.parentElement!;
    note.remove();
    const ctx = openreview.context(doc, new URL(FORUM_URL), NOW);
    expect(openreview.findCards(doc, ctx)).toEqual([]);
    container.prepend(note);
    expect(openreview.findCards(note, ctx)).toEqual([note]);
    expect(openreview.findCards(container, ctx)).toEqual([note]);
    expect(openreview.findCards(doc.querySelector('#forum-replies')!, ctx)).toEqual([]); // replies are not papers
  });
});

describe('search', () => {
  it('reads two papers and skips the reply hit', () => {
    const { cards, papers, errors } = load('search-diffusion.html', SEARCH_URL);
    expect(errors).toEqual([]);
    expect(cards).toHaveLength(2);
    expect(papers).toEqual<Paper[]>([
      {
        ...base('openreview:dF5sG7hJ9k', 'Consistency Diffusion Models Without Distillation', 'list'),
        authors: ['Rahel Tesfaye', 'Jonas Weber'],
        published: '2025-05-01',
        pdfUrl: 'https://openreview.net/pdf?id=dF5sG7hJ9k',
        url: 'https://openreview.net/forum?id=dF5sG7hJ9k',
        venue: 'ICML 2025 poster',
      },
      {
        ...base('doi:10.5555/3600270.3601234', 'Score-Based Diffusion on Riemannian Manifolds', 'list'),
        authors: ['Yusuf Demir', 'Claire Dubois'],
        published: '2022-12', // "Dec 2022 (modified: 01 Mar 2023)": a month, no day (and not the modification date)
        url: 'https://openreview.net/forum?id=HyxTz1BKDr',
        venue: 'NeurIPS 2022',
        aliases: ['openreview:HyxTz1BKDr'],
      },
    ]);
  });

  it('keeps the month or year a note shows when its date has no day (forumDate drops what the date lacks)', () => {
    const { doc, ctx, cards } = load('search-diffusion.html', SEARCH_URL);
    const shown = (text: string) => {
      cards[1]!.querySelector('ul.note-meta-info > li')!.textContent = text;
      return openreview.extract(cards[1]!, ctx)?.published;
    };
    expect(shown('2022 (modified: 01 Mar 2023)')).toBe('2022');
    expect(shown('Sept 2023')).toBe('2023-09');
    expect(shown('28 Sept 2023 (modified: 16 Feb 2024)')).toBe('2023-09-28');
    expect(shown('modified: 01 Mar 2023')).toBeNull(); // only the modification date: not when it appeared
    expect(shown('2401.12345')).toBeNull();
  });

  it('yields nothing for an empty result list', () => {
    const { cards, papers, errors } = load('empty.html', 'https://openreview.net/search?term=zzqxj&group=all&content=all&source=all');
    expect([cards, papers, errors]).toEqual([[], [], []]);
  });
});

describe('malformed list', () => {
  const { cards, papers, errors } = load('malformed.html', 'https://openreview.net/search?term=graph&group=all&content=all&source=all');

  it('keeps only the good cards and never throws', () => {
    expect(errors).toEqual([]);
    // Dropped by findCards: the reply, the empty id, the profile link; by extract: the empty title.
    expect(cards).toHaveLength(4);
    expect(papers.map((p) => p.id)).toEqual(['openreview:Gd7Kp2Qs5W', 'openreview:bare000001', 'openreview:Loose00001']);
  });

  it('reads the good card, a bare note and a note outside any list (stale meta unused)', () => {
    expect(papers[0]).toEqual<Paper>({
      ...base('openreview:Gd7Kp2Qs5W', 'Graph Transformers with Spectral Positional Encodings', 'list'),
      authors: ['Ines Moreau'],
      published: '2024-10-07',
      pdfUrl: 'https://openreview.net/attachment?id=Gd7Kp2Qs5W&name=pdf',
      url: 'https://openreview.net/forum?id=Gd7Kp2Qs5W',
      venue: 'LoG 2024 Oral',
    });
    expect(papers[1]).toEqual<Paper>({
      ...base('openreview:bare000001', 'Bare Note Without Anything Else', 'list'),
      url: 'https://openreview.net/forum?id=bare000001',
    });
    expect(papers[2]).toEqual<Paper>({
      ...base('openreview:Loose00001', 'Loose Note Outside A List', 'list'),
      url: 'https://openreview.net/forum?id=Loose00001',
    });
    expect(cards[3]!.tagName).toBe('DIV'); // no li around it: the note is the card
  });
});
