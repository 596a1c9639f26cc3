// Benchmark-only page-world script (context.addInitScript), the same with and without the extension.
// Times, in performance.now() milliseconds from navigation start:
// - DOMContentLoaded and load;
// - when the extension's User Timing mark `papershelf:annotated` (one per annotation pass) first says as many cards
//   identified, with their saved states asked, as the page has (`identifiedAt`; hosts are mounted only near the
//   viewport, so their number says nothing about the page's other cards);
// - when the probe extension reports every overlay's saved state known (`knownAt`, see probe.js);
// - every long task (PerformanceObserver 'longtask') and long animation frame, with script attribution.
(() => {
  if (window.top !== window || window.__papershelfBench) return;
  const CARDS = 'meta[name="papershelf-bench-cards"]';
  const bench = {
    dcl: null,
    load: null,
    target: 0,
    mounted: 0,
    identified: 0,
    identifiedAt: null,
    knownAt: null,
    known: 0,
    // Every card on screen at load shows a built overlay with its saved state (probe.js), and the frame after that
    // and the load event.
    screenAt: null,
    screenFramedAt: null,
    // The load event, after the next frame (both sides): the page's own settle, for the cards on screen.
    loadFramedAt: null,
    longTasks: [],
    frames: [],
    errors: [],
  };
  window.__papershelfBench = bench;
  const target = () => Number(document.querySelector(CARDS)?.getAttribute('content') ?? 0);

  const observe = (type, push) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(push)).observe({ type, buffered: true });
    } catch (error) {
      bench.errors.push(`${type}: ${error}`);
    }
  };
  observe('longtask', (e) => bench.longTasks.push({ start: e.startTime, duration: e.duration }));
  observe('mark', (e) => {
    if (e.name !== 'papershelf:annotated') return;
    bench.identified = Number(e.detail?.cards ?? 0);
    const n = target();
    if (bench.identifiedAt === null && n > 0 && bench.identified >= n) bench.identifiedAt = e.startTime;
    wake();
  });
  observe('long-animation-frame', (e) =>
    bench.frames.push({
      start: e.startTime,
      duration: e.duration,
      blocking: e.blockingDuration,
      renderStart: e.renderStart,
      styleAndLayoutStart: e.styleAndLayoutStart,
      scripts: (e.scripts ?? []).map((s) => ({
        start: s.startTime,
        duration: s.duration,
        url: s.sourceURL,
        fn: s.sourceFunctionName,
        invoker: s.invoker,
        type: s.invokerType,
        forced: s.forcedStyleAndLayoutDuration,
      })),
    }),
  );

  const seen = new WeakSet();
  const overlays = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node.nodeType !== 1 || node.localName !== 'papershelf-overlay' || seen.has(node)) continue;
        seen.add(node);
        bench.mounted++;
      }
    }
  });

  const waiters = [];
  const wake = () => waiters.splice(0).forEach((w) => w());

  document.addEventListener('DOMContentLoaded', () => {
    bench.dcl = performance.now();
    bench.target = target();
    overlays.observe(document.documentElement, { childList: true, subtree: true });
    wake();
  });
  window.addEventListener('load', () => {
    bench.load = performance.now();
    wake();
  });
  /** Runs `then` after the next frame: rAF runs before its style, layout and paint; a task after it, once they are done. */
  const afterFrame = (then) => requestAnimationFrame(() => setTimeout(then, 0));
  window.addEventListener('load', () => afterFrame(() => (bench.loadFramedAt = performance.now())));
  const screenFrame = () => {
    if (bench.screenAt === null || bench.load === null || bench.screenFramedAt !== null) return;
    bench.screenFramedAt = -1;
    afterFrame(() => (bench.screenFramedAt = performance.now()));
  };
  window.addEventListener('load', screenFrame);
  document.addEventListener('papershelf-bench-screen', () => {
    bench.screenAt = performance.now();
    screenFrame();
  });
  document.addEventListener('papershelf-bench-known', () => {
    bench.knownAt = performance.now();
    bench.known = Number(document.documentElement.getAttribute('data-papershelf-bench-known'));
    wake();
  });

  /**
   * Without the extension, the probe's one-shot observer pass over every card (the pass that, with it, finds whether
   * every card on screen is built): the benchmark's own work, made on both sides so that neither is charged for it.
   */
  const verified = (needKnown, then) => {
    if (needKnown) return then();
    document.addEventListener('papershelf-bench-verified', () => then(), { once: true });
    document.dispatchEvent(new Event('papershelf-bench-verify'));
  };
  /**
   * Resolves once loaded (and, with the extension, every card's state known and the probe's pass made; without it,
   * the same pass), after the next frame.
   */
  bench.settled = (needKnown) =>
    new Promise((resolve) => {
      const ready = () => bench.load !== null && (!needKnown || (bench.knownAt !== null && bench.known >= target()));
      const done = () => {
        if (!ready()) return void waiters.push(done);
        verified(needKnown, () => afterFrame(() => resolve(performance.now())));
      };
      done();
    });

  /**
   * The infinite-list step: append `html` at `target`/`position`, raise the card count by `count`, and resolve
   * with { start, identifiedAt, knownAt } (knownAt only with the extension) once done and the next frame is drawn.
   */
  bench.append = (html, selector, position, count, needKnown) =>
    new Promise((resolve) => {
      const meta = document.querySelector(CARDS);
      const n = target() + count;
      meta.setAttribute('content', String(n));
      bench.identifiedAt = null;
      bench.knownAt = null;
      document.dispatchEvent(new Event('papershelf-bench-target'));
      const start = performance.now();
      document.querySelector(selector).insertAdjacentHTML(position, html);
      const ready = () => !needKnown || (bench.knownAt !== null && bench.known >= n && bench.identifiedAt !== null);
      const done = () => {
        if (!ready()) return void waiters.push(done);
        const result = { start, identifiedAt: bench.identifiedAt, knownAt: bench.knownAt };
        verified(needKnown, () => afterFrame(() => resolve({ ...result, framed: performance.now() })));
      };
      // Without the extension, the page's own frame for the new cards comes before the probe's pass, as it does with.
      if (needKnown) done();
      else afterFrame(done);
    });
})();
