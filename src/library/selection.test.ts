import { describe, expect, it } from 'vitest';
import { toggleAll, toggleSelection } from './selection';

const order = ['a', 'b', 'c', 'd', 'e'];
const sorted = (set: Set<string>) => [...set].sort();

describe('selection', () => {
  it('toggles one item', () => {
    expect(sorted(toggleSelection(new Set(), order, 'b', null, false))).toEqual(['b']);
    expect(sorted(toggleSelection(new Set(['b']), order, 'b', 'b', false))).toEqual([]);
  });

  it('selects a range from the anchor, in either direction', () => {
    expect(sorted(toggleSelection(new Set(['b']), order, 'd', 'b', true))).toEqual(['b', 'c', 'd']);
    expect(sorted(toggleSelection(new Set(['d']), order, 'a', 'd', true))).toEqual(['a', 'b', 'c', 'd']);
  });

  it('clears a range when the target was selected', () => {
    expect(sorted(toggleSelection(new Set(order), order, 'd', 'b', true))).toEqual(['a', 'e']);
  });

  it('falls back to a single toggle when the anchor is gone', () => {
    expect(sorted(toggleSelection(new Set(), order, 'c', 'zz', true))).toEqual(['c']);
  });

  it('selects all visible, or clears them when all are selected', () => {
    expect(sorted(toggleAll(new Set(['x']), ['a', 'b']))).toEqual(['a', 'b', 'x']);
    expect(sorted(toggleAll(new Set(['a', 'b', 'x']), ['a', 'b']))).toEqual(['x']);
  });
});
