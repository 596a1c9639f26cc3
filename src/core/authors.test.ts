import { describe, expect, it } from 'vitest';
import { mulberry32 } from './random';
import { changeFollowed, countFollowed, FOLLOWED_LIMITS, followedMatcher, followedNameProblem, followedNames, nameParts, sameAuthor } from './authors';

const same = (followed: string, name: string) => sameAuthor(nameParts(followed)!, nameParts(name)!);

describe('nameParts', () => {
  it('reads the family name and the given names as each site writes them', () => {
    expect(nameParts('Yann LeCun')).toEqual({ family: 'lecun', given: ['yann'] });
    expect(nameParts('LeCun, Yann')).toEqual({ family: 'lecun', given: ['yann'] });
    expect(nameParts('Y LeCun')).toEqual({ family: 'lecun', given: ['y'] });
    expect(nameParts('GE Hinton')).toEqual({ family: 'hinton', given: ['g', 'e'] });
    expect(nameParts('G. E. Hinton')).toEqual({ family: 'hinton', given: ['g', 'e'] });
    expect(nameParts('Jean-Baptiste Mouret')).toEqual({ family: 'mouret', given: ['jean', 'baptiste'] });
    expect(nameParts('J.-B. Mouret')).toEqual({ family: 'mouret', given: ['j', 'b'] });
    expect(nameParts('Wei Wang 0001')).toEqual({ family: 'wang', given: ['wei'] });
    expect(nameParts('Martin Luther King Jr.')).toEqual({ family: 'king', given: ['martin', 'luther'] });
    expect(nameParts('Martin Luther King, Jr.')).toEqual({ family: 'king', given: ['martin', 'luther'] });
    expect(nameParts('King, Jr., Martin Luther')).toEqual({ family: 'king', given: ['martin', 'luther'] });
    expect(nameParts('Laurens van der Maaten')).toEqual({ family: 'maaten', given: ['laurens'] });
    expect(nameParts('van der Maaten, Laurens')).toEqual({ family: 'maaten', given: ['laurens'] });
    expect(nameParts("Seán O'Brien")).toEqual({ family: 'obrien', given: ['sean'] });
    expect(nameParts('  Yann\u00a0 LeCun ')).toEqual({ family: 'lecun', given: ['yann'] });
    expect(nameParts('LeCun')).toEqual({ family: 'lecun', given: [] });
  });

  it('folds accents, and a German umlaut written out agrees with it', () => {
    const umlaut = nameParts('Bernhard Schölkopf')!;
    expect(umlaut).toEqual({ family: 'scholkopf', umlaut: 'schoelkopf', given: ['bernhard'] });
    expect(sameAuthor(umlaut, nameParts('Bernhard Scholkopf')!)).toBe(true);
    expect(sameAuthor(umlaut, nameParts('Bernhard Schoelkopf')!)).toBe(true);
    expect(sameAuthor(nameParts('B. Schoelkopf')!, umlaut)).toBe(true);
    expect(sameAuthor(nameParts('Müller, K.-R.')!, nameParts('Klaus-Robert Mueller')!)).toBe(true);
    expect(sameAuthor(nameParts('Klaus-Robert Mueller')!, nameParts('Müller, K.-R.')!)).toBe(true);
    expect(nameParts('Éric Gaussier')).toEqual(nameParts('Eric Gaussier'));
    // Decomposed (o + U+0308), as some pages write it: the same umlaut.
    expect(nameParts('Bernhard Scho\u0308lkopf')).toEqual(umlaut);
  });

  it('an "e" after a vowel is an umlaut written out only where the other name has the umlaut: Xue is not Xu', () => {
    for (const [a, b] of [['Lin Xu', 'Lin Xue'], ['Kai Yu', 'Kai Yue'], ['Ankit Goel', 'Ankit Gol'], ['Yuen', 'Yun'], ['Jo Mueller', 'Jo Muller']]) {
      expect(sameAuthor(nameParts(a!)!, nameParts(b!)!), `${a} / ${b}`).toBe(false);
      expect(sameAuthor(nameParts(b!)!, nameParts(a!)!), `${b} / ${a}`).toBe(false);
    }
    expect(followedMatcher(['Xu'])(['Lin Xue', 'Yue Xu'])).toEqual(['Xu']);
    expect(followedMatcher(['Xu'])(['Lin Xue', 'Kai Yue'])).toEqual([]);
    expect(followedMatcher(['Yu'])(['Kai Yue'])).toEqual([]);
  });

  it('names no one without a letter', () => {
    expect(nameParts('')).toBeNull();
    expect(nameParts('  ')).toBeNull();
    expect(nameParts('0001')).toBeNull();
    expect(nameParts(', ,')).toBeNull();
    expect(nameParts('…')).toBeNull();
  });
});

describe('sameAuthor', () => {
  it('takes an initial for any name it begins, and a spelled-out name for itself only', () => {
    expect(same('Yann LeCun', 'Y. LeCun')).toBe(true);
    expect(same('Yann LeCun', 'Y LeCun')).toBe(true);
    expect(same('Y. LeCun', 'Yann LeCun')).toBe(true);
    expect(same('Yann LeCun', 'Yves LeCun')).toBe(false);
    expect(same('Yann LeCun', 'Yann Dauphin')).toBe(false);
    expect(same('Kaiming He', 'Kai He')).toBe(false);
  });

  it('compares the given names both write, first with first', () => {
    expect(same('Geoffrey E. Hinton', 'Geoffrey Hinton')).toBe(true);
    expect(same('Geoffrey E. Hinton', 'GE Hinton')).toBe(true);
    expect(same('Geoffrey E. Hinton', 'G. Everest Hinton')).toBe(true);
    expect(same('John A. Smith', 'John B. Smith')).toBe(false);
    expect(same('Laurens van der Maaten', 'L. J. P. van der Maaten')).toBe(true);
    expect(same('Jean-Baptiste Mouret', 'J.-B. Mouret')).toBe(true);
    expect(same('Jean-Baptiste Mouret', 'Jean-Pierre Mouret')).toBe(false);
    for (const dash of ['\u2010', '\u2011', '\u2013']) expect(same('Jean-Baptiste Mouret', `Jean${dash}Baptiste Mouret`), dash).toBe(true);
    expect(same('J.-B. Mouret', 'Jean\u2011Baptiste Mouret')).toBe(true);
  });

  it('follows a family name alone to every author of it, but not the other way', () => {
    expect(same('LeCun', 'Yann LeCun')).toBe(true);
    expect(same('LeCun', 'LeCun')).toBe(true);
    expect(same('Yann LeCun', 'LeCun')).toBe(false);
  });

  it('a family name with its particles followed alone ("van der Maaten") finds every author of it, a capitalised first word being a given name', () => {
    expect(nameParts('van der Maaten')).toEqual({ family: 'maaten', given: [] });
    expect(same('van der Maaten', 'Laurens van der Maaten')).toBe(true);
    expect(same('de Freitas', 'Nando de Freitas')).toBe(true);
    expect(same('von Luxburg', 'Luxburg, Ulrike von')).toBe(true);
    expect(followedMatcher(['van der Maaten', 'de Freitas'])(['L. van der Maaten', 'Nando de Freitas'])).toEqual(['van der Maaten', 'de Freitas']);
    // "Van", "Di", "Le" written as given names are given names.
    expect(nameParts('Van Jacobson')).toEqual({ family: 'jacobson', given: ['van'] });
    expect(same('Di He', 'Kaiming He')).toBe(false);
    expect(same('Le Song', 'Le Song')).toBe(true);
  });
});

describe('a name in Chinese, Japanese or Korean script', () => {
  it('is found by its first part as family name too (family name first, no comma), and by its last as a site writing it given name first has it', () => {
    expect(same('山田', '山田 太郎')).toBe(true);
    expect(same('山田', '太郎 山田')).toBe(true); // a CSL or Crossref name joined given name first
    expect(same('山田 太郎', '山田 太郎')).toBe(true);
    expect(same('山田 太郎', '太郎 山田')).toBe(true);
    expect(same('太郎 山田', '山田 太郎')).toBe(true);
    expect(same('山田 太郎', '山田 花子')).toBe(false);
    expect(same('山田 太郎', '田中 太郎')).toBe(false);
    expect(same('太郎', '山田 太郎')).toBe(true); // as before: the last part read as family name too
    expect(same('やまだ', 'やまだ たろう')).toBe(true);
    expect(same('ヤマダ', 'ヤマダ タロー')).toBe(true);
    expect(same('佐々木', '佐々木 希')).toBe(true);
    expect(same('김', '김 민준')).toBe(true);
    expect(same('王', '王 伟')).toBe(true);
    expect(followedMatcher(['山田', '鈴木 一郎'])(['山田 太郎', '鈴木 一郎'])).toEqual(['山田', '鈴木 一郎']);
    expect(followedMatcher(['山田'])(['田中 太郎'])).toEqual([]);
  });

  it('leaves a Latin-script name, or one mixing scripts, read by its last word alone', () => {
    expect(nameParts('Yann LeCun')).toEqual({ family: 'lecun', given: ['yann'] });
    expect(same('Yann', 'Yann LeCun')).toBe(false);
    expect(same('Wang', 'Wang Wei')).toBe(false);
    expect(same('山田', '山田 Taro')).toBe(false);
    expect(same('山田', '山田, 太郎')).toBe(true); // family name first, said by its comma
    expect(same('太郎', '山田, 太郎')).toBe(false);
  });
});

describe('followedMatcher', () => {
  it('gives the followed names a paper has, as the reader wrote them and in their order', () => {
    const match = followedMatcher(['Bernhard Schölkopf', 'Yann LeCun', 'Hinton']);
    expect(match(['Y LeCun', 'B Schoelkopf', 'A Other'])).toEqual(['Bernhard Schölkopf', 'Yann LeCun']);
    expect(match(['Geoffrey Hinton', 'Geoffrey Hinton'])).toEqual(['Hinton']);
    expect(match(['Yves LeCun'])).toEqual([]);
    expect(match([])).toEqual([]);
  });

  it('folds the letters no accent-stripping reaches, as a reader without them writes the name', () => {
    const match = followedMatcher(['Lukasz Kaiser', 'Soren Hauberg', 'Thomas Strasser']);
    expect(match(['Łukasz Kaiser', 'Søren Hauberg', 'Thomas Straßer'])).toEqual(['Lukasz Kaiser', 'Soren Hauberg', 'Thomas Strasser']);
    expect(followedMatcher(['Łukasz Kaiser'])(['L. Kaiser'])).toEqual(['Łukasz Kaiser']);
  });

  it('skips names that name no one, and matches nothing when none is followed', () => {
    expect(followedMatcher([])(['Yann LeCun'])).toEqual([]);
    expect(followedMatcher(['', '123', 'Yann LeCun'])(['Yann LeCun', '', '4'])).toEqual(['Yann LeCun']);
  });

  it('finds every name that names someone by itself, whichever way it is read (plain names take a shorter path)', () => {
    const random = mulberry32(7);
    const pick = (chars: string) => chars[Math.floor(random() * chars.length)]!;
    const missed: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const length = 1 + Math.floor(random() * 24);
      // Plain names (letters, spaces, dots, apostrophes, hyphens), and some with what takes the longer path.
      const alphabet = i % 3 ? "AbcDeoUe .'-" : "AbcDeoUe .'-,0é1Jr";
      const name = Array.from({ length }, () => pick(alphabet)).join('');
      if (nameParts(name) && followedMatcher([name])([name]).length !== 1) missed.push(name);
    }
    expect(missed).toEqual([]);
  });

  it('finds two followed authors of one family name apart', () => {
    const match = followedMatcher(['Kaiming He', 'Di He']);
    expect(match(['Kaiming He'])).toEqual(['Kaiming He']);
    expect(match(['D. He', 'K. He'])).toEqual(['Kaiming He', 'Di He']);
  });
});

describe('followedNames and followedNameProblem', () => {
  it('keeps each name once, trimmed, in the order typed, without blank lines', () => {
    expect(followedNames(['  Yann LeCun ', '', 'yann  lecun', 'Geoffrey Hinton', '   '])).toEqual(['Yann LeCun', 'Geoffrey Hinton']);
    expect(followedNames(Array.from({ length: 600 }, (_, i) => `Author ${i}`))).toHaveLength(FOLLOWED_LIMITS.names);
  });

  it('says why a name cannot be followed', () => {
    expect(followedNameProblem('Yann LeCun')).toBeNull();
    expect(followedNameProblem('1234')).toMatch(/letters/);
    expect(followedNameProblem('a'.repeat(FOLLOWED_LIMITS.name + 1))).toMatch(/at most 200/);
  });
});

describe('changeFollowed', () => {
  it('follows a name as written, once; unfollowing an author drops every followed name that finds them', () => {
    expect(changeFollowed(['Geoffrey Hinton'], '  Yann LeCun ', true)).toEqual(['Geoffrey Hinton', 'Yann LeCun']);
    expect(changeFollowed(['Yann LeCun'], 'yann lecun', true)).toEqual(['Yann LeCun']);
    expect(changeFollowed(['Yann LeCun', 'LeCun', 'Geoffrey Hinton'], 'Y. LeCun', false)).toEqual(['Geoffrey Hinton']);
    expect(changeFollowed(['Yann LeCun'], 'Yves LeCun', false)).toEqual(['Yann LeCun']);
    expect(changeFollowed(['Yann LeCun', '1234'], '1234', false)).toEqual(['Yann LeCun', '1234']);
  });
});

describe('countFollowed', () => {
  it('counts the papers each followed name finds, in the names\' order, a paper once per name', () => {
    const papers = [['Y. LeCun', 'Yann LeCun'], ['Geoffrey Hinton', 'Yann LeCun'], ['Ada Lovelace'], []];
    expect(countFollowed(['Yann LeCun', 'LeCun', 'Hinton', 'Yves Nobody', '1234'], papers)).toEqual([2, 2, 1, 0, 0]);
    expect(countFollowed([], papers)).toEqual([]);
  });
});
