// Benchmark-only script for the popup page (context.addInitScript; it returns at once on other pages).
// - firstItemAt: performance.now() (ms from navigation start) when the first reading-list item is in the DOM
//   (`li[data-id]`, else any `main li`), and firstItemFramedAt once the frame showing it has been drawn.
// - arm()/armed: one keystroke's latency, from the keydown event's timestamp until the items the list shows have
//   changed (the search result is in the DOM), and until the end of the frame that shows it.
(() => {
  if (location.protocol !== 'chrome-extension:' || !location.pathname.endsWith('/src/popup/index.html')) return;
  const ITEM = 'li[data-id], main li';
  // answeredItemAt: the first item from the background's answer (the list is no longer marked aria-busy: before
  // that, the popup shows its copy of the newest papers from its last open).
  const popup = { firstItemAt: null, firstItemFramedAt: null, answeredItemAt: null, events: [], armed: null, errors: [] };
  window.__papershelfPopup = popup;
  const afterFrame = (fn) => requestAnimationFrame(() => setTimeout(fn, 0));

  const first = new MutationObserver(() => {
    if (!document.querySelector(ITEM)) return;
    if (popup.firstItemAt === null) {
      popup.firstItemAt = performance.now();
      afterFrame(() => (popup.firstItemFramedAt = performance.now()));
    }
    if (!document.querySelector('[aria-busy="true"]')) {
      popup.answeredItemAt = performance.now();
      first.disconnect();
    }
  });
  first.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-busy'] });

  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) popup.events.push({ name: e.name, start: e.startTime, duration: e.duration, processingStart: e.processingStart, processingEnd: e.processingEnd });
    }).observe({ type: 'event', durationThreshold: 16, buffered: true });
  } catch (error) {
    popup.errors.push(String(error));
  }

  popup.items = () => document.querySelectorAll(ITEM).length;

  /** What the list shows: every item's data-id (else its text), in order. */
  const shownItems = () => [...document.querySelectorAll(ITEM)].map((li) => li.getAttribute('data-id') ?? li.textContent).join('\n');

  /**
   * Call, then press one key; `armed` resolves with { keyAt, updatedAt, framedAt } once the items shown have
   * changed (other re-renders do not count), or null after `timeoutMs`.
   */
  popup.arm = (timeoutMs) => {
    let keyAt = null;
    const before = shownItems();
    popup.armed = new Promise((resolve) => {
      const onKey = (event) => {
        if (keyAt === null) keyAt = event.timeStamp;
      };
      document.addEventListener('keydown', onKey, { capture: true });
      let mutations = 0;
      const observer = new MutationObserver(() => {
        mutations++;
        if (keyAt === null || shownItems() === before) return;
        const updatedAt = performance.now();
        finish();
        afterFrame(() => resolve({ keyAt, updatedAt, framedAt: performance.now(), mutations }));
      });
      const timer = setTimeout(() => {
        finish();
        resolve(null);
      }, timeoutMs);
      const finish = () => {
        observer.disconnect();
        clearTimeout(timer);
        document.removeEventListener('keydown', onKey, { capture: true });
      };
      observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    });
    return true;
  };
})();
