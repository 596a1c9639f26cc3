// One card's overlay: the save control, tag chips and GitHub badges in one closed shadow root. Each part
// is built on its own; a failure in one (a badge lookup, say) never takes the others down.
import type { Paper } from '../../core/paper';
import type { ReadingStatus } from '../../storage/schema';
import type { SavedState } from '../../storage/reading-list';
import { createHost, type Theme } from './host';
import { createSaveControl, SAVE_STYLE } from './save-control';
import { createTagChips, TAG_STYLE, type Tag } from './tag-chips';
import { BADGE_STYLE, createGithubBadge } from './github-badge';
import { createRelevanceMark, RELEVANCE_STYLE } from './relevance-mark';
import type { RepoSummary } from '../../background/messages';

const STYLES = [SAVE_STYLE, TAG_STYLE, BADGE_STYLE, RELEVANCE_STYLE, '.badges { display: inline-flex; gap: 4px; flex-wrap: wrap; }'];

export interface OverlayActions {
  toggle(save: boolean): void;
  setStatus(status: ReadingStatus): void;
  mark(label: string): void;
  /** Repository facts from the background (cache or GitHub); null when unavailable. */
  repo(name: string): Promise<RepoSummary | null>;
  /** Repositories known elsewhere for a paper the page shows none for (Hugging Face's paper API). */
  moreRepos(paper: Paper): Promise<string[]>;
  now(): number;
}

export interface CardOverlay {
  readonly host: HTMLElement;
  readonly id: string;
  /** undefined until the saved state is known; null when not saved. */
  setState(state: SavedState | null | undefined): void;
  setMarked(label: string | null): void;
  showMessage(text: string): void;
  /** The card scrolled into view: fetch what costs a request (badges) now, once. */
  reveal(): void;
  focusSave(): void;
  tagLabels(): string[];
  /** The relevance reason line, or null: no mark. */
  setRelevance(reason: string | null): void;
  /** Focus the relevance mark (its reason shows while focused). */
  focusRelevance(): void;
  /** Dim this overlay while its paper's status is done (only the overlay: the page's own card is left alone). */
  setDimDone(on: boolean): void;
}

export function createCardOverlay(doc: Document, paper: Paper, theme: Theme, baseTags: readonly Tag[], actions: OverlayActions): CardOverlay {
  const { host, row } = createHost(doc, paper.id, theme, STYLES);
  const save = createSaveControl(doc, { toggle: actions.toggle, setStatus: actions.setStatus });
  const chips = createTagChips(doc, actions.mark);
  const relevance = createRelevanceMark(doc);
  const badges = doc.createElement('span');
  badges.className = 'badges';
  // The status menu, once the paper is saved, goes right after the save button.
  row.append(save.elements[0]!, relevance.elements[0], chips.element, badges, save.elements[1]!, relevance.elements[1]);
  row.classList.toggle('watched', baseTags.some((t) => t.watched));

  const shown = new Set<string>();
  const addBadges = (repos: readonly string[], pageStars: number | null, fetch: boolean) => {
    for (const repo of repos) {
      const key = repo.toLowerCase();
      if (shown.has(key)) continue;
      const badge = createGithubBadge(doc, repo, repos.length === 1 ? pageStars : null, actions.now);
      if (!badge) continue;
      shown.add(key);
      badges.append(badge.element);
      if (fetch) {
        actions.repo(repo).then(
          (view) => view && badge.update(view),
          () => {}, // offline or rate-limited: the name and any page figure stay
        );
      }
    }
  };
  // Names and page-given stars at once; requests wait until the card is seen.
  addBadges(paper.githubRepos, paper.githubStars, false);

  let revealed = false;
  let done = false;
  let dimDone = false;
  let userTags: string[] = [];
  let marked: string | null = null;
  const renderTags = () => chips.setTags([...userTags.map((label): Tag => ({ label, kind: 'user', watched: false })), ...baseTags]);
  renderTags();

  return {
    host,
    id: paper.id,
    setState(state) {
      save.setStatus(state === undefined ? undefined : (state?.status ?? null));
      done = state?.status === 'done';
      row.classList.toggle('dim', dimDone && done);
      userTags = state?.tags ?? [];
      renderTags();
      row.classList.toggle('marked', marked !== null && chips.labels().includes(marked));
    },
    setMarked(label) {
      marked = label;
      chips.setMarked(label);
      row.classList.toggle('marked', label !== null && chips.labels().includes(label));
    },
    showMessage: save.showMessage,
    reveal() {
      if (revealed) return;
      revealed = true;
      badges.replaceChildren();
      shown.clear();
      addBadges(paper.githubRepos, paper.githubStars, true);
      if (!paper.githubRepos.length) {
        actions.moreRepos(paper).then(
          (repos) => addBadges(repos, null, true),
          () => {},
        );
      }
    },
    focusSave: save.focus,
    tagLabels: () => chips.labels(),
    setRelevance: relevance.set,
    focusRelevance: relevance.focus,
    setDimDone(on) {
      dimDone = on;
      row.classList.toggle('dim', dimDone && done);
    },
  };
}
