// alphaXiv (issue #3): a paper's abstract page (/abs/<arXiv id>) and overview page (/overview/<arXiv id>).
// A client-rendered app whose markup is unknown: no saved page, no published source (DOM-NOTES.md §3 [U]). So this
// adapter relies only on what does not depend on that markup: the arXiv id in the URL, and the first h1 of the page as
// the title and the card once the app has rendered it (findCards also finds it in a subtree added later). The title
// falls back to og:title / citation_title, the abstract comes from citation_abstract / og:description when the head has
// them; every other field stays unknown apart from the arXiv PDF, which the id alone gives.
// After in-app navigation the content script identifies the h1 again from the new URL (a reused element gets a new
// overlay); known limit: its title is read then, so an h1 the app has not re-rendered yet gives the previous title.
import { arxivIdFromUrl, arxivPdfUrl } from '../core/ids';
import { emptyPaper } from '../core/paper';
import { metaContent, textOf } from './common';
import type { SiteAdapter } from './types';
import { SITE_NAMES } from './names';

const ORIGIN = 'https://www.alphaxiv.org';
const HOSTS = ['www.alphaxiv.org', 'alphaxiv.org'];
const PATH = /^\/(abs|overview)\/(.+?)\/?$/; // the kind and the id (new or old style, optional version)
const CARD = 'h1'; // the first h1 is the paper title (later h1s can come from comments or Markdown)
const TITLE_META = ['citation_title', 'og:title']; // when the h1 is still empty
const ABSTRACT_META = ['citation_abstract', 'og:description']; // read only when a title meta names the paper
const SITE_SUFFIX = /\s*[|–-]\s*alphaXiv\s*$/i; // "<title> | alphaXiv" in og:title; a bare "alphaXiv" is no title

export interface AlphaxivContext {
  page: string;
  /** The arXiv id (no version) from the URL: the only identity this adapter trusts. */
  arxivId: string | null;
  /** The version the URL names (`/abs/<id>v2`): the one the page shows. */
  version: number | null;
  title: string | null;
  abstract: string | null;
}

function pageKind(url: URL): string | null {
  if (!HOSTS.includes(url.hostname)) return null;
  const m = PATH.exec(url.pathname);
  // `.md` variants are Markdown documents, not the app.
  if (!m || m[2]!.endsWith('.md')) return null;
  return arxivIdFromUrl(url.href) ? m[1]! : null;
}

function firstMeta(doc: Document, names: readonly string[]): string | null {
  return names.map((name) => metaContent(doc, name)).find(Boolean) ?? null;
}

export const alphaxiv: SiteAdapter<AlphaxivContext> = {
  id: 'alphaxiv',
  name: SITE_NAMES.alphaxiv,
  // Both hosts whole: the app (Next.js) navigates in-page from its home and feeds to a paper, so a script registered
  // for the paper pages only would never start there (pageKind turns the other pages down: the script idles there).
  matches: ['https://www.alphaxiv.org/*', 'https://alphaxiv.org/*'],
  formerMatches: [
    'https://www.alphaxiv.org/abs/*',
    'https://www.alphaxiv.org/overview/*',
    'https://alphaxiv.org/abs/*',
    'https://alphaxiv.org/overview/*',
  ],

  pageKind,

  context(doc, url) {
    const page = pageKind(url) ?? 'unknown';
    const fromUrl = page === 'unknown' ? null : arxivIdFromUrl(url.href);
    const title = firstMeta(doc, TITLE_META)?.replace(SITE_SUFFIX, '').replace(/^alphaXiv$/i, '') || null;
    return {
      page,
      arxivId: fromUrl?.id ?? null,
      version: fromUrl?.version ?? null,
      title,
      // Without a paper title in the head, og:description is the site's own blurb.
      abstract: title ? firstMeta(doc, ABSTRACT_META) : null,
    };
  },

  findCards(root, ctx) {
    if (!ctx.arxivId) return [];
    const first = (root.ownerDocument ?? (root as Document)).querySelector(CARD);
    return first && (root === first || root.contains(first)) ? [first] : [];
  },

  extract(card, ctx) {
    const title = textOf(card) || ctx.title;
    if (!ctx.arxivId || !title) return null;
    return {
      ...emptyPaper(`arxiv:${ctx.arxivId}`, title, { site: 'alphaxiv', page: ctx.page }),
      abstract: ctx.abstract,
      version: ctx.version,
      pdfUrl: arxivPdfUrl(ctx.arxivId), // from the id alone, as the Hugging Face adapter does
      url: `${ORIGIN}/${ctx.page}/${ctx.arxivId}`,
    };
  },

  mountPoint(card) {
    // Right after the h1; if the app wraps it in a link, after the link.
    const after = card.closest('a') ?? card;
    return { parent: after.parentElement ?? card, before: after.parentElement ? after.nextSibling : null };
  },
};

// Live pages the fixtures stand for (test/fixtures/alphaxiv/, all constructed, markup invented around h1 + meta):
// - https://www.alphaxiv.org/abs/2406.01234v2        rendered abstract page (abs-2406.01234.html)
// - https://alphaxiv.org/overview/2406.01234         app shell, the h1 arrives later (overview-shell.html)
// - https://www.alphaxiv.org/overview/2312.00752v1   empty h1, title from og:title (malformed.html)
// - https://www.alphaxiv.org/abs/2401.99999          no title anywhere (empty.html)
