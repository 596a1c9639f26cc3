import { useState } from 'preact/hooks';
import type { SavedPaper } from '../../storage/schema';
import { safeHttpUrl } from '../../core/ids';
import { countLabel, errorMessage } from '../../popup/format';

/** Tabs opened by one click at most: a selection of 300 papers is not 300 tabs. */
export const OPEN_AT_ONCE = 20;

/** The page a paper's row links to, and Open in tabs opens: its own page, else the page it was saved from, when http(s). */
export const paperPage = (saved: SavedPaper): string | null => safeHttpUrl(saved.paper.url) ?? safeHttpUrl(saved.savedFrom);

/**
 * "Open in tabs": the selected papers' pages in background tabs, in the table's order, at most OPEN_AT_ONCE a click
 * (the button says how many, and what is said after names the rest).
 */
export function OpenInTabs({ papers, open }: { papers: readonly SavedPaper[]; open: (urls: readonly string[]) => Promise<void> }) {
  const [said, setSaid] = useState('');
  const pages = papers.map(paperPage).filter((url): url is string => url !== null);
  const urls = pages.slice(0, OPEN_AT_ONCE);
  const label = pages.length > OPEN_AT_ONCE ? `Open the first ${OPEN_AT_ONCE} in tabs` : 'Open in tabs';
  return (
    <span class="open-tabs">
      <button
        type="button"
        disabled={urls.length === 0}
        onClick={() => {
          const rest = pages.length - urls.length;
          setSaid('Opening…');
          open(urls).then(
            () => setSaid(`Opened ${countLabel(urls.length)}${rest ? `; ${countLabel(rest)} more selected (select fewer to open them)` : ''}.`),
            (error: unknown) => setSaid(`Could not open them: ${errorMessage(error)}`),
          );
        }}
      >
        {label}
      </button>{' '}
      <span class="muted small" role="status">
        {said}
      </span>
    </span>
  );
}
