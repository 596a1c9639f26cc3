// Generated papers full of hostile Unicode and TeX through BibTeX and RIS: every reader must see the same entries.
import { describe, expect, it } from 'vitest';
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { exportPapers } from './formats';
import { parseImport } from './import';
import { generatePapers, mulberry32 } from '../../../test/fixtures/export/generate';
import { acl } from '../../../test/fixtures/export/papers';

const papers = generatePapers(2000, 99);
/** Papers with a title that is more than white space and control characters: the ones a citation can carry. */
const titled = (p: (typeof papers)[number]) => /[^\s\u0000-\u001F\u007F]/.test(p.paper.title);

/** Brace depth of a field value, the way BibTeX counts (every brace) or Zotero and citation-js do (`\{` is text). */
function depthOk(value: string, skipEscaped: boolean): boolean {
  let depth = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (skipEscaped && c === '\\') {
      i++;
      continue;
    }
    if (c === '{') depth++;
    if (c === '}' && --depth < 0) return false;
  }
  return depth === 0;
}

describe('citation exports of generated papers', () => {
  it('BibTeX: every field ends where BibTeX, Zotero and citation-js all think it ends; all entries re-parse', async () => {
    const { text, filename } = await exportPapers(papers, 'bibtex');
    for (const line of text.split('\n')) {
      const m = /^\t[A-Za-z]+ = \{(.*)\},?$/.exec(line);
      if (!m) {
        expect(line, 'a line that is not a field').toMatch(/^(@[a-z]+\{[A-Za-z0-9_]+,|\}|\t[a-z]+ = [a-z]{3},?|)$/);
        continue;
      }
      expect(depthOk(m[1]!, false), line).toBe(true);
      expect(depthOk(m[1]!, true), line).toBe(true);
    }
    const entries = plugins.input.data(text, '@biblatex/text') as { label: string }[];
    expect(entries).toHaveLength(papers.length);
    expect(new Set(entries.map((e) => e.label)).size).toBe(papers.length);
    const parsed = await parseImport(text, filename);
    if (!parsed.ok) throw new Error(parsed.error);
    // Papers named by arXiv id or DOI come back under the same id (others get a title hash).
    const named = papers.filter((p) => titled(p) && /^(arxiv|doi):/.test(p.id)).map((p) => p.id);
    const back = new Set(parsed.records.map((r) => r.id));
    expect(named.filter((id) => !back.has(id))).toEqual([]);
  }, 60_000);

  it('RIS: one record per paper, every line a tag line, ids and titles back', async () => {
    const { text, filename } = await exportPapers(papers, 'ris');
    for (const line of text.split('\r\n')) expect(line === '' || /^[A-Z][A-Z0-9] {2}- /.test(line), JSON.stringify(line)).toBe(true);
    const records = plugins.input.data(text, '@ris/file') as unknown[];
    expect(records).toHaveLength(papers.length);
    const parsed = await parseImport(text, filename);
    if (!parsed.ok) throw new Error(parsed.error);
    const byId = new Map(parsed.records.map((r) => [r.id, r]));
    for (const paper of papers.filter((p) => titled(p) && /^(arxiv|doi):/.test(p.id))) {
      // RIS values are one line: runs of white space (line breaks included) become one space.
      expect(byId.get(paper.id)?.paper.title, paper.id).toBe(paper.paper.title.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '').replace(/\s+/g, ' ').trim());
    }
  }, 60_000);

  it('BibTeX: random TeX-like junk in every field never breaks an entry open (fuzz, seeded)', async () => {
    const alphabet = ['a', 'B', '1', ' ', '\\', '{', '}', '$', '_', '^', '&', '%', '#', '~', '"', "'", '<', '>', '\\"', '\\alpha', '\\log', 'é', '中', '@', ',', '=', '(', ')', '\\u', '\\c', '\\\\', '\\{', '\\$', '\\textbf{', '\\begin{x}', '\\end{y}', '\\input{/etc/passwd}', '@misc{x,', '},', '\n'];
    const random = mulberry32(5);
    const junk = () => Array.from({ length: 1 + Math.floor(random() * 25) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    const fuzzed = Array.from({ length: 1000 }, (_, i) => {
      const id = `doi:10.1234/fuzz${i}`;
      return { ...acl, id, paper: { ...acl.paper, id, title: `T ${junk()}`, abstract: junk(), venue: `Proceedings ${junk()}`, authors: [junk(), `Ann ${junk()}`], url: `https://example.org/${junk()}` } };
    });
    const { text } = await exportPapers(fuzzed, 'bibtex');
    const entries = plugins.input.data(text, '@biblatex/text') as { label: string; properties: { doi?: string } }[];
    expect(entries.map((e) => e.properties.doi)).toEqual(fuzzed.map((p) => p.id.slice('doi:'.length)));
    for (const line of text.split('\n')) {
      const m = /^\t[A-Za-z]+ = \{(.*)\},?$/.exec(line);
      if (m) expect(depthOk(m[1]!, false) && depthOk(m[1]!, true), line).toBe(true);
    }
    // \input as a command (an odd run of backslashes before it), not `\\` (a line break) followed by the word.
    expect(text).not.toMatch(/(^|[^\\])(\\\\)*\\input(?![A-Za-z])/);
  });
});
