// The one typed protocol between content scripts / popup and the background. Each request is validated
// against a valibot schema before the background acts on it; nothing else crosses.
import * as v from 'valibot';
import type { ArxivVersionEntry, SavedPaper } from '../storage/schema';
import type { Settings } from '../storage/settings';
import type { SavedState } from '../storage/reading-list';
import type { TabPaper, TabPaperPreview } from './tab-paper';
import { READING_STATUSES } from '../storage/status';
import { RECORD_LIMITS } from '../storage/limits';
import { BackupSettingsSchema, FollowedAuthor, SettingsPatchSchema } from '../storage/settings-schema';
import type { BackupSettings } from '../core/export/settings';
import { FOLLOWED_LIMITS } from '../core/authors';
import { unionTags } from '../core/tags/same-tag';
import type { RunnableRule } from '../core/tags/run-rules';
import { ID_PREFIXES } from '../core/ids';
import { REPO_NAME } from '../core/github';
import { arxivKey } from '../core/revisions';
import { isHttpUrl, isPaperDate, isPaperDoi, isWellFormedId, PAPER_LIMITS } from '../core/paper';

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const optionalText = (max: number) => v.nullable(text(max));
const L = PAPER_LIMITS;
/** The most items of a batched question (`repos`, `paperRepos`) in one message. */
export const BATCH_MAX = 50;
/** The most names of one `repoFigures` question (a list of 10,000 papers asks in a few). */
export const REPO_FIGURES_MAX = 2_000;
/** Most papers one `checkVersions` names: one arXiv API request (arXiv answers up to 2,000; a short answer keeps each wait short). */
export const VERSIONS_BATCH = 100;
/** What asking arXiv's API takes: the host permission link saves of arXiv papers use too (context-menu.ts). */
export const ARXIV_API_ORIGINS = ['https://export.arxiv.org/api/query*'];
/** The most paper ids one lookup may name (a page's whole listing at once: see Annotator.askNamedStates). */
export const LOOKUP_MAX = 20_000;
const httpUrl = v.pipe(v.string(), v.check(isHttpUrl, 'must be an http(s) URL'));
/** A tab's address, bounded: no paper address comes near it. */
const tabUrl = v.pipe(v.string(), v.maxLength(4096), v.check(isHttpUrl, 'must be an http(s) URL'));
const paperDate = v.pipe(v.string(), v.check(isPaperDate, 'must be a date: YYYY, YYYY-MM or a real YYYY-MM-DD'));
const count = v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(L.count)));

const ID_PREFIX = new RegExp(`^(?:${ID_PREFIXES.join('|')}):`);
export const PaperId = v.pipe(
  v.string(),
  v.maxLength(L.id),
  v.check(isWellFormedId, 'must be a canonical paper id like arxiv:2401.12345'),
  v.regex(ID_PREFIX, 'must be a canonical paper id like arxiv:2401.12345'),
);

/** An arXiv paper's id as saving one gives it (core/revisions.ts arxivKey): it goes into arXiv's query as it is. */
const ArxivPaperId = v.pipe(PaperId, v.check((id) => arxivKey(id) !== null, 'must be an arXiv paper id'));

export const PaperSchema = v.pipe(
  v.strictObject({
    id: PaperId,
    title: v.pipe(v.string(), v.minLength(1), v.maxLength(L.title)),
    authors: v.pipe(v.array(text(L.author)), v.maxLength(L.authors)),
    authorCount: count,
    /** Paper.authorsCut: present only as true (a whole list has none). */
    authorsCut: v.optional(v.literal(true)),
    abstract: optionalText(L.abstract),
    published: v.nullable(paperDate),
    upvotes: count,
    githubRepos: v.pipe(v.array(v.pipe(v.string(), v.regex(REPO_NAME, 'must be owner/repo'))), v.maxLength(L.repos)),
    githubStars: count,
    /** Paper.githubStarsAt: when the count was read (a save stamps its own, whatever a page sent). */
    githubStarsAt: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
    projectUrl: v.nullable(httpUrl),
    pdfUrl: v.nullable(httpUrl),
    url: v.nullable(httpUrl),
    venue: optionalText(L.venue),
    categories: v.pipe(v.array(text(L.category)), v.maxLength(L.categories)),
    version: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(L.version))),
    doi: v.nullable(v.pipe(v.string(), v.check(isPaperDoi, "must be the paper's own DOI (10.NNNN/…), not arXiv's 10.48550 one"))),
    aliases: v.pipe(v.array(PaperId), v.maxLength(L.aliases)),
    source: v.strictObject({ site: text(L.sourceField), page: text(L.sourceField) }),
  }),
  v.forward(
    v.check((paper) => paper.version === null || paper.id.startsWith('arxiv:'), 'only an arXiv paper has a version'),
    ['version'],
  ),
  v.forward(
    v.check((paper) => !paper.aliases.includes(paper.id) && new Set(paper.aliases).size === paper.aliases.length, 'aliases are other ids, each once'),
    ['aliases'],
  ),
);

export const TagSchema = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(40), v.regex(/^[\p{L}\p{N} ._-]+$/u, 'tags are letters, digits, space, ".", "_" and "-"'));
const StatusSchema = v.picklist(READING_STATUSES);

/** A whole reading-list record, as stored and as backed up. */
/** A time in ms since the epoch, as Date.now() gives it. */
const Timestamp = v.pipe(v.number(), v.integer(), v.minValue(0));

export const SavedPaperSchema = v.strictObject({
  id: PaperId,
  paper: PaperSchema,
  status: v.picklist(READING_STATUSES),
  /** Each tag once whatever its case (core/tags/same-tag.ts): a record an older build kept or backed up may not be. */
  tags: v.pipe(v.array(TagSchema), v.maxLength(RECORD_LIMITS.tags), v.transform((tags) => unionTags(tags, []))),
  note: v.pipe(v.string(), v.maxLength(RECORD_LIMITS.note)),
  /** The page it was saved from; '' when unknown (imported from a citation file). */
  savedFrom: v.union([v.literal(''), httpUrl]),
  savedAt: v.pipe(v.number(), v.integer(), v.minValue(0)),
  updatedAt: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** When the status was last set; absent where unknown (older builds' records and backups). */
  statusAt: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
});

/** A record as a page last saw it: a write that names it is refused when the record was changed since. */
const RecordVersionSchema = v.strictObject({ id: PaperId, updatedAt: v.pipe(v.number(), v.integer(), v.minValue(0)) });
const eachOnce = (ids: readonly string[]) => new Set(ids).size === ids.length;

/** Longest abstract scored for relevance: the content script clips to it (a listing's abstract is rarely longer). */
export const RELEVANCE_ABSTRACT_MAX = 5000;
/** Most cards scored per request (the content script asks per annotation slice, 200 cards). */
export const RELEVANCE_CARDS_MAX = 500;
const RelevanceCardSchema = v.strictObject({
  id: PaperId,
  title: v.pipe(v.string(), v.minLength(1), v.maxLength(L.title)),
  abstract: v.nullable(text(RELEVANCE_ABSTRACT_MAX)),
});
export type RelevanceCard = v.InferOutput<typeof RelevanceCardSchema>;

/** A change to what the user keeps about a paper; every field optional. */
const EditSchema = v.strictObject({
  status: v.optional(StatusSchema),
  tags: v.optional(v.pipe(v.array(TagSchema), v.maxLength(RECORD_LIMITS.tags))),
  /** Added to the stored tags inside the write: concurrent adds from two pages both land. */
  addTags: v.optional(v.pipe(v.array(TagSchema), v.maxLength(RECORD_LIMITS.tags))),
  removeTags: v.optional(v.pipe(v.array(TagSchema), v.maxLength(RECORD_LIMITS.tags))),
  /** A tag renamed (or merged into another) inside the write: the library's Tags panel. */
  renameTag: v.optional(v.strictObject({ from: TagSchema, to: TagSchema })),
  note: v.optional(v.pipe(v.string(), v.maxLength(RECORD_LIMITS.note))),
  /** The arXiv version the reader has now seen ("Seen" on a paper a check found revised): the paper's version rises to it. */
  seenVersion: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(L.version))),
});

/** Request schemas by message name. */
export const requests = {
  /**
   * `aliases`: for a card whose page gives its paper other ids too (Paper.aliases), those ids by the card's id: a paper
   * saved under one of them is that card's (its state then says `savedAs`).
   */
  lookup: v.strictObject({
    ids: v.pipe(v.array(PaperId), v.maxLength(LOOKUP_MAX)),
    aliases: v.optional(v.pipe(
      v.record(PaperId, v.pipe(v.array(PaperId), v.maxLength(L.aliases))),
      v.check((byId) => Object.keys(byId).length <= LOOKUP_MAX, `at most ${LOOKUP_MAX} papers`),
    )),
  }),
  /** The built-in topics of the cards a content script builds (one slice's, see BATCH_MAX): title and abstract only. */
  topics: v.strictObject({ papers: v.pipe(v.array(v.strictObject({ title: text(L.title), abstract: v.nullable(text(RELEVANCE_ABSTRACT_MAX)) })), v.maxLength(BATCH_MAX)) }),
  edit: v.strictObject({ id: PaperId, edit: EditSchema }),
  /**
   * The same change to many papers, applied by the background to what it has, in one transaction (bulk status or
   * tag from the library): never a write-back of a page's possibly stale copies.
   */
  editMany: v.strictObject({ ids: v.pipe(v.array(PaperId), v.minLength(1), v.maxLength(100_000)), edit: EditSchema }),
  save: v.strictObject({ paper: PaperSchema, savedFrom: httpUrl }),
  remove: v.strictObject({ id: PaperId }),
  /** Remove many papers in one transaction (bulk remove from the library): all or nothing, one notice. */
  removeMany: v.strictObject({ ids: v.pipe(v.array(PaperId), v.minLength(1), v.maxLength(100_000)) }),
  /** The list, newest save first; `limit`: only the newest n (the popup's first render). */
  list: v.strictObject({ limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100_000))) }),
  /**
   * One page of the whole list, in id order: `after` is the previous page's last id (null: from the start). The
   * popup reads a long list page by page, so the background never serializes megabytes in one go and a popup
   * closed mid-way stops asking (the next popup's first request is not queued behind a whole list).
   */
  listPage: v.strictObject({ after: v.nullable(PaperId), count: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(5_000)) }),
  /**
   * Put back a removed record (undo of a remove): as it was, or merged with the copy saved again since `removedAt`
   * (another tab, a link), never over it (storage/reading-list.ts restorePapers).
   */
  restore: v.strictObject({ record: SavedPaperSchema, removedAt: v.optional(Timestamp) }),
  /** `restore` for many records (undo of a bulk remove), in one transaction: all or nothing, one notice. */
  restoreMany: v.strictObject({ records: v.pipe(v.array(SavedPaperSchema), v.minLength(1), v.maxLength(100_000)), removedAt: v.optional(Timestamp) }),
  /**
   * Merge copies of one paper saved under ids that named nothing of each other into `keep` (the library's duplicates;
   * storage/reading-list.ts mergeRecords), in one transaction: refused when any was changed since the page saw it
   * (`updatedAt`), or when the merge would lose a tag or a note. Extension pages only: a page could join two
   * unrelated records.
   */
  merge: v.pipe(
    v.strictObject({ keep: RecordVersionSchema, others: v.pipe(v.array(RecordVersionSchema), v.minLength(1), v.maxLength(L.aliases)) }),
    v.check(({ keep, others }) => eachOnce([keep.id, ...others.map((other) => other.id)]), 'each record once'),
  ),
  /**
   * Undo of a merge: the records as they were before it (`merge`'s `originals`, the kept one first) put back exactly,
   * over `merged` (as the merge answered it), in one transaction; refused when it was changed since.
   */
  unmerge: v.pipe(
    v.strictObject({ merged: RecordVersionSchema, records: v.pipe(v.array(SavedPaperSchema), v.minLength(2), v.maxLength(L.aliases + 1)) }),
    v.check(({ merged, records }) => records[0]?.id === merged.id && eachOnce(records.map((record) => record.id)), 'the kept record first, then each other once'),
  ),
  /**
   * The paper the tab a popup opened over shows, known from its address alone (a PDF, where no content script runs),
   * and its saved state (background/tab-paper.ts). Extension pages only: it reads the list.
   */
  tabPaper: v.strictObject({ url: tabUrl }),
  /** What that paper is called, its metadata read (when its hosts are granted) and kept for its save. Extension pages only. */
  previewTabPaper: v.strictObject({ url: tabUrl }),
  /** Save that paper, its metadata read as a link's save reads it. Extension pages only. */
  saveTabPaper: v.strictObject({ url: tabUrl }),
  /**
   * Ask arXiv for the newest version of these saved arXiv papers (one request, at most VERSIONS_BATCH, in the arXiv
   * queue) and keep what it says (storage/arxiv-versions.ts). Extension pages only: the library's check, one batch a
   * message, so it shows progress and can stop.
   */
  checkVersions: v.strictObject({
    ids: v.pipe(
      v.array(ArxivPaperId),
      v.minLength(1),
      v.maxLength(VERSIONS_BATCH),
      v.check((ids) => eachOnce(ids), 'each paper once'),
    ),
  }),
  /** What the checks so far said of saved papers' newest arXiv versions. Extension pages only. */
  arxivVersions: v.strictObject({}),
  /** Write many records in one transaction: all or nothing (imports). */
  putMany: v.strictObject({ records: v.pipe(v.array(SavedPaperSchema), v.maxLength(100_000)) }),
  /** What pages need from the settings: tagging, and whether relevance is on (never the GitHub token). */
  tagSettings: v.strictObject({}),
  /**
   * Nothing asked: the background opens the database and answers null. A card's Save sends it when the reader's
   * pointer or focus reaches it (content/start.ts), so that a worker the browser stopped while the reader read is
   * started, and its database open, before the click's save comes (Chromium takes ~50 ms to start one).
   */
  wake: v.strictObject({}),
  /** The whole settings, the token among them (options page only: not a CONTENT_SCRIPT_REQUESTS). */
  settings: v.strictObject({}),
  /** Change some settings (options page only); answered with the settings as stored. */
  setSettings: v.strictObject({ patch: SettingsPatchSchema }),
  /**
   * Follow an author, or stop following them (every followed name that finds `name`: core/authors.ts changeFollowed).
   * Extension pages only (the popup's and the library's paper details); answered with the followed names as stored.
   */
  followAuthor: v.strictObject({ name: v.pipe(FollowedAuthor, v.minLength(1)), follow: v.boolean() }),
  /** How many saved papers each of these names finds (the options page, as the names are typed). Extension pages only. */
  followedCounts: v.strictObject({ names: v.pipe(v.array(FollowedAuthor), v.maxLength(FOLLOWED_LIMITS.names)) }),
  /**
   * Add a backup's settings to the reader's (core/export/settings.ts mergeBackupSettings: the lists joined, the switches
   * the backup's), from the stored settings in the write's transaction. Extension pages only (the library's import);
   * answered with the settings as stored, but the token.
   */
  importSettings: v.strictObject({ settings: BackupSettingsSchema }),
  /**
   * Score a page's cards against the reading list. `cards` are scored; `context` (other cards of the same page,
   * e.g. when a few cards were appended later) only joins the page statistics.
   */
  relevance: v.strictObject({
    cards: v.pipe(v.array(RelevanceCardSchema), v.maxLength(RELEVANCE_CARDS_MAX)),
    context: v.optional(v.pipe(v.array(RelevanceCardSchema), v.maxLength(RELEVANCE_CARDS_MAX))),
  }),
  /** Rebuild the relevance model from the reading list as it is now (options page). */
  resetRelevance: v.strictObject({}),
  /**
   * GitHub facts for badges, answered in the same order (null: unavailable). A page's content script asks for the
   * badges of a batch of overlays in one message (issue #7: one message per badge cost ~0.6 ms each in the page).
   */
  repos: v.strictObject({
    names: v.pipe(v.array(v.pipe(v.string(), v.regex(REPO_NAME, 'must be owner/repo'))), v.minLength(1), v.maxLength(BATCH_MAX)),
    /** The cards show stars of their own (the page's): GitHub is not asked for them when its quota runs low. */
    spare: v.optional(v.literal(true)),
  }),
  /**
   * What GitHub last said of these repositories, as the badges' cache holds it (null where it holds nothing), read without
   * asking GitHub: the popup's and library's star counts, current where a badge has seen the repository since the save.
   */
  repoFigures: v.strictObject({
    names: v.pipe(v.array(v.pipe(v.string(), v.regex(REPO_NAME, 'must be owner/repo'))), v.minLength(1), v.maxLength(REPO_FIGURES_MAX)),
  }),
  /** Repositories Hugging Face knows for these arXiv papers (same order; [] when none or unavailable), in one message. */
  paperRepos: v.strictObject({
    arxivIds: v.pipe(v.array(v.pipe(v.string(), v.maxLength(40), v.regex(/^(\d{4}\.\d{4,5}|[a-z-]+(\.[A-Z]{2})?\/\d{7})$/, 'must be an arXiv id'))), v.minLength(1), v.maxLength(BATCH_MAX)),
  }),
} as const;

/** What GitHub last said of a repository (the badges' cache), for the popup's and library's star counts. */
export interface RepoFigures {
  stars: number | null;
  archived: boolean;
  /** GitHub said it is gone (or private). */
  notFound: boolean;
  /** When GitHub said it (epoch ms). */
  fetchedAt: number;
}

/** What a GitHub badge shows; the background's answer to `repos`, per name. */
export interface RepoSummary {
  /** `owner/repo` as GitHub knows it now (renames followed). */
  name: string;
  stars: number | null;
  pushedAt: string | null;
  archived: boolean;
  notFound: boolean;
  /**
   * GitHub gave no figures and none are cached (its rate limit, out of reach, an error): why, and when it will be asked
   * again (epoch ms), for the badge to say so. Absent when there are figures or the repository is gone.
   */
  unavailable?: { reason: 'rate-limit' | 'unreachable' | 'error'; retryAt: number | null };
}

/** A built-in topic a paper matches: its taxonomy id and its label. */
export interface TopicMatch {
  id: string;
  label: string;
}

/** A card that clears the relevance threshold. The reason line is all a content script learns of the library. */
export interface RelevanceMark {
  id: string;
  score: number;
  /** One line: "like 3 saved papers: … · shared: …". */
  reason: string;
}

/** Response type by message name. */
export interface Responses {
  lookup: Record<string, SavedState | null>;
  /** Each paper's topics, in the order asked. */
  topics: TopicMatch[][];
  edit: SavedPaper | null;
  save: SavedPaper;
  remove: SavedPaper | null;
  /** The removed records, in the order asked (ids not in the list skipped). */
  removeMany: SavedPaper[];
  list: SavedPaper[];
  /** `next`: the `after` of the next page; null when this was the last. */
  listPage: { papers: SavedPaper[]; next: string | null };
  /** The record as stored (merged with a copy saved meanwhile, if any). */
  restore: SavedPaper;
  /** The records as stored, in the order given. */
  restoreMany: SavedPaper[];
  /** The merged record, and the records as they were (the kept one first), for undo. */
  merge: { merged: SavedPaper; originals: SavedPaper[] };
  /** The records as stored again, in the order given. */
  unmerge: SavedPaper[];
  putMany: { written: number };
  /**
   * What arXiv said of the papers it holds (ids it does not hold are left out), and the papers it gave a journal DOI or
   * reference they had none of (filled in: storage/reading-list.ts fillPublication).
   */
  checkVersions: { entries: ArxivVersionEntry[]; published: string[] };
  arxivVersions: ArxivVersionEntry[];
  /** null: the address names no paper. */
  tabPaper: TabPaper | null;
  /** null: not read (a host not granted, the sources failed or do not know it, no paper). */
  previewTabPaper: TabPaperPreview | null;
  /** The record as stored. */
  saveTabPaper: SavedPaper;
  /** `at`: the edit's time, which the page gives the records it shows (their `updatedAt`, as stored). */
  editMany: { written: number; at: number };
  repos: (RepoSummary | null)[];
  /** In the names' order. */
  repoFigures: (RepoFigures | null)[];
  paperRepos: string[][];
  /** The tag rules checked and rewritten as pages run them (core/tags/rules.ts checkRules): the checks stay out of content scripts. */
  tagSettings: { watchedTopics: string[]; followedAuthors: string[]; tagRules: RunnableRule[]; relevance: boolean };
  wake: null;
  settings: Settings;
  setSettings: Settings;
  followAuthor: string[];
  /** In the names' order. */
  followedCounts: number[];
  importSettings: BackupSettings;
  /** Only cards over the threshold and not already saved. */
  relevance: RelevanceMark[];
  resetRelevance: { papers: number };
}

export type MessageName = keyof typeof requests;

/**
 * What a content script asks, in a web page (content/start.ts): saved states, one paper's save, edit or removal, its
 * tagging settings, topics, badges and relevance, and a wake-up. Never the list, bulk writes or resets: those are
 * asked only by the extension's own pages, so a compromised page process, which can send whatever its content script
 * could, still cannot read the whole list or overwrite it (allowedRequest).
 */
export const CONTENT_SCRIPT_REQUESTS = ['lookup', 'topics', 'save', 'remove', 'edit', 'tagSettings', 'relevance', 'repos', 'paperRepos', 'wake'] as const satisfies readonly MessageName[];
export type ContentScriptRequest = (typeof CONTENT_SCRIPT_REQUESTS)[number];

/** What a content script's `edit` may change: a card's status control is all it has (content/start.ts). */
const CONTENT_SCRIPT_EDITS: readonly string[] = ['status'];

/**
 * Whether a message of this type is taken from this sender of our own extension: from one of its pages
 * (`senderUrl` under `extensionBase`, runtime.getURL('')), any request; from its content scripts, whose sender is the
 * web page they run in, only CONTENT_SCRIPT_REQUESTS, and an `edit` of the status only (`message`, when given: a
 * compromised page process could otherwise empty a saved paper's note or tags, which no card can change).
 */
export function allowedRequest(type: unknown, senderUrl: string | undefined, extensionBase: string, message?: unknown): boolean {
  if (isExtensionPage(senderUrl, extensionBase)) return true;
  if (!(CONTENT_SCRIPT_REQUESTS as readonly unknown[]).includes(type)) return false;
  if (type !== 'edit' || message === undefined) return true;
  const edit = (message as { payload?: { edit?: unknown } } | null)?.payload?.edit;
  return edit !== null && typeof edit === 'object' && Object.keys(edit).every((key) => CONTENT_SCRIPT_EDITS.includes(key));
}

/** Whether a sender is one of the extension's own pages (popup, library, options), not a content script's web page. */
export function isExtensionPage(senderUrl: string | undefined, extensionBase: string): boolean {
  return senderUrl !== undefined && extensionBase !== '' && senderUrl.startsWith(extensionBase);
}

/**
 * Whether a message an extension page got is the background's: our id, no tab, an extension address. A content
 * script's runtime.sendMessage reaches every extension page too, with our id but its tab and its web page's address.
 */
export function fromOwnBackground(sender: { id?: string; url?: string; tab?: unknown }, runtime: { id: string; getURL(path: string): string }): boolean {
  return sender.id === runtime.id && !sender.tab && isExtensionPage(sender.url, runtime.getURL(''));
}

/** What a web page's content script learns of a paper it saved, edited or removed: its id and its state on a card. */
export interface PageSavedState extends SavedState {
  id: string;
}

/**
 * The answers a content script gets (pageReply): a write's answer is the paper's state, never the whole record. The
 * record holds the user's note, dates and the page it was saved from, which a card does not show; a compromised page
 * process, which can send whatever its content script could (a no-op `edit` of any id `lookup` says is saved), would
 * otherwise read them paper by paper.
 */
export type PageResponses = Omit<Pick<Responses, ContentScriptRequest>, 'save' | 'edit' | 'remove'> & {
  save: PageSavedState;
  edit: PageSavedState | null;
  remove: PageSavedState | null;
};

const PAGE_STATE_OF = new Set<string>(['save', 'edit', 'remove'] satisfies ContentScriptRequest[]);

/** The reply as a content script may see it (see PageResponses); other replies pass as they are. */
export function pageReply(type: unknown, reply: Reply<unknown>): Reply<unknown> {
  if (!reply.ok || typeof type !== 'string' || !PAGE_STATE_OF.has(type) || reply.value === null) return reply;
  const { id, status, tags } = reply.value as SavedPaper;
  return { ok: true, value: { id, status, tags } satisfies PageSavedState };
}
export type RequestOf<N extends MessageName> = v.InferOutput<(typeof requests)[N]>;

/** What crosses the wire: `{ type, payload }` in, `{ ok, value }` or `{ ok: false, error }` out. */
export interface Envelope<N extends MessageName = MessageName> {
  type: N;
  payload: RequestOf<N>;
}
export type Reply<T> = { ok: true; value: T } | { ok: false; error: { name: string; message: string } };

/** The background's broadcast when the list changes: sent to every tab and to open extension pages. */
export interface ChangedNotice {
  type: 'changed';
  /** The record's id. */
  id: string;
  /** The other ids it answers to (Paper.aliases): a card showing the paper under one of them changes too. */
  aliases: string[];
  /** null: no longer in the list. */
  state: SavedState | null;
}

/** Many records changed at once (an import): every context re-reads what it shows. */
export interface ReloadNotice {
  type: 'reload';
}
export const ReloadNoticeSchema = v.strictObject({ type: v.literal('reload') });

/**
 * The settings pages read (tagSettings) changed: every content script asks for them again. It carries nothing, so no
 * setting travels to a tab that did not ask (a page no adapter handles never does).
 */
export interface SettingsNotice {
  type: 'settings';
}
export const SettingsNoticeSchema = v.strictObject({ type: v.literal('settings') });
/** The reading list's notices, to tabs and extension pages alike. */
export type Notice = ChangedNotice | ReloadNotice;
/** What a content script is told. */
export type TabNotice = Notice | SettingsNotice;

export const ChangedNoticeSchema = v.strictObject({
  type: v.literal('changed'),
  id: PaperId,
  aliases: v.pipe(v.array(PaperId), v.maxLength(L.aliases)),
  state: v.nullable(v.strictObject({ status: StatusSchema, tags: v.array(v.string()) })),
});

/** The notice for a record as stored now, or as it was (`removed`). */
export function changedNotice(record: SavedPaper, removed?: 'removed'): ChangedNotice {
  const aliases = Array.isArray(record.paper?.aliases) ? [...record.paper.aliases] : [];
  return { type: 'changed', id: record.id, aliases, state: removed ? null : { status: record.status, tags: [...record.tags] } };
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const hasKeys = (o: Record<string, unknown>, keys: readonly string[]) => {
  const own = Object.keys(o);
  return own.length === keys.length && keys.every((key) => own.includes(key));
};

/**
 * A background notice, checked exactly as ChangedNoticeSchema, ReloadNoticeSchema and SettingsNoticeSchema check it
 * (messages.test.ts holds them to the same answers), or null. For the content scripts: valibot's code is ~0.8 kB of
 * their 30 kB budget, for these small shapes.
 */
export function noticeOf(message: unknown): TabNotice | null {
  if (!isRecord(message)) return null;
  if (message.type === 'reload') return hasKeys(message, ['type']) ? { type: 'reload' } : null;
  if (message.type === 'settings') return hasKeys(message, ['type']) ? { type: 'settings' } : null;
  if (message.type !== 'changed' || !hasKeys(message, ['type', 'id', 'aliases', 'state'])) return null;
  const { id, aliases, state } = message;
  const isId = (x: unknown): x is string => typeof x === 'string' && x.length <= L.id && isWellFormedId(x) && ID_PREFIX.test(x);
  if (!isId(id) || !Array.isArray(aliases) || aliases.length > L.aliases || !aliases.every(isId)) return null;
  if (state === null) return { type: 'changed', id, aliases: [...aliases], state: null };
  if (!isRecord(state) || !hasKeys(state, ['status', 'tags'])) return null;
  const { status, tags } = state;
  if (!READING_STATUSES.includes(status as never) || !Array.isArray(tags) || !tags.every((tag) => typeof tag === 'string')) return null;
  return { type: 'changed', id, aliases: [...aliases], state: { status: status as SavedState['status'], tags: [...(tags as string[])] } };
}

/** Validate an incoming envelope; throws a readable error naming the message and the first problem. */
export function parseEnvelope(message: unknown): Envelope {
  const head = v.safeParse(v.object({ type: v.picklist(Object.keys(requests) as MessageName[]) }), message);
  if (!head.success) throw new TypeError('Unknown message type');
  const type = head.output.type;
  const body = v.safeParse(requests[type], (message as { payload?: unknown }).payload);
  if (!body.success) {
    throw new TypeError(`Invalid "${type}" message${describeIssue(body.issues[0])}`);
  }
  return { type, payload: body.output } as Envelope;
}

/**
 * The first problem, bounded and without echoing what the sender sent: the error is logged and returned to the
 * sender, so an unknown key or a hostile value must not travel back in it. Path keys are shown only when they are
 * plain identifiers or indexes; schema issues name what was expected, validation issues keep our own message.
 */
function describeIssue(issue: v.BaseIssue<unknown> | undefined): string {
  if (!issue) return ': bad payload';
  const keys = (issue.path ?? []).map((p) => (typeof p.key === 'number' || /^[A-Za-z_][\w-]{0,39}$/.test(String(p.key)) ? String(p.key) : '(unexpected key)'));
  const where = keys.length ? ` at ${keys.join('.')}` : '';
  const what = issue.type === 'strict_object' ? 'unexpected key' : issue.kind === 'validation' ? withoutReceived(issue.message) : `expected ${issue.expected ?? 'another value'}`;
  return `${where}: ${what.length > 200 ? `${what.slice(0, 199)}…` : what}`;
}

/** valibot's default messages end with "but received <value>": keep what was expected, drop the value. */
function withoutReceived(message: string): string {
  return message.replace(/(?: but r|:? ?R)eceived [\s\S]*$/, '').replace(/:$/, '') || 'invalid value';
}
