// A tiny, strict, namespace-aware XML reader for the arXiv API's Atom feed: a Chrome service worker has no
// DOMParser. Well-formedness is checked (matching tags, quoted attributes, known entities only, one root);
// DOCTYPEs are refused outright, so no entity expansion can happen. Anything odd gives null, never a throw.

export interface XmlElement {
  /** Namespace URI, '' when none. */
  ns: string;
  /** Local name (without prefix). */
  local: string;
  /** Attributes by name as written (`term`, `xml:lang`); namespace declarations left out. */
  attrs: Record<string, string>;
  children: Array<XmlElement | string>;
}

/** Bodies larger than this are not Atom for one paper. */
export const MAX_XML_CHARS = 4_000_000;
const MAX_DEPTH = 64;
const XML_NS = 'http://www.w3.org/XML/1998/namespace';

const NAME = String.raw`[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?`;
const START_TAG = new RegExp(String.raw`<(${NAME})((?:\s+${NAME}\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(/?)>`, 'y');
const ATTR = new RegExp(String.raw`\s+(${NAME})\s*=\s*(?:"([^"<]*)"|'([^'<]*)')`, 'gy');
const END_TAG = new RegExp(String.raw`</(${NAME})\s*>`, 'y');
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

class XmlError extends Error {}

/** XML's Char production: no NUL, no lone surrogates, no U+FFFE/U+FFFF. */
function validChar(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}

/** Decode the five named entities and numeric references; `strict` refuses anything else (a bare `&`). */
export function decodeEntities(text: string, strict = true): string {
  return text.replace(/&(#x[0-9A-Fa-f]+|#[0-9]+|[A-Za-z]+);|&/g, (whole, ref: string | undefined) => {
    if (ref === undefined) {
      if (strict) throw new XmlError('bare &');
      return whole;
    }
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (validChar(code)) return String.fromCodePoint(code);
    } else if (ref in NAMED) return NAMED[ref]!;
    if (strict) throw new XmlError(`unknown entity ${whole}`);
    return whole;
  });
}

interface Open {
  el: XmlElement;
  qname: string;
  scope: Map<string, string>;
}

function resolve(qname: string, scope: Map<string, string>, isAttr: boolean): [ns: string, local: string] {
  const colon = qname.indexOf(':');
  if (colon < 0) return [isAttr ? '' : (scope.get('') ?? ''), qname];
  const prefix = qname.slice(0, colon);
  const ns = prefix === 'xml' ? XML_NS : scope.get(prefix);
  if (ns === undefined || ns === '') throw new XmlError(`undeclared prefix ${prefix}`); // strict: no guessing
  return [ns, qname.slice(colon + 1)];
}

/** The root element of an XML document, or null when the text is not well-formed (or too big or deep). */
export function parseXml(input: string): XmlElement | null {
  if (input.length > MAX_XML_CHARS) return null;
  try {
    return parse(input.replace(/^\uFEFF/, ''));
  } catch (error) {
    if (error instanceof XmlError) return null;
    throw error; // a bug in this file, not bad input
  }
}

function parse(text: string): XmlElement {
  const stack: Open[] = [];
  let root: XmlElement | null = null;
  let pos = 0;
  const skip = (open: string, close: string): string => {
    const end = text.indexOf(close, pos + open.length);
    if (end < 0) throw new XmlError(`unclosed ${open}`);
    const inner = text.slice(pos + open.length, end);
    pos = end + close.length;
    return inner;
  };
  while (pos < text.length) {
    const lt = text.indexOf('<', pos);
    const chunk = text.slice(pos, lt < 0 ? text.length : lt);
    if (chunk) {
      const top = stack[stack.length - 1];
      if (top) top.el.children.push(decodeEntities(chunk));
      else if (chunk.trim()) throw new XmlError('text outside the root');
      pos += chunk.length;
      continue;
    }
    if (text.startsWith('<!--', pos)) {
      if (skip('<!--', '-->').includes('--')) throw new XmlError('"--" in a comment');
    } else if (text.startsWith('<![CDATA[', pos)) {
      const top = stack[stack.length - 1];
      if (!top) throw new XmlError('CDATA outside the root');
      top.el.children.push(skip('<![CDATA[', ']]>'));
    } else if (text.startsWith('<?', pos)) {
      skip('<?', '?>'); // XML declaration or processing instruction: nothing for us
    } else if (text.startsWith('<!', pos)) {
      throw new XmlError('DOCTYPE or other declaration'); // never needed by Atom; refusing them rules out entity tricks
    } else if (text.startsWith('</', pos)) {
      END_TAG.lastIndex = pos;
      const m = END_TAG.exec(text);
      const top = stack.pop();
      if (!m || !top || m[1] !== top.qname) throw new XmlError('mismatched end tag');
      pos = END_TAG.lastIndex;
    } else {
      START_TAG.lastIndex = pos;
      const m = START_TAG.exec(text);
      if (!m) throw new XmlError('malformed start tag');
      pos = START_TAG.lastIndex;
      const parent = stack[stack.length - 1];
      if (!parent && root) throw new XmlError('second root element');
      if (stack.length >= MAX_DEPTH) throw new XmlError('too deep');
      const el = openElement(m[1]!, m[2] ?? '', parent?.scope ?? new Map());
      if (parent) parent.el.children.push(el.el);
      else root = el.el;
      if (m[3] !== '/') stack.push(el);
    }
  }
  if (stack.length > 0 || !root) throw new XmlError('unclosed element or no root');
  return root;
}

function openElement(qname: string, attrText: string, parentScope: Map<string, string>): Open {
  const raw: Array<[string, string]> = [];
  for (const m of attrText.matchAll(ATTR)) raw.push([m[1]!, decodeEntities(m[2] ?? m[3] ?? '')]);
  const seen = new Set<string>();
  const scope = new Map(parentScope);
  const attrs: Record<string, string> = {};
  for (const [name, value] of raw) {
    if (seen.has(name)) throw new XmlError(`duplicate attribute ${name}`);
    seen.add(name);
    if (name === 'xmlns') scope.set('', value);
    else if (name.startsWith('xmlns:')) scope.set(name.slice(6), value);
    else attrs[name] = value;
  }
  for (const name of Object.keys(attrs)) resolve(name, scope, true); // prefixed attributes must be declared too
  const [ns, local] = resolve(qname, scope, false);
  return { el: { ns, local, attrs, children: [] }, qname, scope };
}

/** Child elements with this namespace and local name, in document order. */
export function childrenNamed(el: XmlElement, ns: string, local: string): XmlElement[] {
  return el.children.filter((c): c is XmlElement => typeof c !== 'string' && c.ns === ns && c.local === local);
}

/** All text inside an element (descendants included), as written: callers normalise. */
export function textContent(el: XmlElement): string {
  return el.children.map((c) => (typeof c === 'string' ? c : textContent(c))).join('');
}
