// What the extension asks of the browser, in both builds: what the README's Permissions table lists, and nothing more.
import { describe, expect, it } from 'vitest';
import { manifestFor } from '../../manifest.config';

describe('the permissions both manifests ask for', () => {
  it('are the listed few: no `tabs`, no <all_urls>, `offscreen` in Chrome only', () => {
    expect(manifestFor('chrome').permissions).toEqual(['activeTab', 'contextMenus', 'scripting', 'storage', 'offscreen']);
    expect(manifestFor('firefox').permissions).toEqual(['activeTab', 'contextMenus', 'scripting', 'storage']);
    for (const target of ['chrome', 'firefox'] as const) {
      const manifest = manifestFor(target);
      const hosts = [...manifest.host_permissions, ...manifest.optional_host_permissions];
      expect(hosts.filter((host) => host === '<all_urls>' || /^\*:\/\/\*\//.test(host) || /^https?:\/\/\*\//.test(host))).toEqual([]);
    }
  });
});

describe('the keyboard shortcuts both manifests suggest', () => {
  it('open the reading list (the toolbar popup) and save the paper in front, each changeable in the browser', () => {
    for (const target of ['chrome', 'firefox'] as const) {
      const commands = manifestFor(target).commands as Record<string, { suggested_key: { default: string }; description: string }>;
      expect(Object.fromEntries(Object.entries(commands).map(([name, command]) => [name, command.suggested_key.default]))).toEqual({ _execute_action: 'Alt+Shift+L', 'save-paper': 'Alt+Shift+S' });
      // Chrome takes at most four suggested keys, and each must be Alt or Ctrl with a letter or digit.
      expect(Object.values(commands).every((command) => /^(Alt|Ctrl)\+(Shift\+)?[A-Z0-9]$/.test(command.suggested_key.default))).toBe(true);
    }
  });
});
