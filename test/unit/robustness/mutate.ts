// A seeded DOM mutator for fuzzing site adapters and the overlay with damaged copies of real markup.
// Every random choice comes from one small PRNG, so a (fixture, seed) pair always gives the same page:
// a failure prints its seed and the list of mutations applied, and is replayed with that seed alone.
import { BAD_REPOS, MARKUP, NUMBERISH, ODD_CHARS, SCRIPT_URLS } from './payloads';

// ---------------------------------------------------------------------------------------------------------
// PRNG: xorshift32 seeded through a 32-bit FNV-1a hash of the seed parts (small, fast, and good enough for
// picking mutations; not for anything cryptographic).

/** 32-bit FNV-1a over the parts, joined; used to derive one seed per (adapter, fixture, index). */
export function hashSeed(...parts: (string | number)[]): number {
  let h = 0x811c9dc5;
  const text = parts.join('\u0001');
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0 || 1;
}

export class Rng {
  private state: number;

  constructor(readonly seed: number) {
    this.state = seed >>> 0 || 0x9e3779b9;
    for (let i = 0; i < 4; i++) this.nextU32(); // move away from low-entropy seeds
  }

  nextU32(): number {
    let x = this.state;
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    this.state = x;
    return x;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextU32() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return n <= 0 ? 0 : Math.floor(this.next() * n);
  }

  /** Uniform integer in [lo, hi]. */
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (!items.length) throw new RangeError('pick from an empty list');
    return items[this.int(items.length)]!;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Strings

/** Shapes of huge strings: each stresses a different kind of regex or loop in the adapters. */
export const HUGE_SHAPES = [
  'words', // ordinary text: normalisation and length limits
  'spaces', // white space runs between words
  'digits', // a run of digits ending in a letter: number parsing
  'commas', // "1,1,1,...": thousands separators
  'github', // many github.com/owner/repo mentions
  'doi', // a DOI with a very long suffix
  'dates', // date-like text over and over
  'markup', // "<b>" over and over, as text
  'zerowidth', // zero-width spaces and bidi overrides
  'combining', // a letter with thousands of combining marks
  'dots', // "....": trailing-punctuation stripping
  'surrogates', // lone surrogates
] as const;
export type HugeShape = (typeof HUGE_SHAPES)[number];

/** Sizes drawn for huge strings: mostly moderate, sometimes the full megabyte. */
export const HUGE_SIZES = [2_000, 20_000, 200_000, 1_000_000] as const;

export interface MutateOptions {
  /**
   * Upper bound on the length of huge strings of a given shape: a workaround for a known super-linear regex,
   * reported to the lead, so the fuzz keeps its other cases instead of hanging. Absent: no cap.
   */
  capShape?: Partial<Record<HugeShape, number>>;
  /** Largest huge string (default 1 MB). */
  maxHuge?: number;
  /**
   * Most copies one mutation makes of a node (default 5,100): a workaround for a known quadratic adapter,
   * reported to the lead.
   */
  maxCopies?: number;
}

const hugeCache = new Map<string, string>();

/** A string of about `size` UTF-16 units with the given shape (deterministic, so built once and reused). */
export function hugeString(shape: HugeShape, size: number): string {
  const key = `${shape}:${size}`;
  let text = hugeCache.get(key);
  if (text === undefined) hugeCache.set(key, (text = buildHuge(shape, size)));
  return text;
}

function buildHuge(shape: HugeShape, size: number): string {
  const fill = (unit: string, tail = '') => unit.repeat(Math.max(1, Math.ceil(size / unit.length))).slice(0, size) + tail;
  switch (shape) {
    case 'words':
      return fill('lorem ipsum dolor sit amet ');
    case 'spaces':
      return `a${fill(' \t\n\u00A0')}b`;
    case 'digits':
      return fill('1', 'x');
    case 'commas':
      return fill('1,', 'z');
    case 'github':
      return Array.from({ length: Math.max(1, Math.floor(size / 40)) }, (_, i) => `github.com/own${i}/repo${i} `).join('');
    case 'doi':
      return `10.1234/${fill('a.')}`;
    case 'dates':
      return fill('Sep 9, 2026 2026-09-09 ');
    case 'markup':
      return fill('<b onmouseover=alert(1)>');
    case 'zerowidth':
      return fill('a\u200B\u202E\u2066');
    case 'combining':
      return `e${fill('\u0301')}`;
    case 'dots':
      return `github.com/o/r${fill('.')}`;
    case 'surrogates':
      return fill('\uD800a\uDC00');
  }
}

/** A short hostile string: markup, script URLs, odd characters, number- and date-like text. */
export function oddString(rng: Rng): string {
  switch (rng.int(5)) {
    case 0:
      return rng.pick(MARKUP);
    case 1:
      return rng.pick(SCRIPT_URLS);
    case 2:
      return rng.pick(BAD_REPOS);
    case 3:
      return rng.pick(NUMBERISH);
    default:
      return Array.from({ length: rng.range(1, 6) }, () => rng.pick(ODD_CHARS)).join(rng.chance(0.5) ? 'x' : '');
  }
}

function hugeFor(rng: Rng, options: MutateOptions): { text: string; label: string } {
  const shape = rng.pick(HUGE_SHAPES);
  // Mostly smaller sizes: every later check of the page pays for a megabyte again.
  const roll = rng.next();
  let size: number = roll < 0.4 ? HUGE_SIZES[0] : roll < 0.7 ? HUGE_SIZES[1] : roll < 0.88 ? HUGE_SIZES[2] : HUGE_SIZES[3];
  size = Math.min(size, options.maxHuge ?? 1_000_000, options.capShape?.[shape] ?? Infinity);
  return { text: hugeString(shape, size), label: `${shape}:${size}` };
}

/** Insert `piece` into `text` at a random position (or replace a random slice). */
function splice(rng: Rng, text: string, piece: string): string {
  const at = rng.int(text.length + 1);
  const cut = rng.chance(0.3) ? rng.int(Math.min(8, text.length - at) + 1) : 0;
  return text.slice(0, at) + piece + text.slice(at + cut);
}

// ---------------------------------------------------------------------------------------------------------
// JSON

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Replacement values for JSON leaves: wrong types, bad numbers, hostile and huge strings. */
function jsonReplacement(rng: Rng, options: MutateOptions): { value: Json; label: string } {
  switch (rng.int(14)) {
    case 0:
      return { value: null, label: 'null' };
    case 1:
      return { value: rng.pick([-1, -0.5, 1.5, 1e300, -1e300, 2 ** 53 + 1, 0]), label: 'number' };
    case 2:
      return { value: rng.chance(0.5), label: 'boolean' };
    case 3:
      return { value: {}, label: 'object' };
    case 4:
      return { value: [], label: 'empty array' };
    case 5: {
      let deep: Json = 'bottom';
      for (let i = 0; i < 2000; i++) deep = [deep];
      return { value: deep, label: 'deep array' };
    }
    case 6:
      return { value: Array.from({ length: rng.pick([25, 250, 6000]) }, (_, i) => `item ${i}`), label: 'long array' };
    case 7: {
      const huge = hugeFor(rng, options);
      return { value: huge.text, label: `huge ${huge.label}` };
    }
    case 8:
      return { value: rng.pick(['', ' ', '\u200B', '\u00A0']), label: 'blank' };
    case 9:
      return { value: rng.pick(['2024-13-45T00:00:00.000Z', '2024-02-30', 'not a date', '0000-00-00', '2026-07-02T25:61:00Z']), label: 'bad date' };
    case 10:
      return { value: rng.pick(['https://github.com/a/..', 'github.com/owner/repo.git', 'git@github.com:o/r', 'https://github.com/orgs/x']), label: 'repo url' };
    case 11:
      return { value: [{ name: oddString(rng) }, { name: null }, 'bare'], label: 'mixed array' };
    default:
      return { value: oddString(rng), label: 'odd string' };
  }
}

/** Every path to a value inside a JSON document (objects and arrays included), capped for huge documents. */
function jsonPaths(root: Json, limit = 20_000): (string | number)[][] {
  const out: (string | number)[][] = [];
  const walk = (value: Json, path: (string | number)[]) => {
    if (out.length >= limit) return;
    out.push(path);
    if (Array.isArray(value)) value.forEach((item, i) => walk(item, [...path, i]));
    else if (value && typeof value === 'object') for (const key of Object.keys(value)) walk(value[key]!, [...path, key]);
  };
  walk(root, []);
  return out;
}

function getAt(root: Json, path: readonly (string | number)[]): Json | undefined {
  let value: Json | undefined = root;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, Json>)[key];
  }
  return value;
}

/** One structural change to parsed JSON; returns the new root and a label. */
/** Keys the adapters read from hydration JSON and JSON-LD: most JSON changes land on one of them. */
const JSON_KEYS = /^(?:id|title|name|summary|description|abstract|authors?|upvotes|githubRepo|githubStars|projectPage|publishedAt|datePublished|ai_keywords|publication|url|paper|dailyPapers|searchResults|@type|@graph)$/;

export function mutateJson(rng: Rng, root: Json, options: MutateOptions = {}): { root: Json; label: string } {
  const paths = jsonPaths(root);
  const keyed = paths.filter((p) => p.length > 0 && JSON_KEYS.test(String(p[p.length - 1])));
  const path = keyed.length && rng.chance(0.7) ? rng.pick(keyed) : rng.pick(paths);
  if (path.length === 0) {
    const r = jsonReplacement(rng, options);
    return { root: r.value, label: `root := ${r.label}` };
  }
  const parent = getAt(root, path.slice(0, -1));
  const key = path[path.length - 1]!;
  const where = path.join('.');
  if (parent === null || typeof parent !== 'object' || parent === undefined) return { root, label: 'noop' };
  const op = rng.int(6);
  if (op === 0) {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete (parent as Record<string, Json>)[key];
    return { root, label: `delete ${where}` };
  }
  if (op === 1 && Array.isArray(parent)) {
    const item = parent[key as number]!;
    const times = rng.pick([2, 30, 300]);
    parent.splice(key as number, 0, ...Array.from({ length: times }, () => structuredClone(item)));
    return { root, label: `repeat ${where} x${times}` };
  }
  if (op === 2 && !Array.isArray(parent)) {
    // Keys that have meaning to JavaScript objects; JSON.parse makes them own properties.
    const name = rng.pick(['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty']);
    // Defined, not assigned: assigning "__proto__" would set the prototype instead of adding an own key.
    Object.defineProperty(parent, name, { value: { polluted: true, id: '2401.00001' }, enumerable: true, configurable: true, writable: true });
    return { root, label: `add key ${name} at ${path.slice(0, -1).join('.')}` };
  }
  const r = jsonReplacement(rng, options);
  (parent as Record<string | number, Json>)[key] = r.value;
  return { root, label: `${where} := ${r.label}` };
}

/** Mutate JSON text: structurally when it parses (sometimes several times), else (or sometimes) truncate it. */
export function mutateJsonText(rng: Rng, text: string, options: MutateOptions = {}): { text: string; label: string } {
  let parsed: Json | undefined;
  try {
    parsed = JSON.parse(text) as Json;
  } catch {
    parsed = undefined;
  }
  if (parsed === undefined || rng.chance(0.25)) {
    const at = rng.int(text.length);
    return { text: rng.chance(0.5) ? text.slice(0, at) : splice(rng, text, rng.pick(['"', '}', ']', ',', '\\', '\u0000', '{"'])), label: `json text damaged at ${at}` };
  }
  const labels: string[] = [];
  let root: Json = parsed;
  for (let i = rng.range(1, 3); i > 0; i--) {
    const step = mutateJson(rng, root, options);
    root = step.root;
    labels.push(step.label);
  }
  return { text: JSON.stringify(root), label: labels.join('; ') };
}

// ---------------------------------------------------------------------------------------------------------
// DOM

/** Attributes whose values adapters read; stripping or damaging them is the most telling change. */
const KEY_ATTRIBUTES = ['href', 'id', 'class', 'content', 'name', 'property', 'data-props', 'data-target', 'src', 'title', 'type', 'datetime', 'data-id'];
const WRAP_TAGS = ['div', 'span', 'a', 'article', 'section', 'h1', 'h3', 'strong', 'p', 'li', 'dd', 'dt', 'td', 'em', 'main', 'ul'];
const HOSTILE_HREFS = [
  ...SCRIPT_URLS,
  'https://github.com/a/..',
  'https://github.com/orgs/example',
  'https://arxiv.org/abs/2401.00001v99999999999999999999',
  'https://arxiv.org/abs/9901.00001',
  'https://arxiv.org/abs/%E0%A4%A',
  'https://doi.org/10.1234/' + 'x'.repeat(500),
  'https://huggingface.co/papers/2401.00001',
  '/papers/2401.00001',
  '#abstract-',
  '',
  '   ',
  'http://[::1',
  'https://www.semanticscholar.org/paper/' + 'a'.repeat(40),
  'https://openreview.net/forum?id=' + 'x'.repeat(300),
  'https://openreview.net/forum?id=a b',
];

/** What the mutator may aim at: the cards an adapter found (most changes land inside them) and the rest. */
export interface MutationTargets {
  cards: readonly Element[];
}

export interface MutationResult {
  /** One line per change applied, for the failure report. */
  log: string[];
}

function nameOf(el: Element): string {
  const id = el.id ? `#${el.id.slice(0, 20)}` : '';
  const cls = el.getAttribute('class')?.trim().split(/\s+/)[0];
  return `${el.localName}${id}${cls ? `.${cls.slice(0, 20)}` : ''}`;
}

/** `root` and every element below it, in document order (a plain walk: jsdom's HTMLCollection proxies are slow). */
function subtree(root: Element): Element[] {
  const out: Element[] = [];
  const walk = (el: Element) => {
    out.push(el);
    for (let child = el.firstElementChild; child; child = child.nextElementSibling) walk(child);
  };
  walk(root);
  return out;
}

function allElements(doc: Document): Element[] {
  return doc.documentElement ? subtree(doc.documentElement).slice(1) : [];
}

/** An element to change: inside a card most of the time, else a data holder (meta, JSON) or anything. */
function pickTarget(doc: Document, rng: Rng, targets: MutationTargets): Element | null {
  const cards = targets.cards.filter((c) => c.isConnected);
  const roll = rng.next();
  if (cards.length && roll < 0.55) {
    const card = rng.pick(cards);
    return rng.pick(subtree(card));
  }
  if (roll < 0.75) {
    const holders = Array.from(doc.querySelectorAll('meta, script, [data-props], [data-target], link, h1, title'));
    if (holders.length) return rng.pick(holders);
  }
  const all = allElements(doc);
  return all.length ? rng.pick(all) : null;
}

function textNodes(root: Node): Text[] {
  const out: Text[] = [];
  const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n as Text);
  return out;
}

function protectedNode(doc: Document, el: Element): boolean {
  return el === doc.documentElement || el === doc.head || el === doc.body;
}

type Mutation = (doc: Document, rng: Rng, targets: MutationTargets, options: MutateOptions) => string | null;

const MUTATIONS: Record<string, Mutation> = {
  remove(doc, rng, targets) {
    const el = pickTarget(doc, rng, targets);
    if (!el || protectedNode(doc, el)) return null;
    el.remove();
    return `remove ${nameOf(el)}`;
  },
  duplicate(doc, rng, targets, options) {
    const el = pickTarget(doc, rng, targets);
    if (!el || protectedNode(doc, el)) return null;
    // Many copies only of small nodes: jsdom slows down badly with thousands of inserted elements.
    const size = el.querySelectorAll('*').length;
    const many = size < 10 ? rng.pick([50, 300]) : size < 100 ? 50 : 3;
    const times = Math.min(options.maxCopies ?? Infinity, rng.chance(0.1) ? many : rng.range(1, 3));
    const copies = Array.from({ length: times }, () => el.cloneNode(true));
    el.after(...copies);
    return `duplicate ${nameOf(el)} x${times}`;
  },
  reorder(doc, rng, targets) {
    const el = pickTarget(doc, rng, targets);
    if (!el?.parentElement || protectedNode(doc, el)) return null;
    if (rng.chance(0.6)) {
      const siblings = Array.from(el.parentElement.children);
      const other = rng.pick(siblings);
      if (other === el) return null;
      if (rng.chance(0.5)) other.before(el);
      else other.after(el);
      return `move ${nameOf(el)} next to sibling ${nameOf(other)}`;
    }
    const dest = pickTarget(doc, rng, targets);
    if (!dest || dest === el || el.contains(dest) || dest === doc.head) return null;
    dest.append(el);
    return `move ${nameOf(el)} into ${nameOf(dest)}`;
  },
  unwrap(doc, rng, targets) {
    const el = pickTarget(doc, rng, targets);
    if (!el?.parentNode || protectedNode(doc, el)) return null;
    el.replaceWith(...Array.from(el.childNodes));
    return `unwrap ${nameOf(el)}`;
  },
  wrap(doc, rng, targets) {
    const el = pickTarget(doc, rng, targets);
    if (!el?.parentNode || protectedNode(doc, el)) return null;
    const wrapper = doc.createElement(rng.pick(WRAP_TAGS));
    if (wrapper.localName === 'a') wrapper.setAttribute('href', rng.pick(HOSTILE_HREFS));
    el.replaceWith(wrapper);
    wrapper.append(el);
    return `wrap ${nameOf(el)} in ${wrapper.localName}`;
  },
  retag(doc, rng, targets) {
    const el = pickTarget(doc, rng, targets);
    if (!el?.parentNode || protectedNode(doc, el)) return null;
    const next = doc.createElement(rng.pick(WRAP_TAGS));
    for (const attr of Array.from(el.attributes)) {
      try {
        next.setAttribute(attr.name, attr.value);
      } catch {
        /* a name valid in the parser but not for setAttribute */
      }
    }
    next.append(...Array.from(el.childNodes));
    el.replaceWith(next);
    return `retag ${nameOf(el)} as ${next.localName}`;
  },
  truncateAttr(doc, rng, targets) {
    const el = pickTarget(doc, rng, targets);
    const attrs = el ? Array.from(el.attributes) : [];
    if (!el || !attrs.length) return null;
    const attr = rng.pick(attrs);
    const at = rng.int(attr.value.length + 1);
    el.setAttribute(attr.name, attr.value.slice(0, at));
    return `truncate ${nameOf(el)}[${attr.name}] at ${at}`;
  },
  corruptAttr(doc, rng, targets) {
    const el = pickTarget(doc, rng, targets);
    const attrs = el ? Array.from(el.attributes) : [];
    if (!el || !attrs.length) return null;
    const attr = rng.pick(attrs);
    const piece = oddString(rng);
    el.setAttribute(attr.name, rng.chance(0.3) ? piece : splice(rng, attr.value, piece));
    return `corrupt ${nameOf(el)}[${attr.name}] with ${JSON.stringify(piece.slice(0, 40))}`;
  },
  stripAttr(doc, rng, targets) {
    const el = pickTarget(doc, rng, targets);
    if (!el) return null;
    const present = KEY_ATTRIBUTES.filter((name) => el.hasAttribute(name));
    const name = present.length ? rng.pick(present) : el.attributes.length ? rng.pick(Array.from(el.attributes)).name : null;
    if (!name) return null;
    el.removeAttribute(name);
    return `strip ${nameOf(el)}[${name}]`;
  },
  swapAttr(doc, rng, targets) {
    const a = pickTarget(doc, rng, targets);
    const b = pickTarget(doc, rng, targets);
    if (!a || !b) return null;
    const name = rng.pick(KEY_ATTRIBUTES);
    if (rng.chance(0.5) && a.hasAttribute(name)) {
      // Rename one attribute on one element (href -> class, id -> href, ...).
      const other = rng.pick(KEY_ATTRIBUTES);
      const value = a.getAttribute(name)!;
      a.removeAttribute(name);
      a.setAttribute(other, value);
      return `rename ${nameOf(a)}[${name}] to [${other}]`;
    }
    const va = a.getAttribute(name);
    const vb = b.getAttribute(name);
    if (vb === null) a.removeAttribute(name);
    else a.setAttribute(name, vb);
    if (va === null) b.removeAttribute(name);
    else b.setAttribute(name, va);
    return `swap [${name}] of ${nameOf(a)} and ${nameOf(b)}`;
  },
  hostileHref(doc, rng, targets) {
    const scope = targets.cards.length && rng.chance(0.7) ? rng.pick(targets.cards) : doc;
    const links = Array.from(scope.querySelectorAll('a, link, meta'));
    if (!links.length) return null;
    const el = rng.pick(links);
    const value = rng.pick(HOSTILE_HREFS);
    el.setAttribute(el.localName === 'meta' ? 'content' : 'href', value);
    return `href of ${nameOf(el)} := ${JSON.stringify(value.slice(0, 60))}`;
  },
  textPayload(doc, rng, targets) {
    const el = pickTarget(doc, rng, targets);
    if (!el || protectedNode(doc, el)) return null;
    const texts = textNodes(el);
    const value = oddString(rng);
    if (texts.length && rng.chance(0.7)) {
      const node = rng.pick(texts);
      node.data = rng.chance(0.5) ? value : splice(rng, node.data, value);
    } else {
      el.textContent = value;
    }
    return `text of ${nameOf(el)} := ${JSON.stringify(value.slice(0, 40))}`;
  },
  oddChars(doc, rng, targets) {
    const el = pickTarget(doc, rng, targets);
    const texts = el ? textNodes(el) : [];
    if (!texts.length) return null;
    const node = rng.pick(texts);
    let data = node.data;
    const times = rng.range(1, 8);
    for (let i = 0; i < times; i++) data = splice(rng, data, rng.pick(ODD_CHARS));
    node.data = data;
    return `odd characters x${times} in text of ${nameOf(node.parentElement ?? el!)}`;
  },
  hugeText(doc, rng, targets, options) {
    const el = pickTarget(doc, rng, targets);
    if (!el) return null;
    const huge = hugeFor(rng, options);
    const texts = textNodes(el);
    if (texts.length && rng.chance(0.6)) rng.pick(texts).data += huge.text;
    else el.append(doc.createTextNode(huge.text));
    return `huge text ${huge.label} in ${nameOf(el)}`;
  },
  hugeAttr(doc, rng, targets, options) {
    const el = pickTarget(doc, rng, targets);
    if (!el) return null;
    const present = KEY_ATTRIBUTES.filter((name) => el.hasAttribute(name));
    const name = present.length ? rng.pick(present) : rng.pick(['href', 'content', 'title', 'id', 'class']);
    // Test-environment artefacts, not adapter problems, keep two kinds of values at 20,000 characters: a class of
    // thousands of distinct tokens costs jsdom quadratic time to split (its DOMTokenList dedups by linear search),
    // and jsdom re-parses a link's URL, percent-encoding one character at a time, whenever a selector asks for it.
    const capped = name === 'class' || name === 'href' || name === 'src';
    const huge = hugeFor(rng, capped ? { ...options, maxHuge: Math.min(options.maxHuge ?? Infinity, 20_000) } : options);
    el.setAttribute(name, rng.chance(0.5) ? (el.getAttribute(name) ?? '') + huge.text : huge.text);
    return `huge attribute ${huge.label} in ${nameOf(el)}[${name}]`;
  },
  nestCard(doc, rng, targets) {
    const cards = targets.cards.filter((c) => c.isConnected);
    if (!cards.length) return null;
    const outer = rng.pick(cards);
    const inner = rng.pick(cards).cloneNode(true) as Element;
    const host = rng.pick(subtree(outer));
    host.append(inner);
    return `nest a copy of a card into ${nameOf(host)} of card ${nameOf(outer)}`;
  },
  json(doc, rng, _targets, options) {
    const holders: { get(): string; set(text: string): void; label: string }[] = [];
    for (const el of Array.from(doc.querySelectorAll('[data-props]'))) {
      holders.push({ get: () => el.getAttribute('data-props') ?? '', set: (t) => el.setAttribute('data-props', t), label: `${nameOf(el)}[data-props]` });
    }
    for (const el of Array.from(doc.querySelectorAll('script'))) {
      const text = el.textContent ?? '';
      if (/^\s*[[{]/.test(text)) holders.push({ get: () => el.textContent ?? '', set: (t) => (el.textContent = t), label: `script[${el.getAttribute('type') ?? ''}]` });
    }
    if (!holders.length) return null;
    const holder = rng.pick(holders);
    const result = mutateJsonText(rng, holder.get(), options);
    holder.set(result.text);
    return `json ${holder.label}: ${result.label}`;
  },
  manyRepos(doc, rng, targets) {
    const el = pickTarget(doc, rng, targets);
    if (!el || el.localName === 'head' || el.closest('head')) return null;
    const n = rng.pick([21, 30, 300]);
    el.append(doc.createTextNode(' ' + Array.from({ length: n }, (_, i) => `https://github.com/owner${i}/repo${i}`).join(' ')));
    return `${n} repository links as text in ${nameOf(el)}`;
  },
  manyAuthors(doc, rng, targets, options) {
    const links = targets.cards.length ? Array.from(rng.pick(targets.cards).querySelectorAll('a')) : [];
    if (!links.length) return null;
    const link = rng.pick(links);
    // Not over 5,000 (PaperSchema's cap on authors): thousands of inserted elements cost seconds in jsdom. Long
    // author lists are fuzzed through hydration JSON instead (see jsonReplacement).
    const n = Math.min(options.maxCopies ?? Infinity, rng.pick([60, 300]));
    // Built as markup and parsed once: inserting thousands of clones one by one is slow in jsdom.
    const shell = link.cloneNode(false) as Element;
    shell.removeAttribute('id'); // thousands of equal ids make jsdom's id lookups crawl
    const [open, close] = shell.outerHTML.split(/(?=<\/a>$)/);
    const escape = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    // In groups of 50: jsdom slows down quadratically with the number of siblings under one parent.
    const groups: string[] = [];
    for (let g = 0; g < n; g += 50) {
      const names = Array.from({ length: Math.min(50, n - g) }, (_, i) => `${open}${escape(`Author Number${g + i}`)}${close ?? ''}`);
      groups.push(`<span>${names.join(', ')}</span>`);
    }
    link.insertAdjacentHTML('afterend', groups.join(', '));
    return `${n} copies of link ${nameOf(link)} with new names`;
  },
  emptyText(doc, rng, targets) {
    const el = pickTarget(doc, rng, targets);
    if (!el || protectedNode(doc, el)) return null;
    el.textContent = rng.pick(['', ' ', '\u200B', '\u00A0\u00A0']);
    return `blank the text of ${nameOf(el)}`;
  },
  removeAllOfTag(doc, rng, targets) {
    const el = pickTarget(doc, rng, targets);
    if (!el || protectedNode(doc, el)) return null;
    const scope = targets.cards.length && rng.chance(0.5) ? rng.pick(targets.cards) : doc;
    const all = Array.from(scope.querySelectorAll(el.localName)).filter((e) => !protectedNode(doc, e));
    for (const e of all) e.remove();
    return `remove all ${all.length} ${el.localName} in ${scope === doc ? 'document' : nameOf(scope as Element)}`;
  },
};

export const MUTATION_KINDS = Object.keys(MUTATIONS);
/** Relative weights: JSON holds most of what some sites show, so damaged JSON comes up more often. */
const WEIGHTS: Record<string, number> = { json: 3, hostileHref: 2, textPayload: 2 };
const WEIGHTED = MUTATION_KINDS.flatMap((kind) => Array.from({ length: WEIGHTS[kind] ?? 1 }, () => kind));

/**
 * Apply `count` random mutations to `doc` in place. Each step that does not apply (no target, or the DOM
 * refuses the change) is retried with another kind, a few times.
 */
export function mutateDocument(doc: Document, rng: Rng, targets: MutationTargets, count: number, options: MutateOptions = {}): MutationResult {
  const log: string[] = [];
  for (let i = 0; i < count; i++) {
    for (let attempt = 0; attempt < 5; attempt++) {
      const kind = rng.pick(WEIGHTED);
      let line: string | null;
      try {
        line = MUTATIONS[kind]!(doc, rng, targets, options);
      } catch (error) {
        line = null; // e.g. HierarchyRequestError: the DOM refused the move; try another change
        void error;
      }
      if (line) {
        log.push(`${kind}: ${line}`);
        break;
      }
    }
  }
  return { log };
}
