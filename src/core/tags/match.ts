// Compiles the taxonomy's phrase rules once and matches them against a paper's title and abstract.
// One pass over the words of each field: a word's first 1-3 letters pick the few phrases that can start
// there, and only those run (as sticky regexes) at that position. No per-call regex building.

import { TOPICS, type Topic } from './taxonomy';

/** The fields tagging looks at (a `Paper` fits). */
export interface PaperText {
  title: string;
  abstract?: string | null;
}

/** Hit counts of one topic, for debugging and evaluation. */
export interface TopicHits {
  id: string;
  title: number;
  abstract: number;
}

export interface Matcher {
  readonly topics: readonly Topic[];
  /** Topic ids, most relevant first: title hits before abstract-only ones, then by number of hits. */
  match(paper: PaperText): string[];
  /** Every topic that has a hit (even below `min`), in taxonomy order. */
  hits(paper: PaperText): TopicHits[];
}

/** One compiled alternation: all phrases of one topic, kind, case mode and weight that share a key. */
interface Rule {
  readonly t: number;
  readonly re: RegExp;
  /** Hits added: 1, or the topic's `min` for a `!` phrase (decisive on its own). */
  readonly w: number;
}

/** Rules keyed by one word prefix; excludes run before positives at the same position. */
interface Bucket {
  readonly ex: Rule[];
  readonly any: Rule[];
  readonly title: Rule[];
}

type Kind = 'ex' | 'any' | 'title';

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const WORD_CHAR = /[A-Za-z0-9_]/;

/** Build a matcher; throws on malformed topics so a broken taxonomy fails at start-up and in tests. */
export function compileTaxonomy(topics: readonly Topic[] = TOPICS): Matcher {
  const sources = new Map<string, { key: number; t: number; kind: Kind; cs: boolean; w: number; alts: string[] }>();
  const ids = new Set<string>();
  for (let t = 0; t < topics.length; t++) {
    const topic = topics[t]!;
    if (!KEBAB.test(topic.id)) throw new Error(`topic id "${topic.id}" is not kebab-case`);
    if (ids.has(topic.id)) throw new Error(`duplicate topic id "${topic.id}"`);
    ids.add(topic.id);
    if (!splitList(topic.phrases).length) throw new Error(`topic "${topic.id}" has no phrases`);
    const lists: [Kind, string | undefined][] = [
      ['any', topic.phrases],
      ['title', topic.title],
      ['ex', topic.exclude],
    ];
    for (const [kind, list] of lists) {
      for (const raw of splitList(list)) {
        const flags = /^[=!]*/.exec(raw)![0];
        const cs = flags.includes('=');
        const w = flags.includes('!') ? (topic.min ?? 1) : 1;
        for (const alt of expandLead(raw.slice(flags.length))) {
          const src = translate(alt);
          for (const key of keysOf(alt, topic.id)) {
            const id = `${key}|${t}|${kind}|${cs}|${w}`;
            const entry = sources.get(id) ?? { key, t, kind, cs, w, alts: [] };
            entry.alts.push(src);
            sources.set(id, entry);
          }
        }
      }
    }
  }

  const buckets = new Map<number, Bucket>();
  for (const { key, t, kind, cs, w, alts } of sources.values()) {
    let re: RegExp;
    try {
      // Sticky: tested only at a word start; the lookahead makes the phrase end at a word boundary.
      re = new RegExp(`(?:${alts.join('|')})(?!\\w)`, cs ? 'y' : 'iy');
    } catch (e) {
      throw new Error(`topic "${topics[t]?.id}": bad phrase pattern (${(e as Error).message})`);
    }
    let bucket = buckets.get(key);
    if (!bucket) buckets.set(key, (bucket = { ex: [], any: [], title: [] }));
    bucket[kind].push({ t, re, w });
  }

  const n = topics.length;
  const titleHits = new Int32Array(n);
  const absHits = new Int32Array(n);
  const until = new Int32Array(n); // per topic: phrases starting before this index are inside an exclude or an earlier hit
  const mins = topics.map((topic) => topic.min ?? 1);

  function scan(text: string, isTitle: boolean, hits: Int32Array): void {
    until.fill(0);
    const len = text.length;
    let inWord = false;
    for (let i = 0; i < len; i++) {
      const c = text.charCodeAt(i);
      const w = isWordCode(c);
      if (w && !inWord) visit(text, i, len, isTitle, hits);
      inWord = w;
    }
  }

  function visit(text: string, i: number, len: number, isTitle: boolean, hits: Int32Array): void {
    const c0 = lower(text.charCodeAt(i));
    const d1 = i + 1 < len ? text.charCodeAt(i + 1) : 0;
    const b1 = buckets.get(c0);
    let b2: Bucket | undefined;
    let b3: Bucket | undefined;
    if (isWordCode(d1)) {
      const k2 = c0 | (lower(d1) << 8);
      b2 = buckets.get(k2);
      const d2 = i + 2 < len ? text.charCodeAt(i + 2) : 0;
      if (isWordCode(d2)) b3 = buckets.get(k2 | (lower(d2) << 16));
    }
    if (!b1 && !b2 && !b3) return;
    // All excludes at this position first, so a longer exclude wins over a phrase under another key.
    if (b1) exclude(b1.ex, text, i);
    if (b2) exclude(b2.ex, text, i);
    if (b3) exclude(b3.ex, text, i);
    if (b1) hitAll(isTitle ? b1.title : null, b1.any, text, i, hits);
    if (b2) hitAll(isTitle ? b2.title : null, b2.any, text, i, hits);
    if (b3) hitAll(isTitle ? b3.title : null, b3.any, text, i, hits);
  }

  function exclude(rules: readonly Rule[], text: string, i: number): void {
    for (const r of rules) {
      r.re.lastIndex = i;
      if (r.re.test(text) && r.re.lastIndex > (until[r.t] ?? 0)) until[r.t] = r.re.lastIndex;
    }
  }

  function hitAll(titleRules: readonly Rule[] | null, rules: readonly Rule[], text: string, i: number, hits: Int32Array): void {
    if (titleRules) hitAll(null, titleRules, text, i, hits);
    for (const r of rules) {
      if (i < (until[r.t] ?? 0)) continue;
      r.re.lastIndex = i;
      if (r.re.test(text)) {
        hits[r.t] = (hits[r.t] ?? 0) + r.w;
        until[r.t] = r.re.lastIndex; // count overlapping phrases of one topic once
      }
    }
  }

  function run(paper: PaperText): void {
    titleHits.fill(0);
    absHits.fill(0);
    scan(paper.title ?? '', true, titleHits);
    scan(paper.abstract ?? '', false, absHits);
  }

  return {
    topics,
    match(paper) {
      run(paper);
      const found: number[] = [];
      for (let t = 0; t < n; t++) {
        if ((titleHits[t] ?? 0) > 0 || (absHits[t] ?? 0) >= (mins[t] ?? 1)) found.push(t);
      }
      const score = (t: number) => ((titleHits[t] ?? 0) > 0 ? 1e6 : 0) + (titleHits[t] ?? 0) + (absHits[t] ?? 0);
      found.sort((a, b) => score(b) - score(a) || a - b);
      return found.map((t) => topics[t]!.id);
    },
    hits(paper) {
      run(paper);
      const out: TopicHits[] = [];
      for (let t = 0; t < n; t++) {
        const title = titleHits[t] ?? 0;
        const abstract = absHits[t] ?? 0;
        if (title || abstract) out.push({ id: topics[t]!.id, title, abstract });
      }
      return out;
    },
  };
}

/** Same word characters as regex `\w` (ASCII), so word starts agree with the `(?!\w)` phrase ends. */
function isWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

function lower(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

/** Split on top-level commas only, so `[\\w,-]` and `{0,3}` stay inside their phrase. */
function splitList(list: string | undefined): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  const s = list ?? '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') i++;
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 0) {
      out.push(s.slice(start, i));
      start = i + 1;
    }
  }
  out.push(s.slice(start));
  return out.map((p) => p.trim()).filter(Boolean);
}

/** `(a|b)rest` becomes `arest`, `brest` (and `rest` for `(..)?`), so every phrase has a literal start to key on. */
export function expandLead(p: string): string[] {
  if (!p.startsWith('(')) return [p];
  const alts: string[] = [];
  let depth = 0;
  let start = 1;
  let end = -1;
  for (let i = 0; i < p.length && end < 0; i++) {
    const c = p[i];
    if (c === '\\') i++;
    else if (c === '(') depth++;
    else if (c === '|' && depth === 1) {
      alts.push(p.slice(start, i));
      start = i + 1;
    } else if (c === ')' && --depth === 0) {
      alts.push(p.slice(start, i));
      end = i;
    }
  }
  if (end < 0) throw new Error(`unbalanced phrase "${p}"`);
  let rest = p.slice(end + 1);
  const optional = rest.startsWith('?');
  if (optional) rest = rest.slice(1);
  if (/^[+{]/.test(rest)) throw new Error(`phrase "${p}" repeats its leading group`);
  const out = alts.flatMap((a) => expandLead(a + rest));
  if (optional) out.push(...expandLead(rest.trimStart()));
  return out;
}

/** Numeric lookup keys (first 1-3 lowercased letters) a phrase can start under. */
function keysOf(p: string, topicId: string): number[] {
  if (p.startsWith('\\d')) return Array.from({ length: 10 }, (_, d) => 48 + d);
  let run = /^[A-Za-z0-9_]+/.exec(p)?.[0] ?? '';
  if (p[run.length] === '?' || p[run.length] === '{') run = run.slice(0, -1); // last letter optional
  if (!run) throw new Error(`topic "${topicId}": phrase "${p}" must start with a letter or digit`);
  const k = run.slice(0, 3).toLowerCase();
  let key = 0;
  for (let i = 0; i < k.length; i++) key |= k.charCodeAt(i) << (8 * i);
  return [key];
}

/** Phrase syntax (see taxonomy.ts) to regex source. */
export function translate(p: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < p.length; i++) {
    const c = p[i]!;
    const prev = p[i - 1] ?? '';
    if (c === '\\') {
      out += c + (p[i + 1] ?? '');
      i++;
    } else if (inClass) {
      out += c;
      if (c === ']') inClass = false;
    } else if (c === '[') {
      inClass = true;
      out += c;
    } else if (c === ' ') out += '[\\s-]+';
    else if (c === '-' && WORD_CHAR.test(prev) && WORD_CHAR.test(p[i + 1] ?? '')) out += '[\\s-]*';
    else if (c === '*') out += '\\w*';
    else if (c === '.') out += '\\.';
    else out += c;
  }
  return out;
}
