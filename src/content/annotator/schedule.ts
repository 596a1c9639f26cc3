// When the annotator's work runs: slices of at most SLICE_MS between yields to the page, idle time for work nobody
// waits for, and the next drawn frame. Module-level, not the annotator's: start.ts sets how polite a yield is while the
// page loads (setPoliteWhile) and hands yieldToPage to the adapters that read their context in slices.

/** Work done before yielding to the page: well under a frame, so no task of ours reaches 50 ms. */
export const SLICE_MS = 8;

/** Resolves when the browser is idle, or after `timeoutMs` (requestIdleCallback); null where there is none. */
function idleWithin(timeoutMs: number): Promise<void> | null {
  const idle = (globalThis as { requestIdleCallback?: (cb: () => void, options?: { timeout: number }) => number }).requestIdleCallback;
  return idle ? new Promise((resolve) => idle(() => resolve(), { timeout: timeoutMs })) : null;
}

/** Wait for the page to be idle (at most a second), for work nobody waits for. */
export function whenIdle(): Promise<void> {
  return idleWithin(1000) ?? new Promise((resolve) => setTimeout(resolve, 0));
}

/** While this says so (the page is still loading), yieldToPage waits for idle time (see setPoliteWhile). */
let politeWhile: (() => boolean) | null = null;

/**
 * While `polite()` is true, yieldToPage gives the page all the time it wants: our next slice runs when the browser is
 * idle (or after POLITE_WAIT_MS). The content script is polite while the page loads, so our slices fill the gaps in
 * its loading (network waits) instead of delaying the tasks that load it.
 */
export function setPoliteWhile(polite: (() => boolean) | null): void {
  politeWhile = polite;
}

/** The longest a polite yield waits for idle time before the slice runs anyway. */
const POLITE_WAIT_MS = 100;

/**
 * Let the page run: while polite (above), until the browser is idle; else `scheduler.yield()` where the browser has it
 * (our continuation keeps its place), else a task.
 */
export function yieldToPage(): Promise<void> {
  const idle = politeWhile?.() ? idleWithin(POLITE_WAIT_MS) : null;
  if (idle) return idle;
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}

/** Resolves after the next frame has been drawn, or after 100 ms (a tab in the background draws no frames). */
export function nextFrame(win: Window | null): Promise<void> {
  return new Promise<void>((resolve) => {
    const later = () => setTimeout(resolve, 0);
    win?.requestAnimationFrame?.(later);
    setTimeout(resolve, 100);
  });
}
