// JSON.parse of a top-level object a slice at a time: the arrays under some of its keys (a listing page's thousands of
// items) are parsed one element at a time, pausing between slices, so a multi-megabyte document never makes one long
// task (issue #7: Hugging Face's hydration JSON at 5,000 papers parsed in one 82 ms task). Same answer as JSON.parse
// or none at all: every part of the text is parsed by JSON.parse itself, either as an element or as the rest of the
// document with the sliced arrays emptied (which also checks its structure and keeps JSON.parse's last-key-wins).
type Json = Record<string, unknown>;

/** Characters scanned between clock checks. */
const SCAN_CHUNK = 1 << 16;

interface Found {
  /** The array's `[` and `]` offsets. */
  open: number;
  close: number;
  /** Element [start, end) ranges, between the commas at the array's own depth. */
  items: [number, number][];
}

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);

/**
 * Parses `text` as JSON.parse would, or returns null where JSON.parse would throw or the value is not an object.
 * The arrays under `keys` at the top level are parsed element by element; `pause` is awaited whenever `sliceMs` of
 * work has been done.
 */
export async function parseObjectInSlices(
  text: string,
  keys: readonly string[],
  pause: () => Promise<void>,
  sliceMs = 8,
  clock: () => number = () => performance.now(),
): Promise<Json | null> {
  let sliceStart = clock();
  const maybePause = async () => {
    if (clock() - sliceStart < sliceMs) return;
    await pause();
    sliceStart = clock();
  };
  const wanted = new Set(keys);
  const found = new Map<string, Found>(); // the last array under each wanted key, as JSON.parse keeps the last
  let start = 0;
  while (start < text.length && WS.has(text.charCodeAt(start))) start++;
  if (text.charCodeAt(start) !== 0x7b /* { */) return parseWhole(text);

  // A structural scan: strings (with escapes), depth, the top-level keys, and the wanted arrays' element bounds.
  let depth = 0;
  let inString = false;
  let escaped = false;
  let stringStart = -1;
  let expectKey = false; // at depth 1, the next string is a key
  let key: string | null = null; // the top-level key whose value comes next
  let current: { key: string; found: Found; itemStart: number } | null = null;
  for (let i = start; i < text.length; ) {
    const end = Math.min(text.length, i + SCAN_CHUNK);
    for (; i < end; i++) {
      const c = text.charCodeAt(i);
      if (inString) {
        if (escaped) escaped = false;
        else if (c === 0x5c /* \ */) escaped = true;
        else if (c === 0x22 /* " */) {
          inString = false;
          if (depth === 1 && expectKey) {
            try {
              key = JSON.parse(text.slice(stringStart, i + 1)) as string;
            } catch {
              return null;
            }
            expectKey = false;
          }
        }
        continue;
      }
      switch (c) {
        case 0x22:
          inString = true;
          stringStart = i;
          break;
        case 0x7b: // {
        case 0x5b: // [
          depth++;
          if (depth === 2 && c === 0x5b && key !== null && wanted.has(key)) {
            current = { key, found: { open: i, close: -1, items: [] }, itemStart: i + 1 };
          } else if (depth === 1) expectKey = true;
          break;
        case 0x7d: // }
        case 0x5d: // ]
          if (depth === 2 && current && c === 0x5d) {
            const { found: f, itemStart } = current;
            if (f.items.length || !isBlank(text, itemStart, i)) f.items.push([itemStart, i]);
            f.close = i;
            found.set(current.key, f);
            current = null;
          }
          depth--;
          if (depth < 0) return null;
          if (depth === 1) key = null;
          break;
        case 0x2c: // ,
          if (depth === 1) {
            expectKey = true;
            key = null;
          } else if (depth === 2 && current) {
            current.found.items.push([current.itemStart, i]);
            current.itemStart = i + 1;
          }
          break;
      }
    }
    await maybePause();
  }
  if (inString || depth !== 0) return null;

  // The rest of the document, with the sliced arrays emptied, parsed whole: its structure, and its other values.
  const arrays = [...found.values()].sort((a, b) => a.open - b.open);
  let rest = '';
  let from = 0;
  for (const f of arrays) {
    rest += text.slice(from, f.open + 1);
    from = f.close;
  }
  rest += text.slice(from);
  const value = parseWhole(rest);
  if (!value) return null;
  for (const [name, f] of found) {
    // Emptied arrays are those JSON.parse kept (the last under each key): fill them in, one element at a time.
    if (!Array.isArray(value[name]) || (value[name] as unknown[]).length) return parseWhole(text);
    const items: unknown[] = [];
    for (const [a, b] of f.items) {
      try {
        items.push(JSON.parse(text.slice(a, b)));
      } catch {
        return null;
      }
      await maybePause();
    }
    value[name] = items;
  }
  return value;
}

function isBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!WS.has(text.charCodeAt(i))) return false;
  return true;
}

function parseWhole(text: string): Json | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : null;
  } catch {
    return null;
  }
}
