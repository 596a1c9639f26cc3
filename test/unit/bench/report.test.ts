import { describe, expect, it } from 'vitest';
import { budgetTable, END, evaluate, lastRunPage, readmeWithRun, readResults, START, table, withinBudget, type Figure, type Results } from '../../../bench/report';

const budget = { max: 50, text: '≤ 50 ms' };

describe('bench report: runs within the budget', () => {
  it('counts the samples of a value row one by one', () => {
    const row = evaluate({ group: 'g', label: 'longest task', unit: 'ms', value: 55, samples: [40, 55, 60, 49, 70], budget });
    expect(row.result).toBe('FAIL');
    expect(row.within).toEqual({ met: 2, of: 5 });
  });

  it('counts the runs without the extension against the same budget on a value row', () => {
    const row = evaluate({ group: 'g', label: 'longest task', unit: 'ms', value: 110, samples: [110, 120, 105], baseline: 130, baselineSamples: [130, 40, 161], budget });
    expect(row.within).toEqual({ met: 0, of: 3, alone: { met: 1, of: 3 } });
    expect(table([row]).split('\n')[2]).toMatch(/FAIL\s+0\/3 \(alone 1\/3\)  <<< FAIL$/);
  });

  it('pairs each load with the one beside it on a ratio row', () => {
    const figure: Figure = {
      group: 'g', label: 'settled', unit: 'ms', value: 1100, baseline: 1000,
      samples: [1100, 1300, 1050], baselineSamples: [1000, 1000, 1000],
      checked: { what: 'ratio' }, budget: { max: 1.1, text: '≤ 1.10×' },
    };
    expect(withinBudget(figure)).toEqual({ met: 2, of: 3 });
    // A ratio that two decimals would print as the budget itself is printed with three.
    expect(table([evaluate({ ...figure, value: 1104, baseline: 1000 })]).split('\n')[2]).toMatch(/1\.104×\s+≤ 1\.10×\s+FAIL/);
    expect(table([evaluate({ ...figure, value: 1100, baseline: 1000 })]).split('\n')[2]).toMatch(/1\.10×\s+≤ 1\.10×\s+PASS/);
    // A load that came late for the page's own reasons is judged against its own baseline, not the median's.
    expect(withinBudget({ ...figure, samples: [1100, 1650, 1050], baselineSamples: [1000, 1500, 1000] })).toEqual({ met: 3, of: 3 });
  });

  it('leaves a ratio row whose sides differ in runs uncounted, and ignores runs that measured nothing', () => {
    const figure: Figure = {
      group: 'g', label: 'settled', unit: 'ms', value: 1, baseline: 1, samples: [1, 2], baselineSamples: [1],
      checked: { what: 'ratio' }, budget: { max: 1.1, text: '' },
    };
    expect(withinBudget(figure)).toBeNull();
    expect(withinBudget({ group: 'g', label: 'l', unit: 'ms', value: 1, samples: [NaN, 10, 60], budget })).toEqual({ met: 1, of: 2 });
  });

  it('prints a ratio figure a hair over its budget with three decimals', () => {
    const row = (value: number) => table([evaluate({ group: 'g', label: '5,000 ÷ 1,000', unit: '×', value, budget: { max: 5.5, text: '≤ 5.5×' } })]).split('\n')[2];
    expect(row(5.5012)).toMatch(/5\.501×\s+≤ 5\.5×\s+FAIL/);
    expect(row(5.5)).toMatch(/5\.50×\s+≤ 5\.5×\s+PASS/);
    expect(row(4.44)).toMatch(/4\.44×\s+≤ 5\.5×\s+PASS/);
  });

  it('takes perRun over the samples (a difference of medians)', () => {
    const row = evaluate({ group: 'g', label: 'extension work', unit: 'ms', value: 12, samples: [100, 120], perRun: [12, 30], budget: { max: 16, text: '' } });
    expect(row.within).toEqual({ met: 1, of: 2 });
  });

  it('has no count without a budget, and prints the count beside the verdict', () => {
    expect(evaluate({ group: 'g', label: 'l', unit: 'ms', value: 1, samples: [1] }).within).toBeNull();
    const printed = table([evaluate({ group: 'g', label: 'longest task', unit: 'ms', value: 40, samples: [40, 60, 30], budget })]);
    expect(printed.split('\n')[0]).toMatch(/runs within$/);
    expect(printed.split('\n')[2]).toMatch(/PASS\s+2\/3$/);
  });

  it('prints a heap row in megabytes, with its baseline and ratio, and no verdict', () => {
    const line = table([evaluate({ group: 'g', label: 'heap kept', unit: 'MB', value: 5.64, samples: [5.5, 5.64, 5.7], baseline: 1.7, baselineSamples: [1.7] })]).split('\n')[2];
    expect(line).toMatch(/heap kept\s+5\.6 MB\s+1\.7 MB\s+3\.32×\s*$/);
  });
});

describe('bench record: the last run in LAST-RUN.md and the README', () => {
  const machine = {
    cpu: 'AMD EPYC', cores: 2, memoryGB: 24, os: 'linux', node: 'v20.20.2', chromium: 'Chrome/156.0.8078.114', date: '2026-12-03T07:00:00.000Z',
    loadAverageAtStart: [0.4, 0.5, 0.6], loadAverageAtEnd: [1.2, 1, 1], commit: 'abc1234', uncommittedChanges: 0,
  };
  const config = { runs: { 100: 5, 1000: 7, 5000: 3 }, library: 10000, popupRuns: 9, quick: false };
  const figures = [
    evaluate({ group: 'arXiv /new', label: '1,000 cards, navigation → settled', unit: 'ms', value: 704, samples: [704, 600], baseline: 552, baselineSamples: [552, 560], checked: { what: 'ratio' }, budget: { max: 1.1, text: '≤ 1.10× (adds ≤ 10%)' } }),
    evaluate({ group: 'Storage', label: 'save one paper | acknowledged', unit: 'ms', value: 8.2, samples: [8.2, 9, 60], budget: { max: 50, text: '< 50 ms' } }),
    evaluate({ group: 'Storage', label: 'saves back to back', unit: 'ms', value: 8.4, samples: [8.4] }),
  ];
  const results: Results = { machine, config, figures };
  const text = JSON.stringify({ ...results, markdown: '', raw: {} });

  it('reads a full run, and says what is wrong with anything else', () => {
    expect(readResults(text, 'r.json').figures).toHaveLength(3);
    expect(() => readResults('{"machine"', 'r.json')).toThrow('r.json is not JSON');
    expect(() => readResults('{"figures": []}', 'r.json')).toThrow('not a results file');
    expect(() => readResults(JSON.stringify({ ...results, config: { ...config, quick: true } }), 'r.json')).toThrow('--quick run');
  });

  it('tabulates the rows with a budget: a ratio row by its ratio and both figures, a miss in bold, runs within', () => {
    const lines = budgetTable(figures).split('\n');
    expect(lines).toHaveLength(4); // head, rule, two budget rows: the row with none is left out
    expect(lines[2]).toBe('| arXiv /new: 1,000 cards, navigation → settled | 1.28× (704 ms against 552 ms) | ≤ 1.10× (adds ≤ 10%) | **not met** | 1/2 |');
    expect(lines[3]).toBe('| Storage: save one paper \\| acknowledged | 8.2 ms | < 50 ms | met | 2/3 |');
  });

  it('writes the whole table with the machine and commit in LAST-RUN.md', () => {
    const page = lastRunPage(results);
    expect(page).toContain('`abc1234`, 2026-12-03: AMD EPYC, 2 cores, 24 GB, Chrome/156.0.8078.114 headless, Node 20.20.2; load average 0.4 at the start, 1.2 at the end');
    expect(page).toContain('- Medians of 7 loads at 1,000 cards, 5 at 100, 3 at 5,000; 9 popup opens; a 10,000-paper reading list: 1 of 2 budget rows met.');
    expect(page).toContain('| Storage: saves back to back | 8.4 ms |');
    expect(lastRunPage({ ...results, machine: { ...machine, uncommittedChanges: 2 } })).toContain('`abc1234`, with 2 uncommitted changes, 2026-12-03');
  });

  it('replaces only what lies between the README\'s markers, and refuses a README without them', () => {
    const readme = `# Papershelf\n\n## Performance\n\nHow to run it.\n\n${START}\nan older run\n${END}\n\nWhy the rest is not met.\n`;
    const once = readmeWithRun(readme, results);
    expect(once.startsWith('# Papershelf\n\n## Performance\n\nHow to run it.\n\n')).toBe(true);
    expect(once.endsWith(`${END}\n\nWhy the rest is not met.\n`)).toBe(true);
    expect(once).not.toContain('an older run');
    expect(once).toContain('**1 of 2 budget rows met.**');
    expect(readmeWithRun(once, results)).toBe(once); // recorded again: the same README
    expect(() => readmeWithRun('# Papershelf\n', results)).toThrow('no block between');
    expect(() => readmeWithRun(`${START}\n${END}\n${START}\n${END}\n`, results)).toThrow('no block between');
  });
});
