// Work written once as a generator (each `yield` a point where it may pause), run either at once or in slices that
// let the page run between them (issue #7: long work in a content script must never make one long task).

/** Run the steps to the end, at once. */
export function runSteps<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Run the steps to the end, awaiting `pause` at the first yield after `sliceMs` of work (0: at every yield).
 * Gives what runSteps gives.
 */
export async function runStepsInSlices<T>(
  steps: Generator<void, T, void>,
  pause: () => Promise<void>,
  sliceMs = 0,
  clock: () => number = () => performance.now(),
): Promise<T> {
  let start = clock();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (clock() - start >= sliceMs) {
      await pause();
      start = clock();
    }
  }
}
