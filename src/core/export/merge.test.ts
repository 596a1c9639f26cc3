import { describe, expect, it } from 'vitest';
import type { SavedPaper } from '../../storage/schema';
import { exportPapers } from './formats';
import { CLOCK_SKEW_MS, looseTitleKey, mergeImport, parseImport } from './import';
import { acl, attention, emoji, openreview, texTitle } from '../../../test/fixtures/export/papers';

const NOW = Date.UTC(2026, 0, 2);
const list = (...records: SavedPaper[]) => new Map(records.map((r) => [r.id, r]));
const deepFreeze = <T>(value: T): T => {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
};

/** A record as a BibTeX/RIS/CSL import makes it: to-read, no note, no timestamps. */
const cited = (saved: SavedPaper, paper: Partial<SavedPaper['paper']> = {}, tags: string[] = []): SavedPaper => ({
  id: saved.id,
  paper: { ...saved.paper, source: { site: 'import', page: 'bibtex' }, ...paper },
  status: 'to-read',
  tags,
  note: '',
  savedFrom: '',
  savedAt: 0,
  updatedAt: 0,
});

describe('mergeImport', () => {
  it('adds new papers; citation records get now as their save and edit time', () => {
    const { upserts, summary } = mergeImport(list(attention), [acl, cited(texTitle)], NOW);
    expect(summary).toEqual({ added: 2, updated: 0, skipped: [], futureDated: [] });
    expect(upserts[0]).toBe(acl);
    expect(upserts[1]).toMatchObject({ id: texTitle.id, savedAt: NOW, updatedAt: NOW, status: 'to-read' });
  });

  it('a record that is a paper of the list under another of its ids merges into that paper, whichever side names the other', () => {
    const cvf = 'cvf:CVPR_2023/Smith_Example_CVPR_2023';
    const doi = 'doi:10.1109/cvpr52729.2023.01234';
    const key = 'dblp:conf/cvpr/Smith23';
    const saved = (id: string, aliases: string[]): SavedPaper => ({
      ...texTitle, id, paper: { ...texTitle.paper, id, aliases, version: null, doi: null }, tags: ['vision'], note: 'mine', updatedAt: NOW - 10,
    });
    // The list has it from the CVF page; a BibTeX entry from dblp gives its DOI and names the CVF page.
    const fromCvf = saved(cvf, []);
    const entry = cited(saved(doi, [cvf, key]), {}, ['cvpr']);
    let { upserts, summary } = mergeImport(list(fromCvf), [{ ...entry, id: doi }], NOW);
    expect(summary).toMatchObject({ added: 0, updated: 1 });
    expect(upserts).toHaveLength(1);
    expect(upserts[0]).toMatchObject({ id: cvf, note: 'mine', tags: ['vision', 'cvpr'] });
    expect(upserts[0]!.paper.id).toBe(cvf);
    expect(upserts[0]!.paper.aliases).toEqual(expect.arrayContaining([doi, key]));
    // The list has it from dblp (naming the CVF page); a record by the CVF id alone comes in.
    ({ upserts, summary } = mergeImport(list(saved(doi, [cvf, key])), [cited(saved(cvf, []), {}, ['cvpr'])], NOW));
    expect(summary).toMatchObject({ added: 0, updated: 1 });
    expect(upserts[0]).toMatchObject({ id: doi, tags: ['vision', 'cvpr'] });
  });

  it('two records of one file that are one paper under two of its ids become one record, whichever comes first', () => {
    const cvf = 'cvf:CVPR_2023/Smith_Example_CVPR_2023';
    const doi = 'doi:10.1109/cvpr52729.2023.01234';
    const key = 'dblp:conf/cvpr/Smith23';
    const entry = (id: string, aliases: string[], tags: string[]) => cited({ ...texTitle, id, paper: { ...texTitle.paper, id, aliases, version: null, doi: null } }, {}, tags);
    // The dblp entry (by DOI, naming the CVF page) and the CVF page's own entry, in one BibTeX file.
    const fromDblp = entry(doi, [cvf, key], ['dblp']);
    const fromCvf = entry(cvf, [], ['cvf']);
    for (const [first, second] of [[fromDblp, fromCvf], [fromCvf, fromDblp]] as const) {
      const { upserts, summary } = mergeImport(list(), [first, second], NOW);
      expect(summary).toMatchObject({ added: 1 });
      expect(upserts).toHaveLength(1);
      expect(upserts[0]).toMatchObject({ id: first.id, tags: expect.arrayContaining(['dblp', 'cvf']) });
      expect(upserts[0]!.paper.aliases).toEqual(expect.arrayContaining([second.id]));
      expect(upserts[0]!.paper.aliases).not.toContain(first.id);
    }
  });

  it("a dblp BibTeX entry by DOI naming the CVF page merges into the paper saved from that page, as the file gives it", async () => {
    const cvf = 'cvf:Reyes_Panoptic_Lifting_CVPR_2024';
    const fromCvf: SavedPaper = { ...texTitle, id: cvf, paper: { ...texTitle.paper, id: cvf, aliases: [], version: null, doi: null }, note: 'mine', updatedAt: NOW - 10 };
    const bib =
      '@inproceedings{DBLP:conf/cvpr/ReyesE24,\n  title = {Panoptic Lifting for Open-World Scenes},\n  year = {2024},\n' +
      '  doi = {10.1109/CVPR52733.2024.01876},\n  url = {https://openaccess.thecvf.com/content/CVPR2024/html/Reyes\\_Panoptic\\_Lifting\\_CVPR\\_2024\\_paper.html}\n}\n';
    const parsed = await parseImport(bib, 'dblp.bib');
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.records.map((r) => [r.id, r.paper.aliases])).toEqual([['doi:10.1109/cvpr52733.2024.01876', [cvf, 'dblp:conf/cvpr/ReyesE24']]]);
    const { upserts, summary } = mergeImport(list(fromCvf), parsed.records, NOW);
    expect(summary).toMatchObject({ added: 0, updated: 1 });
    expect(upserts[0]).toMatchObject({ id: cvf, note: 'mine' });
    expect(upserts[0]!.paper.aliases).toContain('doi:10.1109/cvpr52733.2024.01876');
    // A build before venue ids saved it from dblp under dblp's key: the same entry merges into that record.
    const key = 'dblp:conf/cvpr/ReyesE24';
    const fromDblp: SavedPaper = { ...fromCvf, id: key, paper: { ...fromCvf.paper, id: key } };
    const again = mergeImport(list(fromDblp), parsed.records, NOW);
    expect(again.summary).toMatchObject({ added: 0, updated: 1 });
    expect(again.upserts[0]).toMatchObject({ id: key, note: 'mine' });
  });

  it('an entry whose DOI the list knows as one of the paper\'s ids changes nothing: the DOI is not new to it', async () => {
    const cvf = 'cvf:Reyes_Panoptic_Lifting_CVPR_2024';
    const aliases = ['arxiv:2403.01234', 'doi:10.1109/cvpr52733.2024.01876', 'dblp:conf/cvpr/ReyesE24'];
    const known: SavedPaper = { ...texTitle, id: cvf, paper: { ...texTitle.paper, id: cvf, title: 'Panoptic Lifting for Open-World Scenes', aliases, version: null, doi: null } };
    // By arXiv id, so the DOI comes as the entry's own `doi`, not as its id.
    const bib =
      '@inproceedings{DBLP:conf/cvpr/ReyesE24,\n  title = {Panoptic Lifting for Open-World Scenes},\n  year = {2024},\n' +
      '  doi = {10.1109/CVPR52733.2024.01876},\n  eprint = {2403.01234},\n  eprinttype = {arXiv},\n' +
      '  url = {https://openaccess.thecvf.com/content/CVPR2024/html/Reyes\\_Panoptic\\_Lifting\\_CVPR\\_2024\\_paper.html}\n}\n';
    const parsed = await parseImport(bib, 'dblp.bib');
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.records.map((r) => [r.id, r.paper.doi])).toEqual([['arxiv:2403.01234', '10.1109/cvpr52733.2024.01876']]);
    const { upserts, summary } = mergeImport(list(known), parsed.records, NOW);
    expect(summary).toMatchObject({ added: 0, updated: 0 });
    expect(upserts).toEqual([]);
    // A DOI it does not know is still added.
    const other = { ...known, paper: { ...known.paper, aliases: aliases.filter((a) => !a.startsWith('doi:')) } };
    const added = mergeImport(list(other), parsed.records, NOW);
    expect(added.summary).toMatchObject({ added: 0, updated: 1 });
    expect(added.upserts[0]!.paper).toMatchObject({ id: cvf, doi: '10.1109/cvpr52733.2024.01876' });
  });

  it('counts identical records as skipped ("unchanged")', () => {
    const { upserts, summary } = mergeImport(list(attention, acl), [structuredClone(attention), acl], NOW);
    expect(upserts).toEqual([]);
    expect(summary.skipped).toEqual([
      { id: attention.id, title: attention.paper.title, reason: 'unchanged: identical to the copy in the list' },
      { id: acl.id, title: acl.paper.title, reason: 'unchanged: identical to the copy in the list' },
    ]);
  });

  describe('backup records (timestamped): the newer edit wins', () => {
    it('a newer backup record brings its status, tags and note as they are (a removed tag stays removed)', () => {
      const newer: SavedPaper = { ...attention, status: 'done', tags: ['classics'], note: 'finished', updatedAt: attention.updatedAt + 1000 };
      const { upserts, summary } = mergeImport(list(attention), [newer], NOW);
      expect(summary).toMatchObject({ added: 0, updated: 1 });
      expect(upserts[0]).toMatchObject({ status: 'done', tags: ['classics'], note: 'finished', updatedAt: newer.updatedAt, savedAt: attention.savedAt });
    });

    it('an older backup record changes no user state, but fills metadata the list lacks', () => {
      const listCopy: SavedPaper = { ...attention, paper: { ...attention.paper, abstract: null, venue: null } };
      const older: SavedPaper = { ...attention, status: 'to-read', tags: [], note: 'old note', updatedAt: attention.updatedAt - 1000, paper: { ...attention.paper, venue: 'NeurIPS 2017', title: 'Old Title' } };
      const { upserts, summary } = mergeImport(list(listCopy), [older], NOW);
      expect(summary).toMatchObject({ added: 0, updated: 1 });
      expect(upserts[0]).toMatchObject({ status: 'reading', tags: ['transformers', 'classics'], note: listCopy.note, updatedAt: listCopy.updatedAt });
      expect(upserts[0]?.paper).toMatchObject({ title: 'Attention Is All You Need', venue: 'NeurIPS 2017', abstract: attention.paper.abstract });
    });

    it('an older backup record with nothing new is skipped with its reason', () => {
      const older: SavedPaper = { ...attention, note: 'stale', updatedAt: attention.updatedAt - 1 };
      const { upserts, summary } = mergeImport(list(attention), [older], NOW);
      expect(upserts).toEqual([]);
      expect(summary.skipped).toEqual([{ id: attention.id, title: attention.paper.title, reason: 'unchanged: the copy in the list is as new or newer' }]);
    });

    it('newer metadata wins field by field, but an empty value never erases a known one', () => {
      const newer: SavedPaper = {
        ...attention,
        updatedAt: attention.updatedAt + 1,
        paper: { ...attention.paper, upvotes: 999, abstract: null, githubRepos: [], categories: ['cs.AI'], authors: [] },
      };
      const [merged] = mergeImport(list(attention), [newer], NOW).upserts;
      expect(merged?.paper).toMatchObject({ upvotes: 999, abstract: attention.paper.abstract, githubRepos: attention.paper.githubRepos, categories: ['cs.AI'], authors: attention.paper.authors });
    });

    it("a newer record's year does not undo the list's day of that year; a different date is the newer one's", () => {
      const newer = (published: string): SavedPaper => ({ ...attention, updatedAt: attention.updatedAt + 1, paper: { ...attention.paper, published } });
      expect(mergeImport(list(attention), [newer('2017')], NOW).upserts[0]?.paper.published).toBe('2017-06-12');
      expect(mergeImport(list(attention), [newer('2017-06')], NOW).upserts[0]?.paper.published).toBe('2017-06-12');
      expect(mergeImport(list(attention), [newer('2018')], NOW).upserts[0]?.paper.published).toBe('2018');
      const yearOnly: SavedPaper = { ...attention, paper: { ...attention.paper, published: '2017' } };
      expect(mergeImport(list(yearOnly), [newer('2017-06-12')], NOW).upserts[0]?.paper.published).toBe('2017-06-12');
    });

    it('keeps the earliest save time and its page; ties go to the list', () => {
      const earlier: SavedPaper = { ...acl, savedAt: acl.savedAt - 5000, savedFrom: 'https://first.example/', updatedAt: acl.updatedAt + 1, note: 'n2' };
      const [merged] = mergeImport(list(acl), [earlier], NOW).upserts;
      expect(merged).toMatchObject({ savedAt: earlier.savedAt, savedFrom: 'https://first.example/', note: 'n2' });
      const tie: SavedPaper = { ...acl, note: 'same time, other note' };
      expect(mergeImport(list(acl), [tie], NOW).upserts).toEqual([]);
    });
  });

  describe('backup records dated in the future (a wrong clock or a crafted file): their dates are not believed', () => {
    const FUTURE = Date.UTC(2099, 0, 1);

    it('do not replace status, tags and note, and do not make the paper "newest" for later merges; the summary says so', () => {
      const hostile: SavedPaper = { ...attention, status: 'done', tags: ['pwned'], note: 'replaced', paper: { ...attention.paper, venue: 'NeurIPS 2017' }, updatedAt: FUTURE };
      const { upserts, summary } = mergeImport(list(attention), [hostile], NOW);
      expect(summary).toMatchObject({ added: 0, updated: 1 });
      // Nothing of the list's is lost; the file's tags and missing metadata are added, as from a citation file.
      expect(upserts[0]).toMatchObject({ status: 'reading', note: attention.note, tags: ['transformers', 'classics', 'pwned'], savedAt: attention.savedAt, updatedAt: NOW });
      expect(upserts[0]?.paper.venue).toBe('NeurIPS 2017');
      expect(summary.futureDated).toEqual([
        { id: attention.id, title: attention.paper.title, reason: 'dated 2099-01-01, in the future: it does not replace the status, tags and note in the list; only its tags and what the list lacks are added' },
      ]);
      // A later, honest backup of the paper wins again.
      const later: SavedPaper = { ...attention, note: 'edited after the import', updatedAt: NOW + 1000 };
      expect(mergeImport(list(upserts[0]!), [later], NOW + 2000).upserts[0]?.note).toBe('edited after the import');
    });

    it('a new paper is added as it is, saved and edited now', () => {
      const hostile: SavedPaper = { ...acl, savedAt: FUTURE, updatedAt: Number.MAX_SAFE_INTEGER };
      const { upserts, summary } = mergeImport(list(), [hostile], NOW);
      expect(summary).toMatchObject({ added: 1, updated: 0 });
      expect(upserts).toEqual([{ ...acl, savedAt: NOW, updatedAt: NOW }]);
      expect(summary.futureDated).toEqual([{ id: acl.id, title: acl.paper.title, reason: 'dated in the far future: it is added as saved and edited now' }]);
      const savedBefore: SavedPaper = { ...acl, updatedAt: FUTURE };
      expect(mergeImport(list(), [savedBefore], NOW).upserts).toEqual([{ ...acl, updatedAt: NOW }]);
    });

    it('a clock up to a day ahead is believed', () => {
      const ahead: SavedPaper = { ...attention, note: 'from a fast clock', updatedAt: NOW + CLOCK_SKEW_MS };
      const { upserts, summary } = mergeImport(list(attention), [ahead], NOW);
      expect(upserts[0]).toMatchObject({ note: 'from a fast clock', updatedAt: NOW + CLOCK_SKEW_MS });
      expect(summary.futureDated).toEqual([]);
      const beyond = mergeImport(list(attention), [{ ...ahead, updatedAt: NOW + CLOCK_SKEW_MS + 1 }], NOW);
      expect(beyond.upserts).toEqual([]);
      expect(beyond.summary.futureDated).toHaveLength(1);
    });
  });

  describe('citation records (BibTeX/RIS/CSL, no timestamps): never override the user', () => {
    it('keeps status and note, adds keyword tags (union), fills empty metadata, stamps now', () => {
      const current: SavedPaper = { ...emoji, paper: { ...emoji.paper, venue: null, abstract: null } };
      const incoming = cited(emoji, { venue: 'arXiv preprint', abstract: 'From the .bib', title: 'Different Title' }, ['nlp', 'NLP', 'new-tag']);
      const { upserts, summary } = mergeImport(list(current), [incoming], NOW);
      expect(summary).toMatchObject({ added: 0, updated: 1 });
      expect(upserts[0]).toMatchObject({ status: 'to-read', note: emoji.note, tags: ['обучение', '学习', 'nlp', 'new-tag'], updatedAt: NOW, savedAt: emoji.savedAt });
      expect(upserts[0]?.paper).toMatchObject({ title: emoji.paper.title, venue: 'arXiv preprint', abstract: 'From the .bib', source: emoji.paper.source });
    });

    it('does not make tags of keywords that are the paper’s own categories (an export read back)', () => {
      // Exports write categories and tags as one keyword list; Hugging Face keywords are not arXiv classes.
      const current: SavedPaper = { ...attention, paper: { ...attention.paper, categories: ['Self-Attention', 'machine translation;  BLEU'] } };
      const incoming = cited(attention, {}, ['self-attention', 'machine translation BLEU', 'transformers', 'new-tag']);
      const { upserts, summary } = mergeImport(list(current), [incoming], NOW);
      expect(summary).toMatchObject({ added: 0, updated: 1 });
      expect(upserts[0]?.tags).toEqual(['transformers', 'classics', 'new-tag']);
      // A new paper has no categories to compare with: its keywords are tags.
      expect(mergeImport(list(), [incoming], NOW).upserts[0]?.tags).toEqual(incoming.tags);
    });

    it('is skipped when it brings nothing new', () => {
      const { upserts, summary } = mergeImport(list(acl), [cited(acl, {}, ['dialogue'])], NOW);
      expect(upserts).toEqual([]);
      expect(summary.skipped).toEqual([{ id: acl.id, title: acl.paper.title, reason: 'unchanged: nothing the list does not already have' }]);
    });

    it("a citation's year or month of the list's date changes nothing; a month for the list's year makes it precise", () => {
      const cite = (saved: SavedPaper, published: string) => mergeImport(list(saved), [cited(saved, { published })], NOW);
      expect(cite(attention, '2017').upserts).toEqual([]); // a BibTeX export (year and month) read back: unchanged
      expect(cite(attention, '2017-06').upserts).toEqual([]);
      const yearOnly: SavedPaper = { ...attention, paper: { ...attention.paper, published: '2017' } };
      const { upserts, summary } = cite(yearOnly, '2017-06');
      expect(summary).toMatchObject({ added: 0, updated: 1 });
      expect(upserts[0]?.paper.published).toBe('2017-06');
      // A different date is not the list's to lose: the list's stays, as for any field it has.
      expect(cite(yearOnly, '2018-01').upserts).toEqual([]);
    });

    it('finds a paper without arXiv id or DOI by title and year (a site-only paper exported to BibTeX)', async () => {
      // Its URL names no venue paper (an OpenReview forum would: the record would come back under its own id).
      const id = 'semanticscholar:1111111111111111111111111111111111111111';
      const siteOnly: SavedPaper = { ...openreview, id, paper: { ...openreview.paper, id, url: `https://www.semanticscholar.org/paper/${id.slice(16)}` } };
      const bib = await exportPapers([siteOnly], 'bibtex');
      const parsed = await parseImport(bib.text, bib.filename);
      if (!parsed.ok) throw new Error(parsed.error);
      expect(parsed.records[0]?.id).toMatch(/^import:/);
      const { upserts, summary } = mergeImport(list(siteOnly), parsed.records, NOW);
      expect(summary.added).toBe(0);
      expect(upserts).toEqual([]);
      expect(summary.skipped[0]).toMatchObject({ id: siteOnly.id });
      // Two papers with that title and year: ambiguous, so it is added as its own paper.
      const twin: SavedPaper = { ...siteOnly, id: 'semanticscholar:twin', paper: { ...siteOnly.paper, id: 'semanticscholar:twin' } };
      expect(mergeImport(list(siteOnly, twin), parsed.records, NOW).summary.added).toBe(1);
    });

    it('finds a site-only paper known by its year alone by title and that year (a proceedings paper exported to BibTeX)', async () => {
      const id = 'semanticscholar:2222222222222222222222222222222222222222';
      const paper = { ...openreview.paper, id, url: `https://www.semanticscholar.org/paper/${id.slice(16)}`, published: '2023' };
      const yearOnly: SavedPaper = { ...openreview, id, paper };
      const bib = await exportPapers([yearOnly], 'bibtex');
      expect(bib.text).toContain('year = {2023}');
      const parsed = await parseImport(bib.text, bib.filename);
      if (!parsed.ok) throw new Error(parsed.error);
      expect(parsed.records[0]).toMatchObject({ id: expect.stringMatching(/^import:/), paper: { published: '2023' } });
      const { upserts, summary } = mergeImport(list(yearOnly), parsed.records, NOW);
      expect([summary.added, upserts]).toEqual([0, []]);
      expect(summary.skipped[0]).toMatchObject({ id });
      // The year tells it from a paper of the same title and another year (the title alone would name both).
      const other: SavedPaper = { ...yearOnly, id: 'semanticscholar:other', paper: { ...paper, id: 'semanticscholar:other', published: '2021' } };
      const both = mergeImport(list(other, yearOnly), parsed.records, NOW);
      expect([both.summary.added, both.upserts]).toEqual([0, []]);
      expect(both.summary.skipped[0]).toMatchObject({ id });
    });
  });

  it('finds a paper saved before venue ids (scholar:, its URL a PMLR page) by title when its BibTeX names the venue paper', async () => {
    const url = 'https://proceedings.mlr.press/v202/exemplo23a.html';
    const fromScholar: SavedPaper = { ...openreview, id: 'scholar:x6BpcW0wpHwJ', paper: { ...openreview.paper, id: 'scholar:x6BpcW0wpHwJ', url } };
    const bib = await exportPapers([fromScholar], 'bibtex');
    const parsed = await parseImport(bib.text, bib.filename);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.records[0]?.id).toBe('pmlr:v202/exemplo23a');
    const { upserts, summary } = mergeImport(list(fromScholar), parsed.records, NOW);
    expect([summary.added, upserts]).toEqual([0, []]);
    expect(summary.skipped[0]).toMatchObject({ id: fromScholar.id });
    // A backup's record is the id it says, whatever its URL.
    const backup = { ...parsed.records[0]!, savedAt: NOW - 10, updatedAt: NOW - 10 };
    expect(mergeImport(list(fromScholar), [backup], NOW).summary.added).toBe(1);
  });

  it('merges several incoming records for one paper in order', () => {
    const a: SavedPaper = { ...attention, note: 'a', updatedAt: attention.updatedAt + 1 };
    const b = cited(attention, {}, ['extra']);
    const { upserts, summary } = mergeImport(list(attention), [a, b], NOW);
    expect(summary).toMatchObject({ added: 0, updated: 1 });
    expect(upserts).toHaveLength(1);
    expect(upserts[0]).toMatchObject({ note: 'a', tags: ['transformers', 'classics', 'extra'] });
  });

  it('is pure: neither the list nor the incoming records are modified', () => {
    const existing = deepFreeze(list(attention, acl));
    const incoming = deepFreeze([{ ...attention, note: 'x', updatedAt: attention.updatedAt + 1 }, cited(acl, {}, ['t']), cited(texTitle)]);
    expect(() => mergeImport(existing, incoming, NOW)).not.toThrow();
    expect(existing.get(attention.id)).toBe(attention);
  });

  it('takes a parseImport result directly, and reports what parsing skipped first', async () => {
    const parsed = await parseImport('@misc{a, title = {Kept}}\n@misc{b, author = {No Title}}', 'x.bib');
    const { summary } = mergeImport(new Map(), parsed, NOW);
    expect(summary.added).toBe(1);
    expect(summary.skipped).toEqual([{ id: '@misc{b}', reason: 'it has no title' }]);
    const failed = await parseImport('', 'x.bib');
    expect(() => mergeImport(new Map(), failed, NOW)).toThrow(/empty/);
    expect(() => mergeImport(new Map(), parseImport('', 'x') as never, NOW)).toThrow(/awaited/);
  });
});

describe('looseTitleKey', () => {
  it('gives a TeX title and its decoded form one key, and tells different titles apart', () => {
    expect(looseTitleKey('Umlaut \\"u and M\\"uller')).toBe(looseTitleKey('Umlaut ü and Müller'));
    expect(looseTitleKey('Sparse $\\ell_1$ recovery')).toBe(looseTitleKey('Sparse \\ell₁ recovery'));
    expect(looseTitleKey('The {BERT} of Vision')).toBe(looseTitleKey('The BERT of Vision'));
    expect(looseTitleKey('Sparse recovery')).not.toBe(looseTitleKey('Dense recovery'));
    // arXiv keeps a title's TeX, a venue or dblp the letter it writes.
    expect(looseTitleKey('$\\beta$-VAE: Learning Basic Visual Concepts')).toBe(looseTitleKey('β-VAE: learning basic visual concepts'));
    expect(looseTitleKey('$\\alpha$-Divergence and $\\Phi$-Entropy')).toBe(looseTitleKey('α-divergence and Φ-entropy'));
    expect(looseTitleKey('$\\alpha$-Divergence')).not.toBe(looseTitleKey('$\\beta$-Divergence'));
    expect(looseTitleKey('A \\constructor of \\toString')).toBe(looseTitleKey('A of'));
  });

  it('reads a Greek letter\'s name, as a whole word or a hyphen-joined part, as the letter', () => {
    const betaVae = looseTitleKey('β-VAE: Learning Basic Visual Concepts');
    for (const title of ['beta-VAE: Learning Basic Visual Concepts', 'Beta-VAE: learning basic visual concepts', 'BETA-VAE: LEARNING BASIC VISUAL CONCEPTS', '{B}eta-{VAE}: Learning Basic Visual Concepts']) {
      expect(looseTitleKey(title), title).toBe(betaVae);
    }
    expect(looseTitleKey('alpha-Divergence and Phi-Entropy')).toBe(looseTitleKey('$\\alpha$-Divergence and $\\Phi$-Entropy'));
    expect(looseTitleKey('Lambda calculus for gamma rays')).toBe(looseTitleKey('λ-calculus for γ rays'));
    // Physical Intelligence's π0, also listed as "pi0" and "$\pi_0$": a digit next to the name leaves it a word.
    expect(looseTitleKey('pi0: A Vision-Language-Action Flow Model')).toBe(looseTitleKey('$\\pi_0$: A Vision-Language-Action Flow Model'));
    expect(looseTitleKey('Beta distribution priors')).toBe(looseTitleKey('β distribution priors'));
  });

  it('leaves a Greek letter\'s name inside a longer word as it is', () => {
    expect(looseTitleKey('AlphaFold: protein structure')).not.toBe(looseTitleKey('αFold: protein structure'));
    expect(looseTitleKey('Alphabet soup')).not.toBe(looseTitleKey('αbet soup'));
    expect(looseTitleKey('Betamax tapes')).not.toBe(looseTitleKey('βmax tapes'));
    expect(looseTitleKey('Metamorphic testing')).toBe('metamorphictesting');
    expect(looseTitleKey('Sigmoid and Tanh')).toBe('sigmoidandtanh');
    expect(looseTitleKey('Beta-VAE')).not.toBe(looseTitleKey('Delta-VAE'));
    // An accented name is another word (Mü, not Mu), whether its accent is composed or not.
    expect(looseTitleKey('Mü and the model')).toBe(looseTitleKey('Mu\u0308 and the model'));
    expect(looseTitleKey('Mü and the model')).not.toBe(looseTitleKey('μ and the model'));
  });
});

describe('mergeImport: a backup holding two records of one paper (kept apart in the list it came from)', () => {
  // The journal version and the preprint, the preprint naming the journal's DOI since arXiv was checked.
  const JOURNAL = 'doi:10.1038/s41586-024-00001-x';
  const journal: SavedPaper = {
    ...openreview,
    id: JOURNAL,
    paper: { ...openreview.paper, id: JOURNAL, title: 'Same paper', aliases: [] },
    status: 'done',
    tags: ['journal'],
    note: 'published version',
    savedAt: 1000,
    updatedAt: 2000,
    statusAt: 2000,
  };
  const preprint: SavedPaper = {
    ...attention,
    paper: { ...attention.paper, title: 'Same paper', aliases: [JOURNAL] },
    status: 'reading',
    tags: ['preprint'],
    note: 'notes on the preprint',
    savedAt: 3000,
    updatedAt: 4000,
    statusAt: 4000,
  };

  it('restores both into a new profile, in either order, each as it was', async () => {
    for (const papers of [[journal, preprint], [preprint, journal]]) {
      const parsed = await parseImport(JSON.stringify({ format: 'papershelf-backup', version: 3, exportedAt: '2026-01-01T00:00:00.000Z', papers }), 'backup.json');
      const { upserts, summary } = mergeImport(new Map(), parsed, NOW);
      expect(summary).toMatchObject({ added: 2, updated: 0 });
      expect(upserts.find((r) => r.id === JOURNAL)).toMatchObject({ status: 'done', tags: ['journal'], note: 'published version' });
      expect(upserts.find((r) => r.id === preprint.id)).toMatchObject({ status: 'reading', tags: ['preprint'], note: 'notes on the preprint' });
    }
  });

  it('into a list holding the other copy, it merges as two copies of a paper do: both tags and both notes kept', () => {
    const { upserts } = mergeImport(list(journal), [preprint], NOW);
    expect(upserts).toHaveLength(1);
    expect(upserts[0]).toMatchObject({ id: JOURNAL, status: 'reading', tags: ['preprint', 'journal'], savedAt: 1000, updatedAt: 4000 });
    expect(upserts[0]!.note).toContain('published version');
    expect(upserts[0]!.note).toContain('notes on the preprint');
  });
});
