// When the reader last set a paper's status (`statusAt`): set by a save and by a change of status, carried by every
// merge with the status it belongs to, kept by backups, not believed from the future.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { makePaper } from '../../test/unit/paper-factory';
import { editPaper, editPapers, listPapers, openDatabase, savePaper } from './reading-list';
import { mergeSamePaper } from './same-paper';
import { mergeDuplicates } from '../core/merge-duplicates';
import { exportPapers } from '../core/export/formats';
import { mergeImport, parseImport } from '../core/export/import';
import type { SavedPaper } from './schema';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

const from = 'https://arxiv.org/list/cs.LG/new';
const record = (id: string, overrides: Partial<SavedPaper>): SavedPaper => ({
  id,
  paper: makePaper({ id }),
  status: 'to-read',
  tags: [],
  note: '',
  savedFrom: from,
  savedAt: 1000,
  updatedAt: 1000,
  ...overrides,
});

describe('statusAt in the list', () => {
  it('is the save, then each change of status; a save again, a tag or a note leave it', async () => {
    const db = await openDatabase();
    expect((await savePaper(db, makePaper(), { savedFrom: from, now: 100 })).statusAt).toBe(100);
    expect((await savePaper(db, makePaper(), { savedFrom: from, now: 150 })).statusAt).toBe(100);
    expect((await editPaper(db, 'arxiv:2607.01234', { tags: ['moe'], note: 'n' }, 200))!.statusAt).toBe(100);
    expect((await editPaper(db, 'arxiv:2607.01234', { status: 'reading' }, 300))!.statusAt).toBe(300);
    expect((await editPaper(db, 'arxiv:2607.01234', { status: 'reading', note: 'm' }, 400))!.statusAt).toBe(300); // the same status
    await editPapers(db, ['arxiv:2607.01234'], { status: 'done' }, 500);
    expect((await listPapers(db))[0]).toMatchObject({ status: 'done', statusAt: 500, updatedAt: 500 });
  });
});

describe('statusAt through merges', () => {
  it('two copies made one (schema upgrades, imports): the newer edit gives the status and its time', () => {
    const a = record('arxiv:2607.00001', { status: 'done', statusAt: 700, updatedAt: 900 });
    const b = record('arxiv:2607.00001', { status: 'reading', statusAt: 800, updatedAt: 850 });
    expect(mergeSamePaper('arxiv:2607.00001', b, a)).toMatchObject({ status: 'done', statusAt: 700 });
    // The newer copy's time unknown (an older build's): unknown, not the other copy's, which belongs to another status...
    const { statusAt: _unknown, ...timeless } = a;
    expect(mergeSamePaper('arxiv:2607.00001', b, { ...timeless, updatedAt: 990 })).not.toHaveProperty('statusAt');
    // ...unless that copy has the same status: its time is as true of the merged record.
    expect(mergeSamePaper('arxiv:2607.00001', { ...b, status: 'done', statusAt: 650 }, { ...timeless, updatedAt: 990 })).toMatchObject({ status: 'done', statusAt: 650 });
  });

  it('the reader\'s merge of duplicates: the time of the further status, the earlier of two the same', () => {
    const keep = record('arxiv:2607.00001', { status: 'reading', statusAt: 600 });
    const done = record('doi:10.1145/1', { status: 'done', statusAt: 800 });
    expect(mergeDuplicates(keep, [done], 2000)).toMatchObject({ status: 'done', statusAt: 800 });
    const doneToo = record('doi:10.1145/2', { status: 'done', statusAt: 750 });
    expect(mergeDuplicates({ ...keep, status: 'done', statusAt: 900 }, [doneToo], 2000)).toMatchObject({ status: 'done', statusAt: 750 });
  });
});

describe('statusAt in backups', () => {
  const NOW = Date.UTC(2026, 11, 3);

  it('a backup keeps it, and an import takes it with the newer edit\'s status', async () => {
    const saved = [record('arxiv:2607.00001', { status: 'done', statusAt: NOW - 5000, updatedAt: NOW - 4000 }), record('arxiv:2607.00002', {})];
    const { text } = await exportPapers(saved, 'json', { now: NOW });
    const parsed = await parseImport(text, 'backup.json');
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.records).toStrictEqual(saved);
    const inList = new Map([[saved[0]!.id, { ...saved[0]!, status: 'reading' as const, statusAt: NOW - 9000, updatedAt: NOW - 8000 }]]);
    expect(mergeImport(inList, parsed, NOW).upserts.find((r) => r.id === saved[0]!.id)).toMatchObject({ status: 'done', statusAt: NOW - 5000 });
    // A format-2 backup (no status times) with a newer edit of a paper of the same status: the list's time stays.
    const { statusAt: _none, ...older } = saved[0]!;
    const v2 = JSON.stringify({ format: 'papershelf-backup', version: 2, exportedAt: new Date(NOW).toISOString(), papers: [{ ...older, note: 'edited', updatedAt: NOW - 100 }] });
    const fromV2 = await parseImport(v2, 'old-backup.json');
    if (!fromV2.ok) throw new Error(fromV2.error);
    const listed = new Map([[saved[0]!.id, saved[0]!]]);
    expect(mergeImport(listed, fromV2, NOW).upserts[0]).toMatchObject({ status: 'done', note: 'edited', statusAt: NOW - 5000 });
  });

  it('a status time in the future is not believed: the status comes in, its time unknown', async () => {
    const planted = record('arxiv:2607.00003', { status: 'done', statusAt: NOW + 10 * 86_400_000, updatedAt: NOW - 1000 });
    const parsed = await parseImport((await exportPapers([planted], 'json', { now: NOW })).text, 'backup.json');
    if (!parsed.ok) throw new Error(parsed.error);
    const [added] = mergeImport(new Map(), parsed, NOW).upserts;
    expect(added).toMatchObject({ status: 'done', updatedAt: NOW - 1000 });
    expect(added).not.toHaveProperty('statusAt');
  });

  it('a paper new from a citation file is saved now, to read, from now', async () => {
    const bib = '@article{x, title={A Paper From a BibTeX File}, author={Lovelace, Ada}, year={2024}, eprint={2401.12345}, archivePrefix={arXiv}}';
    const parsed = await parseImport(bib, 'refs.bib');
    if (!parsed.ok) throw new Error(parsed.error);
    expect(mergeImport(new Map(), parsed, NOW).upserts[0]).toMatchObject({ status: 'to-read', savedAt: NOW, updatedAt: NOW, statusAt: NOW });
  });

  it('CSV writes it as its last column, empty where unknown', async () => {
    const { text } = await exportPapers([record('arxiv:2607.00001', { status: 'done', statusAt: Date.UTC(2026, 10, 2) }), record('arxiv:2607.00002', {})], 'csv', { now: NOW });
    const [head, first, second] = text.replace('\uFEFF', '').split('\r\n');
    expect(head!.split(',').at(-1)).toBe('status_at');
    expect(first!.endsWith(',2026-11-02T00:00:00.000Z')).toBe(true);
    expect(second!.endsWith(',')).toBe(true);
  });
});
