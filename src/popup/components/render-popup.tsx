// Test helper: the popup over an in-memory API, with drafts kept in memory.
import { render } from '@testing-library/preact';
import type { ArxivVersionEntry, SavedPaper } from '../../storage/schema';
import type { SiteAccess, TabPaperView } from '../api';
import type { RepoFigures } from '../repo-figures';
import { createFakeApi } from '../fake-api';
import { memoryDraftStore } from '../note-drafts';
import type { StateOptions } from '../state';
import { App } from './App';
import { memoryBackupReminder, type BackupReminderStore } from '../backup-reminder';

/**
 * `tab`: the paper the reader's tab shows (none by default); `versions`: what library checks of arXiv kept;
 * `followed`: the authors the reader follows (none by default).
 */
export function renderPopup(
  papers: SavedPaper[],
  options: {
    access?: SiteAccess[];
    stateOptions?: StateOptions;
    tab?: TabPaperView;
    versions?: ArxivVersionEntry[];
    followed?: string[] | Error;
    /** Where the last backup is recorded (by default in memory: none yet). */
    backups?: BackupReminderStore;
    /** What the badges' cache holds, by repository name in lower case (none by default). */
    githubCache?: Map<string, RepoFigures> | Error;
  } = {},
) {
  const api = createFakeApi(papers, options.access);
  api.tab = options.tab ?? null;
  api.followed = options.followed ?? [];
  for (const entry of options.versions ?? []) api.versions.set(entry.key, entry);
  if (options.githubCache) api.githubCache = options.githubCache;
  const drafts = memoryDraftStore();
  const backups = options.backups ?? memoryBackupReminder();
  const view = render(<App api={api} stateOptions={{ drafts, refreshDelayMs: 0, ...options.stateOptions }} backups={backups} />);
  return { api, drafts, backups, ...view };
}
