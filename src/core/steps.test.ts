import { expect, it } from 'vitest';
import { runSteps, runStepsInSlices } from './steps';

function* counting(log: string[]): Generator<void, number, void> {
  for (let i = 0; i < 5; i++) {
    log.push(`step ${i}`);
    yield;
  }
  return 42;
}

it('runs the steps to the end at once', () => {
  const log: string[] = [];
  expect(runSteps(counting(log))).toBe(42);
  expect(log).toHaveLength(5);
});

it('pauses at every yield by default, and after sliceMs of work otherwise', async () => {
  const log: string[] = [];
  expect(await runStepsInSlices(counting(log), async () => void log.push('pause'))).toBe(42);
  expect(log.filter((l) => l === 'pause')).toHaveLength(5);
  const timed: string[] = [];
  let now = 0;
  // Each reading of the clock moves it 1 ms: a 3 ms slice spans a couple of steps.
  expect(await runStepsInSlices(counting(timed), async () => void timed.push('pause'), 3, () => now++)).toBe(42);
  const pauses = timed.filter((l) => l === 'pause').length;
  expect(pauses).toBeGreaterThan(0);
  expect(pauses).toBeLessThan(5);
});
