import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../storage/settings';
import { pageSettingsChanged, tellTabsSettingsChanged } from './settings-notice';

describe('settings notice (open pages follow a settings change at once)', () => {
  const before = { ...DEFAULT_SETTINGS, githubToken: 'ghp_old' };
  const change = (newValue: unknown, oldValue: unknown = before) => ({ settings: { oldValue, newValue } });

  it('a change to what pages read (watched topics, tag rules, relevance) tells the tabs', () => {
    expect(pageSettingsChanged(change({ ...before, watchedTopics: ['moe'] }), 'local')).toBe(true);
    expect(pageSettingsChanged(change({ ...before, tagRules: [{ tag: 'rl', match: 'reward', fields: 'both' }] }), 'local')).toBe(true);
    expect(pageSettingsChanged(change({ ...before, relevance: { enabled: false } }), 'local')).toBe(true);
    expect(pageSettingsChanged(change({ ...before, relevance: { enabled: false } }, undefined), 'local')).toBe(true); // first save
  });

  it('the token or the toolbar count alone, another key or another area: no tab is told', () => {
    expect(pageSettingsChanged(change({ ...before, githubToken: 'ghp_new', toolbarCount: false }), 'local')).toBe(false);
    expect(pageSettingsChanged(change(before, undefined), 'local')).toBe(false); // the defaults written out
    expect(pageSettingsChanged({ other: { newValue: 1 } }, 'local')).toBe(false);
    expect(pageSettingsChanged(change({ ...before, watchedTopics: ['moe'] }), 'session')).toBe(false);
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
