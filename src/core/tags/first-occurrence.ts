// Two unbounded repeats of one character's pattern with a fixed text between them (`large.*language.*model`,
// `[^.]*video[^.]*generation`, `b+bbb+`) are cubic on text where that text recurs: for each start, the first repeat
// tries every occurrence of the text, and for each the second repeat tries every end. `/ab.*ab.*!/` took 5-7 s on
// 5,000 characters of "abab…", `/large.*language.*model/i` 96-200 ms on a text repeating "large language". A rule only
// asks whether a paper matches, and for that the first occurrence is as good as any later one: whatever follows a
// later one, the second repeat reaches from the first, as it takes all the first repeat takes and every character of
// the text between. So the first repeat is made to stop at the first occurrence and never give it back, an atomic
// group as JavaScript writes one: `(?=(?<ps0>.*?B))\k<ps0>`. The same rules then take 1-15 ms, as one repeat does.
import { allUnits, mayBeAstral } from './adjacent-repeats';
import { alternatives, groupEnd } from './pattern-text';

/** One character's pattern of fixed width (a quantifier after it is read apart). */
const ATOM = /^(?:\\(?:[dDwWsS]|[pP]\{[\w=]+\}|u\{[\dA-Fa-f]+\}|u[\dA-Fa-f]{4}|x[\dA-Fa-f]{2}|c[A-Za-z]|[^\dbBkpPuxc])|\[(?:\\[\s\S]|[^\]\\])*\]|[^\\()[\]{}|^$*+?])/;
const QUANTIFIER = /^(?:[*+?]|\{(\d+)(,\d*)?\})/;

type Token =
  /** One character's pattern repeated without bound (`.*`, `\w+?`, `[^.]{2,}`): `least` times at the least. */
  | { kind: 'repeat'; text: string; atom: string; least: number }
  | { kind: 'atom' | 'edge' | 'other'; text: string };

/** An alternative read as a row of top-level items: repeats, single characters' patterns, word edges, and anything else. */
function tokens(source: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const rest = source.slice(i);
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
    if (q) {
      const atom = source.slice(i, end);
      const least = q[0] === '+' ? 1 : q[0] === '*' ? 0 : q[1] !== undefined ? Number(q[1]) : -1;
      const unbounded = q[0] === '*' || q[0] === '+' || q[2] === ',';
      end += q[0].length + (source[end + q[0].length] === '?' ? 1 : 0);
      out.push(kind === 'atom' && unbounded && least >= 0 ? { kind: 'repeat', text: source.slice(i, end), atom, least } : { kind: 'other', text: source.slice(i, end) });
    } else out.push({ kind, text: source.slice(i, end) });
    i = end;
  }
  return out;
}

/** Whether every character `atom` matches, `within` matches too, under `flags` (tested on every UTF-16 unit). */
function within(atom: string, repeated: string, flags: string): boolean {
  if (repeated === '.' && flags.includes('s')) return true;
  if (flags.includes('u') && mayBeAstral(atom) && repeated !== '.') return false; // beyond the units tested
  try {
    return !new RegExp(`(?!${repeated})(?:${atom})`, flags).test(allUnits());
  } catch {
    return false;
  }
}

/**
 * The pattern with each unbounded repeat that is followed by a fixed text and then a repeat of the same character's
 * pattern, which takes every character of that text, made to stop at the text's first occurrence (see above); the
 * pattern itself where it has none, or where it has a backreference (a group added would renumber the reader's), or a
 * name of ours. A `test` of the result matches the same texts as one of the pattern.
 */
export function firstOccurrences(source: string, flags = ''): string {
  if (/\\[1-9]|\\k<|\(\?<ps\d/.test(source)) return source;
  const testFlags = flags.replace(/[gmy]/g, '');
  let named = 0;
  const rewritten = alternatives(source).map((alternative) => {
    const row = tokens(alternative);
    let out = '';
    for (let k = 0; k < row.length; k++) {
      const token = row[k]!;
      out += token.text;
      if (token.kind !== 'repeat') continue;
      // The fixed text: word edges and single characters the repeat takes, at least one; then the same repeat again.
      let end = k + 1;
      while (end < row.length && (row[end]!.kind === 'edge' || (row[end]!.kind === 'atom' && within(row[end]!.text, token.atom, testFlags)))) end++;
      const next = row[end];
      if (end === k + 1 || next?.kind !== 'repeat' || next.atom !== token.atom || !row.slice(k + 1, end).some((t) => t.kind === 'atom')) continue;
      const between = row.slice(k + 1, end).map((t) => t.text).join('');
      const name = `ps${named++}`;
      const least = token.least === 0 ? '' : token.least === 1 ? token.atom : `${token.atom}{${token.least}}`;
      out = out.slice(0, -token.text.length) + `${least}(?=(?<${name}>${token.atom}*?${between}))\\k<${name}>`;
      k = end - 1;
    }
    return out;
  });
  return named ? rewritten.join('|') : source;
}
