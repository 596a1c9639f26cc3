// @vitest-environment jsdom
import { beforeEach, expect, it, onTestFinished, vi } from 'vitest';
import { userInput } from './host';
import { createRelevanceMark, RELEVANCE_STYLE } from './relevance-mark';

// jsdom's clicks are all a script's: here they stand for the user's.
beforeEach(() => void vi.spyOn(userInput, 'isUser').mockReturnValue(true));

it('Escape hides the reason shown over the page (focus or hover stays), and goes to the page once it is hidden', () => {
  // WCAG 1.4.13: the reason line is drawn over the card below while the mark is focused or hovered ("Next relevant"
  // puts the focus there), and a reader must be able to put it away without moving the focus or the pointer.
  const view = createRelevanceMark(document);
  const [mark] = view.elements;
  document.body.replaceChildren(...view.elements);
  view.set('like 2 saved papers');
  const pageHeard = vi.fn();
  document.addEventListener('keydown', pageHeard);
  onTestFinished(() => document.removeEventListener('keydown', pageHeard));
  const escape = () => mark.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
  view.focus();
  mark.click(); // kept open by a click too
  escape();
  expect([mark.hasAttribute('data-dismissed'), mark.getAttribute('aria-expanded'), pageHeard.mock.calls.length]).toEqual([true, 'false', 0]);
  escape();
  expect(pageHeard).toHaveBeenCalledTimes(1); // nothing left to hide: Escape is the page's
  // Focus gone (or the pointer), the next focus or hover shows it again.
  mark.blur();
  expect(mark.hasAttribute('data-dismissed')).toBe(false);
  // The style hides the line while dismissed, over the rules that show it (the later rule of the same weight).
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(RELEVANCE_STYLE);
  const rules = [...sheet.cssRules] as CSSStyleRule[];
  const shows = rules.findIndex((r) => r.selectorText.includes('.relevant:focus ~ .why') && r.style.display === 'block');
  const hides = rules.findIndex((r) => r.selectorText === '.relevant[data-dismissed] ~ .why' && r.style.display === 'none');
  expect(shows).toBeGreaterThan(-1);
  expect(hides).toBeGreaterThan(shows);
});

it('a double click keeps the reason open (its second click does not close it again)', () => {
  const view = createRelevanceMark(document);
  const [mark] = view.elements;
  document.body.replaceChildren(...view.elements);
  view.set('like 2 saved papers');
  const click = (detail: number) => mark.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, detail }));
  click(1);
  click(2);
  expect(mark.getAttribute('aria-expanded')).toBe('true');
  click(1);
  expect(mark.getAttribute('aria-expanded')).toBe('false');
});
