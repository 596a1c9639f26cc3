// `npm run -s extract -- <file.html> --url <page url> [--now YYYY-MM-DD]`: runs the same site adapters the
// extension runs, on a saved page, in Node, and prints {"site", "page", "papers"} as JSON.
import { readFile } from 'node:fs/promises';
import { JSDOM, VirtualConsole } from 'jsdom';
import { adapterFor, extractPage } from '../sites';

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

// -s: without it npm prints its own lines on stdout before the JSON.
const USAGE = 'usage: npm run -s extract -- <file.html> --url <page url> [--now YYYY-MM-DD]';

/** Returns the exit code: 0 done, 1 a file unreadable or not an HTML page, 2 bad arguments or a URL no adapter handles. */
export async function runExtract(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    io.err(`${args}\n${USAGE}`);
    return 2;
  }
  let url: URL;
  try {
    url = new URL(args.url);
  } catch {
    io.err(`Not a URL: ${args.url}\n${USAGE}`); // a bad argument like the others: with the usage line (README)
    return 2;
  }
  const match = adapterFor(url);
  if (!match) {
    io.err(`No Papershelf adapter handles ${url.href}`);
    return 2;
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(args.file);
  } catch (error) {
    io.err(`Cannot read ${args.file}: ${(error as Error).message}`);
    return 1;
  }
  const kind = notHtml(bytes);
  if (kind) {
    io.err(`${args.file} is not an HTML page (it is ${kind}): give the page as the browser saves it (Save Page As)`);
    return 1;
  }
  // Scripts never run and sub-resources are never loaded: the page is parsed, nothing else.
  const dom = new JSDOM(pageText(bytes), { url: url.href, virtualConsole: new VirtualConsole() });
  const result = extractPage(match.adapter, dom.window.document, url, args.now, (error) =>
    io.err(`skipped a card: ${(error as Error)?.message ?? error}`),
  );
  io.out(terminalSafe(JSON.stringify(result, null, 2)));
  dom.window.close();
  return 0;
}

/**
 * What a file that is no page is (a PDF, or bytes with a NUL, which no text but UTF-16's has), or null: parsed as HTML,
 * such a file gave `"papers": []` and exit 0, as if the page had no paper.
 */
function notHtml(bytes: Buffer): string | null {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'a PDF';
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  return !utf16 && bytes.includes(0) ? 'binary data' : null;
}

/**
 * JSON.stringify escapes U+0000 to U+001F only: DEL, the 8-bit controls (U+009B is CSI: "\u009b2J" in a title cleared
 * an xterm's screen) and the bidi overrides and isolates (U+202E shows the rest of the line reversed) went to the
 * terminal raw. Written as JSON escapes instead, which parse back to the same text (`jq` shows the title as it was).
 */
const terminalSafe = (json: string) =>
  json.replace(/[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A saved page's text: UTF-8 when its bytes are (most saved pages, whatever their <meta> says; a UTF-8 byte-order mark
 * dropped). Other bytes go to jsdom, which decodes them as a browser does (a UTF-16 byte-order mark, else the page's
 * <meta charset>, else windows-1252): read as UTF-8, a file PowerShell's `>` wrote as UTF-16 gave no papers, and a page
 * saved in Latin-1 gave "Sch�lkopf".
 */
function pageText(bytes: Buffer): string | Buffer {
  try {
    return UTF8.decode(bytes);
  } catch {
    return bytes;
  }
}

function parseArgs(argv: string[]): { file: string; url: string; now: Date } | string {
  let file: string | undefined;
  let url: string | undefined;
  let now = new Date();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--url') url = argv[++i];
    else if (arg === '--now') {
      const value = argv[++i] ?? '';
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return `--now wants YYYY-MM-DD, got "${value}"`;
      now = new Date(`${value}T12:00:00Z`);
      // Date rolls an impossible day over (2026-02-30 becomes 2026-03-02) rather than failing: only a date that
      // reads back as written is the one the user meant.
      if (Number.isNaN(now.getTime()) || now.toISOString().slice(0, 10) !== value) {
        return `--now ${value} is not a date (no such day in the calendar)`;
      }
    } else if (arg.startsWith('--')) return `Unknown option ${arg}`;
    else if (file === undefined) file = arg;
    else return `Unexpected argument ${arg}`;
  }
  if (!file) return 'Missing the HTML file';
  if (!url) return 'Missing --url';
  return { file, url, now };
}
