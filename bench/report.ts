// Figures, budgets, the printed table and bench/results.json.
import { writeFileSync } from 'node:fs';

export function median(values: readonly number[]): number | null {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
}

export type Unit = 'ms' | 'kB' | 'MB' | '×';

export interface Budget {
  /** The figure passes when it is at most this. */
  max: number;
  /** The budget in words, as issue #7 states it. */
  text: string;
}

export interface Figure {
  group: string;
  label: string;
  unit: Unit;
  /** Median with the extension (or the figure itself for sizes and ratios). */
  value: number | null;
  samples?: number[];
  /** Median of the same figure without the extension, where one exists. */
  baseline?: number | null;
  baselineSamples?: number[];
  /** What the budget is checked against when it is not `value` (e.g. the ratio to the baseline). */
  checked?: { what: 'value' | 'ratio'; };
  /**
   * The checked figure run by run, where neither `samples` nor their paired ratios are it (a difference of two
   * medians, say: each run's difference). See withinBudget.
   */
  perRun?: number[];
  budget?: Budget;
  note?: string;
}

export interface Row extends Figure {
  ratio: number | null;
  result: 'PASS' | 'FAIL' | 'n/a' | '';
  /**
   * How many runs, taken one by one, were within the budget (null: no budget, or no figure run by run); on a row
   * checked by its value, `alone` counts the runs without the extension against the same budget (a longest task that
   * is the page's own misses it on both sides).
   */
  within: { met: number; of: number; alone?: { met: number; of: number } } | null;
}

/**
 * How many runs met the budget on their own. The verdict is the median's, but a row whose runs straddle the budget
 * (4 of 7 within, say) can flip between two runs of one build, and one whose runs all miss cannot: the count tells them
 * apart. Ratio rows pair each load with the extension with the load without it that ran beside it (the benchmark
 * alternates them), when both sides have as many runs.
 */
export function withinBudget(figure: Figure): Row['within'] {
  const { budget, samples: ext, baselineSamples: base, perRun } = figure;
  if (!budget) return null;
  const ratioRow = figure.checked?.what === 'ratio';
  const paired = ext?.length && base?.length === ext.length ? ext.map((v, i) => v / base[i]!) : undefined;
  const count = (values: readonly number[] | undefined) => {
    const finite = (values ?? []).filter((v) => Number.isFinite(v));
    return finite.length ? { met: finite.filter((v) => v <= budget.max).length, of: finite.length } : null;
  };
  const within = count(perRun ?? (ratioRow ? paired : ext));
  if (!within) return null;
  const alone = perRun || ratioRow ? null : count(base);
  return alone ? { ...within, alone } : within;
}

/** Two decimals, three where two would round a miss onto the budget (1.104× is not 1.10×). */
function decimals(x: number, checkedHere: boolean, budget: Budget | undefined): string {
  const two = x.toFixed(2);
  return checkedHere && budget && Number(two) === budget.max && x !== budget.max ? x.toFixed(3) : two;
}
const ratioText = (r: Row) => `${decimals(r.ratio!, r.checked?.what === 'ratio', r.budget)}×`;
/** A ratio figure (5,000 ÷ 1,000 cards) is its own value: printed as the ratio column is. */
const valueText = (r: Row) => (r.unit === '×' && r.value != null ? `${decimals(r.value, r.checked?.what !== 'ratio', r.budget)}×` : fmt(r.value, r.unit));

const withinText = (w: Row['within']) => (w ? `${w.met}/${w.of}${w.alone ? ` (alone ${w.alone.met}/${w.alone.of})` : ''}` : '');

export function evaluate(figure: Figure): Row {
  const ratio = figure.baseline != null && figure.value != null && figure.baseline !== 0 ? figure.value / figure.baseline : null;
  if (!figure.budget) return { ...figure, ratio, result: '', within: null };
  const checked = figure.checked?.what === 'ratio' ? ratio : figure.value;
  const within = withinBudget(figure);
  if (checked == null) return { ...figure, ratio, result: 'n/a', within };
  return { ...figure, ratio, result: checked <= figure.budget.max ? 'PASS' : 'FAIL', within };
}

const fmt = (v: number | null | undefined, unit: Unit) => {
  if (v == null) return '—';
  if (unit === '×') return `${v.toFixed(2)}×`;
  if (unit === 'kB') return `${v.toFixed(1)} kB`;
  if (unit === 'MB') return `${v.toFixed(1)} MB`;
  return `${v < 10 ? v.toFixed(1) : Math.round(v).toLocaleString('en-US')} ms`;
};

export function table(rows: Row[], markdown = false): string {
  const head = ['figure', 'value', 'baseline', 'ratio', 'budget', 'result', 'runs within'];
  const body = rows.map((r) => [
    `${r.group}: ${r.label}`,
    valueText(r),
    r.baseline === undefined ? '' : fmt(r.baseline, r.unit),
    r.ratio == null ? '' : ratioText(r),
    r.budget?.text ?? '',
    r.result,
    withinText(r.within),
  ]);
  if (markdown) {
    const line = (cells: string[]) => `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
    return [line(head), line(head.map(() => '---')), ...body.map(line)].join('\n');
  }
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const fail = (cells: string[]) => (cells[5] === 'FAIL' ? `${line(cells)}  <<< FAIL` : line(cells));
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(fail)].join('\n');
}

export function writeResults(path: string, data: unknown): void {
  writeFileSync(path, `${JSON.stringify(data, null, 2)}\n`);
}
