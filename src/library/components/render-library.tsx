// Test helper: the library page over an in-memory API and a fake export module.
import { render } from '@testing-library/preact';
import { vi } from 'vitest';
import type { SavedPaper } from '../../storage/schema';
import { createFakeApi, type FakeApi } from '../../popup/fake-api';
import { memoryDraftStore } from '../../popup/note-drafts';
import type { ExportModule, LoadExportModule } from '../export-module';
import { LibraryApp } from './LibraryApp';
import { memoryNotDuplicates } from '../not-duplicates';
import { memoryBackupReminder } from '../../popup/backup-reminder';

export function fakeExportModule(): { [K in keyof ExportModule]: ReturnType<typeof vi.fn<ExportModule[K]>> } {
  return {
    exportPapers: vi.fn<ExportModule['exportPapers']>(async (saved, format) => ({
      filename: `papershelf-2026-07-01.${format}`,
      mime: 'text/plain',
      text: saved.map((s) => s.id).join('\n'),
    })),
    parseImport: vi.fn<ExportModule['parseImport']>(async () => ({ ok: true, format: 'backup', records: [], skipped: [] })),
    mergeImportAsync: vi.fn<ExportModule['mergeImportAsync']>(async () => ({ upserts: [], summary: { added: 0, updated: 0, skipped: [], futureDated: [] } })),
  };
}

/** `prepare`: set up the fake background before the page's first requests (what earlier checks kept, say). */
export function renderLibrary(
  papers: SavedPaper[],
  module = fakeExportModule(),
  load?: LoadExportModule,
  notDuplicates = memoryNotDuplicates(),
  prepare?: (api: FakeApi) => void,
  page: { backups?: ReturnType<typeof memoryBackupReminder>; forBackup?: boolean } = {},
) {
  const api = createFakeApi(papers);
  prepare?.(api);
  const backups = page.backups ?? memoryBackupReminder();
  const view = render(
    <LibraryApp
      api={api}
      loadExport={load ?? (async () => module)}
      stateOptions={{ drafts: memoryDraftStore(), refreshDelayMs: 0 }}
      notDuplicatesStore={notDuplicates}
      backups={backups}
      forBackup={page.forBackup ?? false}
    />,
  );
  return { api, module, notDuplicates, backups, ...view };
}
