// The user's tag rules as a page runs them: checked and rewritten by the background (rules.ts checkRules), so the
// checks (the pattern shapes that can hang a page, the starts taken off) stay out of every content script, which only
// compiles what it is sent and watches how long each rule takes.
import type { PaperText } from './match';

/** A rule as checked: its pattern as it is run (words made a pattern, a start that adds only work taken off). */
export interface RunnableRule {
  tag: string;
  source: string;
  flags: string;
  fields: 'title' | 'abstract' | 'both';
  /** As the reader wrote it, to name the rule in a message. */
  match: string;
}

/**
 * What a rule reads of a field. No check catches every pattern whose work grows as a power of the text's length (a
 * lone leading `.*` is quadratic: `/.*!/` took 0.9 s on a 50,000-character abstract), so the text is bounded: as much
 * as the built-in topics read of an abstract, and more than arXiv allows one (1,920).
 */
export const RULE_TEXT_MAX = 5000;
/**
 * A rule that took this long on two papers is left out for the rest of the page: an ordinary rule takes well under a
 * millisecond on a whole abstract, and one that takes this long on every card freezes a listing's scroll. Two, not
 * one: a garbage collection or a busy machine can hold up any one call, and an ordinary rule must not lose its tags
 * for that.
 */
export const SLOW_RULE_MS = 50;
const SLOW_STRIKES = 2;

export interface RuleWatch {
  /** Milliseconds, as performance.now(). */
  now?: () => number;
  /** Told once of a rule left out for being slow, with how long it took on the last paper. */
  onSlow?: (rule: RunnableRule, ms: number) => void;
}

/** One function tagging papers with every rule that matches (tags in rule order, no duplicates). */
export function runRules(rules: readonly RunnableRule[], { now = () => performance.now(), onSlow }: RuleWatch = {}): (paper: PaperText) => string[] {
  const compiled: { rule: RunnableRule; re: RegExp; slow: number }[] = [];
  for (const rule of rules) {
    try {
      compiled.push({ rule, re: new RegExp(rule.source, rule.flags.replace(/[gy]/g, '')), slow: 0 }); // `g` would make test() stateful across papers
    } catch {
      // Checked where it was sent from: a pattern this browser cannot compile is left out, not the page's tags.
    }
  }
  return (paper) => {
    const tags: string[] = [];
    const title = (paper.title ?? '').slice(0, RULE_TEXT_MAX);
    const abstract = (paper.abstract ?? '').slice(0, RULE_TEXT_MAX);
    for (const entry of compiled) {
      const { re, rule } = entry;
      if (entry.slow >= SLOW_STRIKES || tags.includes(rule.tag)) continue;
      const start = now();
      // Fields are tested separately so a phrase cannot straddle title and abstract.
      const hit = (rule.fields !== 'abstract' && re.test(title)) || (rule.fields !== 'title' && re.test(abstract));
      const took = now() - start;
      if (took > SLOW_RULE_MS && ++entry.slow === SLOW_STRIKES) onSlow?.(rule, took);
      if (hit) tags.push(rule.tag);
    }
    return tags;
  };
}
