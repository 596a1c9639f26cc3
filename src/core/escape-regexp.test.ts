import { describe, expect, it } from 'vitest';
import { escapeRegExp } from './escape-regexp';

describe('escapeRegExp', () => {
  const hostile = ['a.b', 'c++', '(x|y)', '[a-z]', '^start$', 'a{2,}', 'back\\slash', 'p/q', '?*+', 'mixed (R^2) [v1.0]/x'];

  it.each(hostile)('matches %j literally, with and without the u flag', (text) => {
    for (const flags of ['', 'u']) {
      const re = new RegExp(`^${escapeRegExp(text)}$`, flags);
      expect(re.test(text)).toBe(true);
      // The metacharacters no longer act: the text with one character changed does not match.
      expect(re.test(`${text}x`)).toBe(false);
    }
  });

  it('leaves text without metacharacters as it is', () => {
    expect(escapeRegExp('graph neural networks')).toBe('graph neural networks');
    expect(escapeRegExp('émigré 中文')).toBe('émigré 中文');
  });

  it('escapes a dot so it matches only a dot', () => {
    expect(new RegExp(escapeRegExp('v1.0')).test('v1x0')).toBe(false);
  });
});
