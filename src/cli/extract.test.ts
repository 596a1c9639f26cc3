import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runExtract } from './extract';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runExtract(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('extract CLI', () => {
  it('prints site, page and every paper in document order, with the Paper field names', async () => {
    const { code, out } = await run(
      'test/fixtures/huggingface/daily-2026-07-02.html',
      '--url',
      'https://huggingface.co/papers/date/2026-07-02',
      '--now',
      '2026-07-03',
    );
    expect(code).toBe(0);
    const result = JSON.parse(out);
    expect(result.site).toBe('huggingface');
    expect(result.page).toBe('daily');
    expect(result.papers).toHaveLength(31);
    expect(result.papers[0].id).toBe('arxiv:2606.28322');
    expect(Object.keys(result.papers[0]).sort()).toEqual(
      ['abstract', 'aliases', 'authorCount', 'authors', 'categories', 'githubRepos', 'githubStars', 'id', 'pdfUrl', 'projectUrl',
        'published', 'source', 'title', 'upvotes', 'url', 'venue', 'version', 'doi'].sort(),
    );
  });

  it('exits 2 for a URL no adapter handles, and says so', async () => {
    const { code, err } = await run('test/fixtures/huggingface/empty.html', '--url', 'https://example.org/papers');
    expect(code).toBe(2);
    expect(err).toMatch(/No Papershelf adapter handles https:\/\/example\.org\/papers/);
  });

  it('exits 1 for an unreadable file, and says so', async () => {
    const { code, err } = await run(join(mkdtempSync(join(tmpdir(), 'ps-')), 'missing.html'), '--url', 'https://huggingface.co/papers');
    expect(code).toBe(1);
    expect(err).toMatch(/Cannot read .*missing\.html/);
  });

  it.each([
    ['paper.pdf', Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1'), /paper\.pdf is not an HTML page \(it is a PDF\)/],
    ['page.html.gz', Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03]), /page\.html\.gz is not an HTML page \(it is binary data\)/],
  ])('exits 1 for a file that is not an HTML page (%s), and says so', async (name, bytes, message) => {
    // Before: {"site": "arxiv", "page": "abs", "papers": []} and exit 0, as if the page had no paper.
    const file = join(mkdtempSync(join(tmpdir(), 'ps-')), name);
    writeFileSync(file, bytes);
    const { code, out, err } = await run(file, '--url', 'https://arxiv.org/abs/1706.03762');
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toMatch(message);
  });

  it.each([
    [[], /Missing the HTML file/],
    [['page.html'], /Missing --url/],
    [['page.html', '--url', 'not a url'], /Not a URL/],
    [['page.html', '--url', 'https://huggingface.co/papers', '--now', 'yesterday'], /--now wants YYYY-MM-DD/],
    [['page.html', '--url', 'https://huggingface.co/papers', '--now', '2026-02-30'], /--now 2026-02-30 is not a date/],
    [['page.html', '--url', 'https://huggingface.co/papers', '--now', '2026-13-01'], /--now 2026-13-01 is not a date/],
    [['page.html', '--bogus'], /Unknown option --bogus/],
  ])('exits 2 on bad arguments %j', async (argv, message) => {
    const { code, err } = await run(...argv);
    expect(code).toBe(2);
    expect(err).toMatch(message);
    expect(err).toMatch(/^usage: npm run -s extract -- <file\.html> --url <page url>/m); // each bad argument with the usage line
  });

  it('reads a page saved as UTF-16 (PowerShell\'s `>`) or in its legacy charset as a browser would, not as garbled UTF-8', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ps-'));
    const html = readFileSync('test/fixtures/arxiv/list-cs-2301.html', 'utf8').replace('NFTrig', 'NFTrig Schölkopf');
    const url = 'https://arxiv.org/list/cs/2301';
    const titles = async (file: string) => {
      const { code, out } = await run(file, '--url', url);
      expect(code).toBe(0);
      return JSON.parse(out).papers.map((paper: { title: string }) => paper.title);
    };
    writeFileSync(join(dir, 'utf8.html'), html);
    const expected = await titles(join(dir, 'utf8.html'));
    expect(expected).toHaveLength(3);
    expect(expected[0]).toBe('NFTrig Schölkopf');
    // Before: no papers at all from the UTF-16 file (every other byte a NUL), and "Sch�lkopf" from the Latin-1 one.
    writeFileSync(join(dir, 'utf16.html'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(html, 'utf16le')]));
    expect(await titles(join(dir, 'utf16.html'))).toEqual(expected);
    writeFileSync(join(dir, 'latin1.html'), Buffer.from(html.replace('<head>', '<head><meta charset="iso-8859-1">'), 'latin1'));
    expect(await titles(join(dir, 'latin1.html'))).toEqual(expected);
  });

  it("writes no terminal control of a hostile title raw: JSON's escapes, read back as the title", async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ps-')), 'hostile.html');
    // U+009B is CSI in 8 bits ("\u009b2J" clears an xterm's screen), U+202E shows what follows reversed; JSON.stringify
    // escapes neither (only U+0000 to U+001F), so they reached the terminal as they were.
    const title = 'NFTrig \u009b2J\u007f \u202eevil\u202c';
    writeFileSync(file, readFileSync('test/fixtures/arxiv/list-cs-2301.html', 'utf8').replace('NFTrig', title));
    const { code, out } = await run(file, '--url', 'https://arxiv.org/list/cs/2301');
    expect(code).toBe(0);
    expect(out).not.toMatch(/[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(out).toContain('"NFTrig \\u009b2J\\u007f \\u202eevil\\u202c"');
    expect(JSON.parse(out).papers[0].title).toBe(title);
  });

  it('takes a leap day for --now', async () => {
    const { code } = await run('test/fixtures/huggingface/empty.html', '--url', 'https://huggingface.co/papers', '--now', '2028-02-29');
    expect(code).toBe(0);
  });

  it('never runs the page\'s scripts', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ps-')), 'hostile.html');
    writeFileSync(file, '<script>globalThis.pwned = true; document.body.innerHTML = "<article></article>"</script><p>nothing</p>');
    const { code, out } = await run(file, '--url', 'https://huggingface.co/papers');
    expect(code).toBe(0);
    expect(JSON.parse(out).papers).toEqual([]);
    expect((globalThis as { pwned?: boolean }).pwned).toBeUndefined();
  });
});
