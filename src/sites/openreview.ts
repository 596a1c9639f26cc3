// OpenReview (issue #3): forum pages (/forum?id=<id>, one submission: citation_* meta + the forum note) and note lists
// (venue/group pages, /submissions?venue=, search, an author's profile). A Next.js app whose lists render client-side (venue tabs, search,
// pagination), so findCards takes any added subtree. Markup: openreview/openreview-web app/forum/page.js,
// components/forum/ForumNote.js, NoteList.js, Note.js, NoteTitle.js, NoteAuthors.js, ExpandableList.js, NoteContent.js
// (DOM-NOTES.md §4). No saved page was available: the fixtures are built from that source.
// `/venue?id=` is not matched: it lists a host's venues (app/(bot)/venue/page.js), never papers.
import { githubReposFromText, mergeRepos } from '../core/github';
import { paperIdentity } from '../core/aliases';
import { emptyPaper, normalizeSpace, ownDoi, type Paper } from '../core/paper';
import { openReviewId } from '../core/venues';
import { cardsUnder, httpUrl, idsFromHrefs, parseDateOrYear, readCitationMeta, textOf } from './common';
import type { CitationMeta } from './common';
import type { SiteAdapter } from './types';
import { SITE_NAMES } from './names';

const ORIGIN = 'https://openreview.net';
// ---- Forum page ---------------------------------------------------------------------------------------------------
const FORUM_CARD = '.forum-note'; // ForumNote: the submission above the replies
const FORUM_TITLE = '.forum-title h2'; // h2.citation_title
const FORUM_AUTHORS = '.forum-authors h3 > span'; // ExpandableList span; with institutions each name is a span + sup
const FORUM_LINKS = '.forum-content-link a'; // "Download PDF" (a.citation_pdf_url or external) and "Open Website"
const FORUM_DATE = '.forum-meta .date'; // "Published: 16 Jan 2024, Last Modified: …"
const FORUM_VENUE_ICON = '.forum-meta .glyphicon-folder-open'; // its span.item holds the venue ("ICLR 2024 oral")
// ---- Lists ----------------------------------------------------------------------------------------------------------
const NOTE = 'div.note'; // Note / NoteV2 (lists wrap it in ul.submissions-list > li)
const NOTE_LINK = 'h4 > a[href^="/forum?id="]'; // NoteTitle: the forum link comes first in the h4
const NOTE_PDFS = [
  'h4 > a.pdf-link', // NoteTitle: /attachment?id=<id>&name=pdf
  'h4 > a[href^="/pdf?id="]', // the same file by its other address
];
const NOTE_WEBSITE = 'h4 > a.html-link'; // NoteTitle "Open Website": content.html / ee (arXiv, DOI, publisher)
const NOTE_AUTHORS = '.note-authors > span'; // ExpandableList span
const NOTE_META = 'ul.note-meta-info > li'; // [date, venue, readers, replies]
// ---- Both -----------------------------------------------------------------------------------------------------------
const FIELD_LABEL = '.note-content-field'; // strong "Keywords:"; the value sits in the same div (an li in older versions)
const FIELD_VALUE = '.note-content-value';
const NOT_AUTHOR = '.show-all, .private-author-label, .private-contents-icon, .glyphicon'; // list extras, not names
const MORE_AUTHORS = /\((\d+) additional authors? not shown\)/; // a.show-all after the first 20 names
const CODE_FIELD = /^(?:code|code (?:link|url)|source code|github)$/i; // content field names that hold a repository
// forumDate, en-GB: "16 Jan 2024"; a date lacking a day shows "Sept 2023", one lacking a month too "2023"
const SHOWN_DATE = /^(?:(?:\d{1,2}\s+)?[A-Za-z]+\.?\s+)?\d{4}$/;
const NOTE_ID = /^[\w-]+$/; // note ids; venue forums (ICLR.cc/2024/Conference) are not papers

export interface OpenReviewContext {
  page: string;
  /** Forum page: the `id` in its URL. */
  forumId: string | null;
  /** Forum page: its citation_* meta (null when missing or stale after in-app navigation). */
  meta: CitationMeta | null;
}

function pageKind(url: URL): string | null {
  if (url.hostname !== 'openreview.net') return null;
  const path = url.pathname.replace(/\/+$/, '');
  const has = (key: string) => Boolean(url.searchParams.get(key)?.trim());
  if (path === '/forum') return NOTE_ID.test(url.searchParams.get('id') ?? '') ? 'forum' : null;
  // A profile's Publications are a NoteList too (app/profile/Profile.js, components/profile/ProfilePublications.js).
  if (path === '/search' || ((path === '/group' || path === '/profile') && has('id')) || (path === '/submissions' && has('venue'))) {
    return 'list';
  }
  return null;
}

/**
 * A list note's forum id; null for replies (reviews, comments: `noteId` differs) and venue forums. venues.ts reads
 * it, as for a dblp or Scholar entry linking the forum.
 */
function forumIdOf(note: Element): string | null {
  return openReviewId(note.querySelector(NOTE_LINK)?.getAttribute('href') ?? '', ORIGIN);
}

/** Text without the institution numbers (`sup`) NoteAuthorsWithInstitutions puts after each name. */
const nameOf = (el: Element) =>
  normalizeSpace([...el.childNodes].map((n) => (n.nodeName === 'SUP' ? '' : n.textContent)).join(''));

/** Names in a NoteAuthors list (links and spans), and the total when it is cut after 20. */
function authorsOf(list: Element | null): { authors: string[]; count: number | null } {
  if (!list) return { authors: [], count: null };
  const items = [...list.children].filter((el) => !el.matches(NOT_AUTHOR));
  const names = items.length ? items.map(nameOf) : textOf(list).split(','); // plain "A, B, C" text
  const authors = names.map((n) => normalizeSpace(n)).filter(Boolean);
  const more = MORE_AUTHORS.exec(textOf(list.querySelector('.show-all')));
  return { authors, count: more ? authors.length + Number(more[1]) : null };
}

/** Content fields by lower-cased label ("keywords", "abstract", "code"). */
function fieldsOf(card: Element): Map<string, Element> {
  const fields = new Map<string, Element>();
  for (const label of card.querySelectorAll(FIELD_LABEL)) {
    const value = label.parentElement?.querySelector(FIELD_VALUE);
    const key = textOf(label).replace(/:$/, '').toLowerCase();
    if (value && key && !fields.has(key)) fields.set(key, value);
  }
  return fields;
}

/** "Published: 16 Jan 2024, Last Modified: …", "28 Sept 2023 (modified: …)", "Dec 2022": the first date, as precise as shown. */
function listedDate(text: string): string | null {
  const shown = normalizeSpace(/Published:\s*([^,]+)/.exec(text)?.[1] ?? text.split(/[(,]/)[0]);
  return SHOWN_DATE.test(shown) ? parseDateOrYear(shown, null) : null;
}

type Found = Omit<Partial<Paper>, 'id' | 'title'> & { doi?: string | null };

/** The parts both page kinds share: identity (arXiv or doi.org links first), content fields, repositories. */
function build(forumId: string, title: string, page: string, links: string[], card: Element, found: Found) {
  const { doi: metaDoi, ...rest } = found;
  const linked = idsFromHrefs(links, ORIGIN);
  const doi = metaDoi ?? linked.doi;
  const identity = paperIdentity({ arxiv: linked.arxiv, doi, site: 'openreview', siteId: forumId });
  if (!identity || !title) return null;
  const { id, aliases } = identity;
  const fields = fieldsOf(card);
  const abstract = rest.abstract ?? (textOf(fields.get('abstract')) || null);
  // Code fields first (structured), then the abstract; a field's links count as well as its text.
  const code = [...fields].filter(([key]) => CODE_FIELD.test(key)).map(([, v]) => v);
  const codeText = code.flatMap((v) => [textOf(v), ...[...v.querySelectorAll('a')].map((a) => a.getAttribute('href'))]);
  return {
    ...emptyPaper(id, title, { site: 'openreview', page }),
    doi: ownDoi(doi, id),
    aliases,
    url: `${ORIGIN}/forum?id=${encodeURIComponent(forumId)}`,
    categories: textOf(fields.get('keywords')).split(',').map((k) => normalizeSpace(k)).filter(Boolean),
    ...rest,
    abstract,
    githubRepos: mergeRepos(githubReposFromText(codeText.join(' ')), githubReposFromText(abstract ?? '')),
  };
}

function extractForum(card: Element, ctx: OpenReviewContext): Paper | null {
  const meta = ctx.meta;
  const dom = authorsOf(card.querySelector(FORUM_AUTHORS));
  const links = [...card.querySelectorAll(FORUM_LINKS)].map((a) => httpUrl(a.getAttribute('href'), ORIGIN) ?? '');
  const paper = build(ctx.forumId ?? '', meta?.title ?? textOf(card.querySelector(FORUM_TITLE)), 'forum', links, card, {
    doi: meta?.doi,
    // An earlier app/forum/page.js wrote only the last citation_author: take whichever list is longer.
    authors: meta && meta.authors.length >= dom.authors.length ? meta.authors : dom.authors,
    authorCount: dom.count,
    abstract: meta?.abstract ?? null,
    published: meta?.published ?? listedDate(textOf(card.querySelector(FORUM_DATE))),
    pdfUrl: meta?.pdfUrl ?? links.find((href) => /\/pdf\?id=|\.pdf$/i.test(href)) ?? null,
    venue: textOf(card.querySelector(FORUM_VENUE_ICON)?.parentElement) || meta?.venue || null,
  });
  return paper && meta && paper.categories.length === 0 ? { ...paper, categories: meta.keywords } : paper;
}

function extractNote(card: Element): Paper | null {
  const note = card.matches(NOTE) ? card : card.querySelector(NOTE);
  const forumId = note ? forumIdOf(note) : null;
  if (!note || !forumId) return null;
  const meta = [...note.querySelectorAll(NOTE_META)].map(textOf);
  const pdf = NOTE_PDFS.map((sel) => note.querySelector(sel)).find(Boolean);
  const { authors, count } = authorsOf(note.querySelector(NOTE_AUTHORS));
  const website = httpUrl(note.querySelector(NOTE_WEBSITE)?.getAttribute('href'), ORIGIN);
  return build(forumId, textOf(note.querySelector(NOTE_LINK)), 'list', website ? [website] : [], note, {
    authors,
    authorCount: count,
    published: listedDate(meta[0] ?? ''),
    pdfUrl: httpUrl(pdf?.getAttribute('href'), ORIGIN),
    venue: meta[1] || null,
  });
}

/** The forum h2, or a list note's h4 (title link + PDF icon): never inside a link. */
function titleOf(card: Element): Element | null {
  return card.querySelector(FORUM_TITLE) ?? card.querySelector(NOTE_LINK)?.parentElement ?? null;
}

export const openreview: SiteAdapter<OpenReviewContext> = {
  id: 'openreview',
  name: SITE_NAMES.openreview,
  // The whole site: it is a Next.js app whose links (next/link) navigate in-page, from its home to a venue, from a
  // profile to a forum, so a script registered for the pages it reads only would never start on them (pageKind turns
  // the others down: the script idles there).
  matches: ['https://openreview.net/*'],
  formerMatches: [
    'https://openreview.net/forum*',
    'https://openreview.net/group*',
    'https://openreview.net/submissions*',
    'https://openreview.net/search*',
  ],

  pageKind,

  context(doc, url) {
    const page = pageKind(url) ?? 'unknown';
    const forumId = page === 'forum' ? url.searchParams.get('id') : null;
    let meta = page === 'forum' ? readCitationMeta(doc) : null;
    // After in-app navigation the head can still describe the previous forum: its PDF URL names the note.
    const metaId = meta?.pdfUrl ? new URL(meta.pdfUrl).searchParams.get('id') : null;
    if (metaId && metaId !== forumId) meta = null;
    return { page, forumId, meta };
  },

  findCards(root, ctx) {
    if (ctx.page === 'forum') {
      return cardsUnder(root, FORUM_CARD).filter((c) => c.querySelector(FORUM_TITLE)).slice(0, 1);
    }
    const notes = cardsUnder(root, NOTE).filter((note) => forumIdOf(note) !== null);
    return [...new Set(notes.map((note) => (note.parentElement?.tagName === 'LI' ? note.parentElement : note)))];
  },

  extract(card, ctx) {
    return ctx.page === 'forum' ? extractForum(card, ctx) : extractNote(card);
  },

  mountPoint(card) {
    const title = titleOf(card);
    if (!title?.parentElement) return { parent: card, before: null };
    return { parent: title.parentElement, before: title.nextSibling };
  },
};

// Live pages the fixtures stand for (test/fixtures/openreview/, all constructed from openreview-web's source):
// - https://openreview.net/group?id=ICLR.cc/2024/Conference      venue page, two tabs rendered (group-iclr-2024.html)
// - https://openreview.net/forum?id=Xk9pQ2vN7a                  forum page (forum-Xk9pQ2vN7a.html)
// - https://openreview.net/search?term=diffusion&content=all    search, one hit a reply (search-diffusion.html)
// - https://openreview.net/search?term=zzqxj&content=all        no results (empty.html)
// - https://openreview.net/search?term=graph&content=all        damaged cards (malformed.html)
