// What the library's checks learnt of saved arXiv papers' newest versions, for the popup's list and details: read once
// the list is shown (never before its first render), and a paper revised since its save is marked.
import { createContext } from 'preact';
import { useCallback, useContext, useEffect, useMemo, useState } from 'preact/hooks';
import { arxivKey, isRevised } from '../core/revisions';
import type { ArxivVersionEntry, SavedPaper } from '../storage/schema';
import type { ReadingListApi } from './api';
import type { PaperTest } from './list-query';

const NONE: ReadonlyMap<string, ArxivVersionEntry> = new Map();
export const ArxivVersionsContext = createContext<ReadonlyMap<string, ArxivVersionEntry>>(NONE);

/**
 * The checks' answers by arXiv id, asked for once `ready` (the whole list shown); empty until then, or when they fail.
 * `learn` adds what a check run on this page says.
 */
export function useArxivVersions(api: ReadingListApi, ready: boolean): [ReadonlyMap<string, ArxivVersionEntry>, (entries: readonly ArxivVersionEntry[]) => void] {
  const [versions, setVersions] = useState(NONE);
  useEffect(() => {
    if (!ready) return;
    let live = true;
    // What was learnt on this page meanwhile is newer than what was kept before.
    api.arxivVersions().then((entries) => live && entries.length > 0 && setVersions((learnt) => new Map([...entries.map((entry) => [entry.key, entry] as const), ...learnt])), () => undefined);
    return () => void (live = false);
  }, [api, ready]);
  const learn = useCallback((entries: readonly ArxivVersionEntry[]) => {
    if (entries.length) setVersions((known) => new Map([...known, ...entries.map((entry) => [entry.key, entry] as const)]));
  }, []);
  return [versions, learn];
}

/** arXiv's newer version of this saved paper than the one its reader saved (core/revisions.ts), if a check found one. */
export function useNewerVersion(saved: SavedPaper): ArxivVersionEntry | undefined {
  const key = arxivKey(saved.id);
  const latest = useContext(ArxivVersionsContext).get(key ?? '');
  return latest && isRevised(saved, latest) ? latest : undefined;
}

/** The papers arXiv has a newer version of, as these answers say: the list's "New version" filter, and its count. */
export function useRevised(papers: readonly SavedPaper[], versions: ReadonlyMap<string, ArxivVersionEntry>): { revised: PaperTest; count: number } {
  return useMemo(() => {
    const revised: PaperTest = (saved) => isRevised(saved, versions.get(arxivKey(saved.id) ?? ''));
    return { revised, count: versions.size === 0 ? 0 : papers.filter(revised).length };
  }, [papers, versions]);
}
