import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../storage/settings';
import { pageSettingsChanged, tellTabsSettingsChanged } from './settings-notice';

describe('settings notice (open pages follow a settings change at once)', () => {
  const before = { ...DEFAULT_SETTINGS, githubToken: 'ghp_old' };

  it('a change to what pages read (watched topics, followed authors, tag rules, relevance) tells the tabs', () => {
    expect(pageSettingsChanged(before, { ...before, watchedTopics: ['moe'] })).toBe(true);
    expect(pageSettingsChanged(before, { ...before, followedAuthors: ['Yann LeCun'] })).toBe(true);
    expect(pageSettingsChanged(before, { ...before, tagRules: [{ tag: 'rl', match: 'reward', fields: 'both' }] })).toBe(true);
    expect(pageSettingsChanged(before, { ...before, relevance: { enabled: false } })).toBe(true);
  });

  it('the token or the toolbar count alone, or the same settings written again: no tab is told', () => {
    expect(pageSettingsChanged(before, { ...before, githubToken: 'ghp_new', toolbarCount: false })).toBe(false);
    expect(pageSettingsChanged(before, structuredClone(before))).toBe(false);
  });

  it('tells every tab, with a notice that carries no setting; a tab without our script does not stop the rest', async () => {
    const sendMessage = vi.fn(async (id: number) => {
      if (id === 2) throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    await tellTabsSettingsChanged({ query: async () => [{ id: 1 }, {}, { id: 2 }, { id: 3 }], sendMessage });
    expect(sendMessage.mock.calls).toEqual([
      [1, { type: 'settings' }],
      [2, { type: 'settings' }],
      [3, { type: 'settings' }],
    ]);
  });
});
