// Test helper: the popup over an in-memory API, with drafts kept in memory.
import { render } from '@testing-library/preact';
import type { SavedPaper } from '../../storage/schema';
import type { SiteAccess } from '../api';
import { createFakeApi } from '../fake-api';
import { memoryDraftStore } from '../note-drafts';
import type { StateOptions } from '../state';
import { App } from './App';

export function renderPopup(papers: SavedPaper[], options: { access?: SiteAccess[]; stateOptions?: StateOptions } = {}) {
  const api = createFakeApi(papers, options.access);
  const drafts = memoryDraftStore();
  const view = render(<App api={api} stateOptions={{ drafts, refreshDelayMs: 0, ...options.stateOptions }} />);
  return { api, drafts, ...view };
}
