import { describe, expect, it } from 'vitest';
import { parseObjectInSlices, type SlicedParse } from './json-slices';
import { mulberry32 } from './random';

const SEPARATOR = '},{"paper":';
const noPause = async () => {};

/** What JSON.parse gives for an object, else null: the answer parseObjectInSlices must give. */
function expected(text: string): unknown {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : null;
  } catch {
    return null;
  }
}

/** Tiny pieces, so short texts are cut many times. */
const parse = (text: string, options: Partial<SlicedParse> = {}) =>
  parseObjectInSlices(text, { key: 'dailyPapers', separator: SEPARATOR, pause: noPause, piece: 8, ...options });
const same = async (text: string) => expect(await parse(text), text).toEqual(expected(text));

describe('parseObjectInSlices', () => {
  it('parses a listing like JSON.parse, cut between its items', async () => {
    const items = Array.from({ length: 40 }, (_, i) => ({ paper: { id: `2607.${10000 + i}`, title: `Paper ${i}`, authors: [{ name: 'A' }, { name: 'B' }] }, title: 'x' }));
    const listing = { dailyPapers: items, date: '2026-07-02', nested: { dailyPapers: [{ not: 'this one' }] } };
    const text = JSON.stringify(listing);
    let pieces = 0;
    const value = await parseObjectInSlices(text, { key: 'dailyPapers', separator: SEPARATOR, pause: noPause, piece: 8, clock: () => pieces++ });
    expect(value).toEqual(listing);
    expect(pieces).toBeGreaterThan(30); // the clock is read once per piece
    await same(JSON.stringify(listing, null, 2)); // no cut matches with whitespace: parsed whole
  });

  it('gives JSON.parse\'s answer for tricky but valid text', async () => {
    const item = (t: string) => `{"paper":{"id":"1","t":${JSON.stringify(t)}}}`;
    for (const text of [
      '{}',
      '{"dailyPapers":[]}',
      `{"dailyPapers":[${item('a')},${item('b')},${item('c')}]}`,
      // The separator inside strings, at the end of a string, and inside an element's own nested list.
      `{"dailyPapers":[${item('},{"paper":')},${item('x},{')},${item('q')}]}`,
      `{"dailyPapers":[{"paper":{"more":[{"a":1},{"paper":2},{"paper":3}]}},${item('z')},${item('y')}]}`,
      // The key twice, or spelled with an escape: JSON.parse keeps the last.
      `{"dailyPapers":[${item('a')},${item('b')},${item('c')}],"dailyPapers":[${item('d')}]}`,
      `{"dailyPapers":[${item('a')},${item('b')},${item('c')}],"daily\\u0050apers":[1]}`,
      `{"daily\\u0050apers":[1],"dailyPapers":[${item('a')},${item('b')},${item('c')}]}`,
      `{"x":{"dailyPapers":[${item('a')},${item('b')},${item('c')}]}}`,
      `{"dailyPapers":{"dailyPapers":[${item('a')},${item('b')},${item('c')}]}}`,
      `{"__proto__":[1],"dailyPapers":[{"paper":{"__proto__":{"polluted":true}}},${item('b')},${item('c')}]}`,
    ]) {
      await same(text);
    }
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('gives null wherever JSON.parse throws or the value is no object', async () => {
    const item = '{"paper":{"id":"1"}}';
    for (const text of [
      '',
      '[]',
      '42',
      `{"dailyPapers":[${item},${item},${item},]}`,
      `{"dailyPapers":[${item},,${item},${item}]}`,
      `{"dailyPapers":[${item},${item} ${item}]}`,
      `{"dailyPapers":[${item},${item},${item}]`,
      `{"dailyPapers":[${item},${item},${item}]]}`,
      `{"dailyPapers":[${item},${item},${item}]} x`,
      `{"dailyPapers":[${item},${item},${item}],"other":tru}`,
      `{"dailyPapers":[{"paper":{"id":"1}},${item},${item}]}`,
      `{"dailyPapers":[${item},{"paper":NaN},${item}]}`,
      `{"a":1}{"dailyPapers":[${item},${item},${item}]}`,
    ]) {
      expect(await parse(text), text).toBeNull();
      expect(expected(text), text).toBeNull();
    }
  });

  it('agrees with JSON.parse on generated listings and on every kind of one-character damage to them', async () => {
    const random = mulberry32(7);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
    const value = (depth: number): unknown => {
      const r = random();
      if (depth > 3 || r < 0.3) return pick([0, -1.5e3, true, null, '', 'a"b', '\\', ']', '},{"paper":', '\u00e9']);
      if (r < 0.6) return Array.from({ length: Math.floor(random() * 4) }, () => value(depth + 1));
      return Object.fromEntries(Array.from({ length: Math.floor(random() * 4) }, () => [pick(['id', 'paper', 'dailyPapers', 'k']), value(depth + 1)]));
    };
    for (let n = 0; n < 80; n++) {
      const items = Array.from({ length: 2 + Math.floor(random() * 8) }, () => ({ paper: value(1), more: value(2) }));
      const doc = random() < 0.8 ? { dailyPapers: items, other: value(1) } : { other: value(1), dailyPapers: items, [pick(['dailyPapers', 'x'])]: value(1) };
      const text = JSON.stringify(doc);
      await same(text);
      for (let k = 0; k < 12; k++) {
        const at = Math.floor(random() * text.length);
        const damaged = random() < 0.5 ? text.slice(0, at) + text.slice(at + 1) : text.slice(0, at) + pick(['[', ']', '{', '}', ',', '"', '\\', ':', ' ', SEPARATOR]) + text.slice(at);
        await same(damaged);
      }
    }
  });

  it('pauses between slices of work, and still gives the same answer', async () => {
    const items = Array.from({ length: 3000 }, (_, i) => ({ paper: { id: `2607.${String(i).padStart(5, '0')}`, title: `Paper ${i}` }, summary: 'x'.repeat(200) }));
    const text = JSON.stringify({ dailyPapers: items, date: '2026-07-02' });
    let now = 0;
    let pauses = 0;
    // A clock that moves 1 ms per reading (one per piece), pieces of ~4 kB: a pause every 8 pieces.
    const result = await parseObjectInSlices(text, { key: 'dailyPapers', separator: SEPARATOR, pause: async () => void pauses++, piece: 4096, clock: () => now++ });
    expect(result).toEqual(JSON.parse(text));
    expect(pauses).toBeGreaterThan(10);
  });

  it('refuses a separator that does not begin between two objects', async () => {
    await expect(parseObjectInSlices('{}', { key: 'k', separator: ',', pause: noPause })).rejects.toThrow(/separator/);
  });
});
