import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import type { SavedPaper } from '../../storage/schema';
import { exportPapers } from './formats';
import { texEscapePlain, texEscapeSource } from './tex';
import { acl, attention, emoji, oldStyle, openreview, realistic, texTitle } from '../../../test/fixtures/export/papers';

const fixture = (name: string) => readFileSync(new URL(`../../../test/fixtures/export/${name}`, import.meta.url), 'utf8');

async function bibtex(papers: SavedPaper[]): Promise<string> {
  return (await exportPapers(papers, 'bibtex', { now: Date.UTC(2026, 0, 2) })).text;
}

/** The entries of a .bib text, split at each `@` that starts a line. */
const entries = (text: string) => text.split(/^(?=@)/m).filter((e) => e.trim());

/** Every brace, escaped or not, counted the way BibTeX does: depth never below zero and zero at the end. */
function balanced(text: string): boolean {
  let depth = 0;
  for (const c of text) {
    if (c === '{') depth++;
    if (c === '}' && --depth < 0) return false;
  }
  return depth === 0;
}

interface RawEntry {
  type: string;
  label: string;
  properties: Record<string, string | number>;
}
const reparse = (text: string) => plugins.input.data(text, '@biblatex/text') as RawEntry[];

describe('BibTeX export', () => {
  it('writes the entry Zotero and natbib expect for an arXiv preprint (golden, written by hand)', async () => {
    expect(await bibtex([attention])).toBe(fixture('golden-attention.bib'));
  });

  it('writes an @inproceedings with booktitle for a DOI-only ACL paper (golden, written by hand)', async () => {
    expect(await bibtex([acl])).toBe(fixture('golden-acl.bib'));
  });

  it('writes the year of a paper known by its year alone, and year and month of one known by its month', async () => {
    const dated = (published: string) => ({ ...acl, paper: { ...acl.paper, published } });
    const year = await bibtex([dated('2023')]);
    expect(year).toContain('\tyear = {2023},\n');
    expect(year).not.toContain('month');
    expect(year.startsWith('@inproceedings{liu2023one,')).toBe(true);
    expect(await bibtex([dated('2023-07')])).toBe(fixture('golden-acl.bib')); // the month is all the golden entry has
    expect(await bibtex([dated('2023-11')])).toContain('\tyear = {2023},\n\tmonth = nov,\n');
  });

  it('ends a cut author list with "and others" (printed "et al."), and a whole one without', async () => {
    const cut = { ...attention, paper: { ...attention.paper, authors: attention.paper.authors.slice(0, 2), authorCount: 8 } };
    const text = await bibtex([cut]);
    const [first, second] = attention.paper.authors.map((name) => name.split(' ').reverse()[0]);
    expect(text).toMatch(new RegExp(`\\tauthor = \\{${first}, [^}]* and ${second}, [^}]* and others\\},\\n`));
    expect(reparse(text)[0]!.properties.author).toBeDefined();
    expect(await bibtex([attention])).not.toContain('others');
    // A count no larger than the names (a page that gives both) is no cut.
    expect(await bibtex([{ ...attention, paper: { ...attention.paper, authorCount: attention.paper.authors.length } }])).not.toContain('others');
  });

  it('ends a list cut with its length unknown (a Scholar byline\'s "…": authorsCut) with "and others" too', async () => {
    const cut: SavedPaper = { ...attention, paper: { ...attention.paper, authors: attention.paper.authors.slice(0, 3), authorsCut: true } };
    const text = await bibtex([cut]);
    expect(text).toMatch(/\tauthor = \{Vaswani, Ashish and Shazeer, Noam and Parmar, Niki and others\},\n/);
    expect(reparse(text)[0]!.properties.author).toMatch(/ and others$/);
  });

  it("gives a paper the citation key it has in the whole list given, in BibTeX and CSL-JSON alike", async () => {
    const later = { ...attention, id: 'arxiv:1706.99999', paper: { ...attention.paper, id: 'arxiv:1706.99999' }, savedAt: attention.savedAt + 1 };
    const library = [later, acl, attention];
    const alone = await exportPapers([later], 'bibtex', { library });
    expect(alone.text.startsWith('@misc{vaswani2017attentiona,')).toBe(true);
    expect((await exportPapers([later, acl], 'bibtex', { library })).text).toContain('@misc{vaswani2017attentiona,');
    const csl = JSON.parse((await exportPapers([acl, later], 'csl-json', { library })).text) as { 'citation-key': string }[];
    expect(csl.map((item) => item['citation-key'])).toEqual(['liu2023one', 'vaswani2017attentiona']);
  });

  it('re-parses with citation-js: one entry per paper, unique valid keys, balanced braces', async () => {
    const text = await bibtex([...realistic, { ...attention, id: 'arxiv:1706.03763', paper: { ...attention.paper, id: 'arxiv:1706.03763' } }]);
    const parsed = reparse(text);
    expect(parsed).toHaveLength(realistic.length + 1);
    const keys = parsed.map((e) => e.label);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(key).toMatch(/^[A-Za-z0-9_]+$/);
    // A CJK first author has no ASCII letters to give (2024sub); a repeated key gets a suffix.
    expect(keys).toEqual(['vaswani2017attention', '2024sub', 'vonmisesold', 'wolf2019huggingface', 'liu2023one', 'doe2024site', 'vaswani2017attentiona']);
    for (const entry of entries(text)) expect(balanced(entry)).toBe(true);
  });

  it('carries the fields Zotero reads for every entry: title, author, year, url (and doi when known)', async () => {
    const parsed = reparse(await bibtex(realistic));
    for (const [i, entry] of parsed.entries()) {
      const saved = realistic[i]!;
      expect(entry.properties.title, saved.id).toBeTruthy();
      expect(entry.properties.author, saved.id).toBeTruthy();
      expect(String(entry.properties.url), saved.id).toMatch(/^https:\/\//);
      if (saved.paper.published) expect(String(entry.properties.year)).toBe(saved.paper.published.slice(0, 4));
    }
    expect(parsed.find((e) => e.label === 'liu2023one')?.properties.doi).toBe('10.18653/v1/2023.acl-long.1');
  });

  it('gives arXiv entries eprint, archivePrefix and primaryClass (the first category, or an old-style archive)', async () => {
    const parsed = reparse(await bibtex([attention, texTitle, oldStyle, emoji, acl]));
    const fields = parsed.map((e) => [e.type, e.properties.eprint, e.properties.archiveprefix, e.properties.primaryclass]);
    expect(fields).toEqual([
      ['misc', '1706.03762', 'arXiv', 'cs.CL'],
      ['misc', '2401.12345', 'arXiv', 'stat.ML'],
      ['misc', 'hep-th/9901001', 'arXiv', 'hep-th'],
      ['misc', '1910.03771', 'arXiv', 'cs.CL'],
      ['inproceedings', undefined, undefined, undefined],
    ]);
    const text = await bibtex([attention]);
    expect(text).toContain('\teprint = {1706.03762},\n\tarchivePrefix = {arXiv},\n\tprimaryClass = {cs.CL},');
  });

  it('keeps TeX in titles, escapes what LaTeX would misread, and keeps non-Latin names and emoji', async () => {
    const text = await bibtex([texTitle, emoji]);
    expect(text).toContain(
      'title = {Sub-${O}(n \\log n)$ {{BERT}}: 100\\% of $\\mathcal{{F}}_\\theta$ \\& \\textless{}b\\textgreater{}{More}\\textless{}/b\\textgreater{}}',
    );
    expect(text).toContain('author = {{王小明} and van der Berg, Anna and King, Jr., Martin Luther and علي, محمد and Müller, Jürgen}');
    expect(text).toContain('abstract = {We show $\\ell_1$ bounds with 50\\% less \\#compute\\_cost.}');
    expect(text).toContain("title = {🤗 {HuggingFace}'s {Transformers}: State-of-the-art {Natural} {Language} {Processing}}");
    expect(text).toContain('keywords = {cs.CL, обучение, 学习, nlp}');
    const [first] = reparse(text);
    expect(first?.properties.author).toContain('王小明');
  });

  it('braces a title’s first word, and the first after a colon, when styles would lowercase its capitals (BERT, GPT-4, LoRA)', async () => {
    const titled = (title: string, venue: string | null = null): SavedPaper => ({ ...attention, paper: { ...attention.paper, title, venue } });
    const titles = async (title: string, venue?: string) => reparse(await bibtex([titled(title, venue)]))[0]!.properties;
    expect((await titles('BERT: Pre-training of Deep Bidirectional Transformers')).title).toBe('{BERT}: Pre-training of {Deep} {Bidirectional} {Transformers}');
    expect((await titles('GPT-4 Technical Report')).title).toBe('{GPT}-4 {Technical} {Report}');
    expect((await titles('LoRA: LLMs Adapted')).title).toBe('{LoRA}: {LLMs} {Adapted}');
    expect((await titles('mBART for Translation')).title).toBe('{mBART} for {Translation}');
    // A first word capitalised only at its first letter is kept as it is, as styles keep it.
    expect((await titles('Attention Is All You Need: Again')).title).toBe('Attention {Is} {All} {You} {Need}: Again');
    expect((await titles('A Paper', 'ICML 2023 Workshop')).booktitle).toBe('{ICML} 2023 {Workshop}');
  });

  it('braces words led by a digit that have capitals (3D, 6DoF), which citation-js never braces', async () => {
    const titled = (title: string): SavedPaper => ({ ...attention, paper: { ...attention.paper, title } });
    const title = async (text: string) => reparse(await bibtex([titled(text)]))[0]!.properties.title;
    expect(await title('3D Gaussian Splatting for 6DoF and 4K')).toBe('{3D} {Gaussian} {Splatting} for {6DoF} and {4K}');
    expect(await title('Towards 3D: H100 Scale')).toBe('Towards {3D}: H100 {Scale}'); // H100 is kept as the first after a colon
    // Math and braces keep their meaning: a superscript's argument is not regrouped.
    expect(await title('Cost $O(n^2D)$ of {3D} nets')).toBe('Cost ${O}(n^2D)$ of {3D} nets');
  });

  it('braces words led by a capital beyond ASCII (Étude, Ångström), which citation-js never braces', async () => {
    const titled = (title: string): SavedPaper => ({ ...attention, paper: { ...attention.paper, title } });
    const title = async (text: string) => reparse(await bibtex([titled(text)]))[0]!.properties.title;
    expect(await title('A Study of Étude Networks in Zürich')).toBe('A {Study} of {Étude} {Networks} in {Z}ürich');
    expect(await title('Über Ångström-scale Øresund Data')).toBe('{Über} {Ångström}-scale {Øresund} {Data}');
    expect(await title('Sparse ÉLAN: über alles')).toBe('Sparse {É{LAN}}: über alles'); // lowercase stays lowercase
  });

  it('escapes page data that is not TeX and defuses TeX that reads files or runs code', () => {
    expect(texEscapePlain('R&D {x} 50% #1 a_b ~ ^ \\ <i>')).toBe(
      'R\\&D \\textbraceleft{}x\\textbraceright{} 50\\% \\#1 a\\_b \\textasciitilde{} \\textasciicircum{} \\textbackslash{} \\textless{}i\\textgreater{}',
    );
    const hostile = texEscapeSource('X \\input{/etc/passwd} \\immediate\\write18{rm -rf ~} $^^5cinput$ \\csname input\\endcsname');
    expect(hostile).not.toMatch(/\\(input|immediate|write|csname)\b/);
    expect(hostile).not.toContain('^^');
    expect(balanced(hostile)).toBe(true);
    // Unbalanced braces and dollars can't be TeX groups or math: they are escaped as text.
    expect(texEscapeSource('a } b { c $ d')).toBe('a \\textbraceright{} b \\textbraceleft{} c \\$ d');
    expect(texEscapeSource('trailing \\')).toBe('trailing \\textbackslash{}');
    expect(texEscapeSource('$x < y$ and a < b')).toBe('$x {<} y$ and a \\textless{} b');
  });

  it('never writes `^^`, which TeX reads as a character code even inside a command name (`\\^^69nput` is `\\input`)', async () => {
    for (const source of ['$\\^^69nput{/etc/passwd}$', '$x \\^^^5cinput$', '$\\^^^^0069nput$', 'a $\\^^5cwrite18{id}$ b']) {
      expect(texEscapeSource(source), source).not.toContain('^^');
    }
    const leak: SavedPaper = { ...attention, paper: { ...attention.paper, title: 'Leak $\\^^69nput{/etc/passwd}$', abstract: 'x $\\^^69nput{/etc/shadow}$' } };
    expect(await bibtex([leak])).not.toContain('^^');
  });

  it.each([
    'InputIfFileExists{/etc/passwd}{}{}',
    'IfFileExists{/etc/passwd}{a}{b}',
    'input{/etc/passwd}',
    'include{secret}',
    'openin5=/etc/passwd',
    'read5 to\\x',
    'write18{curl evil.example}',
    'immediate\\write18{rm -rf ~}',
    'pdfmdfivesum file {/etc/passwd}',
    'pdfximage{/etc/passwd}',
    'import{/etc/}{passwd}',
    'subimport{/etc/}{passwd}',
    'catcode`\\^^M=13',
    'def\\x{y}',
    'csname input\\endcsname',
  ])('keeps only known commands: \\%s is written as text', (command) => {
    const escaped = texEscapeSource(`A title \\${command} end`);
    const name = /^[A-Za-z]+/.exec(command)![0];
    expect(escaped).toContain(`\\textbackslash{}${name}`);
    expect(escaped).not.toMatch(/(^|[^\\])(\\\\)*\\(InputIfFileExists|IfFileExists|input|include|openin|read|write|immediate|pdfmdfivesum|pdfximage|import|subimport|catcode|def|csname|endcsname)(?![A-Za-z])/);
  });

  it('keeps the formatting, accents, escapes and math that titles and abstracts are written with', () => {
    const kept = [
      '\\emph{x}', '\\textit{x}', '\\textbf{x}', '\\textsc{x}', '\\"u', "\\'e", '\\`a', '\\^o', '\\~n', '\\c{c}', '\\v{s}', '\\u{g}', '\\H{o}',
      '\\ss', '\\o', '\\&', '\\%', '\\$', '\\_', '\\#', '\\LaTeX', '\\textendash',
      '$\\alpha$', '$\\mathcal{O}(n \\log n)$', '$\\frac{1}{\\sqrt{d}}$', '$\\ell_1$', '$\\mathbb{R}^{d}$', '$x \\leq \\epsilon \\cdot y$',
      '$\\operatorname{softmax}$', '$\\left(\\sum_{i} x_i\\right)$', '$\\hat{\\theta} \\to \\infty$',
    ];
    for (const tex of kept) expect(texEscapeSource(`A ${tex} b`), tex).toBe(`A ${tex} b`);
  });

  it('defuses file-reading commands in titles and abstracts of an export', async () => {
    const hostile: SavedPaper = {
      ...attention,
      paper: { ...attention.paper, title: 'Leak \\InputIfFileExists{/etc/passwd}{}{}', abstract: 'x \\IfFileExists{/etc/passwd}{y}{n} \\pdfmdfivesum file {/etc/passwd}' },
    };
    const text = await bibtex([hostile]);
    // citation-js braces capitalised words in titles, as it does for every title.
    expect(text).toContain('title = {Leak \\textbackslash{}{InputIfFileExists}{/etc/passwd}{}{}}');
    expect(text).toContain('abstract = {x \\textbackslash{}IfFileExists{/etc/passwd}{y}{n} \\textbackslash{}pdfmdfivesum file {/etc/passwd}}');
  });

  it('has balanced braces and one-line fields whatever the page data, and never breaks an entry open', async () => {
    const nasty: SavedPaper = {
      ...openreview,
      id: 'openreview:nasty',
      paper: {
        ...openreview.paper,
        id: 'openreview:nasty',
        title: 'Closing } early}} @misc{evil, title={x}} %comment\nline',
        authors: ['Jane Doe', 'Robert"); DROP TABLE', 'Name {with} and braces }', 'A and B'],
        venue: 'Proc. of {Unbalanced',
        url: 'https://example.org/?q={a',
        abstract: 'abstract with } brace',
      },
    };
    const text = await bibtex([nasty, attention]);
    const parsed = reparse(text);
    expect(parsed.map((e) => e.label)).toEqual(['doe2024closing', 'vaswani2017attention']);
    for (const entry of entries(text)) expect(balanced(entry)).toBe(true);
    expect(text.split('\n').filter((l) => l.startsWith('@'))).toHaveLength(2);
    expect(parsed[0]?.properties.url).toBe('https://example.org/?q=%7Ba');
  });

  it('writes a URL without `^`, which TeX reads as a character code where a style has \\url take its argument as text', async () => {
    const url = 'https://evil.example/a^^5cinput^^20/etc/passwd^^20.pdf';
    const linked: SavedPaper = { ...openreview, paper: { ...openreview.paper, url } };
    const text = await bibtex([linked]);
    expect(text).not.toContain('^');
    expect(reparse(text)[0]?.properties.url).toBe('https://evil.example/a%5E%5E5cinput%5E%5E20/etc/passwd%5E%5E20.pdf');
  });

  it('leaves citation-js configured as it was', async () => {
    const config = plugins.config.get('@bibtex') as { format: { asciiOnly: boolean } };
    expect(config.format.asciiOnly).toBe(true);
    await bibtex(realistic);
    expect(config.format.asciiOnly).toBe(true);
  });
});
