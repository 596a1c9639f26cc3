// Followed authors: names the reader typed on the options page, found among a paper's authors as each site writes
// them. arXiv and Hugging Face give full names ("Yann LeCun"), Google Scholar initials ("Y LeCun"), dblp a
// disambiguation number ("Wei Wang 0001"), BibTeX imports "LeCun, Yann"; accents come and go ("Schölkopf" is
// "Scholkopf" with its accents dropped, and "Schoelkopf" with its umlaut written out; but "Xue" is not "Xu", nor
// "Goel" "Gol": an "e" after a vowel is the umlaut's only where one name has the umlaut). Two names are one author
// when their family names agree and each given name either side spells out agrees with the other's, a lone initial
// with any name it begins (the page says no more). A name followed by its family name alone ("LeCun") finds every
// author of that family name. Pure; runs in the content script (core of the card's author chip) and in the popup.
import { normalizeSpace } from './paper';
import { foldText } from './fold';

/**
 * A family name as compared: its key, folded, and where it has an umlaut the key with it written out (ö as oe); a name
 * in Chinese, Japanese or Korean script also its first part's key (`first`), the family name as those names are
 * written ("山田 太郎"), where the last part is kept as well for a site that wrote it given name first ("太郎 山田").
 */
export interface Family {
  family: string;
  umlaut?: string;
  first?: string;
}

/** A name as compared: the family name's keys and the given names (an initial as its one letter), folded. */
export interface NameParts extends Family {
  given: string[];
}

/** Most names a reader may follow, and the longest name (options page and settings schema). */
export const FOLLOWED_LIMITS = { names: 500, name: 200 } as const;

const SUFFIX = /^(?:jr|sr|ii|iii|iv)\.?$/i;
/** The family name's particles ("Laurens van der Maaten", "Nando de Freitas"): no given names. */
const PARTICLE = /^(?:van|von|der|den|de|del|della|di|da|das|dos|du|le|la|ten|ter|zu|bin|al|el)$/i;
/** dblp's homonym number ("Wei Wang 0001"). */
const HOMONYM = /^\d{4}$/;

const ASCII = /^[\x00-\x7f]*$/;
/** A word in Han, Hiragana, Katakana or Hangul alone ("山田", "佐々木", "ユーリ", "김"), a letter in it. */
const CJK_WORD = /^(?=.*\p{L})[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}]+$/u;


const UMLAUT = /[äöüÄÖÜ]/;
const WRITTEN_OUT: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue' };
const lettersOnly = (word: string) => foldText(word).replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * A family name's keys: letters and digits only ("O'Brien", "Smith-Jones" as written either way), accents dropped
 * ("Schölkopf" is "scholkopf"), and a German umlaut's also written out ("schoelkopf"), which a page may have instead.
 */
function familyKeys(word: string): Family {
  const family = lettersOnly(word);
  if (ASCII.test(word)) return { family };
  const composed = word.normalize('NFC');
  return UMLAUT.test(composed) ? { family, umlaut: lettersOnly(composed.replace(/[äöüÄÖÜ]/g, (letter) => WRITTEN_OUT[letter]!)) } : { family };
}

/** Two family names agree as last parts: the same key, or, where either has an umlaut, the same with it written out. */
function sameLast(a: Family, b: Family): boolean {
  return a.family === b.family || ((a.umlaut !== undefined || b.umlaut !== undefined) && (a.umlaut ?? a.family) === (b.umlaut ?? b.family));
}

/** Two family names agree, either read family name first where it is a name in Chinese, Japanese or Korean script. */
export function sameFamily(a: Family, b: Family): boolean {
  if (sameLast(a, b)) return true;
  if (a.first === undefined && b.first === undefined) return false;
  return a.first === b.family || b.first === a.family || (a.first !== undefined && a.first === b.first);
}

/** "Yann" → ["yann"]; "G. E." and Scholar's "GE" → ["g", "e"]; "Jean-Baptiste" → ["jean", "baptiste"]. */
function givenParts(words: readonly string[]): string[] {
  const parts: string[] = [];
  for (const word of words) {
    // Initials written together: Scholar's "GE Hinton", never a name of its own (those are capitalised, not capitals).
    if (/^\p{Lu}{2,3}$/u.test(word)) {
      for (const letter of word) parts.push(foldText(letter));
      continue;
    }
    // Any dash joins given names: a page may write "Jean‑Pierre" with a non-breaking hyphen (U+2011) or an en dash.
    for (const part of word.split(/[.\p{Pd}]+/u)) {
      const key = foldText(part).replace(/[^\p{L}\p{N}]+/gu, '');
      if (key) parts.push(key);
    }
  }
  return parts;
}

/**
 * A first word that is the family name's particle, not a given name: written in lower case, as a family name followed
 * alone is ("van der Maaten", "de Freitas"). A capitalised one is a given name ("Van Jacobson", "Di He", "Le Song").
 */
const leadingParticle = (word: string) => PARTICLE.test(word) && word === word.toLowerCase();

/** A name's family keys and its given names' words, unfolded (their parts are made only where the family agrees). */
function splitName(name: string): { family: Family; given: string[] } | null {
  const text = normalizeSpace(name);
  if (!/\p{L}/u.test(text)) return null;
  // "Family, Given" (BibTeX, dblp's sort form), BibTeX's "Family, Jr, Given", or "Given Family, Jr." (no given after it).
  const pieces = text.includes(',') ? text.split(',').map((piece) => piece.trim()) : [text.trim()];
  const inverted = pieces.length > 1 && pieces[1] !== '' && (pieces.length > 2 || !SUFFIX.test(pieces[1]!));
  const family = pieces[0]!.split(' ').filter(Boolean);
  const given = inverted ? pieces[pieces.length > 2 ? 2 : 1]!.split(' ').filter(Boolean) : [];
  while (family.length > 1 && (SUFFIX.test(family.at(-1)!) || HOMONYM.test(family.at(-1)!))) family.pop();
  if (!family.length) return null;
  // A name in Chinese, Japanese or Korean script is written family name first, without a comma ("山田 太郎").
  const first = !inverted && family.length > 1 && family.every((word) => CJK_WORD.test(word)) ? lettersOnly(family[0]!) : '';
  // "van der Maaten, Laurens" and "Laurens van der Maaten" alike: the family's last word is its key.
  const last = family.pop()!;
  if (!inverted) given.push(...family.filter((word, i) => !PARTICLE.test(word) || (i === 0 && !leadingParticle(word))));
  const keys: Family = familyKeys(last);
  if (first) keys.first = first;
  return keys.family ? { family: keys, given } : null;
}

/** Names of letters, spaces, dots, apostrophes and hyphens alone: no accent to fold, no comma, no homonym number. */
const PLAIN = /^[A-Za-z .'-]*$/;

/** A plain name's family key as splitName makes it (the last word's), or null when the name is not plain. */
function quickFamily(name: string): string | null {
  if (!PLAIN.test(name)) return null;
  const text = name.trimEnd();
  const last = text.slice(text.lastIndexOf(' ') + 1);
  return SUFFIX.test(last) ? null : last.toLowerCase().replace(/[^a-z]+/g, '');
}

/** A name's parts; null when it names no one (no letter in it). */
export function nameParts(name: string): NameParts | null {
  const split = splitName(name);
  return split && { ...split.family, given: givenParts(split.given) };
}

/** A given name agrees with another: equal, or one is an initial the other begins with. */
const sameGiven = (a: string, b: string) => (a.length === 1 || b.length === 1 ? a[0] === b[0] : a === b);

/** A name in Chinese, Japanese or Korean script read family name first: its first part the family, the others given. */
const familyFirst = (name: NameParts): NameParts | null => (name.first === undefined ? null : { family: name.first, given: [...name.given.slice(1), name.family] });

/**
 * Whether `name` (a paper's) is the author `followed` names: the same family name, and the given names both write
 * agree, first with first, second with second. A followed family name alone agrees with any given names; a page's
 * name without given names agrees only with it. A name in Chinese, Japanese or Korean script is read either way round.
 */
export function sameAuthor(followed: NameParts, name: NameParts): boolean {
  if (followed.first === undefined && name.first === undefined) return sameReading(followed, name);
  const theirs = [name, familyFirst(name)];
  return [followed, familyFirst(followed)].some((one) => one !== null && theirs.some((other) => other !== null && sameReading(one, other)));
}

function sameReading(followed: NameParts, name: NameParts): boolean {
  if (!sameLast(followed, name)) return false;
  if (!followed.given.length) return true;
  if (!name.given.length) return false;
  const both = Math.min(followed.given.length, name.given.length);
  for (let i = 0; i < both; i++) if (!sameGiven(followed.given[i]!, name.given[i]!)) return false;
  return true;
}

/** A name's family keys as sameAuthor compares them (null: it names no one), a plain name's without parsing it whole. */
export function nameFamily(name: string): Family | null {
  const quick = quickFamily(name);
  return quick !== null ? { family: quick } : (splitName(name)?.family ?? null);
}

/** The followed names of a paper's authors: each followed name as the reader wrote it, in their order. */
export type FollowedMatcher = (authors: readonly string[]) => string[];

/** Compiled once per page (or list): names that name no one are skipped. */
export function followedMatcher(followed: readonly string[]): FollowedMatcher {
  const match = followedOrders(followed);
  const names = followed.map((raw) => normalizeSpace(raw));
  return (authors) => match(authors).map((order) => names[order]!);
}

/**
 * How many of these papers (their author lists) each followed name finds, in the names' order: the options page says
 * which names find nothing in the reader's list (a misspelling, or someone not yet saved).
 */
export function countFollowed(followed: readonly string[], papers: Iterable<readonly string[]>): number[] {
  const match = followedOrders(followed);
  const counts = followed.map(() => 0);
  for (const authors of papers) for (const order of match(authors)) counts[order]!++;
  return counts;
}

/** The keys a family name is found under: its own, and its umlaut's written out or its first part where it has one (see sameFamily). */
export const lookupKeys = (family: Family): string[] =>
  family.umlaut !== undefined ? [family.family, family.umlaut] : family.first !== undefined ? [family.family, family.first] : [family.family];

/** The positions in `followed` of the names that find a paper's authors, in order. */
function followedOrders(followed: readonly string[]): (authors: readonly string[]) => number[] {
  const byFamily = new Map<string, { parts: NameParts; order: number }[]>();
  followed.forEach((raw, order) => {
    const parts = nameParts(raw);
    if (!parts) return;
    for (const key of lookupKeys(parts)) {
      const list = byFamily.get(key) ?? [];
      list.push({ parts, order });
      byFamily.set(key, list);
    }
  });
  if (!byFamily.size) return () => [];
  return (authors) => {
    let found: Set<number> | null = null;
    for (const author of authors) {
      const quick = quickFamily(author);
      if (quick !== null && !byFamily.has(quick)) continue; // the common case, decided without parsing the name
      const split = splitName(author);
      const candidates = split ? lookupKeys(split.family).flatMap((key) => byFamily.get(key) ?? []) : [];
      if (!split || !candidates.length) continue; // most authors: no followed family name, and their given names are never read
      const parts = { ...split.family, given: givenParts(split.given) };
      for (const candidate of candidates) {
        if (sameAuthor(candidate.parts, parts)) (found ??= new Set()).add(candidate.order);
      }
    }
    return found ? [...found].sort((a, b) => a - b) : [];
  };
}

/**
 * The list the options page saves from what the reader typed (one name a line): trimmed, blank lines dropped, a name
 * given twice (in any case or spacing) kept once, at most FOLLOWED_LIMITS.names. Names are kept as written.
 */
export function followedNames(lines: readonly string[]): string[] {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const line of lines) {
    const name = normalizeSpace(line).trim();
    const key = followedKey(name);
    if (!name || seen.has(key)) continue;
    seen.add(key);
    kept.push(name);
  }
  return kept.slice(0, FOLLOWED_LIMITS.names);
}

/** What makes two followed names one (followedNames keeps it once): the name trimmed, its case and accents folded. */
export function followedKey(name: string): string {
  return foldText(normalizeSpace(name).trim());
}

/** Why a followed name cannot be one (options page), or null. */
export function followedNameProblem(name: string): string | null {
  if (name.length > FOLLOWED_LIMITS.name) return `a name is at most ${FOLLOWED_LIMITS.name} characters`;
  if (!nameParts(name)) return 'a name needs letters';
  return null;
}

/**
 * The followed list after following the author `name` (added as written, once) or no longer following them (every
 * followed name that finds them goes: "Yann LeCun" and "LeCun" both, for a popup's "Y. LeCun").
 */
export function changeFollowed(followed: readonly string[], name: string, follow: boolean): string[] {
  if (follow) {
    // followedNames keeps the first 500: a new name past them was dropped, and the popup's toggle stayed unpressed with
    // nothing said. Refused with why instead (the popup and the library show a failed change's message); a name
    // followed already changes nothing, and an unfollow is never refused.
    const key = followedKey(name);
    if (followed.length >= FOLLOWED_LIMITS.names && !followed.some((kept) => followedKey(kept) === key)) {
      throw new Error(`You follow ${FOLLOWED_LIMITS.names} authors, the most Papershelf keeps: stop following one to follow another`);
    }
    return followedNames([...followed, name]);
  }
  const author = nameParts(name);
  return followed.filter((kept) => {
    const parts = nameParts(kept);
    return !(author && parts && sameAuthor(parts, author));
  });
}
