import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';

// storage.session as the browser keeps it: across service-worker restarts, gone with the browser session.
const session = new Map<string, unknown>();
vi.mock('webextension-polyfill', () => ({
  default: {
    storage: {
      session: {
        set: async (items: Record<string, unknown>) => void Object.entries(items).forEach(([key, value]) => session.set(key, value)),
        get: async (key: string) => (session.has(key) ? { [key]: session.get(key) } : {}),
      },
    },
  },
}));

import { freshDatabase, githubRepoBody, jsonResponse } from './github/test-helpers';
import { recordRejectedToken, unlessRejected } from './rejected-token';
import { createRepoService } from './repos';

beforeEach(() => session.clear());

const REVOKED = 'ghp_revoked0123456789abcdefghijklmnopqrstu';
const NEW = 'ghp_another0123456789abcdefghijklmnopqrstu';

describe('a token GitHub refused', () => {
  it('is not given out again once its digest is recorded; another token is', async () => {
    expect(await unlessRejected(REVOKED)).toBe(REVOKED);
    await recordRejectedToken(REVOKED);
    expect(await unlessRejected(REVOKED)).toBeNull();
    expect(await unlessRejected(NEW)).toBe(NEW);
    expect(await unlessRejected(null)).toBeNull();
  });

  it('is not sent again by a service worker started after the refusal', async () => {
    const sent: boolean[] = [];
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      const auth = new Headers(init.headers).has('authorization');
      sent.push(auth);
      return auth ? jsonResponse({ message: 'Bad credentials' }, 401) : jsonResponse(githubRepoBody(url.split('/repos/')[1]!));
    });
    try {
      const { db } = await freshDatabase();
      const token = async () => unlessRejected(REVOKED);
      await createRepoService(async () => db, token, recordRejectedToken).repo('owner/a');
      expect(sent).toEqual([true, false]); // refused, then asked without it
      await vi.waitFor(() => expect(session.size).toBe(1));
      await createRepoService(async () => db, token, recordRejectedToken).repo('owner/b'); // a new worker: nothing in memory
      expect(sent.slice(2)).toEqual([false]);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
