import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { focusLost } from '../../popup/keyboard';
import type { SavedPaper } from '../../storage/schema';
import { downloadText } from '../download';
import { FORMAT_LABELS, isAbort, type ExportFormat, type LoadExportModule } from '../export-module';
import { formatCount } from '../../popup/format';
import type { BackupSettings } from '../../core/export/settings';

export type ExportScope = 'all' | 'shown' | 'selection';

interface Props {
  all: readonly SavedPaper[];
  shown: readonly SavedPaper[];
  selection: readonly SavedPaper[];
  scope: ExportScope;
  onScope: (scope: ExportScope) => void;
  load: LoadExportModule;
  formatRef?: RefObject<HTMLSelectElement | null>;
  /** False while only the newest papers are read: "all" would be those alone, so nothing is exported yet. */
  complete?: boolean;
  /** Groups of possible duplicates the reader said are different papers, by ids: a backup keeps those it holds whole. */
  notDuplicates?: Iterable<readonly string[]>;
  /** The reader's settings as a backup keeps them (never the GitHub token): offered for a JSON backup when given. */
  settings?: () => Promise<BackupSettings>;
  /**
   * The page was opened for a backup (the popup's reminder): the JSON backup is chosen, and Export takes the focus once
   * the whole list is read.
   */
  forBackup?: boolean;
  /** A JSON backup of the whole list was written (the popup's reminder counts from it). */
  onBackedUp?: (record: { at: number; papers: number }) => void;
}

type Job = { done: number; total: number; controller: AbortController };

export const WAIT_FOR_WHOLE_LIST = 'Export and import wait until the whole list is read.';

/** Export all, the shown or the selected papers in one of the formats, with progress and cancel. */
export function ExportPanel({ all, shown, selection, scope, onScope, load, formatRef, complete = true, notDuplicates, settings, forBackup = false, onBackedUp }: Props) {
  const [format, setFormat] = useState<ExportFormat>(forBackup ? 'json' : 'bibtex');
  /** The reader's choice of keeping the settings in the backup; until one, a backup of the whole list keeps them. */
  const [settingsChoice, setSettingsChoice] = useState<boolean | null>(null);
  const offerSettings = format === 'json' && settings !== undefined;
  const papers = scope === 'all' ? all : scope === 'shown' ? shown : selection;
  // "Shown" with nothing narrowing the list, or every paper selected, is the whole list (its parts are drawn from it):
  // a file of it is a backup as "All papers" makes, not a part named "-1234-shown" that the backup reminder ignores.
  const whole = scope === 'all' || (complete && papers.length === all.length);
  const withSettings = offerSettings && (settingsChoice ?? whole);
  const [job, setJob] = useState<Job | null>(null);
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string | null>(null);
  const running = useRef(false);
  const exportButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const scopes: [ExportScope, string, number][] = [
    ['all', 'All papers', all.length],
    ['shown', 'Shown (search and filters)', shown.length],
    ['selection', 'Selected', selection.length],
  ];
  const backupFocused = useRef(false);
  useEffect(() => {
    if (!forBackup || !complete || backupFocused.current || !exportButton.current || exportButton.current.disabled) return;
    backupFocused.current = true;
    exportButton.current.scrollIntoView?.({ block: 'center' });
    exportButton.current.focus();
  }, [forBackup, complete, papers.length]);

  async function run() {
    if (running.current) return;
    running.current = true;
    const controller = new AbortController();
    const list = [...papers]; // what was asked for, even if the list changes meanwhile
    const library = all; // citation keys are the papers' keys in the whole list, whatever part is exported
    setJob({ done: 0, total: list.length, controller });
    setMessage('');
    setError(null);
    // Export is disabled while it runs (Chromium then drops its focus): the focus goes to Cancel, the one thing to do.
    const fromButton = document.activeElement === exportButton.current;
    setTimeout(() => (fromButton || focusLost()) && cancelButton.current?.focus());
    try {
      const [module, kept] = await Promise.all([load(), withSettings ? settings() : undefined]);
      const file = await module.exportPapers(list, format, {
        // A file of part of the list says so in its name: a backup of 3 selected papers is not a backup of the list.
        part: whole ? undefined : `${list.length}-${scope === 'shown' ? 'shown' : 'selected'}`,
        notDuplicates,
        settings: kept,
        library,
        signal: controller.signal,
        onProgress: (done, total) => setJob({ done, total, controller }),
      });
      controller.signal.throwIfAborted();
      downloadText(file);
      if (format === 'json' && whole) onBackedUp?.({ at: Date.now(), papers: list.length });
      setMessage(`Exported ${list.length === 1 ? '1 paper' : `${list.length} papers`}${kept ? ' and your settings' : ''} to ${file.filename}.`);
    } catch (failure) {
      if (isAbort(failure)) setMessage('Export cancelled; no file was written.');
      else setError(`Export failed: ${failure instanceof Error ? failure.message : String(failure)}`);
    } finally {
      running.current = false;
      setJob(null);
      setTimeout(() => focusLost() && exportButton.current?.focus()); // Cancel went with the job
    }
  }

  return (
    <section class="panel" aria-labelledby="export-heading" id="export">
      <h2 id="export-heading">Export</h2>
      <fieldset>
        <legend>Papers</legend>
        {scopes.map(([value, label, count]) => (
          <label key={value} class="check">
            <input type="radio" name="export-scope" value={value} checked={scope === value} disabled={count === 0} onChange={() => onScope(value)} />
            {label} ({formatCount(count)})
          </label>
        ))}
      </fieldset>
      <label class="field">
        <span>Format</span>
        <select ref={formatRef} value={format} onChange={(e) => setFormat(e.currentTarget.value as ExportFormat)}>
          {(Object.keys(FORMAT_LABELS) as ExportFormat[]).map((key) => (
            <option key={key} value={key}>
              {FORMAT_LABELS[key]}
            </option>
          ))}
        </select>
      </label>
      {offerSettings && (
        <label class="check wide">
          <input type="checkbox" checked={withSettings} onChange={(e) => setSettingsChoice(e.currentTarget.checked)} />
          With my settings (watched topics, followed authors, tag rules, relevance and the toolbar count; never the GitHub token)
        </label>
      )}
      <div class="actions">
        <button type="button" ref={exportButton} onClick={() => void run()} disabled={job !== null || papers.length === 0 || !complete}>
          Export {formatCount(papers.length)}
        </button>
        {job && (
          <>
            <progress max={Math.max(1, job.total)} value={job.done} aria-label="Export progress" />
            <span class="muted">
              {formatCount(job.done)} of {formatCount(job.total)}
            </span>
            <button type="button" ref={cancelButton} onClick={() => job.controller.abort()}>
              Cancel
            </button>
          </>
        )}
      </div>
      {!complete && <p class="muted">{WAIT_FOR_WHOLE_LIST}</p>}
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
