import { describe, expect, it } from 'vitest';
import { parseObjectInSlices } from './json-slices';
import { mulberry32 } from './random';

const KEYS = ['dailyPapers', 'searchResults'] as const;
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

const same = async (text: string) => expect(await parseObjectInSlices(text, KEYS, noPause)).toEqual(expected(text));

describe('parseObjectInSlices', () => {
  it('parses a listing like JSON.parse, one element at a time', async () => {
    const listing = {
      dailyPapers: [{ paper: { id: '2607.00001', title: 'A [bracketed], {braced} "quoted" title \\ with \u2028 and 😀' } }, { paper: { id: '2607.00002' } }, 3, [1, [2]], null, 'x'],
      date: '2026-07-02',
      nested: { dailyPapers: [{ not: 'this one' }] },
      searchResults: [],
    };
    await same(JSON.stringify(listing));
    await same(JSON.stringify(listing, null, 2)); // whitespace everywhere
    await same(` \n${JSON.stringify(listing)}\t `);
  });

  it('gives JSON.parse\'s answer for tricky but valid text', async () => {
    for (const text of [
      '{}',
      '{"dailyPapers":[]}',
      '{"dailyPapers":[ ]}',
      '{"dailyPapers":[{}]}',
      '{"dailyPapers":{"a":[1,2]}}', // not an array: parsed whole
      '{"dailyPapers":[1],"dailyPapers":[2,3]}', // the last key wins
      '{"dailyPapers":[1],"dailyPapers":2}',
      '{"dailyPapers":2,"dailyPapers":[4]}',
      '{"a":"\\"dailyPapers\\":[9]","dailyPapers":["\\\\",",","]","[","\\u005d"]}', // look-alikes inside strings
      '{"daily\\u0050apers":[7,8]}', // an escaped key is the same key
      '{"x":{"dailyPapers":[1]},"dailyPapers":[[{"dailyPapers":[2]}]]}',
      '{"__proto__":[1],"dailyPapers":[{"__proto__":{"polluted":true}}]}',
    ]) {
      await same(text);
    }
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('gives null wherever JSON.parse throws or the value is no object', async () => {
    for (const text of [
      '',
      ' ',
      '[]',
      '"dailyPapers"',
      '42',
      'null',
      '{',
      '}',
      '{"dailyPapers":[1,]}',
      '{"dailyPapers":[,1]}',
      '{"dailyPapers":[1 2]}',
      '{"dailyPapers":[1],}',
      '{"dailyPapers":[1]',
      '{"dailyPapers":[1]]}',
      '{"dailyPapers":[1]}}',
      '{"dailyPapers":[1]} x',
      '{"dailyPapers":["unterminated]}',
      '{"dailyPapers":[1],"other":tru}',
      '{"dailyPapers":[1] "other":1}',
      '{dailyPapers:[1]}',
      "{'dailyPapers':[1]}",
      '{"dailyPapers":[NaN]}',
      '{"dailyPapers":[01]}',
      '{"a":1}{"b":2}',
    ]) {
      expect(await parseObjectInSlices(text, KEYS, noPause), text).toBeNull();
      expect(expected(text), text).toBeNull();
    }
  });

  it('agrees with JSON.parse on generated listings and on every one-character damage to them', async () => {
    const random = mulberry32(7);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
    const value = (depth: number): unknown => {
      const r = random();
      if (depth > 3 || r < 0.3) return pick([0, -1.5e3, true, false, null, '', 'a"b', '\\', ']', '},{', '\u00e9']);
      if (r < 0.6) return Array.from({ length: Math.floor(random() * 4) }, () => value(depth + 1));
      return Object.fromEntries(Array.from({ length: Math.floor(random() * 4) }, () => [pick(['id', 'paper', 'dailyPapers', 'k', '']), value(depth + 1)]));
    };
    for (let n = 0; n < 60; n++) {
      const doc: Record<string, unknown> = { [pick(KEYS)]: Array.from({ length: 1 + Math.floor(random() * 5) }, () => value(1)), other: value(1) };
      const text = JSON.stringify(doc, null, random() < 0.5 ? 0 : 1);
      await same(text);
      for (let k = 0; k < 10; k++) {
        const at = Math.floor(random() * text.length);
        const damaged = random() < 0.5 ? text.slice(0, at) + text.slice(at + 1) : text.slice(0, at) + pick(['[', ']', '{', '}', ',', '"', '\\', ':', ' ']) + text.slice(at);
        await same(damaged);
      }
    }
  });

  it('pauses between slices of work, and still gives the same answer', async () => {
    const items = Array.from({ length: 3000 }, (_, i) => ({ paper: { id: `2607.${String(i).padStart(5, '0')}`, title: `Paper ${i}`, summary: 'x'.repeat(200) } }));
    const text = JSON.stringify({ dailyPapers: items, date: '2026-07-02' });
    let now = 0;
    let pauses = 0;
    // A clock that moves 1 ms per reading: a slice is 8 readings.
    const result = await parseObjectInSlices(text, KEYS, async () => void pauses++, 8, () => now++);
    expect(result).toEqual(JSON.parse(text));
    expect(pauses).toBeGreaterThan(100);
  });
});
