import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SavedPaper } from '../../storage/schema';
import type { ExportFormat } from './formats';
import { csvCell, exportPapers, markdownLine, markdownSection, markdownText } from './formats';
import { acl, attention, openreview, realistic, texTitle } from '../../../test/fixtures/export/papers';

const NOW = Date.UTC(2026, 0, 2, 15, 4, 5);
// File names carry the local day: these tests read them in UTC, wherever they run (one test sets other zones).
const zone = process.env.TZ;
beforeAll(() => void (process.env.TZ = 'UTC'));
afterAll(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

describe('exportPapers', () => {
  it.each([
    ['bibtex', 'papershelf-2026-01-02.bib', 'application/x-bibtex;charset=utf-8'],
    ['ris', 'papershelf-2026-01-02.ris', 'application/x-research-info-systems;charset=utf-8'],
    ['csl-json', 'papershelf-2026-01-02.csl.json', 'application/vnd.citationstyles.csl+json;charset=utf-8'],
    ['markdown', 'papershelf-2026-01-02.md', 'text/markdown;charset=utf-8'],
    ['markdown-notes', 'papershelf-notes-2026-01-02.md', 'text/markdown;charset=utf-8'],
    ['csv', 'papershelf-2026-01-02.csv', 'text/csv;charset=utf-8'],
    ['json', 'papershelf-backup-2026-01-02.json', 'application/json;charset=utf-8'],
  ] as const)('%s: file name and type', async (format, filename, mime) => {
    const result = await exportPapers(realistic, format as ExportFormat, { now: NOW });
    expect(result.filename).toBe(filename);
    expect(result.mime).toBe(mime);
    expect(result.text.length).toBeGreaterThan(0);
  });

  it.each([
    // 20:00 on 1 July in California is 03:00 on 2 July in UTC; 08:00 on 2 July in Auckland is 20:00 on 1 July in UTC.
    ['America/Los_Angeles', Date.UTC(2026, 6, 2, 3, 0), '2026-07-01'],
    ['Pacific/Auckland', Date.UTC(2026, 6, 1, 20, 0), '2026-07-02'],
  ])('names the file and the Markdown list by the day where the reader is (%s)', async (readerZone, now, day) => {
    process.env.TZ = readerZone;
    try {
      expect((await exportPapers(realistic, 'bibtex', { now })).filename).toBe(`papershelf-${day}.bib`);
      expect((await exportPapers(realistic, 'json', { now })).filename).toBe(`papershelf-backup-${day}.json`);
      expect((await exportPapers(realistic, 'markdown', { now })).text).toContain(`Exported ${day}, `);
    } finally {
      process.env.TZ = 'UTC';
    }
  });

  it('exports an empty selection without failing', async () => {
    for (const format of ['bibtex', 'ris', 'csl-json', 'markdown', 'markdown-notes', 'csv', 'json'] as const) {
      await expect(exportPapers([], format, { now: NOW })).resolves.toMatchObject({ filename: expect.any(String) });
    }
  });

  it('does not modify the records it exports', async () => {
    const copy = structuredClone(realistic);
    for (const format of ['bibtex', 'ris', 'csl-json', 'markdown', 'markdown-notes', 'csv', 'json'] as const) await exportPapers(realistic, format, { now: NOW });
    expect(realistic).toEqual(copy);
  });
});

describe('CSL-JSON export', () => {
  it('is a JSON list of CSL items with citation keys, preprints typed `article` with the arXiv DOI', async () => {
    const items = JSON.parse((await exportPapers(realistic, 'csl-json', { now: NOW })).text) as Record<string, unknown>[];
    expect(items.map((i) => [i.id, i['citation-key'], i.type])).toEqual([
      ['arxiv:1706.03762', 'vaswani2017attention', 'article'],
      ['arxiv:2401.12345', '2024sub', 'article'],
      ['arxiv:hep-th/9901001', 'vonmisesold', 'article'],
      ['arxiv:1910.03771', 'wolf2019huggingface', 'article'],
      ['aclanthology:2023.acl-long.1', 'liu2023one', 'paper-conference'],
      ['openreview:aBcD3fGh1', 'doe2024site', 'paper-conference'],
    ]);
    expect(items[0]).toMatchObject({
      publisher: 'arXiv',
      number: 'arXiv:1706.03762',
      DOI: '10.48550/arXiv.1706.03762',
      URL: 'https://arxiv.org/abs/1706.03762',
      issued: { 'date-parts': [[2017, 6, 12]] },
      keyword: 'cs.CL, cs.LG, transformers, classics',
    });
    // Notes and reading status are personal: they stay out of citation data.
    expect(JSON.stringify(items)).not.toContain('second line');
    expect(JSON.stringify(items)).not.toContain('"reading"');
  });
});

describe('dates known to the year or the month', () => {
  const dated = (published: string): SavedPaper => ({ ...acl, paper: { ...acl.paper, published } });

  it('CSL-JSON has date-parts of as many parts as the date has', async () => {
    const items = JSON.parse((await exportPapers([dated('2023'), { ...dated('2023-07'), id: 'doi:10.1/x' }], 'csl-json', { now: NOW })).text) as Record<string, unknown>[];
    expect(items.map((i) => i.issued)).toEqual([{ 'date-parts': [[2023]] }, { 'date-parts': [[2023, 7]] }]);
    expect(items.map((i) => i['citation-key'])).toEqual(['liu2023one', 'liu2023onea']);
  });

  it('CSV writes the date as it is known', async () => {
    for (const published of ['2023', '2023-07']) {
      const { text } = await exportPapers([dated(published)], 'csv', { now: NOW });
      // The authors, then the date, then the venue.
      expect(text.split('\r\n')[1]).toContain(`Benyou Wang",${published},Proceedings of the 61st Annual Meeting`);
    }
  });
});

describe('Markdown export with notes', () => {
  it('writes a section per paper: its title linked, what it is, what the reader keeps, and the whole note quoted as written', async () => {
    const noted = { ...attention, note: 'Key idea: **attention** only.\r\n\n- read section 3\n# my heading\n' };
    const { text, filename } = await exportPapers([noted, acl], 'markdown-notes', { now: NOW });
    expect(filename).toBe('papershelf-notes-2026-01-02.md');
    const lines = text.split('\n');
    expect(lines.slice(0, 3)).toEqual(['# Papershelf reading notes', '', 'Exported 2026-01-02, 2 papers, 2 with notes.']);
    const first = text.slice(text.indexOf('## [Attention'), text.indexOf('## [One Cannot'));
    expect(first.split('\n').slice(0, 2)).toEqual(['## [Attention Is All You Need](<https://huggingface.co/papers/1706.03762>)', '']);
    expect(first).toContain(' · arXiv:1706.03762');
    expect(first).toContain('\nreading · tags: transformers, classics · saved ');
    // The reader's Markdown kept, each line quoted (the heading stays inside the quote), blank lines as quote breaks.
    expect(first.trimEnd().split('\n').slice(-5)).toEqual(['', '> Key idea: **attention** only.', '>', '> - read section 3', '> # my heading']);
  });

  it('escapes page data as the list does, and the raw HTML a note may hold, never the note\'s own Markdown', () => {
    const hostile = {
      ...openreview,
      paper: { ...openreview.paper, title: '<img src=x onerror=alert(1)> [x](javascript:alert(1))', authors: ['**Bold** Author'], venue: 'ICLR <b>2024</b>' },
      note: 'pasted: <script>alert(1)</script> <!-- hidden -->\n[my link](https://example.org) and 2 < 3',
    };
    const section = markdownSection(hostile);
    expect(section).toContain('## [\\<img src=x onerror=alert\\(1\\)\\> \\[x\\]\\(javascript:alert\\(1\\)\\)](<https://openreview.net/');
    expect(section).toContain('\\*\\*Bold\\*\\* Author');
    expect(section).toContain('ICLR \\<b\\>2024\\</b\\>');
    expect(section).toContain('> pasted: \\<script>alert(1)\\</script> \\<!-- hidden -->');
    expect(section).toContain('> [my link](https://example.org) and 2 < 3');
    expect(section).not.toMatch(/(^|[^\\])<(script|img|b|!--)/);
  });

  it('leaves a `<` the note escaped already as it is: doubling its backslash would unescape the tag', () => {
    const section = markdownSection({ ...acl, note: 'as Markdown: \\<script>alert(1)\\</script>, \\\\<b>two</b>' });
    expect(section).toContain('> as Markdown: \\<script>alert(1)\\</script>, \\\\\\<b>two\\</b>');
    // No `<` starting a tag behind an even number of backslashes (none, or escaped backslashes).
    expect(section.split('\n').filter((line) => line.startsWith('>'))).not.toContainEqual(expect.stringMatching(/(^|[^\\])(\\\\)*<[A-Za-z/!?]/));
  });

  /** The quoted note of a section, its `> ` taken off. */
  const quoted = (note: string) =>
    markdownSection({ ...acl, note })
      .split('\n')
      .filter((line) => line.startsWith('>'))
      .map((line) => line.replace(/^> ?/, ''));
  /** A `<` that opens a tag behind no backslash, or behind escaped ones. */
  const bareTag = /(^|[^\\])(\\\\)*<[A-Za-z/!?]/;

  it('leaves a note’s code as written: no backslash before `<` in inline code or a fenced block', () => {
    const note = ['Use `List<T>` and ``a <b> ` c``, not <b>bold</b>.', '', '```html', '<div class="x">', '  </div>', '```', 'after <i>it</i>', '~~~', '<br>', '~~~~'].join('\n');
    expect(quoted(note)).toEqual([
      'Use `List<T>` and ``a <b> ` c``, not \\<b>bold\\</b>.',
      '',
      '```html',
      '<div class="x">',
      '  </div>',
      '```',
      'after \\<i>it\\</i>',
      '~~~',
      '<br>',
      '~~~~',
    ]);
    // An unclosed fence is code to the end of the note, as the quote ends it.
    expect(quoted('```\n<T>')).toEqual(['```', '<T>']);
  });

  it.each([
    ['a code span across lines (a list item may end the paragraph between)', '- a `x\n- <script>alert(1)</script> `'],
    ['a backtick in a link destination, where no span starts', '[a](x`y) <script>alert(1)</script> `'],
    ['a backtick in a link title', '[a](x "a)b`") <script>alert(1)</script> `'],
    ['a table cell ending inside a span', '| `a | <script>alert(1)</script> | b` |'],
    ['an escaped backtick', '\\`a <script>alert(1)</script> `'],
    ['an indented fence (a list item’s, which the list’s end closes)', '- item\n  ```\n<script>alert(1)</script>\n```\n<b>x</b>'],
    ['a fence closed after a tab', '```\n\t```\n<script>alert(1)</script>\n```\n<b>x</b>'],
    ['a fence whose info string has a backtick (inline code, not a fence)', '```a`\n<script>alert(1)</script>'],
  ])('escapes every tag where code could be read otherwise: %s', (_what, note) => {
    expect(quoted(note).filter((line) => bareTag.test(line))).toEqual([]);
  });

  it('a paper without a note is its heading and lines alone', () => {
    const section = markdownSection({ ...acl, note: '  \n ' });
    expect(section.trimEnd().split('\n').at(-1)).toMatch(/^done · tags: dialogue · saved \d{4}-\d{2}-\d{2}$/);
    expect(section.split('\n').filter((line) => line.startsWith('>'))).toEqual([]);
  });
});

describe('Markdown export', () => {
  it('writes one bullet per paper: title link, authors, status, tags, the note’s first line', async () => {
    const { text } = await exportPapers([attention, acl], 'markdown', { now: NOW });
    expect(text).toBe(
      [
        '# Papershelf reading list',
        '',
        'Exported 2026-01-02, 2 papers.',
        '',
        '- [Attention Is All You Need](<https://huggingface.co/papers/1706.03762>) — Ashish Vaswani, Noam Shazeer, Niki Parmar, Jakob Uszkoreit, Llion Jones, Aidan N. Gomez, Łukasz Kaiser, Illia Polosukhin · reading · tags: transformers, classics · Note: مراجعة القسم 3\u200F — שלום\u200B zero\u200Dwidth 👩‍👩‍👧 🇺🇦',
        '- [One Cannot Stand for Everyone\\! Leveraging Multiple User Simulators to train Task-oriented Dialogue Systems](<https://aclanthology.org/2023.acl-long.1/>) — Yajiao Liu, Xin Jiang, Yichun Yin, Yasheng Wang, Fei Mi, Qun Liu, Xiang Wan, Benyou Wang · done · tags: dialogue · Note: =SUM\\(A1:A9\\) looks like a formula',
        '',
      ].join('\n'),
    );
  });

  it('escapes page data: no links, images, HTML, autolinks, emphasis or nested lists come from titles or notes', () => {
    const line = markdownLine(openreview);
    expect(line).toBe(
      '- [A Site-Only Paper on \\[Links\\]\\(javascript:alert\\(1\\)\\) and \\<img src=x onerror=alert\\(1\\)\\>](<https://openreview.net/forum?id=aBcD3fGh1>) — Jane Doe, Kim Min-jun · reading · tags: review-queue · Note: \\- not a list',
    );
    expect(markdownText('![img](http://evil.example/x.png) <script>alert(1)</script> **b** _i_ `c` ~~s~~ | t | &amp; $x$')).toBe(
      '\\!\\[img\\]\\(http\\://evil.example/x.png\\) \\<script\\>alert\\(1\\)\\</script\\> \\*\\*b\\*\\* \\_i\\_ \\`c\\` \\~\\~s\\~\\~ \\| t \\| \\&amp; \\$x\\$',
    );
    expect(markdownText('visit https://evil.example or www.evil.example or me@evil.example')).toBe(
      'visit https\\://evil.example or www\\.evil.example or me\\@evil.example',
    );
    expect(markdownText('# heading')).toBe('\\# heading');
    expect(markdownText('1. item')).toBe('1\\. item');
    expect(markdownText('- item')).toBe('\\- item');
    expect(markdownText('line\nbreak\r\n> quote')).toBe('line break \\> quote');
  });

  it('links only http(s) URLs and keeps RTL, zero-width and emoji text as it is', () => {
    const js: SavedPaper = { ...openreview, paper: { ...openreview.paper, url: 'javascript:alert(1)' } };
    expect(markdownLine(js)).toMatch(/^- A Site-Only Paper on \\\[Links\\\]/);
    const arxivOnly: SavedPaper = { ...texTitle, paper: { ...texTitle.paper, url: null } };
    expect(markdownLine(arxivOnly)).toContain('](<https://arxiv.org/abs/2401.12345>)');
    expect(markdownLine(attention)).toContain('\u200F — שלום\u200B zero\u200Dwidth 👩‍👩‍👧 🇺🇦');
  });
});

describe('a list with more authors than it names, in Markdown and CSV', () => {
  const names = attention.paper.authors.slice(0, 3);
  const cut: SavedPaper = { ...attention, paper: { ...attention.paper, authors: names, authorsCut: true } };
  const counted: SavedPaper = { ...attention, paper: { ...attention.paper, authors: names, authorCount: 8 } };
  const whole: SavedPaper = { ...attention, paper: { ...attention.paper, authors: names } };

  it('ends the names with "et al." where the list was cut (authorsCut) or a count says there are more', async () => {
    for (const paper of [cut, counted]) {
      expect(markdownLine(paper)).toContain(' — Ashish Vaswani, Noam Shazeer, Niki Parmar et al. · ');
      expect(markdownSection(paper)).toContain('Ashish Vaswani, Noam Shazeer, Niki Parmar et al. · ');
      expect((await exportPapers([paper], 'csv', { now: NOW })).text).toContain(',"Ashish Vaswani; Noam Shazeer; Niki Parmar; et al.",');
    }
    expect(markdownLine(whole)).toContain(' — Ashish Vaswani, Noam Shazeer, Niki Parmar · ');
    expect((await exportPapers([whole], 'csv', { now: NOW })).text).toContain(',"Ashish Vaswani; Noam Shazeer; Niki Parmar",');
  });
});

describe('CSV export', () => {
  it('writes RFC 4180 CSV with a header, CRLF rows and a UTF-8 byte order mark', async () => {
    const { text } = await exportPapers([attention], 'csv', { now: NOW });
    expect(text.startsWith('\uFEFFid,title,authors,published,venue,status,tags,note,url,pdf_url,doi,arxiv_id,categories,saved_at,updated_at,arxiv_version,status_at\r\n')).toBe(true);
    expect(text).toBe(
      '\uFEFFid,title,authors,published,venue,status,tags,note,url,pdf_url,doi,arxiv_id,categories,saved_at,updated_at,arxiv_version,status_at\r\n' +
        'arxiv:1706.03762,Attention Is All You Need,"Ashish Vaswani; Noam Shazeer; Niki Parmar; Jakob Uszkoreit; Llion Jones; Aidan N. Gomez; Łukasz Kaiser; Illia Polosukhin",' +
        '2017-06-12,,reading,"transformers; classics","مراجعة القسم 3\u200F — שלום\u200B zero\u200Dwidth 👩‍👩‍👧 🇺🇦\nsecond line",https://huggingface.co/papers/1706.03762,' +
        'https://arxiv.org/pdf/1706.03762,,1706.03762,"cs.CL; cs.LG",2024-01-05T09:30:00.000Z,2024-02-01T12:00:00.000Z,,\r\n',
    );
  });

  it('quotes commas, semicolons, quotes and line breaks', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, b')).toBe('"a, b"');
    // Readers that split on `;` but honour quotes keep the cell whole.
    expect(csvCell('a; b')).toBe('"a; b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\ronly')).toBe('"cr\ronly"');
  });

  it.each([
    ['=HYPERLINK("http://evil.example","click")', `"'=HYPERLINK(""http://evil.example"",""click"")"`],
    ['+1+cmd|/C calc!A0', "'+1+cmd|/C calc!A0"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\tTAB', "'\tTAB"],
    ['\rCR', `"'\rCR"`],
    ['a=1', 'a=1'],
    [' =1+1', " '=1+1"],
    // Where `;` separates cells (Excel in de, fr, nl), every part after a `;` starts a cell.
    ['Deep;=HYPERLINK(A1)', `"Deep;'=HYPERLINK(A1)"`],
    ['Ann Lee; @SUM(A1:A2); -2+3', `"Ann Lee; '@SUM(A1:A2); '-2+3"`],
    ['a;+1;\tb;\rc', `"a;'+1;'\tb;'\rc"`],
    ['x; "=1+1"', `"x; ""'=1+1"""`],
    ['a;b=1; c-d', '"a;b=1; c-d"'],
    // Where the file is split on `;`, a quoted cell's line break ends the row: the next line starts one.
    ['Deep\n=HYPERLINK(A1)', `"Deep\n'=HYPERLINK(A1)"`],
    ['a\r\n @SUM(1)\r-2+3', `"a\r\n '@SUM(1)\r'-2+3"`],
    ['line one\nline two', '"line one\nline two"'],
  ])('guards against formula injection: %j', (cell, expected) => {
    expect(csvCell(cell)).toBe(expected);
  });

  it('guards every column, not just notes', async () => {
    const hostile: SavedPaper = { ...acl, paper: { ...acl.paper, title: '=cmd|"/C calc"!A0', authors: ['@evil'] }, tags: ['-x'] };
    const { text } = await exportPapers([hostile], 'csv', { now: NOW });
    const row = text.split('\r\n')[1]!;
    expect(row).toContain(`"'=cmd|""/C calc""!A0"`);
    expect(row).toContain(",'@evil,");
    expect(row).toContain(",'-x,");
    expect(row).toContain(`"'=SUM(A1:A9) looks like a formula"`.replace(/"/g, ''));
  });

  it('starts no `;`-separated part of a row with a formula (Excel in ;-separator locales)', async () => {
    const hostile: SavedPaper = {
      ...acl,
      paper: { ...acl.paper, title: 'Deep;=HYPERLINK("http://evil.example")', authors: ['Ann Lee', '=cmd|"/C calc"!A0'], categories: ['cs.CL', '@SUM(1)'] },
      tags: ['ok', '-x', '+y'],
      note: 'fine; "=1+1"',
    };
    const { text } = await exportPapers([hostile], 'csv', { now: NOW });
    const parts = text.split('\r\n')[1]!.split(';');
    expect(parts).toHaveLength(7);
    for (const part of parts) expect(part).not.toMatch(/^[\s"]*[=+\-@]/);
  });

  it('starts no line of the file with a formula, though a cell holds line breaks (Excel in ;-separator locales)', async () => {
    const hostile: SavedPaper = {
      ...acl,
      paper: { ...acl.paper, title: 'Deep\n=HYPERLINK("http://evil.example")', venue: 'Proc.\r\n+1+cmd|/C calc!A0' },
      note: 'fine\n"@SUM(1)"\r-2',
    };
    const { text } = await exportPapers([hostile], 'csv', { now: NOW });
    const lines = text.split(/\r\n|[\r\n]/).flatMap((line) => line.split(';'));
    expect(lines.length).toBeGreaterThan(4);
    for (const line of lines) expect(line).not.toMatch(/^[\s"]*[=+\-@]/);
  });
});

describe('JSON backup', () => {
  it('has the envelope, the export time and every record with notes, tags, statuses and dates', async () => {
    const { text } = await exportPapers(realistic, 'json', { now: NOW });
    const backup = JSON.parse(text) as { format: string; version: number; exportedAt: string; papers: SavedPaper[] };
    expect(backup.format).toBe('papershelf-backup');
    expect(backup.version).toBe(5);
    expect(backup.exportedAt).toBe('2026-01-02T15:04:05.000Z');
    expect(backup.papers).toEqual(realistic);
    expect(text.split('\n')).toHaveLength(realistic.length + 3);
    expect(backup).not.toHaveProperty('notDuplicates'); // none said: the file as before
  });

  it('keeps the groups said to be different papers whose every paper it holds, each sorted', async () => {
    const [a, b, c] = realistic.map((r) => r.id) as [string, string, string];
    const groups = [[b, a], [a, c], [a, 'arxiv:2699.00001']]; // the last one's second paper is not exported
    const { text } = await exportPapers(realistic, 'json', { now: NOW, notDuplicates: groups });
    const backup = JSON.parse(text) as { notDuplicates?: string[][] };
    expect(backup.notDuplicates).toEqual([[a, b].sort(), [a, c].sort()]);
    const some = await exportPapers(realistic.slice(0, 2), 'json', { now: NOW, notDuplicates: groups });
    expect(JSON.parse(some.text).notDuplicates).toEqual([[a, b].sort()]);
    const none = await exportPapers(realistic.slice(0, 1), 'json', { now: NOW, notDuplicates: groups });
    expect(JSON.parse(none.text)).not.toHaveProperty('notDuplicates');
  });

  it('keeps the settings it is given, without the GitHub token, and is one JSON document with them', async () => {
    const settings = { githubToken: 'ghp_secret', watchedTopics: ['llm'], followedAuthors: ['Yann LeCun'], tagRules: [{ tag: 'rl', match: 'reward', fields: 'both' as const }], toolbarCount: false, relevance: { enabled: false } };
    const { text } = await exportPapers(realistic, 'json', { now: NOW, settings, notDuplicates: [realistic.slice(0, 2).map((r) => r.id)] });
    expect(text).not.toContain('ghp_secret');
    const backup = JSON.parse(text) as { papers: SavedPaper[]; settings?: unknown; notDuplicates?: unknown };
    expect(backup.papers).toEqual(realistic);
    expect(backup.notDuplicates).toHaveLength(1);
    expect(backup.settings).toEqual({ watchedTopics: ['llm'], followedAuthors: ['Yann LeCun'], tagRules: [{ tag: 'rl', match: 'reward', fields: 'both' }], toolbarCount: false, relevance: { enabled: false } });
    expect(JSON.parse((await exportPapers(realistic, 'json', { now: NOW })).text)).not.toHaveProperty('settings');
    // The other formats have no place for them.
    expect((await exportPapers(realistic, 'csv', { now: NOW, settings })).text).not.toContain('Yann LeCun');
  });
});
