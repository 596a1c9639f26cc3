// Two small concurrency tools: a limit on requests in flight, and one shared request per key.

/** Run at most `max` tasks at once; the rest wait in arrival order. */
export function createLimiter(max: number): <T>(task: () => Promise<T>) => Promise<T> {
  const slots = Math.max(1, Math.floor(max));
  let active = 0;
  const waiting: Array<() => void> = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (active < slots) active++;
    else await new Promise<void>((resolve) => waiting.push(resolve)); // the finishing task hands us its slot
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else active--;
    }
  };
}

/** Callers asking for the same key while a task runs share its promise (one request per repository). */
export function createSingleFlight<T>() {
  const pending = new Map<string, Promise<T>>();
  return {
    run(key: string, task: () => Promise<T>): Promise<T> {
      let promise = pending.get(key);
      if (!promise) {
        promise = task().finally(() => pending.delete(key));
        pending.set(key, promise);
      }
      return promise;
    },
    /** Resolves once nothing is in flight (background revalidations included). */
    async idle(): Promise<void> {
      while (pending.size > 0) await Promise.allSettled([...pending.values()]);
    },
  };
}

/** A promise's value, or `fallback` if it rejects: storage trouble must never break a badge. */
export async function safely<T>(promise: Promise<T> | (() => Promise<T>), fallback: T): Promise<T> {
  try {
    return await (typeof promise === 'function' ? promise() : promise);
  } catch {
    return fallback;
  }
}
