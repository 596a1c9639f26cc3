import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ReadingListApi, SiteAccess } from '../api';
import type { SavedPaper } from '../../storage/schema';
import { PaperItem } from './PaperItem';
import { AccessNotice } from './AccessNotice';

type Load = { state: 'loading' } | { state: 'ready'; papers: SavedPaper[] } | { state: 'error'; message: string };

export function App({ api }: { api: ReadingListApi }) {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [access, setAccess] = useState<SiteAccess[]>([]);

  const refresh = useCallback(() => {
    api.list().then(
      (papers) => setLoad({ state: 'ready', papers }),
      (error: Error) => setLoad({ state: 'error', message: error.message }),
    );
  }, [api]);

  const refreshAccess = useCallback(() => {
    api.siteAccess().then(setAccess, () => setAccess([]));
  }, [api]);

  useEffect(() => {
    refresh();
    refreshAccess();
    return api.subscribe(refresh);
  }, [api, refresh, refreshAccess]);

  const remove = async (id: string) => {
    try {
      await api.remove(id);
    } finally {
      refresh();
    }
  };

  return (
    <main class="app">
      <header class="bar">
        <h1>Papershelf</h1>
        {load.state === 'ready' && <span class="count">{countLabel(load.papers.length)}</span>}
      </header>
      {access
        .filter((site) => !site.granted)
        .map((site) => (
          <AccessNotice key={site.name} site={site} onRequest={() => api.requestAccess(site.origins).then(refreshAccess)} />
        ))}
      {load.state === 'loading' && <p class="muted">Loading your reading list…</p>}
      {load.state === 'error' && (
        <p class="error" role="alert">
          Could not read your reading list: {load.message}
        </p>
      )}
      {load.state === 'ready' && load.papers.length === 0 && (
        <section class="empty">
          <p>Your reading list is empty.</p>
          <p class="muted">
            Open <a href="https://huggingface.co/papers" target="_blank" rel="noreferrer">Hugging Face Papers</a> and
            press <strong>Save</strong> on any paper card.
          </p>
        </section>
      )}
      {load.state === 'ready' && load.papers.length > 0 && (
        <ul class="list" aria-label="Reading list">
          {load.papers.map((saved) => (
            <PaperItem key={saved.id} saved={saved} onRemove={() => remove(saved.id)} />
          ))}
        </ul>
      )}
      <footer class="foot">
        <button type="button" class="link" onClick={() => void api.openOptions()}>
          Sites and options
        </button>
      </footer>
    </main>
  );
}

function countLabel(n: number): string {
  return n === 1 ? '1 paper' : `${n} papers`;
}
