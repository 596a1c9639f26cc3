// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyPaper } from '../core/paper';
import type { SiteAdapter } from '../sites/types';
import type { ReadingStatus } from '../storage/schema';
import { Annotator, type ReadingListPort } from './annotator';

// Closed shadow roots are invisible to the page; the test keeps a private handle on each one.
const roots = new Map<Element, ShadowRoot>();
const realAttach = Element.prototype.attachShadow;
beforeEach(() => {
  roots.clear();
  Element.prototype.attachShadow = function (init) {
    const root = realAttach.call(this, init);
    roots.set(this, root);
    return root;
  };
  document.body.innerHTML = '';
  history.replaceState(null, '', '/list');
});
const running: Annotator[] = [];
afterEach(() => {
  Element.prototype.attachShadow = realAttach;
  running.splice(0).forEach((a) => a.stop());
});

/** A minimal adapter: cards are `article` elements with a `a.paper` link and an `h3` title. */
const fakeAdapter: SiteAdapter<null> = {
  id: 'fake',
  name: 'Fake',
  matches: [],
  pageKind: (url) => (url.pathname.startsWith('/list') ? 'list' : null),
  context: () => null,
  findCards(root) {
    const cards = [...root.querySelectorAll('article')];
    if (root instanceof Element && root.matches('article')) cards.unshift(root);
    return cards;
  },
  extract(card) {
    const id = card.querySelector('a.paper')?.getAttribute('href')?.slice(1);
    const title = card.querySelector('h3')?.textContent;
    if (id === 'boom') throw new Error('broken card');
    return id && title ? emptyPaper(`fake:${id}`, title, { site: 'fake', page: 'list' }) : null;
  },
  mountPoint: (card) => ({ parent: card, before: null }),
};

function card(id: string, title = `Paper ${id}`): string {
  return `<article><a class="paper" href="/${id}">link</a><h3>${title}</h3></article>`;
}

function fakePort(saved: Record<string, ReadingStatus> = {}) {
  const store = new Map(Object.entries(saved));
  const port: ReadingListPort & { calls: string[] } = {
    calls: [],
    statuses: vi.fn(async (ids: string[]) => {
      port.calls.push(`statuses:${ids.join(',')}`);
      return Object.fromEntries(ids.map((id) => [id, store.get(id) ?? null]));
    }),
    save: vi.fn(async (paper) => {
      store.set(paper.id, 'to-read');
      return 'to-read' as const;
    }),
    remove: vi.fn(async (id: string) => void store.delete(id)),
  };
  return port;
}

const button = (host: Element) => roots.get(host)!.querySelector('button')!;
const hosts = () => [...document.querySelectorAll('papershelf-overlay')];
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function annotator(port: ReadingListPort, onError = vi.fn()) {
  const a = new Annotator({ doc: document, adapterFor: (url) => (fakeAdapter.pageKind(url) ? fakeAdapter : null), port, onError });
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
    expect(port.calls).toEqual(['statuses:fake:1,fake:2']);
    // Nothing about the user on the host: only the paper id.
    expect(hosts().flatMap((h) => h.getAttributeNames())).toEqual(['data-papershelf-id', 'data-papershelf-id']);
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
    expect(root.querySelector('[role=status]')!.textContent).toMatch(/Could not save/);
  });

  it('applies changes broadcast from other tabs', async () => {
    document.body.innerHTML = card('1');
    const a = annotator(fakePort());
    await a.start();
    a.applyChange('fake:1', 'done');
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
    await flush();
    expect(hosts().map((h) => h.getAttribute('data-papershelf-id'))).toEqual(['fake:1', 'fake:2', 'fake:3']);
  });
});
