// User tag rules from the options page: "tag `my-topic` when the title or abstract matches ...".
// Validation is strict (clear messages for the options page); checkRules leaves out what it rejects and sends pages the rest as run (run-rules.ts).

import { escapeRegExp } from '../escape-regexp';
import { adjacentRepeats, delimitedRounds } from './adjacent-repeats';
import { MAX_REPEATED_STARTS, repeatedStarts, withoutLeadingRepeats } from './leading-repeat';
import { alternatives, classEnd, plainWords } from './pattern-text';
import { firstOccurrences } from './first-occurrence';
import type { RunnableRule } from './run-rules';

export { RULE_TEXT_MAX, SLOW_RULE_MS, type RunnableRule } from './run-rules';
export { MAX_RULES } from './rule-limits';

export interface UserRule {
  /** Shown on the card; letters, digits, space, `-`, `_`, `.`; at most 40 characters. */
  tag: string;
  /** Comma-separated words/phrases (any of them, whole words, case-insensitive), or a regex written `/.../flags`. */
  match: string;
  fields: 'title' | 'abstract' | 'both';
}

export type RuleCheck = { ok: true } | { ok: false; error: string };

export const MAX_TAG_LENGTH = 40;
export const MAX_REGEX_LENGTH = 200;
export const MAX_WORDS_LENGTH = 1000;

const TAG_RE = /^[\p{L}\p{N} ._-]+$/u;
const REGEX_FORM = /^\/(.*)\/([a-z]*)$/s;
const FIELDS = new Set(['title', 'abstract', 'both']);
// Word edges for any script, so "café" and "ß" behave like ASCII words.
const EDGE_BEFORE = '(?<![\\p{L}\\p{N}_])';
const EDGE_AFTER = '(?![\\p{L}\\p{N}_])';

/** Why a rule cannot be used, or ok. */
export function validateRule(rule: UserRule): RuleCheck {
  const compiled = compileRule(rule);
  return 'error' in compiled ? { ok: false, error: compiled.error } : { ok: true };
}

/**
 * The rules a page runs, checked and rewritten (run-rules.ts): the valid ones, in order, each as it is run. The
 * background sends these (tagSettings), so no content script carries the checks.
 */
export function checkRules(rules: readonly UserRule[]): RunnableRule[] {
  const runnable: RunnableRule[] = [];
  for (const rule of rules) {
    const c = compileRule(rule);
    if (!('error' in c)) runnable.push({ tag: rule.tag.trim(), source: c.re.source, flags: c.re.flags, fields: rule.fields, match: rule.match });
  }
  return runnable;
}

function compileRule(rule: UserRule): { re: RegExp } | { error: string } {
  const tag = typeof rule?.tag === 'string' ? rule.tag.trim() : '';
  if (!tag) return { error: 'The tag is empty.' };
  if (tag.length > MAX_TAG_LENGTH) return { error: `The tag is longer than ${MAX_TAG_LENGTH} characters.` };
  if (!TAG_RE.test(tag)) return { error: 'The tag may only contain letters, digits, spaces, "-", "_" and ".".' };
  if (!FIELDS.has(rule.fields)) return { error: 'Choose where to match: title, abstract or both.' };
  const match = typeof rule.match === 'string' ? rule.match.trim() : '';
  if (!match) return { error: 'The match is empty: enter words separated by commas, or /a regular expression/.' };
  return match.startsWith('/') ? compileRegex(match) : compileWords(match);
}

function compileRegex(match: string): { re: RegExp } | { error: string } {
  const m = REGEX_FORM.exec(match);
  if (!m) return { error: 'A regular expression must look like /pattern/ or /pattern/i (closing slash missing?).' };
  const source = m[1] ?? '';
  const flags = m[2] ?? '';
  if (!source) return { error: 'The regular expression is empty.' };
  if (source.length > MAX_REGEX_LENGTH)
    return { error: `The regular expression is longer than ${MAX_REGEX_LENGTH} characters.` };
  for (const f of flags) {
    if (!'imsug'.includes(f)) return { error: `Flag "${f}" is not supported; use i, m, s or u.` };
  }
  const nested = nestedQuantifier(source, flags);
  if (nested) return { error: `The pattern repeats a group that already repeats, or a choice of options that may match the same text (${nested}); this can hang the page.` };
  let re: RegExp;
  try {
    re = new RegExp(source, flags.replace('g', '')); // `g` would make test() stateful across papers
  } catch (e) {
    return { error: `Invalid regular expression: ${(e as Error).message.replace(/^Invalid regular expression: /, '')}` };
  }
  // A start that may take whole sentences (`.*x`) is run from every character of the text before the rest fails
  // (`/.*learning.*zebra/i` took 74 ms on every 5,000-character abstract, 0.1 ms without its `.*`); since a rule
  // matches anywhere, the same rule without it tags the same papers. Rewritten rather than refused: rules saved before
  // keep tagging, and the reader's habit from whole-line patterns is no error.
  const lean = withoutLeadingRepeats(source, flags);
  // Checked as it is run: the start taken off no longer meets the repeat after it (`/.*\d+B parameters/i` is
  // `\d+B parameters`, and was refused for `.*\d+`).
  const inRow = adjacentRepeats(lean, flags);
  if (inRow) return { error: `The pattern has repeats in a row that may match the same characters, or one character apart that both may match (${inRow}); this can hang the page.` };
  // Each choice that begins with a repeat costs what a whole rule with one does; forty of them fit in 200 characters.
  const starts = repeatedStarts(lean);
  if (starts.length > MAX_REPEATED_STARTS)
    return { error: `The pattern has ${starts.length} choices that begin with a repeat (${starts[0]}, ...), each read through the text from every character; this can hang the page. Put the repeat before the choice: \\w+(?:former|net).` };
  // Two unbounded repeats around a fixed text (`large.*language.*model`) are cubic on text where it recurs: the first
  // stops at the text's first occurrence and keeps it, which tags the same papers (first-occurrence.ts).
  const run = firstOccurrences(lean, flags);
  if (run !== source) re = new RegExp(run, flags.replace('g', ''));
  if (re.test('')) return { error: 'The pattern matches empty text, so it would tag every paper.' };
  return { re };
}

function compileWords(match: string): { re: RegExp } | { error: string } {
  if (match.length > MAX_WORDS_LENGTH) return { error: `The word list is longer than ${MAX_WORDS_LENGTH} characters.` };
  const terms = match
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  if (!terms.length) return { error: 'List at least one word or phrase, separated by commas.' };
  // Longest first, so "kv cache" is tried before "kv" (it only matters for where a match ends).
  terms.sort((a, b) => b.length - a.length);
  const alts = terms.map((t) => escapeRegExp(t).replace(/\s+/g, '\\s+'));
  return { re: new RegExp(`${EDGE_BEFORE}(?:${alts.join('|')})${EDGE_AFTER}`, 'iu') };
}

/**
 * The first group that is repeated (`*`, `+`, `{n,}`, `{n,m}` with m > 1) while containing a repeat itself,
 * e.g. `(a+)+`, `(\w+\s?)*` or `(?:a?a)+` (an optional item varies as a repeat does), or a choice whose options may
 * match the same text, e.g. `(.|\s)*`: the classic shapes of catastrophic backtracking. Null when there is none. A
 * group whose rounds part at characters its repeats cannot take is no such shape (`(\w+-)+based`, `(\d{1,3},)*\d{3}`,
 * `(a+b+)+`): see delimitedRounds.
 */
export function nestedQuantifier(source: string, flags = ''): string | null {
  const stack: { start: number; repeats: boolean }[] = [{ start: 0, repeats: false }];
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
    } else if (c === '[') {
      i = classEnd(source, i);
    } else if (c === '(') {
      stack.push({ start: i, repeats: false });
      i += /^\((?:\?(?:<[=!]|[=!:]|<[A-Za-z_$][\w$]*>))?/.exec(source.slice(i))![0].length - 1; // `(?:`: no quantifier
    } else if (c === ')') {
      const group = stack.length > 1 ? stack.pop()! : null;
      if (!group) continue;
      const q = repeatAt(source, i + 1);
      const body = source.slice(group.start + 1, i);
      if (q && ((group.repeats && !delimitedRounds(body, flags)) || overlappingChoice(body))) return source.slice(group.start, i + 1 + q);
      if (q || group.repeats || optionalAt(source, i + 1)) stack[stack.length - 1]!.repeats = true;
    } else {
      // An optional item varies as a repeat does: repeated, `(?:a?a)+` parts a run of "a" in as many ways as `(a+)+`
      // (seconds on 5,000 letters), `(?:a?){20}` in 2^20.
      const q = repeatAt(source, i) || optionalAt(source, i);
      if (q) {
        stack[stack.length - 1]!.repeats = true;
        i += q - 1;
      }
    }
  }
  return null;
}

/**
 * Whether a group's alternatives may match the same text: `(.|\s)`, `(a|ab)`, `(\w|-)`. Repeated, such a choice
 * backtracks exponentially as `(a+)+` does (each character can be taken by either option), so only a choice of plain
 * words none of which begins another (`(cat|dog)+`) may repeat.
 */
function overlappingChoice(group: string): boolean {
  const choices = alternatives(group.replace(/^\?(?::|<[A-Za-z_]\w*>)/, ''));
  return choices.length > 1 && !plainWords(choices);
}

/** Length of a repeating quantifier at `i` (with an optional lazy `?`), or 0. `?` and `{n}` / `{0,1}` do not repeat. */
function repeatAt(source: string, i: number): number {
  const c = source[i];
  let len = 0;
  if (c === '*' || c === '+') len = 1;
  else if (c === '{') {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i));
    if (!m) return 0;
    const max = m[2] === undefined ? Number(m[1]) : m[3] === '' ? Infinity : Number(m[3]);
    if (max <= 1) return 0;
    len = m[0].length;
  } else return 0;
  return source[i + len] === '?' ? len + 1 : len;
}

/** Length of an optional quantifier at `i` (`?`, `{0,1}`, with an optional lazy `?`), or 0. */
function optionalAt(source: string, i: number): number {
  const m = /^(?:\?|\{0,1\})\??/.exec(source.slice(i));
  return m ? m[0].length : 0;
}

