import { useMemo, useState } from 'preact/hooks';
import type { SavedPaper } from '../../storage/schema';
import { backupDue, SNOOZE, type BackupReminderStore } from '../backup-reminder';
import { countLabel, formatCount, formatLocalDay } from '../format';

interface Props {
  papers: readonly SavedPaper[];
  store: BackupReminderStore;
  /** Open the library's export, a JSON backup of the whole list chosen. */
  onBackUp: () => void;
  /** "Not now" pressed: the line is gone, and the focus with it (the page puts it somewhere useful). */
  onSnoozed?: () => void;
  now?: () => number;
}

/** A line above the popup's footer when the list is due a backup (backup-reminder.ts): "Back up…" or "Not now". */
export function BackupReminder({ papers, store, onBackUp, onSnoozed = () => {}, now = Date.now }: Props) {
  const [state, setState] = useState(() => store.read());
  const due = useMemo(() => backupDue(papers, state, now()), [papers, state]);
  if (!due) return null;
  const text = due.last
    ? `Your last backup is of ${formatLocalDay(due.last.at)}${due.changed ? `; ${countLabel(due.changed)} saved or changed since` : ''}.`
    : `No backup yet of your ${formatCount(due.papers)} papers: they are kept in this browser only.`;
  return (
    <p class="backup-reminder small" role="note">
      <span>{text}</span>{' '}
      <button type="button" class="link" onClick={onBackUp}>
        Back up…
      </button>{' '}
      <button
        type="button"
        class="link"
        onClick={() => {
          store.snooze(now() + SNOOZE);
          setState(store.read());
          setTimeout(onSnoozed);
        }}
      >
        Not now
      </button>
    </p>
  );
}
