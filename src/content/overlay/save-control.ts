// The save control: a toggle button (aria-pressed = in the reading list) and, once saved, the reading status.
import type { ReadingStatus } from '../../storage/schema';
import { el, setAttr, setText } from './host';

export const SAVE_STYLE = `
.save { display: inline-flex; align-items: center; gap: 4px; padding: 1px 10px; border-radius: 999px;
  border: 1px solid var(--line); background: var(--bg); cursor: pointer; }
.save:hover { background: var(--hover); }
.save[aria-pressed="true"] { background: var(--saved-bg); border-color: var(--saved-line); color: var(--saved-fg); }
.status { border: 1px solid var(--line); border-radius: 999px; background: var(--bg); padding: 0 4px; }
.status[hidden] { display: none; }
`;

const STATUS_LABELS: Record<ReadingStatus, string> = { 'to-read': 'To read', reading: 'Reading', done: 'Done' };

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
}

export function createSaveControl(doc: Document, actions: SaveActions): SaveControl {
  const button = el(doc, 'button', { type: 'button', class: 'save', 'aria-pressed': 'false' });
  const star = el(doc, 'span', { 'aria-hidden': 'true' });
  const label = el(doc, 'span');
  button.append(star, label);
  const message = el(doc, 'span', { class: 'msg', role: 'status' });

  button.addEventListener('click', (event) => {
    // The card may sit inside a link or a click handler of the page: the click is ours alone.
    event.preventDefault();
    event.stopPropagation();
    actions.toggle(button.getAttribute('aria-pressed') !== 'true');
  });
  // The status menu exists only once the paper is saved: most cards on a page never need one, and a <select> with
  // its options is among the costliest things to build per card.
  let select: HTMLSelectElement | null = null;
  const statusMenu = (): HTMLSelectElement => {
    if (!select) {
      const menu = el(doc, 'select', { class: 'status', 'aria-label': 'Reading status' }) as HTMLSelectElement;
      for (const [value, text] of Object.entries(STATUS_LABELS)) menu.append(el(doc, 'option', { value }, text));
      menu.addEventListener('click', (event) => event.stopPropagation());
      menu.addEventListener('change', () => actions.setStatus(menu.value as ReadingStatus));
      select = menu;
    }
    if (!select.parentNode) button.after(select);
    return select;
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  const control: SaveControl = {
    elements: [button, message],
    setStatus(status) {
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
      setAttr(button, 'title', saved ? 'In your Papershelf reading list (click to remove)' : 'Save to your Papershelf reading list');
      if (saved) {
        const menu = statusMenu();
        menu.hidden = false;
        menu.value = status;
      } else if (select) select.hidden = true;
    },
    showMessage(text) {
      message.textContent = text;
      clearTimeout(timer);
      timer = setTimeout(() => (message.textContent = ''), 5000);
    },
    focus: () => button.focus(),
  };
  control.setStatus(undefined);
  return control;
}
