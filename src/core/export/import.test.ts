import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SavedPaper } from '../../storage/schema';
import { exportPapers } from './formats';
import type { ImportParseResult } from './import';
import { MAX_IMPORT_BYTES, mergeImport, parseImport } from './import';
import { acl, attention, emoji, oldStyle, openreview, realistic, texTitle } from '../../../test/fixtures/export/papers';

const fixture = (name: string) => readFileSync(new URL(`../../../test/fixtures/export/${name}`, import.meta.url), 'utf8');

async function ok(text: string, filename?: string) {
  const result = await parseImport(text, filename);
  if (!result.ok) throw new Error(`expected success, got: ${result.error}`);
  return result;
}

async function rejected(text: string, filename?: string): Promise<string> {
  const result: ImportParseResult = await parseImport(text, filename);
  if (result.ok) throw new Error(`expected a rejection, got ${result.records.length} records`);
  return result.error;
}

const backup = (papers: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ format: 'papershelf-backup', version: 1, exportedAt: '2026-01-02T00:00:00.000Z', papers, ...extra });

describe('parseImport: re-import of each exported citation format', () => {
  it('BibTeX: ids from eprint and DOI, authors, categories from primaryClass/keywords, tags from other keywords', async () => {
    const text = (await exportPapers(realistic, 'bibtex')).text;
    const result = await ok(text, 'papershelf.bib');
    expect(result.format).toBe('bibtex');
    expect(result.skipped).toEqual([]);
    // The OpenReview paper has neither arXiv id nor DOI: its url (the forum) names it again.
    expect(result.records.map((r) => r.id)).toEqual([attention.id, texTitle.id, oldStyle.id, emoji.id, acl.id, openreview.id]);
    const [att, tex, , emo, aclBack, site] = result.records;
    expect(att?.paper).toMatchObject({ title: attention.paper.title, authors: attention.paper.authors, categories: ['cs.CL', 'cs.LG'], abstract: attention.paper.abstract });
    expect(att?.tags).toEqual(['transformers', 'classics']);
    expect(att?.status).toBe('to-read');
    expect(tex?.paper.authors).toEqual(texTitle.paper.authors);
    // TeX comes back as text (citation-js's reading): math delimiters and groups go, known commands become
    // Unicode, unknown ones stay; the literal <b> reads as CSL markup and goes too. Best effort by design.
    expect(tex?.paper.title).toBe('Sub-O(n \\log n) BERT: 100% of \\mathcalFθ & More');
    expect(emo?.tags).toEqual(['обучение', '学习', 'nlp']);
    expect(aclBack?.paper).toMatchObject({ title: acl.paper.title, venue: acl.paper.venue, url: acl.paper.url });
    expect(site?.paper.title).toBe(openreview.paper.title);
  });

  it('RIS: the same papers, with full dates and the site id of a site-only paper', async () => {
    const result = await ok((await exportPapers(realistic, 'ris')).text, 'papershelf.ris');
    expect(result.format).toBe('ris');
    expect(result.records.map((r) => r.id)).toEqual(realistic.map((p) => p.id));
    expect(result.records.map((r) => r.paper.published)).toEqual(realistic.map((p) => p.paper.published));
    expect(result.records.map((r) => r.paper.authors)).toEqual(realistic.map((p) => p.paper.authors));
    expect(result.records.map((r) => r.paper.title)).toEqual(realistic.map((p) => p.paper.title));
  });

  it('CSL-JSON: the same papers, titles and dates exactly', async () => {
    const result = await ok((await exportPapers(realistic, 'csl-json')).text, 'papershelf.csl.json');
    expect(result.format).toBe('csl-json');
    for (const [i, record] of result.records.entries()) {
      const saved = realistic[i]!;
      expect(record.id).toBe(saved.id);
      // CSL titles are rich text: <b>…</b> is markup (bold) there, so it does not come back as characters.
      const title = saved.paper.title.replace(/<\/?b>/g, '');
      expect(record.paper).toMatchObject({ title, authors: saved.paper.authors, published: saved.paper.published, venue: saved.paper.venue });
      expect(record.tags).toEqual(saved.tags);
    }
  });

  it('JSON backup: everything, exactly', async () => {
    const result = await ok((await exportPapers(realistic, 'json')).text, 'backup.json');
    expect(result.format).toBe('backup');
    expect(result.records).toStrictEqual(realistic);
    expect(result).not.toHaveProperty('notDuplicates');
  });

  it('JSON backup: the groups said to be different papers come back, and a damaged one costs only itself', async () => {
    const [a, b, c] = realistic.map((r) => r.id) as [string, string, string];
    const exported = await ok((await exportPapers(realistic, 'json', { notDuplicates: [[b, a], [c, a]] })).text, 'backup.json');
    expect(exported.records).toStrictEqual(realistic);
    expect(exported.notDuplicates).toEqual([[a, b].sort(), [a, c].sort()]);

    const damaged = [
      [a, b],
      'not a group',
      [a], // one paper: no group
      [a, a], // the same paper twice: no group
      [a, 42],
      [a, 'javascript:alert(1)'],
      [b, 'arxiv:math.GT/0309136'], // an id as an older build gave it: today's
    ];
    const result = await ok(backup(realistic, { notDuplicates: damaged }));
    expect(result.records).toHaveLength(realistic.length);
    expect(result.notDuplicates).toEqual([[a, b].sort(), [b, 'arxiv:math/0309136'].sort()]);
    expect((await ok(backup(realistic, { notDuplicates: { [a]: b } }))).notDuplicates).toBeUndefined();
  });

  it('JSON backup: its settings come back, never a token, and a damaged field costs only itself', async () => {
    const settings = { githubToken: 'ghp_secret', watchedTopics: ['llm'], followedAuthors: ['Yann LeCun'], tagRules: [{ tag: 'rl', match: 'reward', fields: 'both' as const }], toolbarCount: false, relevance: { enabled: false } };
    const exported = await ok((await exportPapers(realistic, 'json', { settings })).text, 'backup.json');
    expect(exported.records).toStrictEqual(realistic);
    expect(exported.settings).toEqual({ watchedTopics: ['llm'], followedAuthors: ['Yann LeCun'], tagRules: [{ tag: 'rl', match: 'reward', fields: 'both' }], toolbarCount: false, relevance: { enabled: false } });

    // A file written by hand, or damaged: a token in it is not taken; each field of the wrong shape is dropped, and a
    // list keeps its good items.
    const damaged = await ok(
      backup(realistic, {
        settings: {
          githubToken: 'ghp_planted',
          watchedTopics: ['llm', 'NOT A TOPIC', 7],
          followedAuthors: 'Yann LeCun',
          tagRules: [{ tag: 'rl', match: 'reward', fields: 'everywhere' }, { tag: 'moe', match: 'experts', fields: 'title' }],
          toolbarCount: 'yes',
          relevance: { enabled: true, extra: 1 },
          unknown: true,
        },
      }),
    );
    expect(damaged.records).toHaveLength(realistic.length);
    expect(damaged.settings).toEqual({ watchedTopics: ['llm'], tagRules: [{ tag: 'moe', match: 'experts', fields: 'title' }] });
    expect(JSON.stringify(damaged)).not.toContain('ghp_planted');
    for (const nothing of ['settings', 42, null, [], { githubToken: 'ghp_planted' }, { toolbarCount: 1 }]) {
      const result = await ok(backup(realistic, { settings: nothing }));
      expect(result.records).toHaveLength(realistic.length);
      expect(result).not.toHaveProperty('settings');
    }
  });
});

describe('parseImport: author lists cut with "and others"', () => {
  const bib = (author: string) => `@article{k, title = {A Title}, author = {${author}}, year = {2020}, doi = {10.1000/xyz}}`;

  it('reads "and others" as the mark of a cut list (authorsCut), not an author, and writes it back', async () => {
    const [cut] = (await ok(bib('Vaswani, Ashish and Shazeer, Noam and others'), 'x.bib')).records;
    expect(cut!.paper).toMatchObject({ authors: ['Ashish Vaswani', 'Noam Shazeer'], authorCount: null, authorsCut: true });
    expect((await exportPapers([cut!], 'bibtex')).text).toContain('author = {Vaswani, Ashish and Shazeer, Noam and others}');
    // CSL-JSON as citation-js writes it from such a file: the name "others".
    const csl = JSON.stringify([{ id: 'k', type: 'article-journal', title: 'A Title', DOI: '10.1000/xyz', author: [{ family: 'Vaswani', given: 'Ashish' }, { family: 'others' }] }]);
    expect((await ok(csl, 'x.json')).records[0]!.paper).toMatchObject({ authors: ['Ashish Vaswani'], authorsCut: true });
  });

  it('reads "et al." as the same mark, however a file spells it (RIS AU lines, BibTeX, a CSL literal), never as an author', async () => {
    const ris = (au: string) => `TY  - JOUR\nTI  - A Title\nAU  - Vaswani, Ashish\nAU  - ${au}\nPY  - 2020\nDO  - 10.1000/xyz\nER  - \n`;
    for (const mark of ['et al.', 'et al', 'Et Al.', 'et. al.', 'et alii', 'and others']) {
      expect((await ok(ris(mark), 'x.ris')).records[0]!.paper, mark).toMatchObject({ authors: ['Ashish Vaswani'], authorsCut: true });
    }
    expect((await ok(bib('Vaswani, Ashish and et al.'), 'x.bib')).records[0]!.paper).toMatchObject({ authors: ['Ashish Vaswani'], authorsCut: true });
    const csl = JSON.stringify([{ id: 'k', type: 'article-journal', title: 'A Title', DOI: '10.1000/xyz', author: [{ family: 'Vaswani', given: 'Ashish' }, { literal: 'et al.' }] }]);
    expect((await ok(csl, 'x.json')).records[0]!.paper).toMatchObject({ authors: ['Ashish Vaswani'], authorsCut: true });
    // A name that only has these letters in it is a name.
    expect((await ok(ris('Alet, Etienne'), 'x.ris')).records[0]!.paper).toMatchObject({ authors: ['Ashish Vaswani', 'Etienne Alet'] });
    expect((await ok(ris('Alet, Etienne'), 'x.ris')).records[0]!.paper).not.toHaveProperty('authorsCut');
  });

  it('a backup of papers with the mark says a format no build before it reads (4), and round-trips the mark', async () => {
    // Builds before the mark check each paper with no unknown field: a backup of format 3 would lose every marked paper
    // there, one by one; of format 4, they refuse the file whole and say to update.
    const [cut] = (await ok(bib('Vaswani, Ashish and others'), 'x.bib')).records;
    const text = (await exportPapers([cut!], 'json')).text;
    expect(JSON.parse(text).version).toBeGreaterThan(3);
    expect((await ok(text, 'backup.json')).records[0]!.paper).toMatchObject({ authors: ['Ashish Vaswani'], authorsCut: true });
  });

  it('a whole list imported over a cut one in the list fills it in, and the mark goes', async () => {
    const [cut] = (await ok(bib('Vaswani, Ashish and others'), 'x.bib')).records;
    const result = await ok(bib('Vaswani, Ashish and Shazeer, Noam'), 'x.bib');
    const { upserts } = mergeImport(new Map([[cut!.id, cut!]]), result.records, 5000);
    expect(upserts[0]!.paper.authors).toEqual(['Ashish Vaswani', 'Noam Shazeer']);
    expect(upserts[0]!.paper).not.toHaveProperty('authorsCut');
  });

  it('marks no whole list, and no list of no names', async () => {
    const [whole] = (await ok(bib('Vaswani, Ashish and Shazeer, Noam'), 'x.bib')).records;
    expect(whole!.paper).not.toHaveProperty('authorsCut');
    const [none] = (await ok(bib('others'), 'x.bib')).records;
    expect(none!.paper).toMatchObject({ authors: [] });
    expect(none!.paper).not.toHaveProperty('authorsCut');
  });
});

describe('parseImport: files from other tools', () => {
  it('Zotero BibTeX export: the arXiv DOI names the paper; keywords too long to be tags are dropped', async () => {
    const result = await ok(fixture('zotero-export.bib'), 'Exported Items.bib');
    expect(result.records.map((r) => r.id)).toEqual(['arxiv:1706.03762', 'aclanthology:2023.acl-long.1']);
    // "Computer Science - Computation and Language" has 43 characters; tags have at most 40.
    expect(result.records[0]?.tags).toEqual(['Computer Science - Machine Learning']);
    expect(result.records[1]?.paper.venue).toBe('Proceedings of the 61st Annual Meeting of the Association for Computational Linguistics (Volume 1: Long Papers)');
  });

  it('Google Scholar BibTeX: "arXiv preprint arXiv:…" as the journal names the paper; TeX accents decoded', async () => {
    const result = await ok(fixture('google-scholar.bib'));
    expect(result.records[0]?.id).toBe('arxiv:1706.03762');
    expect(result.records[0]?.paper.venue).toBeNull();
    expect(result.records[0]?.paper.authors).toContain('Łukasz Kaiser');
    expect(result.records[1]?.id).toMatch(/^import:/);
    expect(result.records[1]?.paper.venue).toBe('Proceedings of the IEEE conference on computer vision and pattern recognition');
  });

  it('Semantic Scholar BibTeX (and older dblp CoRR entries): the arXiv id in `volume = {abs/…}` names the paper; a handwritten `howpublished` too', async () => {
    const bib = `@article{Lu2022ChallengesAO,
  title={Challenges and Opportunities in Offline Reinforcement Learning from Visual Observations},
  author={Cong Lu and Philip J. Ball and Tim G. J. Rudner},
  journal={ArXiv},
  year={2022},
  volume={abs/2206.04779},
  url={https://api.semanticscholar.org/CorpusID:249605861}
}

@article{DBLP:journals/corr/cs-LG-0601001,
  author = {Jeanne Exemple},
  title = {An Old CoRR Entry},
  journal = {CoRR},
  volume = {abs/cs/0601001},
  year = {2006}
}

@misc{exemple2023,
  title = {A Preprint Cited by Hand},
  author = {Exemple, Jeanne},
  year = {2023},
  howpublished = {arXiv preprint arXiv:2301.00003}
}

@article{volume12,
  title = {A Journal Paper},
  author = {Exemple, Jeanne},
  journal = {Journal of Things},
  volume = {12},
  year = {2023}
}
`;
    const result = await ok(bib, 's2.bib');
    expect(result.records.map((r) => r.id)).toEqual(['arxiv:2206.04779', 'arxiv:cs/0601001', 'arxiv:2301.00003', expect.stringMatching(/^import:/)]);
    // "ArXiv" is no venue; the paper is the preprint, not a journal's.
    expect(result.records[0]?.paper.venue).toBeNull();
  });

  it('keeps a citation\'s year alone, or its year and month, as the date (Scholar, dblp and Zotero BibTeX)', async () => {
    expect((await ok(fixture('google-scholar.bib'))).records.map((r) => r.paper.published)).toEqual(['2017', '2016']);
    expect((await ok(fixture('dblp.bib'))).records[0]?.paper.published).toBe('2017');
    expect((await ok(fixture('zotero-export.bib'))).records.map((r) => r.paper.published)).toEqual(['2023-08', '2023-07']);
    const ris = await ok('TY  - CONF\nTI  - A Proceedings Paper\nPY  - 2019\nER  - \n');
    expect(ris.records[0]?.paper.published).toBe('2019');
  });

  it('DBLP BibTeX: eprint with eprinttype, CoRR is not a venue', async () => {
    const result = await ok(fixture('dblp.bib'));
    expect(result.records[0]).toMatchObject({ id: 'arxiv:1706.03762', paper: { venue: null, authors: ['Ashish Vaswani', 'Noam Shazeer', 'Niki Parmar'] } });
  });

  it('DBLP BibTeX of venue papers: the url (dblp writes the electronic edition) names the venue paper, after arXiv and DOI', async () => {
    const entry = (key: string, title: string, url: string, extra = '') =>
      `@inproceedings{DBLP:${key},\n  author = {Jeanne Exemple},\n  title = {${title}},\n  booktitle = {Proceedings},\n  year = {2023},\n  url = {${url}},${extra}\n}\n`;
    const bib = [
      entry('conf/icml/Exemplo23', 'PMLR Paper', 'https://proceedings.mlr.press/v202/exemplo23a.html'),
      entry('conf/nips/ExempleW23', 'NeurIPS Paper', 'http://papers.nips.cc/paper_files/paper/2023/hash/0a1b2c3d4e5f60718293a4b5c6d7e8f9-Abstract-Conference.html'),
      entry('conf/iclr/LindqvistE24', 'OpenReview Paper', 'https://openreview.net/forum?id=Xk9pQ2vN7a'),
      entry('conf/cvpr/OkaforE24', 'CVF Paper', 'https://openaccess.thecvf.com/content/CVPR2024/html/Okafor_Open_Seg_CVPR_2024_paper.html'),
      entry('conf/sigmorphon/MadsackE19', 'ACL Paper', 'https://www.aclweb.org/anthology/W19-4201/'),
      entry('conf/icml/WithDoi23', 'PMLR Paper With a DOI', 'https://proceedings.mlr.press/v202/doi23a.html', '\n  doi = {10.5555/3618408.3618409},'),
      entry('conf/x/Elsewhere23', 'A Paper Elsewhere', 'https://example.org/paper.html'),
    ].join('\n');
    const result = await ok(bib, 'dblp.bib');
    expect(result.records.map((r) => r.id)).toEqual([
      'pmlr:v202/exemplo23a',
      'neurips:2023/0a1b2c3d4e5f60718293a4b5c6d7e8f9',
      'openreview:Xk9pQ2vN7a',
      'cvf:Okafor_Open_Seg_CVPR_2024',
      'aclanthology:W19-4201',
      'doi:10.5555/3618408.3618409',
      expect.stringMatching(/^import:/),
    ]);
    // The venue paper a DOI beat is still this paper: the one the PMLR page and a dblp entry without the DOI give. The
    // cite key dblp writes (DBLP:<key>) names the dblp entry: what a build before venue ids saved from its page.
    expect(result.records.map((r) => r.paper.aliases)).toEqual([
      ['dblp:conf/icml/Exemplo23'],
      ['dblp:conf/nips/ExempleW23'],
      ['dblp:conf/iclr/LindqvistE24'],
      ['dblp:conf/cvpr/OkaforE24'],
      ['dblp:conf/sigmorphon/MadsackE19'],
      ['pmlr:v202/doi23a', 'dblp:conf/icml/WithDoi23'],
      ['dblp:conf/x/Elsewhere23'],
    ]);
  });

  it("BibTeX's escaped underscores (\\_ as dblp and MIT Press write them, {\\_}) are no part of a DOI or URL: two TACL papers stay two", async () => {
    const bib = [
      '@article{a,\n  title = {First TACL Paper},\n  year = {2019},\n  doi = {10.1162/tacl\\_a\\_00278},\n  url = {https://doi.org/10.1162/tacl\\%5Fa\\%5F00278}\n}',
      '@article{b,\n  title = {Second TACL Paper},\n  year = {2019},\n  doi = {10.1162/tacl\\_a\\_00280}\n}',
      '@article{c,\n  title = {A CL Paper},\n  year = {2010},\n  doi = {10.1162/coli{\\_}a{\\_}00008}\n}', // older ACL, Mendeley: braced
      '@inproceedings{DBLP:conf/cvpr/Liao25,\n  title = {A CVF Paper},\n  year = {2025},\n  url = {https://openaccess.thecvf.com/content/CVPR2025/html/Liao\\_Drive\\_CVPR\\_2025\\_paper.html}\n}',
      '@inproceedings{DBLP:conf/iclr/X21,\n  title = {An ICLR Paper},\n  year = {2021},\n  url = {https://openreview.net/forum?id=e8W-hsu\\_q5}\n}',
    ].join('\n');
    const result = await ok(bib, 'refs.bib');
    expect(result.records.map((r) => [r.id, r.paper.url])).toEqual([
      ['doi:10.1162/tacl_a_00278', 'https://doi.org/10.1162/tacl%5Fa%5F00278'],
      ['doi:10.1162/tacl_a_00280', null],
      ['doi:10.1162/coli_a_00008', null],
      ['cvf:Liao_Drive_CVPR_2025', 'https://openaccess.thecvf.com/content/CVPR2025/html/Liao_Drive_CVPR_2025_paper.html'],
      ['openreview:e8W-hsu_q5', 'https://openreview.net/forum?id=e8W-hsu_q5'],
    ]);
  });

  it('RIS UR and CSL-JSON URL name the venue paper too; a Papershelf id in the record comes first', async () => {
    const ris = await ok('TY  - CONF\nTI  - An OpenReview Paper\nUR  - https://openreview.net/pdf?id=Xk9pQ2vN7a\nER  - \n');
    expect(ris.records.map((r) => r.id)).toEqual(['openreview:Xk9pQ2vN7a']);
    const pdf = 'https://proceedings.mlr.press/v202/exemplo23a/exemplo23a.pdf';
    const csl = await ok(JSON.stringify([
      { id: 'ITEM-1', type: 'paper-conference', title: 'A PMLR Paper', URL: pdf },
      { id: 'scholar:x6BpcW0wpHwJ', type: 'paper-conference', title: 'Saved From Scholar', URL: pdf },
    ]));
    expect(csl.records.map((r) => r.id)).toEqual(['pmlr:v202/exemplo23a', 'scholar:x6BpcW0wpHwJ']);
    // The venue paper its URL names is one of the saved paper's ids all the same.
    expect(csl.records.map((r) => r.paper.aliases)).toEqual([[], ['pmlr:v202/exemplo23a']]);
  });

  it('a doi.org address as the only mention of the DOI (`url`, RIS UR, CSL URL) names the paper by it, as a DOI field does', async () => {
    const entry = (url: string) => `@article{k,\n  title = {A Journal Paper},\n  year = {2020},\n  url = {${url}}\n}\n`;
    const read = async (text: string, filename?: string) => (await ok(text, filename)).records.map((r) => [r.id, r.paper.doi, r.paper.url]);
    expect(await read(entry('https://doi.org/10.1234/abc'), 'refs.bib')).toEqual([['doi:10.1234/abc', null, 'https://doi.org/10.1234/abc']]);
    expect(await read(entry('http://dx.doi.org/10.1162/tacl\\_a\\_00278'), 'refs.bib')).toEqual([['doi:10.1162/tacl_a_00278', null, 'http://dx.doi.org/10.1162/tacl_a_00278']]);
    // arXiv's own DOI is the arXiv paper, and an ACL DOI its Anthology paper, as from a DOI field.
    expect(await read(entry('https://doi.org/10.48550/arXiv.1706.03762'), 'refs.bib')).toEqual([['arxiv:1706.03762', null, 'https://doi.org/10.48550/arXiv.1706.03762']]);
    expect((await read(entry('https://doi.org/10.18653/v1/P17-1001'), 'refs.bib'))[0]?.[0]).toBe('aclanthology:P17-1001');
    expect(await read('TY  - JOUR\nTI  - A Journal Paper\nPY  - 2020\nUR  - https://doi.org/10.1234/abc\nER  - \n', 'x.ris')).toEqual([['doi:10.1234/abc', null, 'https://doi.org/10.1234/abc']]);
    expect(await read(JSON.stringify([{ id: 'x', type: 'article-journal', title: 'A Journal Paper', URL: 'https://doi.org/10.1234/abc' }]))).toEqual([['doi:10.1234/abc', null, 'https://doi.org/10.1234/abc']]);
    // A DOI field still comes first; another site's address that holds a DOI is that site's page, not read as one here.
    const both = '@article{k,\n  title = {T},\n  year = {2020},\n  doi = {10.1234/own},\n  url = {https://doi.org/10.1234/other}\n}\n';
    expect((await read(both, 'refs.bib'))[0]?.[0]).toBe('doi:10.1234/own');
    expect((await read(entry('https://example.org/10.1234/abc'), 'refs.bib'))[0]?.[0]).toMatch(/^import:/);
  });

  it('a record with arXiv id, DOI and venue URL answers to all of them; a title-and-year key is never one of its ids', async () => {
    const bib =
      '@inproceedings{DBLP:conf/cvpr/ReyesE24,\n  title = {Panoptic Lifting for Open-World Scenes},\n  year = {2024},\n' +
      '  doi = {10.1109/CVPR52733.2024.01876},\n  eprint = {2403.01234},\n  eprinttype = {arXiv},\n' +
      '  url = {https://openaccess.thecvf.com/content/CVPR2024/html/Reyes\\_Panoptic\\_Lifting\\_CVPR\\_2024\\_paper.html}\n}\n' +
      '@article{plain,\n  title = {A Journal Paper},\n  year = {2020},\n  doi = {10.1234/abc}\n}\n';
    const result = await ok(bib, 'refs.bib');
    expect(result.records.map((r) => [r.id, r.paper.aliases, r.paper.doi])).toEqual([
      ['arxiv:2403.01234', ['doi:10.1109/cvpr52733.2024.01876', 'cvf:Reyes_Panoptic_Lifting_CVPR_2024', 'dblp:conf/cvpr/ReyesE24'], '10.1109/cvpr52733.2024.01876'],
      // Its title and year would name it only if nothing else did: as an alias it would join papers that merely share them.
      ['doi:10.1234/abc', [], null],
    ]);
    // Only a dblp cite key is an id: another tool's key is a name the user gave the entry.
    const own = await ok('@article{DBLP,\n  title = {T},\n  year = {2020},\n  doi = {10.1234/a}\n}\n@article{smith2020,\n  title = {V},\n  year = {2020},\n  doi = {10.1234/c}\n}\n', 'refs.bib');
    expect(own.records.map((r) => r.paper.aliases)).toEqual([[], []]);
    const ris = await ok('TY  - CONF\nTI  - An OpenReview Paper\nDO  - 10.1234/xyz\nUR  - https://openreview.net/forum?id=Xk9pQ2vN7a\nER  - \n');
    expect(ris.records.map((r) => [r.id, r.paper.aliases])).toEqual([['doi:10.1234/xyz', ['openreview:Xk9pQ2vN7a']]]);
  });

  it('Zotero RIS export: DOI and date, arXiv categories vs. tags', async () => {
    const result = await ok(fixture('zotero-export.ris'));
    expect(result.records.map((r) => [r.id, r.paper.published])).toEqual([
      ['arxiv:1706.03762', '2017-06-12'],
      ['aclanthology:2023.acl-long.1', '2023-07'], // DA 2023/07//: the month it gives
    ]);
    expect(result.records[0]?.paper.categories).toEqual(['cs.LG']);
    expect(result.records[0]?.tags).toEqual(['Computer Science - Machine Learning', 'to-skim']);
  });

  it('RIS dates in Y1 (older RIS, EndNote) keep the month and day they give; an empty part or a season gives none', async () => {
    const dated = async (line: string) => (await ok(`TY  - JOUR\nTI  - Dated\n${line}\nER  - \n`)).records[0]?.paper.published;
    expect(await dated('Y1  - 2019/07')).toBe('2019-07');
    expect(await dated('Y1  - 2019/07/')).toBe('2019-07');
    expect(await dated('Y1  - 2019/07/21/')).toBe('2019-07-21');
    expect(await dated('Y1  - 2019///Summer')).toBe('2019');
    expect(await dated('Y1  - 2019/13/')).toBe('2019'); // no such month
  });

  it('RIS with one space before the dash, LF line ends and no blank lines', async () => {
    const result = await ok('TY - JOUR\nTI - Spaced Out\nAU - Doe, Jane\nPY - 2020\nER - \nTY - JOUR\nTI - Second\nER -\n');
    expect(result.records.map((r) => r.paper.title)).toEqual(['Spaced Out', 'Second']);
  });

  it('a single CSL item (not in a list), and CSL with numbers for strings', async () => {
    const one = await ok(JSON.stringify({ id: 1, type: 'article-journal', title: 'Single', DOI: '10.1234/ABC', issued: { 'date-parts': [['2020', '5', '6']] }, number: 7 }));
    expect(one.records[0]).toMatchObject({ id: 'doi:10.1234/abc', paper: { published: '2020-05-06' } });
  });

  it('CSL dates written as EDTF strings (the CSL 1.0.2 schema allows them in place of date-parts, and as `edtf`) are read, not the item skipped', async () => {
    const items = [
      { id: 'a', type: 'article-journal', title: 'Day', issued: '2020-05-01' },
      { id: 'b', type: 'article-journal', title: 'Month', issued: '2019-07' },
      { id: 'c', type: 'article-journal', title: 'Interval', issued: '2018-03-02/2018-03-05' },
      { id: 'd', type: 'article-journal', title: 'Edtf field', issued: { edtf: '2017-11' } },
      { id: 'e', type: 'paper-conference', title: 'Event', 'event-date': '2016' },
      { id: 'f', type: 'article-journal', title: 'Unknown', issued: 'XXXX' },
    ];
    const result = await ok(JSON.stringify(items), 'edtf.json');
    expect(result.skipped).toEqual([]);
    expect(result.records.map((r) => [r.paper.title, r.paper.published])).toEqual([
      ['Day', '2020-05-01'],
      ['Month', '2019-07'],
      ['Interval', '2018-03-02'],
      ['Edtf field', '2017-11'],
      ['Event', '2016'],
      ['Unknown', null],
    ]);
  });
});

describe('parseImport: validation per record', () => {
  it('a backup record naming an alias of a kind Papershelf does not give keeps the rest of its aliases, not refused whole', async () => {
    const record = { ...attention, paper: { ...attention.paper, aliases: ['zotero:ABCD1234', 'semanticscholar:abc', 'doi:10.1/x y'] } };
    const result = await ok(backup([record]));
    expect(result.skipped).toEqual([]);
    expect(result.records[0]?.paper.aliases).toEqual(['semanticscholar:abc']);
  });

  it('skips records that cannot be valid, with the reason, and imports the rest', async () => {
    const good = attention;
    const text = backup([
      good,
      { ...texTitle, status: 'archived' },
      { ...oldStyle, paper: { ...oldStyle.paper, title: '' } },
      { ...emoji, tags: 'nlp' },
      { ...acl, paper: { ...acl.paper, url: 'javascript:alert(1)' } },
      { ...openreview, extra: true },
      { ...openreview, id: 'openreview:other' },
      42,
      { ...good, note: 'older copy', updatedAt: good.updatedAt - 1 },
    ]);
    const result = await ok(text);
    expect(result.records).toEqual([good]);
    expect(result.skipped.map((s) => [s.id, s.reason])).toEqual([
      ['arxiv:2401.12345', expect.stringMatching(/^status: Invalid type: Expected \("to-read" \| "reading" \| "done"\)/)],
      ['arxiv:hep-th/9901001', expect.stringMatching(/^paper\.title: Invalid length/)],
      ['arxiv:1910.03771', expect.stringMatching(/^tags: Invalid type: Expected Array/)],
      ['aclanthology:2023.acl-long.1', 'paper.url: must be an http(s) URL'],
      ['openreview:aBcD3fGh1', expect.stringMatching(/^extra: Invalid key/)],
      ['openreview:other', expect.stringMatching(/^its id does not match its paper's id/)],
      ['#8', expect.stringMatching(/^Invalid type: Expected Object but received 42/)],
      ['arxiv:1706.03762', 'duplicate in the file: the copy with the newest edit is imported'],
    ]);
  });

  it('moves records under ids older builds gave to the current ids, as the database upgrades did', async () => {
    const under = (saved: SavedPaper, id: string): SavedPaper => ({ ...saved, id, paper: { ...saved.paper, id } });
    const result = await ok(backup([under(oldStyle, 'arxiv:hep-th.AB/9901001'), under(acl, 'doi:10.18653/v1/2023.acl-long.1'), under(attention, 'arxiv:1706.03762v5')]));
    expect(result.records.map((r) => [r.id, r.paper.id])).toEqual([
      [oldStyle.id, oldStyle.id],
      [acl.id, acl.id],
      [attention.id, attention.id],
    ]);
    expect(result.skipped).toEqual([]);
  });

  it('merges a record under an older id with the copy of the same paper under its current id, losing no note or tag', async () => {
    const older = { ...acl, id: 'doi:10.18653/v1/2023.acl-long.1', paper: { ...acl.paper, id: 'doi:10.18653/v1/2023.acl-long.1' }, note: 'from the DOI page', tags: ['acl'], status: 'done' as const, updatedAt: acl.updatedAt + 5 };
    const result = await ok(backup([acl, older]));
    expect(result.records).toHaveLength(1);
    expect(result.records[0]).toMatchObject({ id: acl.id, paper: { id: acl.id }, status: 'done', tags: ['acl', ...acl.tags.filter((t) => t !== 'acl')], updatedAt: older.updatedAt });
    expect(result.records[0]?.note).toContain('from the DOI page');
    if (acl.note.trim()) expect(result.records[0]?.note).toContain(acl.note.trim());
    expect(result.skipped).toEqual([{ id: older.id, title: acl.paper.title, reason: expect.stringMatching(/older id of aclanthology:2023\.acl-long\.1/) }]);
  });

  it('keeps the newest copy when a backup has the same paper twice', async () => {
    const newer = { ...attention, note: 'newer', updatedAt: attention.updatedAt + 10 };
    const result = await ok(backup([attention, newer]));
    expect(result.records).toEqual([newer]);
  });

  it('citation records without a title are skipped; bad keyword tags are dropped, not the record', async () => {
    const bib = [
      '@article{notitle, author = {Doe, Jane}, year = 2020}',
      '@article{ok, title = {Fine}, keywords = {good tag, bad/tag, way-too-long-tag-that-goes-on-and-on-and-on-forever, good tag}}',
      `@article{long, title = {${'x'.repeat(2001)}}}`,
    ].join('\n');
    const result = await ok(bib, 'x.bib');
    expect(result.records.map((r) => [r.paper.title, r.tags])).toEqual([['Fine', ['good tag']]]);
    expect(result.skipped).toEqual([
      { id: '@article{notitle}', reason: 'it has no title' },
      { id: expect.stringMatching(/^import:/), title: expect.stringMatching(/^x+…$/), reason: expect.stringMatching(/^paper\.title: Invalid length: Expected <=2000/) },
    ]);
  });

  it('a paper with more authors than a record keeps (5,154 for ATLAS and CMS) is imported with the first 5,000 and the count, not skipped', async () => {
    const names = Array.from({ length: 5154 }, (_, i) => `Author${i} Person`);
    const bib = `@article{atlas, title = {Combined Measurement of the Higgs Boson Mass}, author = {${names.join(' and ')}}, eprint = {1503.07589}, archivePrefix = {arXiv}, year = 2015}`;
    const csl = JSON.stringify([{ id: 'x', type: 'article-journal', title: 'Combined Measurement of the Higgs Boson Mass', DOI: '10.1103/PhysRevLett.114.191803', author: names.map((n) => ({ given: n.split(' ')[0], family: 'Person' })) }]);
    const ris = `TY  - JOUR\nTI  - Combined Measurement of the Higgs Boson Mass\n${names.map((n) => `AU  - Person, ${n.split(' ')[0]}`).join('\n')}\nPY  - 2015\nER  - \n`;
    for (const [text, name] of [[bib, 'atlas.bib'], [csl, 'atlas.json'], [ris, 'atlas.ris']]) {
      const result = await ok(text!, name);
      expect(result.skipped).toEqual([]);
      expect(result.records).toHaveLength(1);
      const paper = result.records[0]!.paper;
      expect([paper.authors.length, paper.authors[0], paper.authors.at(-1), paper.authorCount]).toEqual([5000, 'Author0 Person', 'Author4999 Person', 5154]);
    }
  }, 30_000);

  it('never takes a script URL from a citation file', async () => {
    const result = await ok('@misc{x, title = {T}, url = {javascript:alert(1)}, howpublished = {data:text/html,<script>}}', 'x.bib');
    expect(result.records[0]?.paper.url).toBeNull();
  });

  it('a record an older build backed up with one tag in two cases holds it once, in its first spelling', async () => {
    const result = await ok(backup([{ ...attention, tags: ['MoE', 'vision', 'moe', 'Vision'] }]));
    expect(result.records.map((r) => r.tags)).toEqual([['MoE', 'vision']]);
  });
});

describe('parseImport: malformed and hostile files are rejected whole, with a clear message', () => {
  const cases: [string, () => string, RegExp][] = [
    ['an empty file', () => '  \n', /^The file is empty\. Nothing was imported\.$/],
    ['binary junk', () => '\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR', /^This is not a text file/],
    ['undecodable bytes', () => '\uFFFD\uFFFD\u0003\uFFFD'.repeat(100), /^This is not a text file/],
    ['truncated JSON', () => backup([attention]).slice(0, 300), /^The file is not valid JSON; it may be cut off or damaged/],
    ['a __proto__ key', () => backup([{ ...attention, __proto__: { polluted: true } }]).replace('"id"', '"__proto__":{"polluted":true},"id"'), /contains the key "__proto__"/],
    ['a constructor.prototype key', () => backup([]).replace('"papers"', '"constructor":{"prototype":{"polluted":true}},"papers"'), /contains the key "(constructor|prototype)"/],
    ['a newer backup version', () => backup([attention], { version: 6 }), /newer version of Papershelf \(backup format 6\); update the extension/],
    ['a backup without papers', () => backup([], { papers: 'all of them' }), /^The backup has no list of papers/],
    ['an unknown JSON format', () => JSON.stringify({ format: 'zotero-rdf', items: [] }), /^Unknown JSON file format "zotero-rdf"/],
    ['JSON that is neither', () => JSON.stringify({ hello: 'world' }), /^This JSON file is neither a Papershelf backup nor CSL-JSON/],
    ['a CSL list holding non-objects', () => JSON.stringify([{ title: 'ok', type: 'article' }, 'nope']), /^Item 2 of the CSL-JSON list is not an object/],
    ['JSON nested too deeply', () => `${'['.repeat(200_000)}${']'.repeat(200_000)}`, /nested too deeply|not valid JSON/],
    ['unclosed BibTeX braces', () => '@article{key,\n  title = {Unclosed,\n  year = 2020\n', /^The BibTeX is malformed: .*braces and quotes are closed/],
    ['BibTeX with junk inside an entry', () => '@article{key, title = {T} junk junk}', /^The BibTeX is malformed/],
    ['RIS with a tag before TY', () => 'TI  - Orphan\nTY  - JOUR\nER  - \n', /^The RIS is malformed: a tag comes before the first "TY {2}- " line/],
    ['plain text', () => 'Just some notes about papers I like.', /^Unrecognised file: expected a Papershelf backup/],
  ];
  it.each(cases)('%s', async (_name, make, message) => {
    const error = await rejected(make());
    expect(error).toMatch(message);
    expect(error).toMatch(/Nothing was imported\.$/);
  });

  it('says what is missing when the file name promises a format the content does not have', async () => {
    expect(await rejected('no entries here', 'refs.bib')).toMatch(/^No BibTeX entries/);
    expect(await rejected('no records here', 'refs.ris')).toMatch(/^No RIS records/);
    expect(await rejected('not json', 'backup.json')).toMatch(/^The file is not valid JSON/);
  });

  it('rejects files over 50 MB and lists over 100,000 records', async () => {
    expect(await rejected(`[${' '.repeat(MAX_IMPORT_BYTES)}]`)).toMatch(/larger than the 50 MB import limit/);
    // 17 M characters of three-byte UTF-8: under the character count, over the byte limit.
    expect(await rejected(`"${'€'.repeat(17_500_000)}"`)).toMatch(/larger than the 50 MB import limit/);
    expect(await rejected(`[${Array(100_001).fill('{}').join(',')}]`)).toMatch(/has 100,001 items; at most 100,000/);
    expect(await rejected(backup(Array(100_001).fill(0)))).toMatch(/has 100,001 papers; at most 100,000/);
  });

  it('does not pollute Object.prototype whatever the file says', async () => {
    await parseImport('{"__proto__":{"polluted":true}}');
    await parseImport('@article{x, __proto__ = {yes}, constructor = {no}, title = {T}}\n@string{__proto__ = "p"}', 'x.bib');
    await parseImport('[{"title":"T","type":"article","constructor":{"prototype":{"polluted":true}}}]');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('reads BibTeX with hostile field names without harm', async () => {
    const result = await ok('@article{x, __proto__ = {yes}, constructor = {no}, title = {Still Fine}}', 'x.bib');
    expect(result.records.map((r) => r.paper.title)).toEqual(['Still Fine']);
  });
});

describe('parseImport: format detection', () => {
  it.each([
    ['backup', (): string => backup([attention]), 'whatever.txt'],
    ['csl-json', (): string => JSON.stringify([{ type: 'article', title: 'T' }]), undefined],
    ['bibtex', (): string => '% comment\n\n@Article{k, title = "Quoted Title"}', 'no-extension'],
    ['ris', (): string => '\r\n\r\nTY  - JOUR\r\nTI  - T\r\nER  - \r\n', 'export.txt'],
  ] as const)('%s by content, whatever the file name', async (format, make, filename) => {
    expect((await ok(make(), filename)).format).toBe(format);
  });

  it('strips a UTF-8 byte order mark', async () => {
    expect((await ok(`\uFEFF${backup([attention])}`)).records).toEqual([attention]);
  });

  it('prefers BibTeX for a .bib file whose text also has a RIS-looking line', async () => {
    const bib = 'TY  - not really\n@misc{k, title = {T}}';
    expect((await ok(bib, 'refs.bib')).format).toBe('bibtex');
  });

  it('gives imported citation records no timestamps and status to-read (merge decides the rest)', async () => {
    const [record] = (await ok('@misc{k, title = {T}}')).records as [SavedPaper];
    expect(record).toMatchObject({ status: 'to-read', note: '', savedFrom: '', savedAt: 0, updatedAt: 0 });
    expect(record.paper.source).toEqual({ site: 'import', page: 'bibtex' });
  });
});
