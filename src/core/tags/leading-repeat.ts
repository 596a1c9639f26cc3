// A tag rule is tried from every character of the text, so a rule that starts with a repeat that may take whole
// sentences (`.*`, `[^.]+`, `[\s\S]*?`) runs that repeat to the end of the text from each of them before what follows
// can fail: `/.*learning.*zebra/i` took 74 ms on every 5,000-character abstract, 0.1 ms without its `.*`. Since a rule
// matches anywhere in the text, such a start adds nothing but that work (a habit from patterns that must match whole
// lines). A repeat of word characters (`\w+ing`) stops at the word's end, and one after `^` runs once.
import { alternativeStarts, classEnd, groupEnd, repeatedText } from './pattern-text';

/** Opening groups, then a repeat: one character (`.`, a class, an escape, a character) repeated more than a few times. */
const LEADING = /^(?:\((?:\?:|\?<[A-Za-z_$][\w$]*>)?)*((\[(?:\\[\s\S]|[^\]\\])*\]|\\[^bB1-9k]|\.|[^\\()[|^$*+?{])(\*|\+|\{\d+,(\d*)\})\??)/;

interface Leading {
  /** Where the repeat (its atom) begins in the source, and its length with its quantifier. */
  at: number;
  length: number;
  /** What takes its place: nothing for `*`, one step for `+`, n steps for `{n,}`. */
  instead: string;
  /** Whether a group it opens is itself repeated (`(.*a){2}`): each round then needs the repeat, not only the first. */
  repeatedGroup: boolean;
}

/** Whether any group opened between `from` and `to` is followed by a quantifier once closed. */
function repeatedGroup(source: string, from: number, to: number): boolean {
  for (let open = from; open < to; open++) {
    if (source[open] === '(' && /[*+?{]/.test(source[groupEnd(source, open) + 1] ?? '')) return true;
  }
  return false;
}

function leadingRepeats(source: string, flags: string): Leading[] {
  const testFlags = flags.replace(/[gmy]/g, '');
  const found: Leading[] = [];
  for (const start of alternativeStarts(source)) {
    const m = LEADING.exec(source.slice(start));
    if (!m) continue;
    const [whole, repeat, atom, quantifier, max] = m;
    if (max) continue; // bounded (`.{0,40}`): that many characters from each, as cheap as reading the text
    try {
      const one = new RegExp(`^(?:${atom})$`, testFlags);
      if (!(one.test('a') && one.test(' '))) continue;
    } catch {
      continue; // read wrong here: rules.ts has checked the pattern, and its other checks still run
    }
    const least = quantifier === '*' ? 0 : quantifier === '+' ? 1 : Number(/^\{(\d+)/.exec(quantifier!)?.[1] ?? 0);
    const instead = repeatedText(atom!, least);
    const at = start + whole.length - repeat!.length;
    found.push({ at, length: repeat!.length, instead, repeatedGroup: repeatedGroup(source, start, at) });
  }
  return found;
}

/**
 * The pattern without the work of such a start, matching the same texts: a rule is tested (matches anywhere), and a
 * match that starts with `X*` still matches from after it, one that starts with `X+` from its last step (so `.*x` is
 * `x`, `.+x` is `.x`, `[^.]{3,}x` is `[^.]{3}x`). Kept as written where a backreference could read what the repeat took.
 */
export function withoutLeadingRepeats(source: string, flags: string): string {
  if (/\\(?:[1-9]|k<)/.test(source)) return source;
  let out = source;
  for (const { at, length, instead, repeatedGroup } of leadingRepeats(source, flags).reverse()) {
    if (!repeatedGroup) out = out.slice(0, at) + instead + out.slice(at + length);
  }
  // A start taken off may bare another (`.*.*x` is `.*x`, then `x`); each pass is shorter, so this ends.
  return out === source ? out : withoutLeadingRepeats(out, flags);
}

/** How many choices may begin with a repeat, each read through the text from every character (see repeatedStarts). */
export const MAX_REPEATED_STARTS = 8;

/**
 * The choices (`a|b`, at any depth) that begin with an unbounded repeat, as written: each runs that repeat from every
 * character of the text, as much work as a whole rule with one (about 12 ms on 5,000 letters), so forty of them
 * (`\w+0|\w+1|...`, within 200 characters) took half a second. Opening groups and lookarounds are looked into.
 */
export function repeatedStarts(source: string): string[] {
  const found: string[] = [];
  let choices = 0;
  // Whether a choice beginning at `from` (past opening groups) begins with an unbounded repeat.
  const look = (from: number) => {
    const m = /^(?:\((?:\?(?::|<?[=!]|<[A-Za-z_$][\w$]*>))?)*((?:\[(?:\\[\s\S]|[^\]\\])*\]|\\[^bB1-9k]|[^\\()[|^$*+?{])(?:[*+]|\{\d+,(\d*)\}))/.exec(source.slice(from));
    if (m && !m[2]) found.push(m[1]!); // `{2,20}`: as cheap as reading the text
  };
  look(0);
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (c === '[') i = classEnd(source, i);
    else if (c === '|') {
      choices++;
      look(i + 1);
    }
  }
  return choices ? found : [];
}
