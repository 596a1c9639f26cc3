import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { makePaper } from '../../test/unit/paper-factory';
import { MARKUP } from '../../test/unit/robustness/payloads';
import { SavedPaperSchema } from '../background/messages';
import { RECORD_LIMITS } from '../storage/limits';
import type { SavedPaper } from '../storage/schema';
import { duplicateTitleKey, findDuplicates, idRank, keepOrder, prepareDuplicateKeys, surnameKey } from './duplicates';
import { mergeDuplicates, MergeRefusedError } from './merge-duplicates';
import type { Paper } from './paper';

const TITLE = 'Rethinking Attention for Dense Prediction';

const record = (id: string, fields: Partial<SavedPaper> = {}, paper: Partial<Paper> = {}): SavedPaper => ({
  id,
  paper: makePaper({ id, title: TITLE, authors: ['Ada Lovelace', 'Alan Turing'], url: null, pdfUrl: null, ...paper }),
  status: 'to-read',
  tags: [],
  note: '',
  savedFrom: 'https://openaccess.thecvf.com/CVPR2024',
  savedAt: 1000,
  updatedAt: 1000,
  ...fields,
});
const ids = (groups: SavedPaper[][]) => groups.map((group) => group.map((r) => r.id));

// Stop 37's build saved a CVPR paper from its CVF page, and again from dblp under its IEEE DOI.
const cvf = record('cvf:CVPR2024/html/Lovelace_Rethinking_Attention_CVPR_2024_paper', { savedAt: 1000, updatedAt: 1000 });
const doi = record('doi:10.1109/cvpr52733.2024.00123', { savedAt: 2000, updatedAt: 2000 }, { title: 'Rethinking attention for dense prediction.', authors: ['A. Lovelace', 'G. Hopper'] });

describe('findDuplicates', () => {
  it('groups two records of one paper saved under ids that name nothing of each other, by title and a shared surname', () => {
    const other = record('arxiv:2401.00001', {}, { title: 'Something else entirely, at length' });
    expect(ids(findDuplicates([other, cvf, doi]))).toEqual([[doi.id, cvf.id]]);
  });

  it('compares titles as imports do (case, punctuation, TeX, accents) and surnames likewise', () => {
    const a = record('import:a', {}, { title: 'Sch{\\"o}n: Sparse $\\ell_1$ Recovery at Scale', authors: ['M\\"uller, Jan'] });
    const b = record('import:b', {}, { title: 'Schön — sparse \\ell₁ recovery at scale', authors: ['Jan Müller Jr.'] });
    expect(duplicateTitleKey(a.paper.title)).toBe(duplicateTitleKey(b.paper.title));
    expect(surnameKey('M\\"uller, Jan')).toBe(surnameKey('Jan Müller Jr.'));
    expect(ids(findDuplicates([a, b]))).toEqual([['import:a', 'import:b']]);
    // arXiv keeps a title's TeX; NeurIPS' page has the letter.
    const arxiv = record('arxiv:1606.05579', {}, { title: '$\\beta$-VAE: Learning Basic Visual Concepts' });
    const venue = record('neurips:2017/0123456789abcdef0123456789abcdef', {}, { title: 'β-VAE: Learning Basic Visual Concepts' });
    expect(ids(findDuplicates([venue, arxiv]))).toEqual([[arxiv.id, venue.id]]);
    // A listing that spells the letter out is the same paper; a name inside a word (AlphaFold) is no letter.
    const spelled = record('import:beta-vae', {}, { title: 'Beta-VAE: Learning Basic Visual Concepts' });
    expect(ids(findDuplicates([venue, arxiv, spelled]))).toEqual([[arxiv.id, venue.id, spelled.id]]);
    const fold = record('import:alphafold', {}, { title: 'AlphaFold: Accurate Protein Structure Prediction' });
    const letter = record('import:alpha-fold', {}, { title: 'α-Fold: Accurate Protein Structure Prediction' });
    expect(findDuplicates([fold, letter])).toEqual([]);
  });

  it('reads a surname alike in either order, with particles, "Given Family, Jr." and dblp\'s homonym number', () => {
    for (const [a, b] of [
      ['van der Maaten, Laurens', 'Laurens van der Maaten'],
      ['King, Martin Luther', 'Martin Luther King, Jr.'],
      ['Wang, Wei', 'Wei Wang 0001'],
      ['Hinton, Geoffrey E.', 'G. E. Hinton'],
    ]) {
      expect(surnameKey(a!), `${a} / ${b}`).toBe(surnameKey(b!));
    }
    // One author alone, imported from BibTeX and saved from arXiv: one paper.
    const bib = record('import:vdm14', {}, { title: 'Accelerating t-SNE using Tree-Based Algorithms', authors: ['van der Maaten, Laurens'] });
    const arxiv = record('arxiv:1301.3342', {}, { title: 'Accelerating t-SNE using tree-based algorithms', authors: ['Laurens van der Maaten'] });
    expect(ids(findDuplicates([bib, arxiv]))).toEqual([['arxiv:1301.3342', 'import:vdm14']]);
  });

  it('the same title with no surname in common is two papers; so is one with authors and one without', () => {
    const other = record('doi:10.1/x', {}, { authors: ['Grace Hopper'] });
    const none = record('doi:10.1/y', {}, { authors: [] });
    expect(findDuplicates([cvf, other, none])).toEqual([]);
  });

  it('groups two records of one title that name no authors at all', () => {
    const a = record('import:a', {}, { authors: [] });
    const b = record('import:b', {}, { authors: [] });
    expect(ids(findDuplicates([a, b]))).toEqual([['import:a', 'import:b']]);
  });

  it('a short title ("Introduction", front matter) groups nothing by itself', () => {
    const a = record('dblp:conf/x/Intro1', {}, { title: 'Introduction', authors: [] });
    const b = record('dblp:conf/y/Intro2', {}, { title: 'Introduction.', authors: [] });
    const c = record('dblp:conf/z/Toc', {}, { title: 'Table of Contents', authors: ['Ada Lovelace'] });
    const d = record('dblp:conf/w/Toc', {}, { title: 'Table of contents', authors: ['Ada Lovelace'] });
    expect(findDuplicates([a, b, c, d])).toEqual([]);
  });

  it("groups records where one's id or alias is another's id or alias (a backup restored as given), whatever their titles", () => {
    const a = record('cvf:A', {}, { title: 'One', aliases: ['dblp:conf/cvpr/A24'] });
    const b = record('dblp:conf/cvpr/A24', {}, { title: 'Two' });
    const c = record('pmlr:v1/c', {}, { title: 'Three', aliases: ['openreview:XYZ'] });
    const d = record('neurips:2024/abc', {}, { title: 'Four', aliases: ['openreview:XYZ'] });
    // A paper's own DOI is one of its ids too.
    const e = record('arxiv:2401.00002', {}, { title: 'Five', doi: '10.1109/tpami.2025.1' });
    const f = record('doi:10.1109/tpami.2025.1', {}, { title: 'Six' });
    expect(ids(findDuplicates([a, b, c, d, e, f]))).toEqual([['cvf:A', 'dblp:conf/cvpr/A24'], ['pmlr:v1/c', 'neurips:2024/abc'], ['arxiv:2401.00002', 'doi:10.1109/tpami.2025.1']]);
  });

  it('one group holds every copy linked to another, by id or by title', () => {
    const dblp = record('dblp:conf/cvpr/Lovelace24', { savedAt: 500 }, { title: 'A title of its own, long enough', aliases: [doi.id] });
    expect(ids(findDuplicates([dblp, cvf, doi]))).toEqual([[doi.id, cvf.id, dblp.id]]);
  });

  it('orders each group by the id to keep (arXiv, DOI, venue, site key, import), then the earlier save', () => {
    const ranked = ['arxiv:2401.00001', 'doi:10.1/x', 'aclanthology:P17-1001', 'pmlr:v1/x', 'neurips:2024/x', 'cvf:x', 'openreview:x', 'dblp:x', 'import:x'];
    expect([...ranked].reverse().sort((a, b) => idRank(a) - idRank(b))).toEqual(ranked);
    expect(idRank('scholar:x')).toBe(idRank('dblp:x'));
    const early = record('cvf:early', { savedAt: 10 });
    const late = record('cvf:a-late', { savedAt: 20 });
    const unknown = record('cvf:an-unknown', { savedAt: 0 }); // a save time no build knew
    expect([unknown, late, early].sort(keepOrder).map((r) => r.id)).toEqual(['cvf:early', 'cvf:a-late', 'cvf:an-unknown']);
  });

  it('hostile titles, authors and ids are keys like any other, never an object property', () => {
    const titles = [...MARKUP, '__proto__ constructor prototype hasOwnProperty'];
    const records = titles.flatMap((title, i) => [
      record(`import:a${i}`, {}, { title, authors: ['__proto__', 'constructor, toString'] }),
      record(`import:b${i}`, {}, { title, authors: ['x __proto__'] }),
    ]);
    const groups = findDuplicates(records);
    // Markup differing only in punctuation is one title to looseTitleKey, as it is to imports.
    for (const group of groups) expect(new Set(group.map((r) => duplicateTitleKey(r.paper.title))).size).toBe(1);
    expect(groups.length).toBeGreaterThan(10);
    expect(ids(groups)).toContainEqual(['import:a19', 'import:b19']);
  });

  it('handles 10,000 records in one pass (5,000 pairs among them)', () => {
    const many: SavedPaper[] = [];
    for (let i = 0; i < 5000; i++) {
      const title = `Paper number ${i} about something specific`;
      many.push(record(`arxiv:2401.${String(i).padStart(5, '0')}`, {}, { title, authors: [`Author${i} Surname${i}`] }));
      many.push(record(`dblp:conf/x/P${i}`, {}, { title: title.toUpperCase(), authors: [`A. Surname${i}`] }));
    }
    const groups = findDuplicates(many);
    expect(groups).toHaveLength(5000);
    expect(groups.every((group) => group.length === 2 && group[0]!.id.startsWith('arxiv:'))).toBe(true);
  });
});

describe('mergeDuplicates', () => {
  it("keeps the chosen id and makes the other's ids its aliases, with the other's DOI as the paper's own", () => {
    const merged = mergeDuplicates(cvf, [doi], 5000);
    expect(merged.id).toBe(cvf.id);
    expect(merged.paper.id).toBe(cvf.id);
    expect(merged.paper.aliases[0]).toBe(doi.id);
    expect(merged.paper.doi).toBe('10.1109/cvpr52733.2024.00123');
    expect(merged.paper.title).toBe(TITLE); // the kept copy's fields first
    expect(v.is(SavedPaperSchema, merged)).toBe(true);
    const other = record('dblp:conf/cvpr/X', {}, { aliases: ['semanticscholar:abc'] });
    expect(mergeDuplicates(doi, [other], 5000).paper.aliases).toEqual(['dblp:conf/cvpr/X', 'semanticscholar:abc']);
  });

  it("keeps the other copy's full date over the kept copy's year of it, and the kept copy's date over a different one", () => {
    const year = record('cvf:a', {}, { published: '2024' });
    expect(mergeDuplicates(year, [record('doi:10.1/b', {}, { published: '2024-06-17' })], 1).paper.published).toBe('2024-06-17');
    expect(mergeDuplicates(year, [record('doi:10.1/b', {}, { published: '2023-12-01' })], 1).paper.published).toBe('2024');
  });

  it('unions the tags once whatever their case, takes the further status, the earlier save and edits now', () => {
    const keep = record('doi:10.1/k', { tags: ['MoE', 'vision'], status: 'reading', savedAt: 300, savedFrom: 'https://dblp.org/a', updatedAt: 400 });
    const other = record('cvf:o', { tags: ['moe', 'cvpr'], status: 'done', savedAt: 100, savedFrom: 'https://openaccess.thecvf.com/b', updatedAt: 900 });
    const merged = mergeDuplicates(keep, [other], 800);
    expect(merged).toMatchObject({ tags: ['MoE', 'vision', 'cvpr'], status: 'done', savedAt: 100, savedFrom: 'https://openaccess.thecvf.com/b', updatedAt: 900 });
    expect(mergeDuplicates(other, [keep], 5000)).toMatchObject({ status: 'done', updatedAt: 5000 });
    expect(mergeDuplicates(record('cvf:a', { status: 'to-read' }), [record('cvf:b', { status: 'reading' })], 1).status).toBe('reading');
  });

  it('keeps both notes, the kept one first, under a line naming the other; one note once if equal or the other empty', () => {
    const note = (a: string, b: string) => mergeDuplicates(record('cvf:a', { note: a }), [record('doi:10.1/b', { note: b })], 1).note;
    expect(note('mine', 'theirs')).toBe('mine\n\n— Note of doi:10.1/b, merged into this paper —\ntheirs');
    expect(note('same', ' same\n')).toBe('same');
    expect(note('', 'theirs')).toBe('theirs');
    expect(note('mine', '  ')).toBe('mine');
  });

  it('refuses, rather than cut, a note or tags past the record limits; a note just within them is kept whole', () => {
    const long = 'x'.repeat(RECORD_LIMITS.note - 100);
    expect(() => mergeDuplicates(record('cvf:a', { note: long }), [record('doi:10.1/b', { note: 'y'.repeat(200) })], 1)).toThrow(MergeRefusedError);
    expect(() => mergeDuplicates(record('cvf:a', { note: long }), [record('doi:10.1/b', { note: 'y'.repeat(200) })], 1)).toThrow(/at most 100,000/);
    const fits = mergeDuplicates(record('cvf:a', { note: long }), [record('doi:10.1/b', { note: 'y'.repeat(20) })], 1);
    expect(fits.note.endsWith('y'.repeat(20))).toBe(true);
    expect(v.is(SavedPaperSchema, fits)).toBe(true);
    const tags = (prefix: string) => Array.from({ length: 60 }, (_, i) => `${prefix}${i}`);
    expect(() => mergeDuplicates(record('cvf:a', { tags: tags('a') }), [record('doi:10.1/b', { tags: tags('b') })], 1)).toThrow(/at most 100/);
    expect(mergeDuplicates(record('cvf:a', { tags: tags('a') }), [record('doi:10.1/b', { tags: tags('A') })], 1).tags).toHaveLength(60);
  });

  it('refuses to merge a record with itself', () => {
    expect(() => mergeDuplicates(cvf, [cvf], 1)).toThrow(MergeRefusedError);
  });

  it('merges three copies into one, each other id an alias, within the alias bound', () => {
    const third = record('dblp:conf/cvpr/Lovelace24', { note: 'third', tags: ['x'] }, { aliases: Array.from({ length: 20 }, (_, i) => `semanticscholar:s${i}`) });
    const merged = mergeDuplicates(doi, [cvf, third], 10);
    expect(merged.paper.aliases.slice(0, 2).sort()).toEqual([cvf.id, third.id].sort());
    expect(merged.paper.aliases).toHaveLength(20);
    expect(merged.note).toBe('third');
    expect(v.is(SavedPaperSchema, merged)).toBe(true);
  });

  it('hostile text stays text: the merged record is one the background accepts', () => {
    for (const text of MARKUP) {
      const merged = mergeDuplicates(record('cvf:a', { note: text }, { title: text }), [record('doi:10.1/b', { note: `${text}!` }, { title: text })], 1);
      expect(merged.note).toContain(text);
      expect(v.is(SavedPaperSchema, merged)).toBe(true);
    }
  });
});

describe('prepareDuplicateKeys', () => {
  it('works the keys out a slice at a time, pausing between slices, and the groups found after are the same', async () => {
    const records = Array.from({ length: 1203 }, (_, i) =>
      record(`import:${i}`, {}, { title: i % 400 === 7 ? 'A Paper Saved Twice Under Two Ids' : `Paper number ${i} of a long reading list` }),
    );
    let pauses = 0;
    await prepareDuplicateKeys(records, async () => void (pauses += 1), 500);
    expect(pauses).toBe(3); // 500, 500, 203
    expect(ids(findDuplicates(records))).toEqual([['import:407', 'import:7', 'import:807']]); // keepOrder: same save time, by id
  });
});
