import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { makePaper } from '../../test/unit/paper-factory';

const badge = vi.hoisted(() => ({ text: 'unset' }));
vi.mock('webextension-polyfill', () => ({
  default: {
    action: {
      setBadgeText: async ({ text }: { text: string }) => void (badge.text = text),
      setBadgeBackgroundColor: async () => {},
      setTitle: async () => {},
    },
  },
}));

const { countLabel, updateToolbarCount } = await import('./toolbar-count');
const { editPaper, openDatabase, savePaper } = await import('../storage/reading-list');
const { readSettings, writeSettings } = await import('../storage/settings-store');
type Db = Awaited<ReturnType<typeof openDatabase>>;
/** The toolbar's list and settings, from `db`. */
const source = (db: Db) => ({ db: async () => db, settings: () => readSettings(db) });

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

describe('toolbar count', () => {
  it('labels counts compactly', () => {
    expect([0, 1, 999, 1000].map(countLabel)).toEqual(['', '1', '999', '999+']);
  });

  it('counts only papers still to read, and shows nothing when turned off', async () => {
    const db = await openDatabase();
    for (const n of [1, 2, 3]) await savePaper(db, makePaper({ id: `arxiv:2607.0000${n}` }), { savedFrom: 'https://x.example/' });
    await editPaper(db, 'arxiv:2607.00002', { status: 'done' });
    await updateToolbarCount(source(db));
    expect(badge.text).toBe('2');
    await writeSettings(db, { toolbarCount: false });
    await updateToolbarCount(source(db));
    expect(badge.text).toBe('');
  });
});
