// @vitest-environment jsdom
import { beforeEach, expect, it, vi } from 'vitest';
import { emptyPaper } from '../../core/paper';
import { captureClosedRoots } from '../../../test/unit/closed-roots';
import { shownText, userInput } from './host';
import { createCardOverlay, type OverlayActions } from './card-overlay';

// jsdom's clicks are all a script's: here they stand for the user's.
beforeEach(() => void vi.spyOn(userInput, 'isUser').mockReturnValue(true));
const roots = captureClosedRoots();

const paper = emptyPaper('fake:1', 'A paper', { site: 'fake', page: 'list' });
const actions: OverlayActions = { toggle: () => {}, setStatus: () => {}, mark: () => {}, repo: async () => null, moreRepos: async () => [], now: () => 0 };

function built() {
  const overlay = createCardOverlay(document, paper.id, () => paper, () => 'light', () => [], actions);
  document.body.replaceChildren(overlay.host);
  overlay.reveal();
  overlay.setState(null);
  const root = roots.get(overlay.host)!;
  return { overlay, root, save: root.querySelector<HTMLButtonElement>('button.save')! };
}

it('hands the focus to the Save button when the focused relevance mark goes (the paper saved in another tab)', () => {
  const { overlay, root, save } = built();
  overlay.setRelevance('like 2 saved papers');
  overlay.focusRelevance(); // "Next relevant" put the focus here
  expect(root.activeElement?.classList.contains('relevant')).toBe(true);
  overlay.setState({ status: 'to-read', tags: [] });
  overlay.setRelevance(null); // saved papers are never marked (annotator.ts putState)
  expect(root.activeElement).toBe(save);
  // A mark without the focus goes without moving it.
  const elsewhere = document.body.appendChild(document.createElement('button'));
  overlay.setRelevance('like 1 saved paper');
  elsewhere.focus();
  overlay.setRelevance(null);
  expect(document.activeElement).toBe(elsewhere);
});

it("draws nothing again when the saved state comes in and changes nothing shown (most cards: not saved)", async () => {
  // The save control writes nothing for it (save-control.test.ts), but the chips were all drawn anew: a frame of
  // layout and paint for every card built before its answer, and again for each on a refresh or a page Back.
  const tags = [{ label: 'LLMs', kind: 'topic' as const, watched: false }, { label: 'cs.LG', kind: 'site' as const, watched: false }];
  const overlay = createCardOverlay(document, paper.id, () => paper, () => 'light', () => tags, actions);
  document.body.replaceChildren(overlay.host);
  overlay.reveal();
  const root = roots.get(overlay.host)!;
  const seen: MutationRecord[] = [];
  const observer = new MutationObserver((records) => seen.push(...records));
  observer.observe(root.querySelector('.tags')!, { subtree: true, childList: true, attributes: true });
  overlay.setState(null); // the lookup's answer: not saved
  overlay.setState(null); // a refresh
  overlay.setMarked(null); // a mark cleared on another card's chip, none here
  await Promise.resolve();
  seen.push(...observer.takeRecords());
  observer.disconnect();
  expect(seen).toEqual([]);
  overlay.setState({ status: 'to-read', tags: ['mine'] }); // a real change is drawn
  expect([...root.querySelectorAll('.chip')].map((c) => c.getAttribute('data-text'))).toEqual(['mine', 'LLMs', 'cs.LG']);
});

it("names its paper in the label of each control that acts on this card alone, each label beginning with the text shown", () => {
  // A screen reader's list of a page's buttons had thirty "Reading status: To read" and "Relevant" alike; voice control
  // is understood when the name begins with what is shown (WCAG 2.5.3). Chips keep their tag's name: a chip marks its
  // tag on every card, the same act wherever it is clicked.
  const tags = ['LLMs', 'Agents', 'RL', 'cs.LG'].map((label) => ({ label, kind: 'topic' as const, watched: false }));
  const overlay = createCardOverlay(document, paper.id, () => paper, () => 'light', () => tags, actions);
  document.body.replaceChildren(overlay.host);
  overlay.reveal();
  overlay.setState(null);
  overlay.setRelevance('like 2 saved papers');
  const root = roots.get(overlay.host)!;
  /** The text shown, but for the marks a screen reader skips (aria-hidden: "◆", "▾"). */
  const shown = (element: Element): string =>
    element.getAttribute('aria-hidden') === 'true' ? '' : (element.getAttribute('data-text') ?? '') + [...element.children].map(shown).join('');
  const named = (selector: string) => {
    const element = root.querySelector(selector)!;
    const name = element.getAttribute('aria-label')!;
    expect(name.startsWith(shown(element)), `“${name}” begins with “${shown(element)}”`).toBe(true);
    return name;
  };
  expect([named('.relevant'), named('.more')]).toEqual(['Relevant: “A paper”', '+1: show 1 more tag of “A paper”']);
  overlay.setState({ status: 'to-read', tags: [] });
  root.querySelector<HTMLButtonElement>('.status')!.click();
  expect([named('.save'), named('.status'), root.querySelector('.statuses')!.getAttribute('aria-label')]).toEqual([
    'Saved “A paper”',
    'To read: reading status of “A paper”',
    'Set the reading status of “A paper”',
  ]);
  expect(shownText(root.querySelector('.status')!)).toBe('To read▾');
  root.querySelector<HTMLButtonElement>('.more')!.click();
  expect(named('.more')).toBe('less: show fewer tags of “A paper”');
});

it('asks GitHub once more for a badge it gave no figures for, after the time it named, and only while the page is shown', async () => {
  vi.useFakeTimers({ now: 1_000_000 });
  try {
    const retryAt = Date.now() + 60_000;
    const unavailable = { name: 'owner/repo', stars: null, pushedAt: null, archived: false, notFound: false, unavailable: { reason: 'rate-limit' as const, retryAt } };
    const answers = [unavailable, { ...unavailable, unavailable: { reason: 'rate-limit' as const, retryAt: retryAt + 60_000 } }, { ...unavailable, stars: 42, unavailable: undefined }];
    const repo = vi.fn(async () => answers[repo.mock.calls.length - 1] ?? null);
    const withCode = { ...paper, githubRepos: ['owner/repo'] };
    const overlay = createCardOverlay(document, paper.id, () => withCode, () => 'light', () => [], { ...actions, repo, now: () => Date.now() });
    document.body.replaceChildren(overlay.host);
    overlay.reveal();
    const badge = () => roots.get(overlay.host)!.querySelector('a.badge')!;
    await vi.advanceTimersByTimeAsync(0);
    expect(shownText(badge())).toBe('owner/repo★ ?');
    expect(badge().getAttribute('aria-label')).toMatch(/; asked again after \d\d:\d\d\)$/);
    expect(repo).toHaveBeenCalledTimes(1);
    // A tab in the background waits until it is looked at.
    let hidden = true;
    const visibility = vi.spyOn(document, 'hidden', 'get').mockImplementation(() => hidden);
    await vi.advanceTimersByTimeAsync(60_000 + 10_000);
    expect(repo).toHaveBeenCalledTimes(1);
    hidden = false;
    document.dispatchEvent(new Event('visibilitychange'));
    await vi.advanceTimersByTimeAsync(0);
    expect(repo).toHaveBeenCalledTimes(2);
    // Unavailable again: not asked a third time, and the label promises no more (the reader's reload asks).
    expect(badge().getAttribute('aria-label')).toMatch(/; try again after \d\d:\d\d\)$/);
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(repo).toHaveBeenCalledTimes(2);
    visibility.mockRestore();
  } finally {
    vi.useRealTimers();
  }
});

it('asks again once for a badge that named a retry time, with the figures shown once they come', async () => {
  vi.useFakeTimers({ now: 1_000_000 });
  try {
    const unavailable = { name: 'owner/repo', stars: null, pushedAt: null, archived: false, notFound: false, unavailable: { reason: 'unreachable' as const, retryAt: Date.now() + 300_000 } };
    const repo = vi.fn(async () => (repo.mock.calls.length === 1 ? unavailable : { ...unavailable, stars: 42, unavailable: undefined }));
    const withCode = { ...paper, githubRepos: ['owner/repo'] };
    const overlay = createCardOverlay(document, paper.id, () => withCode, () => 'light', () => [], { ...actions, repo, now: () => Date.now() });
    document.body.replaceChildren(overlay.host);
    overlay.reveal();
    const badge = () => roots.get(overlay.host)!.querySelector('a.badge')!;
    await vi.advanceTimersByTimeAsync(299_000);
    expect(shownText(badge())).toBe('owner/repo★ ?');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(repo).toHaveBeenCalledTimes(2);
    expect(shownText(badge())).toBe('owner/repo★ 42');
    expect(badge().getAttribute('aria-label')).toBe('owner/repo on GitHub: 42 stars');
  } finally {
    vi.useRealTimers();
  }
});
