import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { makePaper } from '../../test/unit/paper-factory';
import { area, savedRecord } from '../../test/unit/relevance-data';
import { editPaper, openDatabase, putPapers, rebuildRelevance, removePaper, savePaper, type Database } from '../storage/reading-list';
import { createRelevanceService, type IndexSource } from './relevance';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

const rl = area('rl');
const graphs = area('graphs');
const page = [...rl.slice(15, 40), ...graphs.slice(15, 40), ...area('speech-audio').slice(0, 20)];
const record = savedRecord;
const FROM = { savedFrom: 'https://x.example/' };

/** A service over `db` that records how it built its index, and never stores one unasked. */
function service(db: Database) {
  const builds: IndexSource[] = [];
  const relevance = createRelevanceService(async () => db, { snapshotDelay: 3_600_000, onBuilt: (source) => builds.push(source) });
  return { relevance, builds, marks: () => relevance.score(page) };
}

/** What a background that started now would mark: the index built from every row, no snapshot read. */
async function fromRows(db: Database) {
  const fresh = service(db);
  await db.delete('snapshots', 'relevance-index');
  const marks = await fresh.marks();
  expect(fresh.builds).toEqual(['rows']);
  return marks;
}

describe('the relevance index in the background', () => {
  it('after saves, removals and tag edits reads only the rows they wrote, and marks as a fresh build would', async () => {
    const db = await openDatabase();
    await putPapers(db, rl.slice(0, 8).map(record));
    const s = service(db);
    const before = await s.marks();
    expect(s.builds).toEqual(['rows']);
    expect(before.length).toBeGreaterThan(0);

    for (const c of graphs.slice(0, 10)) await savePaper(db, makePaper({ id: c.id, title: c.title, abstract: c.abstract, githubRepos: [] }), FROM);
    await removePaper(db, rl[0]!.id);
    await editPaper(db, rl[1]!.id, { addTags: ['graph neural networks'] });
    await editPaper(db, rl[2]!.id, { status: 'done' }); // no row written
    const after = await s.marks();
    expect(s.builds).toEqual(['rows', 'update']);
    expect(after).toEqual(await fromRows(db));
    // The graph papers saved since now bring graph cards up.
    const graphIds = (marks: { id: string }[]) => marks.filter((m) => m.id.includes('graphs')).length;
    expect(graphIds(after)).toBeGreaterThan(graphIds(before));
  });

  it('a background that starts again reads the stored index, not the rows, and marks the same', async () => {
    const db = await openDatabase();
    await putPapers(db, [...rl.slice(0, 10), ...graphs.slice(0, 5)].map(record));
    const first = service(db);
    const marks = await first.marks();
    expect(await first.relevance.writeSnapshot()).toBe(true);
    expect(await first.relevance.writeSnapshot()).toBe(false); // nothing waiting

    const again = service(db);
    expect(await again.marks()).toEqual(marks);
    expect(again.builds).toEqual(['snapshot']);
    // Then a save: the started one reads that row alone.
    await savePaper(db, makePaper({ id: graphs[5]!.id, title: graphs[5]!.title, abstract: graphs[5]!.abstract, githubRepos: [] }), FROM);
    const updated = await again.marks();
    expect(again.builds).toEqual(['snapshot', 'update']);
    expect(updated).toEqual(await fromRows(db));
  });

  it('never reads a stored index of another generation: after any write to a row, one started again reads the rows', async () => {
    const db = await openDatabase();
    await putPapers(db, rl.slice(0, 10).map(record));
    const writes: ((db: Database) => Promise<unknown>)[] = [
      (d) => savePaper(d, makePaper({ id: graphs[0]!.id, title: graphs[0]!.title, abstract: graphs[0]!.abstract, githubRepos: [] }), FROM),
      (d) => removePaper(d, rl[3]!.id),
      (d) => editPaper(d, rl[4]!.id, { tags: ['offline rl'] }),
      (d) => rebuildRelevance(d),
    ];
    for (const write of writes) {
      const s = service(db);
      await s.marks();
      expect(await s.relevance.writeSnapshot()).toBe(s.builds[0] !== 'snapshot'); // stored once built from rows
      await write(db);
      const again = service(db);
      const marks = await again.marks();
      expect(again.builds).toEqual(['rows']);
      expect(marks).toEqual(await fromRows(db));
    }
    // A status edit writes no row: the stored index stays the list's.
    const s = service(db);
    await s.marks();
    await s.relevance.writeSnapshot();
    await editPaper(db, rl[5]!.id, { status: 'reading' });
    const again = service(db);
    await again.marks();
    expect(again.builds).toEqual(['snapshot']);
  });

  it('stores the index brought up to date with a write that came after its build, not the one it overtook; reads the rows when the stored one is damaged', async () => {
    const db = await openDatabase();
    await putPapers(db, rl.slice(0, 10).map(record));
    const s = service(db);
    await s.marks();
    await removePaper(db, rl[0]!.id); // after the build, before the store
    expect(await s.relevance.writeSnapshot()).toBe(true);
    expect(s.builds).toEqual(['rows', 'update']); // the removed paper's row read, no page asking
    expect(await db.get('snapshots', 'relevance-index')).toMatchObject({ token: ((await db.get('meta', 'list-generation')) as { token: string }).token });
    const restarted = service(db);
    const marks = await restarted.marks();
    expect(restarted.builds).toEqual(['snapshot']);
    expect(await s.relevance.writeSnapshot()).toBe(false); // nothing new to store
    const stored = (await db.get('snapshots', 'relevance-index')) as { index: Blob };
    await db.put('snapshots', { ...stored, index: stored.index.slice(0, stored.index.size - 1) } as never); // a byte short
    const again = service(db);
    expect(await again.marks()).toEqual(marks);
    expect(again.builds).toEqual(['rows']);
    expect(marks).toEqual(await fromRows(db));
  });

  it('after saves with no page asking, stores the index brought up to date once they stop: a restarted worker reads it, not the rows', async () => {
    const db = await openDatabase();
    await putPapers(db, rl.slice(0, 8).map(record));
    const builds: IndexSource[] = [];
    const relevance = createRelevanceService(async () => db, { snapshotDelay: 50, onBuilt: (source) => builds.push(source) });
    await relevance.score(page);
    const token = async () => ((await db.get('meta', 'list-generation')) as { token: string }).token;
    await vi.waitFor(async () => expect(await db.get('snapshots', 'relevance-index')).toMatchObject({ token: await token() }));
    // A reader saves three papers from the page (no new request), then reads one for a while.
    for (const c of graphs.slice(0, 3)) {
      await savePaper(db, makePaper({ id: c.id, title: c.title, abstract: c.abstract, githubRepos: [] }), FROM);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await vi.waitFor(async () => expect(await db.get('snapshots', 'relevance-index')).toMatchObject({ token: await token() }));
    expect(builds).toEqual(['rows', 'update']); // once, after the last save
    const restarted = service(db);
    const marks = await restarted.marks();
    expect(restarted.builds).toEqual(['snapshot']);
    expect(marks).toEqual(await fromRows(db));
  });

  it('stores the index a part at a time, yielding between the parts, so a save is not held behind one long copy', async () => {
    const db = await openDatabase();
    await putPapers(db, [...rl.slice(0, 30), ...graphs.slice(0, 30)].map(record));
    let pauses = 0;
    const relevance = createRelevanceService(async () => db, { snapshotDelay: 3_600_000, pause: async () => void pauses++ });
    await relevance.score(page);
    const before = pauses;
    expect(await relevance.writeSnapshot()).toBe(true);
    const stored = (await db.get('snapshots', 'relevance-index')) as { index: Blob };
    expect(stored.index).toBeInstanceOf(Blob);
    // One pause after packing, one after each part of at most 256 kB (packedBytes).
    expect(pauses - before).toBeGreaterThanOrEqual(1 + Math.ceil(stored.index.size / (256 * 1024)));
    expect(pauses - before).toBeGreaterThan(2);
  });

  it('assembles the index after a save a step at a time, pausing between the steps, and marks as one build at once would', async () => {
    const db = await openDatabase();
    await putPapers(db, [...rl.slice(0, 20), ...graphs.slice(0, 20)].map(record));
    const pausesOfAnUpdate = async (docsPerStep: number) => {
      let pauses = 0;
      const relevance = createRelevanceService(async () => db, { snapshotDelay: 3_600_000, docsPerStep, pause: async () => void pauses++ });
      await relevance.score(page);
      await savePaper(db, makePaper({ id: `x:${docsPerStep}`, title: 'Offline reinforcement learning', abstract: null, githubRepos: [] }), FROM);
      const before = pauses;
      const marks = await relevance.score(page);
      return { pauses: pauses - before, marks };
    };
    const whole = await pausesOfAnUpdate(1_000_000);
    const stepped = await pausesOfAnUpdate(5);
    expect(stepped.pauses - whole.pauses).toBeGreaterThanOrEqual(2 * Math.floor(42 / 5));
    expect(stepped.marks).toEqual(await fromRows(db));
  });

  it('pauses while it works out the page\'s weights (a lookup sent with a page\'s request is not held behind them), and marks alike', async () => {
    const db = await openDatabase();
    await putPapers(db, [...rl.slice(0, 20), ...graphs.slice(0, 20)].map(record));
    const pausesOfARequest = async (weightsSliceMs: number) => {
      let pauses = 0;
      const relevance = createRelevanceService(async () => db, { snapshotDelay: 3_600_000, weightsSliceMs, pause: async () => void pauses++ });
      await relevance.score(page); // the index built
      const before = pauses;
      const marks = await relevance.score(page);
      return { pauses: pauses - before, marks };
    };
    const whole = await pausesOfARequest(Infinity);
    const sliced = await pausesOfARequest(0);
    expect(sliced.pauses - whole.pauses).toBeGreaterThanOrEqual(1); // 40 papers: the one step after the page's idf
    expect(sliced.marks).toEqual(whole.marks);
    expect(whole.marks.length).toBeGreaterThan(0);
  });

  it('after an import, reads and indexes the imported papers a slice at a time, pausing between slices', async () => {
    const pausesOfAnImport = async (rowsPerRead: number) => {
      const db = await openDatabase(`import-${rowsPerRead}`);
      await putPapers(db, rl.slice(0, 5).map(record));
      let pauses = 0;
      const relevance = createRelevanceService(async () => db, { snapshotDelay: 3_600_000, rowsPerRead, docsPerStep: 1_000_000, pause: async () => void pauses++ });
      await relevance.score(page);
      await putPapers(db, [...rl.slice(5, 25), ...graphs.slice(0, 20)].map(record)); // 40 papers in one write
      const before = pauses;
      const marks = await relevance.score(page);
      expect(marks).toEqual(await fromRows(db));
      return pauses - before;
    };
    // 40 rows: 10 reads of 4 (a pause between two) and 10 slices indexed (a pause after each).
    expect((await pausesOfAnImport(4)) - (await pausesOfAnImport(1_000_000))).toBe(40 / 4 - 1 + 40 / 4);
  });

  it('stores the index by itself a moment after a build', async () => {
    const db = await openDatabase();
    await putPapers(db, rl.slice(0, 6).map(record));
    const relevance = createRelevanceService(async () => db, { snapshotDelay: 20 });
    await relevance.score(page);
    expect(await db.get('snapshots', 'relevance-index')).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await db.get('snapshots', 'relevance-index')).toMatchObject({ token: ((await db.get('meta', 'list-generation')) as { token: string }).token });
  });

  it('reads every row a slice at a time; a save between two slices is in the next request\'s index, and that index is stored', async () => {
    const db = await openDatabase();
    await putPapers(db, [...rl.slice(0, 12), ...graphs.slice(0, 8)].map(record));
    let pauses = 0;
    const builds: IndexSource[] = [];
    const relevance = createRelevanceService(async () => db, {
      snapshotDelay: 3_600_000,
      rowsPerRead: 4,
      onBuilt: (source) => builds.push(source),
      pause: async () => {
        if (pauses++ === 0) await savePaper(db, makePaper({ id: graphs[20]!.id, title: graphs[20]!.title, abstract: graphs[20]!.abstract, githubRepos: [] }), FROM);
      },
    });
    await relevance.score(page);
    expect(pauses).toBeGreaterThan(2);
    // Rows of no one generation: stored only once the save's row is read again.
    expect(await relevance.writeSnapshot()).toBe(true);
    expect(builds).toEqual(['rows', 'update']);
    const marks = await relevance.score(page);
    expect(builds).toEqual(['rows', 'update']);
    const restarted = service(db);
    expect(await restarted.marks()).toEqual(marks);
    expect(restarted.builds).toEqual(['snapshot']);
    expect(marks).toEqual(await fromRows(db));
  });
});
