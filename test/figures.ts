// What the robustness checks proved, for a reader of `npm test`: each suite records its figures (mutations tried,
// payloads tried, concurrent operations checked, migrations checked, ...) as one part file in
// test-results/figures/<suite>.json; `npm test` clears that folder first and prints every part at its end
// (scripts/print-figures.mjs). Unit and end-to-end suites run in different processes, hence files.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const FIGURES_DIR = join(import.meta.dirname, '../test-results/figures');

/** A problem a suite noticed without failing (e.g. a slow input), with how often it was hit. */
export interface Finding {
  id: string;
  summary: string;
  count: number;
  example?: string;
}

export interface SuiteFigures {
  suite: string;
  durationMs: number;
  seed?: number;
  /** Figures summed over suites by the printer when they share a name. */
  counts: Record<string, number>;
  /** Anything else worth printing (slowest page, ...). */
  details?: Record<string, string | number>;
  findings?: Finding[];
}

/** Write one suite's figures (atomically: a reader never sees half a file). */
export function recordFigures(figures: SuiteFigures): void {
  mkdirSync(FIGURES_DIR, { recursive: true });
  const file = join(FIGURES_DIR, `${figures.suite}.json`);
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify({ ...figures, finishedAt: new Date().toISOString() }, null, 2) + '\n');
  renameSync(tmp, file);
}

/** Collects findings while a suite runs: the same id counts up, the first example is kept. */
export class Findings {
  private readonly byId = new Map<string, Finding>();

  add(id: string, summary: string, example?: string): void {
    const found = this.byId.get(id);
    if (found) found.count++;
    else this.byId.set(id, { id, summary, count: 1, example });
  }

  list(): Finding[] {
    return [...this.byId.values()].sort((a, b) => a.id.localeCompare(b.id));
  }
}
