import { useEffect, useRef } from 'preact/hooks';
import type { UndoEntry } from '../state';
import { Isolated } from './Isolated';

interface Props {
  undo: UndoEntry | null;
  /** Called with the entry undone; the page puts the focus back (the button goes from under it). */
  onUndo: (entry: UndoEntry) => void;
  onDismiss: () => void;
  /** True while the keyboard focus or the pointer is on the snackbar: its time limit waits for the reader. */
  onHold?: (held: boolean) => void;
}

/** Always mounted, so screen readers already watch the live region when a removal appears in it. */
export function UndoSnackbar({ undo, onUndo, onDismiss, onHold }: Props) {
  const on = useRef({ focus: false, pointer: false });
  const hold = (patch: Partial<typeof on.current>) => {
    const was = on.current.focus || on.current.pointer;
    on.current = { ...on.current, ...patch };
    const held = on.current.focus || on.current.pointer;
    if (held !== was) onHold?.(held);
  };
  // Emptied (undone, dismissed, timed out): the focus it had went with its buttons.
  useEffect(() => {
    if (!undo) on.current = { ...on.current, focus: false };
  }, [undo]);
  return (
    <div
      class={undo ? 'snackbar' : 'snackbar hidden'}
      role="status"
      onFocusIn={() => hold({ focus: true })}
      onFocusOut={(event) => !(event.currentTarget as HTMLElement).contains(event.relatedTarget as Node | null) && hold({ focus: false })}
      onPointerEnter={() => hold({ pointer: true })}
      onPointerLeave={() => hold({ pointer: false })}
    >
      {undo && (
        <>
          <span>
            <Isolated text={undo.message} />
          </span>
          <button type="button" onClick={() => onUndo(undo)}>
            {undo.action ?? 'Undo'}
          </button>
          <button type="button" class="close" aria-label="Dismiss" onClick={onDismiss}>
            ×
          </button>
        </>
      )}
    </div>
  );
}
