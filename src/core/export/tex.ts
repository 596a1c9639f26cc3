// Making strings safe inside a braced BibTeX field. BibTeX counts every brace (escaped or not) to find the end
// of a field, and the field's text is later read by LaTeX, so: braces must balance, LaTeX specials must be escaped,
// and TeX a title was written in ($\ell_1$, {BERT}, \"u) must survive.
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import { flatten } from './flatten';

const PLAIN: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\textbraceleft{}',
  '}': '\\textbraceright{}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '^': '\\textasciicircum{}',
  '~': '\\textasciitilde{}',
  '<': '\\textless{}',
  '>': '\\textgreater{}',
};

/** Plain text (names, venues, keywords): every character TeX treats specially is escaped. */
export function texEscapePlain(text: string): string {
  return flatten(text).replace(/[\\{}&%$#_^~<>]/g, (c) => PLAIN[c]!);
}

/** The tables of TeX commands citation-js reads (public: `config.constants`, see its README). */
interface BibtexConstants {
  diacritics: Record<string, string>;
  commands: Record<string, string>;
  mathCommands: Record<string, string>;
  formattingCommands: Record<string, unknown>;
  formattingEnvs: Record<string, unknown>;
}

/**
 * Math commands of titles and abstracts that citation-js does not turn into text: fonts, functions, operators,
 * relations, arrows, delimiters, accents and spacing. They only typeset symbols.
 */
const MATH_COMMANDS = [
  'mathcal', 'mathbb', 'mathbf', 'mathit', 'mathsf', 'mathtt', 'mathfrak', 'mathscr', 'mathnormal', 'boldsymbol', 'bm',
  'operatorname', 'text', 'mbox', 'ensuremath', 'displaystyle', 'textstyle', 'scriptstyle',
  'log', 'ln', 'lg', 'exp', 'sin', 'cos', 'tan', 'cot', 'sinh', 'cosh', 'tanh', 'arcsin', 'arccos', 'arctan', 'min', 'max',
  'sup', 'inf', 'lim', 'liminf', 'limsup', 'arg', 'det', 'dim', 'ker', 'deg', 'gcd', 'Pr',
  'frac', 'dfrac', 'tfrac', 'sqrt', 'binom', 'sum', 'prod', 'coprod', 'int', 'iint', 'oint', 'bigcup', 'bigcap', 'bigoplus',
  'bigotimes', 'bigvee', 'bigwedge', 'limits', 'nolimits', 'left', 'right', 'middle', 'big', 'Big', 'bigg', 'Bigg', 'bigl',
  'bigr', 'Bigl', 'Bigr', 'overline', 'underline', 'overbrace', 'underbrace', 'overset', 'underset', 'stackrel', 'not', 'mathop',
  'hat', 'widehat', 'tilde', 'widetilde', 'bar', 'vec', 'dot', 'ddot', 'breve', 'check', 'acute', 'grave',
  'varkappa', 'ell', 'hbar', 'imath', 'jmath', 'wp', 'Re', 'Im', 'aleph', 'infty', 'partial', 'nabla', 'emptyset', 'varnothing',
  'forall', 'exists', 'nexists', 'neg', 'lnot', 'top', 'bot', 'prime', 'angle', 'triangle', 'Box', 'square', 'checkmark',
  'leq', 'le', 'geq', 'ge', 'neq', 'ne', 'leqslant', 'geqslant', 'approx', 'sim', 'simeq', 'cong', 'equiv', 'propto', 'll', 'gg',
  'lesssim', 'gtrsim', 'prec', 'succ', 'preceq', 'succeq', 'subset', 'subseteq', 'subsetneq', 'supset', 'supseteq', 'in',
  'notin', 'ni', 'mid', 'nmid', 'parallel', 'perp', 'models', 'vdash', 'coloneqq', 'triangleq', 'doteq', 'asymp',
  'pm', 'mp', 'times', 'div', 'cdot', 'ast', 'star', 'circ', 'bullet', 'oplus', 'ominus', 'otimes', 'odot', 'cup', 'cap',
  'setminus', 'wedge', 'vee', 'land', 'lor', 'sqcup', 'sqcap', 'uplus', 'dagger', 'ddagger',
  'to', 'gets', 'rightarrow', 'leftarrow', 'Rightarrow', 'Leftarrow', 'leftrightarrow', 'Leftrightarrow', 'longrightarrow',
  'Longrightarrow', 'longleftarrow', 'mapsto', 'implies', 'iff', 'uparrow', 'downarrow', 'hookrightarrow',
  'langle', 'rangle', 'lfloor', 'rfloor', 'lceil', 'rceil', 'lbrace', 'rbrace', 'vert', 'Vert', 'lvert', 'rvert', 'lVert',
  'rVert', 'backslash', 'ldots', 'cdots', 'vdots', 'ddots', 'dots', 'colon', 'quad', 'qquad',
];

/** Text commands citation-js does not list: logos and the symbols LaTeX itself defines. */
const TEXT_COMMANDS = ['TeX', 'LaTeX', 'S', 'P', 'dag', 'ddag', 'pounds'];

let safe: ReadonlySet<string> | null = null;

/**
 * The commands a title or abstract may keep: the accents, symbols, font commands and Greek letters citation-js
 * reads, and the math above. Every other command could read or write files (\input, \openin, \pdfmdfivesum),
 * redefine TeX (\def, \catcode, \csname) or run code (\write18) when the bibliography is typeset, and a title
 * scraped from a page could carry it: its backslash is written as text. (Defence in depth: not a TeX sandbox.)
 */
function safeCommands(): ReadonlySet<string> {
  if (!safe) {
    const { constants } = plugins.config.get('@bibtex') as { constants: BibtexConstants };
    const known = [constants.diacritics, constants.commands, constants.mathCommands, constants.formattingCommands, constants.formattingEnvs].flatMap(Object.keys);
    safe = new Set([...known, ...MATH_COMMANDS, ...TEXT_COMMANDS].filter((name) => /^[A-Za-z]+$/.test(name)));
  }
  return safe;
}

/** Whether the unescaped braces pair up (escaped ones, `\{`, are written as commands and don't count). */
function balancedBraces(text: string): boolean {
  let depth = 0;
  for (const c of text.replace(/\\[\s\S]/g, '')) {
    if (c === '{') depth++;
    else if (c === '}' && --depth < 0) return false;
  }
  return depth === 0;
}

/**
 * Whether the `$` pair up into math that TeX (and citation-js) can read: an even number of unescaped `$`, and in
 * every math span each `_` and `^` has an argument (`x_1`, `x^{2}`, `x_\alpha`). Prices ("$5 and $10") pass and
 * render as math; text with stray underscores between two dollars ("$a __init__ $b") is treated as text.
 */
function plausibleMath(text: string): boolean {
  const spans = text.replace(/\\[\s\S]/g, (m) => (m === '\\$' ? '' : m)).split('$');
  if ((spans.length - 1) % 2 !== 0) return false;
  return spans.every((span, i) => i % 2 === 0 || !/[_^](?!\s*[A-Za-z0-9{\\])/.test(span.replace(/\\[_^]/g, '')));
}

/**
 * A string written in TeX (a paper title or abstract as the page gives it) made safe for a BibTeX field while
 * keeping its TeX: math between balanced `$` stays math, known commands stay commands (others are defused),
 * balanced groups stay groups. Unbalanced `$` or braces are escaped instead, and so is every `\{` `\}`;
 * `& % #` are always escaped, and outside math so are `_ ^ < >`. `^^` (TeX's character-code notation, which
 * could spell a backslash) is broken up.
 */
export function texEscapeSource(source: string): string {
  const text = flatten(source);
  const mathOk = plausibleMath(text);
  const bracesOk = balancedBraces(text);
  let out = '';
  let math = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\') {
      const name = /^[A-Za-z]+/.exec(text.slice(i + 1, i + 65))?.[0];
      if (name) {
        out += safeCommands().has(name) ? `\\${name}` : `\\textbackslash{}${name}`;
        i += name.length;
        continue;
      }
      const next = text[i + 1];
      if (next === undefined) out += '\\textbackslash{}';
      else {
        // An escaped brace is text, but BibTeX still counts it while Zotero and citation-js skip it: written
        // as \textbraceleft{}, every reader finds the same end of the field.
        out += next === '{' || next === '}' ? PLAIN[next]! : `\\${next}`;
        i++;
      }
      continue;
    }
    if (c === '$') {
      if (mathOk) {
        math = !math;
        out += '$';
      } else out += '\\$';
      continue;
    }
    if (c === '{' || c === '}') {
      out += bracesOk ? c : PLAIN[c]!;
      continue;
    }
    if (c === '&' || c === '%' || c === '#') {
      out += `\\${c}`;
      continue;
    }
    if (c === '^') {
      // `^^` would be read as a character code: keep the two carets apart, this one from the next and from one just
      // written (`\^`, a kept accent), since TeX reads `^^` inside a command's name too: `\^^69nput` is `\input`.
      if (math) out += `${out.endsWith('^') ? '{}' : ''}${text[i + 1] === '^' ? '^{}' : '^'}`;
      else out += PLAIN['^']!;
      continue;
    }
    if (c === '<' || c === '>') {
      // Outside math a text command; inside, braced so no tool takes `<i>` for markup.
      out += math ? `{${c}}` : PLAIN[c]!;
      continue;
    }
    if (c === '_' && !math) {
      out += '\\_';
      continue;
    }
    out += c;
  }
  return out;
}

/**
 * A URL or DOI as a verbatim field: nothing that would end the field or start a group, and no `^` (a character RFC 3986
 * does not allow in a URL, which browsers leave as it is): a style that writes the field as `\url{…}` defines \url as
 * `\texttt{#1}` where the document loads no url package (natbib's plainnat), and TeX then reads `^^5cinput` as \input.
 */
export function texVerbatim(text: string): string {
  return flatten(text).replace(/[{}\\\s"^]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}
