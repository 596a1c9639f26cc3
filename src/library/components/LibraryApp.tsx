import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ReadingListApi } from '../../popup/api';
import { FilterBar } from '../../popup/components/FilterBar';
import { LiveRegion, useAnnouncer } from '../../popup/components/LiveRegion';
import { ListStatus } from '../../popup/components/ListStatus';
import { SearchBox } from '../../popup/components/SearchBox';
import { SearchProblems } from '../../popup/components/SearchProblems';
import { SEARCH_SYNTAX_HELP } from '../../popup/search-syntax';
import { NoMatch } from '../../popup/components/NoMatch';
import { CopyBibtex } from '../../popup/components/CopyBibtex';
import { SortSelect } from '../../popup/components/SortSelect';
import { TypedPaper } from '../../popup/components/TypedPaper';
import { UndoSnackbar } from '../../popup/components/UndoSnackbar';
import { countLabel, formatCount } from '../../popup/format';
import { useSlashFocus } from '../../popup/keyboard';
import { isFiltered, NO_FILTERS, tagCounts, type ListFilters } from '../../popup/list-query';
import type { StateOptions } from '../../popup/state';
import { useDebounced, useReadingList, useShownList, useSnapshot } from '../../popup/state-hooks';
import { loadExportModule, type LoadExportModule } from '../export-module';
import { exportScope, type ScopeChoice } from '../export-scope';
import { toggleAll, toggleSelection } from '../selection';
import type { findDuplicates } from '../../core/duplicates';
import { BulkBar } from './BulkBar';
import { DuplicatesPanel } from './DuplicatesPanel';
import { groupIds, groupKey, localNotDuplicates, MAX_KEPT, type NotDuplicates } from '../not-duplicates';
import { nextMacrotask } from '../../core/export/progress';
import { ChartsPanel } from './ChartsPanel';
import { ExportPanel } from './ExportPanel';
import { ImportPanel, type SettingsAccess } from './ImportPanel';
import { localBackupReminder, type BackupReminderStore } from '../../popup/backup-reminder';
import { PaperTable } from './PaperTable';
import { PastePanel } from './PastePanel';
import { TagsPanel } from './TagsPanel';
import { OpenInTabs } from './OpenInTabs';
import { hasTag, sameTag } from '../../core/tags/same-tag';
import { VersionsPanel } from './VersionsPanel';
import { useArxivVersions } from '../../popup/arxiv-versions';
import { ListContexts } from '../../popup/components/ListContexts';
import { useRepoFigures } from '../../popup/repo-figures';
import { useFollowedAuthors } from '../../popup/followed-authors';

interface Props {
  api: ReadingListApi;
  /** Tests pass a fake; the page loads src/core/export on first use. */
  loadExport?: LoadExportModule;
  stateOptions?: StateOptions;
  /** Groups the reader said are not duplicates; tests pass one over their own storage. */
  notDuplicatesStore?: NotDuplicates;
  /** Where a backup of the whole list is recorded, for the popup's reminder; tests pass one in memory. */
  backups?: BackupReminderStore;
  /** Opened for a backup (the popup's reminder: `#backup`); the page reads its address when not given. */
  forBackup?: boolean;
}

/** The full-tab library: the same list as the popup, all of it, with bulk actions, charts, export and import. */
export function LibraryApp({
  api,
  loadExport = loadExportModule,
  stateOptions,
  notDuplicatesStore = localNotDuplicates(),
  backups = localBackupReminder(),
  forBackup = globalThis.location?.hash === '#backup',
}: Props) {
  const state = useReadingList(api, stateOptions);
  const snapshot = useSnapshot(state);
  const [versions, learnVersions] = useArxivVersions(api, snapshot.load === 'ready');
  const followed = useFollowedAuthors(api, snapshot.load === 'ready');
  const repoFigures = useRepoFigures(api, snapshot.papers, snapshot.load === 'ready');
  const sources = useMemo(() => ({ versions, followed, repoFigures }), [versions, followed, repoFigures]);
  // A backup's settings, imported: the followed names the background now keeps are this page's too (marks and filter).
  const settingsAccess = useMemo<SettingsAccess>(
    () => ({ read: () => api.backupSettings(), add: async (settings) => followed.show((await api.importSettings(settings)).followedAuthors) }),
    [api, followed.show],
  );
  const [text, setText] = useState('');
  const [filters, setFilters] = useState<ListFilters>(NO_FILTERS);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [scopeChoice, setScopeChoice] = useState<ScopeChoice | null>(null);
  const [showDuplicates, setShowDuplicates] = useState(false);
  const [announcement, setAnnouncement] = useAnnouncer();
  const anchor = useRef<string | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  /** The typed paper's save while it offers one: Enter in the search box. */
  const typedSave = useRef<(() => void) | null>(null);
  const viewportRef = useRef<HTMLDivElement>(null);
  const formatRef = useRef<HTMLSelectElement>(null);
  useSlashFocus(searchRef);

  // Every keystroke searches, in the same render, as in the popup (App.tsx): a search costs a few ms at 10,000 papers.
  // A long list's keystrokes were held 120 ms for a pause in the typing, from before the search was quick.
  const query = text;
  const { view, searching, sort, setSort, newVersions, byFollowed } = useShownList(state, snapshot, query, filters, sources);
  const narrowed = view.searched || isFiltered(filters);
  const knownTags = useMemo(() => snapshot.tags.map(([tag]) => tag), [snapshot.tags]);
  // What a bulk action acts on: the selected papers the search and filters show, in the order shown. Papers selected
  // and then hidden by a search or filter stay checked, but no action reaches a paper the reader cannot see.
  const selection = useMemo(() => view.papers.filter((saved) => selected.has(saved.id)), [view.papers, selected]);
  const selectionTags = useMemo(() => tagCounts(selection).map(([tag]) => tag), [selection]);
  const selectedIds = useMemo(() => selection.map((saved) => saved.id), [selection]);
  const hiddenSelected = useMemo(
    () => snapshot.papers.reduce((n, saved) => n + (selected.has(saved.id) ? 1 : 0), 0) - selection.length,
    [snapshot.papers, selected, selection],
  );
  const order = useMemo(() => view.papers.map((saved) => saved.id), [view.papers]);
  // Found in the whole list only (until then a copy among the papers still loading would be missed), by code loaded
  // then: it reads titles as imports do, whose code the page otherwise loads only for an import.
  const [finder, setFinder] = useState<{ find: typeof findDuplicates } | null>(null);
  useEffect(() => {
    if (!snapshot.complete || finder) return;
    let live = true;
    void import('../../core/duplicates').then(
      async ({ findDuplicates: find, prepareDuplicateKeys }) => {
        await prepareDuplicateKeys(snapshot.papers, nextMacrotask); // in slices: 10,000 papers' keys were one 250 ms task
        if (live) setFinder({ find });
      },
      () => {}, // none offered: the page works without them
    );
    return () => void (live = false);
  }, [snapshot.complete, finder]);
  const [notDuplicates, setNotDuplicates] = useState(() => notDuplicatesStore.read());
  const duplicates = useMemo(
    () => (finder && snapshot.complete ? finder.find(snapshot.papers).filter((group) => !notDuplicates.has(groupKey(group.map((record) => record.id)))) : []),
    [finder, snapshot.papers, snapshot.complete, notDuplicates],
  );

  const resultMessage = useDebounced(narrowed && !view.pending ? `${countLabel(view.papers.length)} shown of ${formatCount(snapshot.papers.length)}.` : '', 400);
  useEffect(() => {
    if (resultMessage) setAnnouncement(resultMessage);
  }, [resultMessage]);
  // The export offers what the reader is looking at (the shown papers while a search or filter narrows the list)
  // unless they chose otherwise since the list was last narrowed or widened; an emptied selection ends that choice.
  const scope = exportScope(scopeChoice, narrowed, selection.length);
  useEffect(() => {
    if (scopeChoice?.scope === 'selection' && selection.length === 0) setScopeChoice(null);
  }, [scopeChoice, selection.length]);
  useEffect(() => setScopeChoice((choice) => (choice && choice.narrowed !== narrowed ? null : choice)), [narrowed]);

  const toTable = () => (viewportRef.current?.isConnected ? viewportRef.current : searchRef.current)?.focus();

  const select = (id: string, range: boolean) => {
    setSelected((current) => toggleSelection(current, order, id, anchor.current, range));
    anchor.current = id;
  };

  return (
    <ListContexts state={state} sources={sources}>
      <div class="library">
        <header class="top">
          <h1>Papershelf library</h1>
          {snapshot.load === 'ready' && (
            <span class="muted">
              {!snapshot.complete
                ? `Newest ${formatCount(snapshot.papers.length)}, loading the rest…`
                : narrowed && !view.pending
                  ? `${formatCount(view.papers.length)} of ${countLabel(snapshot.papers.length)}`
                  : countLabel(snapshot.papers.length)}
            </span>
          )}
          {snapshot.load === 'ready' && duplicates.length > 0 && (
            <button type="button" class="link" aria-expanded={showDuplicates} aria-controls="duplicates" onClick={() => setShowDuplicates((shown) => !shown)}>
              Duplicates ({formatCount(duplicates.length)})
            </button>
          )}
        </header>
        <ListStatus state={state} snapshot={snapshot} searchRef={searchRef} />
        {snapshot.load === 'ready' && (
          <div class="columns">
            <main class="main">
              <div class="controls" role="search">
                <SearchBox value={text} onChange={setText} inputRef={searchRef} onEnter={() => typedSave.current?.()} describedBy="search-problems" hint={SEARCH_SYNTAX_HELP} />
                <SortSelect value={sort} onChange={setSort} searching={searching} />
              </div>
              <SearchProblems id="search-problems" problems={view.problems} />
              <FilterBar filters={filters} onChange={setFilters} tags={snapshot.tags} sites={snapshot.sites} newVersions={newVersions.count} followed={byFollowed ?? 0} />
              <TypedPaper api={api} papers={snapshot.papers} announce={setAnnouncement} text={text} saveRef={typedSave} />
              {showDuplicates && duplicates.length > 0 && (
                <DuplicatesPanel
                  groups={duplicates}
                  onMerge={(keep, others) => state.merge(keep, others)}
                  onDismiss={(ids) => setNotDuplicates(notDuplicatesStore.add(groupKey(ids)))}
                  onEmptied={toTable}
                />
              )}
              <BulkBar
                count={selection.length}
                hidden={hiddenSelected}
                knownTags={knownTags}
                selectionTags={selectionTags}
                onStatus={(status) => {
                  void state.setStatus(selectedIds, status);
                  setAnnouncement(`Status set for ${countLabel(selectedIds.length)}.`);
                }}
                onAddTag={(tag) => {
                  void state.addTag(selectedIds, tag);
                  setAnnouncement(`Tag “${tag}” added to ${countLabel(selectedIds.length)}.`);
                }}
                onRemoveTag={(tag) => {
                  const carrying = selection.filter((saved) => hasTag(saved.tags, tag)).length;
                  void state.removeTagFrom(selectedIds, tag);
                  setAnnouncement(`Tag “${tag}” removed from ${countLabel(carrying)}.`);
                }}
                onRemove={() => {
                  // Out of the selection once removed: a removal the background refused leaves it, to try again.
                  void state.remove(selectedIds).then((gone) => {
                    const removed = new Set(gone);
                    if (removed.size) setSelected((current) => new Set([...current].filter((id) => !removed.has(id))));
                  });
                }}
                onExport={() => {
                  setScopeChoice({ scope: 'selection', narrowed });
                  formatRef.current?.focus();
                }}
                onClear={() => setSelected(new Set())}
                onEmptied={toTable}
              >
                <CopyBibtex papers={selection} name={`Copy BibTeX of the ${countLabel(selection.length)} selected`} disabled={selection.length === 0} load={loadExport} />
                <OpenInTabs papers={selection} open={(urls) => api.openTabs(urls)} />
              </BulkBar>
              {view.pending ? (
                <p class="muted">Preparing search…</p>
              ) : snapshot.papers.length === 0 ? (
                <p class="empty">Your reading list is empty. Save papers from the sites you read, or import a file.</p>
              ) : view.papers.length === 0 ? (
                <NoMatch
                  class="empty"
                  searched={view.searched}
                  onClear={() => {
                    setText('');
                    setFilters(NO_FILTERS);
                    searchRef.current?.focus();
                  }}
                />
              ) : (
                <PaperTable
                  papers={view.papers}
                  selected={selected}
                  onSelect={select}
                  onSelectAll={() => setSelected((current) => toggleAll(current, order))}
                  onStatus={(id, status) => void state.setStatus([id], status)}
                  viewportRef={viewportRef}
                />
              )}
            </main>
            <aside class="side">
              <ExportPanel
                all={snapshot.papers}
                shown={view.papers}
                selection={selection}
                scope={scope}
                onScope={(chosen) => setScopeChoice({ scope: chosen, narrowed })}
                load={loadExport}
                formatRef={formatRef}
                complete={snapshot.complete}
                notDuplicates={[...notDuplicates].map(groupIds)}
                settings={settingsAccess.read}
                forBackup={forBackup}
                onBackedUp={(record) => backups.backedUp(record)}
              />
              <ImportPanel
                state={state}
                load={loadExport}
                complete={snapshot.complete}
                announce={setAnnouncement}
                onNotDuplicates={(groups) => setNotDuplicates(notDuplicatesStore.add(...groups.slice(-MAX_KEPT).map(groupKey)))}
                settings={settingsAccess}
              />
              <PastePanel api={api} announce={setAnnouncement} />
              <VersionsPanel api={api} papers={snapshot.papers} versions={versions} learn={learnVersions} complete={snapshot.complete} announce={setAnnouncement} />
              <TagsPanel
                tags={snapshot.tags}
                complete={snapshot.complete}
                // A table shown by the tag follows it: under its new name, or, the tag gone, unfiltered by tag.
                onRename={async (from, to) => {
                  const n = await state.renameTagEverywhere(from, to);
                  setFilters((current) => (current.tag && sameTag(current.tag, from) ? { ...current, tag: to } : current));
                  return n;
                }}
                onRemove={async (tag) => {
                  const n = await state.removeTagEverywhere(tag);
                  setFilters((current) => (current.tag && sameTag(current.tag, tag) ? { ...current, tag: '' } : current));
                  return n;
                }}
                onShow={(tag) => setFilters((current) => ({ ...current, tag }))}
                announce={setAnnouncement}
              />
              <ChartsPanel papers={snapshot.papers} />
            </aside>
          </div>
        )}
        <LiveRegion message={announcement} />
        <UndoSnackbar
          undo={snapshot.undo}
          // The snackbar empties under the focus: back to the table (or the search box when it is not there).
          onUndo={() => void state.undo().then(toTable)}
          onDismiss={() => {
            state.dismissUndo();
            toTable();
          }}
          onHold={state.holdUndo}
        />
      </div>
    </ListContexts>
  );
}
