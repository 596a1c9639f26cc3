// Whether arXiv holds a newer version of a saved paper than the one its reader saved: the authors' camera-ready, a
// fixed proof, new experiments. Pure: the library, the popup and tests decide it the same way.
import { parseArxivId } from './ids';

/** What arXiv said of a paper's newest version when last asked. */
export interface LatestVersion {
  version: number;
  /** YYYY-MM-DD the newest version was submitted; null when not known. */
  updated: string | null;
}

/** What a saved record says of the version its reader saw. */
export interface SavedVersion {
  paper: { id: string; version: number | null };
  /** Epoch milliseconds of the first save. */
  savedAt: number;
}

/** The UTC day of an epoch time, as arXiv dates its versions. */
export const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Newer than what was saved: a higher version than the one the reader saw, where the record knows it (an abstract
 * page's, a versioned link's, the API's at a link's save). Where it does not (saved from a listing that names no
 * version), a version past the first submitted after the day of the save: one submitted that day or before is what
 * the reader found. Only arXiv papers have versions.
 */
export function isRevised(saved: SavedVersion, latest: LatestVersion | undefined): boolean {
  if (!latest || !saved.paper.id.startsWith('arxiv:')) return false;
  if (saved.paper.version !== null) return latest.version > saved.paper.version;
  return latest.version > 1 && latest.updated !== null && saved.savedAt > 0 && latest.updated > utcDay(saved.savedAt);
}

/**
 * The arXiv id (without version) a record's versions are asked by: only a record saved under an arXiv id, as saving one
 * gives it (parseArxivId's). Anything else under the prefix (a page's or a backup's) would go into arXiv's query.
 */
export function arxivKey(id: string): string | null {
  const key = id.startsWith('arxiv:') ? id.slice('arxiv:'.length) : null;
  return key !== null && parseArxivId(key)?.id === key ? key : null;
}
