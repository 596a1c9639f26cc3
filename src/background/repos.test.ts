import 'fake-indexeddb/auto';
import { expect, it, vi } from 'vitest';
import { putRepo } from '../storage/repo-cache';
import { createRepoService, summarize } from './repos';
import { freshDatabase } from './github/test-helpers';

it("passes on why a repository has no figures, for its badge to say, and says nothing of it when there are figures", () => {
  const unavailable = { reason: 'rate-limit' as const, retryAt: 1_800_000 };
  expect(summarize({ state: 'unavailable', repo: null, name: 'owner/repo', unavailable })).toEqual({
    name: 'owner/repo', stars: null, pushedAt: null, archived: false, notFound: false, unavailable,
  });
  expect(summarize({ state: 'not-found', repo: null, name: 'owner/gone' })).toEqual({ name: 'owner/gone', stars: null, pushedAt: null, archived: false, notFound: true });
});

it("gives the popup the cache's figures for many repositories at once, any case, in order, and never asks GitHub for them", async () => {
  const { db } = await freshDatabase();
  const repo = { fullName: 'Lab/Model', stars: 4321, forks: 1, pushedAt: null, archived: true, description: null, language: null, license: null, htmlUrl: 'https://github.com/Lab/Model' };
  await putRepo(db, { key: 'lab/model', repo, status: 'ok', etag: null, fetchedAt: 1000 }, { key: 'lab/gone', repo: null, status: 'not-found', etag: null, fetchedAt: 2000 });
  const fetchSpy = vi.spyOn(globalThis, 'fetch').mockRejectedValue(new Error('no network in tests'));
  const service = createRepoService(async () => db, async () => null);
  expect(await service.figures(['lab/unknown', 'LAB/Model', 'lab/gone'])).toEqual([
    null,
    { stars: 4321, archived: true, notFound: false, fetchedAt: 1000 },
    { stars: null, archived: false, notFound: true, fetchedAt: 2000 },
  ]);
  expect(fetchSpy).not.toHaveBeenCalled();
  fetchSpy.mockRestore();
});
