// What the background does for each message: storage calls plus the change broadcast. Pure of extension
// APIs (they come in through `deps`), so tests drive it with fake-indexeddb and a recorded broadcast.
import { changedNotice, type Envelope, type Responses, type Notice, type MessageName, type RepoFigures, type RepoSummary } from './messages';
import type { Settings } from '../storage/settings';
import type { SettingsChange } from '../storage/settings-store';
import { changeFollowed, countFollowed } from '../core/authors';
import { backupSettings, mergeBackupSettings } from '../core/export/settings';
import type { RelevanceService } from './relevance';
import { editPaper, editPapers, fillPublication, hasPapers, listPage, listPapers, lookup, mergeRecords, preloadLookups, putPapers, removePaper, removePapers, restorePapers, savePaper, unmergeRecords, type Database } from '../storage/reading-list';
import { matchTopics, prepareTopics } from './topics';
import type { LinkResolver } from './save-link/metadata';
import { allArxivVersions, putArxivVersions } from '../storage/arxiv-versions';
import { previewTabPaper, saveTabPaper, tabPaper } from './tab-paper';
import { checkRules, type RunnableRule } from '../core/tags/rules';

/**
 * The rules as pages run them, checked once per change of the rules (the last ones checked kept): every page load asks,
 * and 1,000 ordinary rules take 27-128 ms to check (in Node), which each page's content script spent on its main thread before.
 */
let lastChecked: { key: string; rules: RunnableRule[] } | null = null;
function checkedRules(rules: Settings['tagRules']): RunnableRule[] {
  const key = JSON.stringify(rules);
  if (lastChecked?.key !== key) lastChecked = { key, rules: checkRules(rules) };
  return lastChecked.rules;
}

export interface HandlerDeps {
  db: () => Promise<Database>;
  broadcast: (notice: Notice) => void;
  /** GitHub and Hugging Face lookups, cached (see ./github). */
  repos: {
    repo(name: string, ask?: { spare?: boolean }): Promise<RepoSummary | null>;
    paperRepos(arxivId: string): Promise<string[]>;
    /** What the cache holds of these repositories, never asking GitHub (in order; null where nothing). */
    figures(names: readonly string[]): Promise<(RepoFigures | null)[]>;
  };
  settings: () => Promise<Settings>;
  /** Write a change to the settings, and tell whoever follows them (open pages, the toolbar count). */
  saveSettings: (change: SettingsChange) => Promise<Settings>;
  relevance: RelevanceService;
  /** A paper's metadata from the address that names it (the APIs, or its page read): saves from a tab's address. */
  links: Pick<LinkResolver, 'resolve' | 'latestVersions'>;
  /** Whether all these hosts are granted (none: true). */
  granted: (origins: string[]) => Promise<boolean>;
  /** Told of records put back (an undone removal), after their notices: a link's stand-in may be completed now (prompt-save.ts). */
  restored?: (ids: string[]) => void;
}

export async function handle(message: Envelope, deps: HandlerDeps): Promise<Responses[MessageName]> {
  switch (message.type) {
    // Each item on its own: one that fails (offline, rate-limited) is unavailable, and the others are answered.
    case 'repos': {
      const { names, spare } = message.payload as Envelope<'repos'>['payload'];
      return Promise.all(names.map((name) => deps.repos.repo(name, spare ? { spare } : undefined).catch(() => null)));
    }
    case 'repoFigures': {
      const { names } = message.payload as Envelope<'repoFigures'>['payload'];
      // Unreadable (storage broken): none known, and the popup keeps the counts saved with the papers.
      return deps.repos.figures(names).catch(() => names.map(() => null));
    }
    case 'paperRepos': {
      const { arxivIds } = message.payload as Envelope<'paperRepos'>['payload'];
      return Promise.all(arxivIds.map((arxivId) => deps.repos.paperRepos(arxivId).catch((): string[] => [])));
    }
    case 'topics': {
      const { papers } = message.payload as Envelope<'topics'>['payload'];
      return matchTopics(papers);
    }
    case 'wake':
      // Opened (or found open) and nothing read: what a save needs first, and nothing a save would wait behind.
      await deps.db();
      return null;
    case 'tagSettings': {
      // A content script asks for its page's settings while the page is parsed, and for its cards' saved states
      // once it is: the database is opened and the saved ids read now, not when the first lookup comes (a worker
      // started by this message took ~200 ms more to answer that lookup). Nobody waits for it.
      void deps.db().then(preloadLookups, () => undefined);
      prepareTopics(); // likewise the topics of its cards, asked when they are built
      // Relevance is asked for only with something to be like: a page whose reader has saved nothing gets neither
      // marks nor the page control ("Next relevant (0)" on every listing of a new user's browser). The control's
      // presence so tells a page that the list is not empty, and nothing more (overlay/page-control.ts).
      const [{ watchedTopics, followedAuthors, tagRules, relevance }, listed] = await Promise.all([deps.settings(), deps.db().then(hasPapers).catch(() => true)]);
      return { watchedTopics, followedAuthors, tagRules: checkedRules(tagRules), relevance: relevance.enabled && listed };
    }
    case 'relevance': {
      // Off means off: the content script does not ask, and the background would not answer if it did.
      if (!(await deps.settings()).relevance.enabled) return [];
      const { cards, context } = message.payload as Envelope<'relevance'>['payload'];
      return deps.relevance.score(cards, context);
    }
    case 'resetRelevance':
      return { papers: await deps.relevance.reset() };
    case 'settings':
      return deps.settings();
    case 'setSettings': {
      const { patch } = message.payload as Envelope<'setSettings'>['payload'];
      return deps.saveSettings(patch);
    }
    case 'followAuthor': {
      // Made from the stored list in the write's transaction: a popup and the options page changing it at once both land.
      const { name, follow } = message.payload as Envelope<'followAuthor'>['payload'];
      const { followedAuthors } = await deps.saveSettings((stored) => ({ followedAuthors: changeFollowed(stored.followedAuthors, name, follow) }));
      return followedAuthors;
    }
    case 'importSettings': {
      // Joined with the stored settings in the write's transaction, as a follow is: a change made meanwhile stays.
      const { settings } = message.payload as Envelope<'importSettings'>['payload'];
      return backupSettings(await deps.saveSettings((stored) => mergeBackupSettings(stored, settings).change));
    }
  }
  const db = await deps.db();
  switch (message.type) {
    case 'followedCounts': {
      const { names } = message.payload as Envelope<'followedCounts'>['payload'];
      return countFollowed(names, (await listPapers(db)).map((saved) => saved.paper.authors));
    }
    case 'lookup': {
      const { ids, aliases } = message.payload as Envelope<'lookup'>['payload'];
      return lookup(db, ids, aliases);
    }
    case 'edit': {
      const { id, edit } = message.payload as Envelope<'edit'>['payload'];
      const record = await editPaper(db, id, edit);
      if (record) deps.broadcast(changedNotice(record));
      return record;
    }
    case 'editMany': {
      const { ids, edit } = message.payload as Envelope<'editMany'>['payload'];
      const at = Date.now();
      const written = await editPapers(db, ids, edit, at);
      if (written) deps.broadcast({ type: 'reload' }); // one notice, not one per record
      return { written, at };
    }
    case 'save': {
      const { paper, savedFrom } = message.payload as Envelope<'save'>['payload'];
      const record = await savePaper(db, paper, { savedFrom });
      deps.broadcast(changedNotice(record));
      return record;
    }
    case 'remove': {
      const { id } = message.payload as Envelope<'remove'>['payload'];
      const removed = await removePaper(db, id);
      if (removed) deps.broadcast(changedNotice(removed, 'removed'));
      return removed;
    }
    case 'removeMany': {
      const { ids } = message.payload as Envelope<'removeMany'>['payload'];
      const removed = await removePapers(db, ids);
      if (removed.length) deps.broadcast({ type: 'reload' }); // one notice, not one per record
      return removed;
    }
    case 'list':
      return listPapers(db, (message.payload as Envelope<'list'>['payload']).limit);
    case 'listPage': {
      const { after, count } = message.payload as Envelope<'listPage'>['payload'];
      return listPage(db, after, count);
    }
    case 'restore': {
      const { record, removedAt } = message.payload as Envelope<'restore'>['payload'];
      const [stored = record] = await restorePapers(db, [record], removedAt);
      deps.broadcast(changedNotice(stored));
      deps.restored?.([stored.id]);
      return stored;
    }
    case 'restoreMany': {
      const { records, removedAt } = message.payload as Envelope<'restoreMany'>['payload'];
      const restored = await restorePapers(db, records, removedAt);
      deps.broadcast({ type: 'reload' }); // one notice, not one per record
      deps.restored?.(restored.map((record) => record.id));
      return restored;
    }
    case 'merge': {
      const { keep, others } = message.payload as Envelope<'merge'>['payload'];
      const result = await mergeRecords(db, keep, others);
      // The others' removal first, then the merged record naming their ids as aliases: a card showing one of them
      // (content/annotator.ts applyChange) is unmarked, then marked saved as the merged record.
      for (const other of result.originals.slice(1)) deps.broadcast(changedNotice(other, 'removed'));
      deps.broadcast(changedNotice(result.merged));
      return result;
    }
    case 'unmerge': {
      const { merged, records } = message.payload as Envelope<'unmerge'>['payload'];
      const stored = await unmergeRecords(db, merged, records);
      // The kept record without the others' ids first, then each other record as itself again.
      for (const record of stored) deps.broadcast(changedNotice(record));
      return stored;
    }
    case 'tabPaper':
      return tabPaper(db, (message.payload as Envelope<'tabPaper'>['payload']).url);
    case 'previewTabPaper':
      return previewTabPaper((message.payload as Envelope<'previewTabPaper'>['payload']).url, deps);
    case 'saveTabPaper': {
      const { url } = message.payload as Envelope<'saveTabPaper'>['payload'];
      return saveTabPaper(db, url, deps);
    }
    case 'checkVersions': {
      const { ids } = message.payload as Envelope<'checkVersions'>['payload'];
      const answer = await deps.links.latestVersions(ids.map((id) => id.slice('arxiv:'.length)));
      if (answer.status === 'failed') throw new Error(answer.reason);
      const checkedAt = Date.now();
      const entries = answer.entries.map(({ id, version, updated, comment }) => ({ key: id, version, updated, checkedAt, ...(comment ? { comment } : {}) }));
      await putArxivVersions(db, entries);
      // The journal's DOI and reference, where the records have none: notices, since a DOI is an id cards answer to.
      const published = await fillPublication(db, answer.entries.map(({ id, doi, journalRef }) => ({ id: `arxiv:${id}`, doi, venue: journalRef })));
      for (const record of published) deps.broadcast(changedNotice(record));
      return { entries, published: published.map((record) => record.id) };
    }
    case 'arxivVersions':
      return allArxivVersions(db);
    case 'putMany': {
      const { records } = message.payload as Envelope<'putMany'>['payload'];
      const written = await putPapers(db, records);
      deps.broadcast({ type: 'reload' }); // one notice, not one per record
      return { written };
    }
    default:
      throw new TypeError(`No handler for ${message.type}`);
  }
}
