import { describe, expect, it } from 'vitest';
import { firstOccurrences } from './first-occurrence';
import { checkRules } from './rules';
import { mulberry32 } from '../random';

describe('firstOccurrences: a gap takes the first occurrence of the text after it, and keeps it', () => {
  it('rewrites any repeat of one character\'s pattern so, where the same repeat follows and takes the text between', () => {
    expect(firstOccurrences('diffusion[^.]*video[^.]*generation', 'i')).toBe('diffusion(?=(?<ps0>[^.]*?video))\\k<ps0>[^.]*generation');
    expect(firstOccurrences('b+bbb+!')).toBe('b(?=(?<ps0>b*?bb))\\k<ps0>b+!');
    expect(firstOccurrences('x\\w{3,}former\\w*')).toBe('x\\w{3}(?=(?<ps0>\\w*?former))\\k<ps0>\\w*');
    // The second repeat cannot take the text between (a "."), or what the first takes: left as it is.
    expect(firstOccurrences('a[^.]*b\\.[^.]*c')).toBe('a[^.]*b\\.[^.]*c');
    expect(firstOccurrences('a\\d*b[a-z]*c')).toBe('a\\d*b[a-z]*c'); // no character both take: not cubic
    expect(firstOccurrences('a\\w{2,5}b\\w*c')).toBe('a\\w{2,5}b\\w*c');
  });

  it('reads texts of fixed width as the text between and as the first repeat\'s unit, and a second repeat that takes more', () => {
    // What the second repeat takes is all that matters: `.` takes all `\w` does.
    expect(firstOccurrences('a\\w*b.*c')).toBe('a(?=(?<ps0>\\w*?b))\\k<ps0>.*c');
    expect(firstOccurrences('\\w+former.*!')).toBe('\\w(?=(?<ps0>\\w*?former))\\k<ps0>.*!');
    // A count that does not vary is so many characters, and a group of those a unit of that width.
    expect(firstOccurrences('(?:b){2,}b{2}b+!')).toBe('(?:b){2}(?=(?<ps0>(?:b)*?b{2}))\\k<ps0>b+!');
    expect(firstOccurrences('(?:\\d{2})*\\d{2}.+!')).toBe('(?=(?<ps0>(?:\\d{2})*?\\d{2}))\\k<ps0>.+!');
    expect(firstOccurrences('(?:.{2}\\.){2,}.{2}.*!')).toBe('(?:.{2}\\.){2}(?=(?<ps0>(?:.{2}\\.)*?.{2}))\\k<ps0>.*!');
    // With `u`, classes compared on characters beyond the 16-bit range too.
    expect(firstOccurrences('\\p{L}+ab\\S*!', 'u')).toBe('\\p{L}(?=(?<ps0>\\p{L}*?ab))\\k<ps0>\\S*!');
    expect(firstOccurrences('\\S+ab\\p{L}*!', 'u')).toBe('\\S(?:\\S*?(?!\\p{L})\\S)?(?=(?<ps0>(?:(?=\\p{L})\\S)*?ab))\\k<ps0>\\p{L}*!');
    for (const source of [
      'a\\d*b{1,2}\\d*c', // the text between may vary in length
      'a\\d*b{2}?\\d*c',
      'a\\d*(?:b|c)\\d*c',
      'a\\d*b(?:\\d{2})+c', // a second repeat of two characters takes none but even lengths
      'a(?:\\d?)*b\\d*c',
      'a(?:x.)*b\\w*c', // `\w` does not take all the unit takes
      'a\\d*x{0}\\d*c', // no text between
    ]) {
      expect(firstOccurrences(source), source).toBe(source);
    }
  });

  it('lets a first repeat that takes what the second cannot stop after any such character, then at the first occurrence', () => {
    // `[^.]` takes a line break, `.` does not: the second gap cannot reach past one, so the first may stop after each.
    expect(firstOccurrences('diffusion[^.]*video.*generation', 'i')).toBe('diffusion(?:[^.]*?(?!.)[^.])?(?=(?<ps0>(?:(?=.)[^.])*?video))\\k<ps0>.*generation');
    expect(firstOccurrences('[^ ]{2,}?ab\\S*!')).toBe('[^ ]{2}(?:[^ ]*?(?!\\S)[^ ])?(?=(?<ps0>(?:(?=\\S)[^ ])*?ab))\\k<ps0>\\S*!');
    expect(firstOccurrences('\\W+-{2}-+!')).toBe('\\W(?:\\W*?(?!-)\\W)?(?=(?<ps0>(?:(?=-)\\W)*?-{2}))\\k<ps0>-+!');
    // So where the text may be a character the second cannot take (`\\s`: a line break), the first may also stop where one
    // is within the text's width ahead.
    expect(firstOccurrences('a.*\\s.*d')).toBe('a(?:.*?(?=[\\s\\S]{0,0}(?!.)[\\s\\S]))?(?=(?<ps0>.*?\\s))\\k<ps0>.*d');
    expect(firstOccurrences('\\S+?.{2}\\w[a-z]+!', 'i')).toBe('\\S(?:\\S*?(?:(?![a-z])\\S|(?=[\\s\\S]{0,2}(?![a-z])[\\s\\S])))?(?=(?<ps0>(?:(?=[a-z])\\S)*?.{2}\\w))\\k<ps0>[a-z]+!');
    // Left as it is where some character of the text is never the second repeat's (it stops at each occurrence), or
    // the first repeat is of a longer unit.
    for (const source of ['a\\w*b\\.[a-z]*c', 'a(?:\\d.)*b\\d*c']) expect(firstOccurrences(source), source).toBe(source);
  });

  it('reads a bounded repeat that an unbounded one beside it takes as its least count, so the text between is fixed', () => {
    expect(firstOccurrences('[\\w-]*?a{1,3}\\p{L}{3}.+\\d!', 'iu')).toBe('(?=(?<ps0>[\\w-]*?a\\p{L}{3}))\\k<ps0>.+\\d!');
    expect(firstOccurrences('a\\w*b?c\\w*d')).toBe('a(?=(?<ps0>\\w*?c))\\k<ps0>\\w*d');
    expect(firstOccurrences('a\\w*bc[a-z]{1,3}\\w*d')).toBe('a(?=(?<ps0>\\w*?bc[a-z]))\\k<ps0>\\w*d');
    // Not where neither repeat beside it takes it (`-`), nor where it is not beside one.
    for (const source of ['a\\w*-?b\\w*d', 'a\\w*bc?d\\w*e']) expect(firstOccurrences(source), source).toBe(source);
  });

  it('rewrites a gap between fixed texts, each such gap of a chain, and each top-level choice', () => {
    expect(firstOccurrences('large.*language.*model', 'i')).toBe('large(?=(?<ps0>.*?language))\\k<ps0>.*model');
    expect(firstOccurrences('a.*b.+?c.*d')).toBe('a(?=(?<ps0>.*?b))\\k<ps0>.(?=(?<ps1>.*?c))\\k<ps1>.*d');
    // `.+` takes one character before it looks.
    expect(firstOccurrences('x.+\\bmodel\\b.*y')).toBe('x.(?=(?<ps0>.*?\\bmodel\\b))\\k<ps0>.*y');
    expect(firstOccurrences('cat|a.*b.*c')).toBe('cat|a(?=(?<ps0>.*?b))\\k<ps0>.*c');
  });

  it('leaves what it cannot prove the same: no second gap, a text that may vary, a backreference', () => {
    for (const [source, flags] of [
      ['a.*b', ''], // one gap: linear already
      ['a.*bc$', ''],
      ['a.*b?.*c', ''], // the text between may vary in length
      ['a.*(?:b|c).*d', ''],
      ['(a).*b.*\\1', ''], // a group added would renumber the reader's
      ['(?<w>a).*b.*\\k<w>', ''],
      ['(?:a.*b.*c)', ''], // inside a group
      ['a.{0,9}b.*c', ''], // a bounded gap
    ] as const) {
      expect(firstOccurrences(source, flags), source).toBe(source);
    }
    // With `s` every character is a gap's, line breaks too (without it, see the first repeat that may stop early).
    expect(firstOccurrences('a.*\\s.*d', 's')).toBe('a(?=(?<ps0>.*?\\s))\\k<ps0>.*d');
  });

  it('matches exactly the texts the pattern matches (random patterns and texts, line breaks among them)', () => {
    const random = mulberry32(20261204);
    const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const pieces = ['a', 'b', 'ab', 'ba', 'x', '\\w', '\\d', '[ab]', '\\bab', 'a\\b', '\\s', ' ', 'b?', '(?:a|b)', '^', '$', 'a+', '\\.', 'b{2}', '.{2}', '(?:ab)', '(?:a\\w){2}', 'a{0}', 'b{1,3}', 'a?', '\\w{0,2}', '.{1,2}?', '\\s?'];
    const repeated = ['.', '.', '[ab]', '\\w', '[^x]', 'a', '\\D', '[^.]', '(?:ab)', '(?:.a)', '(?:\\w{2})', '(?:b)', '\\S', '[^ ]', '[\\s\\S]'];
    const counts = ['*', '+', '*?', '+?', '{2,}'];
    const FLAGS = ['', 'i', 's', 'm', 'is', 'u'];
    const chars = ['a', 'b', 'A', 'x', '1', ' ', '.', '\n', '\r', 'a', 'b', '\u{1F600}', '\u{10400}'];
    let rewritten = 0;
    for (let n = 0; n < 3000; n++) {
      const parts: string[] = [];
      const count = 1 + Math.floor(random() * 4);
      const atom = pick(repeated); // mostly one character's pattern repeated, as the rewrite needs
      for (let p = 0; p < count; p++) {
        if (random() < 0.7) parts.push(Array.from({ length: 1 + Math.floor(random() * 2) }, () => pick(pieces)).join(''));
        parts.push((random() < 0.7 ? atom : pick(repeated)) + pick(counts));
      }
      parts.push(pick(pieces));
      const source = random() < 0.15 ? `${parts.join('')}|${pick(pieces)}` : parts.join('');
      const flags = pick(FLAGS);
      const run = firstOccurrences(source, flags);
      if (run !== source) rewritten++;
      const [before, after] = [new RegExp(source, flags), new RegExp(run, flags)];
      for (let t = 0; t < 40; t++) {
        const text = Array.from({ length: Math.floor(random() * 24) }, () => pick(chars)).join('');
        if (before.test(text) !== after.test(text)) expect.fail(`/${source}/${flags} became /${run}/${flags}, which differs on ${JSON.stringify(text)}`);
      }
    }
    expect(rewritten).toBeGreaterThan(500); // the test compares rewrites, not only patterns left as they were
  }, 30_000); // with `u`, each pair of classes is compared on all 1.1 million characters once

  it('is how the background sends such a rule; the message about it still names the rule as written', () => {
    const [rule] = checkRules([{ tag: 'llm', match: '/large.*language.*model/i', fields: 'both' }]);
    expect(rule).toMatchObject({ source: 'large(?=(?<ps0>.*?language))\\k<ps0>.*model', flags: 'i', match: '/large.*language.*model/i' });
    const re = new RegExp(rule!.source, rule!.flags);
    expect(re.test('A Large Language Model for Proofs')).toBe(true);
    expect(re.test('large models of language')).toBe(false);
  });
});
