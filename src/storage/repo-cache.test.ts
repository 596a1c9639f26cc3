import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from './reading-list';
import { CACHE_KEPT_MS, getPaperRepos, getRateLimit, getRepo, pruneCaches, putPaperRepos, putRateLimit, putRepo } from './repo-cache';
import type { RepoCacheEntry } from './schema';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

const entry = (key: string, stars = 5): RepoCacheEntry => ({
  key,
  status: 'ok',
  etag: 'W/"abc"',
  fetchedAt: 1_700_000_000_000,
  repo: {
    fullName: 'Example-Lab/Sparse-MoE',
    stars,
    forks: 1,
    pushedAt: '2026-06-29T17:45:12Z',
    archived: false,
    description: 'Sparse MoE, long context',
    language: 'Python',
    license: 'Apache-2.0',
    htmlUrl: 'https://github.com/Example-Lab/Sparse-MoE',
  },
});

describe('repo cache storage', () => {
  it('stores repositories under lowercased names and reads them in any case', async () => {
    const db = await openDatabase();
    await putRepo(db, entry('Example-Lab/Sparse-MoE'), entry('old-lab/moe'));
    expect(await getRepo(db, 'example-lab/sparse-moe')).toEqual(entry('example-lab/sparse-moe'));
    expect((await getRepo(db, 'OLD-LAB/MoE'))?.repo?.fullName).toBe('Example-Lab/Sparse-MoE');
    await putRepo(db, entry('example-lab/sparse-moe', 6));
    expect((await getRepo(db, 'Example-Lab/Sparse-MoE'))?.repo?.stars).toBe(6);
    expect(await getRepo(db, 'nobody/nothing')).toBeNull();
  });

  it('stores not-found answers, paper lookups (empty ones too) and rate-limit state', async () => {
    const db = await openDatabase();
    await putRepo(db, { key: 'gone/repo', repo: null, status: 'not-found', etag: null, fetchedAt: 1 });
    expect(await getRepo(db, 'gone/repo')).toMatchObject({ status: 'not-found', repo: null });
    await putPaperRepos(db, { key: '2401.00001', repos: ['o/r'], fetchedAt: 2 });
    await putPaperRepos(db, { key: '2401.00002', repos: [], fetchedAt: 3 });
    expect(await getPaperRepos(db, '2401.00001')).toEqual({ key: '2401.00001', repos: ['o/r'], fetchedAt: 2 });
    expect(await getPaperRepos(db, '2401.00002')).toEqual({ key: '2401.00002', repos: [], fetchedAt: 3 });
    expect(await getPaperRepos(db, '2401.00003')).toBeNull();
    expect(await getRateLimit(db, 'github:anonymous')).toBeNull();
    await putRateLimit(db, { key: 'github:anonymous', blockedUntil: 1_700_000_360_000 });
    db.close();
    const reopened = await openDatabase();
    expect(await getRateLimit(reopened, 'github:anonymous')).toEqual({ key: 'github:anonymous', blockedUntil: 1_700_000_360_000 });
  });

  it('lets go of answers not renewed for a month, in both caches, a batch a transaction, and keeps every other', async () => {
    const db = await openDatabase();
    const now = 1_800_000_000_000;
    const old = now - CACHE_KEPT_MS - 1;
    const recent = now - CACHE_KEPT_MS + 1;
    for (let i = 0; i < 5; i++) await putRepo(db, { ...entry(`old/r${i}`), fetchedAt: old - i });
    await putRepo(db, { ...entry('kept/recent'), fetchedAt: recent }, { ...entry('kept/now'), fetchedAt: now });
    await putPaperRepos(db, { key: '2401.00001', repos: [], fetchedAt: old });
    await putPaperRepos(db, { key: '2401.00002', repos: ['a/b'], fetchedAt: recent });
    await putRateLimit(db, { key: 'github:anonymous', blockedUntil: 1 });

    expect(await pruneCaches(db, now, 2)).toBe(6);
    expect((await db.getAllKeys('repos')).sort()).toEqual(['kept/now', 'kept/recent']);
    expect(await db.getAllKeys('paperRepos')).toEqual(['2401.00002']);
    expect(await getRateLimit(db, 'github:anonymous')).toEqual({ key: 'github:anonymous', blockedUntil: 1 });
    expect(await pruneCaches(db, now)).toBe(0);
  });
});
