// The reader's settings in a JSON backup (Backup.settings): watched topics, followed authors, tag rules and the two
// switches, never the GitHub token (a backup is a file that gets mailed, synced and shared). Importing them adds the
// backup's lists to the reader's, each item once and within the settings' bounds, so nothing the reader has is lost;
// the switches take the backup's values. Pure: storage/settings-store.ts writes the result in one transaction.
import { followedKey, followedNames, nameParts } from '../authors';
import type { Settings } from '../../storage/settings';
import { SETTINGS_LIMITS } from '../../storage/settings-schema';

/** The settings a backup holds. */
export type BackupSettings = Omit<Settings, 'githubToken'>;
type TagRule = Settings['tagRules'][number];

/** The settings to write into a backup: their fields picked one by one, so a token never rides along. */
export function backupSettings(settings: BackupSettings): BackupSettings {
  const { watchedTopics, followedAuthors, tagRules, toolbarCount, relevance } = settings;
  return {
    watchedTopics: [...watchedTopics],
    followedAuthors: [...followedAuthors],
    tagRules: tagRules.map(({ tag, match, fields }) => ({ tag, match, fields })),
    toolbarCount,
    relevance: { enabled: relevance.enabled },
  };
}

/** What adding a backup's settings to the reader's does. */
export interface SettingsMerge {
  /** The fields to write (none: nothing changes). */
  change: Partial<BackupSettings>;
  /** The items of each list the backup adds. */
  added: { watchedTopics: string[]; followedAuthors: string[]; tagRules: TagRule[] };
  /** How many items of each list the backup has that find no room within its bound. */
  leftOut: { watchedTopics: number; followedAuthors: number; tagRules: number };
  /** The switches the backup turns, with its values. */
  switched: { toolbarCount?: boolean; relevance?: boolean };
}

const ruleKey = (rule: TagRule) => JSON.stringify([rule.tag, rule.match, rule.fields]);

/** The reader's items, then the backup's that are not among them, up to `limit`; and how many found no room. */
function union<T>(mine: readonly T[], theirs: readonly T[] | undefined, key: (item: T) => string, limit: number): { list: T[]; added: T[]; leftOut: number } {
  const seen = new Set(mine.map(key));
  const fresh: T[] = [];
  for (const item of theirs ?? []) {
    const k = key(item);
    if (seen.has(k)) continue;
    seen.add(k);
    fresh.push(item);
  }
  const room = Math.max(0, limit - mine.length);
  const added = fresh.slice(0, room);
  return { list: [...mine, ...added], added, leftOut: fresh.length - added.length };
}

/** Adding `theirs` (a backup's, as far as it was readable) to `mine`. */
export function mergeBackupSettings(mine: BackupSettings, theirs: Partial<BackupSettings>): SettingsMerge {
  const topics = union(mine.watchedTopics, theirs.watchedTopics, (id) => id, SETTINGS_LIMITS.watchedTopics);
  // Names as the options page keeps them (trimmed, once whatever their case and accents), and only those that find someone.
  const names = followedNames(theirs.followedAuthors ?? []).filter((name) => nameParts(name));
  const authors = union(mine.followedAuthors, names, followedKey, SETTINGS_LIMITS.followedAuthors);
  const rules = union(mine.tagRules, theirs.tagRules, ruleKey, SETTINGS_LIMITS.tagRules);
  const change: Partial<BackupSettings> = {};
  const switched: SettingsMerge['switched'] = {};
  if (topics.added.length) change.watchedTopics = topics.list;
  if (authors.added.length) change.followedAuthors = authors.list;
  if (rules.added.length) change.tagRules = rules.list;
  if (theirs.toolbarCount !== undefined && theirs.toolbarCount !== mine.toolbarCount) change.toolbarCount = switched.toolbarCount = theirs.toolbarCount;
  if (theirs.relevance && theirs.relevance.enabled !== mine.relevance.enabled) {
    change.relevance = { enabled: theirs.relevance.enabled };
    switched.relevance = theirs.relevance.enabled;
  }
  return {
    change,
    added: { watchedTopics: topics.added, followedAuthors: authors.added, tagRules: rules.added },
    leftOut: { watchedTopics: topics.leftOut, followedAuthors: authors.leftOut, tagRules: rules.leftOut },
    switched,
  };
}

/** The lists a backup's settings add to, with what one item and many are called. */
const LISTS = [
  ['watchedTopics', 'watched topic', 'watched topics'],
  ['followedAuthors', 'followed author', 'followed authors'],
  ['tagRules', 'tag rule', 'tag rules'],
] as const;

const count = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** "a", "a and b", "a, b and c". */
function listed(parts: readonly string[]): string {
  return parts.length < 2 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)!}`;
}

/**
 * What importing the settings would do, in a sentence ("Adds 2 watched topics and 1 followed author to yours, and
 * turns relevance marks off."), or null when it would change nothing.
 */
export function settingsMergeText(merge: SettingsMerge): string | null {
  const { added, leftOut, switched } = merge;
  const adds = LISTS.filter(([field]) => added[field].length).map(([field, one, many]) => count(added[field].length, one, many));
  const left = LISTS.filter(([field]) => leftOut[field]).map(([field, one, many]) => count(leftOut[field], one, many));
  const turns = [
    switched.relevance !== undefined ? `relevance marks ${switched.relevance ? 'on' : 'off'}` : '',
    switched.toolbarCount !== undefined ? `the toolbar count ${switched.toolbarCount ? 'on' : 'off'}` : '',
  ].filter(Boolean);
  if (!adds.length && !turns.length) return left.length ? `Adds nothing. Left out, yours being full: ${listed(left)}.` : null;
  const clauses = [adds.length ? `adds ${listed(adds)} to yours` : '', turns.length ? `turns ${listed(turns)}` : ''].filter(Boolean);
  const text = `${clauses.join(', and ')}.`;
  return `${text[0]!.toUpperCase()}${text.slice(1)}${left.length ? ` Left out, yours being full: ${listed(left)}.` : ''}`;
}
