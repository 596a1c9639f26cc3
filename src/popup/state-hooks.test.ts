import { describe, expect, it } from 'vitest';
import { searchText } from './state-hooks';

describe('searchText: what a typed search narrows the list by', () => {
  it('searches from two characters, trimmed', () => {
    expect(searchText('  gr ')).toBe('gr');
    expect(searchText('g')).toBe('');
    expect(searchText('   ')).toBe('');
  });

  it('counts characters, not UTF-16 units: one beyond the BMP (an emoji, a rarer Han character) is one', () => {
    expect(searchText('𠮷')).toBe('');
    expect(searchText(' 🙂 ')).toBe('');
    expect(searchText('吉')).toBe('');
    expect(searchText('𠮷野')).toBe('𠮷野');
  });

  it('does not narrow for punctuation alone, which has no word to find (it hid the whole list)', () => {
    for (const typed of ['.*', '***', '..', '--', '""', '((', '?!', '...']) expect(searchText(typed)).toBe('');
  });

  it('keeps punctuation around a word: the word is searched', () => {
    expect(searchText('"diffusion"')).toBe('"diffusion"');
    expect(searchText('C++')).toBe('C++');
    expect(searchText('.*llm')).toBe('.*llm');
  });
});
