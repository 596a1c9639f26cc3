// @vitest-environment jsdom
import { beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { shownText, userInput } from './host';
import { createSaveControl, SAVE_STYLE } from './save-control';

// jsdom's clicks are all a script's: here they stand for the user's, but in the test of the guard itself.
beforeEach(() => void vi.spyOn(userInput, 'isUser').mockReturnValue(true));

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
  expect([button.getAttribute('aria-pressed'), button.hasAttribute('aria-busy'), shownText(button)]).toEqual(['false', false, '☆Save']);
  expect(await changes(control.elements, () => control.setStatus(null))).toEqual([]);
  control.setStatus('reading');
  expect([button.getAttribute('aria-pressed'), shownText(button), button.title]).toEqual(['true', '★Saved', 'In your Papershelf reading list (click to remove)']);
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

describe('clicks in a row on the Save button', () => {
  /** The control in the document, not saved, whose toggle shows its change at once (optimistic, as the annotator's). */
  function unsaved() {
    const toggled: boolean[] = [];
    const control: ReturnType<typeof createSaveControl> = createSaveControl(document, {
      toggle: (save) => (toggled.push(save), control.setStatus(save ? 'to-read' : null)),
      setStatus: () => {},
    });
    const card = document.createElement('a'); // the card may be a link: no click of ours may follow it
    card.href = '#followed';
    card.append(...control.elements);
    document.body.replaceChildren(card);
    control.setStatus(null);
    const button = card.querySelector<HTMLButtonElement>('button.save')!;
    const pageHeard = vi.fn();
    document.addEventListener('click', pageHeard);
    onTestFinished(() => document.removeEventListener('click', pageHeard));
    /** A click as the browser counts it: `detail` is its place in a double or triple click (0: a key pressed it). */
    const click = (detail: number) => {
      const event = new MouseEvent('click', { bubbles: true, cancelable: true, detail });
      button.dispatchEvent(event);
      return event.defaultPrevented;
    };
    return { button, toggled, click, pageHeard };
  }

  it('a double or a triple click saves once and leaves the paper saved; each is ours alone', () => {
    for (const clicks of [[1, 2], [1, 2, 3]]) {
      const { button, toggled, click, pageHeard } = unsaved();
      expect(clicks.map(click)).toEqual(clicks.map(() => true)); // not the page's link, not its click handler
      expect([toggled, button.getAttribute('aria-pressed'), pageHeard.mock.calls.length]).toEqual([[true], 'true', 0]);
      // A click after the double click is a new one: it removes.
      click(1);
      expect([toggled, button.getAttribute('aria-pressed')]).toEqual([[true, false], 'false']);
    }
  });

  it('each key press toggles (keys press with detail 0), as each single click does', () => {
    const { button, toggled, click } = unsaved();
    click(0);
    click(0);
    click(1);
    click(1);
    expect([toggled, button.getAttribute('aria-pressed')]).toEqual([[true, false, true, false], 'false']);
  });
});

describe('the reading status of a saved paper', () => {
  /** The control in the document (focus needs it), saved with `status`. */
  function saved(status: 'to-read' | 'reading' | 'done') {
    const picked: string[] = [];
    const control = createSaveControl(document, { toggle: () => {}, setStatus: (s) => picked.push(s) });
    const row = document.createElement('div');
    row.append(...control.elements);
    document.body.replaceChildren(row);
    control.setStatus(status);
    const toggle = row.querySelector<HTMLButtonElement>('button.status')!;
    const choices = () => [...row.querySelectorAll<HTMLButtonElement>('.statuses button')];
    const open = () => toggle.getAttribute('aria-expanded') === 'true' && !row.querySelector<HTMLElement>('.statuses')!.hidden;
    return { control, row, toggle, choices, open, picked };
  }

  it('names the status on a button, and builds no form control (no <select>: Chromium autofill work per control)', () => {
    const { row, toggle, choices } = saved('reading');
    expect([shownText(toggle), toggle.getAttribute('aria-label'), toggle.getAttribute('aria-expanded')]).toEqual(['Reading▾', 'Reading: reading status', 'false']);
    expect(choices()).toEqual([]); // the choices are built when first opened
    toggle.click();
    expect(row.querySelectorAll('select, input, textarea, option')).toHaveLength(0);
  });

  it('opens the three statuses with the current one pressed and focused, and picks another with one click', () => {
    const { toggle, choices, open, picked } = saved('to-read');
    toggle.click();
    expect(open()).toBe(true);
    expect(choices().map((b) => [shownText(b), b.getAttribute('aria-pressed')])).toEqual([['To read', 'true'], ['Reading', 'false'], ['Done', 'false']]);
    expect(document.activeElement).toBe(choices()[0]);
    expect(choices()[0]!.parentElement!.getAttribute('role')).toBe('group');
    choices()[2]!.click();
    expect(picked).toEqual(['done']);
    expect(open()).toBe(false);
    expect(document.activeElement).toBe(toggle);
  });

  it('picking the current status, Escape, or a second click on the button closes without a write', () => {
    const { toggle, choices, open, picked } = saved('reading');
    toggle.click();
    choices()[1]!.click();
    expect([open(), picked]).toEqual([false, []]);
    toggle.click();
    choices()[1]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect([open(), picked, document.activeElement === toggle]).toEqual([false, [], true]);
    toggle.click();
    toggle.click();
    expect([open(), picked]).toEqual([false, []]);
  });

  it('a double click on the status opens the statuses and leaves them open (its second click is no toggle)', () => {
    const { toggle, open } = saved('reading');
    const click = (detail: number) => toggle.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, detail }));
    click(1);
    click(2);
    expect(open()).toBe(true);
    click(1); // a click of its own, later, closes them
    expect(open()).toBe(false);
  });

  it('Escape closes the statuses from their button too (focus moved back to it), and goes no further', () => {
    const { toggle, open } = saved('reading');
    toggle.click();
    toggle.focus(); // Shift+Tab back to the button: the statuses stay open
    expect(open()).toBe(true);
    const pageHeard = vi.fn();
    document.addEventListener('keydown', pageHeard);
    onTestFinished(() => document.removeEventListener('keydown', pageHeard));
    toggle.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
    expect([open(), document.activeElement === toggle]).toEqual([false, true]);
    expect(pageHeard).not.toHaveBeenCalled(); // the page's own Escape (closing its dialog, say) is not set off
    toggle.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
    expect(pageHeard).toHaveBeenCalledTimes(1); // closed: Escape is the page's again
  });

  it('closes when focus leaves the statuses, not when it moves between them or back to the button', () => {
    const { toggle, choices, open } = saved('to-read');
    const elsewhere = document.body.appendChild(document.createElement('button'));
    toggle.click();
    choices()[1]!.focus();
    expect(open()).toBe(true);
    toggle.focus();
    expect(open()).toBe(true);
    choices()[0]!.focus();
    elsewhere.focus();
    expect(open()).toBe(false);
    // Back to their button, then on past it (Shift+Tab twice, to the Save button): closed too.
    toggle.click();
    toggle.focus();
    expect(open()).toBe(true);
    elsewhere.focus();
    expect(open()).toBe(false);
  });

  it('keeps focus where it is on a press inside while open (a click that does not focus its button closes nothing)', () => {
    const { toggle, choices, open } = saved('to-read');
    const press = (target: Element) => {
      const event = new MouseEvent('mousedown', { bubbles: true, cancelable: true });
      target.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(press(toggle)).toBe(false); // closed: the button takes focus as any button does
    toggle.click();
    expect([press(choices()[2]!), press(toggle), open()]).toEqual([true, true, true]);
  });

  it('follows the status told (another tab, a lookup), and hides it all when the paper is removed', async () => {
    const { control, row, toggle, choices, open } = saved('to-read');
    toggle.click();
    control.setStatus('done');
    expect([shownText(toggle), choices().map((b) => b.getAttribute('aria-pressed'))]).toEqual(['Done▾', ['false', 'false', 'true']]);
    const status = row.querySelector<HTMLElement>('.status-control')!;
    expect(await changes([status], () => control.setStatus('done'))).toEqual([]);
    control.setStatus(null);
    expect([status.hidden, open()]).toEqual([true, false]);
    control.setStatus('reading');
    expect([status.hidden, shownText(toggle)]).toEqual([false, 'Reading▾']);
    expect(row.querySelectorAll('.status-control')).toHaveLength(1);
  });
  it('hands the focus to the Save button when the paper is removed elsewhere while its statuses have it (another tab)', () => {
    const { control, row, toggle, choices } = saved('reading');
    const button = row.querySelector<HTMLButtonElement>('button.save')!;
    toggle.click();
    expect(document.activeElement).toBe(choices()[1]);
    control.setStatus(null);
    expect(document.activeElement).toBe(button); // not the page's body: the reader carries on from the card
    control.setStatus('to-read');
    toggle.focus();
    control.setStatus(null);
    expect(document.activeElement).toBe(button);
    // Focus elsewhere stays where it is.
    const elsewhere = document.body.appendChild(document.createElement('button'));
    control.setStatus('to-read');
    elsewhere.focus();
    control.setStatus(null);
    expect(document.activeElement).toBe(elsewhere);
  });
});

describe("a page script's clicks", () => {
  it('save nothing and open no statuses: only the user acts through the controls', () => {
    vi.spyOn(userInput, 'isUser').mockRestore(); // the real guard: jsdom's click() is untrusted, as a page script's is
    const calls: string[] = [];
    const control = createSaveControl(document, { toggle: (on) => calls.push(`toggle ${on}`), setStatus: (s) => calls.push(`status ${s}`) });
    const row = document.createElement('div');
    row.append(...control.elements);
    document.body.replaceChildren(row);
    control.setStatus('to-read');
    const button = row.querySelector<HTMLButtonElement>('button.save')!;
    const toggle = row.querySelector<HTMLButtonElement>('button.status')!;
    button.click();
    button.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    toggle.click();
    expect([calls, toggle.getAttribute('aria-expanded'), row.querySelectorAll('button.pick').length]).toEqual([[], 'false', 0]);
    // The same clicks, as the user's, act.
    vi.spyOn(userInput, 'isUser').mockReturnValue(true);
    button.click();
    toggle.click();
    expect([calls, toggle.getAttribute('aria-expanded')]).toEqual([['toggle false'], 'true']);
  });
});

it("takes a failure's message away once the state changes (the reader's retry went through), not before", () => {
  const control = createSaveControl(document, { toggle: () => {}, setStatus: () => {} });
  const [, message] = control.elements as [HTMLButtonElement, HTMLElement];
  control.setStatus(null); // the save failed and was rolled back…
  control.showMessage('Could not save. Try again.');
  control.setStatus(null); // …and a late lookup says so again: the message stays
  expect(shownText(message)).toBe('Could not save. Try again.');
  control.setStatus('to-read'); // tried again, and saved: "Could not save" beside "Saved" is wrong
  expect(shownText(message)).toBe('');
});

describe('a write on its way (warm: the content script wakes the background)', () => {
  it("is told when the user's pointer or focus reaches Save and when the statuses open, not on a page script's events", () => {
    const warmed: string[] = [];
    let why = '';
    const control = createSaveControl(document, { toggle: () => {}, setStatus: () => {}, warm: () => warmed.push(why) });
    const row = document.createElement('div');
    row.append(...control.elements);
    document.body.replaceChildren(row);
    const button = row.querySelector<HTMLButtonElement>('button.save')!;
    const act = (name: string, run: () => void) => ((why = name), run());
    control.setStatus(null);
    expect(warmed).toEqual([]); // built, shown, not reached: nothing
    act('pointer', () => button.dispatchEvent(new PointerEvent('pointerenter')));
    act('focus', () => button.focus());
    control.setStatus('to-read');
    const toggle = row.querySelector<HTMLButtonElement>('button.status')!;
    act('statuses opened', () => toggle.click());
    act('statuses closed', () => toggle.click());
    act('pointer over the page', () => row.dispatchEvent(new PointerEvent('pointerenter')));
    expect(warmed).toEqual(['pointer', 'focus', 'statuses opened']);
    // A page script's events (untrusted) tell nothing: the page cannot make the extension send messages at will.
    vi.spyOn(userInput, 'isUser').mockRestore();
    act('script pointer', () => button.dispatchEvent(new PointerEvent('pointerenter')));
    act('script focus', () => button.dispatchEvent(new FocusEvent('focus')));
    expect(warmed).toEqual(['pointer', 'focus', 'statuses opened']);
  });
});
