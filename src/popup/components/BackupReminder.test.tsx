// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { makeSaved } from '../fake-api';
import { memoryBackupReminder } from '../backup-reminder';
import { renderPopup } from './render-popup';

afterEach(cleanup);

const DAY = 86_400_000;
const list = (n: number, at: number) => Array.from({ length: n }, (_, i) => makeSaved(`arxiv:2607.${String(i + 1).padStart(5, '0')}`, `Paper ${i}`, at + i, { updatedAt: at + i }));
const note = () => screen.queryByRole('note');

describe('popup: the backup reminder', () => {
  it('says a list worth keeping has no backup; "Back up…" opens the library at its backup', async () => {
    const { api } = renderPopup(list(12, Date.now() - 10 * DAY));
    await screen.findByText('Paper 0');
    await waitFor(() => expect(note()?.textContent).toBe('No backup yet of your 12 papers: they are kept in this browser only. Back up… Not now'));
    fireEvent.click(screen.getByRole('button', { name: 'Back up…' }));
    expect(api.openLibrary).toHaveBeenCalledWith('backup');
  });

  it('says when the last backup was, and how many papers changed since; "Not now" puts it off two weeks', async () => {
    const backupAt = Date.now() - 40 * DAY;
    const papers = list(12, backupAt - 10 * DAY).map((saved, i) => (i < 3 ? { ...saved, updatedAt: Date.now() - DAY } : saved));
    const backups = memoryBackupReminder({ last: { at: backupAt, papers: 12 }, snoozedUntil: 0 });
    renderPopup(papers, { backups });
    await screen.findByText('Paper 0');
    await waitFor(() => expect(note()?.textContent).toMatch(/^Your last backup is of \d+ \w+ \d{4}; 3 papers saved or changed since\. /));
    fireEvent.click(screen.getByRole('button', { name: 'Not now' }));
    expect(note()).toBeNull();
    expect(backups.state.snoozedUntil).toBeGreaterThan(Date.now() + 13 * DAY);
    expect(backups.state.snoozedUntil).toBeLessThanOrEqual(Date.now() + 14 * DAY);
    // The line went with the focus: it is on the footer's library link, not lost to the page.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Open library' })));
  });

  it('says nothing of a list with a recent backup, or of a short list', async () => {
    const settled = async () => {
      await screen.findByText('Paper 0');
      await waitFor(() => expect(screen.getByRole('button', { name: 'Open library' })).toBeTruthy());
      await new Promise((resolve) => setTimeout(resolve, 50));
    };
    renderPopup(list(12, Date.now() - 100 * DAY), { backups: memoryBackupReminder({ last: { at: Date.now() - DAY, papers: 12 }, snoozedUntil: 0 }) });
    await settled();
    expect(note()).toBeNull();
    cleanup();
    renderPopup(list(9, Date.now() - 100 * DAY));
    await settled();
    expect(note()).toBeNull();
    cleanup();
    renderPopup(list(10, Date.now() - 100 * DAY)); // the same, one paper longer: due
    await settled();
    expect(note()).not.toBeNull();
  });
});
