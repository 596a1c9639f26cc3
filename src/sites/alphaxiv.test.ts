// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import type { Paper } from '../core/paper';
import { alphaxiv } from './alphaxiv';
import { extractPage } from './index';

const NOW = new Date('2026-09-12T10:00:00Z');
const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../../test/fixtures/alphaxiv', name), 'utf8');

function load(name: string, url: string) {
  const doc = new JSDOM(fixture(name), { url }).window.document;
  const ctx = alphaxiv.context(doc, new URL(url), NOW);
  const cards = alphaxiv.findCards(doc, ctx);
  const errors: unknown[] = [];
  const { papers } = extractPage(alphaxiv, doc, new URL(url), NOW, (e) => errors.push(e));
  return { doc, ctx, cards, papers, errors };
}

const only = (id: string, title: string, page: string, abstract: string | null = null, version: number | null = null): Paper => ({
  id: `arxiv:${id}`,
  title,
  authors: [],
  authorCount: null,
  abstract,
  published: null,
  upvotes: null,
  githubRepos: [],
  githubStars: null,
  projectUrl: null,
  pdfUrl: `https://arxiv.org/pdf/${id}`,
  url: `https://www.alphaxiv.org/${page}/${id}`,
  venue: null,
  categories: [],
  version,
  doi: null,
  aliases: [],
  source: { site: 'alphaxiv', page },
});

describe('alphaxiv.pageKind', () => {
  it.each([
    ['https://www.alphaxiv.org/abs/2406.01234', 'abs'],
    ['https://www.alphaxiv.org/abs/2406.01234v2', 'abs'],
    ['https://alphaxiv.org/abs/2406.01234', 'abs'],
    ['https://www.alphaxiv.org/abs/hep-th/9901001', 'abs'],
    ['https://www.alphaxiv.org/overview/2312.00752v1', 'overview'],
    ['https://alphaxiv.org/overview/2406.01234?tab=comments', 'overview'],
    ['https://www.alphaxiv.org/abs/2406.01234.md', null], // Markdown, not the app
    ['https://www.alphaxiv.org/abs/not-an-id', null],
    ['https://www.alphaxiv.org/abs/2613.00001', null], // month 13
    ['https://www.alphaxiv.org/abs/', null],
    ['https://www.alphaxiv.org/explore', null],
    ['https://www.alphaxiv.org/', null],
    ['https://www.alphaxiv.org/abs/2406.01234/comments', null],
    ['https://alphaxiv.org.evil.example/abs/2406.01234', null],
    ['https://arxiv.org/abs/2406.01234', null],
  ])('%s → %s', (url, kind) => {
    expect(alphaxiv.pageKind(new URL(url))).toBe(kind);
  });

  it('is registered for the whole of both hosts: the app navigates in-page from its home and feeds to papers', () => {
    expect(alphaxiv.id).toBe('alphaxiv');
    expect(alphaxiv.matches).toEqual(['https://www.alphaxiv.org/*', 'https://alphaxiv.org/*']);
    // What versions before asked for: a grant of them keeps the script on those pages (see syncSiteScripts).
    expect(alphaxiv.formerMatches).toEqual([
      'https://www.alphaxiv.org/abs/*',
      'https://www.alphaxiv.org/overview/*',
      'https://alphaxiv.org/abs/*',
      'https://alphaxiv.org/overview/*',
    ]);
  });
});

describe('rendered abstract page', () => {
  const { cards, papers, errors, doc } = load('abs-2406.01234.html', 'https://www.alphaxiv.org/abs/2406.01234v2');

  it('takes the id (and apart from it the version) from the URL, the title from the first h1 and the abstract from citation_abstract', () => {
    expect(errors).toEqual([]);
    expect(cards).toEqual([doc.querySelector('h1.paper-title')]);
    expect(papers).toEqual<Paper[]>([
      only(
        '2406.01234',
        'Tokenizer-Free Language Modeling with Byte Latents',
        'abs',
        'We train byte-level language models that group bytes into latent patches and match tokenized models at scale.',
        2, // /abs/2406.01234v2
      ),
    ]);
  });

  it('mounts right after the h1', () => {
    const h1 = cards[0]!;
    expect(alphaxiv.mountPoint(h1)).toEqual({ parent: h1.parentElement, before: h1.nextSibling });
  });

  it('mounts after the link when the h1 sits inside one', () => {
    const { doc: d, ctx } = load('abs-2406.01234.html', 'https://www.alphaxiv.org/abs/2406.01234v2');
    const h1 = d.querySelector('h1')!;
    const a = d.createElement('a');
    a.href = '/abs/2406.01234';
    h1.replaceWith(a);
    a.append(h1);
    expect(alphaxiv.findCards(d, ctx)).toEqual([h1]);
    expect(alphaxiv.mountPoint(h1)).toEqual({ parent: a.parentElement, before: a.nextSibling });
  });
});

describe('app shell, title rendered later', () => {
  const url = 'https://alphaxiv.org/overview/2406.01234';

  it('finds nothing before the app renders, then the h1 in the added subtree', () => {
    const { doc, ctx, cards, papers } = load('overview-shell.html', url);
    expect([cards, papers]).toEqual([[], []]);
    const root = doc.querySelector('#root')!;
    const section = doc.createElement('section');
    section.innerHTML = '<div class="meta">arXiv:2406.01234</div><h1>Tokenizer-Free Language Modeling with Byte Latents</h1>';
    root.replaceChildren(section);
    const h1 = section.querySelector('h1')!;
    expect(alphaxiv.findCards(section, ctx)).toEqual([h1]);
    expect(alphaxiv.findCards(h1, ctx)).toEqual([h1]);
    expect(alphaxiv.findCards(section.querySelector('.meta')!, ctx)).toEqual([]);
    // The shell has no paper meta, so no abstract (and no site blurb passed off as one).
    expect(alphaxiv.extract(h1, ctx)).toEqual(only('2406.01234', 'Tokenizer-Free Language Modeling with Byte Latents', 'overview'));
  });

  it('ignores later h1s (comments) added elsewhere', () => {
    const { doc, ctx } = load('abs-2406.01234.html', 'https://www.alphaxiv.org/abs/2406.01234v2');
    const comments = doc.querySelector('section.discussion')!;
    expect(alphaxiv.findCards(comments, ctx)).toEqual([]);
  });
});

describe('malformed and empty pages', () => {
  it('falls back to og:title without the site suffix when the h1 is still empty', () => {
    const { cards, papers, errors } = load('malformed.html', 'https://www.alphaxiv.org/overview/2312.00752v1');
    expect(errors).toEqual([]);
    expect(cards).toHaveLength(1);
    expect(papers).toEqual<Paper[]>([only('2312.00752', 'Linear-Time Sequence Modeling with Selective State Spaces', 'overview', null, 1)]);
  });

  it('yields nothing without any title', () => {
    const { cards, papers, errors } = load('empty.html', 'https://www.alphaxiv.org/abs/2401.99999');
    expect([cards, papers, errors]).toEqual([[], [], []]);
  });

  it('yields nothing on a URL it does not handle, even with an h1', () => {
    const { cards, papers } = load('abs-2406.01234.html', 'https://www.alphaxiv.org/explore');
    expect([cards, papers]).toEqual([[], []]);
  });
});
