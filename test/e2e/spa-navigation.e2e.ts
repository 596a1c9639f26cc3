// Hugging Face's period tabs and search change the URL without loading a page (DOM-NOTES.md §1.2) and re-render the
// list: some cards are new elements, some keep their element and show another paper (a list re-rendered by index),
// some go; Back restores the first list. In both browsers, every card ends with one overlay, for the paper it shows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bothBrowsers, until, type Harness, type Tab } from './browsers';
import { DAILY_URL, routes } from './pages';

const WEEK_PATH = '/papers/week/2026-W27';

/**
 * The page's own script for the test, in the page's world: a stand-in for the site's router. `week()` pushes the
 * week's URL, then re-renders the list in place: the first card shows another paper (links and title changed on
 * the same element), the last card goes, a new card is appended. Back (popstate) puts the first list back as new elements.
 */
const ROUTER = `(() => {
  const grid = document.querySelector('article').parentElement;
  // The site renders from its data: its own markup, without the overlays in the page now.
  const own = (card) => (card.querySelectorAll('papershelf-overlay').forEach((host) => host.remove()), card);
  const first = [...grid.children].map((card) => own(card.cloneNode(true)));
  const retarget = (card, from, to, title) => {
    for (const a of card.querySelectorAll('a[href]')) a.setAttribute('href', a.getAttribute('href').split(from).join(to));
    card.querySelector('h3 a').firstChild.nodeValue = title;
  };
  const idOf = (card) => /\\/papers\\/([^/?#]+)/.exec(card.querySelector('a[href^="/papers/"]').getAttribute('href'))[1];
  window.papershelfTestRouter = {
    week() {
      history.pushState({}, '', '${WEEK_PATH}');
      const cards = [...grid.querySelectorAll('article')];
      retarget(cards[0], idOf(cards[0]), '2607.09999', 'Reused in place for another paper');
      cards.at(-1).remove();
      const added = own(cards[1].cloneNode(true));
      retarget(added, idOf(cards[1]), '2607.08888', 'Appended by the week view');
      grid.append(added);
    },
  };
  addEventListener('popstate', () => grid.replaceChildren(...first.map((card) => card.cloneNode(true))));
})()`;

/** Each card in page order: the paper its title links to, and the ids of the overlays inside it. */
const CARDS = `[...document.querySelectorAll('article')].map((card) => ({
  paper: 'arxiv:' + /\\/papers\\/([^/?#]+)/.exec(card.querySelector('h3 a').getAttribute('href'))[1],
  overlays: [...card.querySelectorAll('papershelf-overlay')].map((host) => host.getAttribute('data-papershelf-id')),
}))`;

/** Every card shows exactly one overlay, of its own paper (overlays() builds them all first, scrolling as a reader). */
async function everyCardItsOwnOverlay(tab: Tab, count: number): Promise<{ paper: string; overlays: string[] }[]> {
  return until(async () => {
    const overlays = await tab.overlays();
    const cards = await tab.run<{ paper: string; overlays: string[] }[]>(CARDS);
    const right = cards.length === count && cards.every((c) => c.overlays.length === 1 && c.overlays[0] === c.paper);
    return right && overlays.length === count && overlays.every((o) => o.built && o.pressed !== null) && cards;
  }, `${count} cards, each with its own paper's overlay`, 15_000);
}

describe.each(bothBrowsers(routes))('%s: Hugging Face in-page navigation', (_name, launch) => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await launch();
  });
  afterAll(() => harness?.close());

  it('after a period switch and Back, every card has one overlay, for the paper it shows', async () => {
    const tab = await harness.newTab();
    await tab.toFront();
    await tab.goto(DAILY_URL);
    const daily = await everyCardItsOwnOverlay(tab, 31);
    await tab.run(ROUTER);

    await tab.run('window.papershelfTestRouter.week()');
    expect(await tab.run<string>('location.pathname')).toBe(WEEK_PATH);
    const week = await everyCardItsOwnOverlay(tab, 31);
    expect(week[0]!.paper).toBe('arxiv:2607.09999');
    expect(week.at(-1)!.paper).toBe('arxiv:2607.08888');
    expect(week.slice(1, -1).map((c) => c.paper)).toEqual(daily.slice(1, -1).map((c) => c.paper));

    await tab.run('history.back()');
    await until(async () => (await tab.run<string>('location.pathname')) === new URL(DAILY_URL).pathname, 'back on the day');
    const back = await everyCardItsOwnOverlay(tab, 31);
    expect(back.map((c) => c.paper)).toEqual(daily.map((c) => c.paper));
    await tab.close();
  });
});
