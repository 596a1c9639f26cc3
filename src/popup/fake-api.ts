// An in-memory ReadingListApi for component tests: behaves like the background (returns copies, answers
// `remove` with the record, broadcasts a notice after each write) and records calls through vi.fn.
import { vi } from 'vitest';
import { makePaper } from '../../test/unit/paper-factory';
import { changedNotice, type Notice, type RepoFigures } from '../background/messages';
import type { Paper } from '../core/paper';
import type { ArxivVersionEntry, SavedPaper } from '../storage/schema';
import type { PaperEdit, ReadingListApi, SiteAccess, TabPaperPreview, TabPaperView } from './api';
import { applyEdit } from '../storage/edit';
import { mergeDuplicates } from '../core/merge-duplicates';
import type { RecordVersion } from '../storage/reading-list';
import { changeFollowed } from '../core/authors';
import { backupSettings, mergeBackupSettings, type BackupSettings } from '../core/export/settings';

/** The stored copy of each version, or the background's refusal of a record gone or changed since (StaleRecordError). */
function current(papers: readonly SavedPaper[], versions: readonly RecordVersion[]): SavedPaper[] {
  return versions.map(({ id, updatedAt }) => {
    const found = papers.find((p) => p.id === id);
    if (!found || found.updatedAt !== updatedAt) throw Object.assign(new Error(`${id} was changed since it was shown`), { name: 'StaleRecordError' });
    return found;
  });
}

export interface FakeApi extends ReadingListApi {
  papers: SavedPaper[];
  /** Make `putMany` (and the other all-or-nothing writes) fail like an aborted transaction. */
  failPutMany: Error | null;
  /** A failed save from a link, for `takeLinkProblem` to hand out once. */
  linkProblem: string | null;
  /** The paper the reader's tab shows, for `tabPaper` (null: none). */
  tab: TabPaperView | null;
  /** The papers `typedPaper` knows, by address (any other address names none). */
  typed: Map<string, TabPaperView>;
  /** What `previewTabPaper` answers (null: it cannot be read; a promise: one the test settles). */
  tabPreview: TabPaperPreview | null | Promise<TabPaperPreview | null>;
  /** What `saveTabPaper` saves (its title and abstract, as the metadata read would give them), or the error it fails with. */
  tabSave: { title: string } | Error;
  /** What arXiv answers `checkVersions`: the newest version by arXiv id (papers not here it does not hold), or the error it fails with. */
  arxiv: Map<string, { version: number; updated: string | null; comment?: string; doi?: string; journalRef?: string }> | Error;
  /** What the checks so far said (`checkVersions` adds to it), by arXiv id. */
  versions: Map<string, ArxivVersionEntry>;
  /** Whether arXiv's API is granted (`requestAccess` of it grants it, unless `refuseAccess`). */
  arxivAccess: boolean;
  refuseAccess: boolean;
  /** What the badges' cache holds, by repository name in lower case (`repoFigures` reads it), or the error reading fails with. */
  githubCache: Map<string, RepoFigures> | Error;
  /** The names followed (`followAuthor` changes them as the background does), or the error reading them fails with. */
  followed: string[] | Error;
  /** The other settings a backup keeps (the followed names are `followed`); `importSettings` joins a backup's as the background does. */
  settings: Omit<BackupSettings, 'followedAuthors'>;
  /** What `importSettings` fails with, if anything. */
  failImportSettings: Error | null;
  /** Deliver a notice to subscribers as the background would. */
  emit(notice?: Notice): void;
}

const clone = (record: SavedPaper): SavedPaper => structuredClone(record);
const newestFirst = (a: SavedPaper, b: SavedPaper) => b.savedAt - a.savedAt;

export function createFakeApi(papers: SavedPaper[] = [], access: SiteAccess[] = []): FakeApi {
  let listeners: ((notice: Notice) => void)[] = [];
  // Notices arrive after the reply in the extension too, never synchronously.
  const broadcast = (notice: Notice) => void Promise.resolve().then(() => listeners.forEach((l) => l(notice)));
  const upsert = (records: SavedPaper[]) => {
    const byId = new Map(api.papers.map((p) => [p.id, p]));
    for (const record of records) byId.set(record.id, clone(record));
    api.papers = [...byId.values()].sort(newestFirst);
  };
  const api: FakeApi = {
    papers: papers.map(clone).sort(newestFirst),
    failPutMany: null,
    linkProblem: null,
    list: vi.fn(async (limit?: number) => api.papers.slice(0, limit).map(clone)),
    remove: vi.fn(async (id: string) => {
      const found = api.papers.find((p) => p.id === id) ?? null;
      if (!found) return null;
      api.papers = api.papers.filter((p) => p.id !== id);
      broadcast(changedNotice(found, 'removed'));
      return clone(found);
    }),
    removeMany: vi.fn(async (ids: string[]) => {
      if (api.failPutMany) throw api.failPutMany; // the same all-or-nothing write fails the same way
      const found = api.papers.filter((p) => ids.includes(p.id));
      api.papers = api.papers.filter((p) => !ids.includes(p.id));
      if (found.length) broadcast({ type: 'reload' });
      return found.map(clone);
    }),
    restore: vi.fn(async (record: SavedPaper) => {
      upsert([record]);
      broadcast(changedNotice(record));
      return clone(record);
    }),
    restoreMany: vi.fn(async (records: SavedPaper[]) => {
      if (api.failPutMany) throw api.failPutMany; // the same all-or-nothing write fails the same way
      upsert(records);
      broadcast({ type: 'reload' });
      return records.map(clone);
    }),
    edit: vi.fn(async (id: string, edit: PaperEdit) => {
      const found = api.papers.find((p) => p.id === id);
      if (!found) return null;
      const record = applyEdit(clone(found), structuredClone(edit), Math.max(Date.now(), found.updatedAt + 1)); // as the background does
      upsert([record]);
      broadcast(changedNotice(record));
      return clone(record);
    }),
    editMany: vi.fn(async (ids: string[], edit: PaperEdit) => {
      if (api.failPutMany) throw api.failPutMany; // the same all-or-nothing write fails the same way
      const found = api.papers.filter((p) => ids.includes(p.id));
      const at = Math.max(Date.now(), ...found.map((record) => record.updatedAt + 1));
      const records = found.map((record) => applyEdit(clone(record), structuredClone(edit), at));
      upsert(records);
      if (records.length) broadcast({ type: 'reload' });
      return { written: records.length, at };
    }),
    merge: vi.fn(async (keep: RecordVersion, others: RecordVersion[]) => {
      const originals = current(api.papers, [keep, ...others]).map(clone);
      const merged = mergeDuplicates(originals[0]!, originals.slice(1), Math.max(Date.now(), ...originals.map((r) => r.updatedAt + 1)));
      const gone = new Set(others.map((other) => other.id));
      api.papers = api.papers.filter((p) => !gone.has(p.id));
      upsert([merged]);
      for (const other of originals.slice(1)) broadcast(changedNotice(other, 'removed'));
      broadcast(changedNotice(merged));
      return { merged: clone(merged), originals };
    }),
    unmerge: vi.fn(async (merged: RecordVersion, records: SavedPaper[]) => {
      current(api.papers, [merged]);
      upsert(records);
      for (const record of records) broadcast(changedNotice(record));
      return records.map(clone);
    }),
    putMany: vi.fn(async (records: SavedPaper[]) => {
      if (api.failPutMany) throw api.failPutMany;
      upsert(records);
      broadcast({ type: 'reload' });
      return { written: records.length };
    }),
    subscribe(onChange) {
      listeners.push(onChange);
      return () => (listeners = listeners.filter((l) => l !== onChange));
    },
    siteAccess: vi.fn(async () => access),
    requestAccess: vi.fn(async (origins: string[]) => {
      if (api.refuseAccess) return false;
      if (origins.some((origin) => origin.startsWith('https://export.arxiv.org/'))) api.arxivAccess = true;
      return true;
    }),
    openOptions: vi.fn(async () => {}),
    openLibrary: vi.fn(async () => {}),
    openTabs: vi.fn(async () => {}),
    takeLinkProblem: vi.fn(async () => {
      const problem = api.linkProblem;
      api.linkProblem = null;
      return problem;
    }),
    tab: null,
    typed: new Map(),
    tabPreview: null,
    tabSave: { title: 'A paper' },
    // As the background answers: the state under the id the paper is saved as.
    tabPaper: vi.fn(async () => withState(api.tab)),
    typedPaper: vi.fn(async (address: string) => withState(api.typed.get(address) ?? null)),
    previewTabPaper: vi.fn(async () => structuredClone(await api.tabPreview)),
    saveTabPaper: vi.fn(async (tab: TabPaperView) => {
      if (api.tabSave instanceof Error) throw api.tabSave;
      const record = makeSaved(tab.id, api.tabSave.title, Date.now(), { savedFrom: tab.url });
      upsert([record]);
      broadcast(changedNotice(record));
      return clone(record);
    }),
    arxiv: new Map(),
    versions: new Map(),
    arxivAccess: true,
    refuseAccess: false,
    arxivVersions: vi.fn(async () => structuredClone([...api.versions.values()])),
    checkVersions: vi.fn(async (ids: string[]) => {
      if (api.arxiv instanceof Error) throw api.arxiv;
      if (!api.arxivAccess) throw new Error('arXiv could not be reached (offline, or too slow to answer)'); // as a withheld host fails
      const known = api.arxiv;
      const entries: ArxivVersionEntry[] = [];
      const published: SavedPaper[] = [];
      for (const id of ids) {
        const key = id.slice('arxiv:'.length);
        const latest = known.get(key);
        if (!latest) continue;
        const { doi, journalRef, ...kept } = latest;
        entries.push({ key, ...kept, checkedAt: Date.now() });
        // As the background fills them in: only where the record has none.
        const record = api.papers.find((p) => p.id === id);
        if (record && ((doi && !record.paper.doi) || (journalRef && !record.paper.venue))) {
          published.push({ ...record, paper: { ...record.paper, doi: record.paper.doi ?? doi ?? null, venue: record.paper.venue ?? journalRef ?? null } });
        }
      }
      for (const entry of entries) api.versions.set(entry.key, entry);
      upsert(published);
      for (const record of published) broadcast(changedNotice(record));
      return structuredClone({ entries, published: published.map((record) => record.id) });
    }),
    arxivGranted: vi.fn(async () => api.arxivAccess),
    githubCache: new Map(),
    repoFigures: vi.fn(async (names: readonly string[]) => {
      if (api.githubCache instanceof Error) throw api.githubCache;
      const cache = api.githubCache;
      return structuredClone(names.map((name) => cache.get(name.toLowerCase()) ?? null));
    }),
    followed: [],
    followedAuthors: vi.fn(async () => {
      if (api.followed instanceof Error) throw api.followed;
      return [...api.followed];
    }),
    followAuthor: vi.fn(async (name: string, follow: boolean) => {
      if (api.followed instanceof Error) throw api.followed;
      api.followed = changeFollowed(api.followed, name, follow);
      return [...api.followed];
    }),
    settings: { watchedTopics: [], tagRules: [], toolbarCount: true, relevance: { enabled: true } },
    failImportSettings: null,
    backupSettings: vi.fn(async () => {
      if (api.followed instanceof Error) throw api.followed;
      return backupSettings({ ...api.settings, followedAuthors: api.followed });
    }),
    importSettings: vi.fn(async (theirs: Partial<BackupSettings>) => {
      if (api.failImportSettings) throw api.failImportSettings;
      if (api.followed instanceof Error) throw api.followed;
      const { followedAuthors = api.followed, ...rest } = mergeBackupSettings({ ...api.settings, followedAuthors: api.followed }, theirs).change;
      api.followed = followedAuthors;
      api.settings = { ...api.settings, ...rest };
      return backupSettings({ ...api.settings, followedAuthors: api.followed });
    }),
    emit: (notice = { type: 'reload' }) => listeners.forEach((l) => l(notice)),
  };
  /** A paper an address names, with its state as the background answers it: under the id the paper is saved as. */
  function withState(view: TabPaperView | null): TabPaperView | null {
    if (!view) return null;
    const found = api.papers.find((p) => p.id === view.id || p.paper.aliases.includes(view.id));
    const state = found ? { status: found.status, tags: [...found.tags], ...(found.id === view.id ? {} : { savedAs: found.id }) } : null;
    return structuredClone({ ...view, state });
  }
  return api;
}

/** A saved record for tests; the paper comes from the shared factory. */
export function makeSaved(id: string, title: string, savedAt: number, overrides: Partial<SavedPaper> = {}, paper: Partial<Paper> = {}): SavedPaper {
  return {
    id,
    paper: makePaper({ id, title, url: `https://huggingface.co/papers/${id.replace(/^[a-z]+:/, '')}`, ...paper }),
    status: 'to-read',
    tags: [],
    note: '',
    savedFrom: 'https://huggingface.co/papers/date/2026-07-02',
    savedAt,
    updatedAt: savedAt,
    ...overrides,
  };
}
