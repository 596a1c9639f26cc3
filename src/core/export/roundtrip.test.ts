import { describe, expect, it } from 'vitest';
import { v8Record } from '../../storage/schema';
import * as v from 'valibot';
import { SavedPaperSchema } from '../../background/messages';
import { ARXIV_CATEGORY, toCsl } from './csl';
import { exportPapers, markdownLine } from './formats';
import { mergeImport, parseImport } from './import';
import type { SavedPaper } from '../../storage/schema';
import { generatePapers } from '../../../test/fixtures/export/generate';
import { acl, aclByAliases, attention, cvprByAliases, journalByAliases, knownByAliases, openreview, preprintByAliases, realistic, texTitle } from '../../../test/fixtures/export/papers';
import { knownIds } from '../aliases';
import { readingList } from '../../../bench/records';
import { recordFigures } from '../../../test/figures';

describe('JSON backup round trip (property test, seeded)', () => {
  it('export then import of 10,000 papers with unusual Unicode gives back exactly the same records', async () => {
    const started = performance.now();
    const papers = generatePapers(10_000);
    // The generator only makes records the list could hold.
    expect(papers.filter((p) => !v.safeParse(SavedPaperSchema, p).success).map((p) => p.id)).toEqual([]);
    expect(new Set(papers.map((p) => p.id)).size).toBe(papers.length);
    // ... and the hard cases are really there.
    const all = papers.map((p) => [p.paper.title, p.note, ...p.paper.authors, ...p.tags].join('|')).join('\n');
    for (const hard of ['\uD800', '\u0000', '\u202E', '\u200B', '\u2028', '👩‍👩‍👧‍👦', '🇺🇦', 'e\u0301', '𠜎', 'العربية', '学习', '"__proto__": {}']) {
      expect(all.includes(hard), JSON.stringify(hard)).toBe(true);
    }
    expect(Math.max(...papers.map((p) => p.note.length))).toBeGreaterThan(10_000);

    const exported = await exportPapers(papers, 'json', { now: Date.UTC(2026, 0, 2) });
    const parsed = await parseImport(exported.text, exported.filename);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.format).toBe('backup');
    expect(parsed.skipped).toEqual([]);
    expect(parsed.records).toStrictEqual(papers);

    // Into an empty list: every record added as it was. Into the same list: nothing to do. (Imported after the
    // last generated edit, which is as late as 2039: a record dated after the import is not believed.)
    const now = Math.max(...papers.map((p) => p.updatedAt));
    const fresh = mergeImport(new Map(), parsed.records, now);
    expect(fresh.summary).toMatchObject({ added: 10_000, updated: 0, skipped: [], futureDated: [] });
    expect(fresh.upserts).toStrictEqual(papers);
    const again = mergeImport(new Map(papers.map((p) => [p.id, p])), parsed.records, now);
    expect(again.upserts).toEqual([]);
    expect(again.summary.added + again.summary.updated).toBe(0);
    expect(again.summary.skipped).toHaveLength(10_000);
    console.log(`round-trip: ${parsed.records.length} papers lossless`);
    recordFigures({ suite: 'backup-roundtrip', durationMs: Math.round(performance.now() - started), counts: { recordsRoundTripped: parsed.records.length } });
  }, 120_000);

  it('survives other seeds (smaller lists)', async () => {
    for (const seed of [1, 2, 3, 42, 1337]) {
      const papers = generatePapers(300, seed);
      const parsed = await parseImport((await exportPapers(papers, 'json')).text);
      expect(parsed.ok && parsed.records).toStrictEqual(papers);
    }
  });
});

describe('citation formats: re-importing your own export changes nothing', () => {
  // Hugging Face keywords (categories that are not arXiv classes), arXiv categories, tags, notes and statuses of
  // a benchmark list, the fixtures' hard cases, and an OpenReview paper whose keywords include one of its tags.
  const withKeywords: SavedPaper = {
    ...openreview,
    paper: { ...openreview.paper, categories: ['diffusion models', 'Review-Queue', 'score matching'] },
    tags: ['review-queue', 'generative'],
  };
  // Dates known to the year (a proceedings paper; a site-only one, found again by title and year) or to the month.
  const dated = (saved: SavedPaper, id: string, title: string, published: string, url: string): SavedPaper => ({ ...saved, id, paper: { ...saved.paper, id, title, published, url, pdfUrl: null } });
  const byYear = [
    dated(acl, 'aclanthology:2023.acl-long.2', 'A Proceedings Paper Known by Its Year', '2023', 'https://aclanthology.org/2023.acl-long.2/'),
    dated(attention, 'arxiv:1706.99999', 'A Preprint Known by Its Month', '2017-06', 'https://arxiv.org/abs/1706.99999'),
    dated(openreview, 'semanticscholar:3333333333333333333333333333333333333333', 'A Site-Only Paper Known by Its Year', '2021', 'https://www.semanticscholar.org/paper/3333333333333333333333333333333333333333'),
  ];
  const papers = [...realistic.filter((p) => p.id !== openreview.id), withKeywords, ...byYear, ...readingList({ count: 200 })];

  it.each(['bibtex', 'ris', 'csl-json'] as const)('%s: nothing to add, nothing to update', async (format) => {
    expect(papers.some((p) => p.tags.length > 0 && p.paper.categories.some((c) => !ARXIV_CATEGORY.test(c)))).toBe(true);
    const exported = await exportPapers(papers, format);
    const parsed = await parseImport(exported.text, exported.filename);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.skipped).toEqual([]);
    // The year and the month come back as they went (BibTeX has no day: a full date comes back as its month).
    const back = new Map(parsed.records.map((r) => [r.paper.title, r.paper.published]));
    expect(byYear.map((p) => back.get(p.paper.title))).toEqual(['2023', '2017-06', '2021']);
    const { upserts, summary } = mergeImport(new Map(papers.map((p) => [p.id, p])), parsed, Date.UTC(2026, 7, 1));
    expect(summary).toMatchObject({ added: 0, updated: 0 });
    expect(summary.skipped).toHaveLength(papers.length);
    expect(upserts).toEqual([]);
  });
});

describe('BibTeX: a site-only paper whose title is written in TeX comes back as itself', () => {
  // BibTeX carries no site id, so such a paper is found again by its title; the title comes back decoded.
  it.each(['Umlaut \\"u and M\\"uller', 'Sparse $\\ell_1$ recovery at 50% & more', 'The {BERT} of {Vision}'])('%s', async (title) => {
    const paper: SavedPaper = { ...openreview, paper: { ...openreview.paper, title } };
    const exported = await exportPapers([paper], 'bibtex');
    const parsed = await parseImport(exported.text, exported.filename);
    if (!parsed.ok) throw new Error(parsed.error);
    const { summary, upserts } = mergeImport(new Map([[paper.id, paper]]), parsed, Date.UTC(2026, 7, 1));
    expect(summary).toMatchObject({ added: 0, updated: 0 });
    expect(upserts).toEqual([]);
  });
});

describe("an arXiv paper's version and journal DOI come back from every format that has a place for them", () => {
  // Published in a journal (its DOI, not arXiv's, is the one to cite), and a preprint seen at v3 with a proceedings DOI.
  const journal: SavedPaper = {
    ...texTitle,
    id: 'arxiv:2401.12345',
    paper: { ...texTitle.paper, venue: 'IEEE Transactions on Pattern Analysis and Machine Intelligence', version: 5, doi: '10.1109/tpami.2025.3512345' },
  };
  const preprint: SavedPaper = { ...attention, paper: { ...attention.paper, version: 3, doi: '10.5555/3295222.3295349' } };
  const unknown = (saved: SavedPaper): SavedPaper => ({ ...saved, paper: { ...saved.paper, version: null, doi: null } });

  it('CSL writes the journal DOI in place of the arXiv one, and the version as `version`', () => {
    expect(toCsl(journal)).toMatchObject({ type: 'article-journal', DOI: '10.1109/tpami.2025.3512345', version: '5', URL: 'https://arxiv.org/abs/2401.12345' });
    expect(toCsl(preprint)).toMatchObject({ type: 'article', number: 'arXiv:1706.03762', DOI: '10.5555/3295222.3295349', version: '3' });
    expect(toCsl(attention)).toMatchObject({ DOI: '10.48550/arXiv.1706.03762' }); // no DOI of its own: arXiv's, as before
    expect(toCsl(attention)).not.toHaveProperty('version');
  });

  it('BibTeX writes `version` next to the unversioned eprint, and the journal DOI', async () => {
    const { text } = await exportPapers([preprint], 'bibtex');
    expect(text).toContain('\teprint = {1706.03762},');
    expect(text).toContain('\tversion = {3},');
    expect(text).toContain('\tdoi = {10.5555/3295222.3295349},');
  });

  it.each(['bibtex', 'csl-json', 'json'] as const)('%s: read back, and merged into a list that lacked them', async (format) => {
    const exported = await exportPapers([journal, preprint], format);
    const parsed = await parseImport(exported.text, exported.filename);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.records.map((r) => [r.id, r.paper.version, r.paper.doi])).toEqual([
      ['arxiv:2401.12345', 5, '10.1109/tpami.2025.3512345'],
      ['arxiv:1706.03762', 3, '10.5555/3295222.3295349'],
    ]);
    const list = new Map([journal, preprint].map((p) => [p.id, unknown(p)]));
    const { upserts } = mergeImport(list, parsed, Date.UTC(2026, 7, 1));
    expect(upserts.map((r) => [r.paper.version, r.paper.doi])).toEqual([
      [5, '10.1109/tpami.2025.3512345'],
      [3, '10.5555/3295222.3295349'],
    ]);
    // Into the list that has them (as stored: with their DOIs' ids as aliases): nothing to do.
    const stored = [journal, preprint].map((p) => v8Record(p) ?? p);
    expect(stored.map((p) => p.paper.aliases)).toEqual([['doi:10.1109/tpami.2025.3512345'], ['doi:10.5555/3295222.3295349']]);
    expect(mergeImport(new Map(stored.map((p) => [p.id, p])), parsed, Date.UTC(2026, 7, 1)).upserts).toEqual([]);
  });

  it('RIS carries the DOI (it has no field for a version)', async () => {
    const exported = await exportPapers([journal, preprint], 'ris');
    const parsed = await parseImport(exported.text, exported.filename);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.records.map((r) => [r.id, r.paper.doi])).toEqual([
      ['arxiv:2401.12345', '10.1109/tpami.2025.3512345'],
      ['arxiv:1706.03762', '10.5555/3295222.3295349'],
    ]);
  });

  it('CSV has the DOI and the version', async () => {
    const { text } = await exportPapers([journal], 'csv');
    const row = text.split('\r\n')[1]!;
    expect(row).toContain(',10.1109/tpami.2025.3512345,2401.12345,');
    expect(row.endsWith(',5,')).toBe(true); // its version, then no status time (the fixture has none)
  });

  it('a version-1 backup (papers without either field) still imports, both unknown', async () => {
    const old = [journal, preprint].map((saved) => {
      const { version: _v, doi: _d, ...paper } = saved.paper;
      return { ...saved, paper };
    });
    const parsed = await parseImport(JSON.stringify({ format: 'papershelf-backup', version: 1, exportedAt: '2025-01-01T00:00:00.000Z', papers: old }));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.skipped).toEqual([]);
    expect(parsed.records).toEqual([journal, preprint].map(unknown));
  });

  it("a backup from an older build whose savedFrom outgrew a record's limit imports with the address shortened, as the upgrade does", async () => {
    const long = `https://arxiv.org/search/?query=${'sparse+experts+'.repeat(200)}&searchtype=all`;
    const { version: _v, doi: _d, ...paper } = preprint.paper;
    const old = { ...preprint, paper, savedFrom: long };
    const parsed = await parseImport(JSON.stringify({ format: 'papershelf-backup', version: 1, exportedAt: '2025-01-01T00:00:00.000Z', papers: [old] }));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.skipped).toEqual([]);
    expect(parsed.records).toEqual([{ ...unknown(preprint), savedFrom: 'https://arxiv.org/search/' }]);
  });

  it('reads versions from the ways other tools write them: a versioned eprint, URL or number', async () => {
    const bib = '@misc{k, title={A Paper}, eprint={2401.12345v4}, archivePrefix={arXiv}, doi={10.1109/TPAMI.2025.3512345}}';
    const parsed = await parseImport(bib, 'zotero.bib');
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.records[0]!.paper).toMatchObject({ id: 'arxiv:2401.12345', version: 4, doi: '10.1109/tpami.2025.3512345' });
    const csl = JSON.stringify([{ type: 'article', title: 'B', URL: 'http://arxiv.org/abs/2401.12346v2', number: 'arXiv:2401.12346' }]);
    const fromCsl = await parseImport(csl, 'items.json');
    expect(fromCsl.ok && fromCsl.records[0]!.paper).toMatchObject({ id: 'arxiv:2401.12346', version: 2, doi: null });
  });
});

describe('a paper known by aliases: exports give the arXiv id and DOI the list knows, and it comes back as itself', () => {
  /** Each BibTeX entry's type and fields, in order. */
  const entries = (text: string) =>
    text.split(/\n(?=@)/).map((entry) => ({
      type: /^@(\w+)\{/.exec(entry)![1],
      fields: Object.fromEntries([...entry.matchAll(/^\t(\w+) = \{(.*)\},?$/gm)].map((m) => [m[1]!, m[2]!])),
    }));

  it('the fixtures are records the list could hold', () => {
    expect(knownByAliases.filter((p) => !v.safeParse(SavedPaperSchema, p).success).map((p) => p.id)).toEqual([]);
  });

  it('BibTeX: eprint, archivePrefix (primaryClass where known) and doi; the entry type, URL and version stay what the id says', async () => {
    const [cvpr, journal, acl, preprint] = entries((await exportPapers(knownByAliases, 'bibtex')).text);
    expect(cvpr!.type).toBe('inproceedings');
    expect(cvpr!.fields).toMatchObject({ booktitle: '{CVPR} 2024', eprint: '2312.00001', archivePrefix: 'arXiv', doi: '10.1109/cvpr52733.2024.00123', url: cvprByAliases.paper.url });
    expect(Object.keys(cvpr!.fields)).not.toContain('primaryClass'); // the CVF page gave no category
    expect(journal!.type).toBe('article');
    expect(journal!.fields).toMatchObject({ journal: 'Nature', eprint: '2401.00002', archivePrefix: 'arXiv', primaryClass: 'cs.LG', doi: '10.1038/s41586-024-07001-x', url: journalByAliases.paper.url });
    // An arXiv paper whose ACL DOI is known as its `aclanthology:` id.
    expect(acl!.type).toBe('inproceedings');
    expect(acl!.fields).toMatchObject({ eprint: '2305.00003', primaryClass: 'cs.CL', version: '2', doi: '10.18653/v1/2023.acl-long.2', url: 'https://arxiv.org/abs/2305.00003' });
    // A preprint as arXiv's (@misc, publisher arXiv), with no DOI: arXiv's own is written only for arXiv ids.
    expect(preprint!.type).toBe('misc');
    expect(preprint!.fields).toMatchObject({ publisher: 'arXiv', eprint: '2310.00004', archivePrefix: 'arXiv', url: preprintByAliases.paper.url });
    expect(Object.keys(preprint!.fields)).not.toContain('doi');
    for (const entry of [cvpr, journal, preprint]) expect(Object.keys(entry!.fields)).not.toContain('version');
  });

  it('CSL-JSON: the DOI, and the arXiv number Zotero-style where the item is a preprint', () => {
    const [cvpr, journal, acl, preprint] = knownByAliases.map(toCsl);
    expect(cvpr).toMatchObject({ id: cvprByAliases.id, type: 'paper-conference', DOI: '10.1109/cvpr52733.2024.00123', URL: cvprByAliases.paper.url });
    expect(journal).toMatchObject({ id: journalByAliases.id, type: 'article-journal', DOI: '10.1038/s41586-024-07001-x', URL: journalByAliases.paper.url });
    expect(acl).toMatchObject({ type: 'paper-conference', DOI: '10.18653/v1/2023.acl-long.2', version: '2', URL: 'https://arxiv.org/abs/2305.00003' });
    expect(preprint).toMatchObject({ id: preprintByAliases.id, type: 'article', publisher: 'arXiv', number: 'arXiv:2310.00004', URL: preprintByAliases.paper.url });
    expect(preprint).not.toHaveProperty('DOI');
    // Without a page of its own (nor a DOI), its arXiv page.
    expect(toCsl({ ...preprintByAliases, paper: { ...preprintByAliases.paper, url: null } })).toMatchObject({ URL: 'https://arxiv.org/abs/2310.00004' });
    // CSL has a place for the arXiv id of a preprint only (`number`); a conference or journal item's stays unsaid.
    for (const item of [cvpr, journal]) {
      expect(item).not.toHaveProperty('number');
      expect(item).not.toHaveProperty('version');
    }
  });

  it('RIS: DO, and the arXiv number (C7) where the record is a preprint', async () => {
    const { text } = await exportPapers(knownByAliases, 'ris');
    const records = text.split('\r\n\r\n').map((record) => record.split('\r\n').filter((line) => /^(?:TY|C7|DO|UR|ID)  - /.test(line)));
    expect(records).toEqual([
      ['TY  - CONF', 'DO  - 10.1109/cvpr52733.2024.00123', `UR  - ${cvprByAliases.paper.url}`, `ID  - ${cvprByAliases.id}`],
      ['TY  - JOUR', 'DO  - 10.1038/s41586-024-07001-x', `UR  - ${journalByAliases.paper.url}`, `ID  - ${journalByAliases.id}`],
      ['TY  - CONF', 'DO  - 10.18653/v1/2023.acl-long.2', 'UR  - https://arxiv.org/abs/2305.00003', `ID  - ${aclByAliases.id}`],
      ['TY  - JOUR', 'C7  - arXiv:2310.00004', `UR  - ${preprintByAliases.paper.url}`, `ID  - ${preprintByAliases.id}`],
    ]);
  });

  it('CSV: the doi and arxiv_id columns', async () => {
    const { text } = await exportPapers(knownByAliases, 'csv');
    const rows = text.split('\r\n').slice(1, -1);
    expect(rows.map((row) => /,(10\.[^,]*)?,([^,]*),(?:"[^"]*"|[^,]*),20\d\d-/.exec(row)?.slice(1, 3))).toEqual([
      ['10.1109/cvpr52733.2024.00123', '2312.00001'],
      ['10.1038/s41586-024-07001-x', '2401.00002'],
      ['10.18653/v1/2023.acl-long.2', '2305.00003'],
      [undefined, '2310.00004'],
    ]);
  });

  it("Markdown: the arXiv page is the link of a paper that has no page of its own, whichever of its ids is arXiv's", () => {
    const noPage: SavedPaper = { ...preprintByAliases, paper: { ...preprintByAliases.paper, url: null } };
    expect(markdownLine(noPage)).toContain('[Sparse Attention Under Review](<https://arxiv.org/abs/2310.00004>)');
    expect(markdownLine(cvprByAliases)).toContain(`](<${cvprByAliases.paper.url}>)`); // its own page first, as for any paper
  });

  // What each format carries back. None has a place for a dblp key (BibTeX's only is dblp's own `DBLP:<key>` cite
  // key, which Papershelf's keys are not), so `dblp:` aliases stay in the list and the backup only. RIS and CSL-JSON
  // carry a conference or journal item's arXiv id nowhere: its URL is its venue page, and `number`/C7 is a
  // preprint's; their ID/id carries the record's own id instead. BibTeX carries no site id: the CVF page's is its URL.
  const back = {
    bibtex: [
      ['arxiv:2312.00001', ['doi:10.1109/cvpr52733.2024.00123', cvprByAliases.id]],
      ['arxiv:2401.00002', [journalByAliases.id]],
      ['arxiv:2305.00003', ['aclanthology:2023.acl-long.2']],
      ['arxiv:2310.00004', [preprintByAliases.id]],
    ],
    ris: [
      ['doi:10.1109/cvpr52733.2024.00123', [cvprByAliases.id]],
      [journalByAliases.id, []],
      ['arxiv:2305.00003', ['aclanthology:2023.acl-long.2']],
      ['arxiv:2310.00004', [preprintByAliases.id]],
    ],
    'csl-json': [
      ['doi:10.1109/cvpr52733.2024.00123', [cvprByAliases.id]],
      [journalByAliases.id, []],
      ['arxiv:2305.00003', ['aclanthology:2023.acl-long.2']],
      ['arxiv:2310.00004', [preprintByAliases.id]],
    ],
    json: knownByAliases.map((p) => [p.id, p.paper.aliases]),
  };

  it.each(['bibtex', 'ris', 'csl-json', 'json'] as const)('%s: read back with the ids it carries; into an empty list each answers to its own id', async (format) => {
    const exported = await exportPapers(knownByAliases, format);
    const parsed = await parseImport(exported.text, exported.filename);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.skipped).toEqual([]);
    expect(parsed.records.map((r) => [r.id, r.paper.aliases])).toEqual(back[format]);
    const { upserts, summary } = mergeImport(new Map(), parsed, Date.UTC(2026, 7, 1));
    expect(summary).toMatchObject({ added: knownByAliases.length, updated: 0 });
    for (const [i, original] of knownByAliases.entries()) expect(knownIds(upserts[i]!.paper)).toContain(original.id);
  });

  it.each(['bibtex', 'ris', 'csl-json', 'json'] as const)('%s: into the list that holds them, each is its one record: nothing to add, nothing to update', async (format) => {
    const exported = await exportPapers(knownByAliases, format);
    const parsed = await parseImport(exported.text, exported.filename);
    if (!parsed.ok) throw new Error(parsed.error);
    const { upserts, summary } = mergeImport(new Map(knownByAliases.map((p) => [p.id, p])), parsed, Date.UTC(2026, 7, 1));
    // The DOI the export wrote from an alias comes back as the record's `doi`: the list knew it already.
    expect(summary).toMatchObject({ added: 0, updated: 0 });
    expect(summary.skipped.map((s) => s.id)).toEqual(knownByAliases.map((p) => p.id));
    expect(upserts).toEqual([]);
  });
});
