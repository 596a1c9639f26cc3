// The one-line "why" shown on hover/focus of a relevance mark (issue #8), from a ScoreResult.
import type { ScoreResult } from './score';

export interface ReasonOptions {
  /** Neighbour titles named (the count still covers them all). */
  titles?: number;
  /** Longest title shown, in characters; longer ones end in "…". */
  titleLength?: number;
}

const clip = (s: string, max: number) => {
  const t = s.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  // Not between the two halves of a character beyond the BMP (an emoji, 𝒪): a lone half shows as "�".
  const end = /[\uD800-\uDBFF]/.test(t[max - 2]!) ? max - 2 : max - 1;
  return `${t.slice(0, end).trimEnd()}…`;
};

/**
 * `like 3 saved papers: "Title A", "Title B" and 1 more · shared: policy, offline, reward`. Plain text, one line;
 * the caller escapes it for HTML/attributes. Empty when the result has neither neighbours nor terms.
 */
export function reason(result: Pick<ScoreResult, 'neighbours' | 'terms'>, options: ReasonOptions = {}): string {
  const { titles = 2, titleLength = 60 } = options;
  const parts: string[] = [];
  const n = result.neighbours.length;
  if (n) {
    const named = result.neighbours.slice(0, titles).map((p) => `"${clip(p.title, titleLength)}"`);
    const more = n - named.length;
    const list = more > 0 ? `${named.join(', ')} and ${more} more` : named.join(n === 2 ? ' and ' : ', ');
    parts.push(`like ${n} saved paper${n === 1 ? '' : 's'}: ${list}`);
  }
  if (result.terms.length) parts.push(`${n ? 'shared' : 'matches your saved papers on'}: ${result.terms.join(', ')}`);
  return parts.join(' · ');
}
