import { describe, expect, it } from 'vitest';
import { evaluate, table, withinBudget, type Figure } from '../../../bench/report';

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
