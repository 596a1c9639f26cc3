// Text folded for matching what a reader types against what a page wrote: case, accents and compatibility forms
// dropped (É is e, ﬁ is fi, ² is 2), and the Latin letters that have no accent to drop written as a reader without
// them types them (ß ss, æ ae, ø o, ł l, …): "strasse" finds "Straße", "lukasz" finds "Łukasz". Pure.

const ASCII = /^[\x00-\x7f]*$/;
/**
 * Marks on Latin, Greek and Cyrillic letters, which readers leave off; in other scripts a mark is part of the
 * letter (デ is not テ, and Devanagari's vowel signs are marks), so those stay.
 */
const ACCENTS = /([\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}])\p{M}+/gu;
/** Lowercase letters that no decomposition reaches, as they are written in ASCII. */
const WRITTEN: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ħ: 'h', ŧ: 't' };
const UNDECOMPOSED = /[ßæœøłđðþıħŧ]/g;

/** Lowercased, accents (of Latin, Greek and Cyrillic letters) and compatibility forms folded, ß æ œ ø ł đ ð þ ı ħ ŧ written out; ASCII is only lowercased. */
export function foldText(text: string): string {
  if (ASCII.test(text)) return text.toLowerCase(); // most text: nothing to fold, and normalize() costs
  return text
    .normalize('NFKD')
    .replace(ACCENTS, '$1')
    .normalize('NFKC')
    .toLowerCase()
    .replace(UNDECOMPOSED, (letter) => WRITTEN[letter]!);
}
