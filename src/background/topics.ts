// Built-in topics for the content scripts' cards (issue #7): the taxonomy's ~800 expressions are compiled once per
// worker, not once per page. In a page, each new script context compiled the taxonomy (~20 ms) and each expression
// on its first use (~6 ms a card for the first dozen cards of every page, on the page's main thread).
import { compileTaxonomy, type Matcher, type PaperText } from '../core/tags/match';
import type { TopicMatch } from './messages';

let matcher: Matcher | null = null;
let labels: Map<string, string> | null = null;

function compiled(): Matcher {
  if (!matcher) {
    matcher = compileTaxonomy();
    labels = new Map(matcher.topics.map((topic) => [topic.id, topic.label]));
  }
  return matcher;
}

/** Compile the taxonomy now if it is not yet, in a task of its own (a page about to ask has started loading). */
export function prepareTopics(): void {
  if (!matcher) setTimeout(compiled, 0);
}

/** Each paper's topics, most relevant first (Matcher.match), with their labels. */
export function matchTopics(papers: readonly PaperText[]): TopicMatch[][] {
  const m = compiled();
  return papers.map((paper) => m.match(paper).map((id) => ({ id, label: labels!.get(id) ?? id })));
}
