import type { RefObject } from 'preact';
import type { ListSnapshot, ReadingListState } from '../state';
import { LoadError } from './LoadError';
import { ProblemAlert } from './ProblemAlert';

/**
 * What the popup and the library show of the list's state above it: a problem to dismiss, the list loading, or why it
 * could not be read with a way to try again. The focus goes on to the search box when what had it goes away.
 */
export function ListStatus({ state, snapshot, searchRef }: { state: ReadingListState; snapshot: ListSnapshot; searchRef: RefObject<HTMLInputElement | null> }) {
  return (
    <>
      <ProblemAlert
        problem={snapshot.problem}
        onDismiss={() => {
          state.dismissProblem();
          searchRef.current?.focus(); // the alert goes, its button with it
        }}
      />
      {snapshot.load === 'loading' && <p class="muted">Loading your reading list…</p>}
      {snapshot.load === 'error' && (
        <LoadError
          error={snapshot.loadError}
          // Read, the list takes the button's place: the focus goes on to the search box (when there is a list to search).
          onRetry={(button) => void state.refresh().then(() => setTimeout(() => !button.isConnected && searchRef.current?.focus()))}
        />
      )}
    </>
  );
}
