import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { SavedPaperSchema } from '../../background/messages';
import { ARXIV_CATEGORY } from './csl';
import { exportPapers } from './formats';
import { mergeImport, parseImport } from './import';
import type { SavedPaper } from '../../storage/schema';
import { generatePapers } from '../../../test/fixtures/export/generate';
import { openreview, realistic } from '../../../test/fixtures/export/papers';
import { readingList } from '../../../bench/records';
import { recordFigures } from '../../../test/figures';

describe('JSON backup round trip (property test, seeded)', () => {
  it('export then import of 10,000 papers with unusual Unicode gives back exactly the same records', async () => {
    const started = performance.now();
    const papers = generatePapers(10_000);
    // The generator only makes records the list could hold.
    expect(papers.filter((p) => !v.safeParse(SavedPaperSchema, p).success).map((p) => p.id)).toEqual([]);
    expect(new Set(papers.map((p) => p.id)).size).toBe(papers.length);
    // ... and the hard cases are really there.
    const all = papers.map((p) => [p.paper.title, p.note, ...p.paper.authors, ...p.tags].join('|')).join('\n');
    for (const hard of ['\uD800', '\u0000', '\u202E', '\u200B', '\u2028', '👩‍👩‍👧‍👦', '🇺🇦', 'e\u0301', '𠜎', 'العربية', '学习', '"__proto__": {}']) {
      expect(all.includes(hard), JSON.stringify(hard)).toBe(true);
    }
    expect(Math.max(...papers.map((p) => p.note.length))).toBeGreaterThan(10_000);

    const exported = await exportPapers(papers, 'json', { now: Date.UTC(2026, 0, 2) });
    const parsed = await parseImport(exported.text, exported.filename);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.format).toBe('backup');
    expect(parsed.skipped).toEqual([]);
    expect(parsed.records).toStrictEqual(papers);

    // Into an empty list: every record added as it was. Into the same list: nothing to do. (Imported after the
    // last generated edit, which is as late as 2039: a record dated after the import is not believed.)
    const now = Math.max(...papers.map((p) => p.updatedAt));
    const fresh = mergeImport(new Map(), parsed.records, now);
    expect(fresh.summary).toMatchObject({ added: 10_000, updated: 0, skipped: [], futureDated: [] });
    expect(fresh.upserts).toStrictEqual(papers);
    const again = mergeImport(new Map(papers.map((p) => [p.id, p])), parsed.records, now);
    expect(again.upserts).toEqual([]);
    expect(again.summary.added + again.summary.updated).toBe(0);
    expect(again.summary.skipped).toHaveLength(10_000);
    console.log(`round-trip: ${parsed.records.length} papers lossless`);
    recordFigures({ suite: 'backup-roundtrip', durationMs: Math.round(performance.now() - started), counts: { recordsRoundTripped: parsed.records.length } });
  }, 120_000);

  it('survives other seeds (smaller lists)', async () => {
    for (const seed of [1, 2, 3, 42, 1337]) {
      const papers = generatePapers(300, seed);
      const parsed = await parseImport((await exportPapers(papers, 'json')).text);
      expect(parsed.ok && parsed.records).toStrictEqual(papers);
    }
  });
});

describe('citation formats: re-importing your own export changes nothing', () => {
  // Hugging Face keywords (categories that are not arXiv classes), arXiv categories, tags, notes and statuses of
  // a benchmark list, the fixtures' hard cases, and an OpenReview paper whose keywords include one of its tags.
  const withKeywords: SavedPaper = {
    ...openreview,
    paper: { ...openreview.paper, categories: ['diffusion models', 'Review-Queue', 'score matching'] },
    tags: ['review-queue', 'generative'],
  };
  const papers = [...realistic.filter((p) => p.id !== openreview.id), withKeywords, ...readingList({ count: 200 })];

  it.each(['bibtex', 'ris', 'csl-json'] as const)('%s: nothing to add, nothing to update', async (format) => {
    expect(papers.some((p) => p.tags.length > 0 && p.paper.categories.some((c) => !ARXIV_CATEGORY.test(c)))).toBe(true);
    const exported = await exportPapers(papers, format);
    const parsed = await parseImport(exported.text, exported.filename);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.skipped).toEqual([]);
    const { upserts, summary } = mergeImport(new Map(papers.map((p) => [p.id, p])), parsed, Date.UTC(2026, 7, 1));
    expect(summary).toMatchObject({ added: 0, updated: 0 });
    expect(summary.skipped).toHaveLength(papers.length);
    expect(upserts).toEqual([]);
  });
});

describe('BibTeX: a site-only paper whose title is written in TeX comes back as itself', () => {
  // BibTeX carries no site id, so such a paper is found again by its title; the title comes back decoded.
  it.each(['Umlaut \\"u and M\\"uller', 'Sparse $\\ell_1$ recovery at 50% & more', 'The {BERT} of {Vision}'])('%s', async (title) => {
    const paper: SavedPaper = { ...openreview, paper: { ...openreview.paper, title } };
    const exported = await exportPapers([paper], 'bibtex');
    const parsed = await parseImport(exported.text, exported.filename);
    if (!parsed.ok) throw new Error(parsed.error);
    const { summary, upserts } = mergeImport(new Map([[paper.id, paper]]), parsed, Date.UTC(2026, 7, 1));
    expect(summary).toMatchObject({ added: 0, updated: 0 });
    expect(upserts).toEqual([]);
  });
});
