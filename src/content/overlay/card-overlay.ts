// One card's overlay: the save control, tag chips and GitHub badges in one closed shadow root. Each part
// is built on its own; a failure in one (a badge lookup, say) never takes the others down.
import type { Paper } from '../../core/paper';
import type { ReadingStatus } from '../../storage/schema';
import type { SavedState } from '../../storage/reading-list';
import { createHost, fillHost, openHost, setAttr, type Theme } from './host';
import { createSaveControl, SAVE_STYLE } from './save-control';
import { createTagChips, orderTags, TAG_STYLE, type Tag } from './tag-chips';
import { sameTag } from '../../core/tags/same-tag';
import { askAgainAt, BADGE_STYLE, createGithubBadge } from './github-badge';
import { createRelevanceMark, RELEVANCE_STYLE } from './relevance-mark';
import type { RepoSummary } from '../../background/messages';

const STYLES = [SAVE_STYLE, TAG_STYLE, BADGE_STYLE, RELEVANCE_STYLE, '.badges { display: contents; }'];

/**
 * An overlay in its card's own first line (SiteAdapter.inlineOverlay: arXiv's listing rows, "[1] arXiv:… [pdf, html,
 * other]", have most of a line free). Issue #7: an overlay in a block of its own moves everything below it, and on
 * a long list the browser then re-walks every moved box: 60-110 ms per insertion on a 1,000-card arXiv page. Here the
 * host is an inline-block at the top of the line, and its compact row (16 px, or its text's line: host.ts) is no taller
 * than the line: the line
 * keeps its height and nothing below moves. Where the line has no room the host starts a line of its own. Its width
 * is fixed, as its height (host.ts: the page must not learn the list from the host's size), at most the line's: 480 px
 * (40em of its own 12 px text). At most the line's less its margin: on a line of its own (a phone's narrow screen) a
 * host as wide as the line, pushed in by the margin, reached past the entry and the screen, its end ("+N") cut off.
 */
const INLINE_STYLE = `
:host { display: inline-block !important; vertical-align: top !important; margin: 0 !important; margin-inline-start: 1em !important;
  width: 40em !important; max-width: calc(100% - 1em) !important; font-size: 12px !important; line-height: calc(16 / 12) !important;
  height: 1lh !important; }
.row { row-gap: 16px; border-radius: 6px; }
.save, .chip, .badge, .relevant, .status, .more { line-height: calc(14 / 12); padding-top: 0; padding-bottom: 0; }
`;
const INLINE_STYLES = [...STYLES, INLINE_STYLE];

export interface OverlayActions {
  toggle(save: boolean): void;
  setStatus(status: ReadingStatus): void;
  /** A write may come: the reader's pointer or focus reached Save, or the statuses opened (SaveActions.warm). */
  warm?(): void;
  mark(label: string): void;
  /** Repository facts from the background (cache or GitHub); null when unavailable. */
  /** `spare`: the badge shows the page's stars already. */
  repo(name: string, spare?: boolean): Promise<RepoSummary | null>;
  /** Repositories known elsewhere for a paper the page shows none for (Hugging Face's paper API). */
  moreRepos(paper: Paper): Promise<string[]>;
  now(): number;
}

export interface CardOverlay {
  readonly host: HTMLElement;
  readonly id: string;
  /** undefined until the saved state is known; null when not saved. */
  setState(state: SavedState | null | undefined): void;
  /** The card's tags changed (its topics came from the background): asked for again, and shown if built. */
  refreshTags(): void;
  setMarked(label: string | null): void;
  showMessage(text: string): void;
  /**
   * The card is near the viewport (about a screen ahead): build the overlay's style and content, and fetch what
   * costs a request (badges). Until then the closed root is empty and the host takes no space. Once.
   */
  reveal(): void;
  focusSave(): void;
  tagLabels(): string[];
  /** The relevance reason line, or null: no mark. */
  setRelevance(reason: string | null): void;
  /** Focus the relevance mark (its reason shows while focused). */
  focusRelevance(): void;
  /** Dim this overlay while its paper's status is done (only the overlay: the page's own card is left alone). */
  setDimDone(on: boolean): void;
  /** The page switched theme: a built overlay takes the new one (one not built yet reads it when built). */
  setTheme(theme: Theme): void;
}

/**
 * The host and its closed root are made empty; the controls inside are built on reveal() (issue #7: the annotator
 * makes and mounts an overlay only when its card nears the viewport, or when a shortcut needs it). Every setter records
 * its value and applies it when the content exists, so a card built late shows the same state as one built early.
 * `tags` is asked for once, when first needed (topic matching is the other large per-card cost). The card's paper
 * comes from `paper` when the overlay is built: until then the overlay knows only the id (the annotator reads a
 * card whole only when needed).
 */
export function createCardOverlay(
  doc: Document,
  id: string,
  paper: () => Paper | null,
  /** Read when the overlay is built. */
  theme: () => Theme,
  tags: () => readonly Tag[],
  actions: OverlayActions,
  /** In the card's own line (see INLINE_STYLE), not a block of its own. */
  inline = false,
): CardOverlay {
  const { host, root } = createHost(doc, id);
  let row: HTMLElement | null = null;

  let state: SavedState | null | undefined;
  let marked: string | null = null;
  let relevanceReason: string | null = null;
  let dimDone = false;
  let message = '';
  let baseTags: readonly Tag[] | null = null;
  const base = () => (baseTags ??= tags());
  const userTags = () => (state?.tags ?? []).map((label): Tag => ({ label, kind: 'user', watched: false }));

  interface Built {
    save: ReturnType<typeof createSaveControl>;
    chips: ReturnType<typeof createTagChips>;
    relevance: ReturnType<typeof createRelevanceMark>;
    badges: HTMLElement;
  }
  let built: Built | null = null;
  const shown = new Set<string>();

  const addBadges = (repos: readonly string[], pageStars: number | null) => {
    for (const repo of repos) {
      const key = repo.toLowerCase();
      if (shown.has(key) || !built) continue;
      const stars = repos.length === 1 ? pageStars : null;
      const badge = createGithubBadge(doc, repo, stars, actions.now);
      if (!badge) continue;
      shown.add(key);
      built.badges.append(badge.element);
      // An answer without figures ("unavailable": GitHub's limit, offline) is asked again once, after the time it names.
      const ask = (again: boolean) =>
        actions.repo(repo, stars !== null).then(
          (view) => {
            if (!view) return;
            badge.update(view, again);
            const at = badge.retryAt();
            if (again && at !== null) askAgainAt(doc, badge.element, at, actions.now, () => void ask(false));
          },
          () => {}, // offline or rate-limited: the name and any page figure stay
        );
      void ask(true);
    }
  };

  const applyMarked = () => {
    if (!built || !row) return;
    built.chips.setMarked(marked);
    row.classList.toggle('marked', marked !== null && built.chips.labels().some((label) => sameTag(label, marked!)));
  };
  const applyTags = () => {
    if (!built) return;
    built.chips.setTags([...userTags(), ...base()]);
    applyMarked();
  };
  const applyState = () => {
    if (!built || !row) return;
    built.save.setStatus(state === undefined ? undefined : (state?.status ?? null));
    row.classList.toggle('dim', dimDone && state?.status === 'done');
    applyTags();
  };

  const build = (): Built => {
    if (built) return built;
    row = fillHost(doc, host, root, theme(), inline ? INLINE_STYLES : STYLES);
    // Open for the tags ("more") or for the statuses, until both are closed.
    let openFor = { tags: false, statuses: false };
    const open = (change: Partial<typeof openFor>) => {
      openFor = { ...openFor, ...change };
      if (row) openHost(doc, row, openFor.tags || openFor.statuses);
    };
    const read = paper();
    const save = createSaveControl(doc, { toggle: actions.toggle, setStatus: actions.setStatus, warm: actions.warm, picking: (statuses) => open({ statuses }) }, read?.title);
    const chips = createTagChips(doc, actions.mark, (tags) => open({ tags }), read?.title);
    const relevance = createRelevanceMark(doc, read?.title);
    const badges = doc.createElement('span');
    badges.className = 'badges';
    built = { save, chips, relevance, badges };
    // The reading status, once the paper is saved, goes right after the save button; what comes later is what goes
    // first when the line is full (host.ts). The end fills the rest of the line, over the "more" button while nothing
    // is hidden; the message and the reason line are drawn over the row and the page (never sizing the host).
    const end = doc.createElement('span');
    end.className = 'end';
    // A control on a line left off, reached with Tab, scrolls the row to it; focus gone, the row shows its first line.
    const bar = row;
    bar.addEventListener('focusout', () => void (bar.scrollTop = 0));
    row.append(save.elements[0]!, relevance.elements[0], chips.element, badges, end, save.elements[1]!, relevance.elements[1]);
    row.classList.toggle('watched', base().some((t) => t.watched));
    relevance.set(relevanceReason);
    applyState();
    if (message) save.showMessage(message); // after the state, whose change clears a message (save-control.ts)
    // Names and page-given stars at once, then the figures the background knows.
    if (read) addBadges(read.githubRepos, read.githubStars);
    if (read && !read.githubRepos.length) {
      actions.moreRepos(read).then(
        (repos) => addBadges(repos, null),
        () => {},
      );
    }
    return built;
  };

  return {
    host,
    id,
    setState(next) {
      state = next;
      applyState();
    },
    refreshTags() {
      baseTags = null;
      if (!built || !row) return;
      row.classList.toggle('watched', base().some((t) => t.watched));
      applyTags();
    },
    setMarked(label) {
      marked = label;
      applyMarked();
    },
    showMessage(text) {
      // A message is for the card the user acted on, which is built; one for an unbuilt card waits for it.
      message = text;
      if (built) built.save.showMessage(text);
      setTimeout(() => message === text && (message = ''), 5000);
    },
    reveal: () => void build(),
    focusSave: () => build().save.focus(),
    tagLabels: () => (built ? built.chips.labels() : orderTags([...userTags(), ...base()]).map((t) => t.label)),
    setRelevance(reason) {
      relevanceReason = reason;
      if (!built) return;
      // The mark going while it has the focus (its paper saved elsewhere, relevance turned off): the focus goes to the
      // Save button before it, not to the page's body, from where a keyboard reader had to Tab in from the top.
      const focused = reason === null && root.activeElement === built.relevance.elements[0];
      built.relevance.set(reason);
      if (focused) built.save.focus();
    },
    focusRelevance: () => build().relevance.focus(),
    setDimDone(on) {
      dimDone = on;
      row?.classList.toggle('dim', dimDone && state?.status === 'done');
    },
    setTheme(next) {
      if (row) setAttr(row, 'data-theme', next);
    },
  };
}
