import { expect, it } from 'vitest';
import { summarize } from './repos';

it("passes on why a repository has no figures, for its badge to say, and says nothing of it when there are figures", () => {
  const unavailable = { reason: 'rate-limit' as const, retryAt: 1_800_000 };
  expect(summarize({ state: 'unavailable', repo: null, name: 'owner/repo', unavailable })).toEqual({
    name: 'owner/repo', stars: null, pushedAt: null, archived: false, notFound: false, unavailable,
  });
  expect(summarize({ state: 'not-found', repo: null, name: 'owner/gone' })).toEqual({ name: 'owner/gone', stars: null, pushedAt: null, archived: false, notFound: true });
});
