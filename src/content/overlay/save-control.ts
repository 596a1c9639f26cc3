// The save control: a toggle button (aria-pressed = in the reading list) and, once saved, the reading status: a
// button showing it that opens a row of the three statuses to pick from. No <select> (nor any form control): in
// Chromium each one put in a page sets off its autofill agent, a task that brings the page's style and layout up to
// date and reads its forms, then another that reads them again (on a 5,000-card Hugging Face list 23-48 ms and 16-27
// ms; on arXiv 1,000 a forced style and layout of ~10 ms), for every saved paper's overlay built (issue #7).
import type { ReadingStatus } from '../../storage/schema';
import { el, onUser, repeatedClick, setAttr, setText } from './host';

export const SAVE_STYLE = `
.save, .status, .pick { display: inline-flex; align-items: center; gap: 4px; border-radius: 999px;
  border: 1px solid var(--line); background-color: var(--bg); cursor: pointer; }
.save { padding: 1px 10px; }
.status { padding: 1px 8px; }
.save:hover, .status:hover, .pick:hover { background-color: var(--hover); }
.save[aria-pressed="true"] { background-color: var(--saved-bg); border-color: var(--saved-line); color: var(--saved-fg); }
.status-control, .statuses { display: inline-flex; align-items: center; gap: 4px; }
.pick { padding: 1px 8px; }
.pick[aria-pressed="true"] { border-color: var(--accent); }
.status-control[hidden], .statuses[hidden] { display: none; }
`;

const STATUS_LABELS: Record<ReadingStatus, string> = { 'to-read': 'To read', reading: 'Reading', done: 'Done' };
const STATUSES = Object.keys(STATUS_LABELS) as ReadingStatus[];

export interface SaveControl {
  elements: HTMLElement[];
  /** null: not in the list; undefined: not known yet. */
  setStatus(status: ReadingStatus | null | undefined): void;
  showMessage(text: string): void;
  focus(): void;
}

export interface SaveActions {
  toggle(save: boolean): void;
  setStatus(status: ReadingStatus): void;
  /** The statuses opened (true) or closed: the overlay opens its row for them, where they may not fit its one line. */
  picking?(open: boolean): void;
  /**
   * A write may come: the reader's pointer reached Save or its focus did (Tab, or the press of a click), or the statuses
   * opened. Called again at each, as often as the reader does it (the content script decides what to do: start.ts).
   */
  warm?(): void;
}

/**
 * `title`: the card's paper, named in the button's label ("Save “Attention Is All You Need”"), so that a screen
 * reader's list of a page's buttons tells thirty "Save" apart; its reading status's too ("To read: reading status of
 * “…”"). Each label begins with the text shown, for voice control (WCAG 2.5.3).
 */
export function createSaveControl(doc: Document, actions: SaveActions, title?: string): SaveControl {
  const button = el(doc, 'button', { type: 'button', class: 'save', 'aria-pressed': 'false' });
  const star = el(doc, 'span', { 'aria-hidden': 'true' });
  const label = el(doc, 'span');
  button.append(star, label);
  const message = el(doc, 'span', { class: 'msg', role: 'status' });

  onUser(button, 'click', (event) => {
    // The card may sit inside a link or a click handler of the page: the click is ours alone.
    event.preventDefault();
    event.stopPropagation();
    // A double or triple click is one act: its first click toggles, the others (detail 2, 3) do not toggle it back
    // (the toggle is optimistic, so the second click saw "Saved" and removed it). Keys press with detail 0.
    if (repeatedClick(event)) return;
    actions.toggle(button.getAttribute('aria-pressed') !== 'true');
  });
  // The reader reaches for Save a moment before pressing it: the pointer arrives (a mouse's press comes 100 ms or more
  // later, its click at the release), or the focus does (Tab, then Enter or Space). The background may be stopped
  // (the browser stops it after 30 s idle; starting it takes ~50 ms): told now, it is up when the click's save comes.
  const warm = () => actions.warm?.();
  onUser(button, 'pointerenter', warm);
  onUser(button, 'focus', warm);
  // The status exists only once the paper is saved: most cards on a page never need it.
  let statusUi: ReturnType<typeof createStatus> | null = null;
  const picking = (open: boolean) => {
    if (open) actions.warm?.(); // a status is picked next
    actions.picking?.(open);
  };
  const statusControl = () => {
    statusUi ??= createStatus(doc, (value) => actions.setStatus(value), picking, title);
    if (!statusUi.element.parentNode) button.after(statusUi.element);
    return statusUi;
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  let shown: ReadingStatus | null | undefined;
  const control: SaveControl = {
    elements: [button, message],
    setStatus(status) {
      // A failure's message is about the state before this one: "Could not save" beside "Saved" (the reader tried
      // again, and it went through) is taken away. A failure's rollback comes before its message (annotator.ts).
      if (status !== shown) control.showMessage('');
      shown = status;
      // The same state again (a lookup after the overlay was built with it, a broadcast, a refresh after an import)
      // writes nothing: setAttr and setText leave what is already there (see host.ts).
      const saved = status !== null && status !== undefined;
      setAttr(button, 'aria-pressed', String(saved));
      // Not known yet: aria-busy="true" (an empty aria-busy, as toggleAttribute wrote, reads as false). It changes
      // nothing on screen: the answer for a paper not in the list, most cards on a page, then changes nothing the page
      // must draw again (no style of ours reads aria-busy), and only a saved paper's button changes when it comes in.
      if (status === undefined) setAttr(button, 'aria-busy', 'true');
      else button.removeAttribute('aria-busy');
      setText(star, saved ? '★' : '☆');
      setText(label, saved ? 'Saved' : 'Save');
      if (title) setAttr(button, 'aria-label', `${saved ? 'Saved' : 'Save'} “${title}”`);
      setAttr(button, 'title', saved ? 'In your Papershelf reading list (click to remove)' : 'Save to your Papershelf reading list');
      if (saved) statusControl().show(status);
      else if (statusUi) {
        // Removed while the status or its choices had the focus (from another tab, the popup): the focus goes to the
        // Save button beside them, not to the page's body, from where a keyboard reader had to Tab in from the top.
        const root = button.getRootNode() as Document | ShadowRoot;
        const focused = statusUi.element.contains(root.activeElement);
        statusUi.hide();
        if (focused) button.focus();
      }
    },
    showMessage(text) {
      setText(message, text);
      clearTimeout(timer);
      if (text) timer = setTimeout(() => setText(message, ''), 5000);
    },
    focus: () => button.focus(),
  };
  control.setStatus(undefined);
  return control;
}

/**
 * The reading status of a saved paper: a button naming it (aria-expanded) that opens, right after it, a group of one
 * button per status (aria-pressed on the current one, focused when opened). Picking one, or Escape, or moving focus
 * out of the group closes it; picking another status calls `pick` (the annotator shows the change at once).
 */
function createStatus(doc: Document, pick: (status: ReadingStatus) => void, picking: (open: boolean) => void, title?: string) {
  const of = title ? ` of “${title}”` : '';
  const toggle = el(doc, 'button', { type: 'button', class: 'status', 'aria-expanded': 'false' });
  const label = el(doc, 'span');
  toggle.append(label, el(doc, 'span', { 'aria-hidden': 'true' }, '▾'));
  const element = el(doc, 'span', { class: 'status-control' });
  element.append(toggle);
  let current: ReadingStatus = 'to-read';
  let group: HTMLElement | null = null;
  let choices: HTMLButtonElement[] = [];

  const markCurrent = () => choices.forEach((choice, i) => setAttr(choice, 'aria-pressed', String(STATUSES[i] === current)));
  const close = (refocus: boolean) => {
    if (!group || group.hidden) return;
    group.hidden = true;
    toggle.setAttribute('aria-expanded', 'false');
    picking(false);
    if (refocus) toggle.focus();
  };
  const open = () => {
    if (!group) {
      group = el(doc, 'span', { class: 'statuses', role: 'group', 'aria-label': `Set the reading status${of}` });
      choices = STATUSES.map((value) => {
        const choice = el(doc, 'button', { type: 'button', class: 'pick', 'aria-pressed': 'false' }, STATUS_LABELS[value]);
        onUser(choice, 'click', (event) => {
          event.preventDefault();
          event.stopPropagation();
          if (repeatedClick(event)) return;
          close(true);
          if (value !== current) pick(value);
        });
        return choice;
      });
      group.append(...choices);
      toggle.after(group);
    }
    markCurrent();
    group.hidden = false;
    toggle.setAttribute('aria-expanded', 'true');
    picking(true);
    choices[STATUSES.indexOf(current)]?.focus();
  };
  onUser(toggle, 'click', (event) => {
    // The card may sit inside a link or a click handler of the page: the click is ours alone.
    event.preventDefault();
    event.stopPropagation();
    if (repeatedClick(event)) return; // a double click opens them, and leaves them open
    if (group && !group.hidden) close(true);
    else open();
  });
  // Focus leaving the control (Tab past the statuses, Shift+Tab past their button, a click elsewhere) closes them; moving
  // between the statuses and their own button leaves them open.
  element.addEventListener('focusout', (event) => {
    const to = event.relatedTarget as Node | null;
    if (!to || !element.contains(to)) close(false);
  });
  // Escape closes the open statuses, from a status or from their button (focus moved back to it), and goes no further:
  // the page's own Escape (closing its dialog, say) is not set off. Closed, Escape is the page's.
  element.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !group || group.hidden) return;
    event.preventDefault();
    event.stopPropagation();
    close(true);
  });
  // While open, a press inside moves no focus: where a click does not focus a button (macOS), focus would otherwise
  // leave the group on mousedown and close it before the click lands on a status.
  element.addEventListener('mousedown', (event) => {
    if (group && !group.hidden) event.preventDefault();
  });

  return {
    element,
    show(status: ReadingStatus) {
      current = status;
      element.hidden = false;
      setText(label, STATUS_LABELS[status]);
      setAttr(toggle, 'aria-label', `${STATUS_LABELS[status]}: reading status${of}`);
      markCurrent();
    },
    hide() {
      close(false);
      element.hidden = true;
    },
  };
}
