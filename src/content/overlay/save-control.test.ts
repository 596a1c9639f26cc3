// @vitest-environment jsdom
import { expect, it } from 'vitest';
import { createSaveControl, SAVE_STYLE } from './save-control';

/** The DOM changes an action makes under the control's elements, as a MutationObserver sees them. */
async function changes(targets: readonly Node[], act: () => void): Promise<MutationRecord[]> {
  const seen: MutationRecord[] = [];
  const observer = new MutationObserver((records) => seen.push(...records));
  for (const target of targets) observer.observe(target, { subtree: true, childList: true, attributes: true, characterData: true });
  act();
  await Promise.resolve();
  seen.push(...observer.takeRecords());
  observer.disconnect();
  return seen;
}

it('shows the saved state, and writes nothing when told the same state again', async () => {
  const control = createSaveControl(document, { toggle: () => {}, setStatus: () => {} });
  const [button] = control.elements as [HTMLButtonElement, HTMLElement];
  control.setStatus(undefined);
  expect(button.getAttribute('aria-busy')).toBe('true'); // not known yet (an empty aria-busy would read as false)
  control.setStatus(null);
  expect([button.getAttribute('aria-pressed'), button.hasAttribute('aria-busy'), button.textContent]).toEqual(['false', false, '☆Save']);
  expect(await changes(control.elements, () => control.setStatus(null))).toEqual([]);
  control.setStatus('reading');
  expect([button.getAttribute('aria-pressed'), button.textContent, button.title]).toEqual(['true', '★Saved', 'In your Papershelf reading list (click to remove)']);
  expect(await changes(control.elements, () => control.setStatus('reading'))).toEqual([]);
});

it('looks the same while its state is asked as when the paper is not saved: no style of the control reads aria-busy', () => {
  // The answer for a paper not in the list, most of a page's cards, must change nothing the page has to draw again.
  expect(SAVE_STYLE).not.toMatch(/aria-busy/);
  const control = createSaveControl(document, { toggle: () => {}, setStatus: () => {} });
  const [button] = control.elements as [HTMLButtonElement, HTMLElement];
  control.setStatus(undefined);
  const asking = button.outerHTML.replace(' aria-busy="true"', '');
  control.setStatus(null);
  expect(button.outerHTML).toBe(asking);
});
