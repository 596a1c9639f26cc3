// A JSON object whose `key` holds a long array (a listing page's thousands of items, megabytes), with the array's
// elements left as text until one is asked for (issue #7: Hugging Face's hydration JSON at 1,000 papers is 5.4 MB;
// parsed whole, in the page's idle time, before the first card could be read, it kept the cards on screen waiting
// until 60-110 ms after the load event, when each needs one item of it). Cutting it is one indexOf per element, ~1 ms
// per 1,000 elements in Node.
// - The array is cut where `separator` occurs (Hugging Face's items: `},{"paper":`), each element running from its
//   start to the `}` before a cut. The separator has a `"` in it, so it never occurs inside a JSON string: a cut is
//   between two of the array's own elements, or inside one (an element holding its own list of such objects).
// - The rest of the document (a marker, the array's last element and everything around it) is parsed at once: that
//   checks the document's structure and its other values, and the marker says the array JSON.parse keeps for `key`
//   (the last one, when a page names it twice) is the one that was cut.
// - An element is parsed by JSON.parse when asked for. A cut inside an element leaves that element's text unbalanced,
//   which JSON.parse rejects: element() throws, and the caller parses the document whole. If every element parses,
//   the answers are JSON.parse's own (the document is the rest with the elements put back, each a valid value).
//   Until an element that does not parse is asked for, two answers can be wrong: an element after a cut inside an
//   earlier one (one of that element's own nested objects), and `value` where the cuts ran past the array's end into
//   a later array cut by the same separator (the element spanning the end does not parse; `value` lacks what it
//   swallowed). The Hugging Face listings on record have neither (DOM-NOTES.md §1: `dailyPapers` is their one list).
// - Anything unexpected, and null: the caller parses the document whole.
type Json = Record<string, unknown>;

export interface CutOptions {
  /** The top-level key whose array is cut, e.g. `dailyPapers`. */
  key: string;
  /** Text that occurs between two elements of that array, starting with the `}` ending one: `},{"paper":`. */
  separator: string;
  /** Elements cut between two yields (a pause, where the steps run in slices). */
  perStep?: number;
}

/** The document, parsed but for the first `starts.length` elements of its `key` array. */
export class CutArray {
  constructor(
    private readonly text: string,
    /** Where each element left unparsed starts in the text (for a look at it without parsing). */
    readonly starts: readonly number[],
    private readonly ends: readonly number[],
    /** JSON.parse's value of the document, its `key` array holding only the elements after those. */
    readonly value: Json,
  ) {}

  /** Element i, parsed. Throws (a SyntaxError) where a cut fell inside an element: parse the document whole. */
  element(i: number): unknown {
    return JSON.parse(this.text.slice(this.starts[i], this.ends[i]));
  }
}

/** Cuts `text` (see above), yielding every `perStep` elements; null where it is not to be cut. */
export function* cutArraySteps(text: string, options: CutOptions): Generator<void, CutArray | null, void> {
  const { key, separator, perStep = 2000 } = options;
  if (!separator.startsWith('},')) throw new Error('cutArraySteps: a separator starts with the `},` between two objects');
  const opening = `${JSON.stringify(key)}:[`;
  const at = text.indexOf(opening);
  if (at < 0) return null;
  const open = at + opening.length - 1;
  const starts: number[] = [];
  const ends: number[] = [];
  let from = open + 1; // where the next element starts
  for (let cut = text.indexOf(separator, from); cut >= 0; cut = text.indexOf(separator, from)) {
    starts.push(from);
    ends.push(cut + 1);
    from = cut + 2; // past `},`: the next element's `{`
    if (starts.length % perStep === 0) yield;
  }
  if (!starts.length) return null;
  const marker = `papershelf-cut-${Math.random().toString(36).slice(2)}`;
  const value = parseObject(`${text.slice(0, open + 1)}"${marker}",${text.slice(from)}`);
  const rest = value?.[key];
  if (!value || !Array.isArray(rest) || rest[0] !== marker) return null;
  value[key] = rest.slice(1);
  return new CutArray(text, starts, ends, value);
}

/** JSON.parse's value where it is an object, else null (where it throws too). */
export function parseObject(text: string): Json | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : null;
  } catch {
    return null;
  }
}
