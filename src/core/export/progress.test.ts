import { describe, expect, it } from 'vitest';
import type { ExportFormat } from './formats';
import { exportPapers } from './formats';
import { mergeImportAsync, parseImport } from './import';
import { CHUNK_SIZE, inChunks, isAbortError } from './progress';
import { generatePapers } from '../../../test/fixtures/export/generate';

const papers = generatePapers(1200, 7);
const FORMATS: ExportFormat[] = ['bibtex', 'ris', 'csl-json', 'markdown', 'markdown-notes', 'csv', 'json'];

describe('progress and cancellation', () => {
  it.each(FORMATS)('%s export reports progress chunk by chunk up to the total', async (format) => {
    const reports: [number, number][] = [];
    await exportPapers(papers, format, { onProgress: (done, total) => reports.push([done, total]) });
    expect(reports).toEqual([250, 500, 750, 1000, 1200].map((done) => [done, 1200]));
  });

  it.each(FORMATS)('%s export cancelled midway rejects with an AbortError and returns nothing', async (format) => {
    const controller = new AbortController();
    let reports = 0;
    const work = exportPapers(papers, format, {
      signal: controller.signal,
      onProgress: () => {
        if (++reports === 2) controller.abort();
      },
    });
    await expect(work).rejects.toMatchObject({ name: 'AbortError' });
    expect(reports).toBe(2);
  });

  it('an already-aborted signal stops before any work', async () => {
    const controller = new AbortController();
    controller.abort();
    let reports = 0;
    await expect(exportPapers(papers, 'json', { signal: controller.signal, onProgress: () => reports++ })).rejects.toSatisfy(isAbortError);
    await expect(parseImport('[]', 'x.json', { signal: controller.signal })).rejects.toSatisfy(isAbortError);
    expect(reports).toBe(0);
  });

  it('parsing reports progress and can be cancelled (an AbortError, not an error result)', async () => {
    const { text } = await exportPapers(papers, 'json');
    const reports: number[] = [];
    const result = await parseImport(text, 'b.json', { onProgress: (done) => reports.push(done) });
    expect(result.ok).toBe(true);
    expect(reports).toEqual([250, 500, 750, 1000, 1200]);

    const controller = new AbortController();
    const parsing = parseImport(text, 'b.json', { signal: controller.signal, onProgress: (done) => done >= 500 && controller.abort() });
    await expect(parsing).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('BibTeX and RIS parsing can be cancelled too', async () => {
    for (const format of ['bibtex', 'ris'] as const) {
      const { text, filename } = await exportPapers(papers.slice(0, 600), format);
      const controller = new AbortController();
      await expect(parseImport(text, filename, { signal: controller.signal, onProgress: () => controller.abort() })).rejects.toMatchObject({ name: 'AbortError' });
    }
  });

  it('merging reports progress and can be cancelled', async () => {
    const reports: number[] = [];
    const result = await mergeImportAsync(new Map(), papers, 1, { onProgress: (done) => reports.push(done) });
    expect(result.summary.added).toBe(1200);
    expect(reports.at(-1)).toBe(1200);
    const controller = new AbortController();
    await expect(mergeImportAsync(new Map(), papers, 1, { signal: controller.signal, onProgress: () => controller.abort() })).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('yields to the event loop between chunks, so a timer (a click, a repaint) can run in between', async () => {
    const items = Array.from({ length: CHUNK_SIZE * 4 }, (_, i) => i);
    const order: string[] = [];
    setTimeout(() => order.push('timer'), 0);
    await inChunks(items, { onProgress: (done) => order.push(`chunk ${done}`) }, (chunk) => {
      const end = Date.now() + 5;
      while (Date.now() < end); // busy work
      return [...chunk];
    });
    expect(order.indexOf('timer')).toBeGreaterThan(0);
    expect(order.indexOf('timer')).toBeLessThan(order.length - 1);
  });
});
