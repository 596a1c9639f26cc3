// Shared checks for the adapter fuzz: run an adapter over a (mutated) document and list what is wrong.
import * as v from 'valibot';
import { extractPage } from '../../../src/sites';
import { extractCard, identifyCard, summaryOfCard } from '../../../src/sites/extract-card';
import type { SiteAdapter } from '../../../src/sites/types';
import type { Paper } from '../../../src/core/paper';
import { PaperSchema } from '../../../src/background/messages';

export const NOW = new Date('2026-09-12T12:00:00Z');

/** A schema problem, named without array indices so that one kind of problem is one finding. */
export function schemaProblems(paper: Paper): string[] {
  const result = v.safeParse(PaperSchema, paper);
  if (result.success) return [];
  const seen = new Set<string>();
  for (const issue of result.issues) {
    const path = (issue.path ?? []).map((p) => (typeof p.key === 'number' ? '[]' : String(p.key))).join('.').replace(/\.\[\]/g, '[]');
    seen.add(`${path || '(root)'}:${issue.type}`);
  }
  return [...seen];
}

export interface PageCheck {
  /** Problems that must never happen (thrown errors, cards outside the document, ...). */
  errors: string[];
  /** Schema problems of returned papers, as `path:issue` (e.g. `title:max_length`). */
  schema: { problem: string; paper: Paper }[];
  /** Errors extractPage caught and skipped (a card whose extraction threw). */
  skipped: unknown[];
  papers: Paper[];
  cards: Element[];
  ms: number;
}

/** Run the adapter the way the content script does and check every invariant the fuzz asserts. */
export function checkPage(adapter: SiteAdapter<any>, doc: Document, url: URL): PageCheck {
  const errors: string[] = [];
  const skipped: unknown[] = [];
  const schema: PageCheck['schema'] = [];
  let papers: Paper[] = [];
  let cards: Element[] = [];
  // The adapter as extractPage sees it, keeping the cards it found (no second scan of the page).
  let found: Element[] | null = null;
  let context: unknown;
  const spy: SiteAdapter<any> = { ...adapter, findCards: (root, ctx) => ((context = ctx), (found = adapter.findCards(root, ctx))) };
  const start = performance.now();
  try {
    papers = extractPage(spy, doc, url, NOW, (error) => skipped.push(error)).papers;
  } catch (error) {
    errors.push(`extractPage threw: ${String((error as Error)?.stack ?? error).slice(0, 400)}`);
  }
  try {
    cards = found ?? [];
    const unique = new Set(cards);
    if (unique.size !== cards.length) errors.push(`findCards returned ${cards.length - unique.size} duplicate card(s)`);
    for (const card of cards) {
      if (!card || card.nodeType !== 1) {
        errors.push('findCards returned something that is not an Element');
        continue;
      }
      if (card.ownerDocument !== doc || !doc.documentElement.contains(card)) errors.push(`findCards returned a card outside the document: <${card.localName}>`);
      // Where the annotator would mount the overlay: an element in the document, `before` one of its children.
      try {
        const { parent, before } = adapter.mountPoint(card);
        if (!parent || parent.nodeType !== 1 || !doc.documentElement.contains(parent)) errors.push(`mountPoint parent outside the document for <${card.localName}>`);
        else if (before !== null && before.parentNode !== parent) errors.push(`mountPoint "before" is not a child of its parent for <${card.localName}>`);
      } catch (error) {
        errors.push(`mountPoint threw: ${String((error as Error)?.message ?? error).slice(0, 200)}`);
      }
      // The content script mounts from the cheap id and reads the card whole later: both must name the same paper.
      if (adapter.identify) errors.push(...identifyProblems(adapter, card, context));
      // Relevance reads only title and abstract from most cards: the same as extract's.
      if (adapter.summary) errors.push(...summaryProblems(adapter, card, context));
    }
  } catch (error) {
    errors.push(`checking cards threw: ${String((error as Error)?.stack ?? error).slice(0, 400)}`);
  }
  const ms = performance.now() - start;
  for (const paper of papers) {
    for (const problem of schemaProblems(paper)) schema.push({ problem, paper });
  }
  return { errors, schema, skipped, papers, cards, ms };
}

/** Where `identify` and `extract` disagree on a card (a thrown extract is reported by extractPage already). */
export function identifyProblems(adapter: SiteAdapter<any>, card: Element, ctx: unknown): string[] {
  let paper: Paper | null;
  try {
    paper = extractCard(adapter, card, ctx);
  } catch {
    return [];
  }
  let id: string | null;
  try {
    id = identifyCard(adapter, card, ctx)?.id ?? null;
  } catch (error) {
    return [`identify threw: ${String((error as Error)?.message ?? error).slice(0, 200)}`];
  }
  if (paper && paper.id !== id) return [`identify gives ${preview(id)} where extract gives ${preview(paper.id)} (<${card.localName}>)`];
  return [];
}

/**
 * Where `summary` and `extract` disagree on a card that identify names (the content script asks for a summary of
 * identified cards only): the same title and abstract, or null for both.
 */
export function summaryProblems(adapter: SiteAdapter<any>, card: Element, ctx: unknown): string[] {
  let paper: Paper | null;
  try {
    paper = extractCard(adapter, card, ctx);
    if (!identifyCard(adapter, card, ctx)) return [];
  } catch {
    return [];
  }
  let summary: ReturnType<typeof summaryOfCard>;
  try {
    summary = summaryOfCard(adapter, card, ctx);
  } catch (error) {
    return [`summary threw: ${String((error as Error)?.message ?? error).slice(0, 200)}`];
  }
  const expected = paper && { title: paper.title, abstract: paper.abstract };
  if (JSON.stringify(summary) !== JSON.stringify(expected)) return [`summary gives ${preview(summary)} where extract gives ${preview(expected)} (<${card.localName}>)`];
  return [];
}

/** A short, printable view of a value for failure messages (huge strings cut, odd characters escaped). */
export function preview(value: unknown, max = 160): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value, (_k, v: unknown) => (typeof v === 'string' && v.length > 80 ? `${v.slice(0, 80)}…(${v.length})` : v));
  const cut = (text ?? String(value)).slice(0, max);
  return JSON.stringify(cut).slice(1, -1) + (text && text.length > max ? `…(${text.length} chars)` : '');
}
