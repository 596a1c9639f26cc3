import { describe, expect, it } from 'vitest';
import { makeSaved } from './fake-api';
import { BACKUP_MAX_AGE, backupDue, localBackupReminder, REMIND_FROM_PAPERS, SNOOZE } from './backup-reminder';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 3);
const list = (n: number, at = NOW - 100 * DAY) => Array.from({ length: n }, (_, i) => makeSaved(`arxiv:2607.${String(i + 1).padStart(5, '0')}`, `Paper ${i}`, at + i, { updatedAt: at + i }));
const none = { last: null, snoozedUntil: 0 };

describe('backupDue', () => {
  it('is due for a list worth keeping that was never backed up; not for a new reader\'s first few papers', () => {
    expect(backupDue(list(REMIND_FROM_PAPERS - 1), none, NOW)).toBeNull();
    expect(backupDue(list(REMIND_FROM_PAPERS), none, NOW)).toEqual({ papers: REMIND_FROM_PAPERS, last: null, changed: REMIND_FROM_PAPERS });
  });

  it('is due once the last backup is a month old and the list changed since, not before, and not when it did not', () => {
    const papers = list(12);
    const last = { at: NOW - BACKUP_MAX_AGE, papers: 12 };
    expect(backupDue(papers, { last, snoozedUntil: 0 }, NOW)).toBeNull(); // nothing saved or edited since
    const edited = papers.map((saved, i) => (i < 2 ? { ...saved, updatedAt: NOW - DAY } : saved));
    expect(backupDue(edited, { last, snoozedUntil: 0 }, NOW)).toEqual({ papers: 12, last, changed: 2 });
    expect(backupDue(edited, { last: { ...last, at: NOW - BACKUP_MAX_AGE + DAY }, snoozedUntil: 0 }, NOW)).toBeNull(); // 29 days
    // A removal leaves no record behind: the list being shorter than the backup is a change too.
    expect(backupDue(papers.slice(1), { last, snoozedUntil: 0 }, NOW)).toEqual({ papers: 11, last, changed: 0 });
  });

  it('says nothing while put off', () => {
    expect(backupDue(list(20), { last: null, snoozedUntil: NOW + 1 }, NOW)).toBeNull();
    expect(backupDue(list(20), { last: null, snoozedUntil: NOW }, NOW)).not.toBeNull();
  });
});

describe('localBackupReminder', () => {
  function memoryStorage(initial: Record<string, string> = {}): Storage {
    const map = new Map(Object.entries(initial));
    return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) } as unknown as Storage;
  }

  it('keeps the last backup and the snooze across pages', () => {
    const storage = memoryStorage();
    localBackupReminder(storage).backedUp({ at: NOW, papers: 40 });
    localBackupReminder(storage).snooze(NOW + SNOOZE);
    expect(localBackupReminder(storage).read()).toEqual({ last: { at: NOW, papers: 40 }, snoozedUntil: NOW + SNOOZE });
  });

  it('reads what it cannot understand as never set, and survives storage that throws', () => {
    for (const text of ['not json', '42', '{"last":{"at":"yesterday","papers":3},"snoozedUntil":-5}', '{"last":null,"snoozedUntil":1e400}']) {
      expect(localBackupReminder(memoryStorage({ 'papershelf:backup-reminder': text })).read()).toEqual({ last: null, snoozedUntil: 0 });
    }
    const throwing = { getItem: () => { throw new Error('SecurityError'); }, setItem: () => { throw new Error('QuotaExceededError'); } } as unknown as Storage;
    const store = localBackupReminder(throwing);
    expect(() => store.backedUp({ at: NOW, papers: 1 })).not.toThrow();
    expect(store.read()).toEqual({ last: null, snoozedUntil: 0 });
  });
});
