// Long work (exporting or importing thousands of papers): progress reports, cancellation, and yielding to the
// event loop so the page stays responsive. Pure: no DOM or extension APIs (MessageChannel/setTimeout only).

export interface LongWork {
  /** Abort to cancel: the work rejects with an `AbortError` DOMException and produces nothing. */
  signal?: AbortSignal;
  /** Called after every chunk and once at the end with (records done, records in total). */
  onProgress?: (done: number, total: number) => void;
}

/** Records handled between two yields to the event loop. */
export const CHUNK_SIZE = 250;

export function abortError(): DOMException {
  return new DOMException('Cancelled: nothing was exported or imported.', 'AbortError');
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortError();
}

export function isAbortError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}

/**
 * Resolve on a new macrotask, so input events and rendering run in between. A MessageChannel message is not
 * clamped to 4 ms the way nested `setTimeout(0)` is; `setTimeout` is the fallback.
 */
export function nextMacrotask(): Promise<void> {
  if (typeof MessageChannel === 'function') {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Run `work` over `items` in chunks of `CHUNK_SIZE`, concatenating what each chunk returns. Between chunks:
 * report progress, yield a macrotask, and stop with an `AbortError` when the signal has fired.
 */
export async function inChunks<T, R>(
  items: readonly T[],
  options: LongWork | undefined,
  work: (chunk: readonly T[], start: number) => R[],
  chunkSize = CHUNK_SIZE,
): Promise<R[]> {
  const signal = options?.signal;
  throwIfAborted(signal);
  const out: R[] = [];
  for (let start = 0; start < items.length; start += chunkSize) {
    const results = work(items.slice(start, start + chunkSize), start);
    for (const r of results) out.push(r);
    const done = Math.min(items.length, start + chunkSize);
    options?.onProgress?.(done, items.length);
    throwIfAborted(signal);
    if (done < items.length) {
      await nextMacrotask();
      throwIfAborted(signal);
    }
  }
  if (items.length === 0) options?.onProgress?.(0, 0);
  return out;
}
