import { describe, expect, it } from 'vitest';
import { cutArraySteps, parseObject, type CutArray } from './json-lazy';
import { runSteps } from './steps';
import { mulberry32 } from './random';

const SEPARATOR = '},{"paper":';

/** What JSON.parse gives for an object, else null. */
const expected = parseObject;

const cut = (text: string, perStep?: number): CutArray | null => runSteps(cutArraySteps(text, { key: 'dailyPapers', separator: SEPARATOR, perStep }));

/**
 * The caller's way (the Hugging Face adapter's): the cut document with every element asked for, or the document
 * parsed whole where it is not cut or an element throws. Must be JSON.parse's answer.
 */
function parse(text: string): unknown {
  const c = cut(text);
  if (!c) return expected(text);
  try {
    const elements = c.starts.map((_, i) => c.element(i));
    return { ...c.value, dailyPapers: [...elements, ...(c.value.dailyPapers as unknown[])] };
  } catch {
    return expected(text);
  }
}
const same = (text: string) => expect(parse(text), text).toEqual(expected(text));

describe('cutArraySteps', () => {
  it('cuts a listing between its items, parses the rest at once and an item only when asked for', () => {
    const items = Array.from({ length: 40 }, (_, i) => ({ paper: { id: `2607.${10000 + i}`, title: `Paper ${i}`, authors: [{ name: 'A' }, { name: 'B' }] }, title: 'x' }));
    const listing = { dailyPapers: items, date: '2026-07-02', nested: { dailyPapers: [{ not: 'this one' }] } };
    const text = JSON.stringify(listing);
    const c = cut(text)!;
    expect(c.starts).toHaveLength(39); // the last item is the rest's
    expect(c.value).toEqual({ ...listing, dailyPapers: [items[39]] });
    const head = (id: string) => `{"paper":{"id":"${id}"`;
    expect(c.starts.map((start, i) => text.slice(start, start + head(items[i]!.paper.id).length))).toEqual(items.slice(0, 39).map((item) => head(item.paper.id)));
    expect(c.element(17)).toEqual(items[17]);
    expect(parse(text)).toEqual(listing);
    same(JSON.stringify(listing, null, 2)); // no cut matches with whitespace: parsed whole
  });

  it('answers an item whatever is wrong with another: the damaged one throws, so the caller parses the whole (and gets null)', () => {
    const items = Array.from({ length: 5 }, (_, i) => JSON.stringify({ paper: { id: String(i) } }));
    items[3] = '{"paper":{"id":"3",}}';
    const text = `{"dailyPapers":[${items.join(',')}]}`;
    const c = cut(text)!;
    expect(c.element(1)).toEqual({ paper: { id: '1' } });
    expect(() => c.element(3)).toThrow(SyntaxError);
    expect(parse(text)).toBeNull();
    expect(expected(text)).toBeNull();
  });

  it('an item holding its own list of such objects: the cut inside it makes it throw', () => {
    const nested = '{"paper":{"id":"0","versions":[{"paper":{"id":"0v1"}},{"paper":{"id":"0v2"}}]}}';
    const text = `{"dailyPapers":[${nested},{"paper":{"id":"1"}},{"paper":{"id":"2"}}]}`;
    const c = cut(text)!;
    expect(c.starts).toHaveLength(3); // cut inside the first item, and after it
    expect(() => c.element(0)).toThrow(SyntaxError);
    same(text);
  });

  it('gives JSON.parse\'s answer for tricky but valid text', () => {
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
      same(text);
    }
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('gives null wherever JSON.parse throws or the value is no object', () => {
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
      expect(parse(text), text).toBeNull();
      expect(expected(text), text).toBeNull();
    }
  });

  it('agrees with JSON.parse on generated listings and on every kind of one-character damage to them', () => {
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
      same(text);
      for (let k = 0; k < 12; k++) {
        const at = Math.floor(random() * text.length);
        const damaged = random() < 0.5 ? text.slice(0, at) + text.slice(at + 1) : text.slice(0, at) + pick(['[', ']', '{', '}', ',', '"', '\\', ':', ' ', SEPARATOR]) + text.slice(at);
        same(damaged);
      }
    }
  });

  it('cuts that run past the array into a later one: the element spanning its end throws', () => {
    const text = '{"dailyPapers":[{"paper":{"id":"a"}},{"paper":{"id":"b"}}],"x":[{"paper":1},{"paper":2},{"paper":3}]}';
    const c = cut(text)!;
    expect(c.starts).toHaveLength(3);
    expect(c.element(0)).toEqual({ paper: { id: 'a' } });
    expect(() => c.element(1)).toThrow(SyntaxError); // b, the end of dailyPapers and x's first
    expect(c.value).toEqual({ dailyPapers: [{ paper: 3 }] }); // x swallowed: found wrong once element 1 is asked for
    same(text);
  });

  it('yields every perStep items cut, and gives the same answer', () => {
    const items = Array.from({ length: 3000 }, (_, i) => ({ paper: { id: `2607.${String(i).padStart(5, '0')}`, title: `Paper ${i}` }, summary: 'x'.repeat(200) }));
    const text = JSON.stringify({ dailyPapers: items, date: '2026-07-02' });
    const steps = cutArraySteps(text, { key: 'dailyPapers', separator: SEPARATOR, perStep: 100 });
    let yields = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) yields++;
    expect(yields).toBe(29); // 2,999 items cut
    expect(step.value!.element(2999 - 1)).toEqual(items[2998]);
    expect(parse(text)).toEqual(JSON.parse(text));
  });

  it('refuses a separator that does not begin between two objects', () => {
    expect(() => runSteps(cutArraySteps('{}', { key: 'k', separator: ',' }))).toThrow(/separator/);
  });
});
