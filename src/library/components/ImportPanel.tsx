import { useRef, useState } from 'preact/hooks';
import { focusLost } from '../../popup/keyboard';
import type { ReadingListState } from '../../popup/state';
import type { SavedPaper } from '../../storage/schema';
import { isAbort, type ExportModule, type LoadExportModule, type MergeSummary } from '../export-module';
import { WAIT_FOR_WHOLE_LIST } from './ExportPanel';
import { ImportSummaryView } from './ImportSummaryView';
import { countLabel, formatCount } from '../../popup/format';
import { MAX_IMPORT_BYTES, TOO_LARGE } from '../../core/export/limits';
import { decodeImportBytes } from '../../core/export/decode';
import { mergeBackupSettings, settingsMergeText, type BackupSettings, type SettingsMerge } from '../../core/export/settings';

type Parsed = Extract<Awaited<ReturnType<ExportModule['parseImport']>>, { ok: true }>;
/**
 * The file as read (merged again when applied) and what merging it into the list as it was then would do; for a backup
 * with settings, what adding them to the reader's would do (null: nothing; undefined: the file has none).
 */
type Preview = {
  filename: string;
  module: ExportModule;
  parsed: Parsed;
  upserts: SavedPaper[];
  summary: MergeSummary;
  settingsText?: string | null;
  /** What they add, item by item. */
  settingsAdded?: SettingsMerge['added'];
  /** Why a backup's settings are not offered. */
  settingsProblem?: string;
};

/** The reader's settings as a backup keeps them, and the write that adds a backup's to them (the background's). */
export interface SettingsAccess {
  read(): Promise<BackupSettings>;
  add(settings: Partial<BackupSettings>): Promise<unknown>;
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Read a file, show what importing it would change, then write it all at once (or nothing). Reading a long file
 * can be cancelled. `complete`: the list is read whole; until then a paper of the file that the list holds beyond
 * its newest would be merged as new, over what is stored, so nothing is read or written.
 */
export function ImportPanel({
  state,
  load,
  complete = true,
  announce = () => {},
  onNotDuplicates = () => {},
  settings,
}: {
  state: ReadingListState;
  load: LoadExportModule;
  complete?: boolean;
  /** The page's polite live region: what reading the file found is said, not only drawn. */
  announce?: (message: string) => void;
  /** A backup's groups of possible duplicates said to be different papers, by ids: kept as the page keeps its own. */
  onNotDuplicates?: (groups: readonly string[][]) => void;
  /** Where a backup's settings go; without it they are not offered. */
  settings?: SettingsAccess;
}) {
  const [preview, setPreview] = useState<Preview | null>(null);
  const [progress, setProgress] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string | null>(null);
  /** The file being read and checked (not yet the write, which is one transaction): Cancel aborts it. */
  const [reading, setReading] = useState<AbortController | null>(null);
  /** Whether a backup's settings are added with its papers (the reader unticks it to leave theirs as they are). */
  const [withSettings, setWithSettings] = useState(true);
  const busy = progress !== null;
  const fileInput = useRef<HTMLInputElement>(null);
  /** The file being read, to put the focus back once its reading ends. */
  const readJob = useRef<Promise<void> | null>(null);
  /**
   * After a button that goes (or is disabled) once pressed: the focus, fallen to the page's body, goes back to the
   * button when it is still there and usable, else to the file input, where an import starts again.
   */
  const keepFocus = (button: HTMLButtonElement) =>
    setTimeout(() => {
      if (!focusLost()) return; // the reader has moved on
      (button.isConnected && !button.disabled ? button : fileInput.current)?.focus();
    });

  async function read(input: HTMLInputElement) {
    const file = input.files?.[0];
    if (!file) return;
    setProgress('Reading the file…');
    setPreview(null);
    setMessage('');
    setError(null);
    const controller = new AbortController();
    const { signal } = controller;
    setReading(controller);
    try {
      // Refused by its size, before it is read: the parser would refuse it too, once the page had held it all.
      if (file.size > MAX_IMPORT_BYTES) throw new Error(`${TOO_LARGE}. Nothing was imported.`);
      // Not file.text(): that reads every file as UTF-8, and Latin-1 and UTF-16 files are reference files too.
      const [module, text] = await Promise.all([load(), file.arrayBuffer().then(decodeImportBytes)]);
      signal.throwIfAborted();
      const onProgress = (done: number, total: number) => !signal.aborted && setProgress(`Checking ${formatCount(done)} of ${formatCount(total)} records…`);
      const parsed = await module.parseImport(text, file.name, { onProgress, signal });
      if (!parsed.ok) throw new Error(parsed.error);
      const { upserts, summary } = await module.mergeImportAsync(state.getSnapshot().byId, parsed, Date.now(), { onProgress, signal });
      // What its settings would add, against the reader's as they are now (the write joins them with those as stored then).
      // Yours unreadable, the papers are still offered and the settings are not (the preview says why).
      let settingsText: string | null | undefined;
      let settingsAdded: SettingsMerge['added'] | undefined;
      let settingsProblem: string | undefined;
      if (parsed.settings && settings) {
        try {
          const merge = mergeBackupSettings(await settings.read(), parsed.settings);
          settingsText = settingsMergeText(merge);
          settingsAdded = merge.added;
        } catch (failure) {
          settingsProblem = `Its settings are left out: yours could not be read (${describe(failure)}).`;
        }
      }
      signal.throwIfAborted();
      setWithSettings(true);
      setPreview({ filename: file.name, module, parsed, upserts, summary, settingsText, settingsAdded, settingsProblem });
      const more = settingsText ? ` Its settings: ${settingsText}` : '';
      announce(
        `Read ${file.name}: ${summary.added} to add, ${summary.updated} to update, ${summary.skipped.length} skipped.${more} ` +
          (upserts.length || settingsText ? 'Nothing is written until you press Import.' : 'There is nothing to import.'),
      );
    } catch (failure) {
      if (isAbort(failure)) setMessage('Import cancelled; nothing was imported.');
      else setError(`Could not import ${file.name}: ${describe(failure)}`);
    } finally {
      setReading(null);
      setProgress(null);
      input.value = ''; // choosing the same file again reads it again
    }
  }

  /** Whether these records are in the list as stored, each as it was written (read again from the background). */
  async function storedAsWritten(records: readonly SavedPaper[]): Promise<boolean> {
    if (!records.length) return false;
    await state.refresh(); // a failed read keeps the list as it was, which does not hold them
    const { byId } = state.getSnapshot();
    return records.every((record) => {
      const stored = byId.get(record.id);
      return stored !== undefined && stored.updatedAt === record.updatedAt && stored.status === record.status && stored.note === record.note && stored.tags.join('\n') === record.tags.join('\n');
    });
  }

  /** Whether Import adds the backup's settings: offered (they would change something), and left ticked. */
  const addsSettings = Boolean(withSettings && preview?.settingsText && preview.parsed.settings && settings);

  async function apply() {
    if (!preview) return;
    setProgress(preview.upserts.length ? `Importing ${formatCount(preview.upserts.length)} papers…` : 'Importing the settings…');
    setError(null);
    try {
      let written = 0;
      let upserts: SavedPaper[] = [];
      try {
        if (preview.upserts.length) {
          // Merged again with the list as it is now: a paper edited since the preview (here or in another tab) keeps
          // that edit where it is newer, instead of being overwritten with the preview's merge of an older copy.
          ({ upserts } = await preview.module.mergeImportAsync(state.getSnapshot().byId, preview.parsed, Date.now()));
          written = await state.putMany(upserts);
        }
      } catch (failure) {
        // The answer can be lost after the write committed (the background stopped before it answered): the list as
        // stored says whether it did, as a card re-reads before it says a save failed. The write is all or nothing.
        if (!(await storedAsWritten(upserts))) {
          setError(`Import failed: ${describe(failure)}. Nothing was imported; your list${addsSettings ? ' and settings are' : ' is'} unchanged.`);
          return;
        }
        written = upserts.length;
      }
      // The reader's "Not the same paper" in the backup: its groups are left apart here too (those of papers the list
      // does not hold match no group until it does, and cost nothing).
      if (preview.parsed.notDuplicates?.length) onNotDuplicates(preview.parsed.notDuplicates);
      const papers = countLabel(written);
      // The settings after the papers, in a write of their own: the papers stay imported if it fails, and the message says so.
      if (addsSettings) {
        try {
          await settings!.add(preview.parsed.settings!);
        } catch (failure) {
          setError(`${written ? `Imported ${papers} from ${preview.filename}, but not its settings` : `Could not import the settings from ${preview.filename}`}: ${describe(failure)}. Your settings are unchanged.`);
          setPreview(null);
          return;
        }
      }
      setMessage(
        written
          ? `Imported ${papers}${addsSettings ? ' and the settings' : ''} from ${preview.filename}.`
          : addsSettings
            ? `Imported the settings from ${preview.filename}.`
            : `Nothing imported from ${preview.filename}: the list has changed since, and now holds all it had.`,
      );
      setPreview(null);
    } finally {
      setProgress(null);
    }
  }

  const importLabel = preview
    ? [preview.upserts.length ? countLabel(preview.upserts.length) : '', addsSettings ? 'settings' : ''].filter(Boolean).join(' and ')
    : '';

  return (
    <section class="panel" aria-labelledby="import-heading">
      <h2 id="import-heading">Import</h2>
      <label class="field stacked">
        <span>File (Papershelf backup, CSL-JSON, BibTeX or RIS)</span>
        <input ref={fileInput} type="file" accept=".json,.bib,.bibtex,.ris,.txt" disabled={busy || !complete} onChange={(e) => void (readJob.current = read(e.currentTarget))} />
      </label>
      {!complete && <p class="muted">{WAIT_FOR_WHOLE_LIST}</p>}
      {progress && (
        <div class="actions">
          <span class="muted">{progress}</span>
          {reading && (
            <button
              type="button"
              onClick={(event) => {
                const button = event.currentTarget;
                reading.abort();
                void readJob.current?.then(() => keepFocus(button));
              }}
            >
              Cancel
            </button>
          )}
        </div>
      )}
      {preview && (
        <>
          <ImportSummaryView filename={preview.filename} summary={preview.summary} />
          {preview.settingsProblem && <p class="error">{preview.settingsProblem}</p>}
          {preview.settingsText !== undefined && (
            <div class="import-settings">
              {preview.settingsText === null ? (
                <p class="muted">Its settings are all in yours already.</p>
              ) : (
                <label class="check wide">
                  <input type="checkbox" checked={withSettings} onChange={(e) => setWithSettings(e.currentTarget.checked)} />
                  Its settings too: {preview.settingsText}
                </label>
              )}
              {preview.settingsAdded && <SettingsAdded added={preview.settingsAdded} />}
            </div>
          )}
          <div class="actions">
            <button
              type="button"
              disabled={busy || !complete || !importLabel}
              onClick={(event) => {
                const button = event.currentTarget;
                void apply().then(() => keepFocus(button));
              }}
            >
              Import {importLabel || '0 papers'}
            </button>
            <button
              type="button"
              disabled={busy}
              onClick={(event) => {
                setPreview(null);
                keepFocus(event.currentTarget);
              }}
            >
              Cancel
            </button>
          </div>
        </>
      )}
      <p role="status" class="muted">
        {message}
      </p>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </section>
  );
}

const FIELDS = { title: 'titles', abstract: 'abstracts', both: 'titles and abstracts' } as const;

/** The items a backup's settings add, as text (a file's strings are data: never markup). */
function SettingsAdded({ added }: { added: SettingsMerge['added'] }) {
  const rows: [string, string[]][] = [
    ['Watched topics', added.watchedTopics],
    ['Followed authors', added.followedAuthors],
    ['Tag rules', added.tagRules.map((rule) => `“${rule.tag}” for ${rule.match} in ${FIELDS[rule.fields]}`)],
  ];
  const shown = rows.filter(([, items]) => items.length);
  if (!shown.length) return null;
  return (
    <details class="settings-added">
      <summary>What they add</summary>
      <ul>
        {shown.map(([what, items]) => (
          <li key={what}>
            {what}: {items.join('; ')}
          </li>
        ))}
      </ul>
    </details>
  );
}
