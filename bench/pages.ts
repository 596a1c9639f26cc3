// Synthetic listing pages for the benchmark, built from the real markup in test/fixtures: the saved Hugging Face
// daily page (its 31 <article> cards, byte for byte, and their DailyPapers hydration JSON) and the arXiv /new page
// (its 9 dt+dd entries in three dl sections). Each template is repeated with a distinct, valid arXiv id and a
// distinct title, so every card is a different paper to the extension.
import { readFileSync } from 'node:fs';
import { fail } from './fail';

export type Site = 'huggingface' | 'arxiv';
export const SITES: readonly Site[] = ['huggingface', 'arxiv'];

/**
 * The site named on a bench tool's command line, or the tool's own when none is: any other name is a mistake to
 * report, since measuring another site than the one asked for would pass unnoticed.
 */
export function siteArg(arg: string | undefined, fallback: Site): Site {
  if (arg === undefined) return fallback;
  if (!(SITES as readonly string[]).includes(arg)) fail(`Unknown site "${arg}": the sites are ${SITES.join(', ')}`);
  return arg as Site;
}

export interface BenchPage {
  site: Site;
  cards: number;
  url: string;
  html: string;
  /** Canonical ids of the cards, in page order. */
  ids: string[];
}

/** The number of cards, for the in-page timing script (`<meta name="papershelf-bench-cards">`). */
export const CARDS_META = 'papershelf-bench-cards';
/** A selector for the page's cards, for the probe's on-screen milestone (`<meta name="papershelf-bench-card">`). */
export const CARD_META = 'papershelf-bench-card';

const HF_FIXTURE = 'test/fixtures/huggingface/daily-2026-07-02.html';
const HF_STAND_IN = 'test/fixtures/huggingface/stand-in.css';
const ARXIV_FIXTURE = 'test/fixtures/arxiv/new-cs-lg.html';

/** Distinct new-style ids (YYMM.NNNNN, valid from 1501): one month per site, so pages never share a paper. */
export function benchArxivId(site: Site, index: number): string {
  if (index < 0 || index > 89_999) throw new RangeError(`card index ${index} out of range`);
  return `${site === 'huggingface' ? '2606' : '2609'}.${String(10_000 + index)}`;
}

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s: string) => escapeText(s).replace(/"/g, '&quot;');
const unescapeAttr = (s: string) =>
  s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const splitJoin = (s: string, from: string, to: string) => s.split(from).join(to);

// ------------------------------------------------------------------------------------------ Hugging Face

interface HfTemplate {
  /** The page up to the DailyPapers data-props value, the value's JSON, the page from there to the first card. */
  head: string;
  props: Record<string, unknown> & { dailyPapers: Record<string, unknown>[] };
  between: string;
  cards: { id: string; title: string; html: string }[];
  /** Svelte's markers between two cards, as served. */
  separator: string;
  tail: string;
}

let hfTemplate: HfTemplate | null = null;

function hf(): HfTemplate {
  if (hfTemplate) return hfTemplate;
  const page = readFileSync(HF_FIXTURE, 'utf8');
  const propsAt = page.indexOf('data-target="DailyPapers" data-props="');
  if (propsAt < 0) throw new Error(`${HF_FIXTURE}: no DailyPapers data-props`);
  const valueStart = page.indexOf('data-props="', propsAt) + 'data-props="'.length;
  const valueEnd = page.indexOf('"', valueStart);
  const props = JSON.parse(unescapeAttr(page.slice(valueStart, valueEnd))) as HfTemplate['props'];
  const cardRe = /<article class[\s\S]*?<\/article>/g;
  const found = [...page.matchAll(cardRe)];
  if (found.length !== props.dailyPapers.length) throw new Error(`${HF_FIXTURE}: ${found.length} cards, ${props.dailyPapers.length} JSON items`);
  const cards = found.map((m, i) => {
    const id = /href="\/papers\/(\d{4}\.\d{4,5})"/.exec(m[0])?.[1];
    const item = props.dailyPapers[i] as { paper: { id: string; title: string } };
    if (!id || id !== item.paper.id) throw new Error(`${HF_FIXTURE}: card ${i} is ${id}, JSON item is ${item.paper.id}`);
    return { id, title: item.paper.title, html: m[0] };
  });
  const first = found[0]!.index!;
  const last = found.at(-1)!;
  hfTemplate = {
    head: page.slice(0, valueStart),
    props,
    between: page.slice(valueEnd, first),
    cards,
    separator: page.slice(first + found[0]![0].length, found[1]!.index!),
    tail: page.slice(last.index! + last[0].length),
  };
  return hfTemplate;
}

const variantTitle = (title: string, index: number) => `${title} (variant ${index + 1})`;

/** One Hugging Face card: template `index % 31` with this card's id and title. */
function hfCard(index: number): { html: string; item: Record<string, unknown>; id: string } {
  const t = hf();
  const template = t.cards[index % t.cards.length]!;
  const item = t.props.dailyPapers[index % t.cards.length]!;
  const id = benchArxivId('huggingface', index);
  const title = variantTitle(template.title, index);
  // The listing title is `h3 > a`; the rest of the card only repeats the id (links, thumbnail).
  let html = splitJoin(template.html, template.id, id);
  html = html.replace(/(<h3\b[^>]*>\s*<a\b[^>]*>)[\s\S]*?(<\/a>\s*<\/h3>)/, (_m, open: string, close: string) => `${open}${escapeText(title)}${close}`);
  const json = JSON.parse(splitJoin(JSON.stringify(item), template.id, id)) as { title?: string; paper: { title: string } };
  json.paper.title = title;
  if (typeof json.title === 'string') json.title = title;
  return { html, item: json as unknown as Record<string, unknown>, id };
}

/**
 * Cards the page would add later (infinite list): the HTML of `count` more cards from card `from` on. Their
 * JSON is not in the page's data-props (as after any in-page update), so the adapter reads them from the DOM.
 */
export function huggingfaceMoreCards(from: number, count: number): { html: string; ids: string[] } {
  const cards = Array.from({ length: count }, (_, i) => hfCard(from + i));
  return { html: cards.map((c) => c.html).join(hf().separator), ids: cards.map((c) => `arxiv:${c.id}`) };
}

/**
 * The real page's grid carries Tailwind's `*:[content-visibility:auto]`, so off-screen cards skip rendering
 * work. The stand-in stylesheet (test/fixtures/huggingface/stand-in.css) is a layout sketch for tests and has
 * no such rule; the benchmark adds this one, as huggingface.co's CSS defines it, so the page renders as it does.
 */
const HF_CONTENT_VISIBILITY = '.\\*\\:\\[content-visibility\\:auto\\] > * { content-visibility: auto; }';

export function huggingfacePage(cards: number): BenchPage {
  const t = hf();
  const built = Array.from({ length: cards }, (_, i) => hfCard(i));
  const props = { ...t.props, dailyPapers: built.map((c) => c.item) };
  const style = `<style>${readFileSync(HF_STAND_IN, 'utf8')}\n${HF_CONTENT_VISIBILITY}</style>`;
  const head = t.head.replace('</head>', `<meta name="${CARDS_META}" content="${cards}"><meta name="${CARD_META}" content="article">${style}</head>`);
  const html = head + escapeAttr(JSON.stringify(props)) + t.between + built.map((c) => c.html).join(t.separator) + t.tail;
  return {
    site: 'huggingface',
    cards,
    url: `https://huggingface.co/papers/date/2026-07-02?bench=${cards}`,
    html,
    ids: built.map((c) => `arxiv:${c.id}`),
  };
}

// ------------------------------------------------------------------------------------------------- arXiv

interface ArxivEntry {
  id: string;
  html: string;
}

interface ArxivTemplate {
  head: string;
  /** The three sections as in the fixture: heading text ("New submissions"...) and their dt+dd entries. */
  sections: { heading: string; entries: ArxivEntry[] }[];
  tail: string;
}

let arxivTemplate: ArxivTemplate | null = null;

function arxivT(): ArxivTemplate {
  if (arxivTemplate) return arxivTemplate;
  const page = readFileSync(ARXIV_FIXTURE, 'utf8');
  // At the start of a line: the fixture's header comment mentions `<dl id='articles'>` too.
  const dls = [...page.matchAll(/^<dl id='articles'>([\s\S]*?)^<\/dl>/gm)];
  if (dls.length !== 3) throw new Error(`${ARXIV_FIXTURE}: expected three <dl> sections, found ${dls.length}`);
  const sections = dls.map((dl) => {
    const heading = /<h3>(.*?) \(showing/.exec(dl[1]!)?.[1];
    if (!heading) throw new Error(`${ARXIV_FIXTURE}: section without heading`);
    const entries = [...dl[1]!.matchAll(/<dt>[\s\S]*?<\/dd>/g)].map((m) => {
      const id = /<a href ="\/abs\/([^"]+)" title="Abstract"/.exec(m[0])?.[1];
      if (!id) throw new Error(`${ARXIV_FIXTURE}: entry without an abstract link`);
      return { id, html: m[0] };
    });
    return { heading, entries };
  });
  const first = dls[0]!;
  const last = dls.at(-1)!;
  arxivTemplate = {
    head: page.slice(0, first.index!),
    sections,
    tail: page.slice(last.index! + last[0].length),
  };
  return arxivTemplate;
}

/** Entry `index` (1-based item number `index + 1`) of a section, from that section's templates. */
function arxivEntry(section: number, index: number, template: number): { html: string; id: string } {
  const t = arxivT();
  const entries = t.sections[section]!.entries;
  const entry = entries[template % entries.length]!;
  const id = benchArxivId('arxiv', index);
  let html = splitJoin(entry.html, entry.id, id);
  html = html.replace(/<a name='item\d+'>\[\d+\]<\/a>/, `<a name='item${index + 1}'>[${index + 1}]</a>`);
  // The title follows the "Title:" descriptor; TeX in it stays as written.
  html = html.replace(/(<div class='list-title mathjax'><span class='descriptor'>Title:<\/span>)([\s\S]*?)(<\/div>)/, (_m, open: string, title: string, close: string) =>
    `${open}\n          ${variantTitle(title.trim(), index)}\n        ${close}`,
  );
  return { html, id };
}

/** How N entries split over the three sections: the fixture's 4 : 2 : 3. */
function sectionSizes(cards: number): number[] {
  const fresh = Math.round((cards * 4) / 9);
  const cross = Math.round((cards * 2) / 9);
  return [fresh, cross, cards - fresh - cross];
}

export function arxivPage(cards: number): BenchPage {
  const t = arxivT();
  const ids: string[] = [];
  let index = 0;
  const dls = sectionSizes(cards).map((size, s) => {
    const entries: string[] = [];
    for (let k = 0; k < size; k++, index++) {
      const entry = arxivEntry(s, index, k);
      entries.push(entry.html);
      ids.push(`arxiv:${entry.id}`);
    }
    return `<dl id='articles'>\n    <h3>${t.sections[s]!.heading} (showing ${size} of ${size} entries)</h3>\n\n    ${entries.join('\n\n    ')}\n</dl>`;
  });
  const head = t.head
    .replace('</head>', `<meta name="${CARDS_META}" content="${cards}"><meta name="${CARD_META}" content="dl > dt">`+'</head>')
    .replace(/Total of \d+ entries/g, `Total of ${cards} entries`);
  const tail = t.tail.replace(/Total of \d+ entries/g, `Total of ${cards} entries`);
  return {
    site: 'arxiv',
    cards,
    url: `https://arxiv.org/list/cs.LG/new?skip=0&show=${cards}`,
    html: head + dls.join('\n\n') + tail,
    ids,
  };
}

/** More /new entries, as a script would add them to the first section (new submissions). */
export function arxivMoreEntries(from: number, count: number): { html: string; ids: string[] } {
  const entries = Array.from({ length: count }, (_, i) => arxivEntry(0, from + i, from + i));
  return { html: entries.map((e) => e.html).join('\n\n    '), ids: entries.map((e) => `arxiv:${e.id}`) };
}

export function benchPage(site: Site, cards: number): BenchPage {
  return site === 'huggingface' ? huggingfacePage(cards) : arxivPage(cards);
}

export interface MoreCards {
  html: string;
  ids: string[];
  /** Where the page puts them: `insertAdjacentHTML(position, html)` on the first element matching `target`. */
  target: string;
  position: 'afterend' | 'beforeend';
}

/** `count` more cards from card `from` on, as an infinite list adds them (after the last HF card; into arXiv's first dl). */
export function moreCards(site: Site, from: number, count: number): MoreCards {
  return site === 'huggingface'
    ? { ...huggingfaceMoreCards(from, count), target: 'article:last-of-type', position: 'afterend' }
    : { ...arxivMoreEntries(from, count), target: 'dl', position: 'beforeend' };
}
