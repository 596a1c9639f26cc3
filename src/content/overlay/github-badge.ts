// GitHub badges: one per repository a card names, linking to it, with stars (abbreviated), the last push as
// relative time, and a mark for archived or missing repositories, or for figures GitHub could not give (its hourly
// limit, out of reach), whose label says why and when they will be asked for again. The repository name shows at
// once; figures fill in when known. Never a spinner, never an error dialog.
import { el, repeatedClick, setAttr, setText } from './host';
import { REPO_NAME } from '../../core/github';
import { CLOCK_SKEW_MS } from '../../core/clock-skew';

import type { RepoSummary as RepoView } from '../../background/messages';

export const BADGE_STYLE = `
.badge { display: inline-flex; align-items: center; gap: 4px; border: 1px solid var(--line); border-radius: 6px;
  padding: 0 6px; text-decoration: none; background-color: var(--bg); max-width: 22em; }
.badge:hover { background-color: var(--hover); }
.badge .name { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.badge .fig { color: var(--muted); white-space: nowrap; }
.badge .warn { color: var(--warn); white-space: nowrap; }
.badge svg { width: 12px; height: 12px; fill: currentColor; flex: none; }
`;

const SVG_NS = 'http://www.w3.org/2000/svg';
const MARK_PATH =
  'M8 0C3.58 0 0 3.58 0 8c0 3.54 2.29 6.53 5.47 7.59.4.07.55-.17.55-.38 0-.19-.01-.82-.01-1.49-2.01.37-2.53-.49-2.69-.94-.09-.23-.48-.94-.82-1.13-.28-.15-.68-.52-.01-.53.63-.01 1.08.58 1.23.82.72 1.21 1.87.87 2.33.66.07-.52.28-.87.51-1.07-1.78-.2-3.64-.89-3.64-3.95 0-.87.31-1.59.82-2.15-.08-.2-.36-1.02.08-2.12 0 0 .67-.21 2.2.82.64-.18 1.32-.27 2-.27s1.36.09 2 .27c1.53-1.04 2.2-.82 2.2-.82.44 1.1.16 1.92.08 2.12.51.56.82 1.27.82 2.15 0 3.07-1.87 3.75-3.65 3.95.29.25.54.73.54 1.48 0 1.07-.01 1.93-.01 2.2 0 .21.15.46.55.38A8.01 8.01 0 0 0 16 8c0-4.42-3.58-8-8-8';

/** 1234 -> "1.2k", 1_500_000 -> "1.5M". */
export function abbreviate(n: number): string {
  if (n < 1000) return String(n);
  // 999,500 rounds to 1000k: from there it is 1M.
  if (n < 999_500) return `${trim(n / 1e3)}k`;
  return `${trim(n / 1e6)}M`;
}
const trim = (x: number) => (x >= 100 ? Math.round(x).toString() : x.toFixed(1).replace(/\.0$/, ''));

/** "today", "3d ago", "5mo ago", "2y ago"; null for no date, or one further ahead of `now` than clocks differ. */
export function relativeAge(iso: string, now: number): string | null {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return null;
  // A push after now: this clock is behind GitHub's. Seconds or hours behind, the push is today's; days behind, this
  // clock is wrong and no age counted from it is right ("today" said the repository was fresh): none is shown.
  if (then - now > CLOCK_SKEW_MS) return null;
  const days = Math.floor((now - then) / 86_400_000);
  if (days < 1) return 'today';
  if (days < 60) return `${days}d ago`;
  if (days < 730) return `${Math.floor(days / 30)}mo ago`;
  return `${Math.floor(days / 365)}y ago`;
}

const UNITS: Record<string, string> = { d: 'day', mo: 'month', y: 'year' };
const counted = (n: string, unit: string) => `${n} ${unit}${n === '1' ? '' : 's'}`;
/** A star count as the label reads it: all its digits, grouped ("1,234"), in the overlay's language, whatever the reader's. */
const STARS = new Intl.NumberFormat('en-US');
/** The label's words for a short age ("12d ago" is "12 days ago"): a screen reader read "12 d ago". */
const ageInWords = (age: string) => age.replace(/^(\d+)(d|mo|y) ago$/, (_, n: string, unit: string) => `${counted(n, UNITS[unit]!)} ago`);

/** A time of today as the label gives it ("14:05"), in the reader's time zone. */
const CLOCK = new Intl.DateTimeFormat('en-US', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const WHY: Record<NonNullable<RepoView['unavailable']>['reason'], string> = {
  'rate-limit': "GitHub's hourly request limit is reached",
  unreachable: 'GitHub could not be reached',
  error: 'GitHub gave no usable answer',
};
/**
 * Why a badge has no figures, in words, with when they will be asked for again: by the badge itself (`asksAgain`), or
 * by the reader, loading the page again (a time already past says nothing).
 */
export function unavailableWords(why: NonNullable<RepoView['unavailable']>, now: number, asksAgain = false): string {
  const when = why.retryAt !== null && Number.isFinite(why.retryAt) && why.retryAt > now ? CLOCK.format(why.retryAt) : null;
  const retry = when ? `; ${asksAgain ? 'asked again' : 'try again'} after ${when}` : '';
  return `stars unavailable (${WHY[why.reason] ?? WHY.error}${retry})`;
}

export interface GithubBadge {
  element: HTMLAnchorElement;
  /** `asksAgain`: the caller asks again at the answer's retryAt (askAgainAt), which the label then says. */
  update(view: Partial<RepoView>, asksAgain?: boolean): void;
  /** While it shows "unavailable": when GitHub may be asked again (epoch ms), as the background said; else null. */
  retryAt(): number | null;
}

/** After the time an "unavailable" answer names: a clock a little behind GitHub's would ask before its limit's reset. */
const RETRY_MARGIN_MS = 5_000;

/**
 * Call `ask` once, after `at` (a badge's retryAt), if its `element` is still on the page, and only once the page is
 * shown: a badge said "unavailable" until the page was loaded again, while one request after the time GitHub named
 * costs no more of its quota than that reload; a tab in the background waits until it is looked at, and spends none.
 */
export function askAgainAt(doc: Document, element: Element, at: number, now: () => number, ask: () => void): void {
  const due = () => {
    if (!element.isConnected) return; // the card went (the site showed another page)
    if (!doc.hidden) return ask();
    const shown = () => {
      if (doc.hidden) return;
      doc.removeEventListener('visibilitychange', shown);
      if (element.isConnected) ask();
    };
    doc.addEventListener('visibilitychange', shown);
  };
  setTimeout(due, Math.max(0, at - now()) + RETRY_MARGIN_MS);
}

/** A badge for a repository name already validated as `owner/repo`; anything else gets no badge. */
export function createGithubBadge(doc: Document, repo: string, pageStars: number | null, now: () => number): GithubBadge | null {
  if (!REPO_NAME.test(repo)) return null;
  const element = el(doc, 'a', { class: 'badge', href: `https://github.com/${repo}`, target: '_blank', rel: 'noopener noreferrer' });
  const svg = doc.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('aria-hidden', 'true');
  const path = doc.createElementNS(SVG_NS, 'path');
  path.setAttribute('d', MARK_PATH);
  svg.append(path);
  const name = el(doc, 'span', { class: 'name' }, repo);
  const figures = el(doc, 'span', { class: 'fig' });
  const warn = el(doc, 'span', { class: 'warn' });
  element.append(svg, name, figures, warn);
  element.addEventListener('click', (event) => {
    event.stopPropagation(); // the page's card click is not ours
    if (repeatedClick(event)) event.preventDefault(); // one tab for a double click (the link opens a new one)
  });

  let state: RepoView = { name: repo, stars: pageStars, pushedAt: null, archived: false, notFound: false };
  /** Why GitHub gave no figures, from the last whole answer; shown only while no star count is (the page's would be). */
  let unavailable: RepoView['unavailable'] = undefined;
  let asking = false;
  /** What the badge shows "unavailable" for, if it does. */
  const missing = () => (!state.notFound && state.stars === null && unavailable ? unavailable : null);
  // Only what differs is written (setText, setAttr): an answer that changes nothing (offline or rate-limited, or the
  // figures the page showed already) leaves the page's DOM alone, and the page no frame to lay out for it.
  const render = () => {
    setText(name, state.name);
    if (REPO_NAME.test(state.name)) setAttr(element, 'href', `https://github.com/${state.name}`);
    // A date that does not parse has no age, in the figures and the label alike (the label said "last push null").
    const age = state.pushedAt ? relativeAge(state.pushedAt, now()) : null;
    const parts = [state.stars !== null ? `★ ${abbreviate(state.stars)}` : '', age ?? ''];
    setText(figures, parts.filter(Boolean).join(' · '));
    // Without a word the badge of a repository GitHub did not answer for (its hourly limit, offline) looked like one
    // still loading, or of no stars; "not found" is a repository GitHub said is gone, which this is not. Two characters,
    // its words in the label and tooltip: "★ unavailable" took the row's room, and pushed the Save button out of a row
    // drawn with a large minimum font (overlay-font.e2e.ts).
    const why = missing();
    const warning = state.notFound ? 'not found' : state.archived ? 'archived' : why ? '★ ?' : '';
    setText(warn, warning);
    // The name begins with the repository's name, the words shown first, for voice control (WCAG 2.5.3: "GitHub
    // repository owner/repo" was not found by "click owner/repo"); the figures follow in words ("1,234 stars").
    const said = why ? unavailableWords(why, now(), asking) : warning;
    const facts = [state.stars !== null ? counted(STARS.format(state.stars), 'star') : '', age ? `last push ${ageInWords(age)}` : '', said].filter(Boolean);
    const label = `${state.name} on GitHub${facts.length ? `: ${facts.join(', ')}` : ''}`;
    setAttr(element, 'aria-label', label);
    setAttr(element, 'title', label);
  };
  render();
  return {
    element,
    update(view, asksAgain = false) {
      asking = asksAgain;
      // A figure the answer does not know (null: GitHub out of reach and nothing cached) leaves the one shown, the
      // page's own star count say; a repository GitHub says is gone keeps none.
      const { unavailable: why, ...given } = view;
      const known = Object.entries(given).filter(([, v]) => v !== undefined && (v !== null || view.notFound));
      state = { ...state, ...Object.fromEntries(known) };
      // A whole answer (the background's names the repository) says whether GitHub gave figures; a part of one keeps it.
      if (why !== undefined || view.name !== undefined) unavailable = why;
      render();
    },
    retryAt: () => missing()?.retryAt ?? null,
  };
}
