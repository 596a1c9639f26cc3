// A synthetic reading list for the storage and popup figures: SavedPaper records shaped like real ones (titles,
// author lists and abstracts of real length, drawn from the words of the fixtures' real papers, plus a unique
// model name per paper so the search index has a realistic vocabulary), deterministic from a seed.
import { mulberry32 } from '../src/core/random';
import { readFileSync } from 'node:fs';
import type { SavedPaper } from '../src/storage/schema';
import type { Paper } from '../src/core/paper';

const HF_FIXTURE = 'test/fixtures/huggingface/daily-2026-07-02.html';

interface Pools {
  words: string[];
  names: string[];
  keywords: string[];
}

let pools: Pools | null = null;

/** Words, author names and keywords of the 31 real papers in the saved Hugging Face page. */
function realPools(): Pools {
  if (pools) return pools;
  const page = readFileSync(HF_FIXTURE, 'utf8');
  const raw = /data-target="DailyPapers" data-props="([^"]*)"/.exec(page)?.[1];
  if (!raw) throw new Error(`${HF_FIXTURE}: no DailyPapers data-props`);
  const props = JSON.parse(raw.replace(/&quot;/g, '"').replace(/&amp;/g, '&')) as {
    dailyPapers: { paper: { title: string; summary: string; authors: { name: string }[]; ai_keywords?: string[] } }[];
  };
  const words = new Set<string>();
  const names = new Set<string>();
  const keywords = new Set<string>();
  for (const { paper } of props.dailyPapers) {
    for (const w of `${paper.title} ${paper.summary}`.split(/\s+/)) {
      const word = w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
      if (word.length >= 2) words.add(word);
    }
    for (const a of paper.authors) names.add(a.name);
    for (const k of paper.ai_keywords ?? []) if (k.trim()) keywords.add(k.trim());
  }
  pools = { words: [...words], names: [...names], keywords: [...keywords] };
  return pools;
}

/** mulberry32: a small deterministic PRNG. */
const random = mulberry32;

const SYLLABLES = ['lu', 'men', 'ka', 'tor', 'vex', 'ra', 'no', 'zin', 'qua', 'sel', 'dra', 'mo', 'phi', 'tek', 'sa', 'gor'];
const TAGS = ['to-cite', 'survey', 'reproduce', 'read-group', 'rl', 'vision', 'nlp', 'theory', 'agents', 'efficiency', 'thesis', 'benchmarks'];
const STATUSES = ['to-read', 'to-read', 'to-read', 'reading', 'done'] as const;

export interface ReadingListOptions {
  count: number;
  /** Ids that must be in the list (e.g. every tenth card of a benchmark page), first. */
  include?: readonly string[];
  seed?: number;
  /** savedAt of the newest record; older ones go back an hour each. */
  now?: number;
}

/** A unique made-up model name per paper ("Lumenka-4821"): search terms that match one paper. */
function modelName(i: number, rnd: () => number): string {
  const parts = 2 + Math.floor(rnd() * 2);
  let name = '';
  for (let k = 0; k < parts; k++) name += SYLLABLES[Math.floor(rnd() * SYLLABLES.length)];
  return `${name[0]!.toUpperCase()}${name.slice(1)}-${i}`;
}

/** Distinct new-style arXiv ids outside the pages' months: 2501.10000 onward, 90,000 per month. */
function listId(i: number): string {
  const month = 1 + Math.floor(i / 90_000);
  return `arxiv:25${String(month).padStart(2, '0')}.${10_000 + (i % 90_000)}`;
}

export function syntheticPaper(id: string, i: number, rnd: () => number): Paper {
  const { words, names, keywords } = realPools();
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const name = modelName(i, rnd);
  const titleWords = Array.from({ length: 5 + Math.floor(rnd() * 7) }, () => pick(words));
  const title = `${name}: ${titleWords.join(' ').replace(/^./, (c) => c.toUpperCase())}`;
  const abstractWords = Array.from({ length: 120 + Math.floor(rnd() * 100) }, () => pick(words));
  abstractWords.splice(Math.floor(rnd() * abstractWords.length), 0, name);
  const site = rnd() < 0.6 ? 'huggingface' : 'arxiv';
  const arxiv = id.startsWith('arxiv:') ? id.slice('arxiv:'.length) : null;
  const hasCode = rnd() < 0.4;
  const day = 1 + Math.floor(rnd() * 28);
  return {
    id,
    title,
    authors: Array.from({ length: 1 + Math.floor(rnd() * 12) }, () => pick(names)),
    authorCount: null,
    abstract: `${abstractWords.join(' ')}.`,
    published: `2025-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    upvotes: site === 'huggingface' ? Math.floor(rnd() * 300) : null,
    githubRepos: hasCode ? [`${name.toLowerCase().replace(/[^a-z0-9-]/g, '')}-lab/${name.toLowerCase().replace(/[^a-z0-9-]/g, '')}`] : [],
    githubStars: hasCode ? Math.floor(rnd() * 5000) : null,
    projectUrl: null,
    pdfUrl: arxiv ? `https://arxiv.org/pdf/${arxiv}` : null,
    url: arxiv ? (site === 'huggingface' ? `https://huggingface.co/papers/${arxiv}` : `https://arxiv.org/abs/${arxiv}`) : null,
    venue: null,
    categories: site === 'huggingface' ? Array.from({ length: 3 + Math.floor(rnd() * 6) }, () => pick(keywords)) : ['cs.LG'],
    aliases: [],
    version: null,
    doi: null,
    source: { site, page: site === 'huggingface' ? 'daily' : 'new' },
  };
}

/** `count` saved papers, newest first, every one valid for the `putMany` message. */
export function readingList({ count, include = [], seed = 7, now = Date.UTC(2026, 6, 3) }: ReadingListOptions): SavedPaper[] {
  const rnd = random(seed);
  const ids = new Set<string>(include.slice(0, count));
  for (let i = 0; ids.size < count; i++) ids.add(listId(i));
  return [...ids].map((id, i) => {
    const paper = syntheticPaper(id, i, rnd);
    const savedAt = now - i * 3_600_000;
    const tagged = rnd() < 0.3;
    return {
      id,
      paper,
      status: STATUSES[Math.floor(rnd() * STATUSES.length)]!,
      tags: tagged ? [...new Set(Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => TAGS[Math.floor(rnd() * TAGS.length)]!))] : [],
      note: rnd() < 0.05 ? `Follow up on ${paper.title.split(':')[0]} for the reading group.` : '',
      savedFrom: paper.url ?? 'https://huggingface.co/papers',
      savedAt,
      updatedAt: savedAt,
    };
  });
}

/** A page's cards for a relevance request: other synthetic papers (another seed), none of them in the reading list. */
export function relevanceCards(count: number): { id: string; title: string; abstract: string | null }[] {
  return readingList({ count, seed: 99 }).map((r, i) => ({ id: `arxiv:2699.${String(i).padStart(5, '0')}`, title: r.paper.title, abstract: r.paper.abstract?.slice(0, 2000) ?? null }));
}

/** A paper that is not in the list yet (for the save figure). */
export function freshPaper(i: number): Paper {
  return syntheticPaper(`arxiv:2412.${10_000 + i}`, 100_000 + i, random(1000 + i));
}

/**
 * Four-letter word beginnings that narrow the list: words of the titles, authors, tags or notes start with them in
 * 5-30% of the papers. The benchmark types the first three letters, then times the fourth: a keystroke that expands
 * a prefix (search matches the word being typed as a prefix from its 3rd letter in those fields) and visibly
 * changes what the popup shows. (Two-letter words are matched whole, so most two-letter keystrokes found nothing
 * and timed an empty list.)
 */
export function narrowingPrefixes(records: readonly SavedPaper[], count: number): string[] {
  const share = new Map<string, number>();
  for (const r of records) {
    const words = `${r.paper.title} ${r.paper.authors.join(' ')} ${r.tags.join(' ')} ${r.note}`.toLowerCase().split(/[^\p{L}\p{N}]+/u);
    const prefixes = new Set(words.filter((w) => /^[a-z]{4}/.test(w)).map((w) => w.slice(0, 4)));
    for (const p of prefixes) share.set(p, (share.get(p) ?? 0) + 1);
  }
  return [...share]
    .map(([p, n]) => [p, n / records.length] as const)
    .filter(([, s]) => s >= 0.05 && s <= 0.3)
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([p]) => p);
}
