import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from './reading-list';
import { allArxivVersions, putArxivVersions } from './arxiv-versions';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

describe('arXiv versions storage', () => {
  it('keeps the last answer per paper: a later check replaces an earlier one', async () => {
    const db = await openDatabase();
    expect(await allArxivVersions(db)).toEqual([]);
    await putArxivVersions(db, [
      { key: '2401.00001', version: 2, updated: '2026-10-01', checkedAt: 1 },
      { key: 'hep-th/9901001', version: 3, updated: null, checkedAt: 1 },
    ]);
    await putArxivVersions(db, [{ key: '2401.00001', version: 3, updated: '2026-11-02', checkedAt: 2 }]);
    await putArxivVersions(db, []);
    expect(await allArxivVersions(db)).toEqual([
      { key: '2401.00001', version: 3, updated: '2026-11-02', checkedAt: 2 },
      { key: 'hep-th/9901001', version: 3, updated: null, checkedAt: 1 },
    ]);
  });
});
