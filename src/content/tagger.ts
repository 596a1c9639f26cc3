// Tags for a card before the user's own: the authors the user follows among its authors (core/authors.ts), the user's
// tag rules, built-in topics (matched by the background from title and abstract, see background/topics.ts) and the
// site's keywords (Hugging Face ai_keywords, arXiv categories).
import type { Paper } from '../core/paper';
import type { TopicMatch } from '../background/messages';
import { runRules, type RunnableRule } from '../core/tags/run-rules';
import { followedMatcher } from '../core/authors';
import type { Tag } from './overlay/tag-chips';

export interface TagSettings {
  /** Topic ids the user watches. */
  watchedTopics: string[];
  /** Names of authors the user follows: a card by one stands out, with a chip naming them as the user wrote it. */
  followedAuthors: string[];
  /** The user's rules, checked and rewritten by the background (core/tags/rules.ts checkRules). */
  tagRules: RunnableRule[];
}

/**
 * A card's tags: its followed authors (watched), its rule tags, then `topics` (the background's answer for it; watched
 * ones marked), then keywords.
 */
export type Tagger = (paper: Paper, topics?: readonly TopicMatch[]) => Tag[];

/** The user's rules are compiled once per page. */
export function createTagger(settings: TagSettings): Tagger {
  const watched = new Set(settings.watchedTopics);
  // A rule left out for being slow is said in the page's console, where the reader who wrote it can find why its
  // tag stopped showing on this page.
  const rules = runRules(settings.tagRules, {
    onSlow: (rule, ms) => console.warn(`Papershelf: the tag rule "${rule.tag}" (${rule.match}) took over 50 ms on two papers (${Math.round(ms)} ms on the last), so it is skipped on the rest of this page.`),
  });
  const followed = followedMatcher(settings.followedAuthors);
  return (paper, topics = []) => [
    ...followed(paper.authors).map((label): Tag => ({ label, kind: 'author', watched: true })),
    ...rules(paper).map((label): Tag => ({ label, kind: 'rule', watched: false })),
    ...topics.map(({ id, label }): Tag => ({ label, kind: 'topic', watched: watched.has(id) })),
    ...paper.categories.map((label): Tag => ({ label, kind: 'site', watched: false })),
  ];
}
