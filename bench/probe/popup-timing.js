// Benchmark-only script for the popup page (context.addInitScript; it returns at once on other pages).
// - firstItemAt: performance.now() (ms from navigation start) when the first reading-list item is in the DOM
//   (`li[data-id]`, else any `main li`), and firstItemFramedAt once the frame showing it has been drawn.
// - arm()/armed: one keystroke's latency, from the keydown (or a paste's beforeinput) event's timestamp until the items the list shows have
//   changed (the search result is in the DOM), and until the end of the frame that shows it.
// The library page (bench/library.ts) is timed the same way, its items the rows of its table.
(() => {
  const library = location.pathname.endsWith('/src/library/index.html');
  if (location.protocol !== 'chrome-extension:' || !(library || location.pathname.endsWith('/src/popup/index.html'))) return;
  const ITEM = library ? '[role="row"][data-id]' : 'li[data-id], main li';
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

  // completeAt (the library page): when its header stops saying "loading the rest" (its whole list is in, and its
  // count shown) with rows in the table.
  popup.completeAt = null;
  if (library) {
    const whole = new MutationObserver(() => {
      const count = document.querySelector('header.top .muted')?.textContent ?? '';
      if (!count || count.includes('loading the rest') || !document.querySelector(ITEM)) return;
      popup.completeAt = performance.now();
      whole.disconnect();
    });
    whole.observe(document, { childList: true, subtree: true, characterData: true });
  }

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
   * Call, then press one key (or paste text); `armed` resolves with { keyAt, updatedAt, framedAt } once the items shown have
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
      document.addEventListener('beforeinput', onKey, { capture: true }); // text pasted: no key
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
        document.removeEventListener('beforeinput', onKey, { capture: true });
      };
      observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    });
    return true;
  };
})();
