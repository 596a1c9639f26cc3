// What a setting may hold, checked where settings come in: a change from the options page (message `setSettings`,
// ../background/messages.ts) and the settings an older build left in storage.local (settings-store.ts).
import * as v from 'valibot';
import type { Settings } from './settings';
import { FOLLOWED_LIMITS } from '../core/authors';
import { MAX_RULES } from '../core/tags/rule-limits';

/** '' for none; a token goes into a request header, which takes no white space nor control characters. */
const GithubToken = v.pipe(v.string(), v.maxLength(1000), v.regex(/^[\x21-\x7e]*$/, 'a token is printable ASCII without spaces'));
/** A topic id (core/tags/taxonomy.ts). */
const TopicId = v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,100}$/, 'must be a topic id'));
/** A followed author's name as typed (core/authors.ts: one with no letter finds no one, and is skipped). */
export const FollowedAuthor = v.pipe(v.string(), v.maxLength(FOLLOWED_LIMITS.name));
/** How many of each list the settings hold at most (the options page says so before a save, for names and rules). */
export const SETTINGS_LIMITS = { watchedTopics: 500, followedAuthors: FOLLOWED_LIMITS.names, tagRules: MAX_RULES } as const;

const TagRule = v.strictObject({
  tag: v.pipe(v.string(), v.maxLength(200)),
  match: v.pipe(v.string(), v.maxLength(5000)),
  fields: v.picklist(['title', 'abstract', 'both']),
});

/**
 * A change to the settings (options page): each field of the right type and bounded (well above what the options page
 * lets through). A rule's own checks (core/tags/rules.ts validateRule) run where it is compiled, which skips a rule they
 * refuse: the options page keeps a rule it marks as failing, so the reader can mend it.
 */
export const SettingsPatchSchema = v.strictObject({
  githubToken: v.optional(GithubToken),
  watchedTopics: v.optional(v.pipe(v.array(TopicId), v.maxLength(SETTINGS_LIMITS.watchedTopics))),
  followedAuthors: v.optional(v.pipe(v.array(FollowedAuthor), v.maxLength(SETTINGS_LIMITS.followedAuthors))),
  tagRules: v.optional(v.pipe(v.array(TagRule), v.maxLength(SETTINGS_LIMITS.tagRules))),
  toolbarCount: v.optional(v.boolean()),
  relevance: v.optional(v.strictObject({ enabled: v.boolean() })),
});

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** The items of `list` that `item` accepts; undefined when it is no list. */
function items<T>(list: unknown, item: v.GenericSchema<unknown, T>): T[] | undefined {
  return Array.isArray(list) ? list.filter((x): x is T => v.is(item, x)) : undefined;
}

/**
 * What may be kept of settings an older build left (storage.local, which a compromised page process could write in
 * Firefox): each field as a change from the options page would be, else dropped (its default stands); of a list, the
 * items that are. A token is kept trimmed even when refused: the options page says what is wrong with it, at its field.
 */
export function settingsFromOlderBuild(stored: unknown): Partial<Settings> {
  if (!isRecord(stored)) return {};
  const kept: Partial<Settings> = {};
  const { githubToken, watchedTopics, followedAuthors, tagRules, toolbarCount, relevance } = stored;
  if (typeof githubToken === 'string' && githubToken.length <= 1000) kept.githubToken = githubToken.trim();
  const topics = items(watchedTopics, TopicId);
  if (topics) kept.watchedTopics = topics.slice(0, SETTINGS_LIMITS.watchedTopics);
  const authors = items(followedAuthors, FollowedAuthor);
  if (authors) kept.followedAuthors = authors.slice(0, SETTINGS_LIMITS.followedAuthors);
  const rules = items(tagRules, TagRule);
  if (rules) kept.tagRules = rules.slice(0, SETTINGS_LIMITS.tagRules);
  const entries = SettingsPatchSchema.entries;
  if (v.is(entries.toolbarCount, toolbarCount) && toolbarCount !== undefined) kept.toolbarCount = toolbarCount;
  if (v.is(entries.relevance, relevance) && relevance !== undefined) kept.relevance = relevance;
  return kept;
}

/** The settings a backup carries (core/export/settings.ts): all but the GitHub token, which no file takes or gives. */
export const BackupSettingsSchema = v.omit(SettingsPatchSchema, ['githubToken']);

/** What may be kept of a backup's settings: as of an older build's (each field checked, a list's good items), never a token. */
export function settingsFromBackup(raw: unknown): Partial<Omit<Settings, 'githubToken'>> {
  const { githubToken: _token, ...kept } = settingsFromOlderBuild(raw);
  return kept;
}
