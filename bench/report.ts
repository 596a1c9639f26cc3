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

/** The machine and run a results file names (bench/run.ts `machine`). */
export interface RunInfo {
  cpu: string;
  cores: number;
  memoryGB: number;
  os: string;
  node: string;
  chromium: string;
  date: string;
  loadAverageAtStart: number[];
  loadAverageAtEnd?: number[];
  commit: string | null;
  uncommittedChanges: number;
}

/** One line: which commit ran where and when, as LAST-RUN.md and the README say it. */
export function runLine(info: RunInfo): string {
  const changes = info.uncommittedChanges ? `, with ${info.uncommittedChanges} uncommitted change${info.uncommittedChanges > 1 ? 's' : ''}` : '';
  const load = `load average ${info.loadAverageAtStart[0]} at the start${info.loadAverageAtEnd ? `, ${info.loadAverageAtEnd[0]} at the end` : ''}`;
  return `\`${info.commit ?? 'unknown commit'}\`${changes}, ${info.date.slice(0, 10)}: ${info.cpu}, ${info.cores} cores, ${info.memoryGB} GB, ${info.chromium} headless, Node ${info.node.replace(/^v/, '')}; ${load}`;
}

/**
 * The rows with a budget, as the README shows them: what each measured, its figure (a ratio row's ratio), the budget,
 * whether it was met, and how many runs were within.
 */
export function budgetTable(rows: Row[]): string {
  const line = (cells: string[]) => `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
  const budgeted = rows.filter((r) => r.budget);
  const figureText = (r: Row) => (r.checked?.what === 'ratio' && r.ratio != null ? `${ratioText(r)} (${fmt(r.value, r.unit)} against ${fmt(r.baseline, r.unit)})` : valueText(r));
  const met = (r: Row) => (r.result === 'PASS' ? 'met' : r.result === 'FAIL' ? '**not met**' : r.result);
  return [
    line(['figure', 'last run', 'budget', 'result', 'runs within']),
    line(['---', '---', '---', '---', '---']),
    ...budgeted.map((r) => line([`${r.group}: ${r.label}`, figureText(r), r.budget!.text, met(r), withinText(r.within)])),
  ].join('\n');
}

/** bench/record.ts: the README's block of the last run's budget rows lies between these lines. */
export const START = '<!-- last-run:start (bench/record.ts writes what is between these lines) -->';
export const END = '<!-- last-run:end -->';

export interface Results {
  machine: RunInfo;
  config: { runs: Record<string, number>; library: number; popupRuns: number; quick: boolean };
  figures: Row[];
}

/** What a results file holds, checked enough to say what is wrong with one that is not a full run's. */
export function readResults(text: string, from: string): Results {
  let results: Partial<Results>;
  try {
    results = JSON.parse(text) as Partial<Results>;
  } catch {
    throw new Error(`${from} is not JSON: run \`npm run bench\` again`);
  }
  if (!results.machine || !results.config || !Array.isArray(results.figures)) throw new Error(`${from} is not a results file of \`npm run bench\``);
  if (results.config.quick) throw new Error(`${from} is a --quick run (fewer loads, no 5,000-card pages): record a full \`npm run bench\``);
  return results as Results;
}

const counts = (r: Results) => {
  const runs = r.config.runs;
  return `medians of ${runs['1000']} loads at 1,000 cards, ${runs['100']} at 100, ${runs['5000']} at 5,000; ${r.config.popupRuns} popup opens; a ${r.config.library.toLocaleString('en-US')}-paper reading list`;
};

export const tally = (rows: Row[]) => `${rows.filter((r) => r.result === 'PASS').length} of ${rows.filter((r) => r.budget).length} budget rows met`;

export function lastRunPage(r: Results): string {
  return `# The last full \`npm run bench\`

What \`npm run bench\` printed in its last full run recorded here (\`npx tsx bench/record.ts\` writes this page and the
README's table from \`bench/results.json\`, which is not kept in the repository: each run writes its own). What changed
from stop to stop, and why: \`bench/HISTORY.md\`.

- ${runLine(r.machine)}.
- ${counts(r).replace(/^./, (c) => c.toUpperCase())}: ${tally(r.figures)}.
- "Runs within": how many runs met the budget on their own; on rows checked by value, the page alone's runs against the
  same budget ("alone"). The README's Performance section says why each row not met is not.

${table(r.figures, true)}
`;
}

/** The README with its block between the markers made from `r` (an error when the markers are not there, once each). */
export function readmeWithRun(readme: string, r: Results): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start || readme.indexOf(START, start + 1) >= 0) throw new Error(`the README has no block between ${START} and ${END}`);
  const block = `${START}\nLast full run: ${runLine(r.machine)}; ${counts(r)}. **${tally(r.figures)}.**\n\n${budgetTable(r.figures)}\n`;
  return readme.slice(0, start) + block + readme.slice(end);
}

export function writeResults(path: string, data: unknown): void {
  writeFileSync(path, `${JSON.stringify(data, null, 2)}\n`);
}
