// Every adapter keeps the same shape (style.md): a file named by its id, a test and fixtures beside it, the
// live URLs its fixtures stand for, and manifest entries that match its URL patterns exactly.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import manifest from '../../manifest.json' with { type: 'json' };
import { adapterFor, adapters } from '.';
import { METADATA_ORIGINS } from '../background/context-menu';
import * as v from 'valibot';
import { currentId, ID_PREFIXES } from '../core/ids';
import { isWellFormedId, PAPER_LIMITS, type Paper } from '../core/paper';
import { PaperSchema } from '../background/messages';
import { fixturesOf } from '../../test/unit/robustness/fixtures';
import { identifyProblems, summaryProblems } from '../../test/unit/robustness/fuzz-harness';
import { JSDOM } from 'jsdom';
import type { SiteAdapter } from './types';
import { extractCard, summaryOfCard } from './extract-card';

const staticMatches = new Set(manifest.content_scripts.flatMap((script) => script.matches));
const optionalHosts = new Set((manifest as { optional_host_permissions?: string[] }).optional_host_permissions ?? []);

describe.each(adapters.map((a) => [a.id, a] as const))('adapter %s', (id, adapter) => {
  it('has its file, test, fixtures and the list of live URLs its fixtures stand for', () => {
    const source = readFileSync(`src/sites/${id}.ts`, 'utf8');
    expect(source).toMatch(/Live (pages|URLs)/i);
    expect(existsSync(`src/sites/${id}.test.ts`)).toBe(true);
    expect(readdirSync(`test/fixtures/${id}`).filter((f) => f.endsWith('.html')).length).toBeGreaterThan(0);
  });

  it('has its own content-script entry that bundles this adapter only', () => {
    const entry = readFileSync(`src/content/entries/${id}.ts`, 'utf8');
    expect(entry.match(/from '\.\.\/\.\.\/sites\/[\w-]+'/g)).toEqual([`from '../../sites/${id}'`]);
  });

  it('is in the manifest: core sites as content scripts, the others as optional host permissions', () => {
    const scripts = manifest.content_scripts.filter((s) => s.js.includes(`src/content/entries/${id}.ts`));
    if (scripts.length) expect(scripts.flatMap((s) => s.matches)).toEqual([...adapter.matches]);
    else expect(adapter.matches.filter((m) => !optionalHosts.has(m))).toEqual([]);
  });
});

/** A fixture page's context and cards, as the content script finds them. */
function fixtureCards(adapter: SiteAdapter<any>, fixture: { html: string; url?: string }): { ctx: unknown; cards: Element[] } {
  const doc = new JSDOM(fixture.html, { url: fixture.url }).window.document;
  const ctx = adapter.context(doc, new URL(fixture.url!), new Date('2026-09-12T12:00:00Z'));
  return { ctx, cards: adapter.findCards(doc, ctx) };
}

describe.each(adapters.filter((a) => a.identify).map((a) => [a.id, a] as const))('adapter %s, identify', (id, adapter) => {
  it.each(fixturesOf(id).map((f) => [f.name, f] as const))('%s: names the paper extract reads, on every card', (_name, fixture) => {
    const { ctx, cards } = fixtureCards(adapter, fixture);
    expect(cards.flatMap((card) => identifyProblems(adapter, card, ctx))).toEqual([]);
    // Every card a paper is read from is named by identify: the page's papers, ids first.
    expect(cards.map((card) => adapter.identify!(card, ctx)).filter(Boolean).length).toBeGreaterThanOrEqual(cards.filter((c) => adapter.extract(c, ctx)).length);
  });
});

describe.each(adapters.map((a) => [a.id, a] as const))('adapter %s, aliases', (id, adapter) => {
  it.each(fixturesOf(id).map((f) => [f.name, f] as const))("%s: a paper's other ids are ids, each once, never its own, within the limit", (_name, fixture) => {
    const { ctx, cards } = fixtureCards(adapter, fixture);
    // As the adapter gives them, before boundPaper would hide a fault by cutting the list to size.
    const papers = cards.map((card) => adapter.extract(card, ctx)).filter((p): p is Paper => p !== null);
    for (const paper of papers) {
      const { id: paperId, aliases } = paper;
      expect(aliases.filter((alias) => !isWellFormedId(alias) || currentId(alias) !== alias), paperId).toEqual([]);
      expect(new Set(aliases).size, paperId).toBe(aliases.length);
      expect(aliases, paperId).not.toContain(paperId);
      expect(aliases.length, paperId).toBeLessThanOrEqual(PAPER_LIMITS.aliases);
      expect(v.safeParse(PaperSchema, paper).issues?.map((issue) => `${v.getDotPath(issue)}: ${issue.message}`), paperId).toBeUndefined();
    }
  });
});

it('every adapter that reads more than an arXiv id gives some fixture paper its other ids', () => {
  const withAliases = adapters.filter((adapter) =>
    fixturesOf(adapter.id).some((fixture) => {
      const { ctx, cards } = fixtureCards(adapter, fixture);
      return cards.some((card) => (adapter.extract(card, ctx)?.aliases.length ?? 0) > 0);
    }),
  );
  // arXiv, Hugging Face and alphaXiv pages name a paper by its arXiv id alone.
  expect(withAliases.map((a) => a.id).sort()).toEqual(['aclanthology', 'cvf', 'dblp', 'neurips', 'openreview', 'pmlr', 'scholar', 'semanticscholar']);
});

describe.each(adapters.filter((a) => a.paperIds).map((a) => [a.id, a] as const))('adapter %s, paperIds', (id, adapter) => {
  it.each(fixturesOf(id).map((f) => [f.name, f] as const))('%s: names papers as identify does, and never a card otherwise', (_name, fixture) => {
    const { ctx, cards } = fixtureCards(adapter, fixture);
    const named = new Set(adapter.paperIds!(ctx));
    // A card whose paper the page's data holds is named with identify's id: asked for early, not a second time.
    for (const card of cards) {
      const paper = adapter.extract(card, ctx);
      if (paper && named.has(paper.id)) expect(adapter.identify!(card, ctx)).toBe(paper.id);
    }
    for (const paperId of named) expect(paperId).toMatch(/^arxiv:/);
  });

  it('names the papers of some fixture\'s cards (an empty list everywhere would ask nothing early)', () => {
    const hits = fixturesOf(id).flatMap((fixture) => {
      const { ctx, cards } = fixtureCards(adapter, fixture);
      const named = new Set(adapter.paperIds!(ctx));
      return cards.filter((card) => named.has(adapter.identify!(card, ctx) ?? ''));
    });
    expect(hits.length).toBeGreaterThan(0);
  });
});

describe.each(adapters.filter((a) => a.summary).map((a) => [a.id, a] as const))('adapter %s, summary', (id, adapter) => {
  it.each(fixturesOf(id).map((f) => [f.name, f] as const))('%s: the title and abstract extract reads, on every card', (_name, fixture) => {
    const { ctx, cards } = fixtureCards(adapter, fixture);
    expect(cards.flatMap((card) => summaryProblems(adapter, card, ctx))).toEqual([]);
    // Not vacuous: every card extract reads a paper from has a summary.
    const summaries = cards.map((card) => summaryOfCard(adapter, card, ctx));
    expect(summaries.filter(Boolean).length).toBe(cards.filter((c) => extractCard(adapter, c, ctx)).length);
  });

  it('reads some fixture\'s cards itself (undefined everywhere would leave every card to extract)', () => {
    const read = fixturesOf(id).flatMap((fixture) => {
      const { ctx, cards } = fixtureCards(adapter, fixture);
      return cards.filter((card) => adapter.summary!(card, ctx) !== undefined);
    });
    expect(read.length).toBeGreaterThan(0);
  });
});

it('every manifest match pattern belongs to an adapter (or is a metadata source for saving links)', () => {
  const all = new Set([...adapters.flatMap((a) => a.matches), ...METADATA_ORIGINS]);
  expect([...staticMatches, ...optionalHosts].filter((m) => !all.has(m))).toEqual([]);
});

it('an optional site\'s former patterns each lie within one it asks for now, so the browser keeps their grant across the update', () => {
  // A granted pattern outside every declared optional pattern is dropped on update: the fallback in syncSiteScripts
  // would then have nothing to find. Within: same scheme and host, and the new path a prefix ending in *.
  const within = (narrow: string, wide: string) => {
    const [n, w] = [new URL(narrow.replace(/\*/g, 'x')), new URL(wide.replace(/\*/g, 'x'))];
    const path = /^(?:https?:\/\/[^/]+)(\/.*)$/.exec(wide)?.[1] ?? '';
    return n.origin === w.origin && path.indexOf('*') === path.length - 1 && new URL(narrow).pathname.startsWith(path.slice(0, -1));
  };
  const withFormer = adapters.filter((a) => a.formerMatches?.length);
  expect(withFormer.map((a) => a.id).sort()).toEqual(['alphaxiv', 'openreview']);
  for (const adapter of withFormer) {
    for (const former of adapter.formerMatches!) expect(adapter.matches.some((m) => within(former, m) && optionalHosts.has(m)), former).toBe(true);
  }
});

it('the popup reads the core sites from the manifest alone: the same as the adapters say', async () => {
  const { coreSites, SITE_NAMES } = await import('./names');
  const core = adapters.filter((a) => manifest.content_scripts.some((s) => s.js.includes(`src/content/entries/${a.id}.ts`)));
  expect(coreSites(manifest)).toEqual(core.map((a) => ({ id: a.id, name: a.name, matches: [...a.matches] })));
  expect(adapters.map((a) => [a.id, a.name])).toEqual(adapters.map((a) => [a.id, SITE_NAMES[a.id as keyof typeof SITE_NAMES]]));
});

it('adapter ids are unique, and each is a prefix the message schema accepts for site ids', () => {
  expect(new Set(adapters.map((a) => a.id)).size).toBe(adapters.length);
  expect([...ID_PREFIXES].sort()).toEqual(['arxiv', 'doi', 'import', ...adapters.map((a) => a.id).filter((id) => id !== 'arxiv')].sort());
});

/** Real URLs, the adapter and page kind that must claim each (and no other adapter may). */
const URLS: [string, string | null, string | null][] = [
  ['https://huggingface.co/papers', 'huggingface', 'daily'],
  ['https://huggingface.co/papers/date/2026-07-02', 'huggingface', 'daily'],
  ['https://huggingface.co/papers/week/2026-W27', 'huggingface', 'week'],
  ['https://huggingface.co/papers/month/2026-07', 'huggingface', 'month'],
  ['https://huggingface.co/papers/trending', 'huggingface', 'trending'],
  ['https://huggingface.co/papers?q=diffusion', 'huggingface', 'search'],
  ['https://huggingface.co/papers/2509.24002', 'huggingface', 'paper'],
  ['https://huggingface.co/models', null, null],
  ['https://huggingface.co/collections/example-org/reading-group-65f0c0ffee0123456789abcd', 'huggingface', 'collection'],
  ['https://huggingface.co/google', 'huggingface', 'profile'],
  ['https://huggingface.co/google/gemma-2b', null, null],
  ['https://huggingface.co/datasets/squad', null, null],
  ['https://huggingface.co/docs', null, null],
  ['https://arxiv.org/list/cs.LG/new', 'arxiv', 'new'],
  ['https://arxiv.org/list/cs.CL/recent', 'arxiv', 'recent'],
  ['https://arxiv.org/list/cs/2301?show=250', 'arxiv', 'list'],
  ['https://arxiv.org/search/?query=diffusion&searchtype=all', 'arxiv', 'search'],
  ['https://arxiv.org/search?query=diffusion&searchtype=all', 'arxiv', 'search'],
  ['https://arxiv.org/abs/2609.22268v2', 'arxiv', 'abs'],
  ['https://arxiv.org/abs/hep-th/9901001', 'arxiv', 'abs'],
  ['https://export.arxiv.org/abs/1902.02534', 'arxiv', 'abs'],
  ['https://arxiv.org/catchup/cs.LG/2026-09-10?abs=True', 'arxiv', 'catchup'],
  ['https://arxiv.org/a/okafor_m_1', 'arxiv', 'author'],
  ['https://arxiv.org/a/okafor_m_1.atom', null, null],
  ['https://arxiv.org/pdf/2609.22268', null, null],
  ['https://www.alphaxiv.org/abs/2406.01234', 'alphaxiv', 'abs'],
  ['https://openreview.net/forum?id=Xk9pQ2vN7a', 'openreview', 'forum'],
  ['https://openreview.net/group?id=ICLR.cc/2024/Conference', 'openreview', 'list'],
  ['https://www.semanticscholar.org/search?q=mixture%20of%20experts', 'semanticscholar', 'search'],
  ['https://scholar.google.com/scholar?q=sparse+attention', 'scholar', 'search'],
  ['https://scholar.google.com/citations?user=abcdEFGhijkAAAAJ', 'scholar', 'profile'],
  ['https://aclanthology.org/2023.acl-long.1/', 'aclanthology', 'paper'],
  ['https://aclanthology.org/volumes/2023.acl-long/', 'aclanthology', 'volume'],
  ['https://proceedings.mlr.press/v202/', 'pmlr', 'volume'],
  ['https://proceedings.neurips.cc/paper_files/paper/2023', 'neurips', 'list'],
  ['https://openaccess.thecvf.com/CVPR2024?day=all', 'cvf', 'list'],
  ['https://dblp.org/pid/v/AshishVaswani.html', 'dblp', 'person'],
  ['https://github.com/huggingface/transformers', null, null],
  ['https://example.org/papers/2509.24002', null, null],
];

describe.each(URLS)('%s', (url, site, page) => {
  it(`is claimed by ${site ?? 'no adapter'}`, () => {
    const claims = adapters.filter((a) => a.pageKind(new URL(url)) !== null).map((a) => a.id);
    expect(claims).toEqual(site ? [site] : []);
    expect(adapterFor(new URL(url))?.page ?? null).toBe(page);
  });
});

it('core scripts are injected at document_start and read the page once it is parsed, in idle time while it loads', () => {
  // Chrome holds the load event for a document_idle content script, even an empty one: on a 1,000-card arXiv listing,
  // DOMContentLoaded → load took 161 ms with an empty idle script against 27 ms with none; injected at document_start,
  // no hold (bench/settle.ts, FLOOR=1: load 764 ms against the page's own 844). start.ts waits for DOMContentLoaded
  // and then a task, so no card is read before the page's first layout: at document_end, run in the task that ends
  // parsing, bench/settle.ts arxiv 100 showed a ~60 ms long task in every run. Hugging Face hydrates its server
  // markup with Svelte in module scripts, which run before DOMContentLoaded. Until the page has loaded (at most
  // LOAD_WAIT_MS after DOMContentLoaded), our slices, the first included, run in idle time: run while the page loaded
  // its images, they held its load event back (see loadingPhase). In the task that ends parsing, only the saved states
  // of the first cards are asked (Annotator.askFirstStates: a few links read, no layout, one message).
  const runAt = [...new Set(manifest.content_scripts.map((s) => s.run_at))];
  expect(runAt).toEqual(['document_start']);
  const start = readFileSync('src/content/start.ts', 'utf8');
  expect(start).toMatch(/setPoliteWhile\(loading\.polite\)/);
  expect(start).toMatch(/whenParsed\(document, \(\) => \{\s*loading\.parsed\(\);\s*annotator\.askFirstStates\(\);\s*void yieldToPage\(\)\.then\(/);
});

it('content scripts carry no webextension-polyfill (~3 kB gzip of their 30 kB budget): they reach the runtime through client.ts', () => {
  // What a content script is built from: the annotator and its overlays, the adapters, core, and the protocol.
  const roots = ['src/content', 'src/sites', 'src/core'];
  const files = roots.flatMap((root) => (readdirSync(root, { recursive: true }) as string[]).map((f) => `${root}/${f}`)).filter((f) => /\.ts$/.test(f) && !/\.test\.ts$/.test(f));
  files.push('src/background/client.ts', 'src/background/messages.ts');
  expect(files.length).toBeGreaterThan(30);
  expect(files.filter((f) => /from ['"]webextension-polyfill['"]/.test(readFileSync(f, 'utf8')))).toEqual([]);
});
