import type { ImportSkip, MergeSummary } from '../export-module';

const SHOWN_ENTRIES = 50;

function Entries({ entries }: { entries: readonly ImportSkip[] }) {
  return (
    <>
      <ul>
        {entries.slice(0, SHOWN_ENTRIES).map((entry, i) => (
          <li key={i}>
            <strong>{entry.title || entry.id}: </strong>
            {entry.reason}
          </li>
        ))}
      </ul>
      {entries.length > SHOWN_ENTRIES && <p class="muted">…and {entries.length - SHOWN_ENTRIES} more.</p>}
    </>
  );
}

/** What an import would do: added, updated, what was skipped and why, and which records' dates were not believed. */
export function ImportSummaryView({ filename, summary }: { filename: string; summary: MergeSummary }) {
  const { skipped, futureDated } = summary;
  return (
    <div class="import-summary">
      <p>
        From <strong>{filename}</strong>: {summary.added} to add, {summary.updated} to update, {skipped.length} skipped.
      </p>
      {futureDated.length > 0 && (
        <details>
          <summary>
            {futureDated.length === 1 ? '1 entry is' : `${futureDated.length} entries are`} dated in the future, so not taken as the newest edit
          </summary>
          <Entries entries={futureDated} />
        </details>
      )}
      {skipped.length > 0 && (
        <details>
          <summary>Skipped entries and why</summary>
          <Entries entries={skipped} />
        </details>
      )}
    </div>
  );
}
