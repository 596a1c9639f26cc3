// Benchmark-only extension, loaded with and without Papershelf. Overlays live in closed shadow roots, which
// only an extension can open (chrome.dom.openOrClosedShadowRoot). From DOMContentLoaded on, it follows every
// <papershelf-overlay> host; a save button with aria-busy="true" does not know its saved state yet. When as many
// hosts as the page's <meta name="papershelf-bench-cards"> have appeared and none is busy, it sets
// data-papershelf-bench-known="<count>" on <html> and fires `papershelf-bench-known` on the document, which the
// page-world timing script (page-timing.js) timestamps. Cost: one observer callback per batch of mutations.
(() => {
  if (window.top !== window) return;
  const shadowOf = (el) => globalThis.chrome?.dom?.openOrClosedShadowRoot?.(el) ?? null;
  const target = () => Number(document.querySelector('meta[name="papershelf-bench-cards"]')?.getAttribute('content') ?? 0);
  const hosts = new WeakSet();
  const pending = new Set();
  let seen = 0;
  let reported = -1;

  const check = () => {
    const n = target();
    if (n > 0 && seen >= n && pending.size === 0 && reported !== seen) {
      reported = seen;
      document.documentElement.setAttribute('data-papershelf-bench-known', String(seen));
      document.dispatchEvent(new Event('papershelf-bench-known'));
    }
  };

  const buttons = new MutationObserver((records) => {
    for (const record of records) {
      const button = record.target;
      if (pending.has(button) && button.getAttribute('aria-busy') !== 'true') pending.delete(button);
    }
    check();
  });

  const added = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node.nodeType !== 1 || node.localName !== 'papershelf-overlay' || hosts.has(node)) continue;
        hosts.add(node);
        seen++;
        const button = shadowOf(node)?.querySelector('button');
        if (button && button.getAttribute('aria-busy') === 'true') {
          pending.add(button);
          buttons.observe(button, { attributes: true, attributeFilter: ['aria-busy'] });
        }
      }
    }
    check();
  });

  document.addEventListener('DOMContentLoaded', () => added.observe(document.documentElement, { childList: true, subtree: true }));
  // The benchmark raises the meta's count before appending cards: check again when it changes.
  document.addEventListener('papershelf-bench-target', check);
})();
