// Tags for a card before the user's own: built-in topics (title/abstract phrase rules), the user's tag rules,
// and the site's keywords (Hugging Face ai_keywords, arXiv categories). Compiled once per page.
import type { Paper } from '../core/paper';
import { compileTaxonomy, type Matcher } from '../core/tags/match';
import { compileRules, type UserRule } from '../core/tags/rules';
import type { Tag } from './overlay/tag-chips';

export interface TagSettings {
  /** Topic ids the user watches. */
  watchedTopics: string[];
  tagRules: UserRule[];
}

/** `matcher`: the taxonomy compiled ahead (the content script compiles it while the settings are on their way). */
export function createTagger(settings: TagSettings, matcher: Matcher = compileTaxonomy()): (paper: Paper) => Tag[] {
  const labels = new Map(matcher.topics.map((topic) => [topic.id, topic.label]));
  const watched = new Set(settings.watchedTopics);
  const rules = compileRules(settings.tagRules);
  return (paper) => [
    ...rules(paper).map((label): Tag => ({ label, kind: 'rule', watched: false })),
    ...matcher.match(paper).map((id): Tag => ({ label: labels.get(id) ?? id, kind: 'topic', watched: watched.has(id) })),
    ...paper.categories.map((label): Tag => ({ label, kind: 'site', watched: false })),
  ];
}
