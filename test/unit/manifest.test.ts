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
