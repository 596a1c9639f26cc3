// Page-wide keys: `/` focuses the search box unless the user is typing somewhere; where a focus lost goes back to.
import type { RefObject } from 'preact';
import { useEffect } from 'preact/hooks';

/** Inputs nobody types into: a `/` on one (the library's row checkboxes, "Has code") is the page's key. */
const NOT_TYPED = 'input[type="checkbox"], input[type="radio"], input[type="button"], input[type="submit"], input[type="reset"], input[type="file"], input[type="range"], input[type="color"]';

export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || (target.matches('input, textarea, select') && !target.matches(NOT_TYPED));
}

/** The focus fell to the page's body: its element was disabled or went (a button that ends a job goes with the job). */
export function focusLost(): boolean {
  const focused = document.activeElement;
  return focused === null || focused === document.body || !focused.isConnected;
}

export function useSlashFocus(ref: RefObject<HTMLInputElement | null>): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      event.preventDefault(); // or the "/" would be typed into the box
      ref.current?.focus();
      ref.current?.select();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [ref]);
}
