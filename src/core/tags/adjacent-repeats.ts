// The other shape of a tag rule that can hang a page: repeats in a row that may take the same characters, such as
// `\w*\w*\w*!` or `\d+\.?\d*x`. Each way of sharing a run of such characters between them is tried before the match
// fails, so the work grows as the run's length to the power of their number: four `\w*` take many seconds on 400
// letters, two `\d+` around an optional `.` eight seconds on a 3,000-digit run. Nested repeats are rules.ts's check.
//
// Sound for that shape: two repeats are "in a row" when nothing between them must match (only optional items,
// assertions, groups that may match nothing), and "may take the same character" unless no character is matched by
// both, found by testing both on every UTF-16 unit. A single character that must match between them does not part
// them when both repeats may take it too (`.*a.*`, `.+ .+`): the run is shared around any of its occurrences, and one
// character (a letter, a space) occurs all through an abstract, so `/.*a.*a.*!/` took 8.5 s on a 2,000-character
// abstract and `/.+ .+ .+!/` more than 20 s. Text of two or more characters that must match (`.*language.*model`) cuts
// the run: what that costs grows with how often the text occurs, rarely in an abstract (0.5 ms on 5,000 characters).
import { alternatives, ATOM, classEnd, plainWords } from './pattern-text';

/** A repeat open for the next one: what one of its steps matches (a pattern for one character; null: any text). */
interface Repeat {
  atom: string | null;
  start: number;
  /** Whether it is unbounded (or above SMALL_REPEAT): two of those sharing a run are refused outright. */
  big?: boolean;
  /** In how many ways it and the repeats before it that may take the same characters can share a run (see MAX_WAYS). */
  ways: number;
  /** Where the first of those begins. */
  from: number;
  /** Whether it has passed a character that must match (its atom then only what both take), which only one may. */
  passed?: boolean;
}

/** A repeat bounded this low backtracks little (`\d{1,4}`); above it, or unbounded, it is a repeat here. */
const SMALL_REPEAT = 10;
/**
 * How many ways a row of repeats (bounded ones too: `a?`, `\d{1,3}`, a choice `(a|aa)`) may share one run before the
 * match fails, counting an unbounded one as RUN_WAYS (a run's length, as a text has them). Each way is tried from every
 * character of the text: twenty `a?` took seconds on 5,000 letters (2^20 ways), four `\w{0,10}` 0.4 s (11^4),
 * `\w+\w{1,10}` 0.3 s, where `\w+\d{0,3}` (4 RUN_WAYS) takes 0.1 s and one `\w+` alone (quadratic, accepted) 0.03 s.
 */
const RUN_WAYS = 1000;
const MAX_WAYS = 4 * RUN_WAYS;

let everyUnit: string | null = null;
/** Every UTF-16 code unit once, to test two one-character patterns against all the text they could ever see. */
function allUnits(): string {
  if (everyUnit === null) {
    const chunks: string[] = [];
    for (let c = 0; c < 0x10000; c += 0x1000) {
      chunks.push(String.fromCharCode(...Array.from({ length: 0x1000 }, (_, k) => c + k)));
    }
    everyUnit = chunks.join('');
  }
  return everyUnit;
}

/** Whether a one-character pattern may match a character beyond the 16-bit range (with the `u` flag only). */
export const mayBeAstral = (atom: string) => atom === '.' || /^\\[WDSpP]|^\[\^|\\[WDSpP]|\\u\{|[\uD800-\uDFFF]/.test(atom);

/** Whether some character is matched by both one-character patterns under `flags`. */
export function overlap(a: string | null, b: string | null, flags: string): boolean {
  if (a === null || b === null) return true;
  if (flags.includes('u') && mayBeAstral(a) && mayBeAstral(b)) return true;
  // One character written as itself: whether the other takes it (with `i`, both compare case-folded, so that is
  // enough). Rows of optional letters ask this for every pair, and each test of every unit takes a fraction of a ms.
  const one = LITERAL.test(a) ? a : LITERAL.test(b) ? b : null;
  try {
    if (one !== null) return new RegExp(`^(?:${one === a ? b : a})$`, flags).test(one.length === 2 ? one[1]! : one);
    return matchesSomeCharacter(`(?=${a})(?:${b})`, flags);
  } catch {
    return true; // read wrong here: assume the worst
  }
}

let everyAstral: string | null = null;
/** Every code point beyond the 16-bit range once (a surrogate pair each). */
function allAstral(): string {
  if (everyAstral === null) {
    const chunks: string[] = [];
    for (let c = 0x10000; c < 0x110000; c += 0x1000) chunks.push(String.fromCodePoint(...Array.from({ length: 0x1000 }, (_, k) => c + k)));
    everyAstral = chunks.join('');
  }
  return everyAstral;
}

/**
 * Whether `pattern` matches some UTF-16 unit under `flags` (with `astral`, or some code point beyond them: a `u` class
 * may take one as one character). Cached: the options page checks every rule at each render, the same pairs of classes
 * again. Throws where the pattern does not compile.
 */
export function matchesSomeCharacter(pattern: string, flags: string, astral = false): boolean {
  const key = `${pattern}\u0000${flags}\u0000${astral}`;
  let known = tested.get(key);
  if (known === undefined) {
    const re = new RegExp(pattern, flags);
    known = re.test(allUnits()) || (astral && re.test(allAstral()));
    if (tested.size > 10_000) tested.clear();
    tested.set(key, known);
  }
  return known;
}

const tested = new Map<string, boolean>();

/** A one-character pattern that is that character (a letter, a digit, escaped punctuation), one UTF-16 unit. */
const LITERAL = /^(?:[^\\.[\]()*+?{}^$|\uD800-\uDFFF]|\\[^\w\s])$/;

/**
 * Whether one character may be a letter or a space: those fill an abstract, so repeats one of them apart split their
 * run at hundreds of places. A digit or a comma between them (`/llama.*3.*instruct/i`) occurs a few times in a text,
 * which costs little; refusing it would refuse ordinary rules.
 */
function frequent(atom: string, flags: string): boolean {
  try {
    const one = new RegExp(`^(?:${atom})$`, flags);
    return [...'etaoinshrdlucmfwypvbgkjqxz ', '\n'].some((c) => one.test(c));
  } catch {
    return true; // read wrong here: assume the worst
  }
}

/**
 * A group's alternatives: how many, and in how many ways they may start at one place (1 for plain words none of which
 * begins another, as `(cat|dog)`: at most one of them matches there).
 */
function choice(body: string): { count: number; ways: number } {
  const choices = alternatives(body);
  return { count: choices.length, ways: choices.length === 1 || plainWords(choices) ? 1 : choices.length };
}

/** A one-character pattern at the start of a text: a class, a class escape, an escaped or a plain character. */
const LEAD = /^(?:\[(?:\\[\s\S]|[^\]\\])*\]|\\[dDwWsS]|\\[pP]\{[^}]*\}|\\[^\dbBkpPuxc]|[^\\()[\]{}|^$*+?])/;

/** What a group's text must begin with (null: any, or not known). */
function firstOf(body: string): string | null {
  if (choice(body).count > 1) return null;
  const lead = LEAD.exec(body)?.[0];
  return lead && (quantifier(body, lead.length)?.min ?? 1) >= 1 ? lead : null;
}

/**
 * The capturing groups a backreference may name (`\1`, `\k<name>`): what their text begins with, and whether it may be
 * long (the group repeats something without a small bound).
 */
function captures(source: string): Map<string, { first: string | null; long: boolean }> {
  const found = new Map<string, { first: string | null; long: boolean }>();
  const open: { at: number; key: string | null; name: string | null }[] = [];
  let count = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (c === '[') i = classEnd(source, i);
    else if (c === '(') {
      const prefix = /^\((?:\?<([A-Za-z_$][\w$]*)>|\?[:=!]|\?<[=!])?/.exec(source.slice(i))!;
      const capturing = !prefix[0].includes('?') || prefix[1] !== undefined;
      open.push({ at: i + prefix[0].length, key: capturing ? String(++count) : null, name: prefix[1] ?? null });
      i += prefix[0].length - 1;
    } else if (c === ')') {
      const group = open.pop();
      if (!group?.key) continue;
      const body = source.slice(group.at, i);
      const bare = body.replace(/\\[\s\S]|\[(?:\\[\s\S]|[^\]\\])*\]/g, 'x');
      const long = /[*+]|\{\d+,(?:\d{3,}|[2-9]\d|1[1-9]|)\}/.test(bare);
      const info = { first: firstOf(body), long };
      found.set(group.key, info);
      if (group.name) found.set(`<${group.name}>`, info);
    }
  }
  return found;
}

/** The quantifier at `i`: its bounds and length; null when there is none. */
function quantifier(source: string, i: number): { min: number; max: number; length: number } | null {
  const c = source[i];
  let q: { min: number; max: number; length: number } | null = null;
  if (c === '*') q = { min: 0, max: Infinity, length: 1 };
  else if (c === '+') q = { min: 1, max: Infinity, length: 1 };
  else if (c === '?') q = { min: 0, max: 1, length: 1 };
  else if (c === '{') {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i));
    if (!m) return null; // a `{` standing for itself (without the `u` flag)
    const min = Number(m[1]);
    q = { min, max: m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]), length: m[0].length };
  }
  if (q && source[i + q.length] === '?') q.length++; // lazy: tried the other way round, as many ways
  return q;
}

/** Length of the escape at `i` (`\w`, `\u{1F600}`, `\p{L}`, `\k<name>`, `\12`). */
function escapeLength(source: string, i: number): number {
  const m = /^\\(?:u\{[0-9A-Fa-f]+\}|u[0-9A-Fa-f]{4}|x[0-9A-Fa-f]{2}|c[A-Za-z]|[pP]\{[^}]*\}|k<[^>]*>|\d+|[\s\S])/.exec(source.slice(i));
  return m ? m[0].length : 1;
}


const COUNT = /^(?:\*|\+|\?|\{(\d+)(,(\d*))?\})\??/;

/**
 * Whether a repeated group's rounds can part the text one way only, so that repeating it backtracks no more than a
 * plain repeat: its body is characters' patterns, each repeated or not, and each repeat is followed (in the next
 * round, for the last) by one that must match at least once and shares no character with it. Then a round ends where
 * such a character is, and nowhere else: `(\w+-)+` parts at each "-", `(\d{1,3},)*` at each ",", `(a+b+)+` where a
 * "b" meets an "a". `(\w+\s?)*` and `(a+a)+` do not. (Used by rules.ts's check of nested repeats.)
 */
export function delimitedRounds(group: string, flags: string): boolean {
  return roundItems(group, flags) !== null;
}

/**
 * The character each round of such a group ends with, where it ends with one that does not vary (`\.` of `(\d+\.)+`):
 * a repeat after the group that cannot take it reads one round's text at most, wherever the rounds stop.
 */
function roundsEnd(group: string, flags: string): string | null {
  const last = roundItems(group, flags)?.at(-1);
  return last && !last.varies && last.min === 1 ? last.atom : null;
}

function roundItems(group: string, flags: string): { atom: string; min: number; varies: boolean }[] | null {
  let body = group.replace(/^\?(?::|<[A-Za-z_$][\w$]*>)/, '');
  if (body.startsWith('?')) return null; // a lookaround
  const items: { atom: string; min: number; varies: boolean }[] = [];
  while (body) {
    const atom = ATOM.exec(body)?.[0];
    if (!atom) return null; // a group, a choice, an anchor, a backreference: not this shape
    body = body.slice(atom.length);
    const count = COUNT.exec(body);
    body = body.slice(count?.[0].length ?? 0);
    // `{n,m}` read as written; `*`, `+`, `?` as their bounds (a lazy one, `+?`, bounds the same).
    const [min, max] = !count ? [1, 1] : count[1] !== undefined ? [Number(count[1]), count[2] === undefined ? Number(count[1]) : count[3] === '' ? Infinity : Number(count[3])] : count[0][0] === '+' ? [1, Infinity] : count[0][0] === '*' ? [0, Infinity] : [0, 1];
    items.push({ atom, min, varies: max > min });
  }
  const testFlags = flags.replace(/[gmy]/g, '');
  const parted = items.every((item, i) => {
    if (!item.varies) return true;
    const next = items[(i + 1) % items.length]!;
    return next.min >= 1 && !overlap(item.atom, next.atom, testFlags);
  });
  return parted ? items : null;
}

/**
 * The first two repeats in a row that may take the same characters, as written (`\w*\w*`, or `.*a.*` with one
 * character between that both may take), or null. `source` must be a valid pattern under `flags` (it is read, not
 * checked).
 */
export function adjacentRepeats(source: string, flags: string): string | null {
  const testFlags = flags.replace(/[gmy]/g, '');
  let i = 0;
  let found: string | null = null;
  const union = (...lists: Repeat[][]) => [...new Set(lists.flat())];
  let groups: ReturnType<typeof captures> | null = null;
  const capturesOf = () => (groups ??= captures(source));
  // Every unbounded repeat read so far, and while in a lookbehind, those before it: its own unbounded repeats read back
  // from its end over whatever they take, past any fixed text between, so each time it is tried they may read back over
  // such a repeat's characters (`\S+\.(?<=\.*)!` took 25 s on 5,000 dots, `\.` between them).
  let seen: Repeat[] = [];
  let readBack: Repeat[] = [];

  /**
   * Reads alternatives up to the `)` that ends them; returns the repeats open after them, given those open before (and
   * those `behind` stay open throughout: a lookbehind is matched from its end, so any of its items may meet them).
   */
  const alternatives = (before: Repeat[], behind: Repeat[] = []): Repeat[] => {
    let ends: Repeat[] = [];
    let open = before;
    while (i < source.length && found === null) {
      const c = source[i]!;
      if (c === ')') break;
      if (c === '|') {
        ends = union(ends, open);
        open = before;
        i++;
        continue;
      }
      if (behind.length) open = union(open, behind);
      const start = i;
      /** What one step of this item matches: a one-character pattern, null for any text, 'empty' for an assertion. */
      let atom: string | null | 'empty';
      let inner: Repeat[] = [];
      /** A group's choices, and the pattern its text must begin with (null: any, or not known). */
      let choices = 1;
      let first: string | null = null;
      /** The character each of a group's rounds ends with, where they part one way only (roundsEnd). */
      let roundEnd: string | null = null;
      if (c === '(') {
        const prefix = /^\((?:\?(?:<[=!]|[=!]|<[^>]*>|[^:)]*:))?/.exec(source.slice(i))![0];
        i += prefix.length;
        if (/^\(\?<?[=!]$/.test(prefix)) {
          // A lookaround matches nothing here, but its own repeats can hang it, and it is tried again at every place a
          // repeat open before it stops: a repeat in it that may take that repeat's characters reads the run anew each
          // time (`a+(?=a*!)`, `a+(?<=a+)!` took seconds on 5,000 letters; its result is not kept). A lookbehind reads
          // back over that repeat's characters from its own end, so all of it is in a row with them (`\w+(?<=,b+)`).
          const outer = readBack;
          if (prefix.startsWith('(?<')) readBack = union(readBack, seen);
          alternatives(open, prefix.startsWith('(?<') ? union(open, behind) : behind);
          readBack = outer;
          atom = 'empty';
        } else {
          const bodyStart = i;
          inner = alternatives(open, behind);
          atom = null;
          const body = source.slice(bodyStart, i);
          choices = choice(body).ways;
          first = firstOf(body);
          roundEnd = roundsEnd(body, testFlags);
        }
        i++; // the `)`
      } else if (c === '[') {
        i = classEnd(source, i) + 1;
        atom = source.slice(start, i);
      } else if (c === '\\') {
        i += escapeLength(source, i);
        const escape = source.slice(start, i);
        const group = /^\\(?:k(<[^>]*>)|(\d+))$/.exec(escape);
        atom = /^\\[bB]$/.test(escape) ? 'empty' : group ? null : escape;
        // A backreference to a group that may take a long text reads as much again, wherever the repeat before it stops:
        // after one that may take what the group's text begins with, that is a repeat in a row (`(a+)\1!` took 1.8 s on
        // 5,000 letters, `(.+) \1!` 0.4 s on "a a a ...").
        const named = group && capturesOf().get(group[1] ?? group[2]!);
        if (named?.long && !quantifier(source, i)) {
          const twin = open.find((r) => r.big && overlap(r.atom, named.first, testFlags));
          if (twin) {
            found = source.slice(twin.start, i);
            break;
          }
        }
      } else if (c === '^' || c === '$') {
        i++;
        atom = 'empty';
      } else {
        i += String.fromCodePoint(source.codePointAt(i)!).length;
        atom = source.slice(start, i);
      }
      const q = quantifier(source, i);
      if (q) i += q.length;
      if (atom === 'empty') continue;
      const min = q?.min ?? 1;
      const repeats = (q?.max ?? 1) > SMALL_REPEAT;
      if (repeats) {
        const twin = union(open, readBack).find((r) => r.big && overlap(r.atom, atom as string | null, testFlags));
        if (twin) {
          found = source.slice(twin.start, i);
          break;
        }
      }
      // Bounded repeats, optional items and choices share a run too, each multiplying the ways (a group by what its text
      // begins with, as that is what must be in the run).
      const own = repeats ? RUN_WAYS : (q ? q.max - q.min + 1 : 1) * choices;
      let chained: Repeat[] = [];
      if (own > 1) {
        const shares = atom === null ? first : atom;
        const before = open.filter((r) => overlap(r.atom, shares, testFlags)).sort((a, b) => b.ways - a.ways)[0];
        const ways = own * (before?.ways ?? 1);
        if (ways > MAX_WAYS) {
          found = source.slice(before?.from ?? start, i);
          break;
        }
        // A repeated group whose rounds end at a character is open, for what follows, only to repeats that may take it:
        // one that cannot (`\d+` after `(\d+\.)+`) reads the last round's text at most, whichever round is last.
        const takes = atom !== null ? atom : repeats && roundEnd !== null ? roundEnd : first;
        chained = [{ atom: takes, start, big: repeats, ways, from: before?.from ?? start }];
        if (repeats) seen = union(seen, chained);
      }
      // One character that must match, and which a repeat open before may take too, leaves that repeat open, for the
      // characters both may take.
      const single = atom !== null && min === 1 && (q?.max ?? 1) === 1 && frequent(atom, testFlags);
      const through = single
        ? open.flatMap((r) => (!r.passed && overlap(r.atom, atom as string, testFlags) ? [{ ...r, atom: r.atom === null ? atom : `(?=${r.atom})(?:${atom})`, passed: true }] : []))
        : [];
      // A group passes on what is open at its end (which is what was open before it, if it may match nothing).
      open = union(chained, inner, through, min === 0 ? open : []);
    }
    return union(ends, open);
  };

  while (i < source.length && found === null) {
    alternatives([]);
    i++; // an unmatched `)` (none in a valid pattern)
  }
  return found;
}
