// The overlay on one card: a host element carrying only `data-papershelf-id`, with a closed shadow root
// that holds the save control. Page data is written with textContent only; nothing about the user is
// readable from the page's DOM.
import type { ReadingStatus } from '../storage/schema';

export const HOST_TAG = 'papershelf-overlay';

const STYLE = `
:host { all: initial; display: block; margin: 6px 0 2px; font: 13px/1.4 system-ui, sans-serif; }
.row { display: flex; align-items: center; gap: 6px; flex-wrap: wrap; }
button { font: inherit; display: inline-flex; align-items: center; gap: 4px; padding: 2px 10px;
  border-radius: 999px; border: 1px solid #c7ccd6; background: #fff; color: #1f2937; cursor: pointer; }
button:hover { background: #f3f4f6; }
button:focus-visible { outline: 2px solid #2563eb; outline-offset: 2px; }
button[aria-pressed="true"] { background: #fef3c7; border-color: #f59e0b; color: #78350f; }
button[aria-busy="true"] { opacity: .6; }
.star { font-size: 14px; line-height: 1; }
.msg { color: #b91c1c; }
@media (prefers-color-scheme: dark) {
  button { background: #1f2937; color: #e5e7eb; border-color: #4b5563; }
  button:hover { background: #374151; }
  button[aria-pressed="true"] { background: #78350f; color: #fef3c7; border-color: #f59e0b; }
  .msg { color: #fca5a5; }
}`;

export interface SaveOverlay {
  readonly host: HTMLElement;
  readonly id: string;
  /** null: not in the list. undefined: not known yet. */
  setStatus(status: ReadingStatus | null | undefined): void;
  /** A short visible message (e.g. a failed save); cleared after a few seconds. */
  showMessage(text: string): void;
}

export function createSaveOverlay(doc: Document, id: string, onToggle: (saved: boolean) => void): SaveOverlay {
  const host = doc.createElement(HOST_TAG);
  host.setAttribute('data-papershelf-id', id);
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const row = doc.createElement('div');
  row.className = 'row';
  const button = doc.createElement('button');
  button.type = 'button';
  button.setAttribute('aria-pressed', 'false');
  button.setAttribute('aria-busy', 'true');
  const star = doc.createElement('span');
  star.className = 'star';
  star.setAttribute('aria-hidden', 'true');
  const label = doc.createElement('span');
  button.append(star, label);
  const message = doc.createElement('span');
  message.className = 'msg';
  message.setAttribute('role', 'status');
  row.append(button, message);
  root.append(style, row);

  let timer: ReturnType<typeof setTimeout> | undefined;
  const overlay: SaveOverlay = {
    host,
    id,
    setStatus(status) {
      const saved = status !== null && status !== undefined;
      button.setAttribute('aria-pressed', String(saved));
      button.toggleAttribute('aria-busy', status === undefined);
      star.textContent = saved ? '★' : '☆';
      label.textContent = saved ? 'Saved' : 'Save';
      button.title = saved ? 'In your Papershelf reading list (click to remove)' : 'Save to your Papershelf reading list';
    },
    showMessage(text) {
      message.textContent = text;
      clearTimeout(timer);
      timer = setTimeout(() => (message.textContent = ''), 5000);
    },
  };
  overlay.setStatus(undefined);
  button.addEventListener('click', (event) => {
    // The card may sit inside a link or a click handler of the page: the click is ours alone.
    event.preventDefault();
    event.stopPropagation();
    onToggle(button.getAttribute('aria-pressed') !== 'true');
  });
  return overlay;
}
