// Files other tools write that citation-js reads otherwise than they mean (repeated RIS tags, EndNote's free-text
// dates, a conference's name), and tags that look like arXiv classes, through an export and back.
import { plugins } from '@citation-js/core';
import { describe, expect, it } from 'vitest';
import { openreview } from '../../../test/fixtures/export/papers';
import type { SavedPaper } from '../../storage/schema';
import { exportPapers } from './formats';
import { mergeImport, parseImport } from './import';

async function ok(text: string, filename?: string) {
  const result = await parseImport(text, filename);
  if (!result.ok) throw new Error(result.error);
  return result;
}

describe('RIS as EndNote writes it: a DA with no year (its free-text Date field) leaves the PY its year', () => {
  it.each(['Jan 15', 'Dec 14', 'Jan', 'Spring', 'January 15, 2019'])('PY 2019 + DA %s keeps 2019', async (da) => {
    const result = await ok(`TY  - JOUR\nTI  - An EndNote Record\nAU  - Doe, Jane\nPY  - 2019\nDA  - ${da}\nDO  - 10.1000/xyz123\nER  - \n`, 'endnote.ris');
    expect(result.skipped).toEqual([]);
    expect(result.records[0]?.paper.published?.slice(0, 4)).toBe('2019');
  });
  it('two EndNote records of the same title in different years stay two papers', async () => {
    const rec = (y: number) => `TY  - JOUR\nTI  - Annual Report\nPY  - ${y}\nDA  - Jan 15\nER  - \n`;
    const result = await ok(rec(2019) + rec(2020), 'endnote.ris');
    expect(result.records).toHaveLength(2);
  });
});

describe('RIS with classic Mac line ends (CR alone), as old EndNote and Reference Manager files have them', () => {
  it('reads each record', async () => {
    const rec = (title: string) => `TY  - JOUR\rTI  - ${title}\rAU  - Doe, Jane\rPY  - 2019\rER  -\r`;
    const result = await ok(`${rec('One')}\r${rec('Two')}`, 'old.ris');
    expect(result.skipped).toEqual([]);
    expect(result.records.map((r) => [r.paper.title, r.paper.authors, r.paper.published])).toEqual([
      ['One', ['Jane Doe'], '2019'],
      ['Two', ['Jane Doe'], '2019'],
    ]);
  });
});

describe('RIS as Mendeley writes it: a tag given twice is read as its first value, not a record lost', () => {
  it('two UR lines (abstract page and PDF) still name the arXiv paper and keep its URL', async () => {
    const ris = 'TY  - JOUR\nTI  - Attention Is All You Need\nAU  - Vaswani, Ashish\nPY  - 2017\nUR  - http://arxiv.org/abs/1706.03762\nUR  - http://arxiv.org/pdf/1706.03762\nER  - \n';
    const result = await ok(ris, 'mendeley.ris');
    expect(result.records[0]?.id).toBe('arxiv:1706.03762');
    expect(result.records[0]?.paper.url).toBe('http://arxiv.org/abs/1706.03762');
  });
  it.each([
    ['T2', 'T2  - Journal of Things\nT2  - J. Things'],
    ['JO', 'JO  - Journal of Things\nJO  - J. Things'],
    ['DO', 'DO  - 10.1000/xyz123\nDO  - 10.1000/xyz123'],
    ['Y2 (access date)', 'Y2  - 2024/01/01/\nY2  - 2024/02/01/'],
  ])('a repeated %s does not cost the record', async (_tag, lines) => {
    const result = await ok(`TY  - JOUR\nTI  - A Paper\nAU  - Doe, Jane\nPY  - 2020\n${lines}\nER  - \n`, 'x.ris');
    expect(result.skipped).toEqual([]);
    expect(result.records.map((r) => r.paper.title)).toEqual(['A Paper']);
  });
});

describe('BibTeX with cross-references (dblp\'s "with crossref", biblatex): the volume an entry cross-references is no paper', () => {
  it('imports the papers, with the venue they inherit, and says why the proceedings volume is left out', async () => {
    const bib = `@inproceedings{DBLP:conf/nips/VaswaniSPUJGKP17,
  author       = {Ashish Vaswani and Illia Polosukhin},
  title        = {Attention is All you Need},
  pages        = {5998--6008},
  year         = {2017},
  crossref     = {DBLP:conf/nips/2017},
  url          = {https://proceedings.neurips.cc/paper/2017/hash/3f5ee243547dee91fbd053c1c4a845aa-Abstract.html}
}

@proceedings{DBLP:conf/nips/2017,
  editor       = {Isabelle Guyon and Ulrike von Luxburg},
  title        = {Advances in Neural Information Processing Systems 30},
  year         = {2017},
  url          = {https://proceedings.neurips.cc/paper/2017}
}

@inproceedings{names-itself,
  author       = {Jane Doe},
  title        = {A Paper Whose Entry Cross-References Itself},
  year         = {2020},
  crossref     = {names-itself}
}

@proceedings{cited-alone,
  editor       = {Jane Doe},
  title        = {Proceedings of a Workshop the Reader Cites Whole},
  year         = {2020}
}
`;
    const result = await ok(bib, 'dblp.bib');
    expect(result.records.map((r) => [r.paper.title, r.paper.venue])).toEqual([
      ['Attention is All you Need', 'Advances in Neural Information Processing Systems 30'],
      ['A Paper Whose Entry Cross-References Itself', null],
      ['Proceedings of a Workshop the Reader Cites Whole', null],
    ]);
    expect(result.skipped).toEqual([{ id: '@proceedings{DBLP:conf/nips/2017}', title: 'Advances in Neural Information Processing Systems 30', reason: expect.stringMatching(/cross-reference/) }]);
  });

  it('every paper of a long file inherits from its volume, though the file is read in parts and the volumes come last', async () => {
    const papers = Array.from({ length: 600 }, (_, i) => `@inproceedings{p${i}, author = {Doe, Jane}, title = {Paper Number ${i}}, crossref = {proc${i % 2}}}`);
    const volumes = [0, 1].map((n) => `@proceedings{proc${n}, title = {Proceedings of Conference ${n}}, year = {202${n}}, editor = {Roe, Rick}}`);
    const result = await ok([...papers, ...volumes].join('\n'), 'thesis.bib');
    expect(result.records).toHaveLength(600);
    expect(result.records.every((r, i) => r.paper.venue === `Proceedings of Conference ${i % 2}` && r.paper.published === `202${i % 2}`)).toBe(true);
  });
});

describe('BibTeX as Mendeley Desktop writes it: a `url` of several addresses, one after another, is its first', () => {
  const entry = (url: string) => `@article{Doe2019,\nauthor = {Doe, Jane},\ntitle = {{A Paper}},\nurl = {${url}},\nyear = {2019}\n}\n`;
  it('an arXiv abstract page and its PDF still name the arXiv paper, with the page as its URL', async () => {
    const result = await ok(entry('https://arxiv.org/abs/1901.00001v2 https://arxiv.org/pdf/1901.00001v2'), 'mendeley.bib');
    expect(result.records[0]).toMatchObject({ id: 'arxiv:1901.00001', paper: { url: 'https://arxiv.org/abs/1901.00001v2', version: 2 } });
  });
  it('a venue page and another address: the venue paper, and a URL that opens', async () => {
    const page = 'https://proceedings.neurips.cc/paper/2017/hash/3f5ee243547dee91fbd053c1c4a845aa-Abstract.html';
    const result = await ok(entry(`${page} http://papers.nips.cc/paper/7181-attention-is-all-you-need.pdf`), 'mendeley.bib');
    expect(result.records[0]).toMatchObject({ id: 'neurips:2017/3f5ee243547dee91fbd053c1c4a845aa', paper: { url: page } });
  });
});

describe('a conference record\'s conference name is its venue: RIS T2, CSL-JSON event', () => {
  it.each(['CONF', 'CPAPER'])('%s with T2', async (ty) => {
    const result = await ok(`TY  - ${ty}\nTI  - A Conference Paper\nAU  - Doe, Jane\nPY  - 2020\nT2  - Advances in Neural Information Processing Systems\nER  - \n`, 'x.ris');
    expect(result.records[0]?.paper.venue).toBe('Advances in Neural Information Processing Systems');
  });
  it('CSL-JSON `event` (CSL 1.0.1, older Zotero) as well as `event-title`', async () => {
    const result = await ok(JSON.stringify([{ id: 'x', type: 'paper-conference', title: 'A Conference Paper', event: 'NeurIPS 2020' }]));
    expect(result.records[0]?.paper.venue).toBe('NeurIPS 2020');
  });
});

describe('a tag named like an arXiv archive ("math", "physics", "quant-ph") comes back from an own export as a tag', () => {
  const tagged = (tag: string): SavedPaper => ({ ...openreview, tags: [tag] });
  it.each([
    ['bibtex', 'math'],
    ['ris', 'physics'],
    ['csl-json', 'quant-ph'],
  ] as const)('%s: re-importing the export of a paper tagged %s changes nothing', async (format, tag) => {
    const paper = tagged(tag);
    const exported = await exportPapers([paper], format);
    const parsed = await ok(exported.text, exported.filename);
    const { summary, upserts } = mergeImport(new Map([[paper.id, paper]]), parsed, Date.UTC(2026, 7, 1));
    expect(upserts).toEqual([]);
    expect(summary).toMatchObject({ added: 0, updated: 0 });
  });
  it('into an empty list (a new device), the tag comes back as a tag', async () => {
    const exported = await exportPapers([tagged('math')], 'ris');
    const parsed = await ok(exported.text, exported.filename);
    expect(parsed.records[0]?.tags).toEqual(['math']);
  });
});

describe('BibTeX author lists: a name ending in a TeX command before " and " is still its own name', () => {
  it.each([
    ['Carl Friedrich Gau\\ss and Bernhard Riemann', ['Carl Friedrich Gauß', 'Bernhard Riemann']],
    ['Hansen, Bj\\o and Doe, Jane', ['Bjø Hansen', 'Jane Doe']],
    ['Lab, Smith \\& and Doe, Jane and Roe, Rick', ['Smith & Lab', 'Jane Doe', 'Rick Roe']],
    ['Under, Score\\_ and Doe, Jane', ['Score_ Under', 'Jane Doe']],
    // As before: a command within a name, and one braced.
    ['M\\"uller, J\\"org and Wei{\\ss} and Doe, Jane', ['Jörg Müller', 'Weiß', 'Jane Doe']],
  ])('%s', async (authors, expected) => {
    const result = await ok(`@article{k, title={Names}, author={${authors}}, year={2020}}`, 'names.bib');
    expect(result.records[0]?.paper.authors).toEqual(expected);
  });

  it("a Papershelf export's author whose given name ends in an escaped character (`Smith, Ann\\_ and …`) comes back as it went", async () => {
    const paper: SavedPaper = { ...openreview, paper: { ...openreview.paper, authors: ['Ann_ Smith', 'Bo& Lee', 'Jane Doe'] } };
    const exported = await exportPapers([paper], 'bibtex');
    expect(exported.text).toContain('author = {Smith, Ann\\_ and Lee, Bo\\& and Doe, Jane}');
    const result = await ok(exported.text, exported.filename);
    expect(result.records[0]?.paper.authors).toEqual(['Ann_ Smith', 'Bo& Lee', 'Jane Doe']);
  });
});

describe("BibTeX's accented i and j, written on the dotless letter (`Garc{\\'\\i}a`, as Google Scholar and JabRef write them)", () => {
  it.each([
    ["Garc{\\'\\i}a, Jos{\\'e}", 'José García'],
    ["Mart\\'{\\i}nez, Ana", 'Ana Martínez'],
    ["Garc{\\'{\\i}}a, Eva", 'Eva García'],
    ['Ba{\\"\\i}d, Lina', 'Lina Baïd'],
  ])('%s is the accented letter i, not a dotless ı with an accent LaTeX cannot typeset', async (author, expected) => {
    const result = await ok(`@article{k, title={Log{\\'\\i}stica}, author={${author}}, year={2020}}`, 'scholar.bib');
    expect(result.records[0]?.paper.authors).toEqual([expected]);
    expect(result.records[0]?.paper.title).toBe('Logística');
    // What the list exports again is what pdfLaTeX's inputenc reads: no combining accent (U+0301).
    const exported = await exportPapers(result.records, 'bibtex');
    expect(exported.text).not.toMatch(/\p{M}/u);
  });
});

describe("BibTeX's \\AA and \\aa (Å, å), which citation-js does not know", () => {
  it('are the letters, in names and titles, as Google Scholar and JabRef write them', async () => {
    const bib = `@article{aastrom1995pid,\n  title={{PID} controllers in {\\AA}ngstr{\\"o}m units},\n  author={{\\AA}str{\\"o}m, Karl Johan and Kr\\aa kenes, Ove and H{\\aa}konsen, Lise},\n  journal={Automatica},\n  year={1995}\n}\n`;
    const result = await ok(bib, 'scholar.bib');
    expect(result.records[0]?.paper.title).toBe('PID controllers in Ångström units');
    expect(result.records[0]?.paper.authors).toEqual(['Karl Johan Åström', 'Ove Kråkenes', 'Lise Håkonsen']);
    // citation-js's own table is left as it was.
    const { constants } = plugins.config.get('@bibtex') as { constants: { commands: Record<string, string> } };
    expect(Object.hasOwn(constants.commands, 'AA')).toBe(false);
  });
});

describe('a BibTeX month abbreviated with a dot (`{Sep.}`, `{Sept.}`, `{jan.}`), as hand-written and IEEE-style entries have it', () => {
  it.each([
    ['{Sep.}', '2021-09'],
    ['{Sept.}', '2021-09'],
    ['{sept}', '2021-09'],
    ['{jan.}', '2021-01'],
    ['"Aug."', '2021-08'],
    ['{Dec.}', '2021-12'],
    ['{Sep. 14}', '2021-09-14'],
    ['{14 Sep.}', '2021-09-14'],
    ['sep', '2021-09'], // the macro, as before
  ])('month = %s is the month', async (month, published) => {
    const result = await ok(`@article{k, title={Dated}, author={Doe, Jane}, year={2021}, month=${month}}`, 'x.bib');
    expect(result.records[0]?.paper.published).toBe(published);
  });
});

describe("RIS authors under both author tags, the older RIS's A1 and the newer's AU (Zotero reads both)", () => {
  it.each([
    ['A1 then AU', 'A1  - One, Ann\nAU  - Two, Bo\nAU  - Three, Cy', ['Ann One', 'Bo Two', 'Cy Three']],
    ['AU then A1', 'AU  - One, Ann\nA1  - Two, Bo', ['Ann One', 'Bo Two']],
    ['the same names under both', 'A1  - One, Ann\nA1  - Two, Bo\nAU  - One, Ann\nAU  - Two, Bo', ['Ann One', 'Bo Two']],
    ['A1 alone, as before', 'A1  - One, Ann\nA1  - Two, Bo', ['Ann One', 'Bo Two']],
  ])('%s: every author is kept, once', async (_how, lines, authors) => {
    const result = await ok(`TY  - JOUR\nTI  - A Paper\n${lines}\nPY  - 2020\nER  - \n`, 'x.ris');
    expect(result.records[0]?.paper.authors).toEqual(authors);
  });
});

describe('RIS: a record ends at its ER line, so the lines after it are not the record before', () => {
  const first = 'TY  - JOUR\nTI  - The First Paper\nAU  - Doe, Jane\nPY  - 2019\nDO  - 10.1000/one\nER  - \n\n';
  const second = 'TI  - The Second Paper\nAU  - Roe, Rick\nPY  - 2020\nDO  - 10.1000/two\nER  - \n';
  const papers = (result: Awaited<ReturnType<typeof ok>>) => result.records.map((r) => [r.id, r.paper.title, r.paper.authors, r.paper.published, r.tags]);

  it('a record with an empty TY, or none, is a paper of its own, not more authors of the one before', async () => {
    for (const type of ['TY  - \n', '']) {
      const result = await ok(first + type + second, 'x.ris');
      expect(result.skipped).toEqual([]);
      expect(papers(result)).toEqual([
        ['doi:10.1000/one', 'The First Paper', ['Jane Doe'], '2019', []],
        ['doi:10.1000/two', 'The Second Paper', ['Rick Roe'], '2020', []],
      ]);
    }
  });

  it('stray tag lines between two records belong to neither', async () => {
    const result = await ok(`${first}KW  - exported-by-hand\nN1  - next record\n\nTY  - JOUR\n${second}`, 'x.ris');
    expect(papers(result)).toEqual([
      ['doi:10.1000/one', 'The First Paper', ['Jane Doe'], '2019', []],
      ['doi:10.1000/two', 'The Second Paper', ['Rick Roe'], '2020', []],
    ]);
  });
});
