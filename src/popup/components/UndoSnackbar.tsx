import type { UndoEntry } from '../state';

/** Always mounted, so screen readers already watch the live region when a removal appears in it. */
export function UndoSnackbar({ undo, onUndo, onDismiss }: { undo: UndoEntry | null; onUndo: () => void; onDismiss: () => void }) {
  return (
    <div class={undo ? 'snackbar' : 'snackbar hidden'} role="status">
      {undo && (
        <>
          <span>{undo.message}</span>
          <button type="button" onClick={onUndo}>
            Undo
          </button>
          <button type="button" class="close" aria-label="Dismiss" onClick={onDismiss}>
            ×
          </button>
        </>
      )}
    </div>
  );
}
