// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it, vi } from 'vitest';
import { normalizeSpace, type Paper } from '../core/paper';
import { huggingface, paperHrefId, type HfContext } from './huggingface';
import { arxivIdFromUrl } from '../core/ids';
import { extractPage } from './index';
import manifest from '../../manifest.json' with { type: 'json' };

const NOW = new Date('2026-07-02T12:00:00Z');

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../../test/fixtures/huggingface', name), 'utf8');

function load(name: string, url: string) {
  const html = fixture(name);
  const doc = new JSDOM(html, { url }).window.document;
  const ctx = huggingface.context(doc, new URL(url), NOW);
  const cards = huggingface.findCards(doc, ctx);
  const papers = cards.map((card) => huggingface.extract(card, ctx));
  return { doc, ctx, cards, papers };
}

/** The fixture's own JSON, to check the adapter against (the listing `data-props`). */
function listingJson(doc: Document): { dailyPapers: { paper: Record<string, any> }[] } {
  return JSON.parse(doc.querySelector('[data-target="DailyPapers"]')!.getAttribute('data-props')!);
}

const DAILY_URL = 'https://huggingface.co/papers/date/2026-07-02';
const arxivPdf = (id: string) => `https://arxiv.org/pdf/${id}`;
const hfUrl = (id: string) => `https://huggingface.co/papers/${id}`;

describe('paperHrefId (the link shape read without a URL parser)', () => {
  it.each([
    '/papers/2607.01234', '/papers/2607.01234v2', '/papers/2607.01234/', '/papers/2607.01234?utm=x', '/papers/2607.01234#comments',
    '/papers/2607.01234/comments', '/papers/date/2026-07-02', '/papers?q=moe', '/papers/2607.0123', '/papers/2613.01234',
    '/papers/%32607.01234', '/papers/./2607.01234', '/papers/2607.01234\t', ' /papers/2607.01234', '/papers/2607.01234?a b',
    'https://huggingface.co/papers/2607.01234', '//huggingface.co/papers/2607.01234', '/papers/hep-th/9901001', '',
  ])('%j: the same id as a URL parser gives', (href) => {
    expect(paperHrefId(href)).toBe(arxivIdFromUrl(href, 'https://huggingface.co')?.id ?? null);
  });
});

describe('huggingface.pageKind', () => {
  it.each([
    ['https://huggingface.co/papers', 'daily'],
    ['https://huggingface.co/papers/', 'daily'],
    ['https://huggingface.co/papers?date=2025-10-01', 'daily'],
    ['https://huggingface.co/papers?q=', 'daily'],
    ['https://huggingface.co/papers?q=MCP', 'search'],
    ['https://huggingface.co/papers?q=diffusion%20models', 'search'],
    ['https://huggingface.co/papers/date/2026-07-02', 'daily'],
    ['https://huggingface.co/papers/week/2026-W27', 'week'],
    ['https://huggingface.co/papers/month/2026-07', 'month'],
    ['https://huggingface.co/papers/trending', 'trending'],
    ['https://huggingface.co/papers/2509.24002', 'paper'],
    ['https://huggingface.co/papers/2509.24002#community', 'paper'],
    ['https://huggingface.co/papers/2410.10813', 'paper'],
    ['https://huggingface.co/papers/foo/bar', null],
    ['https://huggingface.co/papers/foo', null],
    ['https://huggingface.co/papers/2613.00001', null], // month 13: not an arXiv id
    ['https://huggingface.co/papers/date/yesterday', null],
    ['https://huggingface.co/papers/2509.24002/discussion', null],
    ['https://huggingface.co/models', null],
    ['https://huggingface.co/', null],
    ['https://hf.co/papers/2509.24002', null],
    ['https://arxiv.org/abs/2509.24002', null],
    ['https://huggingface.co.evil.example/papers', null],
    ['https://huggingface.co/collections/example-org/reading-group-65f0c0ffee0123456789abcd', 'collection'],
    ['https://huggingface.co/collections/example-org/reading-group-65f0c0ffee0123456789abcd/', 'collection'],
    ['https://huggingface.co/collections/example-org', null], // the owner's list of collections
    ['https://huggingface.co/collections', null],
    ['https://huggingface.co/example-org', 'profile'],
    ['https://huggingface.co/google?sort=likes', 'profile'],
    ['https://huggingface.co/Qwen', 'profile'],
    ['https://huggingface.co/meta-llama/Llama-3.1-8B', null], // a model
    ['https://huggingface.co/example-org/papers', null],
    ['https://huggingface.co/datasets', null],
    ['https://huggingface.co/spaces', null],
    ['https://huggingface.co/docs', null],
    ['https://huggingface.co/Docs', null],
    ['https://huggingface.co/blog', null],
    ['https://huggingface.co/settings', null],
    ['https://huggingface.co/pricing', null],
    ['https://huggingface.co/login', null],
    ['https://huggingface.co/robots.txt', null],
    ['https://huggingface.co/-bad', null],
  ])('%s → %s', (url, kind) => {
    expect(huggingface.pageKind(new URL(url))).toBe(kind);
  });

  it('declares the manifest patterns for the pages it handles', () => {
    expect(huggingface.matches).toEqual(['https://huggingface.co/papers*', 'https://huggingface.co/collections/*', 'https://huggingface.co/*']);
    expect(huggingface.id).toBe('huggingface');
    expect(huggingface.name).toBe('Hugging Face Papers');
  });
});

describe('daily page 2026-07-02 (saved page, 31 cards)', () => {
  const { doc, ctx, cards, papers } = load('daily-2026-07-02.html', DAILY_URL);
  const json = listingJson(doc).dailyPapers.map((item) => item.paper);
  const byId = (id: string) => papers.find((p) => p?.id === `arxiv:${id}`);

  it('finds the 31 article cards and extracts all of them, in the JSON order', () => {
    expect(json).toHaveLength(31);
    expect(cards).toHaveLength(31);
    expect(cards.every((c) => c.tagName === 'ARTICLE')).toBe(true);
    expect(new Set(cards).size).toBe(31);
    expect(papers.map((p) => p?.id)).toEqual(json.map((p) => `arxiv:${p.id}`));
    expect(new Set(papers.map((p) => p?.id)).size).toBe(31);
    expect(ctx.papers.size).toBe(31);
  });

  it('names every card\'s paper from the JSON alone, with the id identify gives the card (paperIds)', () => {
    const identified = cards.map((card) => huggingface.identify!(card, ctx));
    expect(identified.every(Boolean)).toBe(true);
    expect(huggingface.paperIds!(ctx)).toEqual(identified);
  });

  it('gives every paper its JSON title, authors, date and links', () => {
    papers.forEach((paper, i) => {
      const source = json[i]!;
      expect(paper).not.toBeNull();
      expect(paper!.title).toBe(normalizeSpace(source.title));
      expect(paper!.title).not.toBe('');
      expect(paper!.authors).toHaveLength(source.authors.length);
      expect(paper!.published).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(paper!.published).toBe(source.publishedAt.slice(0, 10));
      expect(paper!.upvotes).toBe(source.upvotes);
      expect(paper!.source).toEqual({ site: 'huggingface', page: 'daily' });
      expect(paper!.pdfUrl).toBe(arxivPdf(source.id));
      expect(paper!.url).toBe(hfUrl(source.id));
    });
  });

  it('finds a repository for exactly the 17 papers the JSON gives one for', () => {
    const withRepo = papers.filter((p) => p!.githubRepos.length > 0);
    expect(withRepo).toHaveLength(17);
    expect(json.filter((p) => p.githubRepo)).toHaveLength(17);
    expect(withRepo.every((p) => p!.githubRepos.length === 1)).toBe(true); // abstracts only repeat the structured repo
  });

  it('keeps zero stars and leaves stars unknown when the JSON has a repository but no count', () => {
    expect(byId('2606.29464')).toMatchObject({ githubRepos: ['andyj1/raha'], githubStars: 0 });
    expect(byId('2606.28661')).toMatchObject({ githubRepos: ['bay-yearick-lab/sampling-ceilings'], githubStars: null });
  });

  it('extracts a card with a repository and stars (repository also in the abstract) exactly', () => {
    expect(byId('2607.00917')).toEqual<Paper>({
      id: 'arxiv:2607.00917',
      title: 'Valdi: Value Diffusion World Models',
      authors: ['Christopher Lindenberg', 'Kashyap Chitta'],
      authorCount: null,
      abstract:
        'World models can enable Model Predictive Control (MPC), but this requires dynamics prediction that is both fast enough for online use and expressive enough to represent uncertain futures. Diffusion models offer a natural mechanism for modeling uncertain dynamics, yet their iterative inference procedure makes them difficult to use for low-latency latent planning. We bridge this gap with Value Diffusion World Models (Valdi), combining end-to-end online training for MPC with a latent diffusion dynamics model. In preliminary experiments on the CarRacing environment, we show that Valdi, using a single diffusion step at both training and inference, matches a deterministic MLP baseline. Our experiments expose a trade-off between predictive multimodality and control performance in this setup. Code is available at https://github.com/Kit115/ValueDiffusionWorldModels.',
      published: '2026-07-01',
      upvotes: 7,
      githubRepos: ['Kit115/ValueDiffusionWorldModels'],
      githubStars: 5,
      projectUrl: null,
      pdfUrl: 'https://arxiv.org/pdf/2607.00917',
      url: 'https://huggingface.co/papers/2607.00917',
      venue: null,
      categories: [
        'Model Predictive Control',
        'diffusion models',
        'latent diffusion models',
        'dynamics prediction',
        'uncertain futures',
        'value diffusion world models',
        'online training',
        'reinforcement learning',
        'CarRacing environment',
      ],
      version: null,
      doi: null,
      aliases: [],
      source: { site: 'huggingface', page: 'daily' },
    });
  });

  it('extracts a card without repository or project page exactly (and drops the empty keyword)', () => {
    expect(byId('2607.00248')).toEqual<Paper>({
      id: 'arxiv:2607.00248',
      title: 'Seed2.0 Model Card: Towards Intelligence Frontier for Real-World Complexity',
      authors: ['Bytedance Seed'],
      authorCount: null,
      abstract:
        "We present Seed2.0, a model series that takes a meaningful step toward solving complex, real-world tasks. Our approach begins with identifying users' genuine needs and constructing a reliable, forward-looking evaluation system by selecting and abstracting benchmarks grounded in these needs and in realistic, complex scenarios. Guided by this evaluation system, Seed2.0 targets two persistent challenges, long-tail knowledge and complex instruction following, substantially improving the model's reliability on intricate, long-horizon tasks. Beyond these, Seed2.0 delivers world-leading reasoning intelligence, visual understanding, and search capabilities that address the most common needs of a broad user base. Through extensive real-world use cases documented in this model card, we demonstrate that Seed2.0 begins to exhibit the ability to handle initial complex real-world tasks, delivering greater value to hundreds of millions of users.",
      published: '2026-06-30',
      upvotes: 16,
      githubRepos: [],
      githubStars: null,
      projectUrl: null,
      pdfUrl: 'https://arxiv.org/pdf/2607.00248',
      url: 'https://huggingface.co/papers/2607.00248',
      venue: null,
      categories: [], // the JSON says [""]
      version: null,
      doi: null,
      aliases: [],
      source: { site: 'huggingface', page: 'daily' },
    });
  });

  it('extracts a card with a project page exactly', () => {
    const paper = byId('2607.00272')!;
    expect(paper).toEqual<Paper>({
      id: 'arxiv:2607.00272',
      title: 'ASPIRE: Agentic /Skills Discovery for Robotics',
      authors: [
        'Runyu Lu',
        'Yubo Wu',
        'Ethan Kou',
        'Letian Fu',
        'Wenli Xiao',
        'Ajay Mandlekar',
        'Yinzhen Xu',
        'Guanya Shi',
        'Ken Goldberg',
        'Ang Chen',
        'Mosharaf Chowdhury',
        'Yuke Zhu',
        'Linxi "Jim" Fan',
        'Guanzhi Wang',
      ],
      authorCount: null,
      abstract: paper.abstract,
      published: '2026-06-30',
      upvotes: 12,
      githubRepos: [],
      githubStars: null,
      projectUrl: 'https://research.nvidia.com/labs/gear/aspire/',
      pdfUrl: 'https://arxiv.org/pdf/2607.00272',
      url: 'https://huggingface.co/papers/2607.00272',
      venue: null,
      categories: [
        'continual learning',
        'code-as-policy paradigm',
        'skill library',
        'closed-loop robot execution engine',
        'multimodal traces',
        'failure diagnosis',
        'repair synthesis',
        'evolutionary search',
        'sim-to-real transfer',
      ],
      version: null,
      doi: null,
      aliases: [],
      source: { site: 'huggingface', page: 'daily' },
    });
    expect(paper.abstract).toMatch(/^Traditional robot programming is challenging: it requires orchestrating/);
    expect(paper.abstract).toMatch(/across different embodiments and robot APIs\.$/);
    expect(paper.abstract).toHaveLength(1606); // the JSON summary, which has no line wraps
  });

  it('extracts the first card (repository, stars and project page)', () => {
    expect(byId('2606.28322')).toMatchObject({
      title: 'PerceptionRubrics: Calibrating Multimodal Evaluation to Human Perception',
      published: '2026-06-26', // arXiv date; the listing's own publishedAt is 2026-06-25T20:00
      upvotes: 33,
      githubRepos: ['M1chaelPeng/PerceptionRubrics'],
      githubStars: 9,
      projectUrl: 'https://weiyana.github.io/PerceptionRubrics/',
    });
    expect(byId('2606.28322')!.authors.at(-1)).toBe('Vishal M. Patel');
  });

  it('joins the arXiv line wraps of an abstract into single spaces', () => {
    const abstract = byId('2606.19271')!.abstract!;
    expect(abstract).toContain('idle periods. We present TurboServe, the first serving system');
    expect(abstract).not.toMatch(/\s{2}|\n/);
  });

  it('reads the same title, upvotes and stars from the card DOM as from the JSON', () => {
    const domOnly: HfContext = { ...ctx, papers: new Map() };
    cards.forEach((card, i) => {
      const fromDom = huggingface.extract(card, domOnly)!;
      const fromJson = papers[i]!;
      expect(fromDom.id).toBe(fromJson.id);
      expect(fromDom.title).toBe(fromJson.title);
      expect(fromDom.upvotes).toBe(fromJson.upvotes);
      expect(fromDom.githubStars).toBe(fromJson.githubStars);
      expect(fromDom.authors).toEqual([]);
      expect(fromDom.githubRepos).toEqual([]); // the card's GitHub link points to the paper page, not GitHub
    });
  });

  it('mounts below the h3 title, outside every link', () => {
    for (const card of cards) {
      const { parent, before } = huggingface.mountPoint(card);
      const title = card.querySelector('h3')!;
      expect(card.contains(parent)).toBe(true);
      expect(parent.closest('a')).toBeNull();
      expect(parent).toBe(title.parentElement);
      expect(before).toBe(title.nextSibling);
    }
  });

  it('finds a card when the scan root is the card itself or a subtree, never twice', () => {
    const card = cards[5]!;
    expect(huggingface.findCards(card, ctx)).toEqual([card]);
    expect(huggingface.findCards(card.parentElement!, ctx)).toHaveLength(31);
    expect(huggingface.findCards(card.querySelector('h3')!, ctx)).toEqual([]);
  });

  it('ignores the page title h1 and the date links', () => {
    expect(doc.querySelector('h1')?.textContent).toBe('Daily Papers');
    expect(doc.querySelector('a[href="/papers/date/2026-07-01"]')).not.toBeNull();
    expect(cards.some((c) => c.contains(doc.querySelector('a[href="/papers/date/2026-07-01"]')))).toBe(false);
  });
});

describe('paper page 2509.24002 (saved page, prettified, single-quoted data-props)', () => {
  const url = 'https://huggingface.co/papers/2509.24002';
  const { doc, ctx, cards, papers } = load('paper-2509.24002.html', url);

  it('finds one card: the title block', () => {
    expect(ctx.page).toBe('paper');
    expect(cards).toHaveLength(1);
    expect(cards[0]!.querySelector(':scope > h1')).not.toBeNull();
    expect(doc.querySelectorAll('article')).toHaveLength(3); // collection cards, not papers
  });

  it('extracts every field', () => {
    const paper = papers[0]!;
    expect(paper).toEqual<Paper>({
      id: 'arxiv:2509.24002',
      title: 'MCPMark: A Benchmark for Stress-Testing Realistic and Comprehensive MCP Use',
      authors: [
        'Zijian Wu',
        'Xiangyan Liu',
        'Xinyuan Zhang',
        'Lingjun Chen',
        'Fanqing Meng',
        'Lingxiao Du',
        'Yiran Zhao',
        'Fanshi Zhang',
        'Yaoqi Ye',
        'Jiawei Wang',
        'Zirui Wang',
        'Jinjie Ni',
        'Yufan Yang',
        'Arvin Xu',
        'Michael Qizhe Shieh',
      ],
      authorCount: null,
      abstract: paper.abstract,
      published: '2025-09-28',
      upvotes: 118,
      githubRepos: ['eval-sys/mcpmark'],
      githubStars: 182,
      projectUrl: 'https://mcpmark.ai/',
      pdfUrl: 'https://arxiv.org/pdf/2509.24002',
      url: 'https://huggingface.co/papers/2509.24002',
      venue: null,
      categories: [
        'MCP',
        'LLMs',
        'general agents',
        'MCP benchmarks',
        'MCPMark',
        'high-quality tasks',
        'domain experts',
        'AI agents',
        'initial state',
        'programmatic script',
        'automatic verification',
        'CRUD operations',
        'minimal agent framework',
        'tool-calling loop',
        'gpt-5-medium',
        'claude-sonnet-4',
        'o3',
        'pass@1',
        'pass^4',
        'execution turns',
        'tool calls',
      ],
      version: null,
      doi: null,
      aliases: [],
      source: { site: 'huggingface', page: 'paper' },
    });
    expect(paper.abstract).toMatch(/^MCP standardizes how LLMs interact with external systems, forming the foundation for general agents\./);
    expect(paper.abstract).toContain('reaches only 52.56\\% pass@1 and 33.86\\% pass^4'); // TeX left as written
    expect(paper.abstract).toMatch(/highlighting the stress-testing nature of MCPMark\.$/);
  });

  it('falls back to the DOM: title, votes, the GitHub button and its stars', () => {
    const paper = huggingface.extract(cards[0]!, { ...ctx, papers: new Map() });
    expect(paper).toEqual<Paper>({
      id: 'arxiv:2509.24002',
      title: 'MCPMark: A Benchmark for Stress-Testing Realistic and Comprehensive MCP Use',
      authors: [],
      authorCount: null,
      abstract: null,
      published: null,
      upvotes: 118,
      githubRepos: ['eval-sys/mcpmark'],
      githubStars: 182,
      projectUrl: null,
      pdfUrl: 'https://arxiv.org/pdf/2509.24002',
      url: 'https://huggingface.co/papers/2509.24002',
      venue: null,
      categories: [],
      version: null,
      doi: null,
      aliases: [],
      source: { site: 'huggingface', page: 'paper' },
    });
  });

  it('mounts right below the h1, outside links', () => {
    const { parent, before } = huggingface.mountPoint(cards[0]!);
    expect(parent).toBe(cards[0]);
    expect(before).toBe(cards[0]!.querySelector('h1')!.nextSibling);
    expect(parent.closest('a')).toBeNull();
  });

  it('finds no card in a subtree without the title, and the card in the card', () => {
    expect(huggingface.findCards(doc.querySelector('#community')!.parentElement!, ctx)).toEqual([]);
    expect(huggingface.findCards(cards[0]!, ctx)).toEqual(cards);
  });
});

describe('stale JSON after in-page navigation (day → week)', () => {
  const { ctx, papers } = load('daily-stale-json.html', 'https://huggingface.co/papers/week/2026-W27');

  it('uses the JSON where it has the card and the DOM for the rest', () => {
    expect(ctx.page).toBe('week');
    expect(ctx.papers.size).toBe(2);
    expect(papers.map((p) => p?.id)).toEqual(['arxiv:2606.28322', 'arxiv:2607.00466', 'arxiv:2606.19271', 'arxiv:2607.00248']);
    expect(papers[0]!.authors).toHaveLength(17);
    expect(papers[1]!.authors).toHaveLength(6);
  });

  it('extracts DOM-only cards exactly, inventing nothing', () => {
    const base = {
      authors: [],
      authorCount: null,
      abstract: null,
      published: null,
      githubRepos: [],
      projectUrl: null,
      venue: null,
      categories: [],
      version: null,
      doi: null,
      aliases: [],
      source: { site: 'huggingface', page: 'week' },
    };
    expect(papers[2]).toEqual<Paper>({
      ...base,
      id: 'arxiv:2606.19271',
      title: 'TurboServe: Serving Streaming Video Generation Efficiently and Economically',
      upvotes: 19,
      githubStars: 14,
      pdfUrl: 'https://arxiv.org/pdf/2606.19271',
      url: 'https://huggingface.co/papers/2606.19271',
    });
    expect(papers[3]).toEqual<Paper>({
      ...base,
      id: 'arxiv:2607.00248',
      title: 'Seed2.0 Model Card: Towards Intelligence Frontier for Real-World Complexity',
      upvotes: 16,
      githubStars: null,
      pdfUrl: 'https://arxiv.org/pdf/2607.00248',
      url: 'https://huggingface.co/papers/2607.00248',
    });
  });
});

describe('malformed page', () => {
  const url = 'https://huggingface.co/papers/date/2026-07-02';

  it('survives invalid JSON and skips cards without link or title and unrelated articles', () => {
    const { doc, ctx, cards, papers } = load('malformed.html', url);
    expect(ctx.papers.size).toBe(0);
    expect(doc.querySelectorAll('article')).toHaveLength(6);
    expect(cards).toHaveLength(3); // two good cards and the one without a title (it has a link)
    expect(papers.filter(Boolean).map((p) => [p!.id, p!.title, p!.upvotes, p!.githubStars])).toEqual([
      ['arxiv:2607.01071', 'MemSyco-Bench: Benchmarking Sycophancy in Agent Memory', 18, 12],
      ['arxiv:2607.01191', 'Perceive-to-Reason: Decoupling Perception and Reasoning for Fine-Grained Visual Reasoning', 11, 14],
    ]);
    const page = extractPage(huggingface, doc, new URL(url), NOW);
    expect(page.papers.map((p) => p.id)).toEqual(['arxiv:2607.01071', 'arxiv:2607.01191']);
  });

  it('never throws on odd data-props', () => {
    for (const props of ['', 'null', '[]', '42', '{"dailyPapers":null}', '{"dailyPapers":[null,1,{"paper":{"id":7}}]}']) {
      const doc = new JSDOM(`<div data-target="DailyPapers" data-props='${props}'></div>`).window.document;
      expect(huggingface.context(doc, new URL(url), NOW).papers.size).toBe(0);
    }
  });
});

describe('empty listing', () => {
  it('has no cards', () => {
    const { ctx, cards } = load('empty.html', 'https://huggingface.co/papers/date/2026-07-04');
    expect(ctx.page).toBe('daily');
    expect(ctx.papers.size).toBe(0);
    expect(cards).toEqual([]);
  });
});

describe('search results (constructed fixture)', () => {
  const { ctx, papers } = load('search.html', 'https://huggingface.co/papers?q=diffusion');

  it('reads searchResults and extracts the cards', () => {
    expect(ctx.page).toBe('search');
    expect(papers.map((p) => [p?.id, p?.source.page])).toEqual([
      ['arxiv:2607.00917', 'search'],
      ['arxiv:2607.00407', 'search'],
    ]);
    expect(papers[0]).toMatchObject({ upvotes: 7, githubRepos: ['Kit115/ValueDiffusionWorldModels'], githubStars: 5 });
  });

  it('keeps hidden authors, in order', () => {
    expect(papers[1]!.authors).toEqual([
      'Tianci Liu',
      'Zihan Dong',
      'Linjun Zhang', // hidden: true
      'Haoyu Wang',
      'jing Gao',
      'Emre Kiciman',
      'Ranveer Chandra',
      'Wei-Ting Chen',
    ]);
  });
});

describe('extractPage', () => {
  it('skips a card whose extraction throws and keeps the rest', () => {
    const doc = new JSDOM(fixture('daily-2026-07-02.html'), { url: DAILY_URL }).window.document;
    const failing = { ...huggingface, extract: (card: Element, ctx: HfContext) => {
      if (card.querySelector('a[href="/papers/2607.00248"]')) throw new Error('boom');
      return huggingface.extract(card, ctx);
    } };
    const errors: unknown[] = [];
    const page = extractPage(failing, doc, new URL(DAILY_URL), NOW, (error) => errors.push(error));
    expect(page.site).toBe('huggingface');
    expect(page.page).toBe('daily');
    expect(page.papers).toHaveLength(30);
    expect(page.papers.some((p) => p.id === 'arxiv:2607.00248')).toBe(false);
    expect(errors).toHaveLength(1);
  });
});

/** Whether the manifest injects the Hugging Face content script into a URL (match patterns and globs, simplified). */
function injected(url: string): boolean {
  const re = (glob: string) => new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
  const entries = manifest.content_scripts.filter((s) => s.js.includes('src/content/entries/huggingface.ts')) as {
    matches: string[];
    exclude_matches?: string[];
    exclude_globs?: string[];
  }[];
  return entries.some(
    (e) => e.matches.some((m) => re(m).test(url)) && !(e.exclude_matches ?? []).some((m) => re(m).test(url)) && !(e.exclude_globs ?? []).some((g) => re(g).test(url)),
  );
}

describe('where the content script runs on huggingface.co', () => {
  it.each([
    ['https://huggingface.co/papers', true],
    ['https://huggingface.co/papers/2509.24002', true],
    ['https://huggingface.co/papers/date/2026-07-02', true],
    ['https://huggingface.co/collections/example-org/reading-group-65f0c0ffee0123456789abcd', true],
    ['https://huggingface.co/example-org', true],
    ['https://huggingface.co/example-org?sort=likes', true],
    ['https://huggingface.co/meta-llama/Llama-3.1-8B', false], // repository pages: left out by the exclude glob
    ['https://huggingface.co/datasets/squad/viewer', false],
    ['https://huggingface.co/spaces/example-org/moe-demo', false],
    ['https://huggingface.co/docs/transformers/index', false],
  ])('%s → %s', (url, yes) => {
    expect(injected(url)).toBe(yes);
  });

  it('every page kind the adapter claims is injected', () => {
    for (const url of ['https://huggingface.co/papers?q=x', 'https://huggingface.co/papers/trending', 'https://huggingface.co/google']) {
      expect(huggingface.pageKind(new URL(url))).not.toBeNull();
      expect(injected(url)).toBe(true);
    }
  });
});

describe('collection page (constructed: JSON and item links)', () => {
  const url = 'https://huggingface.co/collections/example-org/reading-group-65f0c0ffee0123456789abcd';
  const { doc, ctx, cards, papers } = load('collection.html', url);

  it('finds one card per paper item, not the model, dataset, space, owner or navigation links', () => {
    expect(ctx.page).toBe('collection');
    expect(cards).toHaveLength(3);
    expect(cards.map((c) => c.className)).toEqual(['item-note-wrapper', 'paper-item', 'paper-item']);
    expect(papers.map((p) => p?.id)).toEqual(['arxiv:2607.00917', 'arxiv:2606.28322', 'arxiv:2401.12345']);
  });

  it('takes every field the JSON has (and nothing from the DOM where the JSON has the paper)', () => {
    const base = (id: string, title: string) => ({
      id: `arxiv:${id}`,
      title,
      authors: [] as string[],
      authorCount: null,
      abstract: null,
      published: null,
      upvotes: null,
      githubRepos: [] as string[],
      githubStars: null,
      projectUrl: null,
      pdfUrl: arxivPdf(id),
      url: hfUrl(id),
      venue: null,
      categories: [] as string[],
      version: null,
      doi: null,
      aliases: [],
      source: { site: 'huggingface', page: 'collection' },
    });
    expect(papers).toEqual([
      {
        ...base('2607.00917', 'Sparse Routing for Long-Context Inference'),
        authors: ['Ada Lovelace', 'Alan Turing'],
        abstract: 'We route tokens sparsely. Code: https://github.com/example-org/sparse-route.',
        published: '2026-06-30',
        upvotes: 41,
        githubRepos: ['example-org/sparse-route'],
        githubStars: 120,
        projectUrl: 'https://example.org/sparse-route',
        categories: ['sparse routing', 'long context'],
      },
      { ...base('2606.28322', 'Speculative Decoding, Revisited'), authors: ['Grace Hopper'], published: '2026-06-29', upvotes: 7 },
      base('2401.12345', 'KV Cache Compression at Scale'),
    ] satisfies Paper[]);
  });

  it('falls back to the DOM when the JSON is missing: the heading in the paper link is the title', () => {
    const bare = new JSDOM(fixture('collection.html'), { url }).window.document;
    bare.querySelectorAll('[data-props]').forEach((el) => el.removeAttribute('data-props'));
    const result = extractPage(huggingface, bare, new URL(url), NOW);
    expect(result.papers.map((p) => [p.id, p.title, p.authors, p.upvotes])).toEqual([
      ['arxiv:2607.00917', 'Sparse Routing for Long-Context Inference', [], null],
      ['arxiv:2606.28322', 'Speculative Decoding, Revisited', [], null],
      ['arxiv:2401.12345', 'KV Cache Compression at Scale', [], null],
    ]);
  });

  it('finds a card in a subtree the page adds, once', () => {
    expect(huggingface.findCards(cards[1]!, ctx)).toEqual([cards[1]]);
    expect(huggingface.findCards(cards[1]!.querySelector('a')!, ctx)).toEqual([cards[1]]);
    expect(huggingface.findCards(doc.querySelector('header')!, ctx)).toEqual([]);
  });

  it('mounts after the paper link holding the title, outside every link', () => {
    for (const card of cards) {
      const { parent, before } = huggingface.mountPoint(card);
      expect(parent.closest('a')).toBeNull();
      expect(card.contains(parent)).toBe(true);
      expect(before?.previousSibling?.nodeName ?? 'A').toBe('A');
    }
  });

  it('extractPage (the CLI) gives the same papers', () => {
    expect(extractPage(huggingface, doc, new URL(url), NOW)).toEqual({ site: 'huggingface', page: 'collection', papers });
  });
});

describe('empty collection (constructed)', () => {
  it('has no cards', () => {
    const { cards, ctx } = load('collection-empty.html', 'https://huggingface.co/collections/example-user/empty-6600aaaa0123456789abcdef');
    expect(ctx.page).toBe('collection');
    expect(ctx.papers.size).toBe(0);
    expect(cards).toEqual([]);
  });
});

describe('organisation page (constructed: no JSON, a papers section)', () => {
  const url = 'https://huggingface.co/example-org';
  const { doc, ctx, cards, papers } = load('org-example-org.html', url);

  it('finds the papers section’s cards only; two papers’ links in one row each get their own card', () => {
    expect(ctx.page).toBe('profile');
    expect(papers.map((p) => [p?.id, p?.title])).toEqual([
      ['arxiv:2607.00917', 'Sparse Routing for Long-Context Inference'],
      ['arxiv:2606.28322', 'Speculative Decoding, Revisited'], // link text in two spans, white space normalised
      ['arxiv:2607.00917', 'Sparse Routing for Long-Context Inference'],
      ['arxiv:2401.12345', 'KV Cache Compression at Scale'],
    ]);
    expect(cards.slice(0, 2).map((c) => c.className)).toEqual(['paper-card', 'paper-card']);
    expect(cards.slice(2).map((c) => c.localName)).toEqual(['a', 'a']); // the row holds two papers: each link is its card
    // The card never grows into the section (whose h2 "Papers" would become a title) or the page.
    expect(cards.every((c) => !c.querySelector('h1, h2'))).toBe(true);
  });

  it('extracts every field the DOM gives, inventing nothing', () => {
    expect(papers[0]).toEqual({
      id: 'arxiv:2607.00917',
      title: 'Sparse Routing for Long-Context Inference',
      authors: [],
      authorCount: null,
      abstract: null,
      published: null,
      upvotes: null,
      githubRepos: [],
      githubStars: null,
      projectUrl: null,
      pdfUrl: arxivPdf('2607.00917'),
      url: hfUrl('2607.00917'),
      venue: null,
      categories: [],
      version: null,
      doi: null,
      aliases: [],
      source: { site: 'huggingface', page: 'profile' },
    } satisfies Paper);
  });

  it('takes no old-style arXiv link (Hugging Face has no page for one) and no model, dataset or collection', () => {
    expect(papers.some((p) => p?.id.includes('hep-th'))).toBe(false);
    expect(doc.querySelectorAll('a[href^="/papers/"]')).toHaveLength(8); // with /papers/trending in the footer
  });

  it('mounts outside every link, in or next to the card', () => {
    for (const card of cards) {
      const { parent } = huggingface.mountPoint(card);
      expect(parent.closest('a')).toBeNull();
      expect(parent === card || parent.contains(card) || card.contains(parent)).toBe(true);
    }
  });
});

describe('a page that is not a paper page', () => {
  it('a model page is no page kind, and findCards on it finds nothing', () => {
    const url = new URL('https://huggingface.co/meta-llama/Llama-3.1-8B');
    expect(huggingface.pageKind(url)).toBeNull();
    const doc = new JSDOM('<a href="/papers/2401.12345">Paper</a>', { url: url.href }).window.document;
    expect(huggingface.findCards(doc, huggingface.context(doc, url, NOW))).toEqual([]);
  });
});


describe('contextInSlices (the content script reads a long listing JSON a slice at a time, an item when a card asks)', () => {
  const pages: [string, string][] = [
    ['daily-2026-07-02.html', DAILY_URL],
    ['daily-stale-json.html', 'https://huggingface.co/papers/week/2026-W27'],
    ['empty.html', 'https://huggingface.co/papers/date/2026-07-04'],
    ['malformed.html', 'https://huggingface.co/papers/date/2026-07-03'],
    ['search.html', 'https://huggingface.co/papers?q=diffusion'],
    ['paper-2509.24002.html', 'https://huggingface.co/papers/2509.24002'],
    ['collection.html', 'https://huggingface.co/collections/example-user/reading-6600aaaa0123456789abcdef'],
    ['org-example-org.html', 'https://huggingface.co/example-org'],
  ];
  const sliced = (doc: Document, url: string, pause = async () => {}) => huggingface.contextInSlices!(doc, new URL(url), NOW, pause);

  it.each(pages)('%s: the same context as context()', async (name, url) => {
    const doc = new JSDOM(fixture(name), { url }).window.document;
    expect(await sliced(doc, url)).toEqual(huggingface.context(doc, new URL(url), NOW));
  });

  /** The daily fixture with its listing JSON grown to a month of papers (megabytes), ids made unique. */
  function month(mutate?: (props: string) => string) {
    const doc = new JSDOM(fixture('daily-2026-07-02.html'), { url: DAILY_URL }).window.document;
    const el = doc.querySelector('[data-target="DailyPapers"]')!;
    const props = JSON.parse(el.getAttribute('data-props')!);
    const items = props.dailyPapers as { paper: Record<string, unknown> }[];
    props.dailyPapers = Array.from({ length: 1500 }, (_, i) => {
      const item = structuredClone(items[i % items.length]!);
      item.paper.id = `2607.${String(10000 + i)}`;
      return item;
    });
    const text = JSON.stringify(props);
    el.setAttribute('data-props', mutate ? mutate(text) : text);
    return { doc, size: text.length };
  }

  /** What the whole JSON.parse gives for an id: the first listing item's paper with that id. */
  const parsedWhole = (doc: Document) => {
    const items = JSON.parse(doc.querySelector('[data-target="DailyPapers"]')!.getAttribute('data-props')!).dailyPapers as { paper: { id: string } }[];
    return (id: string) => items.find((item) => item.paper.id === id)?.paper;
  };
  const ids = Array.from({ length: 1500 }, (_, i) => `2607.${String(10000 + i)}`);

  it('a month of papers: cut in slices, each paper as one JSON.parse gives it, the same as context()', async () => {
    const { doc, size } = month();
    expect(size).toBeGreaterThan(1_000_000);
    let pauses = 0;
    const ctx = await sliced(doc, DAILY_URL, async () => void pauses++);
    expect(pauses).toBeGreaterThan(0);
    expect(ctx.papers.size).toBe(1500);
    const whole = parsedWhole(doc);
    const once = huggingface.context(doc, new URL(DAILY_URL), NOW);
    for (const id of [...ids].reverse()) {
      expect(ctx.papers.get(id)).toEqual(whole(id));
      expect(once.papers.get(id)).toEqual(whole(id));
    }
    expect(whole(ids[1499]!)).toBeDefined();
    expect(ctx.papers.get('2607.99999')).toBeUndefined();
  });

  it('a month of papers: paperIds names all 1,500 from the cut alone, in the listing\'s order, parsing no item', async () => {
    const { doc } = month();
    const ctx = await sliced(doc, DAILY_URL);
    const get = vi.spyOn(ctx.papers, 'get');
    expect(huggingface.paperIds!(ctx)).toEqual(ids.map((id) => `arxiv:${id}`));
    expect(get).not.toHaveBeenCalled();
  });

  it('a month of papers: a paper read once (keep: false) is the same paper, parsed for that answer and not kept', async () => {
    const { doc } = month();
    const ctx = await sliced(doc, DAILY_URL);
    const whole = parsedWhole(doc);
    const once = ctx.papers.get('2607.10003', false);
    expect(once).toEqual(whole('2607.10003'));
    expect(ctx.papers.get('2607.10003', false)).not.toBe(once); // parsed again: nothing was kept
    const kept = ctx.papers.get('2607.10003');
    expect(kept).toEqual(once);
    expect(ctx.papers.get('2607.10003')).toBe(kept); // kept from the first get on
    expect(ctx.papers.get('2607.10003', false)).toBe(kept); // and answered from there once kept
  });

  it('summary reads each card\'s paper once, without keeping it (relevance reads every card; most are never built)', () => {
    const doc = new JSDOM(fixture('daily-2026-07-02.html'), { url: DAILY_URL }).window.document;
    const ctx = huggingface.context(doc, new URL(DAILY_URL), NOW);
    const get = vi.spyOn(ctx.papers, 'get');
    const cards = huggingface.findCards(doc, ctx);
    expect(cards.map((card) => huggingface.summary!(card, ctx)).filter(Boolean)).toHaveLength(cards.length);
    expect(get.mock.calls.length).toBe(cards.length);
    expect(get.mock.calls.every(([, keep]) => keep === false)).toBe(true);
  });

  it('a month of papers: an item is parsed when its card asks; a damaged one, and the whole JSON answers from then on (here: none)', async () => {
    const { doc } = month((text) => text.replace('{"paper":{"id":"2607.10700",', '{"paper":{"id":"2607.10700",,'));
    const ctx = await sliced(doc, DAILY_URL);
    const first = ctx.papers.get('2607.10001');
    expect(first).toMatchObject({ id: '2607.10001' });
    expect(ctx.papers.get('2607.10700')).toBeUndefined(); // JSON.parse throws: the DOM fallback reads the cards
    expect(ctx.papers.get('2607.10001')).toBeUndefined();
    expect(ctx.papers.size).toBe(0);
  });

  it('a month of papers with an item naming two papers: JSON.parse\'s answer (the last one)', async () => {
    const other = (id: string) => `"paper":{"id":"${id}","title":"Another paper"},`;
    const { doc } = month((text) =>
      text
        // An item whose text begins with another paper than the one JSON.parse keeps.
        .replace('{"paper":{"id":"2607.10005",', `{${other('2607.99999')}"paper":{"id":"2607.10005",`)
        // An item that begins with its paper and names another last (its own kept under another key).
        .replace('{"paper":{"id":"2607.10006",', `{"paper":{"id":"2607.10006","x":1},${other('2607.99998')}"dup":{"id":"2607.10006",`),
    );
    const ctx = await sliced(doc, DAILY_URL);
    const whole = parsedWhole(doc);
    expect(whole('2607.10006')).toBeUndefined(); // JSON.parse keeps the item's last `paper`
    expect(ctx.papers.get('2607.10006')).toBeUndefined();
    expect(ctx.papers.get('2607.99998')).toEqual({ id: '2607.99998', title: 'Another paper' });
    for (const id of ['2607.10005', '2607.10004', '2607.11499']) expect(ctx.papers.get(id)).toEqual(whole(id));
  });

  it('a month of papers with its JSON cut short: no papers from it, as with JSON.parse (the DOM fallback reads the cards)', async () => {
    const { doc } = month((text) => text.slice(0, text.length - 5000));
    const ctx = await sliced(doc, DAILY_URL);
    expect(ctx.papers.size).toBe(0);
    expect(ctx).toEqual(huggingface.context(doc, new URL(DAILY_URL), NOW));
  });
});
