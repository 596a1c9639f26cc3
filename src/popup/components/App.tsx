import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ReadingListApi, SiteAccess } from '../api';
import { useArxivVersions } from '../arxiv-versions';
import { ListContexts } from './ListContexts';
import { useRepoFigures } from '../repo-figures';
import { useFollowedAuthors } from '../followed-authors';
import { countLabel, formatCount } from '../format';
import { focusLost, useSlashFocus } from '../keyboard';
import { useKeptPaper } from '../kept-paper';
import { isFiltered, NO_FILTERS, type ListFilters } from '../list-query';
import type { ReadingListState, StateOptions } from '../state';
import { useDebounced, useReadingList, useShownList, useSnapshot } from '../state-hooks';
import { AccessNotice } from './AccessNotice';
import { FilterBar } from './FilterBar';
import { LiveRegion, useAnnouncer } from './LiveRegion';
import { ListStatus } from './ListStatus';
import { PaperList } from './PaperList';
import { SearchBox } from './SearchBox';
import { SearchProblems } from './SearchProblems';
import { SEARCH_SYNTAX_HELP } from '../search-syntax';
import { NoMatch } from './NoMatch';
import { SortSelect } from './SortSelect';
import { TabPaper } from './TabPaper';
import { TypedPaper } from './TypedPaper';
import { UndoSnackbar } from './UndoSnackbar';
import { BackupReminder } from './BackupReminder';
import { localBackupReminder, type BackupReminderStore } from '../backup-reminder';

interface Props {
  api: ReadingListApi;
  stateOptions?: StateOptions;
  /** Where the last backup is recorded (the extension's localStorage; tests pass one in memory). */
  backups?: BackupReminderStore;
  /** A state already started by the page (see useReadingList); else the App makes and starts its own. */
  state?: ReadingListState;
}

export function App({ api, stateOptions, state: started, backups = localBackupReminder() }: Props) {
  const state = useReadingList(api, stateOptions, started);
  const snapshot = useSnapshot(state);
  const wholeListShown = snapshot.load === 'ready' && snapshot.complete && !snapshot.provisional;
  const [versions] = useArxivVersions(api, wholeListShown);
  const followed = useFollowedAuthors(api, wholeListShown);
  const repoFigures = useRepoFigures(api, snapshot.papers, wholeListShown);
  const sources = useMemo(() => ({ versions, followed, repoFigures }), [versions, followed, repoFigures]);
  const [access, setAccess] = useState<SiteAccess[]>([]);
  const [text, setText] = useState('');
  const [filters, setFilters] = useState<ListFilters>(NO_FILTERS);
  const [announcement, setAnnouncement] = useAnnouncer();
  const [focusRequest, setFocusRequest] = useState<{ id: string } | null>(null);
  // A request is for the render that made it (the list's effect takes it then): kept, it would pull the focus into the
  // list whenever the list is drawn again (a search that found nothing, its typo taken back), from the box being typed in.
  useEffect(() => {
    if (focusRequest) setFocusRequest(null);
  }, [focusRequest]);
  const searchRef = useRef<HTMLInputElement>(null);
  const libraryButton = useRef<HTMLButtonElement>(null);
  /** The typed paper's save while it offers one: Enter in the search box. */
  const typedSave = useRef<(() => void) | null>(null);
  useSlashFocus(searchRef);

  const refreshAccess = useCallback(() => api.siteAccess().then(setAccess, () => setAccess([])), [api]);
  useEffect(() => void refreshAccess(), [refreshAccess]);

  // Every keystroke searches, in the same render (a search costs a few ms at 10,000 papers, see search-index):
  // deferring it, even by a timer of 0, costs a frame, because Preact runs effects after the next paint.
  const query = text;
  const { view, searching, sort, setSort, newVersions, byFollowed } = useShownList(state, snapshot, query, filters, sources);
  // The paper being typed in stays shown while the focus is in it (kept-paper.ts), as stored now (gone if removed).
  const [held, setHeld] = useState<string | null>(null);
  const shown = useKeptPaper(view.papers, held === null ? undefined : snapshot.byId.get(held));
  const total = snapshot.papers.length;
  // The list emptied (its last paper removed here or elsewhere) takes its search box with it, the focus too when it was
  // there (a removal sends it there): the empty list's box, for a paper to paste, takes it, not the page's body.
  const shownAny = snapshot.load === 'ready' && total > 0;
  const hadPapers = useRef(false);
  useEffect(() => {
    if (!shownAny && hadPapers.current && snapshot.load === 'ready' && focusLost()) searchRef.current?.focus();
    hadPapers.current = shownAny;
  }, [shownAny]);
  // An empty list's box (for a paper to paste) narrows nothing.
  const narrowed = total > 0 && (view.searched || isFiltered(filters));
  const knownTags = useMemo(() => snapshot.tags.map(([tag]) => tag), [snapshot.tags]);
  const resultMessage = useDebounced(narrowed && !view.pending ? `${countLabel(view.papers.length)} shown of ${formatCount(total)}.` : '', 400);
  // One live region: the latest of a result count and an action's confirmation.
  useEffect(() => {
    if (resultMessage) setAnnouncement(resultMessage);
  }, [resultMessage]);

  return (
    <ListContexts state={state} sources={sources}>
      <main class="app">
        <header class="bar">
          <h1>Papershelf</h1>
          {snapshot.provisional && <span class="count">Updating…</span>}
          {snapshot.load === 'ready' && !snapshot.complete && !snapshot.provisional && <span class="count">Newest {formatCount(total)}, loading the rest…</span>}
          {snapshot.load === 'ready' && snapshot.complete && (
            <span class="count">{narrowed && !view.pending ? `${formatCount(view.papers.length)} of ${countLabel(total)}` : countLabel(total)}</span>
          )}
        </header>
        {access
          .filter((site) => !site.granted)
          .map((site) => (
            <AccessNotice
              key={site.name}
              site={site}
              onRequest={(button) =>
                api
                  .requestAccess(site.origins)
                  .then(refreshAccess)
                  // Granted, the notice goes with its button (once drawn): the focus goes on to the search box.
                  .then(() => setTimeout(() => !button.isConnected && searchRef.current?.focus()))
              }
            />
          ))}
        <TabPaper api={api} papers={snapshot.papers} announce={setAnnouncement} />
        <ListStatus state={state} snapshot={snapshot} searchRef={searchRef} />
        {snapshot.load === 'ready' && total === 0 && (
          <section class="empty">
            <p>Your reading list is empty.</p>
            <p class="muted">
              Open <a href="https://huggingface.co/papers" target="_blank" rel="noreferrer">Hugging Face Papers</a> and
              press <strong>Save</strong> on any paper card, or paste an arXiv id, a DOI or a paper's address here:
            </p>
            <SearchBox
              value={text}
              onChange={setText}
              inputRef={searchRef}
              onEnter={() => typedSave.current?.()}
              label="Paste an arXiv id, a DOI or a paper's address"
              placeholder="2401.12345, 10.1145/…, https://…"
            />
            <TypedPaper api={api} papers={snapshot.papers} announce={setAnnouncement} text={query} saveRef={typedSave} />
          </section>
        )}
        {snapshot.load === 'ready' && total > 0 && (
          <>
            <div class="controls" role="search">
              <SearchBox
                value={text}
                onChange={setText}
                inputRef={searchRef}
                onArrowDown={() => setFocusRequest({ id: '' })}
                onEnter={() => typedSave.current?.()}
                describedBy="search-problems"
                hint={SEARCH_SYNTAX_HELP}
              />
              <SortSelect value={sort} onChange={setSort} searching={searching} />
            </div>
            <SearchProblems id="search-problems" problems={view.problems} />
            <FilterBar filters={filters} onChange={setFilters} tags={snapshot.tags} sites={snapshot.sites} newVersions={newVersions.count} followed={byFollowed ?? 0} />
            {/* Busy while the list shown is the popup's copy from its last open, until the background answers. */}
            <div class="scroll" aria-busy={snapshot.provisional || undefined}>
              <TypedPaper api={api} papers={snapshot.papers} announce={setAnnouncement} text={query} saveRef={typedSave} />
              {view.pending && <p class="muted">Preparing search…</p>}
              {!view.pending && shown.length === 0 && (
                <NoMatch
                  class="muted none"
                  searched={view.searched}
                  onClear={() => {
                    setText('');
                    setFilters(NO_FILTERS);
                    searchRef.current?.focus();
                  }}
                />
              )}
              {shown.length > 0 && (
                <PaperList
                  papers={shown}
                  knownTags={knownTags}
                  announce={setAnnouncement}
                  onLeaveTop={() => searchRef.current?.focus()}
                  focusRequest={focusRequest}
                  onHold={setHeld}
                />
              )}
            </div>
          </>
        )}
        <LiveRegion message={announcement} />
        <UndoSnackbar
          undo={snapshot.undo}
          // The snackbar empties under the focus: back into the list, on the paper put back (else the first).
          onUndo={(entry) => void state.undo().then(() => setFocusRequest({ id: entry.records[0]?.id ?? '' }))}
          onDismiss={() => {
            state.dismissUndo();
            // No item to go back to (the list emptied, or nothing matches): the search box the page shows.
            if (shown.length) setFocusRequest({ id: '' });
            else searchRef.current?.focus();
          }}
          onHold={state.holdUndo}
        />
        {wholeListShown && (
          <BackupReminder papers={snapshot.papers} store={backups} onBackUp={() => void api.openLibrary('backup')} onSnoozed={() => libraryButton.current?.focus()} />
        )}
        <footer class="foot">
          <span class="muted small keys" aria-hidden="true">
            ↑↓ move · Enter open · 1/2/3 status · / search
          </span>
          <button type="button" class="link" ref={libraryButton} onClick={() => void api.openLibrary()}>
            Open library
          </button>
          <button type="button" class="link" onClick={() => void api.openOptions()}>
            Sites and options
          </button>
        </footer>
      </main>
    </ListContexts>
  );
}
