import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assemble, assembling, compile, indexDoc } from './compile';
import { buildModel, type RelevanceInput } from './model';
import { packedBytes, packedFromBytes, packIndex, unpackIndex, type PackedIndex } from './pack';
import { scorer } from './score';
import { internTerm } from './tokenize';

const area = (name: string): RelevanceInput[] =>
  readFileSync(new URL(`../../../test/data/relevance/${name}.tsv`, import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((line, i) => {
      const [title, abstract] = line.split('\t') as [string, string];
      return { id: `${name}:${i}`, title, abstract, tags: i % 5 ? [] : ['to try'] };
    });

const library = [...area('rl').slice(0, 20), ...area('graphs').slice(0, 20)];
const page = [...area('rl').slice(20), ...area('speech-audio').slice(0, 20)];

describe('packIndex / unpackIndex (the stored form of the compiled index)', () => {
  it('unpacks to the index it packed: every array, and so every score, the same', () => {
    const index = compile(buildModel(library));
    const packed = packIndex(index);
    // Each term once, as a string: ids are this process's own.
    expect(new Set(packed.terms.split('\n')).size).toBe(packed.terms.split('\n').length);
    expect(packed.terms.split('\n').length).toBe(index.df.filter((df) => df > 0).length);
    const again = assemble(unpackIndex(structuredClone(packed))!);
    expect(again).toEqual(index);
    const a = scorer(index, { background: page });
    const b = scorer(again, { background: page });
    expect(page.map((c) => b.score(c))).toEqual(page.map((c) => a.score(c)));
  });

  it('keeps each paper in order of term id when this worker numbered the terms otherwise (it interned some before)', () => {
    const second = `pack-order-${Math.random()}-b`;
    const secondId = internTerm(second); // interned here before unpacking: the lower id, though listed second
    const first = `pack-order-${Math.random()}-a`;
    const packed: PackedIndex = { terms: `${first}\n${second}`, ids: ['a', 'b'], titles: ['A', 'B'], docStart: Int32Array.from([0, 2, 3]), fwd: Int32Array.from([0, 1, 0]), tf: Float32Array.from([1.5, 2.5, 3.5]) };
    const [a, b] = unpackIndex(packed)!;
    const firstId = internTerm(first);
    expect(firstId).toBeGreaterThan(secondId);
    expect([...a!.terms]).toEqual([secondId, firstId]);
    expect([...a!.tf]).toEqual([2.5, 1.5]); // each weight stays with its term
    expect([...b!.terms]).toEqual([firstId]);
    expect(a).toMatchObject({ id: 'a', title: 'A' });
  });

  it('an empty library packs and unpacks', () => {
    const packed = packIndex(compile(buildModel([])));
    expect(packed).toMatchObject({ terms: '', ids: [], titles: [] });
    expect(unpackIndex(packed)).toEqual([]);
  });

  it('refuses a value that is not a whole packed index, rather than score with it', () => {
    const good = packIndex(compile(buildModel(library.slice(0, 3))));
    const n = good.fwd.length;
    const damaged: unknown[] = [
      null,
      'index',
      { ...good, terms: 7 },
      { ...good, ids: [...good.ids, 'extra'] },
      { ...good, titles: good.titles.slice(1) },
      { ...good, ids: good.ids.map((id, i) => (i ? id : 1)) },
      { ...good, fwd: Array.from(good.fwd) },
      { ...good, tf: new Float64Array(good.tf) },
      { ...good, docStart: Int32Array.from([1, ...good.docStart.slice(1)]) },
      { ...good, docStart: Int32Array.from([0, n, 1, n]) }, // a paper ending before it starts
      { ...good, docStart: good.docStart.slice(0, -1) },
      { ...good, tf: good.tf.slice(1) },
      { ...good, fwd: Int32Array.from(good.fwd, (p, i) => (i === 5 ? good.terms.split('\n').length : p)) }, // past the dictionary
      { ...good, fwd: Int32Array.from(good.fwd, (p, i) => (i === 5 ? -1 : p)) },
      { ...good, terms: `${good.terms}\n${good.terms.split('\n')[0]}` }, // a term twice
    ];
    expect(unpackIndex(good)).not.toBeNull();
    for (const value of damaged) expect(unpackIndex(value)).toBeNull();
  });
});

describe('packedBytes / packedFromBytes (the packed index as the bytes of one Blob)', () => {
  const joined = (parts: Uint8Array[]) => {
    const all = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
    parts.reduce((at, p) => (all.set(p, at), at + p.byteLength), 0);
    return all.buffer;
  };

  it('reads back the packed index it wrote, whatever the parts\' size, and so scores the same', async () => {
    const index = compile(buildModel(library));
    const packed = packIndex(index);
    packed.titles = packed.titles.map((t, i) => (i === 0 ? `${t} \n "quoted" — Ünïcode 😀` : t)); // any text survives
    const parts = [...packedBytes(packed, 1000)];
    expect(parts.length).toBeGreaterThan(10);
    expect(Math.max(...parts.map((p) => p.byteLength))).toBeLessThanOrEqual(1000);
    const read = packedFromBytes(await new Blob(parts).arrayBuffer())!;
    expect(read).toEqual(packed);
    expect(packedFromBytes(joined([...packedBytes(packed)]))).toEqual(packed);
    const again = assemble(unpackIndex(packedFromBytes(joined([...packedBytes(packIndex(index))]))!)!);
    expect(page.map((c) => scorer(again, { background: page }).score(c))).toEqual(page.map((c) => scorer(index, { background: page }).score(c)));
  });

  it('an empty library', () => {
    const packed = packIndex(compile(buildModel([])));
    expect(packedFromBytes(joined([...packedBytes(packed)]))).toEqual(packed);
  });

  it('refuses bytes that are not a packed index it wrote', () => {
    const good = new Uint8Array(joined([...packedBytes(packIndex(compile(buildModel(library.slice(0, 3)))))]));
    const trailerAt = good.byteLength - 24;
    const trailer = new Int32Array(good.buffer.slice(trailerAt)); // papers, entries, bytes of terms, ids, titles, magic
    const withTrailer = (i: number, value: number) => {
      const copy = good.slice();
      const changed = trailer.slice();
      changed[i] = value;
      copy.set(new Uint8Array(changed.buffer), trailerAt);
      return copy.buffer;
    };
    const withByte = (at: number, value: number) => {
      const copy = good.slice();
      copy[at] = value;
      return copy.buffer;
    };
    const titlesAt = trailerAt - trailer[4]!;
    const termsAt = titlesAt - trailer[3]! - trailer[2]!;
    const damaged: ArrayBuffer[] = [
      new ArrayBuffer(0),
      good.buffer.slice(0, 23), // shorter than a trailer
      good.buffer.slice(1),
      good.buffer.slice(0, good.byteLength - 1),
      joined([new Uint8Array(4), good]),
      withTrailer(5, 0x12345678), // not our magic
      withTrailer(0, -1),
      withTrailer(0, trailer[0]! + 1), // a paper more than the bytes hold
      withTrailer(1, trailer[1]! - 1),
      withTrailer(2, trailer[2]! + 1),
      withByte(termsAt, 0xff), // not UTF-8
      withByte(titlesAt, 0x7b), // titles that are not JSON
    ];
    expect(packedFromBytes(good.buffer)).not.toBeNull();
    for (const bytes of damaged) expect(packedFromBytes(bytes)).toBeNull();
  });
});

describe('assembling (the index assembled in steps)', () => {
  it('gives the index assemble gives, pausing after each step of each pass', () => {
    const model = buildModel(library);
    const docs = Object.keys(model.docs).map((id) => indexDoc(id, model.docs[id]!));
    for (const per of [1, 7, docs.length, docs.length + 1]) {
      const steps = assembling(docs, per);
      let pauses = 0;
      let step = steps.next();
      for (; !step.done; step = steps.next()) pauses++;
      expect(step.value).toEqual(assemble(docs));
      expect(step.value).toEqual(compile(model));
      expect(pauses).toBe(2 * Math.floor(docs.length / per) + 1);
    }
  });
});
