// Reading a rule's pattern as text, for the checks (rules.ts, adjacent-repeats.ts, leading-repeat.ts) and the rewrite
// (first-occurrence.ts): where a class or a group ends, and where its top-level choices are.

/**
 * One character's pattern at the start of a text (a quantifier after it is read apart): a character, an escape naming
 * one or a class of them, a class, or `.`.
 */
export const ATOM = /^(?:\\(?:[dDwWsS]|[pP]\{[\w=]+\}|u\{[\dA-Fa-f]+\}|u[\dA-Fa-f]{4}|x[\dA-Fa-f]{2}|c[A-Za-z]|[^\dbBkpPuxc])|\[(?:\\[\s\S]|[^\]\\])*\]|[^\\()[\]{}|^$*+?])/;

/** A pattern written to match `times` times exactly: nothing, itself, or itself with a count (`\w{3}`). */
export function repeatedText(pattern: string, times: number): string {
  return times === 0 ? '' : times === 1 ? pattern : `${pattern}{${times}}`;
}

/** Index of the `]` closing the character class opened at `i`. */
export function classEnd(source: string, i: number): number {
  for (let j = i + 1; j < source.length; j++) {
    if (source[j] === '\\') j++;
    else if (source[j] === ']') return j;
  }
  return source.length;
}

/** Index of the `)` closing the group opened at `i` (the source's end if none). */
export function groupEnd(source: string, i: number): number {
  let depth = 0;
  for (let j = i; j < source.length; j++) {
    const c = source[j];
    if (c === '\\') j++;
    else if (c === '[') j = classEnd(source, j);
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return j;
  }
  return source.length;
}

/** Where each top-level alternative begins (0, and after each `|` outside groups and classes). */
export function alternativeStarts(source: string): number[] {
  const starts = [0];
  let depth = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (c === '[') i = classEnd(source, i);
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) starts.push(i + 1);
  }
  return starts;
}

/** The top-level alternatives, as written (one, the whole text, where there is no `|`). */
export function alternatives(source: string): string[] {
  const starts = alternativeStarts(source);
  return starts.map((start, k) => source.slice(start, k + 1 < starts.length ? starts[k + 1]! - 1 : source.length));
}

/**
 * Whether choices are plain words none of which begins another (`cat|dog`, any case): at most one of them matches at
 * one place, so repeating or chaining the choice adds no ways to split a text.
 */
export function plainWords(choices: readonly string[]): boolean {
  const words = choices.map((choice) => choice.toLowerCase());
  return words.every((word) => word !== '' && !/[\\.[\]()*+?{}^$]/.test(word)) && !words.some((word, i) => words.some((other, j) => i !== j && other.startsWith(word)));
}
