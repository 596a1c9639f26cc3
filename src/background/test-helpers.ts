// For tests: a responder over a test's database, with every dependency it does not exercise answering "nothing".
import type { Database } from '../storage/reading-list';
import { DEFAULT_SETTINGS } from '../storage/settings';
import type { HandlerDeps } from './handlers';
import type { Notice } from './messages';
import { createRelevanceService } from './relevance';
import { createResponder, type SessionMark } from './respond';

export function testResponder(db: Database, deps: { notices: Notice[]; session: SessionMark; links?: Partial<HandlerDeps['links']> }) {
  return createResponder({
    db: async () => db,
    broadcast: async (notice) => void deps.notices.push(notice),
    repos: { repo: async () => null, paperRepos: async () => [], figures: async (names) => names.map(() => null) },
    settings: async () => DEFAULT_SETTINGS,
    saveSettings: async () => DEFAULT_SETTINGS,
    relevance: createRelevanceService(async () => db),
    links: { resolve: async () => Promise.reject(new Error('not asked')), latestVersions: async () => ({ status: 'failed', reason: 'not asked' }), ...deps.links },
    granted: async () => true,
    session: deps.session,
  });
}
