// Relevance scoring for content scripts (issue #8), in the background only: the page never runs the scorer and
// never sees the library. The compiled index is cached until the reading list changes (reading-list.ts counts
// every write); a page's cards are tokenised and scored in slices with a yield between them, so a save clicked
// meanwhile is not held up behind a 1,000-card page.
import { compile, type RelevanceIndex } from '../core/relevance/compile';
import { reason } from '../core/relevance/reason';
import { prepare, scorer, type Candidate } from '../core/relevance/score';
import { loadRelevanceModel, rebuildRelevance, relevanceGeneration, type Database } from '../storage/reading-list';
import type { RelevanceCard, RelevanceMark } from './messages';

export interface RelevanceService {
  /** Marks for the cards over the threshold that are not saved already. */
  score(cards: readonly RelevanceCard[], context?: readonly RelevanceCard[]): Promise<RelevanceMark[]>;
  /** Rebuild the model from the list; resolves with the number of papers in it. */
  reset(): Promise<number>;
}

export interface RelevanceOptions {
  /** Cards tokenised or scored per slice (~10 ms a slice at 100 cards against 10,000 papers). */
  slice?: number;
  /** Yields to other work between slices. */
  pause?: () => Promise<void>;
  threshold?: number;
}

interface Compiled {
  db: Database;
  generation: number;
  index: Promise<{ index: RelevanceIndex; saved: ReadonlySet<string> }>;
}

export function createRelevanceService(db: () => Promise<Database>, options: RelevanceOptions = {}): RelevanceService {
  const slice = Math.max(1, options.slice ?? 100);
  const pause = options.pause ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
  let cached: Compiled | null = null;

  async function current() {
    const database = await db();
    const generation = relevanceGeneration(database);
    if (cached?.db !== database || cached.generation !== generation) {
      // The generation is read before loading: a write during the load makes the next request load again.
      const index = loadRelevanceModel(database).then((model) => {
        const compiled = compile(model);
        return { index: compiled, saved: new Set(compiled.ids) };
      });
      cached = { db: database, generation, index };
      index.catch(() => {
        if (cached?.index === index) cached = null; // do not keep a failure
      });
    }
    return cached.index;
  }

  return {
    async score(cards, context = []) {
      if (!cards.length) return [];
      const { index, saved } = await current();
      if (!index.ids.length) return [];
      const toCandidate = (c: RelevanceCard): Candidate => ({ id: c.id, title: c.title, abstract: c.abstract });
      const scored = cards.map(toCandidate);
      const page = [...scored, ...context.map(toCandidate)];
      for (let i = 0; i < page.length; i += slice) {
        prepare(page.slice(i, i + slice));
        await pause();
      }
      const s = scorer(index, { background: page, threshold: options.threshold });
      const marks: RelevanceMark[] = [];
      for (let i = 0; i < scored.length; i += slice) {
        if (i > 0) await pause();
        for (const card of scored.slice(i, i + slice)) {
          if (saved.has(card.id!)) continue; // the card already says "Saved"
          const result = s.score(card);
          if (result.score < s.threshold) continue;
          marks.push({ id: card.id!, score: Math.round(result.score * 1000) / 1000, reason: reason(result) });
        }
      }
      return marks;
    },
    async reset() {
      const papers = await rebuildRelevance(await db());
      cached = null;
      return papers;
    },
  };
}
