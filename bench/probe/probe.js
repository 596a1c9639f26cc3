// Benchmark-only extension, loaded with and without Papershelf. Overlays live in closed shadow roots, which
// only an extension can open (chrome.dom.openOrClosedShadowRoot). From DOMContentLoaded on, it follows every
// <papershelf-overlay> host and the buttons inside its root; a save button with aria-busy="true" does not know its
// saved state yet. Overlays build their controls only when their card nears the viewport, so a page counts as
// annotated when as many hosts as the page's <meta name="papershelf-bench-cards"> have appeared, every overlay on
// screen has its controls, and no built button is busy. Then it sets data-papershelf-bench-known="<count>" on
// <html> and fires `papershelf-bench-known` on the document, which the page-world timing script (page-timing.js)
// timestamps. Cost: one observer callback per batch of mutations, and an IntersectionObserver entry per overlay.
(() => {
  if (window.top !== window) return;
  const shadowOf = (el) => globalThis.chrome?.dom?.openOrClosedShadowRoot?.(el) ?? null;
  const target = () => Number(document.querySelector('meta[name="papershelf-bench-cards"]')?.getAttribute('content') ?? 0);
  const hosts = new Set();
  const pending = new Set();
  let reported = -1;

  // Overlays build their controls when their card nears the viewport: every card's saved state must be known
  // (busy buttons), and every overlay on screen must have been built, before the page counts as annotated. What is
  // on screen comes from an IntersectionObserver: reading boxes would lay out the cards the page's
  // content-visibility:auto lets the browser skip (Hugging Face), which costs more than everything measured.
  const onScreen = new Set();
  const screen = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (entry.isIntersecting) onScreen.add(entry.target);
      else onScreen.delete(entry.target);
    }
    check();
  });
  const shownBuilt = () => {
    for (const host of onScreen) if (host.isConnected && !shadowOf(host)?.querySelector('button')) return false;
    return true;
  };

  const check = () => {
    const n = target();
    if (n > 0 && hosts.size >= n && pending.size === 0 && reported !== hosts.size && shownBuilt()) {
      reported = hosts.size;
      document.documentElement.setAttribute('data-papershelf-bench-known', String(hosts.size));
      document.dispatchEvent(new Event('papershelf-bench-known'));
    }
  };

  const track = (button) => {
    if (button.getAttribute('aria-busy') === 'true') pending.add(button);
    else pending.delete(button);
  };

  // Inside the roots: buttons appearing (an overlay built) and their aria-busy changing (a state known).
  const inner = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'attributes') track(record.target);
      else for (const node of record.addedNodes) if (node.nodeType === 1) node.querySelectorAll?.('button').forEach(track), node.localName === 'button' && track(node);
    }
    check();
  });

  const added = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node.nodeType !== 1 || node.localName !== 'papershelf-overlay' || hosts.has(node)) continue;
        hosts.add(node);
        screen.observe(node);
        const root = shadowOf(node);
        if (!root) continue;
        root.querySelectorAll('button').forEach(track);
        inner.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-busy'] });
      }
    }
    check();
  });

  document.addEventListener('DOMContentLoaded', () => added.observe(document.documentElement, { childList: true, subtree: true }));
  // The benchmark raises the meta's count before appending cards: check again when it changes.
  document.addEventListener('papershelf-bench-target', check);
})();
