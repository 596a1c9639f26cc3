// @vitest-environment jsdom
import { expect, it } from 'vitest';
import { abbreviate, createGithubBadge, relativeAge } from './github-badge';
import { shownText } from './host';

const NOW = Date.parse('2026-12-01T00:00:00Z');

/** The DOM changes an action makes to the badge (childList, attributes, text), as a MutationObserver sees them. */
async function changes(target: Node, act: () => void): Promise<MutationRecord[]> {
  const seen: MutationRecord[] = [];
  const observer = new MutationObserver((records) => seen.push(...records));
  observer.observe(target, { subtree: true, childList: true, attributes: true, characterData: true });
  act();
  await Promise.resolve();
  seen.push(...observer.takeRecords());
  observer.disconnect();
  return seen;
}

it("shows the repository at once, the page's figure if any, and the API's figures when they come", () => {
  const badge = createGithubBadge(document, 'Owner/Repo', 1234, () => NOW)!;
  expect(badge.element.getAttribute('href')).toBe('https://github.com/Owner/Repo');
  expect(shownText(badge.element)).toBe('Owner/Repo★ 1.2k');
  badge.update({ name: 'owner/repo', stars: 2500, pushedAt: '2026-11-19T00:00:00Z' });
  expect(badge.element.getAttribute('href')).toBe('https://github.com/owner/repo');
  expect(shownText(badge.element)).toBe('owner/repo★ 2.5k · 12d ago');
  expect(badge.element.title).toBe('owner/repo on GitHub: 2,500 stars, last push 12 days ago');
  expect(abbreviate(999)).toBe('999');
  // Rounded up to the next unit, not "1000k".
  expect(abbreviate(999_499)).toBe('999k');
  expect(abbreviate(999_500)).toBe('1M');
  expect(abbreviate(1_250_000)).toBe('1.3M');
});

it('writes nothing when an answer changes nothing (offline, rate-limited, or what the page showed already)', async () => {
  const badge = createGithubBadge(document, 'Owner/Repo', null, () => NOW)!;
  // What the background answers when GitHub is out of reach: the name, no figures.
  const unavailable = { name: 'Owner/Repo', stars: null, pushedAt: null, archived: false, notFound: false };
  expect(await changes(badge.element, () => badge.update(unavailable))).toEqual([]);
  // A real change is still written, and only where it differs.
  const written = await changes(badge.element, () => badge.update({ ...unavailable, stars: 7 }));
  expect(written.length).toBeGreaterThan(0);
  expect(written.some((r) => r.type === 'attributes' && r.attributeName === 'href')).toBe(false);
  expect(shownText(badge.element)).toBe('Owner/Repo★ 7');
  expect(await changes(badge.element, () => badge.update({ stars: 7 }))).toEqual([]);
});

it("keeps the page's star count when the answer knows none (GitHub out of reach), and drops it for a repository that is gone", async () => {
  const badge = createGithubBadge(document, 'Owner/Repo', 1234, () => NOW)!;
  const unavailable = { name: 'Owner/Repo', stars: null, pushedAt: null, archived: false, notFound: false };
  expect(await changes(badge.element, () => badge.update(unavailable))).toEqual([]);
  expect(shownText(badge.element)).toBe('Owner/Repo★ 1.2k');
  badge.update({ ...unavailable, notFound: true });
  expect(shownText(badge.element)).toBe('Owner/Reponot found');
  expect(badge.element.title).toBe('Owner/Repo on GitHub: not found');
});

it('gives a malformed repository name no badge', () => {
  expect(createGithubBadge(document, 'not a repo', null, () => NOW)).toBeNull();
});

it('leaves a push date it cannot read out of the label too, as out of the figures', () => {
  const badge = createGithubBadge(document, 'Owner/Repo', 12, () => NOW)!;
  badge.update({ pushedAt: 'not a date' });
  expect(shownText(badge.element)).toBe('Owner/Repo★ 12');
  expect(badge.element.getAttribute('aria-label')).toBe('Owner/Repo on GitHub: 12 stars');
});

it('reads its figures in words: one star, days, months and years spelled out (a screen reader said "12 d ago")', () => {
  const badge = createGithubBadge(document, 'Owner/Repo', 1, () => NOW)!;
  const label = (pushedAt: string) => (badge.update({ pushedAt }), badge.element.getAttribute('aria-label'));
  expect(label('2026-11-30T00:00:00Z')).toBe('Owner/Repo on GitHub: 1 star, last push 1 day ago');
  expect(label('2026-07-01T00:00:00Z')).toBe('Owner/Repo on GitHub: 1 star, last push 5 months ago');
  expect(label('2024-06-01T00:00:00Z')).toBe('Owner/Repo on GitHub: 1 star, last push 2 years ago');
  expect(label('2026-12-01T00:00:00Z')).toBe('Owner/Repo on GitHub: 1 star, last push today');
  expect(shownText(badge.element)).toBe('Owner/Repo★ 1 · today'); // the figures shown stay short
});

it('opens one tab for a double click: its second click follows no link (a single click and a key press do)', () => {
  const badge = createGithubBadge(document, 'Owner/Repo', null, () => NOW)!;
  document.body.replaceChildren(badge.element);
  const followed = (detail: number) => {
    const event = new MouseEvent('click', { bubbles: true, cancelable: true, detail });
    badge.element.dispatchEvent(event);
    return !event.defaultPrevented;
  };
  expect([followed(0), followed(1), followed(2), followed(3)]).toEqual([true, true, false, false]);
});

it('reads a push dated a little after now (GitHub\'s clock ahead) as today, and one days after now as no age at all', () => {
  const ahead = (ms: number) => relativeAge(new Date(NOW + ms).toISOString(), NOW);
  expect(ahead(0)).toBe('today');
  expect(ahead(30_000)).toBe('today');
  expect(ahead(23 * 3_600_000)).toBe('today');
  expect(ahead(24 * 3_600_000)).toBe('today');
  expect(ahead(24 * 3_600_000 + 1000)).toBeNull();
  expect(ahead(3 * 86_400_000)).toBeNull();
  expect(relativeAge('2099-01-01T00:00:00Z', NOW)).toBeNull();
  // This clock days behind, the badge says nothing of the push rather than "today".
  const badge = createGithubBadge(document, 'Owner/Repo', 12, () => NOW)!;
  badge.update({ pushedAt: '2026-12-05T00:00:00Z' });
  expect(shownText(badge.element)).toBe('Owner/Repo★ 12');
  expect(badge.element.getAttribute('aria-label')).toBe('Owner/Repo on GitHub: 12 stars');
  badge.update({ pushedAt: '2026-12-01T00:00:05Z' });
  expect(shownText(badge.element)).toBe('Owner/Repo★ 12 · today');
});

it('is named first by the repository it shows (WCAG 2.5.3: voice control finds it by its shown words), then its figures in full', () => {
  const badge = createGithubBadge(document, 'Owner/Repo', null, () => NOW)!;
  const name = () => badge.element.getAttribute('aria-label')!;
  const shownName = () => badge.element.querySelector('.name')!.getAttribute('data-text')!;
  expect(name()).toBe('Owner/Repo on GitHub');
  badge.update({ name: 'owner/repo', stars: 1_234_567, pushedAt: '2026-11-19T00:00:00Z', archived: true });
  expect(shownText(badge.element)).toBe('owner/repo★ 1.2M · 12d agoarchived');
  expect(name()).toBe('owner/repo on GitHub: 1,234,567 stars, last push 12 days ago, archived');
  expect(name().startsWith(`${shownName()} `)).toBe(true);
  expect(badge.element.title).toBe(name());
});

it("says when GitHub gave no figures, and why (its hourly limit, out of reach), apart from a repository that is gone", () => {
  // A local time, so the label reads 14:05 whatever the test machine's time zone.
  const retryAt = new Date(2026, 11, 1, 14, 5).getTime();
  const clock = (now: number) => createGithubBadge(document, 'Owner/Repo', null, () => now)!;
  const limited = clock(retryAt - 60_000);
  limited.update({ name: 'Owner/Repo', stars: null, pushedAt: null, archived: false, notFound: false, unavailable: { reason: 'rate-limit', retryAt } });
  expect(shownText(limited.element)).toBe('Owner/Repo★ ?');
  expect(limited.element.getAttribute('aria-label')).toBe("Owner/Repo on GitHub: stars unavailable (GitHub's hourly request limit is reached; try again after 14:05)");
  expect(limited.element.title).toBe(limited.element.getAttribute('aria-label'));
  expect(limited.element.getAttribute('href')).toBe('https://github.com/Owner/Repo'); // still the way to the repository

  const offline = clock(retryAt - 60_000);
  offline.update({ name: 'Owner/Repo', stars: null, pushedAt: null, archived: false, notFound: false, unavailable: { reason: 'unreachable', retryAt } });
  expect(offline.element.title).toBe('Owner/Repo on GitHub: stars unavailable (GitHub could not be reached; try again after 14:05)');
  // A time gone by (the badge built long ago) is not offered as one to wait for.
  const late = clock(retryAt + 60_000);
  late.update({ name: 'Owner/Repo', stars: null, pushedAt: null, archived: false, notFound: false, unavailable: { reason: 'error', retryAt } });
  expect(late.element.title).toBe('Owner/Repo on GitHub: stars unavailable (GitHub gave no usable answer)');

  // Not "not found": that is GitHub saying the repository is gone.
  const gone = clock(retryAt - 60_000);
  gone.update({ name: 'Owner/Repo', stars: null, pushedAt: null, archived: false, notFound: true });
  expect(shownText(gone.element)).toBe('Owner/Reponot found');
  expect(gone.element.title).toBe('Owner/Repo on GitHub: not found');
});

it("keeps quiet about GitHub's figures while it shows a star count (the page's), and drops the mark once figures come", () => {
  const unavailable = { reason: 'rate-limit' as const, retryAt: null };
  const withPageStars = createGithubBadge(document, 'Owner/Repo', 1234, () => NOW)!;
  withPageStars.update({ name: 'Owner/Repo', stars: null, pushedAt: null, archived: false, notFound: false, unavailable });
  expect(shownText(withPageStars.element)).toBe('Owner/Repo★ 1.2k');
  expect(withPageStars.element.title).toBe('Owner/Repo on GitHub: 1,234 stars');

  const badge = createGithubBadge(document, 'Owner/Repo', null, () => NOW)!;
  badge.update({ name: 'Owner/Repo', stars: null, pushedAt: null, archived: false, notFound: false, unavailable });
  expect(badge.element.title).toBe("Owner/Repo on GitHub: stars unavailable (GitHub's hourly request limit is reached)");
  badge.update({ name: 'Owner/Repo', stars: 7, pushedAt: null, archived: false, notFound: false });
  expect(shownText(badge.element)).toBe('Owner/Repo★ 7');
  expect(badge.element.title).toBe('Owner/Repo on GitHub: 7 stars');
});
