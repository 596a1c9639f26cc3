import type { ComponentChildren } from 'preact';
import { ArxivVersionsContext } from '../arxiv-versions';
import { FollowedAuthorsContext } from '../followed-authors';
import { RepoFiguresContext } from '../repo-figures';
import { ReadingListContext, type ListSources } from '../state-hooks';
import type { ReadingListState } from '../state';

/** What every row of the popup's and the library's list reads beside its record: the list's state and its sources. */
export function ListContexts({ state, sources, children }: { state: ReadingListState; sources: ListSources; children: ComponentChildren }) {
  return (
    <ReadingListContext.Provider value={state}>
      <ArxivVersionsContext.Provider value={sources.versions}>
        <FollowedAuthorsContext.Provider value={sources.followed}>
          <RepoFiguresContext.Provider value={sources.repoFigures}>{children}</RepoFiguresContext.Provider>
        </FollowedAuthorsContext.Provider>
      </ArxivVersionsContext.Provider>
    </ReadingListContext.Provider>
  );
}
