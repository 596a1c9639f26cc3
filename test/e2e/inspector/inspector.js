// Test-only extension (never shipped). Closed shadow roots are hidden from the page and from WebDriver
// locators, but extensions can open them: chrome.dom.openOrClosedShadowRoot in Chromium,
// Element.openOrClosedShadowRoot in Firefox. On request from the test it reports every overlay's
// controls (id, aria-pressed, label, centre on screen) into an attribute the test reads.
const shadowOf = (el) => globalThis.chrome?.dom?.openOrClosedShadowRoot?.(el) ?? el.openOrClosedShadowRoot ?? null;

// What an element shows: the overlay's text is generated content from data-text attributes (host.ts setText).
const shown = (el) => (el.getAttribute('data-text') ?? '') + [...el.children].map(shown).join('');
const centre = (el) => {
  const rect = el.getBoundingClientRect();
  return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
};
const statusOf = (root) => {
  const toggle = root?.querySelector('button.status');
  if (!toggle || toggle.closest('[hidden]')) return null;
  const group = root.querySelector('.statuses');
  const open = toggle.getAttribute('aria-expanded') === 'true' && !!group && !group.hidden;
  return {
    label: toggle.getAttribute('aria-label'),
    ...centre(toggle),
    open,
    choices: open ? [...group.querySelectorAll('button')].map((b) => ({ label: shown(b), pressed: b.getAttribute('aria-pressed'), ...centre(b) })) : [],
    focused: root.activeElement === toggle ? 'status' : root.activeElement?.closest?.('.statuses') ? shown(root.activeElement) : null,
  };
};

const whole = (host, button) => {
  const outer = host.getBoundingClientRect();
  const box = button.getBoundingClientRect();
  const style = getComputedStyle(button);
  return box.top >= outer.top - 0.5 && box.bottom <= outer.bottom + 0.5 && parseFloat(style.lineHeight) >= parseFloat(style.fontSize);
};

const covered = (root) => {
  const end = root?.querySelector('.row > .end');
  if (!end || !end.getClientRects().length) return [];
  const e = end.getBoundingClientRect();
  return [...root.querySelectorAll('.row button, .row a')]
    .filter((c) => !c.classList.contains('more') && c.getClientRects().length)
    .filter((c) => {
      const r = c.getBoundingClientRect();
      return r.left < e.right - 0.5 && r.right > e.left + 0.5 && r.top < e.bottom - 0.5 && r.bottom > e.top + 0.5;
    })
    .map(shown);
};

document.addEventListener('papershelf-inspect', () => {
  const overlays = [...document.querySelectorAll('papershelf-overlay')].map((host) => {
    const root = shadowOf(host);
    const button = root?.querySelector('button.save') ?? root?.querySelector('button');
    const at = button ? centre(button) : { x: null, y: null };
    return {
      id: host.getAttribute('data-papershelf-id'),
      hostAttributes: host.getAttributeNames(),
      // null until the saved state is known (the control is aria-busy while it asks).
      pressed: button && !button.hasAttribute('aria-busy') ? button.getAttribute('aria-pressed') : null,
      label: (button ? shown(button) : null),
      x: at.x,
      y: at.y,
      chips: [...(root?.querySelectorAll('.tags .chip') ?? [])].map((c) => shown(c)),
      // A followed author's chip's star, as the browser took its style: drawn, and read as its alternative text (after a /).
      authorStars: [...(root?.querySelectorAll('.tags .chip[data-kind="author"]') ?? [])].map((c) => getComputedStyle(c, '::before').content),
      badges: [...(root?.querySelectorAll('a.badge') ?? [])].map((a) => ({ href: a.href, text: shown(a) })),
      // The relevance reason line when the card is marked, else null; and whether the mark has focus.
      relevance: root?.querySelector('button.relevant:not([hidden])') ? (root.querySelector('.why') ? shown(root.querySelector('.why')) : '') : null,
      markFocused: root?.activeElement?.classList?.contains('relevant') ?? false,
      dimmed: root?.querySelector('.row')?.classList.contains('dim') ?? false,
      // The card stands out (a watched topic, a followed author).
      watched: root?.querySelector('.row')?.classList.contains('watched') ?? false,
      message: (root?.querySelector('.msg') ? shown(root.querySelector('.msg')) : ''),
      // A saved paper's reading status: its button (label, centre, open or not) and, while open, the statuses offered.
      status: statusOf(root),
      built: !!button,
      // Our style reached the root (a constructed sheet in Chromium, a <style> in Firefox): the row is a flex box.
      styled: !!root?.querySelector('.row') && getComputedStyle(root.querySelector('.row')).display === 'flex',
      // The save button drawn whole: within the host's box (the row clips there), its text within its line.
      saveWhole: root?.querySelector('button.save') ? whole(host, root.querySelector('button.save')) : null,
      // Controls the end of the row is drawn over (it fills the rest of the first line, up to the "more" button).
      covered: covered(root),
    };
  });
  document.documentElement.setAttribute('data-papershelf-inspector', JSON.stringify(overlays));
});

// The page-level relevance control: its buttons (label, aria-pressed, centre on screen) into an attribute. The test
// clicks them with the mouse: the extension ignores a script's clicks (this script's too).
const controlButtons = () => {
  const host = document.querySelector('papershelf-controls');
  // Only a control the user can see (drawn, not only attributed: a style once overrode its bar's `hidden`).
  const bar = (host && shadowOf(host))?.querySelector('.bar');
  return bar && bar.getClientRects().length > 0 ? [...bar.querySelectorAll('button')] : [];
};
document.addEventListener('papershelf-inspect-controls', () => {
  const buttons = controlButtons().map((b) => ({ label: shown(b), pressed: b.getAttribute('aria-pressed'), disabled: b.getAttribute('aria-disabled'), ...centre(b) }));
  document.documentElement.setAttribute('data-papershelf-inspector-controls', JSON.stringify(buttons));
});
