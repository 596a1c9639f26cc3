// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import type { Paper } from '../core/paper';
import type { SiteAdapter } from '../sites/types';
import type { ReadingStatus } from '../storage/schema';
import type { SavedState } from '../storage/reading-list';
import { ANNOTATED_MARK, Annotator, BLOCK, FIRST_CARDS, NEIGHBOURS, PER_INSERTION, type ReadingListPort } from './annotator';
import { failureMessage } from './annotator/failure-message';
import { setPoliteWhile, yieldToPage } from './annotator/schedule';
import type { Tag } from './overlay/tag-chips';
import { RELEVANCE_CARDS_MAX } from '../background/messages';
import { createTagger } from './tagger';
import { shownText, userInput } from './overlay/host';
import { card, fakeAdapter } from '../../test/unit/fake-adapter';
import { huggingface } from '../sites/huggingface';
import { captureClosedRoots } from '../../test/unit/closed-roots';
import { checkRules } from '../core/tags/rules';

// jsdom's clicks are all a script's: here they stand for the user's (the guard itself: overlay/save-control.test.ts).
beforeEach(() => void vi.spyOn(userInput, 'isUser').mockReturnValue(true));

const roots = captureClosedRoots();
beforeEach(() => {
  document.body.innerHTML = '';
  history.replaceState(null, '', '/list');
});
const running: Annotator[] = [];
afterEach(() => {
  running.splice(0).forEach((a) => a.stop());
});

/** vi.waitFor's limit: building dozens of overlays in slices takes a few hundred ms, several times that on a busy machine. */
const WAIT = { timeout: 5000 };

/**
 * A fake background: `saved` papers by their record's id, and the other ids each record answers to (`aliases`, by
 * record id). As the background's, a lookup finds a paper under any of its ids: a record that names the id asked, or
 * one the card's own aliases name (its state then says `savedAs`); a save goes into the record the paper already is,
 * and its answer names that record. Edits and removal take the record's id only.
 */
function fakePort(saved: Record<string, ReadingStatus> = {}, aliases: Record<string, string[]> = {}) {
  const store = new Map(Object.entries(saved).map(([id, status]) => [id, { status, tags: [] as string[] }]));
  const recordOf = (id: string, also: readonly string[] = []): string | null => {
    if (store.has(id)) return id;
    for (const [record, names] of Object.entries(aliases)) if (store.has(record) && names.includes(id)) return record;
    return also.find((alias) => store.has(alias)) ?? null;
  };
  const port: ReadingListPort & { calls: string[]; store: typeof store } = {
    calls: [],
    store,
    lookup: vi.fn(async (ids: string[], named?: Record<string, string[]>) => {
      port.calls.push(`lookup:${ids.join(',')}`);
      return Object.fromEntries(
        ids.map((id) => {
          const record = recordOf(id, named?.[id]);
          const state = record === null ? null : store.get(record)!;
          return [id, state && record !== null && record !== id ? { ...state, savedAs: record } : state];
        }),
      );
    }),
    save: vi.fn(async (paper: Paper) => {
      const id = recordOf(paper.id, paper.aliases) ?? paper.id;
      const state = store.get(id) ?? { status: 'to-read' as const, tags: [] };
      store.set(id, state);
      return { id, ...state };
    }),
    remove: vi.fn(async (id: string) => void store.delete(id)),
    setStatus: vi.fn(async (id: string, status: ReadingStatus) => {
      const state = store.get(id);
      if (!state) return null;
      state.status = status;
      return { id, ...state };
    }),
    repo: vi.fn(async (name: string) => ({ name, stars: 1234, pushedAt: '2026-06-20T00:00:00Z', archived: false, notFound: false })),
    moreRepos: vi.fn(async () => [] as string[]),
  };
  return port;
}

const button = (host: Element) => roots.get(host)!.querySelector('button')!;
const hosts = () => [...document.querySelectorAll('papershelf-overlay')];
/** The page's cards (the fake adapter's), and the overlay host inside one (null: none mounted). */
const articles = () => [...document.querySelectorAll('article')];
const hostIn = (card: Element) => card.querySelector('papershelf-overlay');
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function annotator(port: ReadingListPort, onError = vi.fn(), tagger?: (paper: Paper, topics?: readonly { id: string; label: string }[]) => Tag[], screenWaitMs?: number) {
  const a = new Annotator({ doc: document, adapterFor: (url) => (fakeAdapter.pageKind(url) ? fakeAdapter : null), port, onError, tagger, now: () => new Date('2026-07-02T00:00:00Z'), screenWaitMs });
  running.push(a);
  return a;
}

describe('Annotator', () => {
  it('gives every card one overlay with its saved state, asking storage once per batch', async () => {
    document.body.innerHTML = card('1') + card('2') + '<article>not a paper</article>';
    const port = fakePort({ 'fake:2': 'reading' });
    await annotator(port).start();
    expect(hosts().map((h) => h.getAttribute('data-papershelf-id'))).toEqual(['fake:1', 'fake:2']);
    expect(hosts().map((h) => button(h).getAttribute('aria-pressed'))).toEqual(['false', 'true']);
    expect(port.calls).toEqual(['lookup:fake:1,fake:2']);
    // Nothing about the user on the host: only the paper id.
    expect(hosts().flatMap((h) => h.getAttributeNames())).toEqual(['data-papershelf-id', 'data-papershelf-id']);
  });

  it("shows the topics the background matches for each built card's paper, asked once per paper; the mark waits for them", async () => {
    document.body.innerHTML = card('1', 'Agents that plan') + card('2') + card('1', 'Agents that plan');
    const port = fakePort();
    let answer!: () => void;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    port.topics = vi.fn(async (paper: Paper) => {
      await answered;
      return paper.id === 'fake:1' ? [{ id: 'agents', label: 'Agents' }, { id: 'planning', label: 'Planning' }] : [];
    });
    performance.clearMarks(ANNOTATED_MARK);
    const a = annotator(port, vi.fn(), createTagger({ watchedTopics: ['planning'], followedAuthors: [], tagRules: [] }));
    const started = a.start();
    await vi.waitFor(() => expect(hosts()).toHaveLength(3), WAIT);
    const chips = (host: Element) => [...roots.get(host)!.querySelectorAll('.tags button.chip')].map((b) => `${shownText(b)}${b.hasAttribute('data-watched') ? '*' : ''}`);
    const standsOut = () => hosts().map((h) => roots.get(h)!.querySelector('.row')!.classList.contains('watched'));
    expect(hosts().map(chips)).toEqual([[], [], []]); // built before the answer
    expect(standsOut()).toEqual([false, false, false]);
    await flush();
    expect(performance.getEntriesByName(ANNOTATED_MARK)).toHaveLength(0); // the pass waits for it
    answer();
    await started;
    expect(hosts().map(chips)).toEqual([['Planning*', 'Agents'], [], ['Planning*', 'Agents']]); // watched first
    expect(standsOut()).toEqual([true, false, true]); // a watched topic makes its card stand out
    expect(performance.getEntriesByName(ANNOTATED_MARK)).toHaveLength(1);
    expect(vi.mocked(port.topics).mock.calls.map(([p]) => p.id)).toEqual(['fake:1', 'fake:2']); // once per paper
  });

  it('a failed topics answer leaves a card its other tags, is reported, never holds the mark, and is asked again', async () => {
    document.body.innerHTML = card('1');
    const port = fakePort();
    let fail = true;
    port.topics = vi.fn(async () => {
      if (fail) throw new Error('worker gone');
      return [{ id: 'agents', label: 'Agents' }];
    });
    const onError = vi.fn();
    const tagger = (paper: Paper, topics: readonly { id: string; label: string }[] = []): Tag[] => [
      ...topics.map(({ label }): Tag => ({ label, kind: 'topic', watched: false })),
      { label: 'cs.AI', kind: 'site', watched: false },
    ];
    performance.clearMarks(ANNOTATED_MARK);
    const a = annotator(port, onError, tagger);
    await a.start();
    const chips = (host: Element) => [...roots.get(host)!.querySelectorAll('.tags button.chip')].map((b) => shownText(b));
    expect(hosts().map(chips)).toEqual([['cs.AI']]);
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'worker gone' }));
    expect(performance.getEntriesByName(ANNOTATED_MARK)).toHaveLength(1);
    fail = false;
    document.body.insertAdjacentHTML('beforeend', card('1')); // another card of the same paper, built
    await vi.waitFor(() => expect(hosts().map(chips)).toEqual([['Agents', 'cs.AI'], ['Agents', 'cs.AI']]), WAIT);
    expect(port.topics).toHaveBeenCalledTimes(2);
  });

  it('annotates cards appended later, once, and skips a card whose extraction throws', async () => {
    const onError = vi.fn();
    const a = annotator(fakePort(), onError);
    await a.start();
    document.body.insertAdjacentHTML('beforeend', card('3') + card('boom') + card('4'));
    await flush();
    document.body.insertAdjacentHTML('beforeend', '<p>unrelated</p>');
    await flush();
    expect(hosts().map((h) => h.getAttribute('data-papershelf-id'))).toEqual(['fake:3', 'fake:4']);
    expect(onError).toHaveBeenCalledTimes(1);
  });

  it('puts the overlay back when the page re-renders a card', async () => {
    document.body.innerHTML = card('1');
    await annotator(fakePort()).start();
    const article = document.querySelector('article')!;
    article.innerHTML = '<a class="paper" href="/1">link</a><h3>Paper 1</h3>'; // framework re-render
    await flush();
    expect(article.querySelectorAll('papershelf-overlay')).toHaveLength(1);
  });

  it('does not rescan for mutations inside annotated cards (MathJax typesetting)', async () => {
    document.body.innerHTML = card('1', 'Title with $x^2$');
    await annotator(fakePort()).start();
    const findCards = vi.spyOn(fakeAdapter, 'findCards');
    const title = document.querySelector('h3')!;
    for (let i = 0; i < 20; i++) title.append(document.createElement('mjx-container'));
    await flush();
    expect(findCards).not.toHaveBeenCalled();
    expect(hosts()).toHaveLength(1);
    findCards.mockRestore();
  });

  it('annotates a card the page replaced wholesale', async () => {
    document.body.innerHTML = '<main>' + card('1') + '</main>';
    await annotator(fakePort()).start();
    document.querySelector('main')!.innerHTML = card('1');
    await flush();
    expect(hosts()).toHaveLength(1);
    expect(document.querySelector('article papershelf-overlay')).not.toBeNull();
  });

  it('follows a card the page reuses for another paper (same element, its link and title changed in place)', async () => {
    document.body.innerHTML = card('1') + card('2');
    const port = fakePort({ 'fake:1': 'reading' });
    await annotator(port).start();
    const first = articles()[0]!;
    // A framework's list re-rendered by index (Svelte's unkeyed each): the element stays, its attributes and text change.
    first.querySelector('a.paper')!.setAttribute('href', '/3');
    first.querySelector('h3')!.firstChild!.nodeValue = 'Paper 3';
    await vi.waitFor(() => expect(hosts().map((h) => h.getAttribute('data-papershelf-id'))).toEqual(['fake:3', 'fake:2']), WAIT);
    expect(first.querySelectorAll('papershelf-overlay')).toHaveLength(1);
    await vi.waitFor(() => expect(button(hostIn(first)!).getAttribute('aria-pressed')).toBe('false'), WAIT); // paper 1 was the saved one
    button(hostIn(first)!).click();
    await flush();
    expect(port.save).toHaveBeenCalledWith(expect.objectContaining({ id: 'fake:3', title: 'Paper 3' }), location.href);
  });

  it('follows a card whose inner part the page re-renders for another paper, beside the overlay', async () => {
    document.body.innerHTML = '<article><div class="body"><a class="paper" href="/1">link</a><h3>Paper 1</h3></div></article>';
    const port = fakePort();
    await annotator(port).start();
    const article = articles()[0]!;
    expect(article.lastElementChild!.localName).toBe('papershelf-overlay'); // the fake adapter mounts at the card's end
    article.querySelector('.body')!.replaceChildren(...new DOMParser().parseFromString(card('2'), 'text/html').querySelector('article')!.childNodes);
    await vi.waitFor(() => expect(hosts().map((h) => h.getAttribute('data-papershelf-id'))).toEqual(['fake:2']), WAIT);
    button(hostIn(article)!).click();
    await flush();
    expect(port.save).toHaveBeenCalledWith(expect.objectContaining({ id: 'fake:2', title: 'Paper 2' }), location.href);
  });

  it('a card the page empties for a moment (a loading state) and fills with another paper gets that paper, once', async () => {
    document.body.innerHTML = card('1');
    await annotator(fakePort()).start();
    const article = articles()[0]!;
    const skeleton = document.createElement('div');
    skeleton.innerHTML = '<a href="#">Loading…</a>';
    article.querySelector('a.paper')!.replaceWith(skeleton);
    article.querySelector('h3')!.remove();
    await flush();
    await flush();
    expect(hosts()).toHaveLength(0); // it names no paper now
    const fresh = new DOMParser().parseFromString(card('2'), 'text/html').querySelector('article')!;
    skeleton.replaceWith(...fresh.childNodes);
    await vi.waitFor(() => expect(hosts().map((h) => h.getAttribute('data-papershelf-id'))).toEqual(['fake:2']), WAIT);
  });

  it('follows a card reused for another paper during in-page navigation, and one that held no paper before', async () => {
    document.body.innerHTML = card('1') + '<article><a class="paper" href="/2">link</a></article>';
    const port = fakePort();
    await annotator(port).start();
    const [first, second] = articles();
    history.pushState(null, '', '/list?period=week'); // the URL changes in the same turn as the cards
    first!.querySelector('a.paper')!.setAttribute('href', '/3');
    first!.querySelector('h3')!.firstChild!.nodeValue = 'Paper 3';
    second!.insertAdjacentHTML('beforeend', '<h3>Paper 4</h3>');
    second!.querySelector('a.paper')!.setAttribute('href', '/4');
    await vi.waitFor(() => expect(hosts().map((h) => h.getAttribute('data-papershelf-id'))).toEqual(['fake:3', 'fake:4']), WAIT);
    button(hostIn(first!)!).click();
    await flush();
    expect(port.save).toHaveBeenCalledWith(expect.objectContaining({ id: 'fake:3', title: 'Paper 3' }), location.href);
  });

  describe('an in-page navigation the page makes after redrawing its cards (Firefox ESR: no Navigation API)', () => {
    /** fakeAdapter, but the page kind is the period in the URL, and a card is read with the kind of when it was found. */
    const periods: SiteAdapter<string> = {
      ...(fakeAdapter as unknown as SiteAdapter<string>),
      pageKind: (url) => (url.pathname.startsWith('/list') ? (url.searchParams.get('period') ?? 'daily') : null),
      context: vi.fn((_doc: Document, url: URL) => url.searchParams.get('period') ?? 'daily'),
      extract: (card, page) => {
        const paper = fakeAdapter.extract(card, null);
        return paper && { ...paper, source: { site: 'fake', page } };
      },
    };
    const start = (port: ReadingListPort) => {
      const a = new Annotator({ doc: document, adapterFor: (url) => (periods.pageKind(url) ? periods : null), port, now: () => new Date('2026-07-02T00:00:00Z') });
      running.push(a);
      return a.start();
    };
    /** The page's period tab: the new period's cards first, its URL a task later (as SvelteKit can). */
    const switchToWeek = async () => {
      document.body.innerHTML = card('2');
      await vi.waitFor(() => expect(hosts()).toHaveLength(1), WAIT);
      history.pushState(null, '', '/list?period=week');
    };

    it('saves a paper with the kind of page it is saved from, as its address is', async () => {
      document.body.innerHTML = card('1');
      const port = fakePort();
      await start(port);
      await switchToWeek();
      button(hosts()[0]!).click();
      await flush();
      expect(port.save).toHaveBeenCalledWith(expect.objectContaining({ id: 'fake:2', source: { site: 'fake', page: 'week' } }), location.href);
    });

    it('reads the new page after a click in it, without waiting for the page to change again', async () => {
      document.body.innerHTML = card('1');
      await start(fakePort());
      await switchToWeek();
      vi.mocked(periods.context).mockClear();
      document.body.click(); // the reader's click that led to it: the URL is checked once the page has drawn
      await vi.waitFor(() => expect(periods.context).toHaveBeenCalledWith(document, new URL(location.href), expect.any(Date)), { timeout: 2000 });
    });

    it('a stopped annotator (an orphaned script, after an update) reads nothing on a later navigation', async () => {
      document.body.innerHTML = card('1');
      await start(fakePort());
      running.at(-1)!.stop();
      vi.mocked(periods.context).mockClear();
      history.pushState(null, '', '/list?period=week');
      window.dispatchEvent(new PopStateEvent('popstate'));
      document.body.click();
      await new Promise((resolve) => setTimeout(resolve, 150)); // the click's check, after the frame (or 100 ms)
      expect(periods.context).not.toHaveBeenCalled();
    });

    it('an in-page link to an anchor is no new page: nothing is read again', async () => {
      document.body.innerHTML = card('1');
      await start(fakePort());
      vi.mocked(periods.context).mockClear();
      history.pushState(null, '', '/list#section-2');
      document.body.click();
      document.body.insertAdjacentHTML('beforeend', card('2'));
      await vi.waitFor(() => expect(hosts()).toHaveLength(2), WAIT);
      await new Promise((resolve) => setTimeout(resolve, 150)); // the click's check, after the frame (or 100 ms)
      expect(periods.context).not.toHaveBeenCalled();
    });
  });

  it('saves and removes optimistically and updates every card of the same paper', async () => {
    document.body.innerHTML = card('1') + card('1', 'Same paper, other card');
    const port = fakePort();
    await annotator(port).start();
    button(hosts()[0]!).click();
    expect(hosts().map((h) => button(h).getAttribute('aria-pressed'))).toEqual(['true', 'true']);
    await flush();
    expect(port.save).toHaveBeenCalledWith(expect.objectContaining({ id: 'fake:1', title: 'Paper 1' }), location.href);
    button(hosts()[1]!).click();
    await flush();
    expect(port.remove).toHaveBeenCalledWith('fake:1');
    expect(hosts().map((h) => button(h).getAttribute('aria-pressed'))).toEqual(['false', 'false']);
  });

  it('saves from a page whose address is longer than a record keeps, with the address cut to fit', async () => {
    const before = location.href;
    onTestFinished(() => history.replaceState(null, '', before));
    history.replaceState(null, '', `${location.pathname}?q=${'x'.repeat(3000)}#results`);
    document.body.innerHTML = card('1');
    const port = fakePort();
    await annotator(port).start();
    button(hosts()[0]!).click();
    await flush();
    expect(port.save).toHaveBeenCalledWith(expect.objectContaining({ id: 'fake:1' }), `${location.origin}${location.pathname}`);
  });

  it('a re-read of the saved states that fails (an orphaned script, after an update) is reported, never thrown', async () => {
    document.body.innerHTML = card('1');
    const port = fakePort({ 'fake:1': 'reading' });
    const onError = vi.fn();
    const a = annotator(port, onError);
    await a.start();
    port.lookup = vi.fn(async () => {
      throw new Error('Extension context invalidated.');
    });
    await expect(a.refresh()).resolves.toBeUndefined();
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'Extension context invalidated.' }));
    expect(button(hosts()[0]!).getAttribute('aria-pressed')).toBe('true'); // what it showed stays
  });

  // A lookup's answer is read from the list as it was when the background read it; a notice, a write's answer or the
  // reader's click that came after the question is newer (the background restarted after a lost notice: every tab
  // re-reads while a save commits).
  it('a re-read answered after a change notice does not undo it (the answer was read before the change)', async () => {
    document.body.innerHTML = card('1') + card('2');
    const port = fakePort();
    const a = annotator(port);
    await a.start();
    let answer!: (states: Record<string, SavedState | null>) => void;
    port.lookup = vi.fn(() => new Promise<Record<string, SavedState | null>>((resolve) => (answer = resolve)));
    const refreshed = a.refresh();
    a.applyChange('fake:1', { status: 'reading', tags: [] }); // saved in another tab, after the question
    answer({ 'fake:1': null, 'fake:2': { status: 'done', tags: [] } });
    await refreshed;
    expect(hosts().map((h) => button(h).getAttribute('aria-pressed'))).toEqual(['true', 'true']);
  });

  it("a re-read answered after the reader's click does not undo it while the save is on its way", async () => {
    document.body.innerHTML = card('1');
    const port = fakePort();
    const a = annotator(port);
    await a.start();
    let answer!: (states: Record<string, SavedState | null>) => void;
    port.lookup = vi.fn(() => new Promise<Record<string, SavedState | null>>((resolve) => (answer = resolve)));
    let saved!: () => void;
    const save = port.save;
    port.save = vi.fn((paper: Paper, from: string) => new Promise<Awaited<ReturnType<typeof save>>>((resolve) => (saved = () => void save(paper, from).then(resolve))));
    const refreshed = a.refresh();
    button(hosts()[0]!).click();
    answer({ 'fake:1': null });
    await refreshed;
    expect(button(hosts()[0]!).getAttribute('aria-pressed')).toBe('true');
    saved();
    await flush();
    expect(button(hosts()[0]!).getAttribute('aria-pressed')).toBe('true');
  });

  it("names each card's paper on its Save button, so that a screen reader's list of buttons tells them apart", async () => {
    document.body.innerHTML = card('1', 'Attention Is All You Need') + card('2', 'Deep Residual Learning');
    await annotator(fakePort({ 'fake:2': 'reading' })).start();
    expect(hosts().map((h) => button(h).getAttribute('aria-label'))).toEqual(['Save “Attention Is All You Need”', 'Saved “Deep Residual Learning”']);
    expect(hosts().map((h) => shownText(button(h)))).toEqual(['☆Save', '★Saved']); // the name begins with what is shown
  });

  it('rolls back and says so when a save fails', async () => {
    document.body.innerHTML = card('1');
    const port = fakePort();
    port.save = vi.fn(async () => {
      throw new Error('QuotaExceededError');
    });
    await annotator(port).start();
    button(hosts()[0]!).click();
    await flush();
    const root = roots.get(hosts()[0]!)!;
    expect(button(hosts()[0]!).getAttribute('aria-pressed')).toBe('false');
    expect(shownText(root.querySelector('[role=status]')!)).toBe('Could not save. Try again.');
  });

  it('takes the failure message away when the save tried again goes through', async () => {
    document.body.innerHTML = card('1');
    const port = fakePort();
    const save = port.save;
    port.save = vi.fn().mockRejectedValueOnce(new Error('offline')).mockImplementation(save);
    await annotator(port).start();
    button(hosts()[0]!).click();
    await flush();
    button(hosts()[0]!).click();
    await flush();
    const root = roots.get(hosts()[0]!)!;
    expect([button(hosts()[0]!).getAttribute('aria-pressed'), shownText(root.querySelector('[role=status]')!)]).toEqual(['true', '']);
  });

  it('shows the stored state, without a failure message, when the answer was lost after the write committed', async () => {
    document.body.innerHTML = card('1');
    const port = fakePort();
    const save = port.save;
    port.save = vi.fn(async (paper: Paper, from: string) => {
      await save(paper, from); // committed, then the worker stopped before it could answer
      throw new Error('The Papershelf background did not answer');
    });
    await annotator(port).start();
    button(hosts()[0]!).click();
    await flush();
    expect(button(hosts()[0]!).getAttribute('aria-pressed')).toBe('true');
    expect(shownText(roots.get(hosts()[0]!)!.querySelector('[role=status]')!)).toBe('');
  });

  it("quick presses: an earlier write's notice or answer, come while a later one is on its way, leaves the card as the reader left it", async () => {
    document.body.innerHTML = card('1');
    const port = fakePort({ 'fake:1': 'reading' });
    // The background does the writes in order, each when the test lets it, and its notice comes before its answer.
    const queue: (() => void)[] = [];
    const gated = <A extends unknown[], R>(write: (...args: A) => Promise<R>) =>
      vi.fn(async (...args: A) => {
        await new Promise<void>((resolve) => queue.push(resolve));
        const answer = await write(...args);
        a.applyChange('fake:1', port.store.has('fake:1') ? { ...port.store.get('fake:1')!, tags: [] } : null);
        return answer;
      });
    const { save, remove } = port;
    port.save = gated(save);
    port.remove = gated(remove);
    const a = annotator(port);
    await a.start();
    const pressed = () => button(hosts()[0]!).getAttribute('aria-pressed');
    const press = () => button(hosts()[0]!).dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, detail: 0 })); // Enter
    /** The background commits the oldest write waiting, tells every tab, then answers. */
    const commit = async () => {
      queue.shift()!();
      await flush();
    };
    press(); // remove
    press(); // save again
    expect(pressed()).toBe('true');
    await commit(); // the removal's notice, while the save is on its way
    expect(pressed()).toBe('true');
    press(); // the reader removes it: a removal, as the card showed it saved
    expect(pressed()).toBe('false');
    await commit(); // the save's notice and answer, while the last removal is on its way
    expect(pressed()).toBe('false');
    await commit();
    await flush();
    expect(pressed()).toBe('false');
    expect([...port.store.keys()]).toEqual([]);
    expect(port.calls.filter((c) => c.startsWith('lookup'))).toHaveLength(1); // the page's own: the notices matched
  });

  it("a notice from another tab held while this tab's write was on its way has the card read the paper again", async () => {
    document.body.innerHTML = card('1');
    const port = fakePort();
    let answer!: () => void;
    const { save } = port;
    port.save = vi.fn(async (paper: Paper, from: string) => {
      const saved = { ...(await save(paper, from)) }; // committed; its answer is on its way
      a.applyChange('fake:1', { status: saved.status, tags: [] });
      await new Promise<void>((resolve) => (answer = resolve));
      return saved;
    });
    const a = annotator(port);
    await a.start();
    button(hosts()[0]!).click();
    await flush();
    // Another tab sets the status before this tab hears the answer.
    port.store.set('fake:1', { status: 'done', tags: [] });
    a.applyChange('fake:1', { status: 'done', tags: [] });
    answer();
    await flush(); // the answer is in: it is older than the other tab's change
    const status = () => shownText(roots.get(hosts()[0]!)!.querySelector('button.status')!);
    await vi.waitFor(() => expect(status()).toContain('Done'), { timeout: 1000 });
    expect(port.calls.filter((c) => c.startsWith('lookup'))).toHaveLength(2);
  });

  it("follows the site's theme switch on overlays built before it, and on those built after", async () => {
    document.body.innerHTML = card('1');
    onTestFinished(() => document.documentElement.classList.remove('dark'));
    await annotator(fakePort()).start();
    const theme = (host: Element) => roots.get(host)!.querySelector('.row')!.getAttribute('data-theme');
    expect(theme(hosts()[0]!)).toBe('light');
    document.documentElement.classList.add('dark'); // Hugging Face's theme switcher
    await vi.waitFor(() => expect(theme(hosts()[0]!)).toBe('dark'), WAIT);
    document.body.insertAdjacentHTML('beforeend', card('2'));
    await vi.waitFor(() => expect(hosts().map(theme)).toEqual(['dark', 'dark']), WAIT);
    document.documentElement.classList.remove('dark');
    await vi.waitFor(() => expect(hosts().map(theme)).toEqual(['light', 'light']), WAIT);
  });

  it("on a site whose theme is its class alone (Hugging Face), a page without it is light whatever the system says", async () => {
    // A system set to dark (jsdom has no matchMedia of its own).
    const matchMedia = (query: string) => ({ matches: query === '(prefers-color-scheme: dark)', addEventListener() {}, removeEventListener() {} });
    Object.defineProperty(window, 'matchMedia', { configurable: true, value: matchMedia });
    onTestFinished(() => void delete (window as { matchMedia?: unknown }).matchMedia);
    const byClass = { ...fakeAdapter, themeByClass: true };
    document.body.innerHTML = card('1');
    const a = new Annotator({ doc: document, adapterFor: (url) => (byClass.pageKind(url) ? byClass : null), port: fakePort(), onError: vi.fn(), now: () => new Date('2026-07-02T00:00:00Z') });
    running.push(a);
    await a.start();
    const theme = (host: Element) => roots.get(host)!.querySelector('.row')!.getAttribute('data-theme');
    await vi.waitFor(() => expect(hosts().map(theme)).toEqual(['light']), WAIT);
    // Elsewhere the system's setting decides.
    const b = annotator(fakePort());
    a.stop();
    document.body.innerHTML = card('2');
    await b.start();
    await vi.waitFor(() => expect(hosts().map(theme)).toEqual(['dark']), WAIT);
  });

  it('applies changes broadcast from other tabs', async () => {
    document.body.innerHTML = card('1');
    const a = annotator(fakePort());
    await a.start();
    a.applyChange('fake:1', { status: 'done', tags: [] });
    expect(button(hosts()[0]!).getAttribute('aria-pressed')).toBe('true');
  });

  it('rescans after in-page navigation to a page it handles, and ignores pages it does not', async () => {
    document.body.innerHTML = card('1');
    const a = annotator(fakePort());
    await a.start();
    history.pushState(null, '', '/elsewhere');
    document.body.insertAdjacentHTML('beforeend', card('2'));
    await flush();
    expect(hosts()).toHaveLength(1);
    history.pushState(null, '', '/list?page=2');
    document.body.insertAdjacentHTML('beforeend', card('3'));
    // The rescan reads the context and finds cards in tasks of their own: wait for it.
    await vi.waitFor(() => expect(hosts().map((h) => h.getAttribute('data-papershelf-id'))).toEqual(['fake:1', 'fake:2', 'fake:3']), WAIT);
  });

  it('on a page it does not handle (a site registered whole: its home), reads nothing as the page changes, and starts on navigation', async () => {
    history.replaceState(null, '', '/profile');
    document.body.innerHTML = card('1');
    const adapter = { ...fakeAdapter, findCards: vi.fn(fakeAdapter.findCards), context: vi.fn(fakeAdapter.context) };
    const a = new Annotator({ doc: document, adapterFor: (url) => (adapter.pageKind(url) ? adapter : null), port: fakePort() });
    running.push(a);
    await a.start();
    for (let i = 2; i < 6; i++) document.body.insertAdjacentHTML('beforeend', card(String(i)));
    await flush();
    expect(adapter.findCards).not.toHaveBeenCalled();
    expect(adapter.context).not.toHaveBeenCalled();
    expect(hosts()).toHaveLength(0);
    history.pushState(null, '', '/list'); // the app's router: the URL, then its list
    document.body.insertAdjacentHTML('beforeend', card('6'));
    await vi.waitFor(() => expect(hosts()).toHaveLength(6), WAIT);
  });

  it('asks for its settings once, and only when a page it handles is shown', async () => {
    history.replaceState(null, '', '/profile');
    document.body.innerHTML = card('1');
    const prepare = vi.fn(async () => {});
    const a = new Annotator({ doc: document, adapterFor: (url) => (fakeAdapter.pageKind(url) ? fakeAdapter : null), port: fakePort(), prepare });
    running.push(a);
    await a.start();
    expect(prepare).not.toHaveBeenCalled();
    expect(hosts()).toHaveLength(0);
    history.pushState(null, '', '/list');
    await a.checkUrl();
    history.pushState(null, '', '/list?page=2');
    await a.checkUrl();
    expect(prepare).toHaveBeenCalledTimes(1);
    expect(hosts()).toHaveLength(1);
  });

  it('primed while the page is parsed, asks for its settings then, once, and only on a page it handles', async () => {
    history.replaceState(null, '', '/profile');
    const prepare = vi.fn(async () => {});
    const elsewhere = new Annotator({ doc: document, adapterFor: (url) => (fakeAdapter.pageKind(url) ? fakeAdapter : null), port: fakePort(), prepare });
    running.push(elsewhere);
    elsewhere.prime();
    expect(prepare).not.toHaveBeenCalled();

    history.replaceState(null, '', '/list');
    let settle!: () => void;
    const settings = vi.fn(() => new Promise<void>((resolve) => (settle = resolve)));
    const a = new Annotator({ doc: document, adapterFor: (url) => (fakeAdapter.pageKind(url) ? fakeAdapter : null), port: fakePort(), prepare: settings });
    running.push(a);
    a.prime();
    expect(settings).toHaveBeenCalledTimes(1); // at once, before any card is there
    document.body.innerHTML = card('1');
    const started = a.start();
    await flush();
    expect(hosts()).toHaveLength(0); // the cards wait for the settings asked for ahead
    settle();
    await started;
    expect(settings).toHaveBeenCalledTimes(1);
    expect(hosts()).toHaveLength(1);
  });

  it('changes the reading status of a saved paper from the card', async () => {
    document.body.innerHTML = card('1');
    const port = fakePort({ 'fake:1': 'to-read' });
    await annotator(port).start();
    const root = roots.get(hosts()[0]!)!;
    const status = root.querySelector<HTMLButtonElement>('button.status')!;
    expect(shownText(status)).toBe('To read▾');
    const row = root.querySelector('.row')!;
    expect(row.classList.contains('open')).toBe(false);
    status.click();
    // Open, the statuses may not fit the overlay's one line: the row opens (its host grows) while they are shown.
    expect(row.classList.contains('open')).toBe(true);
    expect(root.querySelector('style.open')).not.toBeNull();
    const done = [...root.querySelectorAll<HTMLButtonElement>('.statuses button')].find((b) => shownText(b) === 'Done')!;
    done.click();
    expect(row.classList.contains('open')).toBe(false);
    expect(root.querySelector('style.open')).toBeNull();
    await flush();
    expect(port.setStatus).toHaveBeenCalledWith('fake:1', 'done');
    expect(shownText(status)).toBe('Done▾');
    expect(status.getAttribute('aria-label')).toBe('Done: reading status of “Paper 1”');
  });

  it('shows a few tag chips with a +N overflow, and a chip click marks every card that has the tag', async () => {
    document.body.innerHTML = card('1') + card('2') + card('3');
    const tags: Record<string, Tag[]> = {
      'fake:1': ['LLMs', 'Agents', 'Reasoning', 'Benchmarks', 'cs.CL'].map((label) => ({ label, kind: 'topic' as const, watched: false })),
      'fake:2': [{ label: 'Agents', kind: 'topic', watched: true }],
      'fake:3': [{ label: 'Diffusion', kind: 'topic', watched: false }],
    };
    await annotator(fakePort(), vi.fn(), (paper) => tags[paper.id] ?? []).start();
    const chips = (i: number) => [...roots.get(hosts()[i]!)!.querySelectorAll('.tags button')].map((b) => shownText(b));
    expect(chips(0)).toEqual(['LLMs', 'Agents', 'Reasoning', '+2']);
    // Nothing behind a count: the button shows, at the reader's click, whatever did not fit on the overlay's line.
    expect(chips(1)).toEqual(['Agents', '⋯']);
    expect(roots.get(hosts()[1]!)!.querySelector('.row')!.classList.contains('watched')).toBe(true);
    const agents = roots.get(hosts()[0]!)!.querySelector('.tags button:nth-child(2)') as HTMLElement;
    agents.focus();
    agents.click();
    const marked = hosts().map((h) => roots.get(h)!.querySelector('.row')!.classList.contains('marked'));
    expect(marked).toEqual([true, true, false]);
    // The chips are drawn anew with the mark: the focus stays on the chip of the same tag.
    expect(shownText(roots.get(hosts()[0]!)!.activeElement!)).toBe('Agents');
    const row = roots.get(hosts()[0]!)!.querySelector('.row')!;
    expect(row.classList.contains('open')).toBe(false);
    const more = roots.get(hosts()[0]!)!.querySelector('.more') as HTMLElement;
    more.focus(); // a reader using keys: Enter on the focused button
    more.click();
    expect(chips(0)).toEqual(['LLMs', 'Agents', 'Reasoning', 'Benchmarks', 'cs.CL', 'less']);
    // The row opens (its host grows, at the reader's click only), and the button drawn anew keeps the focus.
    expect(row.classList.contains('open')).toBe(true);
    expect(roots.get(hosts()[0]!)!.querySelector('style.open')).not.toBeNull();
    expect(roots.get(hosts()[0]!)!.activeElement).toBe(roots.get(hosts()[0]!)!.querySelector('.more'));
    (roots.get(hosts()[0]!)!.querySelector('.more') as HTMLElement).click();
    expect(row.classList.contains('open')).toBe(false);
    expect(chips(0)).toEqual(['LLMs', 'Agents', 'Reasoning', '+2']);
  });

  it('a chip click marks every card with the same tag whatever its case, as one chip stands for both on a card', async () => {
    document.body.innerHTML = card('1') + card('2') + card('3');
    const tags: Record<string, Tag[]> = {
      'fake:1': [{ label: 'agents', kind: 'user', watched: false }, { label: 'Agents', kind: 'topic', watched: false }],
      'fake:2': [{ label: 'Agents', kind: 'topic', watched: false }],
      'fake:3': [{ label: 'Diffusion', kind: 'topic', watched: false }],
    };
    await annotator(fakePort(), vi.fn(), (paper) => tags[paper.id] ?? []).start();
    const chip = (i: number) => roots.get(hosts()[i]!)!.querySelector('.tags button.chip') as HTMLElement;
    expect(shownText(chip(0))).toBe('agents'); // one chip for the two
    chip(0).click();
    expect(hosts().map((h) => roots.get(h)!.querySelector('.row')!.classList.contains('marked'))).toEqual([true, true, false]);
    expect([0, 1].map((i) => chip(i).getAttribute('aria-pressed'))).toEqual(['true', 'true']);
    chip(1).click(); // the same tag again: the mark is cleared
    expect(hosts().map((h) => roots.get(h)!.querySelector('.row')!.classList.contains('marked'))).toEqual([false, false, false]);
  });

  it('shows a GitHub badge per repository, with the page figure at once and the API figures after', async () => {
    document.body.innerHTML = card('1');
    const port = fakePort();
    const withRepo: SiteAdapter<null> = {
      ...fakeAdapter,
      extract: (c) => ({ ...fakeAdapter.extract(c, null)!, githubRepos: ['Owner/Repo', 'evil/"><img src=x>'], githubStars: 99 }),
    };
    const a = new Annotator({ doc: document, adapterFor: () => withRepo, port, now: () => new Date('2026-07-02T00:00:00Z') });
    running.push(a);
    await a.start();
    await flush();
    const badges = [...roots.get(hosts()[0]!)!.querySelectorAll('a.badge')] as HTMLAnchorElement[];
    expect(badges.map((b) => b.href)).toEqual(['https://github.com/Owner/Repo']); // the malformed name gets no link
    expect(port.repo).toHaveBeenCalledWith('Owner/Repo', true); // it shows the page's stars: GitHub may be spared
    expect(shownText(badges[0]!)).toContain('★ 1.2k · 12d ago');
  });

  it("asks for a badge that shows the page's stars as one GitHub may be spared for (its quota running low)", async () => {
    document.body.innerHTML = card('1') + card('2');
    const port = fakePort();
    const starred: SiteAdapter<null> = {
      ...fakeAdapter,
      extract: (c) => {
        const paper = fakeAdapter.extract(c, null)!;
        return paper.id === 'fake:1' ? { ...paper, githubRepos: ['hf/starred'], githubStars: 99 } : { ...paper, githubRepos: ['arxiv/plain'], githubStars: null };
      },
    };
    const a = new Annotator({ doc: document, adapterFor: () => starred, port, now: () => new Date('2026-07-02T00:00:00Z') });
    running.push(a);
    await a.start();
    await flush();
    expect(vi.mocked(port.repo).mock.calls.sort()).toEqual([['arxiv/plain', false], ['hf/starred', true]]);
  });

  it('saves the hovered card on the keyboard shortcut', async () => {
    document.body.innerHTML = card('1') + card('2');
    const port = fakePort();
    const a = annotator(port);
    await a.start();
    document.querySelectorAll('article')[1]!.querySelector('h3')!.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    expect(await a.toggleActive()).toBe('fake:2');
    expect(port.save).toHaveBeenCalledWith(expect.objectContaining({ id: 'fake:2' }), location.href);
  });

  it('on the shortcut, toggles the paper the hovered card shows now, after the page reused it for another (period tabs)', async () => {
    document.body.innerHTML = card('1') + card('2');
    const port = fakePort();
    const a = annotator(port);
    await a.start();
    const second = articles()[1]!;
    second.querySelector('h3')!.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    // The pointer rests on the card while the page redraws it for another paper (no pointer move, no new mouseover).
    second.querySelector('a.paper')!.setAttribute('href', '/3');
    second.querySelector('h3')!.firstChild!.nodeValue = 'Paper 3';
    await vi.waitFor(() => expect(hosts().map((h) => h.getAttribute('data-papershelf-id'))).toEqual(['fake:1', 'fake:3']), WAIT);
    expect(await a.toggleActive()).toBe('fake:3');
    expect(port.save).toHaveBeenCalledWith(expect.objectContaining({ id: 'fake:3', title: 'Paper 3' }), location.href);
  });

  it('on the shortcut, toggles no card once the pointer left every card (not the last one it crossed)', async () => {
    document.body.innerHTML = '<header><h1>Papers</h1></header>' + card('1') + card('2');
    const port = fakePort();
    const a = annotator(port);
    await a.start();
    document.querySelectorAll('article')[1]!.querySelector('h3')!.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    document.querySelector('h1')!.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    expect(await a.toggleActive()).toBeNull();
    expect(port.save).not.toHaveBeenCalled();
  });

  it("on the shortcut, toggles the card whose fields sit beside it (the adapter's cardBeside: arXiv's dd)", async () => {
    document.body.innerHTML = card('1') + '<aside data-beside="1">its title, beside it</aside>' + card('2') + '<aside data-beside="2">its title</aside>';
    const port = fakePort();
    const beside: SiteAdapter<null> = {
      ...fakeAdapter,
      cardBeside: (el) => (el.localName === 'aside' && el.previousElementSibling?.localName === 'article' ? el.previousElementSibling : null),
    };
    const a = new Annotator({ doc: document, adapterFor: () => beside, port, now: () => new Date('2026-07-02T00:00:00Z') });
    running.push(a);
    await a.start();
    document.querySelector('article')!.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    document.querySelector('aside[data-beside="2"]')!.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    expect(await a.toggleActive()).toBe('fake:2');
  });

  it('says when storage is full, and keeps the card unsaved', async () => {
    document.body.innerHTML = card('1');
    const port = fakePort();
    port.save = vi.fn(async () => {
      throw Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    });
    await annotator(port).start();
    button(hosts()[0]!).click();
    await flush();
    expect(button(hosts()[0]!).getAttribute('aria-pressed')).toBe('false');
    expect(shownText(roots.get(hosts()[0]!)!.querySelector('[role=status]')!)).toMatch(/storage is full/);
  });

  it('shows the reading status on a saved card (the same overlay on every site), with no form control', async () => {
    document.body.innerHTML = card('1') + card('2');
    await annotator(fakePort({ 'fake:1': 'reading' })).start();
    const status = (i: number) => roots.get(hosts()[i]!)!.querySelector<HTMLButtonElement>('button.status');
    expect(status(0)!.closest('[hidden]')).toBeNull();
    expect(shownText(status(0)!)).toBe('Reading▾');
    expect(status(0)!.getAttribute('aria-label')).toBe('Reading: reading status of “Paper 1”');
    expect(status(1)).toBeNull(); // no status until saved
    // No <select> or other form control: each one built sets off Chromium's autofill agent (save-control.ts).
    expect(hosts().flatMap((h) => [...roots.get(h)!.querySelectorAll('select, input, textarea, option')])).toEqual([]);
  });
});

describe('Annotator following a paper under any of its ids (Paper.aliases)', () => {
  /**
   * The fake adapter where a page gives a paper other ids too (a dblp entry naming its DOI and its venue's id): each
   * `a.alias` link of a card is one (a `dblp:` id: aliases are of kinds Papershelf gives). It reads cards whole (no identify), as such adapters do.
   */
  const aliased: SiteAdapter<null> = {
    ...fakeAdapter,
    extract(c, ctx) {
      const paper = fakeAdapter.extract(c, ctx);
      const also = [...c.querySelectorAll('a.alias')].map((a) => `dblp:${a.getAttribute('href')!.slice(1)}`);
      return paper && { ...paper, aliases: also };
    },
  };
  /** A card of `aliased`'s: paper `id`, also known as each of `also`. */
  const aliasCard = (id: string, ...also: string[]) =>
    `<article><a class="paper" href="/${id}">link</a><h3>Paper ${id}</h3>${also.map((a) => `<a class="alias" href="/${a}">also</a>`).join('')}</article>`;
  const start = (port: ReadingListPort, adapter: SiteAdapter<null> = aliased) => {
    const a = new Annotator({ doc: document, adapterFor: (url) => (adapter.pageKind(url) ? adapter : null), port, onError: vi.fn() });
    running.push(a);
    return a;
  };
  const pressed = () => hosts().map((h) => button(h).getAttribute('aria-pressed'));
  const statusOf = (host: Element) => roots.get(host)!.querySelector<HTMLButtonElement>('button.status');
  /** Pick a reading status on a card, as the reader does. */
  const pick = (host: Element, label: string) => {
    statusOf(host)!.click();
    [...roots.get(host)!.querySelectorAll<HTMLButtonElement>('.statuses button')].find((b) => shownText(b) === label)!.click();
  };

  it("asks for a card's paper under its other ids too, shows it saved under one, and names that record to change its status and remove it", async () => {
    document.body.innerHTML = aliasCard('1', 'old1') + card('2');
    const port = fakePort({ 'dblp:old1': 'reading' });
    await start(port).start();
    // Only the card whose page gives other ids names them.
    expect(vi.mocked(port.lookup).mock.calls).toEqual([[['fake:1', 'fake:2'], { 'fake:1': ['dblp:old1'] }]]);
    expect(pressed()).toEqual(['true', 'false']);
    const host = hosts()[0]!;
    expect(shownText(statusOf(host)!)).toBe('Reading▾');
    pick(host, 'Done');
    await flush();
    expect(port.setStatus).toHaveBeenCalledWith('dblp:old1', 'done');
    expect(shownText(statusOf(host)!)).toBe('Done▾');
    expect(port.store.get('dblp:old1')!.status).toBe('done');
    button(host).click();
    await flush();
    expect(port.remove).toHaveBeenCalledWith('dblp:old1');
    expect(port.store.has('dblp:old1')).toBe(false);
    expect(pressed()).toEqual(['false', 'false']);
  });

  it('follows a card saved under a record that names the card\'s id among its own (a paper merged into another id)', async () => {
    document.body.innerHTML = card('1') + card('1', 'Same paper, other card');
    const port = fakePort({ 'dblp:doi1': 'to-read' }, { 'dblp:doi1': ['fake:1'] });
    await start(port, fakeAdapter).start();
    expect(pressed()).toEqual(['true', 'true']);
    pick(hosts()[1]!, 'Reading');
    await flush();
    expect(port.setStatus).toHaveBeenCalledWith('dblp:doi1', 'reading');
    expect(hosts().map((h) => shownText(statusOf(h)!))).toEqual(['Reading▾', 'Reading▾']);
    button(hosts()[0]!).click();
    await flush();
    expect(port.remove).toHaveBeenCalledWith('dblp:doi1');
    expect(pressed()).toEqual(['false', 'false']);
  });

  it('a save that goes into a record under another id (saved meanwhile elsewhere) is removed, and edited, as that record', async () => {
    document.body.innerHTML = aliasCard('1', 'old1');
    const port = fakePort();
    await start(port).start();
    expect(pressed()).toEqual(['false']);
    port.store.set('dblp:old1', { status: 'reading', tags: ['mine'] }); // another tab saved the paper as its dblp entry
    button(hosts()[0]!).click();
    await flush();
    expect(port.save).toHaveBeenCalledWith(expect.objectContaining({ id: 'fake:1', aliases: ['dblp:old1'] }), location.href);
    expect(shownText(statusOf(hosts()[0]!)!)).toBe('Reading▾'); // the record's state
    pick(hosts()[0]!, 'Done');
    await flush();
    expect(port.setStatus).toHaveBeenCalledWith('dblp:old1', 'done');
    button(hosts()[0]!).click();
    await flush();
    expect(port.remove).toHaveBeenCalledWith('dblp:old1');
    expect(pressed()).toEqual(['false']);
    expect(port.store.size).toBe(0);
  });

  it("after a failed removal, asks again under the record's id, and shows what the background has", async () => {
    document.body.innerHTML = card('1');
    const port = fakePort({ 'dblp:doi1': 'reading' }, { 'dblp:doi1': ['fake:1'] });
    await start(port, fakeAdapter).start();
    expect(pressed()).toEqual(['true']);
    port.remove = vi.fn(async () => {
      throw Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    });
    button(hosts()[0]!).click();
    await flush();
    await flush();
    expect(vi.mocked(port.lookup).mock.lastCall).toEqual([['fake:1'], { 'fake:1': ['dblp:doi1'] }]);
    expect(pressed()).toEqual(['true']);
    expect(shownText(statusOf(hosts()[0]!)!)).toBe('Reading▾');
    expect(shownText(roots.get(hosts()[0]!)!.querySelector('[role=status]')!)).toMatch(/^Could not remove/);
  });

  it("follows a notice for the record a card is saved as, and one that names the card's id among the record's", async () => {
    document.body.innerHTML = aliasCard('1', 'old1') + card('2') + card('3');
    const port = fakePort({ 'dblp:old1': 'to-read' });
    const a = start(port);
    await a.start();
    expect(pressed()).toEqual(['true', 'false', 'false']);
    // Another tab marks the record done: the notice names its id alone, which this card was matched through.
    a.applyChange('dblp:old1', { status: 'done', tags: ['mine'] }, []);
    expect(shownText(statusOf(hosts()[0]!)!)).toBe('Done▾');
    // Another tab saves a paper as `dblp:doi2`, which is card 2's paper: the notice names card 2's id among its aliases.
    a.applyChange('dblp:doi2', { status: 'reading', tags: [] }, ['fake:2', 'fake:x']);
    expect(pressed()).toEqual(['true', 'true', 'false']);
    expect(shownText(statusOf(hosts()[1]!)!)).toBe('Reading▾');
    // Its status changed from this card names that record.
    port.store.set('dblp:doi2', { status: 'reading', tags: [] });
    pick(hosts()[1]!, 'Done');
    await flush();
    expect(port.setStatus).toHaveBeenLastCalledWith('dblp:doi2', 'done');
    // Removals clear them all.
    a.applyChange('dblp:old1', null, []);
    a.applyChange('dblp:doi2', null, ['fake:2']);
    expect(pressed()).toEqual(['false', 'false', 'false']);
    // Saved again under their own ids, they name them.
    a.applyChange('fake:2', { status: 'to-read', tags: [] }, []);
    port.store.set('fake:2', { status: 'to-read', tags: [] });
    button(hosts()[1]!).click();
    await flush();
    expect(port.remove).toHaveBeenLastCalledWith('fake:2');
  });

  it("shows a card saved when another tab saves its paper under one of the ids the card's page gives, a record that names none of the card's", async () => {
    document.body.innerHTML = aliasCard('1', 'old1') + aliasCard('2', 'old2');
    const port = fakePort({ 'fake:2': 'done' });
    const a = start(port);
    await a.start();
    expect(pressed()).toEqual(['false', 'true']);
    // Saved from a page that gives only `dblp:old1`. The record answers to `dblp:old2` too, an id card 2's page gives:
    // card 2, saved as itself, stays so.
    a.applyChange('dblp:old1', { status: 'reading', tags: [] }, ['dblp:old2']);
    expect(pressed()).toEqual(['true', 'true']);
    expect(hosts().map((h) => shownText(statusOf(h)!))).toEqual(['Reading▾', 'Done▾']);
    port.store.set('dblp:old1', { status: 'reading', tags: [] });
    pick(hosts()[0]!, 'Done');
    pick(hosts()[1]!, 'Reading');
    await flush();
    expect(vi.mocked(port.setStatus).mock.calls).toEqual([['dblp:old1', 'done'], ['fake:2', 'reading']]);
    a.applyChange('dblp:old1', null, []);
    expect(pressed()).toEqual(['false', 'true']);
  });

  it("a notice of another record that also names a card's id leaves a card saved as itself, and a removal one saved as a third record", async () => {
    // Two records of one paper, from before the pages linked them (or a backup's): `fake:2` itself, and `fake:y`, whose
    // aliases name `fake:2` and `fake:1` (which the list gives to `dblp:old1`). A lookup answers each card as shown.
    document.body.innerHTML = aliasCard('1', 'old1') + card('2');
    const port = fakePort({ 'dblp:old1': 'to-read', 'fake:2': 'done', 'fake:y': 'reading' });
    const a = start(port);
    await a.start();
    expect(hosts().map((h) => shownText(statusOf(h)!))).toEqual(['To read▾', 'Done▾']);
    a.applyChange('fake:y', { status: 'reading', tags: ['other'] }, ['fake:2']);
    expect(hosts().map((h) => shownText(statusOf(h)!))).toEqual(['To read▾', 'Done▾']);
    pick(hosts()[1]!, 'Reading');
    await flush();
    expect(port.setStatus).toHaveBeenLastCalledWith('fake:2', 'reading');
    a.applyChange('fake:y', null, ['fake:1', 'fake:2']);
    expect(pressed()).toEqual(['true', 'true']);
    button(hosts()[0]!).click();
    await flush();
    expect(port.remove).toHaveBeenLastCalledWith('dblp:old1');
  });

  it('takes the relevance mark off a card once its paper is saved under another id', async () => {
    document.body.innerHTML = card('1') + card('2');
    const port = fakePort();
    port.relevance = vi.fn(async (cards: { id: string }[]) => cards.map((c) => ({ id: c.id, score: 0.2, reason: 'like 1 saved paper' })));
    const a = start(port, fakeAdapter);
    a.setRelevance(true);
    await a.start();
    const mark = (host: Element) => roots.get(host)!.querySelector<HTMLButtonElement>('.relevant')!;
    await vi.waitFor(() => expect(hosts().map((h) => mark(h).hidden)).toEqual([false, false]), WAIT);
    a.applyChange('dblp:doi2', { status: 'to-read', tags: [] }, ['fake:2']);
    expect(hosts().map((h) => mark(h).hidden)).toEqual([false, true]);
    const control = document.querySelector('papershelf-controls')!;
    expect([...roots.get(control)!.querySelectorAll('button')].map((b) => shownText(b))).toContain('Next relevant (1)');
  });

  it('names the aliases of the first cards it asks for before the first pass, and the pass asks them no more', async () => {
    document.body.innerHTML = aliasCard('1', 'old1') + aliasCard('2');
    const port = fakePort({ 'dblp:old1': 'done' });
    const a = start(port);
    a.askFirstStates();
    expect(vi.mocked(port.lookup).mock.calls).toEqual([[['fake:1', 'fake:2'], { 'fake:1': ['dblp:old1'] }]]);
    await a.start();
    expect(port.lookup).toHaveBeenCalledTimes(1);
    expect(pressed()).toEqual(['true', 'false']);
  });

  it("names a paper's own DOI as one of its ids, and re-reads the states with them (after an import, say)", async () => {
    document.body.innerHTML = card('1');
    const withDoi: SiteAdapter<null> = { ...fakeAdapter, extract: (c, ctx) => { const p = fakeAdapter.extract(c, ctx); return p && { ...p, doi: '10.1234/abc' }; } };
    const port = fakePort();
    const a = start(port, withDoi);
    await a.start();
    expect(vi.mocked(port.lookup).mock.calls).toEqual([[['fake:1'], { 'fake:1': ['doi:10.1234/abc'] }]]);
    expect(pressed()).toEqual(['false']);
    port.store.set('doi:10.1234/abc', { status: 'reading', tags: [] });
    await a.refresh();
    expect(vi.mocked(port.lookup).mock.lastCall).toEqual([['fake:1'], { 'fake:1': ['doi:10.1234/abc'] }]);
    expect(pressed()).toEqual(['true']);
  });
});

describe('Annotator on a long page (overlay content built near the viewport)', () => {
  /** A stand-in IntersectionObserver the test drives: `show(host)` reports that host as near the viewport. */
  class FakeObserver {
    static all: FakeObserver[] = [];
    readonly targets = new Set<Element>();
    constructor(private readonly callback: IntersectionObserverCallback, readonly options?: IntersectionObserverInit) {
      FakeObserver.all.push(this);
    }
    /** Reports computed at a frame but not delivered yet (the browser delivers them in a task of their own). */
    pending: IntersectionObserverEntry[] = [];
    observe(target: Element) { this.targets.add(target); }
    unobserve(target: Element) { this.targets.delete(target); }
    disconnect() { this.targets.clear(); this.pending = []; }
    takeRecords() { return this.pending.splice(0); }
    /** The browser computed, at a frame, that these watched cards are near the viewport; the callback has not run yet. */
    static computed(...targets: Element[]) {
      for (const o of FakeObserver.all) o.pending.push(...targets.filter((t) => o.targets.has(t)).map((target) => ({ target, isIntersecting: true }) as unknown as IntersectionObserverEntry));
    }
    /** The callback task for what was computed, if takeRecords has not taken it. */
    static deliver() {
      for (const o of FakeObserver.all) {
        const entries = o.takeRecords();
        if (entries.length) o.callback(entries, o as unknown as IntersectionObserver);
      }
    }
    static show(...targets: Element[]) {
      for (const o of FakeObserver.all) {
        const entries = targets.filter((t) => o.targets.has(t)).map((target) => ({ target, isIntersecting: true }) as unknown as IntersectionObserverEntry);
        if (entries.length) o.callback(entries, o as unknown as IntersectionObserver); // one callback, as a real observer reports a frame
      }
    }
  }
  beforeEach(() => {
    FakeObserver.all = [];
    (window as unknown as { IntersectionObserver: unknown }).IntersectionObserver = FakeObserver;
  });
  afterEach(() => {
    delete (window as unknown as { IntersectionObserver?: unknown }).IntersectionObserver;
  });

  /**
   * Report cards as near the viewport, and wait until each shows a built overlay: overlays are built in 8 ms slices
   * and mounted when the batch is done, so on a slow machine that can take a few tasks.
   */
  const shown = async (...cards: Element[]) => {
    FakeObserver.show(...cards.map(watchedNear));
    await vi.waitFor(() => expect(cards.every((c) => !!hostIn(c) && !!roots.get(hostIn(c)!)?.querySelector('button'))).toBe(true), WAIT);
  };
  /**
   * The watched card a browser would report when this one nears the viewport: the observer watches the ends of
   * each block of cards (BLOCK), and an end is within REVEAL_MARGIN of any card of its block. The card itself when
   * watched, else the nearest watched card in the page.
   */
  const watchedNear = (card: Element): Element => {
    const all = articles();
    const at = all.indexOf(card as HTMLElement);
    const targets = FakeObserver.all[0]!.targets;
    for (let d = 0; d < all.length; d++) for (const i of [at - d, at + d]) if (all[i] && targets.has(all[i]!)) return all[i]!;
    return card;
  };
  /** `n` fake cards, numbered from 1. */
  const many = (n: number) => Array.from({ length: n }, (_, i) => card(String(i + 1))).join('');
  const ids = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `fake:${from + i}`);

  it('mounts and builds an overlay, and fetches its badges, only when its card nears the viewport', async () => {
    document.body.innerHTML = card('1') + card('2') + card('3');
    const port = fakePort({ 'fake:2': 'reading' });
    const tagger = vi.fn((): Tag[] => [{ label: 'Agents', kind: 'topic', watched: true }]);
    performance.clearMarks(ANNOTATED_MARK);
    const attach = vi.spyOn(Element.prototype, 'attachShadow');
    await annotator(port, vi.fn(), tagger).start();
    expect(attach).not.toHaveBeenCalled(); // not even a detached overlay: a shadow root each cost ~30 ms per 1,000 cards
    expect(FakeObserver.all[0]!.options?.rootMargin).toMatch(/^\d+px/); // ahead of the viewport, not at its edge
    // A card far from the viewport costs the page nothing in its DOM: no host until it nears the viewport. The
    // observer watches the page's cards.
    expect(hosts()).toHaveLength(0);
    expect([...FakeObserver.all[0]!.targets]).toEqual([articles()[0], articles()[2]]); // the ends of their block (BLOCK)
    expect(tagger).not.toHaveBeenCalled();
    expect(port.moreRepos).not.toHaveBeenCalled();
    expect(port.calls).toEqual(['lookup:fake:1,fake:2,fake:3']); // states are known for every card all the same
    // The pass is over, and says so for profiling (DevTools, npm run bench): every card identified.
    expect(performance.getEntriesByName(ANNOTATED_MARK).map((m) => (m as PerformanceMark).detail)).toEqual([{ cards: 3 }]);

    // The card and its neighbours (here, the other two) are built together.
    await shown(articles()[1]!);
    expect(hosts()).toEqual(articles().map(hostIn));
    const second = hostIn(articles()[1]!)!;
    expect(button(second).getAttribute('aria-pressed')).toBe('true');
    expect(button(second).hasAttribute('aria-busy')).toBe(false);
    expect(second.getAttributeNames()).toEqual(['data-papershelf-id']); // shown once built
    expect(FakeObserver.all[0]!.targets.size).toBe(0); // built once: no longer watched
    expect(roots.get(second)!.querySelector('.row')!.classList.contains('watched')).toBe(true);
    expect(tagger).toHaveBeenCalledTimes(3);
    expect(port.moreRepos).toHaveBeenCalledTimes(3);
    expect(attach).toHaveBeenCalledTimes(3);
    attach.mockRestore();
  });

  it('a card not built yet that the page reuses for another paper is built with that paper, and counted once', async () => {
    document.body.innerHTML = card('1') + card('2') + card('3');
    const port = fakePort();
    await annotator(port).start();
    const third = articles()[2]!;
    third.querySelector('a.paper')!.setAttribute('href', '/9');
    third.querySelector('h3')!.firstChild!.nodeValue = 'Paper 9';
    await vi.waitFor(() => expect(port.calls).toContain('lookup:fake:9'), WAIT);
    await shown(third);
    expect(hostIn(third)!.getAttribute('data-papershelf-id')).toBe('fake:9');
    expect(third.querySelectorAll('papershelf-overlay')).toHaveLength(1);
    performance.clearMarks(ANNOTATED_MARK);
    history.pushState(null, '', '/list?page=2'); // a rescan counts the page's cards: three, not four
    document.body.append(document.createElement('p'));
    await vi.waitFor(() => expect(performance.getEntriesByName(ANNOTATED_MARK).map((m) => (m as PerformanceMark).detail)).toEqual([{ cards: 3 }]), WAIT);
  });

  it('brings style and layout up to date right after each insertion, in its own task, not in the frame that draws it', async () => {
    const n = 14 * BLOCK;
    document.body.innerHTML = many(n);
    await annotator(fakePort()).start();
    // Each read of the page's layout, with the overlays in the page at that moment.
    const reads: number[] = [];
    const root = document.documentElement;
    Object.defineProperty(root, 'offsetHeight', { configurable: true, get: () => (reads.push(hosts().filter((h) => !h.hasAttribute('hidden')).length), 0) });
    onTestFinished(() => void delete (root as { offsetHeight?: number }).offsetHeight);
    const inserted: number[] = [];
    const watch = new MutationObserver((records) => inserted.push(records.flatMap((r) => [...r.addedNodes]).filter((x) => (x as Element).localName === 'papershelf-overlay').length));
    watch.observe(document.body, { childList: true, subtree: true });
    const before = hosts().length;
    FakeObserver.show(articles()[5 * BLOCK]!);
    await vi.waitFor(() => expect(hosts().length).toBeGreaterThan(before + PER_INSERTION), WAIT);
    await flush();
    watch.disconnect();
    const insertions = inserted.filter(Boolean);
    expect(insertions.length).toBeGreaterThan(1); // else this shows nothing
    // One read per insertion (not per overlay), made once that insertion's overlays are in the page.
    expect(reads).toEqual(insertions.map((_, i) => before + insertions.slice(0, i + 1).reduce((a, b) => a + b, 0)));
  });

  it('watches the two ends of each block of cards, and builds a block whole, with its neighbours, inserted PER_INSERTION at a time', async () => {
    const N = NEIGHBOURS;
    const n = 14 * BLOCK;
    document.body.innerHTML = many(n);
    const port = fakePort();
    await annotator(port).start();
    // Two targets per block: the observer tracks a quarter of the cards at every frame.
    const watched = articles().filter((c) => FakeObserver.all[0]!.targets.has(c));
    expect(watched.map((c) => articles().indexOf(c))).toEqual(Array.from({ length: 14 }, (_, b) => [b * BLOCK, b * BLOCK + BLOCK - 1]).flat());
    // Every overlay inserted moves the page below it (and the browser re-walks every moved box): a batch goes in at
    // once, not one card at a time as the reader scrolls card by card; a large one PER_INSERTION at a time, a frame
    // drawn between (the frame after an insertion costs the page more, the more overlays it holds).
    const inserted: string[][] = [];
    const watch = new MutationObserver((records) =>
      inserted.push(records.flatMap((r) => [...r.addedNodes]).filter((n) => (n as Element).localName === 'papershelf-overlay').map((n) => (n as Element).getAttribute('data-papershelf-id')!)),
    );
    watch.observe(document.body, { childList: true, subtree: true });
    const framesAt: number[] = []; // overlays in the page whenever a frame is asked for
    const raf = window.requestAnimationFrame;
    window.requestAnimationFrame = (callback) => (framesAt.push(hosts().length), raf.call(window, callback));
    onTestFinished(() => void (window.requestAnimationFrame = raf));
    // The block starting at card `at` nears the viewport (scrolling down, its first card does first): it is built,
    // with whole blocks on either side, at least N cards each way.
    const at = 5 * BLOCK;
    const side = Math.ceil(N / BLOCK) * BLOCK; // N cards, in whole blocks
    FakeObserver.show(articles()[at]!);
    await vi.waitFor(() => expect(hosts().map((h) => h.getAttribute('data-papershelf-id'))).toEqual(ids(at + 1 - side, at + BLOCK + side)), WAIT);
    await flush();
    watch.disconnect();
    const batch = 2 * side + BLOCK;
    expect(batch).toBeGreaterThan(PER_INSERTION); // else this test shows nothing
    // Insertions of PER_INSERTION overlays at most, each a batch of mutations (one task), nearest the card first.
    expect(inserted.map((ids) => ids.length)).toEqual([...Array(Math.floor(batch / PER_INSERTION)).fill(PER_INSERTION), batch % PER_INSERTION].filter(Boolean));
    expect(inserted[0]).toEqual(expect.arrayContaining(ids(at + 1, at + BLOCK))); // the card's block in the first
    expect(framesAt[0]).toBe(PER_INSERTION); // and a frame asked for before the next were built
    expect(hostIn(articles()[at - side - 1]!)).toBeNull();
    expect(FakeObserver.all[0]!.targets.has(articles()[at - side - 1]!)).toBe(true); // the end of a block not built: still watched
    expect(FakeObserver.all[0]!.targets.has(articles()[at - side]!)).toBe(false);
    // Scrolling on, the next block's first card brings the next ones.
    const next = at + BLOCK + side;
    FakeObserver.show(articles()[next]!);
    await vi.waitFor(() => expect(hosts().map((h) => h.getAttribute('data-papershelf-id'))).toEqual(ids(at + 1 - side, Math.min(n, next + BLOCK + side))), WAIT);
    // Coming from below, a block's last card nears the viewport first: the block is built all the same.
    const below = at - side - 1;
    FakeObserver.show(articles()[below]!);
    await vi.waitFor(() => expect(hostIn(articles()[below - BLOCK + 1]!)).not.toBeNull(), WAIT);
  });

  it('builds a card\'s block alone while the page\'s first pass is on (it builds the screen and margin already), with neighbours after', async () => {
    document.body.innerHTML = many(5 * BLOCK);
    const port = fakePort();
    const lookup = port.lookup;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    port.lookup = vi.fn(async (ids: string[]) => {
      await held;
      return lookup(ids);
    });
    const started = annotator(port).start();
    await vi.waitFor(() => expect(FakeObserver.all[0]?.targets.size).toBe(2 * 5), WAIT);
    await shown(articles()[BLOCK - 1]!);
    expect(hosts()).toEqual(articles().slice(0, BLOCK).map(hostIn));
    release();
    await started;
    await shown(articles()[4 * BLOCK]!);
    // The last block, and the blocks before it up to NEIGHBOURS cards (the first is built already): PER_INSERTION at a
    // time, a frame drawn between, so the last of them can go in after the card itself is shown.
    await vi.waitFor(() => expect(hosts()).toHaveLength(Math.min(5 * BLOCK, BLOCK + Math.ceil(NEIGHBOURS / BLOCK) * BLOCK + BLOCK)), WAIT);
    await flush();
    expect(hosts()).toHaveLength(Math.min(5 * BLOCK, BLOCK + Math.ceil(NEIGHBOURS / BLOCK) * BLOCK + BLOCK));
  });

  it('builds, before the mark, a block the observer reported at the pass\'s last frame but has not called back for', async () => {
    document.body.innerHTML = many(5 * BLOCK);
    const port = fakePort();
    const lookup = port.lookup;
    // The first block's end nears the viewport at the frame the pass waits for; the callback's task comes after ours.
    port.lookup = vi.fn(async (ids: string[]) => {
      FakeObserver.computed(articles()[0]!);
      return lookup(ids);
    });
    performance.clearMarks(ANNOTATED_MARK);
    await annotator(port).start(); // resolves once the pass has made its mark
    expect(performance.getEntriesByName(ANNOTATED_MARK)).toHaveLength(1);
    // Built in the pass: the block alone, not with the neighbours a block reported after the pass brings.
    expect(hosts()).toEqual(articles().slice(0, BLOCK).map(hostIn));
    expect(FakeObserver.all[0]!.pending).toEqual([]);
    FakeObserver.deliver();
    await flush();
    expect(hosts()).toHaveLength(BLOCK);
  });

  it('builds the cards near the viewport while the saved states are still being answered; the mark waits for both', async () => {
    document.body.innerHTML = many(5 * BLOCK);
    const port = fakePort({ 'fake:1': 'reading' });
    const lookup = port.lookup;
    let answer!: () => void;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    // The first block nears the viewport at the pass's frame; the background answers only when the test says so.
    port.lookup = vi.fn(async (ids: string[]) => {
      FakeObserver.computed(articles()[0]!);
      await answered;
      return lookup(ids);
    });
    performance.clearMarks(ANNOTATED_MARK);
    const pass = annotator(port).start();
    await vi.waitFor(() => expect(hosts()).toEqual(articles().slice(0, BLOCK).map(hostIn)), WAIT);
    expect(performance.getEntriesByName(ANNOTATED_MARK)).toHaveLength(0);
    expect(button(hostIn(articles()[0]!)!).hasAttribute('aria-busy')).toBe(true); // its state not known yet
    answer();
    await pass;
    expect(performance.getEntriesByName(ANNOTATED_MARK)).toHaveLength(1);
    expect(button(hostIn(articles()[0]!)!).hasAttribute('aria-busy')).toBe(false);
    expect(button(hostIn(articles()[0]!)!).getAttribute('aria-pressed')).toBe('true');
  });

  it('puts back the overlay a re-render took out of a card built before, without waiting for the viewport', async () => {
    document.body.innerHTML = many(BLOCK + Math.ceil(NEIGHBOURS / BLOCK) * BLOCK + BLOCK);
    await annotator(fakePort()).start();
    await shown(articles()[0]!);
    const host = hostIn(articles()[0]!)!;
    host.remove();
    await flush();
    expect(hostIn(articles()[0]!)).toBe(host);
    expect(button(host)).not.toBeNull();
    // A change inside a card not mounted yet leaves it waiting for the viewport.
    const far = articles().at(-1)!;
    far.append(document.createElement('span'));
    await flush();
    expect(hostIn(far)).toBeNull();
    expect(FakeObserver.all[0]!.targets.has(far)).toBe(true);
  });

  it('mounts an overlay built while its card was out of the page once the card is back', async () => {
    document.body.innerHTML = many(5);
    const slowTagger = (): Tag[] => {
      for (const start = performance.now(); performance.now() - start < 5; ); // a batch takes a few slices
      return [];
    };
    await annotator(fakePort(), vi.fn(), slowTagger).start();
    const first = articles()[0]!;
    FakeObserver.show(first); // built in the batch's first slice
    first.remove(); // a re-render takes the card out before the batch is mounted
    await vi.waitFor(() => expect(hosts()).toHaveLength(4), WAIT);
    document.body.prepend(first);
    await vi.waitFor(() => expect(hostIn(first) && roots.get(hostIn(first)!)!.querySelector('button')).toBeTruthy(), WAIT);
    expect(hosts()).toHaveLength(5);
  });

  it('builds a card taken out of the page while its block was being built once the card is back and near the viewport', async () => {
    document.body.innerHTML = many(5);
    const slowTagger = (): Tag[] => {
      for (const start = performance.now(); performance.now() - start < 5; ); // a batch takes a few slices
      return [];
    };
    await annotator(fakePort(), vi.fn(), slowTagger).start();
    const third = articles()[2]!;
    const after = third.nextElementSibling;
    FakeObserver.show(articles()[0]!); // its block is queued, and built a slice at a time
    third.remove(); // a re-render takes a card out before its turn (a virtual list, a "load more" redraw)
    await vi.waitFor(() => expect(hosts()).toHaveLength(4), WAIT);
    document.body.insertBefore(third, after); // and puts it back
    FakeObserver.show(third); // the browser reports it near the viewport, if it is watched
    await vi.waitFor(() => expect(hostIn(third) && roots.get(hostIn(third)!)!.querySelector('button')).toBeTruthy(), WAIT);
    expect(hosts()).toHaveLength(5);
  });

  it('on a long page, annotates the cards on screen first: looked up and built before the others are mounted', async () => {
    document.body.innerHTML = Array.from({ length: 80 }, (_, i) => card(String(i + 1))).join('');
    const port = fakePort({ 'fake:42': 'reading', 'fake:7': 'done' });
    const lookup = port.lookup;
    const hostsAtLookup: number[] = [];
    port.lookup = vi.fn(async (ids: string[]) => {
      hostsAtLookup.push(hosts().length);
      return lookup(ids);
    });
    const started = annotator(port, undefined, undefined, REPORTED).start();
    // The page's first pass asks the browser which cards are on screen (an observer at the viewport's edge).
    await vi.waitFor(() => expect(FakeObserver.all.find((o) => o.targets.size === 80 && !o.options?.rootMargin)).toBeTruthy(), WAIT);
    const articles = [...document.querySelectorAll('article')];
    FakeObserver.show(...articles.slice(40, 44));
    await started;
    expect(port.calls[0]).toBe('lookup:fake:41,fake:42,fake:43,fake:44'); // the screen's cards' states asked first
    expect(hostsAtLookup[0]).toBe(0); // and before any overlay was mounted
    const built = (i: number) => !!roots.get(articles[i]!.querySelector('papershelf-overlay')!)?.querySelector('button');
    expect([40, 41, 42, 43].map(built)).toEqual([true, true, true, true]);
    expect(button(articles[41]!.querySelector('papershelf-overlay')!).getAttribute('aria-pressed')).toBe('true');
    // Then every other card: looked up once, mounted and built only when it nears the viewport.
    expect(hosts()).toHaveLength(4);
    expect(articles[0]!.querySelector('papershelf-overlay')).toBeNull();
    const asked = port.calls.flatMap((c) => c.slice('lookup:'.length).split(','));
    expect(asked.sort()).toEqual(articles.map((_, i) => `fake:${i + 1}`).sort());
    await shown(articles[6]!);
    expect(button(articles[6]!.querySelector('papershelf-overlay')!).getAttribute('aria-pressed')).toBe('true');
  });

  it("asks the topics of a block either side of the screen while the rest are identified: the margin's overlays are built with their chips", async () => {
    document.body.innerHTML = many(80);
    const port = fakePort();
    const topics = vi.fn(async (paper: Paper) => [{ id: 'agents', label: `Agents ${paper.id}` }]);
    port.topics = topics;
    const started = annotator(port, vi.fn(), createTagger({ watchedTopics: [], followedAuthors: [], tagRules: [] }), REPORTED).start();
    await vi.waitFor(() => expect(FakeObserver.all.find((o) => o.targets.size === 80 && !o.options?.rootMargin)).toBeTruthy(), WAIT);
    const all = articles();
    FakeObserver.show(...all.slice(40, 44));
    await started;
    const asked = () => topics.mock.calls.map(([paper]) => paper.id);
    // The screen (41-44) built; the blocks around it (33-40, 45-52) asked for, not built.
    expect(hosts()).toEqual(all.slice(40, 44).map(hostIn));
    expect(asked().sort()).toEqual(ids(33, 52).sort());
    // A neighbour nearing the viewport is built with its chips: they are not asked for again, nor drawn later.
    const chips = (card: Element) => [...roots.get(hostIn(card)!)!.querySelectorAll('.tags button.chip')].map((b) => shownText(b));
    let asInserted: (string | null)[] | null = null;
    const insertion = new MutationObserver(() => (asInserted ??= hostIn(all[44]!) && chips(all[44]!)));
    insertion.observe(document.body, { childList: true, subtree: true });
    await shown(all[44]!);
    insertion.disconnect();
    expect(asInserted).toEqual(['Agents fake:45']); // as it went in
    expect(new Set(asked()).size).toBe(asked().length); // the neighbours further out, built with it, are asked as they are built
  });

  it('asks the saved states of the first cards once the page is parsed, and puts the cards on screen in with them', async () => {
    document.body.innerHTML = many(80);
    const port = fakePort({ 'fake:2': 'reading' });
    const a = annotator(port, undefined, undefined, REPORTED);
    a.askFirstStates();
    expect(port.calls).toEqual([`lookup:${ids(1, FIRST_CARDS).join(',')}`]); // one message, before the first pass
    await flush();
    // Each overlay as it goes in the page (a mutation observer's callback runs before any later answer could).
    const asInserted: string[] = [];
    const insertion = new MutationObserver((records) => {
      for (const record of records)
        for (const node of record.addedNodes) {
          const b = (node as Element).localName === 'papershelf-overlay' ? button(node as Element) : null;
          if (b) asInserted.push(`${b.getAttribute('aria-busy') ?? 'known'} ${b.getAttribute('aria-pressed')}`);
        }
    });
    insertion.observe(document.body, { childList: true, subtree: true });
    onTestFinished(() => insertion.disconnect());
    const started = a.start();
    await vi.waitFor(() => expect(FakeObserver.all.find((o) => o.targets.size === 80 && !o.options?.rootMargin)).toBeTruthy(), WAIT);
    FakeObserver.show(...articles().slice(0, 4));
    await started;
    await flush();
    expect(asInserted).toEqual(['known false', 'known true', 'known false', 'known false']);
    // The first pass asks for the rest only.
    const asked = port.calls.slice(1).flatMap((c) => c.slice('lookup:'.length).split(','));
    expect(asked.sort()).toEqual(ids(FIRST_CARDS + 1, 80).sort());
  });

  /** A lookup whose answers the test releases: `release()` answers every lookup asked so far. */
  // Tests that report the screen themselves (FakeObserver.show, once they see the probes observed) wait this long for
  // it: within SCREEN_WAIT_MS, a busy machine sometimes reported it too late, the pass went on without a screen, and
  // the test hung (about 1 run in 6 under load).
  const REPORTED = 60_000;
  const heldLookups = (port: ReturnType<typeof fakePort>) => {
    const answer = port.lookup;
    const held: (() => void)[] = [];
    port.lookup = vi.fn((asked: string[]) => new Promise<Record<string, { status: ReadingStatus; tags: string[] } | null>>((resolve) => held.push(() => void answer(asked).then(resolve))));
    return { release: () => held.splice(0).forEach((go) => go()) };
  };
  const marks = () => {
    const at: number[] = [];
    const mark = performance.mark.bind(performance);
    vi.spyOn(performance, 'mark').mockImplementation((name, options) => {
      if (name === ANNOTATED_MARK) at.push(at.length);
      return mark(name, options);
    });
    onTestFinished(() => void vi.restoreAllMocks());
    return at;
  };

  it("asks the saved states of every paper the page's data names once it has read it, before any card; the pass asks none again, and its mark waits for that answer", async () => {
    document.body.innerHTML = many(80);
    const port = fakePort({ 'fake:42': 'reading' });
    const { release } = heldLookups(port);
    const named: SiteAdapter<null> = { ...fakeAdapter, paperIds: () => ids(1, 80) };
    const a = new Annotator({ doc: document, adapterFor: () => named, port, onError: vi.fn(), screenWaitMs: REPORTED });
    running.push(a);
    const marked = marks();
    const started = a.start();
    await vi.waitFor(() => expect(FakeObserver.all.find((o) => o.targets.size === 80 && !o.options?.rootMargin)).toBeTruthy(), WAIT);
    expect(port.calls).toEqual([]); // asked, not answered yet: the fake port logs a lookup when it answers
    expect(port.lookup).toHaveBeenCalledTimes(1);
    expect(vi.mocked(port.lookup).mock.calls[0]![0]).toEqual(ids(1, 80)); // before the cards are read
    const all = articles();
    FakeObserver.show(...all.slice(40, 44));
    await vi.waitFor(() => expect(all.slice(40, 44).every((c) => hostIn(c) && button(hostIn(c)!))).toBe(true), WAIT);
    for (let i = 0; i < 5; i++) await flush();
    expect(port.lookup).toHaveBeenCalledTimes(1); // no card asked again
    expect(marked).toEqual([]); // the pass waits for the answer on its way
    expect(button(hostIn(all[41]!)!).getAttribute('aria-busy')).toBe('true');
    release();
    await started;
    expect(marked).toHaveLength(1);
    expect(port.lookup).toHaveBeenCalledTimes(1);
    expect(button(hostIn(all[41]!)!).getAttribute('aria-pressed')).toBe('true');
    expect(button(hostIn(all[40]!)!).getAttribute('aria-pressed')).toBe('false');
  });

  it('asks the first cards once: a pass that finds them while their answer is on its way waits for it', async () => {
    document.body.innerHTML = many(80);
    const port = fakePort({ 'fake:2': 'reading' });
    const { release } = heldLookups(port);
    const a = annotator(port, undefined, undefined, REPORTED);
    const marked = marks();
    a.askFirstStates();
    const started = a.start();
    await vi.waitFor(() => expect(FakeObserver.all.find((o) => o.targets.size === 80 && !o.options?.rootMargin)).toBeTruthy(), WAIT);
    FakeObserver.show(...articles().slice(0, 4));
    const asked = () => vi.mocked(port.lookup).mock.calls.map(([ids]) => ids);
    await vi.waitFor(() => expect(asked().flat()).toHaveLength(80), WAIT);
    // The first cards (the screen among them) were asked once; the pass asked for the rest only (in one message per
    // slice of its work: one on an idle machine, more on a busy one).
    expect(asked()[0]).toEqual(ids(1, FIRST_CARDS));
    expect(asked().slice(1).flat()).toEqual(ids(FIRST_CARDS + 1, 80));
    const messages = asked().length;
    for (let i = 0; i < 5; i++) await flush();
    expect(marked).toEqual([]);
    release();
    await started;
    expect(marked).toHaveLength(1);
    expect(port.lookup).toHaveBeenCalledTimes(messages);
    expect(button(hostIn(articles()[1]!)!).getAttribute('aria-pressed')).toBe('true');
  });

  it("on a long page, the mark waits for the screen's topics, not for the margin's (asked early, built once the page is idle)", async () => {
    document.body.innerHTML = many(80);
    const port = fakePort();
    const later: (() => void)[] = [];
    const screen = new Set(ids(41, 44));
    port.topics = vi.fn(async (paper: Paper) => {
      if (!screen.has(paper.id)) await new Promise<void>((resolve) => later.push(resolve));
      return [{ id: 'agents', label: `Agents ${paper.id}` }];
    });
    const marked = marks();
    const started = annotator(port, vi.fn(), createTagger({ watchedTopics: [], followedAuthors: [], tagRules: [] }), REPORTED).start();
    await vi.waitFor(() => expect(FakeObserver.all.find((o) => o.targets.size === 80 && !o.options?.rootMargin)).toBeTruthy(), WAIT);
    FakeObserver.show(...articles().slice(40, 44));
    await vi.waitFor(() => expect(marked).toHaveLength(1), WAIT);
    expect(later.length).toBeGreaterThan(0); // the margin's topics, asked and not answered
    later.splice(0).forEach((go) => go());
    await started;
  });

  it('asks nothing before the first pass where the adapter reads its context in slices', () => {
    document.body.innerHTML = many(80);
    const port = fakePort();
    const sliced: SiteAdapter<null> = { ...fakeAdapter, contextInSlices: async () => null };
    const a = new Annotator({ doc: document, adapterFor: () => sliced, port, onError: vi.fn() });
    running.push(a);
    a.askFirstStates();
    expect(port.lookup).not.toHaveBeenCalled();
  });

  it('asks the topics of the cards on screen before building any of them, so that their chips go in with them', async () => {
    document.body.innerHTML = many(80);
    const port = fakePort();
    const topics = vi.fn(async (_paper: Paper): Promise<{ id: string; label: string }[]> => []);
    port.topics = topics;
    const askedAtBuild: number[] = [];
    const tagger = (): Tag[] => {
      askedAtBuild.push(topics.mock.calls.length);
      return [];
    };
    const started = annotator(port, vi.fn(), tagger, REPORTED).start();
    await vi.waitFor(() => expect(FakeObserver.all.find((o) => o.targets.size === 80 && !o.options?.rootMargin)).toBeTruthy(), WAIT);
    FakeObserver.show(...articles().slice(40, 44));
    await started;
    expect(topics.mock.calls.slice(0, 4).map(([paper]) => paper.id)).toEqual(ids(41, 44));
    expect(askedAtBuild[0]).toBe(4); // all four asked when the first overlay is built
  });

  it('on a long page, marks the pass done once the screen is built and every state known; the cards around the screen are built after, once the page is idle', async () => {
    document.body.innerHTML = many(80);
    const port = fakePort({ 'fake:45': 'reading' });
    const lookup = port.lookup;
    port.lookup = vi.fn(async (ids: string[]) => {
      // While the rest are looked up, the observer reports the block below the screen near the viewport.
      if (ids.includes('fake:45')) FakeObserver.show(articles()[44]!);
      return lookup(ids);
    });
    const atMark: (Element | null)[][] = [];
    const mark = performance.mark.bind(performance);
    vi.spyOn(performance, 'mark').mockImplementation((name, options) => {
      if (name === ANNOTATED_MARK) atMark.push(hosts());
      return mark(name, options);
    });
    const idle: (() => void)[] = [];
    vi.stubGlobal('requestIdleCallback', (callback: () => void) => idle.push(callback));
    onTestFinished(() => {
      vi.restoreAllMocks();
      vi.unstubAllGlobals();
    });
    const started = annotator(port, undefined, undefined, REPORTED).start();
    await vi.waitFor(() => expect(FakeObserver.all.find((o) => o.targets.size === 80 && !o.options?.rootMargin)).toBeTruthy(), WAIT);
    const all = articles();
    FakeObserver.show(...all.slice(40, 44));
    await vi.waitFor(() => expect(atMark).toHaveLength(1), WAIT);
    expect(atMark).toEqual([all.slice(40, 44).map(hostIn)]); // the screen only
    expect(port.calls.flatMap((c) => c.slice('lookup:'.length).split(',')).sort()).toEqual(ids(1, 80).sort()); // every state asked before it
    await flush();
    expect(hosts()).toEqual(all.slice(40, 44).map(hostIn)); // the block reported is not built until the page is idle
    expect(idle).toHaveLength(1);
    idle.shift()!();
    await started;
    // Then built, as this pass's margin (no neighbours), with its saved state.
    expect(hosts()).toEqual(all.slice(40, 52).map(hostIn));
    expect(button(hostIn(all[44]!)!).getAttribute('aria-busy')).toBeNull();
    expect(button(hostIn(all[44]!)!).getAttribute('aria-pressed')).toBe('true');
  });

  it('waits for a screen larger than one insertion without spinning: the wait for a frame between is not starved', async () => {
    // scheduler.yield's continuations run ahead of timers and frames. A first pass that waited for the batch in a loop
    // of them, while the batch waited for a frame between two insertions (PER_INSERTION), kept that frame and the timer
    // bounding it from ever running: here, where the stand-in yield is a microtask, it would spin forever.
    let yields = 0;
    vi.stubGlobal('scheduler', {
      yield: () => {
        if (++yields > 10_000) throw new Error('spinning on scheduler.yield');
        return Promise.resolve();
      },
    });
    onTestFinished(() => void vi.unstubAllGlobals());
    document.body.innerHTML = many(80);
    const started = annotator(fakePort(), undefined, undefined, REPORTED).start();
    await vi.waitFor(() => expect(FakeObserver.all.find((o) => o.targets.size === 80 && !o.options?.rootMargin)).toBeTruthy(), WAIT);
    const screen = articles().slice(10, 10 + PER_INSERTION + 6);
    FakeObserver.show(...screen);
    await started;
    expect(hosts()).toEqual(screen.map(hostIn));
    expect(yields).toBeLessThan(1000);
  });

  it('on a page longer than SCREEN_PROBES cards, finds the screen by watching every k-th card, and takes the run around those seen', async () => {
    document.body.innerHTML = many(100);
    const port = fakePort();
    const a = new Annotator({ doc: document, adapterFor: (url) => (fakeAdapter.pageKind(url) ? fakeAdapter : null), port, screenProbes: 25 });
    const started = a.start();
    // 100 cards, 25 probes: every 4th card, and the last.
    const probe = () => FakeObserver.all.find((o) => !o.options?.rootMargin && o.targets.size > 0);
    await vi.waitFor(() => expect(probe()).toBeTruthy(), WAIT);
    const all = articles();
    expect([...probe()!.targets].map((c) => all.indexOf(c as HTMLElement))).toEqual([...Array.from({ length: 25 }, (_, i) => 4 * i), 99]);
    // Probes 40 and 44 in view: the screen may hold cards 37 to 47 (a stride less one on either side).
    FakeObserver.show(all[40]!, all[44]!);
    await started;
    expect(port.calls[0]).toBe(`lookup:${ids(38, 48).join(',')}`); // cards numbered from 1
    expect(hosts()).toEqual(all.slice(37, 48).map(hostIn));
    expect(hosts().every((h) => roots.get(h)?.querySelector('button'))).toBe(true);
  });

  it('with no probe in view, leaves every card to the observer of blocks', async () => {
    document.body.innerHTML = many(100);
    const port = fakePort();
    const a = new Annotator({ doc: document, adapterFor: (url) => (fakeAdapter.pageKind(url) ? fakeAdapter : null), port, screenProbes: 25 });
    const started = a.start();
    await vi.waitFor(() => expect(FakeObserver.all.find((o) => !o.options?.rootMargin && o.targets.size > 0)).toBeTruthy(), WAIT);
    FakeObserver.show(articles()[1]!); // not a probe: no report
    await started; // after SCREEN_WAIT_MS
    expect(hosts()).toHaveLength(0);
    await shown(articles()[50]!);
    expect(hostIn(articles()[50]!)).toBeTruthy();
  });

  it('a short batch (an infinite list\'s next cards) does not wait to be told what is on screen', async () => {
    document.body.innerHTML = Array.from({ length: 20 }, (_, i) => card(String(i + 1))).join('');
    const port = fakePort();
    await annotator(port).start();
    expect(FakeObserver.all.filter((o) => !o.options?.rootMargin)).toHaveLength(0);
    expect(FakeObserver.all[0]!.targets.size).toBe(2 * Math.ceil(20 / BLOCK)); // the ends of each block
    expect(port.calls).toHaveLength(1);
  });

  it('gives a card built late the state, mark, relevance and dimming it would have had if built early', async () => {
    // The late card beyond the first card's block and its neighbours.
    const n = BLOCK + Math.ceil(NEIGHBOURS / BLOCK) * BLOCK + 1;
    document.body.innerHTML = many(n);
    const late = `fake:${n}`;
    const port = fakePort({ 'fake:1': 'done' });
    port.relevance = vi.fn(async () => [{ id: late, score: 0.3, reason: 'like 1 saved paper: Paper 1' }]);
    const tagger = (): Tag[] => [{ label: 'Agents', kind: 'topic', watched: false }];
    const a = annotator(port, vi.fn(), tagger);
    a.setRelevance(true);
    await a.start();
    await shown(articles()[0]!);
    (roots.get(hosts()[0]!)!.querySelector('.tags button') as HTMLElement).click(); // mark "Agents" page-wide
    a.setDimDone(true);
    expect(hostIn(articles()[n - 1]!)).toBeNull(); // not built yet
    a.applyChange(late, { status: 'to-read', tags: ['mine'] });
    a.applyChange(late, null);
    await shown(articles()[n - 1]!);
    const host = hostIn(articles()[n - 1]!)!;
    const root = roots.get(host)!;
    expect(root.querySelector('.row')!.classList.contains('marked')).toBe(true);
    expect(button(host).getAttribute('aria-pressed')).toBe('false');
    expect(shownText(root.querySelector('.why')!)).toBe(''); // saved once: its relevance mark went for good
    expect(roots.get(hostIn(articles()[0]!)!)!.querySelector('.row')!.classList.contains('dim')).toBe(true);
  });

  it('builds a screenful of overlays a slice at a time, top first, never in one long task, and mounts them together', async () => {
    document.body.innerHTML = many(12);
    const matched: string[] = [];
    const slowTagger = (paper: Paper): Tag[] => {
      for (const start = performance.now(); performance.now() - start < 4; ); // 4 ms of topic matching per card
      matched.push(paper.id);
      return [];
    };
    await annotator(fakePort(), vi.fn(), slowTagger).start();
    const built = () => articles().map((c) => !!(hostIn(c) && roots.get(hostIn(c)!)!.querySelector('button')));
    FakeObserver.show(...articles());
    const inFirstTask = matched.length;
    expect(inFirstTask).toBeGreaterThan(0);
    expect(inFirstTask).toBeLessThan(12);
    expect(matched).toEqual(ids(1, inFirstTask)); // from the top
    expect(hosts()).toHaveLength(0); // built out of the page until the batch is done
    for (let i = 0; i < 20 && !built().every(Boolean); i++) await flush();
    expect(built().every(Boolean)).toBe(true);
  });

  it('"Next relevant" builds an unseen relevant card before scrolling to it (a hidden host cannot be scrolled to)', async () => {
    document.body.innerHTML = card('1') + card('2');
    const port = fakePort();
    port.relevance = vi.fn(async (cards: { id: string }[]) => cards.filter((c) => c.id === 'fake:2').map((c) => ({ id: c.id, score: 0.3, reason: 'close to your list' })));
    const a = annotator(port);
    a.setRelevance(true);
    await a.start();
    const scrolled: { id: string | null; hidden: boolean; built: boolean }[] = [];
    const proto = HTMLElement.prototype as { scrollIntoView?: unknown };
    const had = proto.scrollIntoView;
    proto.scrollIntoView = function (this: HTMLElement) {
      scrolled.push({ id: this.getAttribute('data-papershelf-id'), hidden: this.hidden === true, built: !!roots.get(this)?.querySelector('button') });
    };
    try {
      expect(a.nextRelevant()).toBe('fake:2');
    } finally {
      proto.scrollIntoView = had;
    }
    expect(scrolled).toEqual([{ id: 'fake:2', hidden: false, built: true }]);
  });

  it('builds an unseen card at once for the keyboard shortcut', async () => {
    document.body.innerHTML = card('1');
    const port = fakePort();
    const a = annotator(port);
    await a.start();
    expect(await a.toggleActive()).toBe('fake:1');
    expect(button(hosts()[0]!).getAttribute('aria-pressed')).toBe('true');
    expect(roots.get(hosts()[0]!)!.activeElement).toBe(button(hosts()[0]!));
  });
  /** The fake adapter, able to name a card's paper from its link alone; counts whole reads. */
  function identifying() {
    const reads: string[] = [];
    const adapter: SiteAdapter<null> = {
      ...fakeAdapter,
      identify: (c) => {
        const id = c.querySelector('a.paper')?.getAttribute('href')?.slice(1);
        return id ? `fake:${id}` : null;
      },
      extract(c, ctx) {
        const paper = fakeAdapter.extract(c, ctx);
        reads.push(paper?.id ?? 'none');
        return paper;
      },
    };
    const make = (port: ReadingListPort, onError = vi.fn(), tagger?: (paper: Paper) => Tag[]) => {
      const a = new Annotator({ doc: document, adapterFor: () => adapter, port, onError, tagger });
      running.push(a);
      return a;
    };
    /** The adapter also reads title and abstract alone (summary); counts those reads. */
    const summaries: string[] = [];
    const withSummary = () => {
      adapter.summary = (c) => {
        const id = c.querySelector('a.paper')?.getAttribute('href')?.slice(1);
        const title = c.querySelector('h3')?.textContent;
        summaries.push(id ?? 'none');
        return id && title ? { title, abstract: c.querySelector('p')?.textContent ?? null } : null;
      };
    };
    return { reads, make, summaries, withSummary };
  }

  it('mounts and looks up a long page from card ids alone, and reads a card whole when its overlay is built', async () => {
    const n = NEIGHBOURS + 6;
    document.body.innerHTML = many(n);
    const { reads, make } = identifying();
    const port = fakePort({ [`fake:${n}`]: 'reading' });
    const tagger = vi.fn((paper: Paper): Tag[] => [{ label: paper.title, kind: 'topic', watched: false }]);
    await make(port, vi.fn(), tagger).start();
    expect(port.calls.flatMap((c) => c.slice('lookup:'.length).split(',')).sort()).toEqual(ids(1, n).sort());
    expect(reads).toEqual([]); // nothing but the ids read so far
    FakeObserver.show(articles()[n - 1]!); // the last block's last card
    const built = Math.min(n, (n % BLOCK || BLOCK) + Math.ceil(NEIGHBOURS / BLOCK) * BLOCK); // its block and whole blocks before
    await vi.waitFor(() => expect(reads).toHaveLength(built), WAIT);
    expect(reads).toEqual(ids(n - built + 1, n).reverse()); // that card first, then the others, nearest first
    const last = hostIn(articles()[n - 1]!)!;
    expect(last.getAttribute('data-papershelf-id')).toBe(`fake:${n}`);
    expect(button(last).getAttribute('aria-pressed')).toBe('true');
    expect(tagger).toHaveBeenCalledWith(expect.objectContaining({ id: `fake:${n}`, title: `Paper ${n}` }), undefined); // no topics asked: this port has none
    expect([...roots.get(last)!.querySelectorAll('.tags button')].map((b) => shownText(b))).toContain(`Paper ${n}`);
    FakeObserver.show(articles()[n - 1]!, articles()[n - 5]!);
    expect(reads).toHaveLength(built); // each once
  });

  it('looks up cards named by id alone without naming other ids or reading them, and follows one saved under another id', async () => {
    const n = NEIGHBOURS + 6;
    document.body.innerHTML = many(n);
    const { reads, make } = identifying();
    // A paper saved from a page that gave its DOI, which names this page's id for it.
    const port = fakePort({ 'dblp:doi3': 'reading' }, { 'dblp:doi3': ['fake:3'] });
    await make(port).start();
    const calls = vi.mocked(port.lookup).mock.calls;
    expect(calls.flatMap(([asked]) => asked).sort()).toEqual(ids(1, n).sort());
    expect(calls.map((call) => call[1])).toEqual(calls.map(() => undefined)); // no aliases: none known, none read
    expect(reads).toEqual([]);
    const third = articles()[2]!;
    await shown(third);
    expect(button(hostIn(third)!).getAttribute('aria-pressed')).toBe('true');
    const root = roots.get(hostIn(third)!)!;
    root.querySelector<HTMLButtonElement>('button.status')!.click();
    [...root.querySelectorAll<HTMLButtonElement>('.statuses button')].find((b) => shownText(b) === 'Done')!.click();
    await flush();
    expect(port.setStatus).toHaveBeenCalledWith('dblp:doi3', 'done');
    expect(shownText(root.querySelector('button.status')!)).toBe('Done▾');
  });

  it("asks again, naming its own DOI, for a card named by id alone whose paper gives one (an arXiv abstract page's journal DOI)", async () => {
    document.body.innerHTML = card('1') + card('2') + card('3');
    const adapter: SiteAdapter<null> = {
      ...fakeAdapter,
      identify: (c) => `fake:${c.querySelector('a.paper')!.getAttribute('href')!.slice(1)}`,
      extract(c, ctx) {
        const paper = fakeAdapter.extract(c, ctx);
        return paper && paper.id !== 'fake:3' ? { ...paper, doi: `10.1234/${paper.id.slice('fake:'.length)}` } : paper;
      },
    };
    // Saved from the journal's page, which gives the DOI alone; paper 2 is saved under its own id.
    const port = fakePort({ 'doi:10.1234/1': 'reading', 'fake:2': 'done' });
    const a = new Annotator({ doc: document, adapterFor: () => adapter, port, onError: vi.fn() });
    running.push(a);
    await a.start();
    const calls = vi.mocked(port.lookup).mock.calls;
    expect(calls).toEqual([[['fake:1', 'fake:2', 'fake:3']]]);
    await shown(...articles());
    await vi.waitFor(() => expect(articles().map((c) => button(hostIn(c)!).getAttribute('aria-pressed'))).toEqual(['true', 'true', 'false']), WAIT);
    // Once, for the card not saved that gives a DOI: the others need nothing more.
    expect(calls.slice(1)).toEqual([[['fake:1'], { 'fake:1': ['doi:10.1234/1'] }]]);
    const root = roots.get(hostIn(articles()[0]!)!)!;
    root.querySelector<HTMLButtonElement>('button.status')!.click();
    [...root.querySelectorAll<HTMLButtonElement>('.statuses button')].find((b) => shownText(b) === 'Done')!.click();
    await flush();
    expect(port.setStatus).toHaveBeenCalledWith('doi:10.1234/1', 'done');
  });

  it('saves the whole paper of a card never built (keyboard shortcut)', async () => {
    document.body.innerHTML = card('1');
    const { reads, make } = identifying();
    const port = fakePort();
    const a = make(port);
    await a.start();
    expect(reads).toEqual([]);
    expect(await a.toggleActive()).toBe('fake:1');
    expect(port.save).toHaveBeenCalledWith(expect.objectContaining({ id: 'fake:1', title: 'Paper 1' }), expect.any(String));
    expect(reads).toEqual(['fake:1']);
  });

  it('takes the overlay off a card that names a paper but holds none, for good', async () => {
    document.body.innerHTML = card('1') + '<article><a class="paper" href="/2">link</a><h3></h3></article>';
    const { reads, make } = identifying();
    const onError = vi.fn();
    await make(fakePort(), onError).start();
    await shown(articles()[0]!); // shown with its neighbour, the card without a title
    expect(reads).toEqual(['fake:1', 'none']);
    expect(hosts().map((h) => h.getAttribute('data-papershelf-id'))).toEqual(['fake:1']);
    articles()[1]!.append(document.createElement('span')); // a change in the card: still no overlay
    FakeObserver.show(...articles());
    await flush();
    expect(reads).toEqual(['fake:1', 'none']);
    expect(hosts().map((h) => h.getAttribute('data-papershelf-id'))).toEqual(['fake:1']);
    expect(onError).not.toHaveBeenCalled();
  });

  it('a block whose watched end turns out to hold no paper is watched from its next card', async () => {
    document.body.innerHTML = '<article><a class="paper" href="/0">link</a><h3></h3></article>' + many(2 * BLOCK);
    const { make } = identifying();
    const port = fakePort();
    port.relevance = vi.fn(async () => []);
    const a = make(port);
    a.setRelevance(true); // scoring reads every card whole: the first is found to hold no paper
    await a.start();
    const targets = FakeObserver.all[0]!.targets;
    await vi.waitFor(() => expect(targets.has(articles()[0]!)).toBe(false), WAIT);
    expect(targets.has(articles()[1]!)).toBe(true);
    FakeObserver.show(articles()[1]!);
    await vi.waitFor(() => expect(articles().slice(1, BLOCK).every((c) => hostIn(c))).toBe(true), WAIT);
    expect(hostIn(articles()[0]!)).toBeNull();
  });

  it('with relevance on, reads every card in idle time and scores them all', async () => {
    document.body.innerHTML = card('1') + card('2') + card('3');
    const { reads, make } = identifying();
    const port = fakePort();
    port.relevance = vi.fn(async (cards: { id: string }[]) => cards.filter((c) => c.id === 'fake:2').map((c) => ({ id: c.id, score: 0.3, reason: 'close to your list' })));
    const a = make(port);
    a.setRelevance(true);
    await a.start();
    expect(reads.sort()).toEqual(['fake:1', 'fake:2', 'fake:3']);
    expect(port.relevance).toHaveBeenCalledWith(
      [1, 2, 3].map((n) => ({ id: `fake:${n}`, title: `Paper ${n}`, abstract: null })),
      [],
    );
    await shown(articles()[1]!);
    expect(shownText(roots.get(hostIn(articles()[1]!)!)!.querySelector('.why')!)).toBe('Relevant: close to your list');
  });

  it('with relevance on, reads only title and abstract of the cards it does not build, where the adapter can', async () => {
    const n = NEIGHBOURS + 6;
    document.body.innerHTML = many(n).replace('<h3>Paper 3</h3>', '<h3>Paper 3</h3><p>An abstract.</p>').replace('<h3>Paper 5</h3>', '');
    const { reads, summaries, make, withSummary } = identifying();
    withSummary();
    const port = fakePort();
    port.relevance = vi.fn(async () => []);
    const onError = vi.fn();
    const a = make(port, onError);
    a.setRelevance(true);
    await a.start();
    // Nothing was built (no card came near the viewport): every card's summary was read, none whole but the one
    // without a title (its summary is null, so the whole read decides, and drops it).
    expect(summaries.sort()).toEqual(Array.from({ length: n }, (_, i) => String(i + 1)).sort());
    expect(reads).toEqual(['none']);
    const sent = vi.mocked(port.relevance!).mock.calls.flatMap(([cards]) => cards);
    expect(sent).toHaveLength(n - 1);
    expect(sent.find((c) => c.id === 'fake:3')).toEqual({ id: 'fake:3', title: 'Paper 3', abstract: 'An abstract.' });
    expect(sent.some((c) => c.id === 'fake:5')).toBe(false);
    // Built later: read whole then, once.
    await shown(articles()[0]!);
    expect(reads).toContain('fake:1');
    expect(onError).not.toHaveBeenCalled();
  });

  it('with relevance on, asks for each full batch as soon as it is read, before reading the rest of a long page', async () => {
    const n = RELEVANCE_CARDS_MAX + 7;
    document.body.innerHTML = many(n);
    const { summaries, make, withSummary } = identifying();
    withSummary();
    const port = fakePort();
    const readWhenAsked: number[] = [];
    port.relevance = vi.fn(async () => {
      readWhenAsked.push(summaries.length);
      return [];
    });
    const a = make(port);
    a.setRelevance(true);
    await a.start();
    await vi.waitFor(() => expect(port.relevance).toHaveBeenCalledTimes(2), WAIT);
    const batches = vi.mocked(port.relevance!).mock.calls.map(([cards]) => cards.map((c) => c.id));
    expect(batches.map((b) => b.length)).toEqual([RELEVANCE_CARDS_MAX, 7]);
    expect(new Set(batches.flat()).size).toBe(n); // every card once
    expect(readWhenAsked).toEqual([RELEVANCE_CARDS_MAX, n]); // the first batch left before the 7 others were read
  });
});

describe('Annotator relevance', () => {
  const REASONS: Record<string, string> = {
    'fake:2': 'like 2 saved papers: "Offline RL" and "CQL" · shared: policy, offline',
    'fake:4': 'matches your saved papers on: reward, agent',
  };
  /** The background's answer: only cards over the threshold come back, with their reason. */
  function relevancePort(saved: Record<string, ReadingStatus> = {}) {
    const port = fakePort(saved);
    port.relevance = vi.fn(async (cards: { id: string }[]) => cards.filter((c) => REASONS[c.id]).map((c) => ({ id: c.id, score: 0.2, reason: REASONS[c.id]! })));
    return port;
  }
  const mark = (host: Element) => roots.get(host)!.querySelector<HTMLButtonElement>('.relevant')!;
  const why = (host: Element) => roots.get(host)!.querySelector('.why')!;
  const control = () => document.querySelector('papershelf-controls');
  const controlButton = (name: RegExp) => [...roots.get(control()!)!.querySelectorAll('button')].find((b) => name.test(shownText(b)))!;
  /** The bar is drawn: neither it nor its root hidden (the page could tell a bar drawn or not by hit-testing it). */
  const drawn = (host: Element) => roots.get(host)!.querySelector('.bar:not([hidden])') !== null;
  const withRelevance = (port: ReadingListPort) => {
    const a = annotator(port);
    a.setRelevance(true);
    return a;
  };

  it('marks only the cards the background scored over the threshold, the reason inside the closed root only', async () => {
    document.body.innerHTML = card('1') + card('2') + card('3');
    const port = relevancePort();
    await withRelevance(port).start();
    expect(port.relevance).toHaveBeenCalledTimes(1); // one request for the batch
    expect(port.relevance).toHaveBeenCalledWith(
      ['1', '2', '3'].map((id) => ({ id: `fake:${id}`, title: `Paper ${id}`, abstract: null })),
      [],
    );
    expect(hosts().map((h) => mark(h).hidden)).toEqual([true, false, true]);
    const m = mark(hosts()[1]!);
    expect(shownText(m)).toBe('◆Relevant');
    expect(m.title).toContain(REASONS['fake:2']);
    expect(shownText(why(hosts()[1]!))).toBe(`Relevant: ${REASONS['fake:2']}`);
    // The reason is described by the mark, for screen readers, and shown while it has focus (CSS :focus ~ .why).
    expect(roots.get(hosts()[1]!)!.getElementById(m.getAttribute('aria-describedby')!)).toBe(why(hosts()[1]!));
    // Nothing of it in the page's DOM: not in text, not in attributes, not on the hosts.
    expect(document.documentElement.outerHTML).not.toContain('saved papers');
    expect(document.documentElement.outerHTML).not.toContain('Relevant');
    expect(hosts().flatMap((h) => h.getAttributeNames())).toEqual(['data-papershelf-id', 'data-papershelf-id', 'data-papershelf-id']);
    expect(control()!.getAttributeNames()).toEqual([]);
  });

  it('asks nothing and adds no control when relevance is off', async () => {
    document.body.innerHTML = card('1') + card('2');
    const port = relevancePort();
    await annotator(port).start();
    expect(port.relevance).not.toHaveBeenCalled();
    expect(control()).toBeNull();
    expect(hosts().every((h) => mark(h).hidden)).toBe(true);
  });

  it('"Next relevant (n)" focuses the relevant cards in page order, and wraps', async () => {
    document.body.innerHTML = card('1') + card('2') + card('3') + card('4') + card('5');
    await withRelevance(relevancePort()).start();
    const next = controlButton(/^Next relevant/);
    expect(shownText(next)).toBe('Next relevant (2)');
    const focused = () => {
      const host = document.activeElement!;
      expect(roots.get(host)!.activeElement).toBe(mark(host)); // the mark itself, so its reason shows
      return host.getAttribute('data-papershelf-id');
    };
    next.click();
    expect(focused()).toBe('fake:2');
    next.click();
    expect(focused()).toBe('fake:4');
    next.click();
    expect(focused()).toBe('fake:2');
  });

  it('"Next relevant" goes down the page as laid out (a grid placing card 4 above card 2), document order within a row', async () => {
    document.body.innerHTML = card('1') + card('2') + card('3') + card('4') + card('5');
    const tops: Record<string, number> = { 1: 0, 2: 300, 3: 0, 4: 100, 5: 100 };
    for (const article of document.querySelectorAll('article')) {
      const n = article.querySelector('a.paper')!.getAttribute('href')!.slice(1);
      article.getBoundingClientRect = () => ({ top: tops[n]! }) as DOMRect;
    }
    const port = relevancePort();
    port.relevance = vi.fn(async (cards: { id: string }[]) => cards.filter((c) => c.id !== 'fake:1').map((c) => ({ id: c.id, score: 0.2, reason: 'close' })));
    await withRelevance(port).start();
    const next = controlButton(/^Next relevant/);
    const order: (string | null)[] = [];
    for (let i = 0; i < 5; i++) {
      next.click();
      order.push(document.activeElement!.getAttribute('data-papershelf-id'));
    }
    expect(order).toEqual(['fake:3', 'fake:4', 'fake:5', 'fake:2', 'fake:3']);
  });

  it('"Dim done" dims the overlays of done papers only, never the page\'s own cards', async () => {
    document.body.innerHTML = card('1') + card('2') + card('4');
    const a = withRelevance(relevancePort({ 'fake:1': 'done', 'fake:2': 'reading' }));
    await a.start();
    const dimmed = () => hosts().map((h) => roots.get(h)!.querySelector('.row')!.classList.contains('dim'));
    const dim = controlButton(/^Dim done/);
    expect(dimmed()).toEqual([false, false, false]);
    dim.click();
    expect(dim.getAttribute('aria-pressed')).toBe('true');
    expect(dimmed()).toEqual([true, false, false]);
    a.applyChange('fake:2', { status: 'done', tags: [] }); // marked done in another tab
    expect(dimmed()).toEqual([true, true, false]);
    for (const article of document.querySelectorAll('article')) expect(article.getAttributeNames()).toEqual([]);
    dim.click();
    expect(dimmed()).toEqual([false, false, false]);
  });

  it('a double click on "Dim done" dims once, as on the overlay\'s toggles (its second click undid the first)', async () => {
    document.body.innerHTML = card('1') + card('2');
    await withRelevance(relevancePort({ 'fake:1': 'done' })).start();
    const dimmed = () => hosts().map((h) => roots.get(h)!.querySelector('.row')!.classList.contains('dim'));
    const dim = controlButton(/^Dim done/);
    for (const detail of [1, 2]) dim.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, detail }));
    expect(dim.getAttribute('aria-pressed')).toBe('true');
    expect(dimmed()).toEqual([true, false]);
    dim.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, detail: 0 })); // a key: one press each
    expect(dimmed()).toEqual([false, false]);
  });

  it('scores cards appended later once, with the page as context; a re-rendered card keeps its mark', async () => {
    document.body.innerHTML = card('1') + card('2');
    const port = relevancePort();
    await withRelevance(port).start();
    document.body.insertAdjacentHTML('beforeend', card('4'));
    await flush();
    await flush();
    expect(port.relevance).toHaveBeenCalledTimes(2);
    expect(vi.mocked(port.relevance!).mock.calls[1]).toEqual([
      [{ id: 'fake:4', title: 'Paper 4', abstract: null }],
      [{ id: 'fake:1', title: 'Paper 1', abstract: null }, { id: 'fake:2', title: 'Paper 2', abstract: null }],
    ]);
    expect(shownText(controlButton(/^Next relevant/))).toBe('Next relevant (2)');
    const article = document.querySelectorAll('article')[1]!;
    article.innerHTML = '<a class="paper" href="/2">link</a><h3>Paper 2</h3>'; // framework re-render
    await flush();
    expect(mark(article.querySelector('papershelf-overlay')!).hidden).toBe(false);
    expect(port.relevance).toHaveBeenCalledTimes(2);
  });

  it('scores in idle time, not in the task that marks the pass done', async () => {
    const idle: (() => void)[] = [];
    vi.stubGlobal('requestIdleCallback', (cb: () => void) => idle.push(cb));
    onTestFinished(() => void vi.unstubAllGlobals());
    document.body.innerHTML = card('1') + card('2');
    const port = relevancePort();
    const started = withRelevance(port).start();
    await flush();
    await flush();
    expect(port.relevance).not.toHaveBeenCalled();
    expect(idle.length).toBeGreaterThan(0);
    while (idle.length) idle.shift()!();
    await started;
    await flush();
    expect(port.relevance).toHaveBeenCalledTimes(1);
  });

  it('writes the control\'s count once a long page is scored, not after each batch (each write costs the page a frame)', async () => {
    const n = RELEVANCE_CARDS_MAX + 7;
    document.body.innerHTML = Array.from({ length: n }, (_, i) => card(String(i + 1))).join('');
    const port = fakePort();
    const relevant = new Set(['fake:2', `fake:${n}`]); // one in each batch
    port.relevance = vi.fn(async (cards: { id: string }[]) => cards.filter((c) => relevant.has(c.id)).map((c) => ({ id: c.id, score: 0.2, reason: 'why' })));
    // Every change inside the control's closed root from the moment its host is in the page.
    const changes: MutationRecord[] = [];
    const inRoot = new MutationObserver((records) => changes.push(...records));
    const hostAdded = new MutationObserver(() => {
      if (!control()) return;
      hostAdded.disconnect();
      inRoot.observe(roots.get(control()!)!, { subtree: true, childList: true, characterData: true, attributes: true });
    });
    hostAdded.observe(document.body, { childList: true });
    await withRelevance(port).start();
    expect(port.relevance).toHaveBeenCalledTimes(2);
    await flush();
    expect(shownText(controlButton(/^Next relevant/))).toBe('Next relevant (2)');
    expect([...changes, ...inRoot.takeRecords()]).toEqual([]); // put in the page with its final count, never rewritten
    inRoot.disconnect();
    hostAdded.disconnect();
  });

  it('leaves the control alone when an append changes no count (a rewrite costs the page a frame)', async () => {
    document.body.innerHTML = card('1') + card('2');
    const port = relevancePort();
    await withRelevance(port).start();
    const changes: MutationRecord[] = [];
    const watch = new MutationObserver((records) => changes.push(...records));
    watch.observe(roots.get(control()!)!, { subtree: true, childList: true, characterData: true, attributes: true });
    document.body.insertAdjacentHTML('beforeend', card('3')); // scored, not relevant
    await flush();
    await flush();
    expect(port.relevance).toHaveBeenCalledTimes(2);
    expect([...changes, ...watch.takeRecords()]).toEqual([]);
    expect(shownText(controlButton(/^Next relevant/))).toBe('Next relevant (1)');
    document.body.insertAdjacentHTML('beforeend', card('4')); // relevant
    await flush();
    await flush();
    expect(port.relevance).toHaveBeenCalledTimes(3);
    expect(shownText(controlButton(/^Next relevant/))).toBe('Next relevant (2)');
    watch.disconnect();
  });

  it('counts none after in-page navigation to a page without relevant cards, and stays drawn', async () => {
    document.body.innerHTML = '<main>' + card('2') + '</main>';
    await withRelevance(relevancePort()).start();
    const next = controlButton(/^Next relevant/);
    expect([shownText(next), next.getAttribute('aria-disabled')]).toEqual(['Next relevant (1)', 'false']);
    history.pushState(null, '', '/list?page=2');
    document.querySelector('main')!.innerHTML = card('3');
    await vi.waitFor(() => expect([shownText(next), next.getAttribute('aria-disabled')]).toEqual(['Next relevant (0)', 'true']), WAIT);
    expect(document.querySelectorAll('papershelf-controls')).toHaveLength(1);
    expect(drawn(control()!)).toBe(true);
  });

  it('goes with in-page navigation to a page it does not handle, and comes back as it was on the next one it does', async () => {
    document.body.innerHTML = '<main>' + card('1') + card('2') + '</main>';
    const a = withRelevance(relevancePort({ 'fake:1': 'done' }));
    await a.start();
    controlButton(/^Dim done/).click();
    history.pushState(null, '', '/profile'); // the site's own page, no listing: nothing of ours belongs there
    document.querySelector('main')!.innerHTML = '<h1>Your profile</h1>';
    await vi.waitFor(() => expect(control()).toBeNull(), WAIT);
    a.applyChange('fake:2', { status: 'to-read', tags: [] }); // a marked paper saved elsewhere meanwhile
    expect(control()).toBeNull();
    history.pushState(null, '', '/list?page=3');
    document.querySelector('main')!.innerHTML = card('1') + card('4');
    await vi.waitFor(() => expect(shownText(controlButton(/^Next relevant/))).toBe('Next relevant (1)'), WAIT);
    expect(controlButton(/^Dim done/).getAttribute('aria-pressed')).toBe('true'); // as the overlays are
    expect(roots.get(hostIn(articles()[0]!)!)!.querySelector('.row')!.classList.contains('dim')).toBe(true);
    expect(document.querySelectorAll('papershelf-controls')).toHaveLength(1);
  });

  it('takes the mark off a card once its paper is saved, and counts it out of "Next relevant"', async () => {
    document.body.innerHTML = card('1') + card('2') + card('3') + card('4');
    const a = withRelevance(relevancePort());
    await a.start();
    expect(hosts().map((h) => mark(h).hidden)).toEqual([true, false, true, false]);
    a.applyChange('fake:2', { status: 'to-read', tags: [] });
    expect(hosts().map((h) => mark(h).hidden)).toEqual([true, true, true, false]);
    expect(shownText(controlButton(/Next relevant/))).toBe('Next relevant (1)');
  });

  it('draws the control when no card is relevant too, its "Next relevant" doing nothing (its box tells nothing)', async () => {
    document.body.innerHTML = card('1') + card('3');
    const port = relevancePort();
    await withRelevance(port).start();
    expect(port.relevance).toHaveBeenCalledTimes(1);
    expect(control()).not.toBeNull();
    expect(control()!.getAttributeNames()).toEqual([]);
    expect(drawn(control()!)).toBe(true);
    const next = controlButton(/^Next relevant/);
    expect([shownText(next), next.getAttribute('aria-disabled')]).toEqual(['Next relevant (0)', 'true']);
    const focused = document.activeElement;
    next.click();
    expect(document.activeElement).toBe(focused); // no card to move to
  });

  it('a failed relevance request leaves the cards and their saved state alone', async () => {
    document.body.innerHTML = card('1') + card('2');
    const port = relevancePort({ 'fake:1': 'to-read' });
    port.relevance = vi.fn(async () => {
      throw new Error('background asleep');
    });
    const onError = vi.fn();
    const a = new Annotator({ doc: document, adapterFor: () => fakeAdapter, port, onError });
    running.push(a);
    a.setRelevance(true);
    await a.start();
    expect(hosts().map((h) => button(h).getAttribute('aria-pressed'))).toEqual(['true', 'false']);
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'background asleep' }));
    expect(shownText(controlButton(/^Next relevant/))).toBe('Next relevant (0)');
  });
});

describe('yieldToPage', () => {
  type Idle = (cb: () => void, options?: { timeout: number }) => number;
  const g = globalThis as { requestIdleCallback?: Idle };
  const realIdle = g.requestIdleCallback;
  afterEach(() => {
    setPoliteWhile(null);
    g.requestIdleCallback = realIdle;
  });

  it('while the page loads, waits for the browser to be idle (with a bound), so the page\'s loading goes first', async () => {
    const idle: { cb: () => void; timeout?: number }[] = [];
    g.requestIdleCallback = (cb, options) => idle.push({ cb, timeout: options?.timeout }) && 1;
    let loading = true;
    setPoliteWhile(() => loading);
    let done = false;
    const yielded = yieldToPage().then(() => (done = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(done).toBe(false); // a task, or a scheduler.yield continuation, would have run by now
    expect(idle).toHaveLength(1);
    expect(idle[0]!.timeout).toBeGreaterThan(0); // a page never idle still gets its cards annotated
    idle[0]!.cb();
    await yielded;
    expect(done).toBe(true);
    // Once the page has loaded, a yield keeps our place: no idle wait.
    loading = false;
    await yieldToPage();
    expect(idle).toHaveLength(1);
  });
});

describe('Annotator following a settings change (options page, no reload)', () => {
  const chips = (host: Element) => [...roots.get(host)!.querySelectorAll('.tags button.chip')].map((b) => `${shownText(b)}${b.hasAttribute('data-watched') ? '*' : ''}`);
  const watchedRow = (host: Element) => roots.get(host)!.querySelector('.row')!.classList.contains('watched');
  const mark = (host: Element) => roots.get(host)!.querySelector<HTMLButtonElement>('.relevant')!;
  const control = () => document.querySelector('papershelf-controls');
  const nextButton = () => [...roots.get(control()!)!.querySelectorAll('button')].find((b) => /^Next relevant/.test(shownText(b)))!;
  const topicsPort = () => {
    const port = fakePort();
    port.topics = vi.fn(async () => [{ id: 'agents', label: 'Agents' }]);
    return port;
  };
  const REASON = 'like 1 saved paper: "Offline RL"';
  const relevant = (port: ReadingListPort) => (port.relevance = vi.fn(async (cards: { id: string }[]) => cards.filter((c) => c.id === 'fake:2').map((c) => ({ id: c.id, score: 0.2, reason: REASON }))));

  it('the overlays built already take the new rule chips and watched topics; taken away again, they go', async () => {
    document.body.innerHTML = card('1', 'Offline reward learning') + card('2', 'Vision transformers');
    const a = annotator(topicsPort(), vi.fn(), createTagger({ watchedTopics: [], followedAuthors: [], tagRules: [] }));
    await a.start();
    await vi.waitFor(() => expect(hosts().map(chips)).toEqual([['Agents'], ['Agents']]), WAIT);
    expect(hosts().map(watchedRow)).toEqual([false, false]);
    await a.updateSettings(createTagger({ watchedTopics: ['agents'], followedAuthors: [], tagRules: checkRules([{ tag: 'rl', match: 'reward', fields: 'title' }]) }), false);
    expect(hosts().map(chips)).toEqual([['Agents*', 'rl'], ['Agents*']]);
    expect(hosts().map(watchedRow)).toEqual([true, true]);
    await a.updateSettings(createTagger({ watchedTopics: [], followedAuthors: [], tagRules: [] }), false);
    expect(hosts().map(chips)).toEqual([['Agents'], ['Agents']]);
    expect(hosts().map(watchedRow)).toEqual([false, false]);
  });

  it('cards by a followed author get a chip naming them and stand out, however the page writes the name; a click marks them all', async () => {
    document.body.innerHTML =
      card('1', 'Energy models', ['Yann LeCun', 'A. Other']) + card('2', 'Convnets', ['Y. LeCun']) + card('3', 'Diffusion', ['Yves LeCun']);
    const a = annotator(topicsPort(), vi.fn(), createTagger({ watchedTopics: [], followedAuthors: [], tagRules: [] }));
    await a.start();
    await vi.waitFor(() => expect(hosts().map(chips)).toEqual([['Agents'], ['Agents'], ['Agents']]), WAIT);
    await a.updateSettings(createTagger({ watchedTopics: [], followedAuthors: ['Yann LeCun'], tagRules: [] }), false);
    expect(hosts().map(chips)).toEqual([['Yann LeCun*', 'Agents'], ['Yann LeCun*', 'Agents'], ['Agents']]);
    expect(hosts().map(watchedRow)).toEqual([true, true, false]);
    const chip = roots.get(hosts()[1]!)!.querySelector('.tags button.chip') as HTMLElement;
    expect(chip.title).toBe('Author you follow: mark every paper on this page by Yann LeCun');
    expect(chip.getAttribute('data-kind')).toBe('author');
    chip.click();
    expect(hosts().map((h) => roots.get(h)!.querySelector('.row')!.classList.contains('marked'))).toEqual([true, true, false]);
    await a.updateSettings(createTagger({ watchedTopics: [], followedAuthors: [], tagRules: [] }), false); // unfollowed
    expect(hosts().map(chips)).toEqual([['Agents'], ['Agents'], ['Agents']]);
    expect(hosts().map(watchedRow)).toEqual([false, false, false]);
  });

  it('a card appended after the change is built with the new settings', async () => {
    document.body.innerHTML = card('1', 'Offline reward learning');
    const a = annotator(topicsPort(), vi.fn(), createTagger({ watchedTopics: [], followedAuthors: [], tagRules: [] }));
    await a.start();
    await a.updateSettings(createTagger({ watchedTopics: [], followedAuthors: [], tagRules: checkRules([{ tag: 'rl', match: 'reward', fields: 'title' }]) }), false);
    document.body.insertAdjacentHTML('beforeend', card('3', 'Reward models'));
    await vi.waitFor(() => expect(hosts().map(chips)).toEqual([['rl', 'Agents'], ['rl', 'Agents']]), WAIT);
  });

  it('relevance turned off takes every mark and the page control away, and dims nothing', async () => {
    document.body.innerHTML = card('1') + card('2') + card('3');
    const port = fakePort({ 'fake:1': 'done' });
    relevant(port);
    const a = annotator(port);
    a.setRelevance(true);
    await a.start();
    expect(hosts().map((h) => mark(h).hidden)).toEqual([true, false, true]);
    a.setDimDone(true);
    expect(control()).not.toBeNull();
    await a.updateSettings(createTagger({ watchedTopics: [], followedAuthors: [], tagRules: [] }), false);
    expect(hosts().map((h) => mark(h).hidden)).toEqual([true, true, true]);
    expect(control()).toBeNull();
    expect(hosts().map((h) => roots.get(h)!.querySelector('.row')!.classList.contains('dim'))).toEqual([false, false, false]);
    // Cards appended later are not scored, and nothing brings the control back.
    document.body.insertAdjacentHTML('beforeend', card('4'));
    await vi.waitFor(() => expect(hosts()).toHaveLength(4), WAIT);
    await flush();
    expect(port.relevance).toHaveBeenCalledTimes(1);
    expect(control()).toBeNull();
    expect(a.nextRelevant()).toBeNull();
  });

  it('an answer asked before relevance was turned off is dropped when it comes', async () => {
    document.body.innerHTML = card('1') + card('2');
    const port = fakePort();
    let answer!: () => void;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    port.relevance = vi.fn(async (cards: { id: string }[]) => {
      await answered;
      return cards.filter((c) => c.id === 'fake:2').map((c) => ({ id: c.id, score: 0.2, reason: REASON }));
    });
    const a = annotator(port);
    a.setRelevance(true);
    const started = a.start();
    await vi.waitFor(() => expect(port.relevance).toHaveBeenCalledTimes(1), WAIT);
    await a.updateSettings(createTagger({ watchedTopics: [], followedAuthors: [], tagRules: [] }), false);
    answer();
    await started;
    await flush();
    expect(hosts().map((h) => mark(h).hidden)).toEqual([true, true]);
    expect(control()).toBeNull();
  });

  it('relevance turned on before the first pass leaves the scoring to it: no control on a page not read yet', async () => {
    document.body.innerHTML = card('1') + card('2');
    const port = fakePort();
    relevant(port);
    const a = annotator(port);
    await a.updateSettings(createTagger({ watchedTopics: [], followedAuthors: [], tagRules: [] }), true);
    expect(control()).toBeNull();
    await a.start();
    expect(port.relevance).toHaveBeenCalledTimes(1);
    expect(hosts().map((h) => mark(h).hidden)).toEqual([true, false]);
    expect(shownText(nextButton())).toBe('Next relevant (1)');
  });

  it('relevance turned on scores the cards already on the page and shows the control; off and on again scores afresh', async () => {
    document.body.innerHTML = card('1') + card('2') + card('3');
    const port = fakePort();
    relevant(port);
    const a = annotator(port);
    await a.start();
    expect(port.relevance).not.toHaveBeenCalled();
    expect(control()).toBeNull();
    await a.updateSettings(createTagger({ watchedTopics: [], followedAuthors: [], tagRules: [] }), true);
    expect(port.relevance).toHaveBeenCalledWith(
      ['1', '2', '3'].map((id) => ({ id: `fake:${id}`, title: `Paper ${id}`, abstract: null })),
      [],
    );
    expect(hosts().map((h) => mark(h).hidden)).toEqual([true, false, true]);
    expect(shownText(nextButton())).toBe('Next relevant (1)');
    await a.updateSettings(createTagger({ watchedTopics: [], followedAuthors: [], tagRules: [] }), false);
    await a.updateSettings(createTagger({ watchedTopics: [], followedAuthors: [], tagRules: [] }), true);
    expect(port.relevance).toHaveBeenCalledTimes(2);
    expect(hosts().map((h) => mark(h).hidden)).toEqual([true, false, true]);
    expect(shownText(nextButton())).toBe('Next relevant (1)');
  });
});

describe('failureMessage', () => {
  const named = (name: string) => Object.assign(new Error('x'), { name });
  it('says what failed, and why when storage is full or unavailable, short enough for a card\'s line', () => {
    expect(failureMessage(named('QuotaExceededError'), 'save')).toBe('Could not save: browser storage is full.');
    expect(failureMessage(named('StorageUnavailableError'), 'remove')).toBe('Could not remove: browser storage is unavailable.');
    expect(failureMessage(new Error('Could not establish connection'), 'change the status')).toBe('Could not change the status. Try again.');
    expect(failureMessage(null, 'save')).toBe('Could not save. Try again.');
    // The row clips what does not fit its one line (host.ts): ~45 characters on a 300 px card, a few more at most.
    for (const action of ['save', 'remove', 'change the status'] as const) {
      for (const error of [named('QuotaExceededError'), named('StorageUnavailableError'), new Error('x')]) {
        expect(failureMessage(error, action).length).toBeLessThanOrEqual(action === 'change the status' ? 62 : 50);
      }
    }
  });
});

describe('Annotator with overlays beside their cards (a Hugging Face row of several paper links)', () => {
  /** Hugging Face's adapter as on a profile page (jsdom's own address is not one). */
  const PROFILE = new URL('https://huggingface.co/example-org');
  const profile: SiteAdapter<any> = {
    ...huggingface,
    pageKind: () => 'profile',
    context: (doc, _url, now) => huggingface.context(doc, PROFILE, now),
    contextInSlices: undefined,
  };
  const row = (...ids: string[]) => `<div class="paper-card">${ids.map((id) => `<a href="/papers/${id}">Paper ${id}</a>`).join('')}</div>`;
  const overlaysIn = (el: Element) => [...el.querySelectorAll('papershelf-overlay')].map((h) => h.getAttribute('data-papershelf-id'));

  /** The rows' waits are WAIT long: each test gets room to fail on its assertion rather than time out. */
  const LONG = 15000;

  async function started() {
    document.body.innerHTML = `<main><h2>Papers</h2><div class="grid">${row('2607.00917', '2401.12345')}</div></main>`;
    const a = new Annotator({ doc: document, adapterFor: () => profile, port: fakePort(), onError: vi.fn(), now: () => new Date('2026-07-02T00:00:00Z') });
    running.push(a);
    await a.start();
    const r = document.querySelector('.paper-card')!;
    await vi.waitFor(() => expect(overlaysIn(r)).toEqual(['arxiv:2607.00917', 'arxiv:2401.12345']), WAIT);
    return r;
  }

  it('gives a link the page adds to the row its own overlay, and leaves the others as they are', async () => {
    const r = await started();
    r.insertAdjacentHTML('beforeend', '<a href="/papers/2609.22268">Paper 2609.22268</a>');
    await vi.waitFor(() => expect(overlaysIn(r)).toEqual(['arxiv:2607.00917', 'arxiv:2401.12345', 'arxiv:2609.22268']), WAIT);
  }, LONG);

  it("takes a replaced link's overlay away with it, and gives its replacement one", async () => {
    const r = await started();
    const first = r.querySelector('a')!;
    const next = document.createElement('a');
    next.href = '/papers/2609.22268';
    next.textContent = 'Paper 2609.22268';
    first.replaceWith(next);
    await vi.waitFor(() => expect(overlaysIn(r)).toEqual(['arxiv:2609.22268', 'arxiv:2401.12345']), WAIT);
    // The other link's overlay stays beside it.
    expect(r.querySelector('a[href="/papers/2401.12345"]')!.nextElementSibling!.localName).toBe('papershelf-overlay');
  }, LONG);

  it("puts back the overlay a re-render took out of the row, that card's only", async () => {
    const r = await started();
    r.querySelectorAll('papershelf-overlay')[0]!.remove();
    await vi.waitFor(() => expect(overlaysIn(r)).toEqual(['arxiv:2607.00917', 'arxiv:2401.12345']), WAIT);
  }, LONG);
});
