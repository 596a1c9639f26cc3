// A minimal site adapter for the content script's tests: cards are `article` elements with an `a.paper` link (the
// paper's id) and an `h3` title, perhaps a `p.authors` of names between commas; a card whose id is "boom" throws when
// extracted.
import { emptyPaper } from '../../src/core/paper';
import type { SiteAdapter } from '../../src/sites/types';

export const fakeAdapter: SiteAdapter<null> = {
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
    const authors = card.querySelector('p.authors')?.textContent?.split(', ') ?? [];
    return id && title ? { ...emptyPaper(`fake:${id}`, title, { site: 'fake', page: 'list' }), authors } : null;
  },
  mountPoint: (card) => ({ parent: card, before: null }),
};

/** A card of fakeAdapter's, as HTML. */
export function card(id: string, title = `Paper ${id}`, authors: string[] = []): string {
  const byline = authors.length ? `<p class="authors">${authors.join(', ')}</p>` : '';
  return `<article><a class="paper" href="/${id}">link</a><h3>${title}</h3>${byline}</article>`;
}
