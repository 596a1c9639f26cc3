import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const browserState = vi.hoisted(() => ({ text: 'unset', color: '', title: 'unset', session: {} as Record<string, unknown> }));
vi.mock('webextension-polyfill', () => ({
  default: {
    action: {
      setBadgeText: async ({ text }: { text: string }) => void (browserState.text = text),
      setBadgeBackgroundColor: async ({ color }: { color: string }) => void (browserState.color = color),
      setTitle: async ({ title }: { title: string }) => void (browserState.title = title),
    },
    storage: {
      session: {
        get: async (key: string) => (key in browserState.session ? { [key]: browserState.session[key] } : {}),
        set: async (items: Record<string, unknown>) => void Object.assign(browserState.session, items),
        remove: async (key: string) => void delete browserState.session[key],
      },
    },
  },
}));

const { reportLinkSaved, reportLinkProblem } = await import('./link-save-notice');
const { takeLinkProblem } = await import('./link-problem');
const { updateToolbarCount } = await import('./toolbar-count');
const { openDatabase, savePaper } = await import('../storage/reading-list');
const { makePaper } = await import('../../test/unit/paper-factory');
const { readSettings } = await import('../storage/settings-store');
type Db = Awaited<ReturnType<typeof openDatabase>>;
/** The toolbar's list and settings, from `db`. */
const source = (db: Db) => ({ db: async () => db, settings: () => readSettings(db) });

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  Object.assign(browserState, { text: 'unset', color: '', title: 'unset', session: {} });
  vi.useRealTimers();
});

describe('feedback on a save from a link', () => {
  it('a failed save marks the toolbar button, says what failed in its title, and keeps it through count updates until taken', async () => {
    const db = await openDatabase();
    await savePaper(db, makePaper({ id: 'arxiv:2607.00001' }), { savedFrom: 'https://x.example/' });
    await reportLinkProblem('https://arxiv.org/abs/2401.12345', new Error('QuotaExceededError: the disk is full'), source(db));
    expect(browserState.text).toBe('!');
    expect(browserState.title).toBe('Papershelf: could not save https://arxiv.org/abs/2401.12345 to the reading list: QuotaExceededError: the disk is full');
    await updateToolbarCount(source(db)); // another save elsewhere recounts: the mark stays
    expect(browserState.text).toBe('!');
    // The popup takes the problem (to show it), and the button is back to the count.
    expect(await takeLinkProblem()).toBe('Could not save https://arxiv.org/abs/2401.12345 to the reading list: QuotaExceededError: the disk is full');
    await updateToolbarCount(source(db));
    expect(browserState.text).toBe('1');
    expect(browserState.title).toBe('Papershelf reading list');
    expect(await takeLinkProblem()).toBeNull();
  });

  it('a link that names no paper is said too, not silently ignored', async () => {
    const db = await openDatabase();
    await reportLinkProblem('https://example.org/blog', null, source(db));
    expect(browserState.text).toBe('!');
    expect(browserState.title).toBe('Papershelf: could not save https://example.org/blog to the reading list: the link names no paper Papershelf knows');
  });

  it('a save shows a short confirmation naming the paper, then the count again', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const db = await openDatabase();
    await savePaper(db, makePaper({ id: 'arxiv:2607.00001' }), { savedFrom: 'https://x.example/' });
    await reportLinkSaved('Attention is all you need', source(db));
    expect(browserState.text).toBe('✓');
    expect(browserState.title).toBe('Papershelf: saved “Attention is all you need” to the reading list');
    await updateToolbarCount(source(db)); // the save's own recount does not cut the confirmation short
    expect(browserState.text).toBe('✓');
    await vi.advanceTimersByTimeAsync(5000);
    await vi.waitFor(() => expect(browserState.text).toBe('1'));
    expect(browserState.title).toBe('Papershelf reading list');
  });
});
