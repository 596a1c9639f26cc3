// Making strings safe inside a braced BibTeX field. BibTeX counts every brace (escaped or not) to find the end
// of a field, and the field's text is later read by LaTeX, so: braces must balance, LaTeX specials must be escaped,
// and TeX a title was written in ($\ell_1$, {BERT}, \"u) must survive.

const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** Collapse white space (no line breaks inside fields) and drop control characters. */
export function flatten(text: string): string {
  return text.replace(CONTROLS, '').replace(/\s+/gu, ' ').trim();
}

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

/**
 * Commands that read or write files, redefine TeX or run code when the bibliography is typeset. A title scraped
 * from a page could carry them; their backslash is written as text. (Defence in depth: not a TeX sandbox.)
 */
const UNSAFE_COMMANDS = new Set([
  'input', 'include', 'includeonly', 'endinput', 'write', 'immediate', 'openout', 'openin', 'closeout', 'closein', 'read',
  'readline', 'newwrite', 'newread', 'def', 'edef', 'gdef', 'xdef', 'let', 'futurelet', 'catcode', 'csname', 'endcsname',
  'expandafter', 'scantokens', 'newcommand', 'renewcommand', 'providecommand', 'DeclareRobustCommand', 'usepackage',
  'RequirePackage', 'documentclass', 'special', 'directlua', 'luaexec', 'latelua', 'shellescape', 'jobname', 'outer',
  'everypar', 'everymath', 'everyhbox', 'everyvbox', 'everyjob', 'everyeof', 'verbatiminput', 'lstinputlisting',
  'includegraphics', 'pdffiledump', 'pdfobj', 'loop', 'repeat', 'uppercase', 'lowercase', 'begingroup', 'endgroup',
  'aftergroup', 'afterassignment', 'chardef', 'mathchardef', 'countdef', 'toksdef', 'global', 'long',
]);

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
 * keeping its TeX: math between balanced `$` stays math, commands stay commands (unsafe ones are defused),
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
        out += UNSAFE_COMMANDS.has(name) ? `\\textbackslash{}${name}` : `\\${name}`;
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
      // `^^` would be read as a character code: keep the two carets apart.
      if (math) out += text[i + 1] === '^' ? '^{}' : '^';
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

/** A URL or DOI as a verbatim field: nothing that would end the field or start a group. */
export function texVerbatim(text: string): string {
  return flatten(text).replace(/[{}\\\s"]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}
