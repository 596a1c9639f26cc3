import { describe, expect, it } from 'vitest';
import { foldText } from './fold';

describe('foldText', () => {
  it.each([
    ['Straße', 'strasse'],
    ['STRASSE', 'strasse'],
    ['GROẞE', 'grosse'], // the capital sharp s lowercases to ß, then is written out
    ['Łukasz Kaiser', 'lukasz kaiser'],
    ['Schölkopf', 'scholkopf'],
    ['Ærø', 'aero'],
    ['Œuvre', 'oeuvre'],
    ['Đorđević', 'dordevic'],
    ['Þórður', 'thordur'],
    ['Yıldız', 'yildiz'],
    ['İstanbul', 'istanbul'], // İ lowercases to i and a combining dot, which is dropped
    ['ﬁne-tuning', 'fine-tuning'],
    ['x²', 'x2'],
    ['ＧＰＴ', 'gpt'], // fullwidth
    ['Attention Is All You Need', 'attention is all you need'],
    ['Ἀθῆναι', 'αθηναι'],
    ['大規模言語モデル', '大規模言語モデル'], // the dakuten is part of デ
    ['भाषा मॉडल', 'भाषा मॉडल'], // Devanagari's vowel signs are marks, and letters

  ])('%s → %s', (text, folded) => expect(foldText(text)).toBe(folded));
});
