// Benchmark-only extension, loaded with and without Papershelf. Overlays live in closed shadow roots, which
// only an extension can open (chrome.dom.openOrClosedShadowRoot). From DOMContentLoaded on, it follows every
// <papershelf-overlay> host and the buttons inside its root; a save button with aria-busy="true" does not know its
// saved state yet. Overlays build their controls only when their card nears the viewport, so a page counts as
// annotated when as many hosts as the page's <meta name="papershelf-bench-cards"> have appeared, every overlay on
// screen has its controls, and no built button is busy. Then it sets data-papershelf-bench-known="<count>" on
// <html> and fires `papershelf-bench-known` on the document, which the page-world timing script (page-timing.js)
// timestamps. Cost: one observer callback per batch of mutations, and one IntersectionObserver pass over the hosts once the rest is true.
(() => {
  if (window.top !== window) return;
  const shadowOf = (el) => globalThis.chrome?.dom?.openOrClosedShadowRoot?.(el) ?? null;
  const target = () => Number(document.querySelector('meta[name="papershelf-bench-cards"]')?.getAttribute('content') ?? 0);
  const hosts = new Set();
  const pending = new Set();
  let reported = -1;

  // Overlays build their controls when their card nears the viewport: every card's saved state must be known
  // (busy buttons), and every overlay on screen must have been built, before the page counts as annotated. What is
  // on screen comes from a one-shot IntersectionObserver over every host, made only once the rest is true (its
  // first callback reports each target's state): reading boxes would lay out the cards the page's
  // content-visibility:auto lets the browser skip (Hugging Face), and an observer kept on every host would cost
  // every frame; either would be counted as the extension's work.
  let screening = false;
  const screen = () => {
    if (screening) return;
    screening = true;
    const once = new IntersectionObserver((entries) => {
      once.disconnect();
      screening = false;
      const unbuilt = entries.some((e) => e.isIntersecting && e.target.isConnected && !shadowOf(e.target)?.querySelector('button'));
      if (!unbuilt) report();
      // else: the overlays being built add buttons, and `inner` calls check() again
    });
    for (const host of hosts) once.observe(host);
  };

  // The on-screen milestone: every card in the viewport when the page loaded (the page's cards, by the selector in
  // <meta name="papershelf-bench-card">, seen by a one-shot IntersectionObserver after DOMContentLoaded) shows a
  // built overlay that knows its saved state. Then data-papershelf-bench-screen="<cards on screen>" on <html> and
  // `papershelf-bench-screen` on the document. A card's overlay is inside it, or in the dd after an arXiv dt.
  let onScreen = null;
  let screenReported = false;
  const hostOf = (card) => {
    const inside = card.querySelector('papershelf-overlay');
    if (inside || card.localName !== 'dt') return inside;
    for (let el = card.nextElementSibling; el && el.localName !== 'dt'; el = el.nextElementSibling) if (el.localName === 'dd') return el.querySelector('papershelf-overlay');
    return null;
  };
  const findScreen = () => {
    const selector = document.querySelector('meta[name="papershelf-bench-card"]')?.getAttribute('content');
    if (!selector) return;
    const cards = document.querySelectorAll(selector);
    const once = new IntersectionObserver((entries) => {
      once.disconnect();
      onScreen = entries.filter((e) => e.isIntersecting).map((e) => e.target);
      checkScreen();
    });
    cards.forEach((card) => once.observe(card));
  };
  const checkScreen = () => {
    if (screenReported || !onScreen) return;
    for (const card of onScreen) {
      const host = hostOf(card);
      const button = host && shadowOf(host)?.querySelector('button');
      if (!button || button.getAttribute('aria-busy') === 'true') return;
    }
    screenReported = true;
    document.documentElement.setAttribute('data-papershelf-bench-screen', String(onScreen.length));
    document.dispatchEvent(new Event('papershelf-bench-screen'));
  };

  const report = () => {
    if (reported === hosts.size) return;
    reported = hosts.size;
    document.documentElement.setAttribute('data-papershelf-bench-known', String(hosts.size));
    document.dispatchEvent(new Event('papershelf-bench-known'));
  };

  const check = () => {
    const n = target();
    if (n > 0 && hosts.size >= n && pending.size === 0 && reported !== hosts.size) screen();
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
    checkScreen();
  });

  const added = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node.nodeType !== 1 || node.localName !== 'papershelf-overlay' || hosts.has(node)) continue;
        hosts.add(node);
        const root = shadowOf(node);
        if (!root) continue;
        root.querySelectorAll('button').forEach(track);
        inner.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-busy'] });
      }
    }
    check();
    checkScreen();
  });

  document.addEventListener('DOMContentLoaded', () => {
    added.observe(document.documentElement, { childList: true, subtree: true });
    findScreen();
  });
  // The benchmark raises the meta's count before appending cards: check again when it changes.
  document.addEventListener('papershelf-bench-target', check);
})();
