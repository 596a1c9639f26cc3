// arXiv's API terms: one connection at a time and at most one request every three seconds. Tasks run one
// after another, each starting at least `spacingMs` after the previous one finished (stricter than
// start-to-start). In memory only: a service worker restart takes far longer than three seconds anyway.

export interface SpacedQueueOptions {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  spacingMs: number;
  /** Tasks queued or running beyond this are refused at once (`overflow`), rather than waiting minutes. */
  maxPending: number;
}

export type SpacedQueue = <T>(task: () => Promise<T>, overflow: T) => Promise<T>;

export function createSpacedQueue(options: SpacedQueueOptions): SpacedQueue {
  const { now, sleep, spacingMs, maxPending } = options;
  let tail: Promise<unknown> = Promise.resolve();
  let lastDone = -Infinity;
  let pending = 0;
  return <T>(task: () => Promise<T>, overflow: T): Promise<T> => {
    if (pending >= maxPending) return Promise.resolve(overflow);
    pending++;
    const run = tail.then(async () => {
      try {
        const wait = lastDone + spacingMs - now();
        if (wait > 0) await sleep(wait);
        return await task();
      } finally {
        lastDone = now();
        pending--;
      }
    });
    tail = run.catch(() => undefined); // a failed task must not stop the ones behind it
    return run;
  };
}

/** A real timer, for production. */
export const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
