// The paper a tab shows, for the popup opened over it: a PDF (arxiv.org/pdf/…, openreview.net/pdf?id=…, a proceedings
// PDF), where no content script runs and so no card offers a Save, or any other page whose address names a paper.
// Known from the address alone, as "Save to reading list" on a link to it knows it (save-link/targets.ts), and saved
// the same way: the background reads its metadata (save-link/metadata.ts).
import { changedNotice, type Notice } from './messages';
import { originsOf, saveLink } from './context-menu';
import { minimalPaper, type LinkResolver } from './save-link/metadata';
import { identifyLink } from './save-link/targets';
import { lookup, savePaper, type Database, type SavedState } from '../storage/reading-list';
import type { SavedPaper } from '../storage/schema';
import type { Paper } from '../core/paper';

export interface TabPaper {
  /** The id saving it gives it (the paper's id, without an arXiv version). */
  id: string;
  /** What to call it until it is saved: "arXiv:2606.41234", "OpenReview paper …", "doi:10.…", "PMLR paper …". */
  label: string;
  /** What its save asks for, as a link's save does (the metadata APIs; a proceedings site's pages): a popup's click asks. */
  origins: string[];
  /** Its saved state, under its id or one it is known by (then `savedAs`); null: not in the list. */
  state: SavedState | null;
  /** The arXiv version its address names (`/pdf/<id>v3`: 3); absent when it names none. */
  version?: number;
}

/** The paper this address names and its saved state; null when it names none. */
export async function tabPaper(db: Database, url: string): Promise<TabPaper | null> {
  const target = identifyLink(url);
  if (!target) return null;
  let stand: ReturnType<typeof minimalPaper>;
  try {
    stand = minimalPaper(target);
  } catch {
    return null; // a target no save could make a paper of
  }
  const states = await lookup(db, [stand.id]);
  return { id: stand.id, label: stand.title, origins: originsOf(target), state: states[stand.id] ?? null, ...(stand.version !== null ? { version: stand.version } : {}) };
}

/** What a tab's paper is called before it is saved, as its save will read it. */
export interface TabPaperPreview {
  title: string;
  /** The first three authors (`authorCount`: how many in all, when more are known than named). */
  authors: string[];
  authorCount: number;
}

/**
 * What the paper this address names is called, read as its save reads it (and kept for that save: save-link/metadata's
 * recent reads), when every host its kind reads is granted already; null, reading nothing, when one is not (the popup
 * asks for hosts only inside a click), and when the sources failed or do not know it.
 */
export async function previewTabPaper(url: string, deps: { links: Pick<LinkResolver, 'resolve'>; granted: (origins: string[]) => Promise<boolean> }): Promise<TabPaperPreview | null> {
  const target = identifyLink(url);
  if (!target || !(await deps.granted(originsOf(target)))) return null;
  const { paper, complete } = await deps.links.resolve(target);
  if (!complete) return null;
  return { title: paper.title, authors: paper.authors.slice(0, 3), authorCount: Math.max(paper.authorCount ?? 0, paper.authors.length) };
}

export class NoPaperError extends Error {
  override name = 'NoPaperError';
}

/** The save's record; rejects with NoPaperError for a save that found no paper in the address (null). */
export function namedPaper<T>(saved: T | null): T {
  if (saved === null) throw new NoPaperError('This page names no paper Papershelf knows');
  return saved;
}

/**
 * Save a paper read from an address and tell every tab and page: what each save from an address writes (the popup's,
 * the link menu's, the shortcut's, a stand-in's). `standIn`: its metadata could not be read (SaveOptions.standIn).
 */
export async function saveAndTell(db: Database, broadcast: (notice: Notice) => void, paper: Paper, savedFrom: string, standIn: boolean, now?: number): Promise<SavedPaper> {
  const record = await savePaper(db, paper, { savedFrom, standIn, now });
  broadcast(changedNotice(record));
  return record;
}

/** What a save from an address needs: the metadata reader, and the notice to every tab. */
export interface AddressSaveDeps {
  links: Pick<LinkResolver, 'resolve'>;
  broadcast: (notice: Notice) => void;
}

/**
 * Save the paper an address names (a link's, or a tab's), its metadata read as for a link, saved from `pageUrl`, and
 * tell every tab; null, saving nothing, when it names none. The popup's save, which waits for the metadata (the popup
 * shows the save under way and answers with the record); the link menu's and the shortcut's save at once (prompt-save.ts).
 */
export async function saveAddressed(db: Database, url: string, pageUrl: string | undefined, deps: AddressSaveDeps): Promise<SavedPaper | null> {
  let record: SavedPaper | null = null;
  await saveLink(url, pageUrl, {
    resolve: (target) => deps.links.resolve(target),
    save: async (paper, savedFrom, complete) => {
      record = await saveAndTell(db, deps.broadcast, paper, savedFrom, !complete);
    },
  });
  return record;
}

/**
 * Save the paper a tab's address names, saved from that address. Rejects with NoPaperError, saving nothing, for an
 * address that names none.
 */
export async function saveTabPaper(db: Database, url: string, deps: AddressSaveDeps): Promise<SavedPaper> {
  return namedPaper(await saveAddressed(db, url, url, deps));
}
