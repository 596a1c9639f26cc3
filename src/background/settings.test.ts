import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, type Database } from '../storage/reading-list';
import { DEFAULT_SETTINGS } from '../storage/settings';
import type { LegacySettingsArea } from '../storage/settings-store';
import { createSettingsService } from './settings';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

/** storage.local as an older build left it. */
function legacyArea(items: Record<string, unknown> = {}) {
  const area = {
    items,
    get: vi.fn(async (key: string) => (key in area.items ? { [key]: structuredClone(area.items[key]) } : {})),
    remove: vi.fn(async (key: string) => void delete area.items[key]),
  };
  return area satisfies LegacySettingsArea;
}

const followers = () => ({ pages: vi.fn(), toolbarCount: vi.fn() });

describe('settings in the background', () => {
  it('moves the settings an older build kept in storage.local, before any read sees the defaults, and removes them there', async () => {
    const db = await openDatabase();
    const legacy = legacyArea({ settings: { githubToken: 'ghp_old', watchedTopics: ['llm'] }, other: 1 });
    const service = createSettingsService(async () => db, legacy, followers());
    expect(await service.read()).toEqual({ ...DEFAULT_SETTINGS, githubToken: 'ghp_old', watchedTopics: ['llm'] });
    expect(await service.adopted).toBe(true);
    expect(legacy.items).toEqual({ other: 1 });
    // The next start finds nothing to move, and reads what was moved.
    const again = createSettingsService(async () => db, legacy, followers());
    expect(await again.adopted).toBe(false);
    expect((await again.read()).githubToken).toBe('ghp_old');
  });

  it('a worker stopped between writing and removing moves nothing over settings written since', async () => {
    const db = await openDatabase();
    await createSettingsService(async () => db, legacyArea(), followers()).save({ githubToken: 'ghp_new' });
    const legacy = legacyArea({ settings: { githubToken: 'ghp_old' } });
    const service = createSettingsService(async () => db, legacy, followers());
    expect((await service.read()).githubToken).toBe('ghp_new');
    expect(legacy.items).toEqual({});
  });

  it('a failed move is reported and leaves the old settings where they are, to be moved next time', async () => {
    const db = await openDatabase();
    const legacy = legacyArea({ settings: { githubToken: 'ghp_old' } });
    legacy.get.mockRejectedValueOnce(new Error('storage unavailable'));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const service = createSettingsService(async () => db, legacy, followers());
    expect(await service.adopted).toBe(false);
    expect(warn).toHaveBeenCalled();
    expect(legacy.items).toEqual({ settings: { githubToken: 'ghp_old' } });
    expect(await db.get('settings', 'settings')).toBeUndefined();
    expect((await createSettingsService(async () => db, legacy, followers()).read()).githubToken).toBe('ghp_old');
  });

  it('a move that failed is tried again before the next read or save, so a save never stands over settings not yet moved', async () => {
    const db = await openDatabase();
    const legacy = legacyArea({ settings: { githubToken: 'ghp_old', watchedTopics: ['llm'] } });
    legacy.get.mockRejectedValueOnce(new Error('storage unavailable'));
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const service = createSettingsService(async () => db, legacy, followers());
    expect(await service.adopted).toBe(false);
    // The reader opens the options page and turns the toolbar count off, in the same worker.
    expect((await service.read()).githubToken).toBe('ghp_old');
    expect(await service.save({ toolbarCount: false })).toEqual({ ...DEFAULT_SETTINGS, githubToken: 'ghp_old', watchedTopics: ['llm'], toolbarCount: false });
    expect(legacy.items).toEqual({});
    expect(await createSettingsService(async () => db, legacy, followers()).read()).toEqual({
      ...DEFAULT_SETTINGS,
      githubToken: 'ghp_old',
      watchedTopics: ['llm'],
      toolbarCount: false,
    });
  });

  it('a save refuses while the move keeps failing, and writes nothing over the settings still to move', async () => {
    const db = await openDatabase();
    const legacy = legacyArea({ settings: { githubToken: 'ghp_old' } });
    legacy.get.mockRejectedValue(new Error('storage unavailable'));
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const service = createSettingsService(async () => db, legacy, followers());
    await expect(service.save({ toolbarCount: false })).rejects.toThrow(/storage unavailable/);
    legacy.get.mockReset();
    legacy.get.mockImplementation(async (key: string) => (key in legacy.items ? { [key]: structuredClone(legacy.items[key]) } : {}));
    expect((await createSettingsService(async () => db, legacy, followers()).read()).githubToken).toBe('ghp_old');
  });

  it('a damaged value left in storage.local is dropped there, and the defaults stand', async () => {
    const db = await openDatabase();
    const legacy = legacyArea({ settings: 'not settings' });
    const service = createSettingsService(async () => db, legacy, followers());
    expect(await service.read()).toEqual(DEFAULT_SETTINGS);
    expect(legacy.items).toEqual({});
  });

  it('settings a build before followed authors kept read as following none, and a save keeps the rest', async () => {
    const db = await openDatabase();
    const { followedAuthors: _, ...older } = { ...DEFAULT_SETTINGS, githubToken: 'ghp_old', watchedTopics: ['llm'] };
    await db.put('settings', older, 'settings');
    const service = createSettingsService(async () => db, legacyArea(), followers());
    expect(await service.read()).toEqual({ ...DEFAULT_SETTINGS, githubToken: 'ghp_old', watchedTopics: ['llm'], followedAuthors: [] });
    await service.save({ followedAuthors: ['Yann LeCun'] });
    expect(await service.read()).toEqual({ ...DEFAULT_SETTINGS, githubToken: 'ghp_old', watchedTopics: ['llm'], followedAuthors: ['Yann LeCun'] });
  });

  it('of settings an older build left, a field of the wrong shape is dropped (its default stands) and the rest move', async () => {
    const db = await openDatabase();
    const rule = { tag: 'rl', match: 'reward', fields: 'both' };
    const legacy = legacyArea({
      settings: {
        githubToken: 42,
        watchedTopics: ['llm'],
        followedAuthors: ['Yann LeCun', 7, 'x'.repeat(201), null],
        tagRules: [rule, null, { tag: 'x' }],
        toolbarCount: 'yes',
        relevance: null,
        stray: 1,
      },
    });
    const service = createSettingsService(async () => db, legacy, followers());
    expect(await service.read()).toEqual({ ...DEFAULT_SETTINGS, watchedTopics: ['llm'], followedAuthors: ['Yann LeCun'], tagRules: [rule] });
  });

  it('a token an older build kept with white space moves trimmed, and one the options page refuses moves still, for it to say why', async () => {
    const db = await openDatabase();
    const service = createSettingsService(async () => db, legacyArea({ settings: { githubToken: ' ghp_old\n' } }), followers());
    expect((await service.read()).githubToken).toBe('ghp_old');
    const other = await openDatabase('other');
    const spaced = createSettingsService(async () => other, legacyArea({ settings: { githubToken: 'ghp_a b' } }), followers());
    expect((await spaced.read()).githubToken).toBe('ghp_a b');
  });

  it('settings are moved from storage.local once: what is put there later (Firefox lets a content script) is dropped unread', async () => {
    const db = await openDatabase();
    const legacy = legacyArea();
    expect(await createSettingsService(async () => db, legacy, followers()).adopted).toBe(false);
    legacy.items.settings = { githubToken: 'ghp_planted', tagRules: [{ tag: 'x', match: 'a', fields: 'both' }] };
    const next = createSettingsService(async () => db, legacy, followers());
    expect(await next.read()).toEqual(DEFAULT_SETTINGS);
    expect(legacy.items).toEqual({});
  });

  it('saves a change over what is stored; pages are told when what they read changed, the count when it was switched', async () => {
    const db: Database = await openDatabase();
    const follow = followers();
    const service = createSettingsService(async () => db, legacyArea(), follow);
    expect(await service.save({ githubToken: 'ghp_x' })).toEqual({ ...DEFAULT_SETTINGS, githubToken: 'ghp_x' });
    expect(follow.pages).not.toHaveBeenCalled();
    expect(follow.toolbarCount).not.toHaveBeenCalled();
    await service.save({ watchedTopics: ['moe'] });
    expect(follow.pages).toHaveBeenCalledTimes(1);
    await service.save({ toolbarCount: false });
    expect(follow.toolbarCount).toHaveBeenCalledTimes(1);
    // Two pages saving different fields at once both land.
    await Promise.all([service.save({ tagRules: [{ tag: 'rl', match: 'reward', fields: 'both' }] }), service.save({ relevance: { enabled: false } })]);
    expect(await service.read()).toEqual({
      githubToken: 'ghp_x',
      watchedTopics: ['moe'],
      followedAuthors: [],
      tagRules: [{ tag: 'rl', match: 'reward', fields: 'both' }],
      toolbarCount: false,
      relevance: { enabled: false },
    });
  });
});
