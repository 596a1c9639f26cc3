// A reminder to back the list up. Everything stays in the browser: a lost profile, a reinstall or a cleared site data
// takes every paper, note and tag with it, and nothing else keeps a copy. The library records each JSON backup of the
// whole list; the popup says so when a list worth keeping has none, or none for a month in which it changed. "Not now"
// waits two weeks. Kept in the extension origin's localStorage (as the first paint's list), which no web page can read.
import type { SavedPaper } from '../storage/schema';

/** The last JSON backup of the whole list: when, and of how many papers. */
export interface BackupRecord {
  at: number;
  papers: number;
}

export interface BackupReminderState {
  last: BackupRecord | null;
  /** Epoch ms before which nothing is said ("Not now"); 0 when never put off. */
  snoozedUntil: number;
}

export interface BackupReminderStore {
  read(): BackupReminderState;
  /** A JSON backup of the whole list was written. */
  backedUp(record: BackupRecord): void;
  /** Say nothing before `until`. */
  snooze(until: number): void;
}

const DAY = 24 * 60 * 60 * 1000;
/** A list this long is worth a reminder; a new reader's first few papers are not. */
export const REMIND_FROM_PAPERS = 10;
/** How old a backup may grow while the list changes. */
export const BACKUP_MAX_AGE = 30 * DAY;
/** How long "Not now" waits. */
export const SNOOZE = 14 * DAY;

/** What the reminder says, or null when nothing is due. */
export interface BackupDue {
  papers: number;
  /** The last backup, when there is one. */
  last: BackupRecord | null;
  /** Papers saved or edited since it. */
  changed: number;
}

/**
 * Due when the list holds REMIND_FROM_PAPERS or more and either was never backed up, or its last backup is older than
 * BACKUP_MAX_AGE and a paper was saved or edited since; never while put off.
 */
export function backupDue(papers: readonly SavedPaper[], state: BackupReminderState, now: number): BackupDue | null {
  if (papers.length < REMIND_FROM_PAPERS || now < state.snoozedUntil) return null;
  const { last } = state;
  if (!last) return { papers: papers.length, last: null, changed: papers.length };
  if (now - last.at < BACKUP_MAX_AGE) return null;
  let changed = 0;
  for (const saved of papers) if (Math.max(saved.savedAt, saved.updatedAt) > last.at) changed++;
  // Removals leave no record: a shorter list than the backup's changed too.
  return changed > 0 || papers.length !== last.papers ? { papers: papers.length, last, changed } : null;
}

const KEY = 'papershelf:backup-reminder';
const NONE: BackupReminderState = { last: null, snoozedUntil: 0 };

const isTime = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x >= 0;

/** What a stored value holds that is one (edited by hand, or from another build: the rest is as never set). */
function parse(text: string | null): BackupReminderState {
  try {
    const raw: unknown = JSON.parse(text ?? 'null');
    if (typeof raw !== 'object' || raw === null) return NONE;
    const { last, snoozedUntil } = raw as Record<string, unknown>;
    const record = typeof last === 'object' && last !== null ? (last as Record<string, unknown>) : null;
    return {
      last: record && isTime(record.at) && isTime(record.papers) ? { at: record.at, papers: record.papers } : null,
      snoozedUntil: isTime(snoozedUntil) ? snoozedUntil : 0,
    };
  } catch {
    return NONE;
  }
}

export function localBackupReminder(storage: Storage | undefined = globalThis.localStorage): BackupReminderStore {
  const read = () => {
    try {
      return parse(storage?.getItem(KEY) ?? null);
    } catch {
      return NONE; // storage disabled by policy: reminded each time, which a backup cannot stop either
    }
  };
  const write = (state: BackupReminderState) => {
    try {
      storage?.setItem(KEY, JSON.stringify(state));
    } catch {
      // quota or policy: the reminder comes again next time
    }
  };
  return {
    read,
    backedUp: (record) => write({ ...read(), last: record }),
    snooze: (until) => write({ ...read(), snoozedUntil: until }),
  };
}

/** For tests: kept in memory. */
export function memoryBackupReminder(state: BackupReminderState = NONE): BackupReminderStore & { state: BackupReminderState } {
  const store = {
    state,
    read: () => store.state,
    backedUp: (record: BackupRecord) => void (store.state = { ...store.state, last: record }),
    snooze: (until: number) => void (store.state = { ...store.state, snoozedUntil: until }),
  };
  return store;
}
