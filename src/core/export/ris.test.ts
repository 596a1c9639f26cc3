import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-ris';
import type { SavedPaper } from '../../storage/schema';
import { exportPapers } from './formats';
import { acl, attention, emoji, openreview, realistic, texTitle } from '../../../test/fixtures/export/papers';

const fixture = (name: string) => readFileSync(new URL(`../../../test/fixtures/export/${name}`, import.meta.url), 'utf8');

async function ris(papers: SavedPaper[]): Promise<string> {
  return (await exportPapers(papers, 'ris', { now: Date.UTC(2026, 0, 2) })).text;
}

/** Records as tag → values, read the way Zotero's RIS translator reads lines (`TAG  - value`). */
function records(text: string): Map<string, string[]>[] {
  const out: Map<string, string[]>[] = [];
  let current: Map<string, string[]> | null = null;
  for (const line of text.split('\r\n')) {
    if (!line) continue;
    const m = /^([A-Z][A-Z0-9]) {2}- ?(.*)$/.exec(line);
    if (!m) throw new Error(`not a RIS line: ${JSON.stringify(line)}`);
    const [, tag, value] = m as unknown as [string, string, string];
    if (tag === 'TY') out.push((current = new Map()));
    if (!current) throw new Error('tag before TY');
    if (tag === 'ER') {
      current = null;
      continue;
    }
    current.set(tag, [...(current.get(tag) ?? []), value]);
  }
  return out;
}

describe('RIS export', () => {
  it('writes the record Zotero imports as a journal article for an arXiv preprint (golden, written by hand)', async () => {
    expect(await ris([attention])).toBe(fixture('golden-attention.ris'));
  });

  it('writes a CONF record with the proceedings in C3 for a DOI-only ACL paper (golden, written by hand)', async () => {
    expect(await ris([acl])).toBe(fixture('golden-acl.ris'));
  });

  it('writes PY and a DA with the parts a date has, the others empty (YYYY/MM/DD/), for a year or a month alone', async () => {
    const dated = (published: string) => ({ ...acl, paper: { ...acl.paper, published } });
    const [year] = records(await ris([dated('2023')]));
    expect([year?.get('PY'), year?.get('DA')]).toEqual([['2023'], ['2023///']]);
    const [month] = records(await ris([dated('2023-07')]));
    expect([month?.get('PY'), month?.get('DA')]).toEqual([['2023'], ['2023/07//']]);
    const [preprint] = records(await ris([{ ...attention, paper: { ...attention.paper, published: '2017' } }]));
    expect([preprint?.get('PY'), preprint?.get('DA')]).toEqual([['2017'], ['2017///']]);
  });

  it('has the Zotero-critical tags in every record: TY first, TI, AU per author, PY and DA, UR, DO, ER last', async () => {
    const text = await ris(realistic);
    const parsed = records(text);
    expect(parsed).toHaveLength(realistic.length);
    for (const [i, record] of parsed.entries()) {
      const saved = realistic[i]!;
      expect([...record.keys()][0]).toBe('TY');
      expect(record.get('TI')).toHaveLength(1);
      expect(record.get('AU')).toHaveLength(saved.paper.authors.length);
      expect(record.get('UR')?.[0]).toMatch(/^https:\/\//);
      if (saved.paper.published) {
        expect(record.get('PY')).toEqual([saved.paper.published.slice(0, 4)]);
        expect(record.get('DA')).toEqual([`${saved.paper.published.replaceAll('-', '/')}/`]);
      }
      if (saved.id.startsWith('doi:') || saved.id.startsWith('arxiv:2')) expect(record.get('DO')).toHaveLength(1);
      expect(record.get('ID')).toEqual([saved.id]);
    }
    expect(text.split('\r\n\r\n').every((r) => r.replace(/\r\n$/, '').endsWith('\r\nER  - '))).toBe(true);
    expect(parsed.map((r) => r.get('TY')?.[0])).toEqual(['JOUR', 'JOUR', 'JOUR', 'JOUR', 'CONF', 'CONF']);
  });

  it('writes each value on one line: no 70-column wrapping, no line breaks from notes or abstracts', async () => {
    const longTitle = 'A '.repeat(120).trim();
    const multiline: SavedPaper = { ...texTitle, paper: { ...texTitle.paper, title: longTitle, abstract: 'line one\nER  - \nTY  - JOUR\nline four' } };
    const text = await ris([multiline]);
    const [record] = records(text);
    expect(record?.get('TI')).toEqual([longTitle]);
    expect(record?.get('AB')).toEqual(['line one ER - TY - JOUR line four']);
    for (const line of text.split('\r\n')) expect(line === '' || /^[A-Z][A-Z0-9] {2}- /.test(line)).toBe(true);
  });

  it('keeps names, TeX and Unicode as they are (RIS is plain UTF-8 text)', async () => {
    const [tex, emo] = records(await ris([texTitle, emoji]));
    expect(tex?.get('TI')).toEqual(['Sub-$O(n \\log n)$ {BERT}: 100% of $\\mathcal{F}_\\theta$ & <b>More</b>']);
    expect(tex?.get('AU')).toEqual(['王小明', 'van der Berg, Anna', 'King, Martin Luther, Jr.', 'علي, محمد', 'Müller, Jürgen']);
    expect(emo?.get('KW')).toEqual(['cs.CL', 'обучение', '学习', 'nlp']);
  });

  it('re-parses with citation-js', async () => {
    const text = await ris([attention, acl, openreview]);
    const parsed = plugins.input.data(text, '@ris/file') as Record<string, unknown>[];
    expect(parsed.map((r) => r.TI)).toEqual([attention.paper.title, acl.paper.title, openreview.paper.title]);
    const csl = plugins.input.data(parsed[0], '@ris/record') as { DOI?: string; author?: unknown[]; issued?: unknown };
    expect(csl.DOI).toBe('10.48550/arXiv.1706.03762');
    expect(csl.author).toHaveLength(8);
    expect(csl.issued).toEqual({ 'date-parts': [[2017, 6, 12]] });
  });
});
