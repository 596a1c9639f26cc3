import { describe, expect, it } from 'vitest';
import { makePaper } from '../../test/unit/paper-factory';
import { RECORD_LIMITS } from './limits';
import { mergeSamePaper } from './same-paper';
import type { SavedPaper } from './schema';

const record = (id: string, fields: Partial<SavedPaper> = {}): SavedPaper => ({
  id,
  paper: makePaper({ id }),
  status: 'to-read',
  tags: [],
  note: '',
  savedFrom: `https://example.org/${id}`,
  savedAt: 10,
  updatedAt: 20,
  ...fields,
});

describe('mergeSamePaper', () => {
  it('a tie goes to the first copy; the same note (up to white space) is kept once; an empty note never adds a gap', () => {
    const a = record('aclanthology:P17-1001', { status: 'reading', note: 'same note', tags: ['x'] });
    const b = record('doi:10.18653/v1/p17-1001', { status: 'done', note: 'same note \n', tags: ['X', 'y'] });
    const merged = mergeSamePaper('aclanthology:P17-1001', a, b);
    expect(merged).toMatchObject({ id: 'aclanthology:P17-1001', status: 'reading', note: 'same note', tags: ['x', 'y'] });
    expect(merged.paper.id).toBe('aclanthology:P17-1001');
    expect(mergeSamePaper('i:1', record('i:1', { note: '' }), record('i:2', { note: 'only here', updatedAt: 30 })).note).toBe('only here');
    expect(mergeSamePaper('i:1', record('i:1', { note: 'only here' }), record('i:2', { note: '  ', updatedAt: 30 })).note).toBe('only here');
  });

  it('keeps the earlier save and its page, skipping unknown (0) save times, and the later edit time', () => {
    const a = record('i:1', { savedAt: 0, savedFrom: '', updatedAt: 50 });
    const b = record('i:2', { savedAt: 30, updatedAt: 40 });
    expect(mergeSamePaper('i:1', a, b)).toMatchObject({ savedAt: 30, savedFrom: 'https://example.org/i:2', updatedAt: 50 });
    const c = record('i:3', { savedAt: 5, savedFrom: '' });
    expect(mergeSamePaper('i:1', b, c)).toMatchObject({ savedAt: 5, savedFrom: 'https://example.org/i:2' });
  });

  it('tags beyond the 100 a record may hold go into the note, not away', () => {
    const a = record('i:1', { tags: Array.from({ length: 60 }, (_, i) => `a${i}`), note: 'mine', updatedAt: 30 });
    const b = record('i:2', { tags: Array.from({ length: 60 }, (_, i) => `b${i}`) });
    const merged = mergeSamePaper('i:1', a, b);
    expect(merged.tags).toHaveLength(100);
    expect(merged.tags.slice(0, 60)).toEqual(a.tags);
    expect(merged.note).toBe(`mine\n\nTags: ${b.tags.slice(40).join(', ')}`);
  });

  it('two notes that together pass the limit keep the newer one whole and say how much of the rest was cut', () => {
    const newer = record('i:1', { note: `new ${'n'.repeat(69_000)}`, updatedAt: 30 });
    const older = record('i:2', { note: `old ${'o'.repeat(59_000)}` });
    const merged = mergeSamePaper('i:1', newer, older);
    expect(merged.note.length).toBeLessThanOrEqual(RECORD_LIMITS.note);
    expect(merged.note.startsWith(`${newer.note}\n\nold `)).toBe(true);
    const cut = Number(/\[([\d,]+) more characters did not fit/.exec(merged.note)![1]!.replace(/,/g, ''));
    const kept = merged.note.slice(0, merged.note.lastIndexOf('\n\n['));
    expect(kept.length + cut).toBe(newer.note.length + 2 + older.note.length);
    // Never half a character.
    const astral = mergeSamePaper('i:1', record('i:1', { note: '😀'.repeat(35_000), updatedAt: 30 }), record('i:2', { note: '😀'.repeat(35_000) + '!' }));
    expect(astral.note.length).toBeLessThanOrEqual(RECORD_LIMITS.note);
    expect(astral.note).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it('keeps the higher version whichever copy is newer, and a DOI only one copy has', () => {
    const a = record('arxiv:2607.01234', { paper: makePaper({ version: 5, doi: null }), updatedAt: 10 });
    const b = record('arxiv:2607.01234', { paper: makePaper({ version: 2, doi: '10.1145/3292500.3330701' }), updatedAt: 30 });
    expect(mergeSamePaper('arxiv:2607.01234', a, b).paper).toMatchObject({ version: 5, doi: '10.1145/3292500.3330701' });
  });

  it("keeps a date's more precise form whichever copy is newer (a proceedings year seen after arXiv's day)", () => {
    const dated = (published: string | null, updatedAt: number) => record('arxiv:2607.01234', { paper: makePaper({ published }), updatedAt });
    expect(mergeSamePaper('arxiv:2607.01234', dated('2019-07-21', 10), dated('2019', 30)).paper.published).toBe('2019-07-21');
    expect(mergeSamePaper('arxiv:2607.01234', dated('2019', 10), dated('2019-07', 30)).paper.published).toBe('2019-07');
    // Two different dates: the newer copy's, as before.
    expect(mergeSamePaper('arxiv:2607.01234', dated('2019-07-21', 10), dated('2020', 30)).paper.published).toBe('2020');
  });

  it('does not throw on a damaged record', () => {
    const damaged = { ...record('i:2'), paper: undefined, tags: undefined, note: undefined } as unknown as SavedPaper;
    const merged = mergeSamePaper('i:1', record('i:1'), damaged);
    expect(merged.paper.id).toBe('i:1');
    expect(merged.paper.title).toBe(makePaper().title);
    const oddDate = { ...record('i:2'), paper: { ...makePaper(), published: 2019 } } as unknown as SavedPaper;
    expect(mergeSamePaper('i:1', record('i:1', { updatedAt: 30 }), oddDate).paper.published).toBe(makePaper().published);
  });
});
