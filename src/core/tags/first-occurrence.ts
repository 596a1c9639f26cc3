// Two unbounded gaps with a fixed text between them (`large.*language.*model`, `the.*the.*x`) are cubic on
// repetitive text: for each start, the first gap tries every occurrence of the text between, and for each the second
// gap tries every end. `/ab.*ab.*!/` took 5-7 s on 5,000 characters of "abab…", `/large.*language.*model/i` 134-200
// ms on a text repeating "large language". A rule only asks whether a paper matches, and for that the first
// occurrence after the first gap is as good as any later one: whatever follows a later one, the second gap reaches
// from the first, since the gap and the text between take no line break (or, with `s`, anything). So the first gap
// is made to take the first occurrence and never give it back, an atomic group as JavaScript writes one:
// `(?=(?<ps0>.*?B))\k<ps0>`. The same two rules then take 1-40 ms, as a rule with one repeat does.
import { alternatives, classEnd } from './pattern-text';

/** A gap: `.` repeated without bound, greedy or lazy. */
const GAP = /^\.([*+])\??/;
/** One character's pattern of fixed width (no quantifier after it is checked apart). */
const ATOM = /^(?:\\(?:[dDwWsS]|[pP]\{[\w=]+\}|u\{[\dA-Fa-f]+\}|u[\dA-Fa-f]{4}|x[\dA-Fa-f]{2}|c[A-Za-z]|[^\dbBkpPuxc])|\[(?:\\[\s\S]|[^\]\\])*\]|[^\\()[\]{}|^$*+?.])/;
const QUANTIFIER = /^(?:[*+?]|\{\d+(?:,\d*)?\})/;
const LINE_BREAKS = ['\n', '\r', '\u2028', '\u2029'];

type Token = { kind: 'gap'; text: string; least: 0 | 1 } | { kind: 'atom' | 'edge' | 'other'; text: string };

/** An alternative read as a row of top-level items: gaps, single characters' patterns, word edges, and anything else. */
function tokens(source: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const rest = source.slice(i);
    const gap = GAP.exec(rest);
    if (gap) {
      out.push({ kind: 'gap', text: gap[0], least: gap[1] === '+' ? 1 : 0 });
      i += gap[0].length;
      continue;
    }
    let end: number;
    let kind: 'atom' | 'edge' | 'other';
    if (rest.startsWith('\\b') || rest.startsWith('\\B')) {
      end = i + 2;
      kind = 'edge';
    } else if (rest[0] === '(') {
      end = groupEnd(source, i) + 1;
      kind = 'other';
    } else {
      const atom = ATOM.exec(rest)?.[0];
      end = i + (atom?.length ?? (rest[0] === '\\' ? 2 : 1)); // an escape read as a whole, whatever it is
      kind = atom ? 'atom' : 'other';
    }
    const q = QUANTIFIER.exec(source.slice(end));
    if (q) end += q[0].length + (source[end + q[0].length] === '?' ? 1 : 0);
    out.push({ kind: q ? 'other' : kind, text: source.slice(i, end) });
    i = end;
  }
  return out;
}

/** Index of the `)` closing the group opened at `i` (the source's end if none). */
function groupEnd(source: string, i: number): number {
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

/**
 * The pattern with each gap that is followed by a fixed text and then another gap made to take that text's first
 * occurrence (see above); the pattern itself where it has none, or where it has a backreference (a group added would
 * renumber the reader's), or a name of ours. A `test` of the result matches the same texts as one of the pattern.
 */
export function firstOccurrences(source: string, flags = ''): string {
  if (/\\[1-9]|\\k<|\(\?<ps\d/.test(source)) return source;
  const testFlags = flags.replace(/[gmy]/g, '');
  const dotAll = testFlags.includes('s');
  const noBreak = (atom: string) => {
    if (dotAll) return true;
    try {
      const one = new RegExp(`^(?:${atom})$`, testFlags);
      return !LINE_BREAKS.some((c) => one.test(c));
    } catch {
      return false;
    }
  };
  let named = 0;
  const rewritten = alternatives(source).map((alternative) => {
    const row = tokens(alternative);
    let out = '';
    for (let k = 0; k < row.length; k++) {
      const token = row[k]!;
      out += token.text;
      if (token.kind !== 'gap') continue;
      // The fixed text: word edges and single characters, at least one, none taking a line break; then a gap.
      let end = k + 1;
      while (end < row.length && (row[end]!.kind === 'edge' || (row[end]!.kind === 'atom' && noBreak(row[end]!.text)))) end++;
      if (end === k + 1 || row[end]?.kind !== 'gap' || !row.slice(k + 1, end).some((t) => t.kind === 'atom')) continue;
      const between = row.slice(k + 1, end).map((t) => t.text).join('');
      const name = `ps${named++}`;
      out = out.slice(0, -token.text.length) + `${token.least ? '.' : ''}(?=(?<${name}>.*?${between}))\\k<${name}>`;
      k = end - 1;
    }
    return out;
  });
  return named ? rewritten.join('|') : source;
}
