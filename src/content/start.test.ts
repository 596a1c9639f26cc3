// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LOAD_WAIT_MS, loadingPhase, startContentScript, whenParsed } from './start';
import { pageReply, parseEnvelope, type Notice, type Responses } from '../background/messages';
import { handle, type HandlerDeps } from '../background/handlers';
import { createRelevanceService } from '../background/relevance';
import { openDatabase, savePaper, type Database } from '../storage/reading-list';
import { DEFAULT_SETTINGS } from '../storage/settings';
import type { SavedPaper } from '../storage/schema';
import { shownText, userInput } from './overlay/host';
import { fakeAdapter } from '../../test/unit/fake-adapter';
import { emptyPaper } from '../core/paper';
import { captureClosedRoots } from '../../test/unit/closed-roots';
import { checkRules } from '../core/tags/rules';

describe('whenParsed (the script is injected at document_start and reads the page once it is parsed)', () => {
  it('waits for DOMContentLoaded while the document is loading, and runs once', () => {
    const doc = document.implementation.createHTMLDocument('loading');
    Object.defineProperty(doc, 'readyState', { value: 'loading', configurable: true });
    const then = vi.fn();
    whenParsed(doc, then);
    expect(then).not.toHaveBeenCalled();
    Object.defineProperty(doc, 'readyState', { value: 'interactive', configurable: true });
    doc.dispatchEvent(new Event('DOMContentLoaded'));
    doc.dispatchEvent(new Event('DOMContentLoaded'));
    expect(then).toHaveBeenCalledTimes(1);
  });

  it('runs at once on a document already parsed (injected late, or into an open tab)', () => {
    const then = vi.fn();
    expect(document.readyState).not.toBe('loading');
    whenParsed(document, then);
    expect(then).toHaveBeenCalledTimes(1);
  });
});

describe('loadingPhase (our slices are polite while the page loads, so our first pass never holds its load event)', () => {
  const page = (state: DocumentReadyState) => {
    const doc = document.implementation.createHTMLDocument('page');
    const set = (next: DocumentReadyState) => Object.defineProperty(doc, 'readyState', { value: next, configurable: true });
    set(state);
    return { doc, set };
  };

  it('is polite while the page is parsed and until it has loaded', () => {
    const { doc, set } = page('loading');
    let now = 0;
    const loading = loadingPhase(doc, LOAD_WAIT_MS, () => now);
    expect(loading.polite()).toBe(true);
    now = 10 * LOAD_WAIT_MS; // a long page takes a while to parse: the wait counts from DOMContentLoaded
    expect(loading.polite()).toBe(true);
    set('interactive');
    loading.parsed();
    now += LOAD_WAIT_MS / 2;
    expect(loading.polite()).toBe(true);
    set('complete');
    expect(loading.polite()).toBe(false);
  });

  it('stops being polite LOAD_WAIT_MS after the page is parsed, if it has not loaded by then (slow images)', () => {
    const { doc } = page('interactive');
    let now = 500;
    const loading = loadingPhase(doc, LOAD_WAIT_MS, () => now);
    loading.parsed();
    loading.parsed(); // the first time counts
    now += LOAD_WAIT_MS - 1;
    expect(loading.polite()).toBe(true);
    now += 1;
    expect(loading.polite()).toBe(false);
  });

  it('is not polite on a page already loaded (an open tab, in-page navigation)', () => {
    const { doc } = page('complete');
    expect(loadingPhase(doc).polite()).toBe(false);
  });
});

describe('startContentScript follows a settings notice (options page, no reload)', () => {
  const adapter = fakeAdapter;
  const roots = captureClosedRoots();
  let settings: Responses['tagSettings'];
  let listeners: ((message: unknown, sender?: unknown, respond?: (answer: unknown) => void) => true | undefined)[];
  let asked: string[];

  beforeEach(() => {
    settings = { watchedTopics: [], followedAuthors: [], tagRules: [], relevance: false };
    listeners = [];
    asked = [];
    const answers: Record<string, (payload: any) => unknown> = {
      tagSettings: () => settings,
      lookup: () => ({}),
      topics: ({ papers }: { papers: unknown[] }) => papers.map(() => []),
      relevance: () => [{ id: 'fake:1', score: 0.3, reason: 'like 1 saved paper' }],
    };
    (globalThis as { browser?: unknown }).browser = {
      runtime: {
        sendMessage: async ({ type, payload }: { type: string; payload: unknown }) => {
          asked.push(type);
          return { ok: true, value: answers[type]?.(payload) ?? [] };
        },
        onMessage: { addListener: (listener: (typeof listeners)[number]) => listeners.push(listener) },
      },
    };
  });
  afterEach(() => {
    delete (globalThis as { browser?: unknown }).browser;
    document.body.replaceChildren();
  });

  const chips = () => [...document.querySelectorAll('papershelf-overlay')].map((h) => [...roots.get(h)!.querySelectorAll('.chip')].map((c) => shownText(c)));
  const marks = () => [...document.querySelectorAll('papershelf-overlay')].map((h) => !roots.get(h)!.querySelector<HTMLElement>('.relevant')!.hidden);
  const tell = (message: unknown) => listeners.forEach((listener) => listener(message));

  it('asks for the settings again and updates the overlays it shows: rule chips, relevance marks', async () => {
    history.replaceState(null, '', '/list');
    document.body.innerHTML = '<article><a class="paper" href="/1">l</a><h3>Reward models</h3></article><article><a class="paper" href="/2">l</a><h3>Vision</h3></article>';
    startContentScript([adapter]);
    await vi.waitFor(() => expect(chips()).toEqual([[], []]));
    expect(asked.filter((t) => t === 'tagSettings')).toHaveLength(1);
    settings = { watchedTopics: [], followedAuthors: [], tagRules: checkRules([{ tag: 'rl', match: 'reward', fields: 'title' }]), relevance: true };
    tell({ type: 'settings' });
    await vi.waitFor(() => expect(chips()).toEqual([['rl'], []]));
    await vi.waitFor(() => expect(marks()).toEqual([true, false]));
    expect(asked.filter((t) => t === 'tagSettings')).toHaveLength(2);
    settings = { watchedTopics: [], followedAuthors: [], tagRules: [], relevance: false };
    tell({ type: 'settings', tagRules: checkRules([{ tag: 'x', match: 'vision', fields: 'title' }]) }); // not a notice: ignored
    tell({ type: 'settings' });
    await vi.waitFor(() => expect(marks()).toEqual([false, false]));
    expect(chips()).toEqual([[], []]);
    expect(asked.filter((t) => t === 'tagSettings')).toHaveLength(3);
  });

  it('a reload notice (a worker stopped before a notice went out) reads the settings again too', async () => {
    history.replaceState(null, '', '/list');
    document.body.innerHTML = '<article><a class="paper" href="/1">l</a><h3>Reward models</h3></article>';
    startContentScript([adapter]);
    await vi.waitFor(() => expect(asked).toContain('lookup'));
    await vi.waitFor(() => expect(chips().length).toBeGreaterThan(0));
    expect(chips().flat()).not.toContain('rl');
    settings = { watchedTopics: [], followedAuthors: [], tagRules: checkRules([{ tag: 'rl', match: 'reward', fields: 'title' }]), relevance: false };
    tell({ type: 'reload' });
    // (The earlier tests' scripts are still running on this document, deaf to this test's notices: the overlay of this
    // test's script is the one that changes.)
    await vi.waitFor(() => expect(chips().flat()).toContain('rl'));
    expect(asked.filter((t) => t === 'tagSettings')).toHaveLength(2);
  });

  it('a page restored from the back/forward cache reads the settings again too (their notice never reached it, frozen)', async () => {
    // A page only this test's script handles (the earlier tests' scripts still run on this document).
    history.replaceState(null, '', '/restored');
    document.body.innerHTML = '<article><a class="paper" href="/1">l</a><h3>Reward models</h3></article>';
    startContentScript([{ ...adapter, pageKind: (url: URL) => (url.pathname === '/restored' ? 'list' : null) }]);
    await vi.waitFor(() => expect(chips()).toEqual([[]]));
    // A tag rule saved on the options page while the reader was on another page, this one in the cache.
    settings = { watchedTopics: [], followedAuthors: [], tagRules: checkRules([{ tag: 'rl', match: 'reward', fields: 'title' }]), relevance: false };
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    await vi.waitFor(() => expect(chips()).toEqual([['rl']]));
  });

  it('answers the save shortcut with whether a card took it (none did: the background saves the address), and nothing else', async () => {
    // A page only this test's script handles (the earlier tests' scripts still run on this document).
    history.replaceState(null, '', '/shortcut');
    document.body.innerHTML = '<article><a class="paper" href="/1">l</a><h3>Reward models</h3></article><article><a class="paper" href="/2">l</a><h3>Vision</h3></article>';
    startContentScript([{ ...adapter, pageKind: (url: URL) => (url.pathname === '/shortcut' ? 'list' : null) }]);
    await vi.waitFor(() => expect(chips()).toEqual([[], []]));
    const respond = vi.fn();
    const own = listeners.at(-1)!;
    expect(own({ type: 'settings' }, {}, respond)).toBeUndefined();
    own({ type: 'reload' }, {}, respond);
    // Two cards, none under the pointer: none takes it.
    expect(own({ type: 'save-shortcut' }, {}, respond)).toBe(true); // answered later
    await vi.waitFor(() => expect(respond).toHaveBeenCalledExactlyOnceWith(false));
    // The card under the pointer does.
    document.querySelector('h3')!.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    own({ type: 'save-shortcut' }, {}, respond);
    await vi.waitFor(() => expect(respond).toHaveBeenLastCalledWith(true));
    expect(asked).toContain('save');
  });

  it('on a page no adapter handles, a settings notice asks nothing', async () => {
    history.replaceState(null, '', '/profile');
    startContentScript([adapter]);
    tell({ type: 'settings' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(asked).toEqual([]);
  });
});

describe('startContentScript follows a paper under any of its ids (Paper.aliases)', () => {
  // A page only this adapter handles: the scripts of the tests above, still running on this document, leave it alone.
  // Cards are dblp entries; a card's `data-also` is the DOI its entry names too.
  const aliased = {
    ...fakeAdapter,
    pageKind: (url: URL) => (url.pathname.startsWith('/aliased') ? 'list' : null),
    extract(card: Element, ctx: null) {
      const paper = fakeAdapter.extract(card, ctx);
      const also = card.getAttribute('data-also');
      return paper && { ...paper, id: paper.id.replace('fake:', 'dblp:conf/x/'), aliases: also ? [`doi:10.1109/${also}`] : [] };
    },
  };
  const roots = captureClosedRoots();
  let listeners: ((message: unknown) => undefined)[];
  let sent: { type: string; payload: any }[];

  beforeEach(() => {
    vi.spyOn(userInput, 'isUser').mockReturnValue(true); // jsdom's clicks stand for the reader's
    listeners = [];
    sent = [];
    // The background as it answers a page: paper 1 is saved as its DOI.
    const answers: Record<string, (payload: any) => unknown> = {
      tagSettings: () => ({ watchedTopics: [], followedAuthors: [], tagRules: [], relevance: false }),
      lookup: ({ ids }: { ids: string[] }) => Object.fromEntries(ids.map((id) => [id, id === 'dblp:conf/x/1' ? { status: 'reading', tags: [], savedAs: 'doi:10.1109/one' } : null])),
      topics: ({ papers }: { papers: unknown[] }) => papers.map(() => []),
      edit: ({ id, edit }: { id: string; edit: { status: string } }) => ({ id, status: edit.status, tags: [] }),
      remove: ({ id }: { id: string }) => ({ id, status: 'reading', tags: [] }),
    };
    (globalThis as { browser?: unknown }).browser = {
      runtime: {
        sendMessage: async (message: { type: string; payload: unknown }) => {
          sent.push(parseEnvelope(message)); // what the background takes, or throws
          return { ok: true, value: answers[message.type]?.(message.payload) ?? [] };
        },
        onMessage: { addListener: (listener: (message: unknown) => undefined) => listeners.push(listener) },
      },
    };
  });
  afterEach(() => {
    delete (globalThis as { browser?: unknown }).browser;
    document.body.replaceChildren();
    vi.restoreAllMocks();
  });

  const hosts = () => [...document.querySelectorAll('papershelf-overlay')];
  const pressed = () => hosts().map((h) => roots.get(h)!.querySelector('button')!.getAttribute('aria-pressed'));
  const tell = (message: unknown) => listeners.forEach((listener) => listener(message));
  const payloads = (type: string) => sent.filter((m) => m.type === type).map((m) => m.payload);

  it("names a card's other ids only where its page gives any, edits and removes it as its record, and follows that record's notices", async () => {
    history.replaceState(null, '', '/aliased');
    document.body.innerHTML = '<article data-also="one"><a class="paper" href="/1">l</a><h3>One</h3></article><article><a class="paper" href="/2">l</a><h3>Two</h3></article>';
    startContentScript([aliased]);
    await vi.waitFor(() => expect(pressed()).toEqual(['true', 'false']));
    expect(payloads('lookup')).toEqual([{ ids: ['dblp:conf/x/1', 'dblp:conf/x/2'], aliases: { 'dblp:conf/x/1': ['doi:10.1109/one'] } }]);
    document.body.insertAdjacentHTML('beforeend', '<article><a class="paper" href="/3">l</a><h3>Three</h3></article>');
    await vi.waitFor(() => expect(payloads('lookup')).toHaveLength(2));
    expect(payloads('lookup')[1]).toStrictEqual({ ids: ['dblp:conf/x/3'] }); // no `aliases` at all where no card has any
    const root = roots.get(hosts()[0]!)!;
    root.querySelector<HTMLButtonElement>('button.status')!.click();
    [...root.querySelectorAll<HTMLButtonElement>('.statuses button')].find((b) => shownText(b) === 'Done')!.click();
    await vi.waitFor(() => expect(payloads('edit')).toEqual([{ id: 'doi:10.1109/one', edit: { status: 'done' } }]));
    await new Promise((resolve) => setTimeout(resolve, 10)); // and answered: a notice of a paper whose write is on its way waits for it
    // Another tab saved paper 2 as its DOI, whose record names this page's id for it; then removed paper 1's record.
    tell({ type: 'changed', id: 'doi:10.1109/two', aliases: ['dblp:conf/x/2'], state: { status: 'to-read', tags: [] } });
    expect(pressed()).toEqual(['true', 'true', 'false']);
    tell({ type: 'changed', id: 'doi:10.1109/one', aliases: [], state: null });
    expect(pressed()).toEqual(['false', 'true', 'false']);
    roots.get(hosts()[1]!)!.querySelector('button')!.click();
    await vi.waitFor(() => expect(payloads('remove')).toEqual([{ id: 'doi:10.1109/two' }]));
    expect(pressed()).toEqual(['false', 'false', 'false']);
  });
});

describe('startContentScript with the real background (its handlers over fake-indexeddb): a paper under any of its ids', () => {
  // dblp entries (a page only this adapter handles: the scripts of the tests above leave it alone): a card's id is the
  // paper's IEEE DOI, and the entry names its CVF page too.
  const dblp = {
    ...fakeAdapter,
    pageKind: (url: URL) => (url.pathname.startsWith('/with-background') ? 'list' : null),
    extract(card: Element, ctx: null) {
      const paper = fakeAdapter.extract(card, ctx);
      const key = card.querySelector('a.paper')!.getAttribute('href')!.slice(1);
      return paper && { ...paper, id: `doi:10.1109/${key}`, aliases: [`cvf:${key}`], source: { site: 'dblp', page: 'list' } };
    },
  };
  const roots = captureClosedRoots();
  let listeners: ((message: unknown) => undefined)[];
  let db: Database;
  let deps: HandlerDeps;
  /** A write from another tab or page, told to this one as the background tells every tab. */
  const elsewhere = (type: 'save' | 'edit' | 'remove', payload: unknown) => handle(parseEnvelope({ type, payload }), deps);
  const list = async () => ((await handle(parseEnvelope({ type: 'list', payload: {} }), deps)) as SavedPaper[]).map((r) => `${r.id} ${r.status}`).sort();
  const cvfPaper = (key: string) => emptyPaper(`cvf:${key}`, `Paper ${key}`, { site: 'cvf', page: 'conference' });

  beforeEach(async () => {
    vi.spyOn(userInput, 'isUser').mockReturnValue(true); // jsdom's clicks stand for the reader's
    globalThis.indexedDB = new IDBFactory();
    db = await openDatabase();
    listeners = [];
    deps = {
      db: async () => db,
      broadcast: (notice: Notice) => listeners.forEach((listener) => listener(structuredClone(notice))),
      repos: { repo: async () => null, paperRepos: async () => [], figures: async (names) => names.map(() => null) },
      settings: async () => DEFAULT_SETTINGS,
      saveSettings: async () => DEFAULT_SETTINGS,
      relevance: createRelevanceService(async () => db),
      links: { resolve: async () => Promise.reject(new Error('no saves from an address in these tests')) , latestVersions: async () => ({ status: 'failed' as const, reason: 'not asked' }) },
      granted: async () => false,
    };
    (globalThis as { browser?: unknown }).browser = {
      runtime: {
        // As the background answers a content script: validated, handled, and a write's answer cut to the paper's state.
        sendMessage: async (message: unknown) => {
          try {
            const envelope = parseEnvelope(structuredClone(message));
            return pageReply(envelope.type, { ok: true, value: await handle(envelope, deps) });
          } catch (error) {
            return { ok: false, error: { name: (error as Error).name, message: (error as Error).message } };
          }
        },
        onMessage: { addListener: (listener: (message: unknown) => undefined) => listeners.push(listener) },
      },
    };
  });
  afterEach(() => {
    delete (globalThis as { browser?: unknown }).browser;
    document.body.replaceChildren();
    db.close();
    vi.restoreAllMocks();
  });

  const hosts = () => [...document.querySelectorAll('papershelf-overlay')];
  const pressed = () => hosts().map((h) => roots.get(h)!.querySelector('button')!.getAttribute('aria-pressed'));
  const statusShown = (i: number) => shownText(roots.get(hosts()[i]!)!.querySelector('button.status')!);
  const pick = (i: number, label: string) => {
    const root = roots.get(hosts()[i]!)!;
    root.querySelector<HTMLButtonElement>('button.status')!.click();
    [...root.querySelectorAll<HTMLButtonElement>('.statuses button')].find((b) => shownText(b) === label)!.click();
  };

  it('shows, edits and removes a paper saved from its CVF page on its dblp entry, follows saves elsewhere, and makes no second record', async () => {
    await savePaper(db, cvfPaper('A'), { savedFrom: 'https://openaccess.thecvf.com/CVPR2023' });
    history.replaceState(null, '', '/with-background');
    document.body.innerHTML = ['A', 'B', 'C'].map((key) => `<article><a class="paper" href="/${key}">l</a><h3>Paper ${key}</h3></article>`).join('');
    startContentScript([dblp]);
    await vi.waitFor(() => expect(pressed()).toEqual(['true', 'false', 'false']));
    pick(0, 'Done');
    await vi.waitFor(() => expect(list()).resolves.toEqual(['cvf:A done']));
    expect(statusShown(0)).toBe('Done▾');
    // Paper B saved from its CVF page in another tab, which names no other id: its dblp card follows.
    await elsewhere('save', { paper: cvfPaper('B'), savedFrom: 'https://openaccess.thecvf.com/CVPR2023' });
    await vi.waitFor(() => expect(pressed()).toEqual(['true', 'true', 'false']));
    // Paper C likewise, its notice lost (a worker stopped): saved from its card, it goes into that record.
    await savePaper(db, cvfPaper('C'), { savedFrom: 'https://openaccess.thecvf.com/CVPR2023' });
    roots.get(hosts()[2]!)!.querySelector('button')!.click();
    await vi.waitFor(() => expect(pressed()).toEqual(['true', 'true', 'true']));
    expect(await list()).toEqual(['cvf:A done', 'cvf:B to-read', 'cvf:C to-read']);
    pick(2, 'Reading');
    await vi.waitFor(() => expect(list()).resolves.toEqual(['cvf:A done', 'cvf:B to-read', 'cvf:C reading']));
    // Removed from the cards, and from another tab.
    roots.get(hosts()[0]!)!.querySelector('button')!.click();
    roots.get(hosts()[2]!)!.querySelector('button')!.click();
    await vi.waitFor(() => expect(list()).resolves.toEqual(['cvf:B to-read']));
    await elsewhere('remove', { id: 'cvf:B' });
    await vi.waitFor(() => expect(pressed()).toEqual(['false', 'false', 'false']));
    expect(await list()).toEqual([]);
  });
});

describe('startContentScript asks for repositories a Hugging Face card shows stars for but does not name', () => {
  // A listing re-rendered in the page (period tabs, search) is read from its cards, whose star count links to the paper
  // page, not to the repository: the paper API names it. A card without stars has no code, as the page's JSON says.
  const hfCards = {
    ...fakeAdapter,
    extract(card: Element) {
      const id = card.querySelector('a.paper')!.getAttribute('href')!.slice(1);
      const stars = card.getAttribute('data-stars');
      return { ...emptyPaper(`arxiv:${id}`, `Paper ${id}`, { site: 'huggingface', page: 'week' }), githubStars: stars === null ? null : Number(stars) };
    },
  };
  let asked: { type: string; payload: any }[];

  beforeEach(() => {
    asked = [];
    const answers: Record<string, (payload: any) => unknown> = {
      tagSettings: () => ({ watchedTopics: [], followedAuthors: [], tagRules: [], relevance: false }),
      lookup: () => ({}),
      topics: ({ papers }: { papers: unknown[] }) => papers.map(() => []),
      paperRepos: ({ arxivIds }: { arxivIds: string[] }) => arxivIds.map(() => []),
    };
    (globalThis as { browser?: unknown }).browser = {
      runtime: {
        sendMessage: async ({ type, payload }: { type: string; payload: unknown }) => {
          asked.push({ type, payload });
          return { ok: true, value: answers[type]?.(payload) ?? [] };
        },
        onMessage: { addListener: () => {} },
      },
    };
  });
  afterEach(() => {
    delete (globalThis as { browser?: unknown }).browser;
    document.body.replaceChildren();
  });

  it('asks the paper API for the card with stars only', async () => {
    history.replaceState(null, '', '/list');
    document.body.innerHTML = '<article data-stars="12"><a class="paper" href="/2607.00001">l</a></article><article><a class="paper" href="/2607.00002">l</a></article>';
    startContentScript([hfCards]);
    await vi.waitFor(() => expect(asked.filter((m) => m.type === 'paperRepos').flatMap((m) => m.payload.arxivIds)).toEqual(['2607.00001']));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(asked.filter((m) => m.type === 'paperRepos').flatMap((m) => m.payload.arxivIds)).toEqual(['2607.00001']);
  });

  it("asks for the badges that show the page's stars in a message of their own, which GitHub may be spared for", async () => {
    history.replaceState(null, '', '/list');
    document.body.innerHTML = '<article data-stars="12" data-repo="hf/starred"><a class="paper" href="/2607.00001">l</a></article><article data-repo="arxiv/plain"><a class="paper" href="/2607.00002">l</a></article>';
    const withRepos = {
      ...hfCards,
      extract(card: Element) {
        return { ...hfCards.extract(card), githubRepos: [card.getAttribute('data-repo')!] };
      },
    };
    startContentScript([withRepos]); // the last test here: a content script is never stopped
    await vi.waitFor(() => expect(asked.filter((m) => m.type === 'repos')).toHaveLength(2));
    expect(asked.filter((m) => m.type === 'repos').map((m) => m.payload)).toEqual(
      expect.arrayContaining([{ names: ['arxiv/plain'] }, { names: ['hf/starred'], spare: true }]),
    );
  });
});
