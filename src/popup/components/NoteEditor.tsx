import { useCallback, useEffect, useId, useRef, useState } from 'preact/hooks';
import { RECORD_LIMITS } from '../../storage/limits';
import type { SavedPaper } from '../../storage/schema';
import { formatCount } from '../format';
import { useReadingListState } from '../state-hooks';

/** What the background stores of a note (the edit message's limit). */
export const MAX_NOTE_LENGTH = RECORD_LIMITS.note;

/**
 * The note, saved as you type (debounced) and flushed when the popup hides or closes, on blur and on unmount;
 * every keystroke is also stashed synchronously, so even an abrupt close loses nothing.
 */
export function NoteEditor({ saved, delayMs = 400 }: { saved: SavedPaper; delayMs?: number }) {
  const state = useReadingListState();
  const [draft, setDraft] = useState(saved.note);
  const [saving, setSaving] = useState(false);
  /** The last save was refused: the text is still unsaved (and kept as a draft), and the next flush tries again. */
  const [failed, setFailed] = useState(false);
  /** The last input was longer than a note may be, and cut: said, or the cut text would go unnoticed. */
  const [clipped, setClipped] = useState(false);
  const pending = useRef<string | null>(null);
  /** Saves sent and not yet answered: an earlier one's answer is older text than the box shows. */
  const inFlight = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const mounted = useRef(true);
  const id = useId();

  // Follow changes made elsewhere, but never over text the user has not saved yet, nor while a save is on its way (the
  // answer to an earlier one would put older text back, and the next keystroke would build on it).
  useEffect(() => {
    if (pending.current === null && inFlight.current === 0) setDraft(saved.note);
  }, [saved.note]);

  const flush = useCallback(() => {
    clearTimeout(timer.current);
    const note = pending.current;
    if (note === null) return;
    pending.current = null;
    setSaving(true);
    inFlight.current++;
    void state.saveNote(saved.id, note).then((ok) => {
      inFlight.current--;
      if (!ok) pending.current ??= note; // still unsaved: kept on screen through changes from elsewhere, sent again
      if (!mounted.current) return;
      setFailed(!ok);
      setSaving(ok && pending.current !== null); // more typed meanwhile: its save is on its way
    });
  }, [state, saved.id]);

  useEffect(() => {
    mounted.current = true;
    const onVisibility = () => document.visibilityState === 'hidden' && flush();
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
      flush(); // collapsing the details or closing the page must not drop the last keystrokes
      mounted.current = false;
    };
  }, [flush]);

  const onInput = (event: Event) => {
    const box = event.currentTarget as HTMLTextAreaElement;
    let note = box.value;
    // Longer, the background would refuse every save of it: kept to the limit (never half a character), and said.
    setClipped(note.length > MAX_NOTE_LENGTH);
    if (note.length > MAX_NOTE_LENGTH) {
      note = note.slice(0, /[\uD800-\uDBFF]/.test(note.charAt(MAX_NOTE_LENGTH - 1)) ? MAX_NOTE_LENGTH - 1 : MAX_NOTE_LENGTH);
      box.value = note;
    }
    setDraft(note);
    pending.current = note;
    state.stashNote(saved.id, note);
    clearTimeout(timer.current);
    timer.current = setTimeout(flush, delayMs);
  };

  return (
    <div class="note-editor">
      <label class="field-label" for={`${id}-note`}>
        Note
      </label>
      <textarea id={`${id}-note`} rows={4} value={draft} onInput={onInput} onBlur={flush} aria-describedby={`${id}-state`} />
      <span id={`${id}-state`} class="muted small">
        {clipped
          ? `Notes are at most ${formatCount(MAX_NOTE_LENGTH)} characters: the rest was not kept.`
          : saving
            ? 'Saving…'
            : failed
              ? 'Not saved yet: kept in this browser, and tried again when you leave the note.'
              : 'Saved automatically'}
      </span>
    </div>
  );
}
