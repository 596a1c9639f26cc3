// The labelled set of src/core/relevance (test/data/relevance: title<TAB>abstract per line, one file per research area)
// as papers and saved records, for the tests of the background's scoring.
import { readFileSync } from 'node:fs';
import type { SavedPaper } from '../../src/storage/schema';
import { makePaper } from './paper-factory';

export interface LabelledCard {
  id: string;
  title: string;
  abstract: string;
}

/** One research area's papers, as cards with arXiv-shaped ids (`arxiv:<area>.<line>`). */
export function area(name: string): LabelledCard[] {
  return readFileSync(new URL(`../data/relevance/${name}.tsv`, import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((line, i) => {
      const [title, abstract] = line.split('\t') as [string, string];
      return { id: `arxiv:${name}.${i}`, title, abstract };
    });
}

/** A card as a saved record (saved at `i`). */
export function savedRecord(c: LabelledCard, i: number): SavedPaper {
  return {
    id: c.id,
    paper: makePaper({ id: c.id, title: c.title, abstract: c.abstract, githubRepos: [] }),
    status: 'to-read',
    tags: [],
    note: '',
    savedFrom: 'https://x.example/',
    savedAt: i,
    updatedAt: i,
  };
}
