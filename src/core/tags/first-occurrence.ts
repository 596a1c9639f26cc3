// Two unbounded repeats of one character's pattern with a fixed text between them (`large.*language.*model`,
// `[^.]*video[^.]*generation`, `b+bbb+`) are cubic on text where that text recurs: for each start, the first repeat
// tries every occurrence of the text, and for each the second repeat tries every end. `/ab.*ab.*!/` took 5-7 s on
// 5,000 characters of "abab…", `/large.*language.*model/i` 96-200 ms on a text repeating "large language". A rule only
// asks whether a paper matches, and for that the first occurrence is as good as any later one: whatever follows a
// later one, the second repeat reaches from the first, as it takes all the first repeat takes and every character of
// the text between. So the first repeat is made to stop at the first occurrence and never give it back, an atomic
// group as JavaScript writes one: `(?=(?<ps0>.*?B))\k<ps0>`. The same rules then take 1-15 ms, as one repeat does.
// The same holds where the first repeat is of a text of fixed width (`(?:\d{2})*`), the text between is written with
// counts (`b{2}`), or the second repeat takes more than the first (`\w+former.*`): `(?:\d{2})*\d{2}.+!` took 10 s on
// 5,000 digits, `(?:b){2,}b{2}b+!` 19 s on 5,000 b's. It does not where the text between may vary in length (`b{1,2}`):
// a later occurrence's text may end before the first's. Where the first repeat takes characters the second cannot
// (`[^.]*video.*generation`: a line break), the second reaches no further than the next of those, so the first may stop
// after any of them and then at the text's first occurrence: quadratic, as one repeat from every start.
import { matchesSomeCharacter, mayBeAstral, overlap } from './adjacent-repeats';
import { alternatives, ATOM, groupEnd, repeatedText } from './pattern-text';

const QUANTIFIER = /^(?:[*+?]|\{(\d+)(,\d*)?\})/;

type Token =
  /**
   * A unit repeated without bound (`.*`, `\w+?`, `[^.]{2,}`, `(?:\d{2})*`): `least` times at the least. The unit is
   * text of a fixed width: `atoms`, one character's pattern each (one for `.*`, two for `(?:\d{2})*`).
   */
  | { kind: 'repeat'; text: string; unit: string; atoms: string[]; least: number }
  /** Text of a fixed width: a character's pattern, `x{3}`, `(?:ab)`; one pattern for each of its characters. */
  | { kind: 'fixed'; text: string; atoms: string[] }
  | { kind: 'edge' | 'other'; text: string };

/**
 * The characters' patterns of a text of fixed width: characters' patterns, each once or a fixed number of times (`\d{2}`),
 * and groups `(?:...)` of those; null for anything else (a choice, an optional item, a repeat, an assertion).
 */
function fixedAtoms(text: string): string[] | null {
  const atoms: string[] = [];
  let i = 0;
  while (i < text.length) {
    let one: string[] | null;
    let end: number;
    if (text.startsWith('(?:', i)) {
      end = groupEnd(text, i) + 1;
      one = end <= text.length && text[end - 1] === ')' ? fixedAtoms(text.slice(i + 3, end - 1)) : null;
    } else {
      const atom = ATOM.exec(text.slice(i))?.[0];
      one = atom ? [atom] : null;
      end = i + (atom?.length ?? 0);
    }
    if (!one?.length) return null;
    const q = QUANTIFIER.exec(text.slice(end));
    if (q && (q[1] === undefined || q[2] !== undefined || text[end + q[0].length] === '?')) return null; // it varies
    const times = q ? Number(q[1]) : 1;
    if (atoms.length + one.length * times > 200) return null; // read as characters: a rule is 200 characters at most
    for (let t = 0; t < times; t++) atoms.push(...one);
    i = end + (q?.[0].length ?? 0);
  }
  return atoms;
}

/** An alternative read as a row of top-level items: repeats, texts of fixed width, word edges, and anything else. */
function tokens(source: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const rest = source.slice(i);
    let end: number;
    if (rest.startsWith('\\b') || rest.startsWith('\\B')) {
      out.push({ kind: 'edge', text: rest.slice(0, 2) });
      i += 2;
      continue;
    } else if (rest[0] === '(') {
      end = groupEnd(source, i) + 1;
    } else {
      const atom = ATOM.exec(rest)?.[0];
      end = i + (atom?.length ?? (rest[0] === '\\' ? 2 : 1)); // an escape read as a whole, whatever it is
    }
    const unit = source.slice(i, end);
    const q = QUANTIFIER.exec(source.slice(end));
    const unbounded = q !== null && (q[0] === '*' || q[0] === '+' || q[2] === ',');
    if (q) end += q[0].length + (source[end + q[0].length] === '?' ? 1 : 0);
    const text = source.slice(i, end);
    const atoms = fixedAtoms(unbounded ? unit : text);
    if (atoms && unbounded) out.push({ kind: 'repeat', text, unit, atoms, least: q![0] === '+' ? 1 : q![0] === '*' ? 0 : Number(q![1]) });
    else if (atoms && (!q || q[1] !== undefined)) out.push({ kind: 'fixed', text, atoms });
    else out.push({ kind: 'other', text });
    i = end;
  }
  return out;
}

/** Whether every character `atom` matches, `repeated` matches too, under `flags` (tested on every character). */
function within(atom: string, repeated: string, flags: string): boolean {
  if (atom === repeated) return true;
  if (repeated === '.' && flags.includes('s')) return true;
  try {
    return !matchesSomeCharacter(`(?!${repeated})(?:${atom})`, flags, flags.includes('u') && mayBeAstral(atom));
  } catch {
    return false;
  }
}

/** One character's pattern repeated a bounded number of times (`a{1,3}`, `\w?`): the pattern, and its least count. */
const BOUNDED = new RegExp(`^(${ATOM.source.slice(1)})(?:\\?|\\{(\\d+),\\d+\\})\\??$`);

/**
 * The row with each bounded repeat of a character that an unbounded repeat of one character's pattern right before it
 * or right after it takes too, repeated its least number of times: `\w*a{1,3}` matches the same texts as `\w*a`, and
 * `[\w-]{1,3}.*` as `[\w-].*`, the other steps taken by the unbounded repeat. So the text between is of fixed width
 * (`[\w-]*?a{1,3}\p{L}{3}.+\d!` took seconds on 5,000 letters).
 */
function absorbed(row: Token[], flags: string): Token[] {
  return row.map((token, k) => {
    const m = token.kind === 'other' ? BOUNDED.exec(token.text) : null;
    if (!m) return token;
    const atom = m[1]!;
    const takes = (t: Token | undefined) => t?.kind === 'repeat' && t.atoms.length === 1 && within(atom, t.atoms[0]!, flags);
    if (!takes(row[k - 1]) && !takes(row[k + 1])) return token;
    const least = Number(m[2] ?? 0);
    return { kind: 'fixed', text: repeatedText(atom, least), atoms: Array<string>(least).fill(atom) };
  });
}

/**
 * The pattern with each unbounded repeat (of a text of fixed width) that is followed by a fixed text and then a repeat
 * of one character's pattern made to stop at the text's first occurrence (see above); the pattern itself where it has
 * none, or where it has a backreference (a group added would renumber the reader's), or a name of ours. A `test` of
 * the result matches the same texts as one of the pattern.
 */
export function firstOccurrences(source: string, flags = ''): string {
  if (/\\[1-9]|\\k<|\(\?<ps\d/.test(source)) return source;
  const testFlags = flags.replace(/[gmy]/g, '');
  let named = 0;
  const rewritten = alternatives(source).map((alternative) => {
    const row = absorbed(tokens(alternative), testFlags);
    let out = '';
    for (let k = 0; k < row.length; k++) {
      const token = row[k]!;
      out += token.text;
      if (token.kind !== 'repeat') continue;
      // The fixed text: word edges and texts of fixed width, at least one character; then a repeat of one character's
      // pattern that takes every character of it and of the first repeat's unit (see above).
      let end = k + 1;
      while (end < row.length && (row[end]!.kind === 'edge' || row[end]!.kind === 'fixed')) end++;
      const next = row[end];
      const fixed = row.slice(k + 1, end).flatMap((t) => (t.kind === 'fixed' ? t.atoms : []));
      if (!fixed.length || next?.kind !== 'repeat' || next.atoms.length !== 1 || !token.atoms.length) continue;
      const gap = next.atoms[0]!;
      const between = row.slice(k + 1, end).map((t) => t.text).join('');
      const least = repeatedText(token.unit, token.least);
      let [unit, upTo] = [token.unit, ''];
      const takesText = fixed.every((atom) => within(atom, gap, testFlags));
      const takesRepeat = token.atoms.every((atom) => within(atom, gap, testFlags));
      if (!takesText || !takesRepeat) {
        // The second repeat cannot take some character the first takes (`[^.]*video.*`: a line break, which `.` does not
        // take), or one the text may be (`\S+.{2}\w[a-z]+`). It reaches no further than the next such character, so an
        // occurrence is as good as any later one unless such a character comes between: the first repeat may stop right
        // after any of them, or where one is within the text's width ahead (`upTo`, each tried), and from there takes what
        // both take, to the text's first occurrence. Where the second takes none of the first's characters, or none that
        // one of the text's may be, it never reaches past the next occurrence: no such shape.
        if (token.atoms.length !== 1 || ![unit, ...fixed].every((atom) => overlap(atom, gap, testFlags))) continue;
        const stops = [
          ...(takesRepeat ? [] : [`(?!${gap})${unit}`]),
          ...(takesText ? [] : [`(?=[\\s\\S]{0,${fixed.length - 1}}(?!${gap})[\\s\\S])`]),
        ];
        upTo = `(?:${unit}*?${stops.length > 1 ? `(?:${stops.join('|')})` : stops[0]})?`;
        if (!takesRepeat) unit = `(?:(?=${gap})${unit})`;
      }
      const name = `ps${named++}`;
      out = out.slice(0, -token.text.length) + `${least}${upTo}(?=(?<${name}>${unit}*?${between}))\\k<${name}>`;
      k = end - 1;
    }
    return out;
  });
  return named ? rewritten.join('|') : source;
}
