// @vitest-environment jsdom
// Hostile strings (issue #6, "Strings"): titles, authors, abstracts, tags, notes and repository names carrying
// markup, script URLs, bidi overrides and zero-width characters are shown as text and never become markup or
// clickable script; only https://github.com/<owner>/<repo> (overlay) and http(s) URLs (popup) become links.
// (a) the page overlay, (b) the popup, (c) the background's message validation, (d) the library's duplicates, (e) a new
// arXiv version's comment (arXiv's text) in the library and the popup.
import { h } from 'preact';
import { cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import * as v from 'valibot';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCardOverlay, type OverlayActions } from '../../../src/content/overlay/card-overlay';
import { HOST_TAG, shownText } from '../../../src/content/overlay/host';
import type { Tag } from '../../../src/content/overlay/tag-chips';
import { parseEnvelope, PaperId, TagSchema } from '../../../src/background/messages';
import { App } from '../../../src/popup/components/App';
import { renderLibrary } from '../../../src/library/components/render-library';
import { findDuplicates } from '../../../src/core/duplicates';
import { createFakeApi } from '../../../src/popup/fake-api';
import { memoryDraftStore } from '../../../src/popup/note-drafts';
import type { SavedPaper } from '../../../src/storage/schema';
import { makePaper } from '../paper-factory';
import { BAD_REPOS, hostileStrings, SCRIPT_URLS } from './payloads';
import { Findings, recordFigures } from '../../figures';

const PAYLOADS = hostileStrings();
const findings = new Findings();
const figures = { payloadsTried: 0, overlayRenders: 0, popupItemsChecked: 0, envelopesChecked: 0, duplicatesChecked: 0 };
const started = performance.now();

/** A GitHub repository link: exactly two path segments, neither `.` nor `..` (which resolve elsewhere). */
const GITHUB_REPO = /^https:\/\/github\.com\/([A-Za-z0-9-]{1,39})\/([A-Za-z0-9._-]{1,100})$/;
function githubRepoLinkProblem(href: string): string | null {
  const m = GITHUB_REPO.exec(href);
  if (!m) return `not a GitHub repository URL: ${JSON.stringify(href.slice(0, 80))}`;
  if (m[2] === '.' || m[2] === '..') return `dot segment: ${href} opens ${new URL(href).href}`;
  return null;
}

/** Elements a payload must never produce anywhere. */
const FORBIDDEN = 'script, iframe, frame, img, object, embed, math, template, base, meta, link, form, input[type="image"], b';
const hasHandlerAttribute = (root: ParentNode) =>
  Array.from(root.querySelectorAll('*')).some((el) => Array.from(el.attributes).some((a) => /^on/i.test(a.name)));

afterEach(cleanup);

describe('(a) page overlay', () => {
  const roots = new Map<Element, ShadowRoot>();
  const realAttach = Element.prototype.attachShadow;
  beforeAll(() => {
    // Closed roots are invisible to the page; the test keeps a private handle on each one.
    Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
      const root = realAttach.call(this, init);
      roots.set(this, root);
      return root;
    };
  });
  afterAll(() => {
    Element.prototype.attachShadow = realAttach;
  });

  const OURS = new Set(['style', 'div', 'button', 'span', 'a', 'svg', 'path']);

  it.each(PAYLOADS.map((p, i) => [i, p] as const))('payload %i is text only, and links only GitHub repositories', async (_i, payload) => {
    figures.payloadsTried++;
    document.body.replaceChildren();
    const paper = makePaper({
      id: payload,
      title: payload,
      authors: [payload, payload],
      abstract: payload,
      venue: payload,
      categories: [payload],
      url: payload,
      pdfUrl: payload,
      projectUrl: payload,
      githubRepos: [payload, 'example/sparse-moe', ...BAD_REPOS],
      source: { site: payload, page: payload },
    });
    const tags: Tag[] = [
      { label: payload, kind: 'topic', watched: true },
      { label: payload.toUpperCase(), kind: 'site', watched: false },
    ];
    const actions: OverlayActions = {
      toggle: () => {},
      setStatus: () => {},
      mark: () => {},
      // The background's answer can rename a repository: a hostile name must stay text.
      repo: async () => ({ name: payload, stars: 12, pushedAt: payload, archived: false, notFound: false }),
      moreRepos: async () => [payload, ...BAD_REPOS],
      now: () => Date.parse('2026-09-12T12:00:00Z'),
    };
    const overlay = createCardOverlay(document, paper.id, () => paper, () => "light", () => tags, actions);
    document.body.append(overlay.host);
    overlay.setState({ status: 'reading', tags: [payload] });
    overlay.setMarked(payload);
    overlay.showMessage(payload);
    overlay.reveal();
    overlay.setState({ status: 'reading', tags: [payload] }); // once built: its status button too
    overlay.setRelevance(payload);
    await new Promise((resolve) => setTimeout(resolve, 0));
    figures.overlayRenders++;

    // The page sees one host element carrying the id as an attribute, nothing else.
    expect(document.body.children).toHaveLength(1);
    expect(document.body.firstElementChild!.localName).toBe(HOST_TAG);
    expect(overlay.host.getAttribute('data-papershelf-id')).toBe(payload);
    expect(overlay.host.attributes).toHaveLength(1);
    expect(overlay.host.childNodes).toHaveLength(0);

    const root = roots.get(overlay.host)!;
    const elements = Array.from(root.querySelectorAll('*'));
    expect(elements.map((el) => el.localName).filter((name) => !OURS.has(name))).toEqual([]);
    expect(root.querySelectorAll(FORBIDDEN)).toHaveLength(0);
    expect(hasHandlerAttribute(root)).toBe(false);
    // Our one SVG: the GitHub mark inside a badge, one path.
    for (const svg of Array.from(root.querySelectorAll('svg'))) {
      expect(svg.parentElement!.matches('a.badge')).toBe(true);
      expect(Array.from(svg.querySelectorAll('*')).map((el) => el.localName)).toEqual(['path']);
    }
    for (const a of Array.from(root.querySelectorAll('a'))) {
      const problem = githubRepoLinkProblem(a.getAttribute('href') ?? '');
      expect(problem, `overlay link for payload ${JSON.stringify(payload.slice(0, 60))}`).toBeNull();
      expect(a.getAttribute('rel')).toBe('noopener noreferrer');
    }
    // No text node anywhere in the root (but its style sheet): what it shows is generated content, which find-in-page
    // never matches (host.ts SHOWN_TEXT_STYLE), so window.find cannot tell the page what the overlay says.
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const texts: string[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) if (node.parentElement?.localName !== 'style') texts.push(node.nodeValue ?? '');
    expect(texts).toEqual([]);
    // Shown verbatim as text: the user tag chip and the message.
    expect(Array.from(root.querySelectorAll('button.chip')).some((chip) => shownText(chip) === payload)).toBe(true);
    expect(shownText(root.querySelector('.msg')!)).toBe(payload);
    // The repository name the background gave is text in its badge, whatever it is.
    const names = Array.from(root.querySelectorAll('.badge .name'), (el) => shownText(el));
    expect(names.length).toBeGreaterThan(0);
    expect(names.every((name) => name === payload)).toBe(true);
  });
});

describe('(b) popup', () => {
  /** A stored record with the payload in every string the popup shows (ids stay valid: storage checks them). */
  function hostileRecord(payload: string, i: number): SavedPaper {
    const id = `test:hostile-${i}`;
    return {
      id,
      paper: makePaper({
        id,
        title: payload,
        authors: [payload, `${payload} 2`],
        abstract: payload,
        venue: payload,
        categories: [payload],
        url: payload,
        pdfUrl: payload,
        projectUrl: payload,
        githubRepos: [payload],
        source: { site: payload, page: payload },
      }),
      status: 'to-read',
      tags: [payload],
      note: payload,
      savedFrom: payload,
      savedAt: 1_000_000 + i,
      updatedAt: 1_000_000 + i,
    };
  }

  /** Links the popup may show: http(s) only, the paper's own URLs (as parsed) or a GitHub repository. */
  function linkProblems(container: ParentNode, allowed: Set<string>): string[] {
    const problems: string[] = [];
    for (const a of Array.from(container.querySelectorAll('a'))) {
      const href = a.getAttribute('href');
      if (href === null) continue;
      let url: URL;
      try {
        url = new URL(href);
      } catch {
        problems.push(`unparseable link ${JSON.stringify(href.slice(0, 80))}`);
        continue;
      }
      if (url.protocol !== 'https:' && url.protocol !== 'http:') problems.push(`non-http link ${JSON.stringify(href.slice(0, 80))}`);
      else if (url.hostname === 'github.com' && url.pathname.split('/').length === 3 && !allowed.has(href)) {
        const problem = githubRepoLinkProblem(href);
        if (problem) problems.push(problem);
      } else if (!allowed.has(href)) problems.push(`link not from the record: ${JSON.stringify(href.slice(0, 80))}`);
    }
    return problems;
  }

  async function renderRecords(records: SavedPaper[]) {
    const api = createFakeApi(records);
    const view = render(h(App, { api, stateOptions: { drafts: memoryDraftStore(), refreshDelayMs: 0 } }));
    await waitFor(() => expect(view.container.querySelectorAll('li[data-id]').length).toBe(records.length), { timeout: 10_000 });
    return view;
  }

  // Baseline: the same records with plain text, to learn which elements the popup itself renders.
  let ownTags: Set<string> = new Set();
  beforeAll(async () => {
    const plain = PAYLOADS.slice(0, 4).map((_, i) => hostileRecord(`Plain text ${i}`, i));
    plain[0]!.paper.githubRepos = ['example/sparse-moe'];
    plain[1]!.paper.url = 'https://arxiv.org/abs/2401.00001';
    const view = await renderRecords(plain);
    const tags = new Set(Array.from(view.container.querySelectorAll('*'), (el) => el.localName));
    for (const li of Array.from(view.container.querySelectorAll('li[data-id]'))) {
      fireEvent.click(li.querySelector('button[aria-expanded]')!);
      await waitFor(() => expect(li.querySelector('[aria-expanded="true"]')).not.toBeNull());
      for (const el of Array.from(view.container.querySelectorAll('*'))) tags.add(el.localName);
    }
    ownTags = tags;
    cleanup();
  });

  const BATCH = 25; // the popup shows 50 at a time; smaller batches keep each render quick
  const batches = Array.from({ length: Math.ceil(PAYLOADS.length / BATCH) }, (_, b) => [b, PAYLOADS.slice(b * BATCH, (b + 1) * BATCH)] as const);

  it.each(batches)('batch %i: every payload in every field stays text; links are http(s) only', async (b, payloads) => {
    const records = payloads.map((p, i) => hostileRecord(p, b * BATCH + i));
    const allowed = new Set<string>(['https://huggingface.co/papers']);
    for (const r of records) {
      for (const u of [r.paper.url, r.paper.pdfUrl, r.paper.projectUrl, r.savedFrom]) {
        try {
          const parsed = new URL(u ?? '');
          if (parsed.protocol === 'https:' || parsed.protocol === 'http:') allowed.add(parsed.href);
        } catch {
          /* not a URL: must not be a link */
        }
      }
    }
    const view = await renderRecords(records);
    const body = view.container;
    for (const li of Array.from(body.querySelectorAll('li[data-id]'))) {
      const record = records.find((r) => r.id === li.getAttribute('data-id'))!;
      figures.popupItemsChecked++;
      // Collapsed, then expanded (links, tag and note editors, the abstract).
      fireEvent.click(li.querySelector('button[aria-expanded]')!);
      await waitFor(() => expect(li.querySelector('[aria-expanded="true"]')).not.toBeNull());
      const unexpected = Array.from(body.querySelectorAll('*'), (el) => el.localName).filter((name) => !ownTags.has(name));
      expect(unexpected, `elements made from ${JSON.stringify(record.paper.title.slice(0, 60))}`).toEqual([]);
      expect(body.querySelectorAll(FORBIDDEN)).toHaveLength(0);
      expect(hasHandlerAttribute(body)).toBe(false);
      expect(linkProblems(body, allowed)).toEqual([]);
      const text = li.textContent ?? '';
      expect(text.includes(record.paper.title), 'title shown verbatim').toBe(true);
      expect(text.includes(record.paper.abstract!), 'abstract shown verbatim').toBe(true);
      expect(text.includes(record.paper.authors[0]!), 'authors shown verbatim').toBe(true);
    }
  }, 60_000);
});

describe('(d) library duplicates', () => {
  /** Two records of one paper under ids that name each other (so any payload groups), the payload in every field shown. */
  const pair = (payload: string, i: number): SavedPaper[] =>
    [`dblp:hostile/a${i}`, `dblp:hostile/b${i}`].map((id, k) => ({
      id,
      paper: makePaper({ id, title: payload, authors: [payload], aliases: k === 0 ? [`dblp:hostile/b${i}`] : [] }),
      status: 'to-read',
      tags: [`t${k}`],
      note: payload,
      savedFrom: '',
      savedAt: 1_000_000 + i * 2 + k,
      updatedAt: 1_000_000 + i * 2 + k,
    }));

  it('every payload in titles, ids shown beside them and notes stays text', async () => {
    const records = PAYLOADS.flatMap(pair);
    const view = renderLibrary(records);
    // Payloads that read as one title (markup differing in punctuation alone) with the same author join one group.
    const expected = findDuplicates(records);
    expect(expected.length).toBeGreaterThan(PAYLOADS.length / 2);
    fireEvent.click(await view.findByRole('button', { name: `Duplicates (${expected.length})` }, { timeout: 10_000 }));
    const panel = view.getByRole('region', { name: 'Possible duplicates' });
    expect(panel.querySelectorAll(FORBIDDEN)).toHaveLength(0);
    expect(hasHandlerAttribute(panel)).toBe(false);
    expect(panel.querySelectorAll('a')).toHaveLength(0);
    const groups = Array.from(panel.querySelectorAll('fieldset'));
    expect(groups).toHaveLength(expected.length);
    const byId = new Map(records.map((record) => [record.id, record]));
    for (const group of groups) {
      figures.duplicatesChecked++;
      const ids = Array.from(group.querySelectorAll('label code'), (el) => el.textContent ?? '');
      const titles = Array.from(group.querySelectorAll('.copy-title'), (el) => el.textContent);
      expect(ids.length).toBeGreaterThan(1);
      expect(ids.every((id, i) => byId.get(id)?.paper.title === titles[i]), `titles of ${ids.join()} shown verbatim`).toBe(true);
      expect(group.querySelectorAll('input[type="radio"]')).toHaveLength(ids.length);
    }
  }, 60_000);
});

describe('(e) a new arXiv version\'s comment (from arXiv\'s answers), in the library and the popup', () => {
  /** A paper saved at v1, and arXiv's v2 whose comment is the payload. */
  const revised = (payload: string, i: number) => {
    const key = `2401.${String(10_000 + i)}`;
    const record: SavedPaper = {
      id: `arxiv:${key}`,
      paper: makePaper({ id: `arxiv:${key}`, title: `Paper ${i}`, version: 1 }),
      status: 'to-read',
      tags: [],
      note: '',
      savedFrom: '',
      savedAt: 1_000_000 + i,
      updatedAt: 1_000_000 + i,
    };
    return { record, entry: { key, version: 2, updated: '2026-11-02', checkedAt: 1, comment: payload } };
  };

  it('every payload stays text, verbatim: in the library panel\'s list and the popup\'s details', async () => {
    const cases = PAYLOADS.slice(0, 100).map(revised); // the panel lists 100 at once
    const view = renderLibrary(cases.map((c) => c.record), undefined, undefined, undefined, (api) => {
      for (const { entry } of cases) api.versions.set(entry.key, entry);
    });
    const list = await view.findByRole('list', { name: 'Papers with a newer version' }, { timeout: 10_000 });
    await waitFor(() => expect(list.querySelectorAll('li')).toHaveLength(cases.length));
    expect(list.querySelectorAll(FORBIDDEN)).toHaveLength(0);
    expect(hasHandlerAttribute(list)).toBe(false);
    const shown = new Set(Array.from(list.querySelectorAll('.comment'), (el) => el.textContent));
    for (const { entry } of cases) {
      figures.popupItemsChecked++;
      expect(shown.has(`Its comment: “${entry.comment}”`), `comment ${JSON.stringify(entry.comment.slice(0, 60))} shown verbatim`).toBe(true);
    }
    expect(Array.from(list.querySelectorAll('.comment')).every((el) => el.childElementCount === 0)).toBe(true);
    cleanup();

    const api = createFakeApi(cases.slice(0, 10).map((c) => c.record));
    for (const { entry } of cases.slice(0, 10)) api.versions.set(entry.key, entry);
    const popup = render(h(App, { api, stateOptions: { drafts: memoryDraftStore(), refreshDelayMs: 0 } }));
    await waitFor(() => expect(popup.container.querySelectorAll('li[data-id] .revised')).toHaveLength(10), { timeout: 10_000 });
    for (const li of Array.from(popup.container.querySelectorAll('li[data-id]'))) {
      fireEvent.click(li.querySelector('button[aria-expanded]')!);
      const line = await waitFor(() => li.querySelector('.new-version')!);
      const { entry } = cases.find((c) => c.record.id === li.getAttribute('data-id'))!;
      expect(line.querySelector('.comment')?.textContent).toBe(`Its comment: “${entry.comment}”`);
      expect(line.querySelectorAll(FORBIDDEN)).toHaveLength(0);
      expect(hasHandlerAttribute(line)).toBe(false);
    }
  }, 60_000);
});

describe('(c) background validation', () => {
  const valid = makePaper();
  const isHttp = (s: string) => /^https?:\/\//i.test(s);
  const accepts = (message: unknown) => {
    figures.envelopesChecked++;
    try {
      parseEnvelope(message);
      return true;
    } catch (error) {
      expect(error).toBeInstanceOf(TypeError);
      return false;
    }
  };
  /** What an id must never hold, whatever its prefix: markup, quotes, controls, invisible or bidi characters. */
  const UNSAFE_IN_ID = /[\u0000-\u001F\u007F\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]|^(?:javascript|vbscript|data|blob|file|about):/i;
  const ALL = [...PAYLOADS, ...SCRIPT_URLS, ...BAD_REPOS, 'arxiv:2401.00001\u202E', 'arxiv:<svg/onload=alert(1)>', 'doi:10.1/"onmouseover="x', 'arxiv:\u0000'];

  it('rejects non-http(s) URLs in every URL field', () => {
    for (const payload of ALL.filter((p) => !isHttp(p))) {
      for (const field of ['url', 'pdfUrl', 'projectUrl'] as const) {
        expect(accepts({ type: 'save', payload: { paper: { ...valid, [field]: payload }, savedFrom: 'https://arxiv.org/abs/2401.00001' } }), `${field}=${JSON.stringify(payload.slice(0, 60))}`).toBe(false);
      }
      expect(accepts({ type: 'save', payload: { paper: valid, savedFrom: payload } })).toBe(false);
    }
  });

  it('rejects hostile repository names (save and repo lookup), dot segments included', () => {
    for (const payload of ALL) {
      const shape = /^[A-Za-z0-9-]{1,39}\/[A-Za-z0-9._-]{1,100}$/.test(payload) && !/\/\.{1,2}$/.test(payload);
      const inPaper = accepts({ type: 'save', payload: { paper: { ...valid, githubRepos: [payload] }, savedFrom: 'https://arxiv.org/' } });
      const lookup = accepts({ type: 'repo', payload: { name: payload } });
      expect(inPaper, JSON.stringify(payload.slice(0, 60))).toBe(shape);
      expect(lookup, JSON.stringify(payload.slice(0, 60))).toBe(shape);
    }
  });

  it('rejects hostile tags in edits and records', () => {
    for (const payload of ALL) {
      const ok = accepts({ type: 'edit', payload: { id: 'arxiv:2401.00001', edit: { tags: [payload] } } });
      if (ok) expect(v.parse(TagSchema, payload)).toMatch(/^[\p{L}\p{N} ._-]+$/u);
      expect(ok && /[<>"'`:/\\\u0000-\u001F\u200B-\u200F\u202A-\u202E\u2066-\u2069]/.test(payload), JSON.stringify(payload.slice(0, 60))).toBe(false);
    }
  });

  // Ids are only ever shown as text and used as keys. `<>"'` stay allowed: real DOIs contain them (SICI DOIs like
  // 10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-0). Invisible, control and bidi characters and
  // prefixes that are not Papershelf's (`javascript:`) are refused.
  it('rejects ids with white space, invisible or bidi characters, or a prefix that is not a site', () => {
    for (const payload of ALL) {
      const ok = [
        accepts({ type: 'lookup', payload: { ids: [payload] } }),
        accepts({ type: 'remove', payload: { id: payload } }),
        accepts({ type: 'save', payload: { paper: { ...valid, id: payload }, savedFrom: 'https://arxiv.org/' } }),
      ];
      expect(new Set(ok).size, 'lookup, remove and save agree').toBe(1);
      if (ok[0]) {
        expect(payload).not.toMatch(/\s/);
        expect(v.is(PaperId, payload)).toBe(true);
        expect(UNSAFE_IN_ID.test(payload), JSON.stringify(payload.slice(0, 80))).toBe(false);
      }
    }
  });
});

afterAll(() => {
  recordFigures({
    suite: 'hostile-strings',
    durationMs: Math.round(performance.now() - started),
    counts: {
      // One payload in one place: an overlay, a popup item (every field), an envelope field.
      payloadsTried: figures.overlayRenders + figures.popupItemsChecked + figures.envelopesChecked,
      overlayRenders: figures.overlayRenders,
      popupItemsChecked: figures.popupItemsChecked,
      envelopesChecked: figures.envelopesChecked,
    },
    details: { distinctPayloads: PAYLOADS.length },
    findings: findings.list(),
  });
  console.log(`[robustness] strings: ${PAYLOADS.length} payloads x (overlay, popup, messages): ${figures.overlayRenders} overlays, ${figures.popupItemsChecked} popup items, ${figures.envelopesChecked} envelopes`);
  for (const f of findings.list()) console.log(`[robustness] finding ${f.id} x${f.count}: ${f.summary}\n    e.g. ${f.example?.slice(0, 300)}`);
});
