import type { MergeSummary } from '../export-module';

const SHOWN_SKIPS = 50;

/** What an import would do: added, updated, and what was skipped and why. */
export function ImportSummaryView({ filename, summary }: { filename: string; summary: MergeSummary }) {
  const skipped = summary.skipped;
  return (
    <div class="import-summary">
      <p>
        From <strong>{filename}</strong>: {summary.added} to add, {summary.updated} to update, {skipped.length} skipped.
      </p>
      {skipped.length > 0 && (
        <details>
          <summary>Skipped entries and why</summary>
          <ul>
            {skipped.slice(0, SHOWN_SKIPS).map((skip, i) => (
              <li key={i}>
                <strong>{skip.title || skip.id}: </strong>
                {skip.reason}
              </li>
            ))}
          </ul>
          {skipped.length > SHOWN_SKIPS && <p class="muted">…and {skipped.length - SHOWN_SKIPS} more.</p>}
        </details>
      )}
    </div>
  );
}
