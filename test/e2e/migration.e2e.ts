// The database upgrade in real browsers (src/storage/schema.ts MIGRATIONS and upgrade): its data steps chain their
// requests inside the upgrade transaction, which fake-indexeddb (the unit tests) cannot vouch for. The extension's own
// upgrade code, bundled into a plain page, upgrades databases of older versions made there.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type Rolldown } from 'vite';
import { bothBrowsers, type Harness, type Routes } from './browsers';
import { DB_VERSION, type SavedPaper } from '../../src/storage/schema';

const PAGE = 'https://arxiv.org/papershelf-migration-check';
let script = '';
const routes: Routes = (url) => (url === PAGE ? { body: `<!doctype html><title>migration</title><script>${script}</script>` } : undefined);

beforeAll(async () => {
  const out = (await build({
    configFile: false,
    logLevel: 'silent',
    build: { write: false, minify: false, lib: { entry: 'test/e2e/migration-page.ts', formats: ['iife'], name: 'migrationCheck' } },
  })) as Rolldown.RolldownOutput[];
  script = out[0]!.output[0].code.replace(/<\/script/gi, '<\\/script');
});

/** A record as builds before schema v5 stored it: no `version` or `doi` in its paper. */
function oldRecord(id: string, savedFrom: string, updatedAt = 1_700_000_000_000): SavedPaper {
  return {
    id,
    paper: { id, title: `Paper ${id}`, authors: ['Ada Lovelace'], authorCount: null, abstract: 'We study things.', published: null, upvotes: null, githubRepos: [], githubStars: null, projectUrl: null, pdfUrl: null, url: null, venue: null, categories: [], source: { site: 'arxiv', page: 'abs' } } as unknown as SavedPaper['paper'],
    status: 'reading',
    tags: ['kept'],
    note: 'A note.',
    savedFrom,
    savedAt: 1_600_000_000_000,
    updatedAt,
  };
}

const LONG_FROM = `https://arxiv.org/search/?query=${'sparse+experts+'.repeat(200)}&searchtype=all`;

describe.each(bothBrowsers(routes))('%s: database upgrade', (_name, launch) => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await launch();
  });
  afterAll(() => harness?.close());

  const upgrade = async (version: 3 | 4 | 7, papers: SavedPaper[]) => {
    const tab = await harness.newTab();
    await tab.goto(PAGE);
    const result = await tab.run<{ version: number; papers: SavedPaper[]; relevance: string[]; aliases: [string, string][] }>(`papershelfUpgradeFrom(${version}, ${JSON.stringify(papers)})`);
    await tab.close();
    return result;
  };

  it('v4 → current: version and doi become null, an over-long savedFrom is shortened, nothing else changes', async () => {
    const papers = [oldRecord('arxiv:2401.00001', 'https://arxiv.org/abs/2401.00001'), oldRecord('arxiv:2401.00002', LONG_FROM)];
    const result = await upgrade(4, papers);
    expect(result.version).toBe(DB_VERSION);
    expect(result.papers).toEqual([
      { ...papers[0], paper: { ...papers[0]!.paper, version: null, doi: null, aliases: [] } },
      { ...papers[1], paper: { ...papers[1]!.paper, version: null, doi: null, aliases: [] }, savedFrom: 'https://arxiv.org/search/' },
    ]);
  });

  it('v3 → current: each step ends before the next (v4 moves an ACL DOI record, v5 does not put it back, v6 moves an id with a subject class)', async () => {
    const acl = oldRecord('doi:10.18653/v1/2023.acl-long.1', 'https://aclanthology.org/2023.acl-long.1/');
    const withClass = oldRecord('arxiv:math.GT/0309136', 'https://arxiv.org/abs/math.GT/0309136');
    const result = await upgrade(3, [acl, oldRecord('arxiv:2401.00001', 'https://arxiv.org/abs/2401.00001'), withClass]);
    expect(result.version).toBe(DB_VERSION);
    expect(result.papers.map((p) => [p.id, p.paper.id, p.paper.version, p.paper.doi])).toEqual([
      ['aclanthology:2023.acl-long.1', 'aclanthology:2023.acl-long.1', null, null],
      ['arxiv:2401.00001', 'arxiv:2401.00001', null, null],
      ['arxiv:math/0309136', 'arxiv:math/0309136', null, null],
    ]);
    expect(result.relevance).toEqual(['aclanthology:2023.acl-long.1', 'arxiv:2401.00001', 'arxiv:math/0309136']);
  });

  it('v7 → current: a journal DOI saved apart from its arXiv paper becomes one record, and the aliases store names it', async () => {
    const doi = '10.1109/tpami.2025.3512345';
    const preprint = oldRecord('arxiv:2401.12345', 'https://arxiv.org/abs/2401.12345', 1_700_000_000_300);
    const journal = { ...oldRecord(`doi:${doi}`, 'https://dblp.org/pid/00/1234.html', 1_700_000_000_200), tags: ['Kept', 'survey'], note: 'Journal version.' };
    const atV7 = (r: SavedPaper, own: string | null): SavedPaper => ({ ...r, paper: { ...r.paper, version: null, doi: own } });
    const result = await upgrade(7, [atV7(preprint, doi), atV7(journal, null)]);
    expect(result.version).toBe(DB_VERSION);
    expect(result.papers.map((p) => [p.id, p.paper.aliases, p.tags, p.note])).toEqual([
      ['arxiv:2401.12345', [`doi:${doi}`], ['kept', 'survey'], 'A note.\n\nJournal version.'],
    ]);
    expect(result.relevance).toEqual(['arxiv:2401.12345']);
    expect(result.aliases).toEqual([[`doi:${doi}`, 'arxiv:2401.12345']]);
  });
});
