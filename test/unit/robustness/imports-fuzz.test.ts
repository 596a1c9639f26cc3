// Imports (issue #6): fuzzed files. Real exports of generated lists (JSON backup, BibTeX, RIS, CSL-JSON) are
// corrupted the ways files get corrupted (truncated, a range deleted or repeated, bytes swapped for junk, lines
// shuffled, a huge value). parseImport must always settle with either a clear whole-file error or records that
// each pass the stored schema (never throw, never hang), and merging what it gives must not throw either.
import * as v from 'valibot';
import { afterAll, describe, expect, it } from 'vitest';
import { SavedPaperSchema } from '../../../src/background/messages';
import { exportPapers, type ExportFormat } from '../../../src/core/export/formats';
import { mergeImport, parseImport } from '../../../src/core/export/import';
import { generatePapers } from '../../fixtures/export/generate';
import { BackupSettingsSchema } from '../../../src/storage/settings-schema';
import { recordFigures } from '../../figures';
import { hashSeed, Rng } from './mutate';

const BASE_SEED = Number(process.env.ROBUSTNESS_SEED ?? 20260712);
const FILES = Number(process.env.ROBUSTNESS_IMPORT_FILES ?? 400); // per format
const FILE_BUDGET_MS = 5000;
const FORMATS: { format: ExportFormat; name: string }[] = [
  { format: 'json', name: 'papershelf-backup.json' },
  { format: 'bibtex', name: 'papers.bib' },
  { format: 'ris', name: 'papers.ris' },
  { format: 'csl-json', name: 'papers.csl.json' },
];
const JUNK = ['\u0000', '}', '{', '"', '\\', '@article{', 'TY  - ', 'ER  - ', '__proto__', '\uFFFD', '\uD800', ',', ']', '\n', '<script>alert(1)</script>', 'javascript:alert(1)'];
const figures = { filesTried: 0, rejectedWhole: 0, recordsChecked: 0 };
const started = performance.now();

/** One corruption of a file's text; what was done, for the failure message. */
function corrupt(text: string, rng: Rng): { text: string; what: string } {
  const at = rng.int(text.length + 1);
  const len = rng.int(Math.min(400, text.length - at) + 1);
  switch (rng.int(7)) {
    case 0:
      return { text: text.slice(0, at), what: `truncated at ${at}` };
    case 1:
      return { text: text.slice(0, at) + text.slice(at + len), what: `deleted ${len} at ${at}` };
    case 2:
      return { text: text.slice(0, at + len) + text.slice(at, at + len) + text.slice(at + len), what: `repeated ${len} at ${at}` };
    case 3: {
      const junk = JUNK[rng.int(JUNK.length)]!;
      return { text: text.slice(0, at) + junk + text.slice(at + Math.min(len, 3)), what: `junk ${JSON.stringify(junk)} at ${at}` };
    }
    case 4: {
      const lines = text.split('\n');
      const i = rng.int(lines.length);
      const j = rng.int(lines.length);
      [lines[i], lines[j]] = [lines[j]!, lines[i]!];
      return { text: lines.join('\n'), what: `lines ${i} and ${j} swapped` };
    }
    case 5:
      return { text: text.slice(0, at) + 'x'.repeat(200_000) + text.slice(at), what: `200,000 characters at ${at}` };
    default: {
      // A byte-level mistake: a character replaced by another code point.
      const code = rng.int(0x3000);
      return { text: text.slice(0, at) + String.fromCharCode(code) + text.slice(at + 1), what: `U+${code.toString(16)} at ${at}` };
    }
  }
}

describe('imports of corrupted files', () => {
  const papers = generatePapers(40, 99);
  const existing = new Map(generatePapers(20, 7).map((p) => [p.id, p]));

  it.each(FORMATS)('$format: every corrupted file is either rejected whole with a message, or gives only valid records', async ({ format, name }) => {
    // The backup carries settings too (a token among those given, which it never writes): corruptions reach them as well.
    const settings = { githubToken: 'ghp_never', watchedTopics: ['llm', 'rl'], followedAuthors: ['Yann LeCun', 'Fei-Fei Li'], tagRules: [{ tag: 'moe', match: '/mixture of experts/i', fields: 'both' as const }], toolbarCount: false, relevance: { enabled: false } };
    const { text: original } = await exportPapers(papers, format, { now: Date.UTC(2026, 0, 2), settings });
    const failures: string[] = [];
    for (let i = 0; i < FILES && failures.length < 5; i++) {
      const rng = new Rng(hashSeed(BASE_SEED, 'import', format, i));
      let text = original;
      const done: string[] = [];
      for (let k = rng.range(1, 3); k > 0; k--) {
        const step = corrupt(text, rng);
        text = step.text;
        done.push(step.what);
      }
      const where = `${format} #${i} (${done.join('; ')})`;
      figures.filesTried++;
      const t = performance.now();
      try {
        const result = await parseImport(text, name);
        if (!result.ok) {
          figures.rejectedWhole++;
          if (!result.error || result.error.length > 600) failures.push(`${where}: unclear error ${JSON.stringify(result.error?.slice(0, 100))}`);
          continue;
        }
        for (const record of result.records) {
          figures.recordsChecked++;
          const check = v.safeParse(SavedPaperSchema, record);
          if (!check.success) failures.push(`${where}: invalid record ${record.id}: ${check.issues[0]?.message}`);
        }
        for (const skip of result.skipped) if (!skip.reason) failures.push(`${where}: a skipped record without a reason`);
        // What is kept of the settings is what the background's message takes: each field valid, never a token.
        if (result.settings) {
          const check = v.safeParse(BackupSettingsSchema, result.settings);
          if (!check.success) failures.push(`${where}: invalid settings: ${check.issues[0]?.message}`);
        }
        mergeImport(existing, result, Date.UTC(2026, 0, 3));
      } catch (error) {
        failures.push(`${where}: threw ${String((error as Error)?.message ?? error).slice(0, 200)}`);
      }
      const ms = performance.now() - t;
      if (ms > FILE_BUDGET_MS) failures.push(`${where}: took ${ms.toFixed(0)} ms`);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(failures, failures.join('\n')).toEqual([]);
  }, 120_000);
});

afterAll(() => {
  recordFigures({
    suite: 'imports-fuzz',
    durationMs: Math.round(performance.now() - started),
    seed: BASE_SEED,
    counts: { importFilesTried: figures.filesTried, importRecordsChecked: figures.recordsChecked },
    details: { rejectedWhole: figures.rejectedWhole },
  });
});
