import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Notice } from '../background/messages';

type Listener = (message: unknown, sender: object) => unknown;
const listeners = new Set<Listener>();
vi.mock('webextension-polyfill', () => ({
  default: {
    runtime: {
      id: 'abc',
      getURL: (path: string) => `chrome-extension://abc/${path}`,
      onMessage: { addListener: (l: Listener) => listeners.add(l), removeListener: (l: Listener) => listeners.delete(l) },
    },
  },
}));

import { extensionApi } from './api';

const WORKER = { id: 'abc', url: 'chrome-extension://abc/background.js' };
const REMOVED: Notice = { type: 'changed', id: 'arxiv:2401.00001', aliases: [], state: null };

function deliver(message: unknown, sender: object): void {
  for (const listener of listeners) listener(message, sender);
}

beforeEach(() => listeners.clear());

describe('the extension pages follow the background\'s notices', () => {
  it('from the background', () => {
    const seen: Notice[] = [];
    extensionApi.subscribe((notice) => seen.push(notice));
    deliver(REMOVED, WORKER);
    deliver({ type: 'reload' }, WORKER);
    expect(seen).toEqual([REMOVED, { type: 'reload' }]);
  });

  it('never from a content script: a page could hide a saved paper from the library (and from its backup)', () => {
    const seen: Notice[] = [];
    extensionApi.subscribe((notice) => seen.push(notice));
    // A content script's runtime.sendMessage reaches every extension page, with our id, its tab and the page's URL.
    deliver(REMOVED, { id: 'abc', tab: { id: 7 }, url: 'https://arxiv.org/list/cs.LG/recent' });
    deliver({ type: 'reload' }, { id: 'abc', tab: { id: 7 }, url: 'https://huggingface.co/papers' });
    deliver(REMOVED, { id: 'other', url: 'chrome-extension://other/sw.js' });
    expect(seen).toEqual([]);
  });
});
