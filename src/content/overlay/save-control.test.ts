// @vitest-environment jsdom
import { expect, it } from 'vitest';
import { createSaveControl } from './save-control';

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
  expect(button.hasAttribute('aria-busy')).toBe(true);
  control.setStatus(null);
  expect([button.getAttribute('aria-pressed'), button.hasAttribute('aria-busy'), button.textContent]).toEqual(['false', false, '☆Save']);
  expect(await changes(control.elements, () => control.setStatus(null))).toEqual([]);
  control.setStatus('reading');
  expect([button.getAttribute('aria-pressed'), button.textContent, button.title]).toEqual(['true', '★Saved', 'In your Papershelf reading list (click to remove)']);
  expect(await changes(control.elements, () => control.setStatus('reading'))).toEqual([]);
});
