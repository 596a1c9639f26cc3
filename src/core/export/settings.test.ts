import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../storage/settings';
import { SETTINGS_LIMITS } from '../../storage/settings-schema';
import { backupSettings, mergeBackupSettings, settingsMergeText, type BackupSettings } from './settings';

const mine: Settings = {
  githubToken: 'ghp_secret',
  watchedTopics: ['llm', 'diffusion'],
  followedAuthors: ['Yann LeCun', 'Bernhard Schölkopf'],
  tagRules: [{ tag: 'rl', match: 'reward', fields: 'both' }],
  toolbarCount: true,
  relevance: { enabled: true },
};
const same = (settings: BackupSettings): BackupSettings => backupSettings(settings);

describe('backupSettings', () => {
  it('keeps every setting but the GitHub token, as copies', () => {
    const kept = backupSettings(mine);
    expect(kept).toEqual({ watchedTopics: ['llm', 'diffusion'], followedAuthors: ['Yann LeCun', 'Bernhard Schölkopf'], tagRules: [{ tag: 'rl', match: 'reward', fields: 'both' }], toolbarCount: true, relevance: { enabled: true } });
    expect(JSON.stringify(kept)).not.toContain('ghp_secret');
    expect(kept.watchedTopics).not.toBe(mine.watchedTopics);
    // Whatever else an object carries stays out: the fields are picked, not the object spread.
    const carrying = { ...mine, tagRules: [{ tag: 'x', match: 'y', fields: 'title' as const, token: 'ghp_inner' }], extra: 'ghp_more' };
    expect(JSON.stringify(backupSettings(carrying))).not.toMatch(/ghp_/);
  });
});

describe('mergeBackupSettings', () => {
  it('adds the backup\'s topics, authors and rules after the reader\'s, each once, and takes its switches', () => {
    const theirs: BackupSettings = {
      watchedTopics: ['diffusion', 'robotics'],
      // The same names however written (case, spacing, accents) are the reader's already; a line with no letter finds no one.
      followedAuthors: ['yann  lecun', 'Bernhard Scholkopf', 'Geoffrey Hinton', '  ', '12345', 'Geoffrey Hinton'],
      tagRules: [
        { tag: 'rl', match: 'reward', fields: 'both' },
        { tag: 'rl', match: 'reward', fields: 'title' }, // another rule: other fields
        { tag: 'moe', match: '/mixture of experts/i', fields: 'abstract' },
      ],
      toolbarCount: false,
      relevance: { enabled: false },
    };
    const merge = mergeBackupSettings(mine, theirs);
    expect(merge.change).toEqual({
      watchedTopics: ['llm', 'diffusion', 'robotics'],
      followedAuthors: ['Yann LeCun', 'Bernhard Schölkopf', 'Geoffrey Hinton'],
      tagRules: [mine.tagRules[0], theirs.tagRules[1], theirs.tagRules[2]],
      toolbarCount: false,
      relevance: { enabled: false },
    });
    expect(merge.added).toEqual({ watchedTopics: ['robotics'], followedAuthors: ['Geoffrey Hinton'], tagRules: [theirs.tagRules[1], theirs.tagRules[2]] });
    expect(merge.switched).toEqual({ toolbarCount: false, relevance: false });
    expect(merge.change).not.toHaveProperty('githubToken');
    expect(settingsMergeText(merge)).toBe('Adds 1 watched topic, 1 followed author and 2 tag rules to yours, and turns relevance marks off and the toolbar count off.');
  });

  it('changes nothing when the backup holds what the reader has, or nothing readable', () => {
    for (const theirs of [same(mine), {}, { watchedTopics: [] }, { toolbarCount: true }, { followedAuthors: ['YANN LECUN'] }]) {
      const merge = mergeBackupSettings(mine, theirs);
      expect(merge.change).toEqual({});
      expect(settingsMergeText(merge)).toBeNull();
    }
  });

  it('names a name as the backup writes it, trimmed', () => {
    const merge = mergeBackupSettings({ ...DEFAULT_SETTINGS }, { followedAuthors: ['  Fei-Fei   Li '] });
    expect(merge.change).toEqual({ followedAuthors: ['Fei-Fei Li'] });
    expect(settingsMergeText(merge)).toBe('Adds 1 followed author to yours.');
  });

  it('keeps every one of the reader\'s items when the lists are full, and says how many of the backup\'s found no room', () => {
    const full = { ...DEFAULT_SETTINGS, followedAuthors: Array.from({ length: SETTINGS_LIMITS.followedAuthors - 1 }, (_, i) => `Author Number${i}`) };
    const merge = mergeBackupSettings(full, { followedAuthors: ['Ada Lovelace', 'Alan Turing', 'Grace Hopper', 'Author Number3'] });
    expect(merge.change.followedAuthors).toHaveLength(SETTINGS_LIMITS.followedAuthors);
    expect(merge.change.followedAuthors?.slice(0, -1)).toEqual(full.followedAuthors);
    expect(merge.added.followedAuthors).toEqual(['Ada Lovelace']);
    expect(merge.leftOut).toEqual({ watchedTopics: 0, followedAuthors: 2, tagRules: 0 });
    expect(settingsMergeText(merge)).toBe('Adds 1 followed author to yours. Left out, yours being full: 2 followed authors.');

    const rules = Array.from({ length: SETTINGS_LIMITS.tagRules }, (_, i) => ({ tag: `t${i}`, match: 'x', fields: 'both' as const }));
    const none = mergeBackupSettings({ ...DEFAULT_SETTINGS, tagRules: rules }, { tagRules: [{ tag: 'new', match: 'y', fields: 'title' }] });
    expect(none.change).toEqual({});
    expect(settingsMergeText(none)).toBe('Adds nothing. Left out, yours being full: 1 tag rule.');
  });

  it('turns a switch on as well as off, and says only what it turns', () => {
    const off = { ...DEFAULT_SETTINGS, toolbarCount: false, relevance: { enabled: false } };
    const merge = mergeBackupSettings(off, { relevance: { enabled: true }, toolbarCount: false });
    expect(merge.change).toEqual({ relevance: { enabled: true } });
    expect(settingsMergeText(merge)).toBe('Turns relevance marks on.');
    expect(settingsMergeText(mergeBackupSettings(off, { toolbarCount: true }))).toBe('Turns the toolbar count on.');
  });
});
