// JSON.parse of a top-level object whose `key` holds a long array (a listing page's thousands of items), a slice at
// a time, so a document of megabytes never makes one long task (issue #7: Hugging Face's hydration JSON at 5,000
// papers, 27 MB, parsed in one 82 ms task). Same answer as JSON.parse, or JSON.parse itself:
// - The array is cut where `separator` occurs (Hugging Face's items: `},{"paper":`), each piece running from one
//   element's start to the `}` before a cut. A cut anywhere but between two of the array's own elements (inside a
//   string, or inside an element) leaves a piece that is not a valid list of values, which JSON.parse rejects.
// - Every piece is parsed by JSON.parse as a list. The rest of the document (a marker, the array's last piece and
//   everything around it) is parsed whole: that checks the document's structure and its other values, and the marker
//   says the array JSON.parse keeps for `key` (the last one, when a page names it twice) is the one that was cut.
// - Anything unexpected, and the document is parsed whole by JSON.parse.
type Json = Record<string, unknown>;

/** About this much text per piece: JSON.parse reads ~100-200 MB/s, so a piece is a few ms. */
const PIECE = 512 * 1024;

export interface SlicedParse {
  /** The top-level key whose array is parsed in pieces, e.g. `dailyPapers`. */
  key: string;
  /** Text that occurs between two elements of that array, starting with the `}` ending one: `},{"paper":`. */
  separator: string;
  pause: () => Promise<void>;
  sliceMs?: number;
  clock?: () => number;
  /** Target piece length (tests use small pieces). */
  piece?: number;
}

/** Parses `text` as JSON.parse would; null where JSON.parse would throw, or the value is not an object. */
export async function parseObjectInSlices(text: string, options: SlicedParse): Promise<Json | null> {
  const { key, separator, pause, sliceMs = 8, clock = () => performance.now(), piece = PIECE } = options;
  if (!separator.startsWith('},')) throw new Error('parseObjectInSlices: a separator starts with the `},` between two objects');
  const opening = `${JSON.stringify(key)}:[`;
  const at = text.indexOf(opening);
  if (at < 0 || text.length - at < 2 * piece) return parseWhole(text);
  const open = at + opening.length - 1;

  let sliceStart = clock();
  const items: unknown[] = [];
  let from = open + 1; // where the next piece starts (an element's first character)
  for (;;) {
    const cut = text.indexOf(separator, from + piece);
    if (cut < 0) break;
    let list: unknown;
    try {
      list = JSON.parse(`[${text.slice(from, cut + 1)}]`);
    } catch {
      return parseWhole(text); // cut inside an element, or the text is damaged: JSON.parse decides
    }
    items.push(...(list as unknown[]));
    from = cut + 2; // past `},`: the next element's `{`
    if (clock() - sliceStart >= sliceMs) {
      await pause();
      sliceStart = clock();
    }
  }
  if (!items.length) return parseWhole(text);
  const marker = `papershelf-cut-${Math.random().toString(36).slice(2)}`;
  const value = parseWhole(`${text.slice(0, open + 1)}"${marker}",${text.slice(from)}`);
  const rest = value?.[key];
  if (!value || !Array.isArray(rest) || rest[0] !== marker) return parseWhole(text);
  value[key] = items.concat(rest.slice(1));
  return value;
}

function parseWhole(text: string): Json | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : null;
  } catch {
    return null;
  }
}
