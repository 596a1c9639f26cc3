// When a saved paper's star count was read (Paper.githubStarsAt): stamped by the save that read it, carried with the
// count through every merge (the count read later wins where both copies say when), kept by backups (format 5), not
// believed from the future. The popup names that day, not the first save's (repo-figures.ts, RepoBadge.tsx).
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { makePaper } from '../../test/unit/paper-factory';
import { openDatabase, putPapers, listPapers } from './reading-list';
import { mergeSamePaper } from './same-paper';
import { mergeDuplicates } from '../core/merge-duplicates';
import { exportPapers } from '../core/export/formats';
import { mergeImport, parseImport } from '../core/export/import';
import { shownStars } from '../popup/repo-figures';
import type { Paper } from '../core/paper';
import type { SavedPaper } from './schema';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

const NOW = Date.UTC(2026, 11, 4);
const DAY = 86_400_000;
const stars = (githubStars: number, githubStarsAt?: number): Partial<Paper> => ({ githubStars, ...(githubStarsAt !== undefined ? { githubStarsAt } : {}) });
const record = (id: string, paper: Partial<Paper>, overrides: Partial<SavedPaper> = {}): SavedPaper => ({
  id,
  paper: makePaper({ id, ...paper }),
  status: 'to-read',
  tags: [],
  note: '',
  savedFrom: 'https://huggingface.co/papers',
  savedAt: NOW - 100 * DAY,
  updatedAt: NOW - 100 * DAY,
  ...overrides,
});

describe('githubStarsAt through merges', () => {
  it('two copies of one paper (the database upgrades, a backup with a paper twice): the count read later, with its day', () => {
    const listed = record('arxiv:2607.00001', stars(300, NOW - DAY));
    const edited = record('arxiv:2607.00001', stars(100, NOW - 50 * DAY), { note: 'edited later', updatedAt: NOW });
    expect(mergeSamePaper('arxiv:2607.00001', listed, edited)).toMatchObject({ note: 'edited later', paper: { githubStars: 300, githubStarsAt: NOW - DAY } });
  });

  it("the reader's merge of duplicates keeps the count read later", () => {
    const keep = record('arxiv:2607.00001', stars(100, NOW - 50 * DAY));
    const other = record('doi:10.1145/2', stars(300, NOW - DAY));
    expect(mergeDuplicates(keep, [other], NOW).paper).toMatchObject({ githubStars: 300, githubStarsAt: NOW - DAY });
  });
});

describe('githubStarsAt in backups', () => {
  it('a backup (format 5) keeps it, and an import over the list keeps the count read later', async () => {
    const saved = [record('arxiv:2607.00001', stars(100, NOW - 50 * DAY), { note: 'edited', updatedAt: NOW - DAY }), record('arxiv:2607.00002', stars(7))];
    const { text } = await exportPapers(saved, 'json', { now: NOW });
    expect(JSON.parse(text).version).toBe(5);
    const parsed = await parseImport(text, 'backup.json');
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.records).toStrictEqual(saved);
    // The list's copy was saved again 10 days ago with a newer count; the backup's has the newer note.
    const inList = new Map([[saved[0]!.id, record('arxiv:2607.00001', stars(300, NOW - 10 * DAY), { updatedAt: NOW - 20 * DAY })]]);
    expect(mergeImport(inList, parsed, NOW).upserts.find((r) => r.id === saved[0]!.id)).toMatchObject({ note: 'edited', paper: { githubStars: 300, githubStarsAt: NOW - 10 * DAY } });
  });

  it('a count read in the future is not believed: the count comes in, its day unknown', async () => {
    const planted = record('arxiv:2607.00003', stars(999_999, NOW + 10 * DAY), { updatedAt: NOW - 1000 });
    const parsed = await parseImport((await exportPapers([planted], 'json', { now: NOW })).text, 'backup.json');
    if (!parsed.ok) throw new Error(parsed.error);
    const [added] = mergeImport(new Map(), parsed, NOW).upserts;
    expect(added!.paper.githubStars).toBe(999_999);
    expect(added!.paper).not.toHaveProperty('githubStarsAt');
  });

  it('a record kept with it is read back as it is', async () => {
    const db = await openDatabase();
    await putPapers(db, [record('arxiv:2607.00004', stars(42, NOW - DAY))]);
    expect((await listPapers(db))[0]!.paper).toMatchObject({ githubStars: 42, githubStarsAt: NOW - DAY });
  });
});

describe("the popup's choice between GitHub's answer and the saved count", () => {
  const github = (fetchedAt: number) => new Map([['lab/model', { stars: 250, archived: false, notFound: false, fetchedAt }]]);

  it("shows the saved count where it was read after GitHub's answer, though the first save was before it", () => {
    const again = record('arxiv:2607.00005', { githubRepos: ['lab/model'], ...stars(300, NOW - DAY) });
    expect(shownStars(again, github(NOW - 5 * DAY))).toEqual({ stars: 300, github: null });
    expect(shownStars(again, github(NOW))).toMatchObject({ stars: 250 });
  });

  it('a count of unknown day counts from the first save, as before', () => {
    const old = record('arxiv:2607.00006', { githubRepos: ['lab/model'], ...stars(300) });
    expect(shownStars(old, github(NOW - 5 * DAY))).toMatchObject({ stars: 250 });
    expect(shownStars(old, github(NOW - 200 * DAY))).toEqual({ stars: 300, github: null });
  });
});
