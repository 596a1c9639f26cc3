// A tag rule is tried from every character of the text, so a rule that starts with a repeat that may take whole
// sentences (`.*`, `[^.]+`, `[\s\S]*?`) runs that repeat to the end of the text from each of them before what follows
// can fail: `/.*learning.*zebra/i` took 74 ms on every 5,000-character abstract, 0.1 ms without its `.*`. Since a rule
// matches anywhere in the text, such a start adds nothing but that work (a habit from patterns that must match whole
// lines). A repeat of word characters (`\w+ing`) stops at the word's end, and one after `^` runs once.

/** Where each top-level alternative begins (0, and after each `|` outside groups and classes). */
function alternativeStarts(source: string): number[] {
  const starts = [0];
  let depth = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (c === '[') {
      for (i++; i < source.length && source[i] !== ']'; i++) if (source[i] === '\\') i++;
    } else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) starts.push(i + 1);
  }
  return starts;
}

/** Opening groups, then a repeat: one character (`.`, a class, an escape, a character) repeated more than a few times. */
const LEADING = /^(?:\((?:\?:|\?<[A-Za-z_$][\w$]*>)?)*((\[(?:\\[\s\S]|[^\]\\])*\]|\\[^bB1-9k]|\.|[^\\()[|^$*+?{])(\*|\+|\{\d+,(\d*)\})\??)/;

/** The repeat a pattern starts with that may take words and the spaces between them, as written, or null. */
export function leadingRepeat(source: string, flags: string): string | null {
  const testFlags = flags.replace(/[gmy]/g, '');
  for (const start of alternativeStarts(source)) {
    const m = LEADING.exec(source.slice(start));
    if (!m) continue;
    const [, repeat, atom, , max] = m;
    if (max) continue; // bounded (`.{0,40}`): that many characters from each, as cheap as reading the text
    try {
      const one = new RegExp(`^(?:${atom})$`, testFlags);
      if (one.test('a') && one.test(' ')) return repeat!;
    } catch {
      // read wrong here: rules.ts has checked the pattern, and its other checks still run
    }
  }
  return null;
}
