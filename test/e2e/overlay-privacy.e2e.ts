// The page cannot read the reader's list from the size of our overlays, in both browsers. A page script sees each
// host's box (getBoundingClientRect, offset*, client*, scroll*: what a ResizeObserver reports too), its card's
// height, and hit testing (elementFromPoint retargets our closed root's content to the host). All of it must be the
// same whether the paper is saved or not, with a status or none, with a dozen tags of the reader's or none, with
// tag rules, watched topics and followed authors or none, marked relevant or not, in light or dark. So must the page-level relevance
// control's box and hit testing, whether any card is relevant or none.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { bothBrowsers, putRecords, removeElsewhere, saveElsewhere, shownControls, until, type Harness, type Tab } from './browsers';
import { DAILY_URL, NEW_URL, PAGES, routes } from './pages';
import { emptyPaper } from '../../src/core/paper';
import { huggingface } from '../../src/sites/huggingface';
import { TOPICS } from '../../src/core/tags/taxonomy';
import type { SavedPaper } from '../../src/storage/schema';
import { PALETTE } from '../../src/content/overlay/host';

// Hugging Face: a paper, and the one relevance.e2e.ts saves (others on the page are like it).
const hfPapers = (() => {
  const doc = new JSDOM(PAGES[DAILY_URL]!, { url: DAILY_URL }).window.document;
  const ctx = huggingface.context(doc, new URL(DAILY_URL), new Date('2026-07-02T12:00:00Z'));
  return huggingface.findCards(doc, ctx).map((card) => huggingface.extract(card, ctx)!);
})();
const HF_SAVED = [hfPapers[0]!.id, hfPapers.find((p) => p.title.startsWith('Perceive-to-Reason'))!.id];
const ARXIV_SAVED = ['arxiv:2609.10658', 'arxiv:2609.10723'];

// Twelve tags of the reader's, long and short.
const TAGS = ['my very long tag about the scaling laws', 'for the second chapter of the thesis', 'reading group on mixture of experts', 'x', 'a', 'rl', 'to-cite', 'b', 'follow up', 'ask-alice', 'q', 'maybe'];

const record = (id: string, url: string, i: number): SavedPaper => ({
  id,
  // On Hugging Face the page's own paper, so that the cards like it are marked relevant.
  paper: hfPapers.find((p) => p.id === id) ?? emptyPaper(id, `Saved paper ${i}`, { site: 'arxiv', page: 'listing' }),
  status: i === 0 ? 'reading' : 'done',
  tags: i === 0 ? TAGS : [],
  note: 'a private note',
  savedFrom: url,
  savedAt: 1_780_000_000_000 + i,
  updatedAt: 1_780_000_000_000 + i,
});

/**
 * What a page script can measure of every overlay host, keyed by position and paper: the host's box and scroll
 * sizes, its offset in its parent and its parent's height, and a grid of hit tests over the host and around it
 * ('H': the host, '.': anything else). Each host is scrolled to the middle of the viewport first (hit tests see only
 * the viewport).
 */
const MEASURE = `(() => {
  const out = {};
  const hosts = [...document.querySelectorAll('papershelf-overlay')];
  hosts.forEach((host, i) => {
    host.scrollIntoView({ block: 'center' });
    const r = host.getBoundingClientRect();
    const parent = host.parentElement.getBoundingClientRect();
    const round = (n) => Math.round(n * 100) / 100;
    let grid = '';
    for (let row = 0; row < 7; row++) {
      const y = r.top - 10 + ((row + 0.5) * (r.height + 20)) / 7;
      for (let col = 0; col < 24; col++) {
        const x = r.left - 10 + ((col + 0.5) * (r.width + 20)) / 24;
        grid += document.elementFromPoint(x, y) === host ? 'H' : '.';
      }
      grid += '|';
    }
    out[i + ' ' + host.getAttribute('data-papershelf-id')] = {
      width: round(r.width), height: round(r.height), left: round(r.left - parent.left), top: round(r.top - parent.top),
      parentHeight: round(parent.height), offset: [host.offsetWidth, host.offsetHeight], client: [host.clientWidth, host.clientHeight],
      scroll: [host.scrollWidth, host.scrollHeight], grid,
    };
  });
  window.scrollTo(0, 0);
  // The page-level relevance control, fixed at the bottom right: drawn or not, and its size, whatever the cards.
  const control = document.querySelector('papershelf-controls');
  if (control) {
    const r = control.getBoundingClientRect();
    let grid = '';
    for (let row = 0; row < 6; row++) {
      const y = r.top - 10 + ((row + 0.5) * (r.height + 20)) / 6;
      for (let col = 0; col < 30; col++) {
        const x = r.left - 10 + ((col + 0.5) * (r.width + 20)) / 30;
        grid += document.elementFromPoint(x, y) === control ? 'H' : '.';
      }
      grid += '|';
    }
    const round = (n) => Math.round(n * 100) / 100;
    out.control = { box: [r.left, r.top, r.width, r.height].map(round), offset: [control.offsetWidth, control.offsetHeight],
      scroll: [control.scrollWidth, control.scrollHeight], grid };
  }
  return JSON.stringify(out);
})()`;

type Measured = Record<string, Record<string, unknown>>;
const measure = async (tab: Tab): Promise<Measured> => JSON.parse(await tab.run<string>(MEASURE));

async function settled(tab: Tab, count: number) {
  return until(async () => {
    const found = await tab.overlays();
    return found.length === count && found.every((o) => o.pressed !== null && o.built) && found;
  }, `${count} built overlays`, 15_000);
}

/** Only the hosts whose measures differ from the first state's, with both. */
function differences(before: Measured, after: Measured) {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys]
    .filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]))
    .map((key) => ({ key, before: before[key], after: after[key] }));
}

const PAGES_UNDER_TEST = [
  { site: 'Hugging Face', url: DAILY_URL, saved: HF_SAVED, count: hfPapers.length, dark: true },
  { site: 'arXiv', url: NEW_URL, saved: ARXIV_SAVED, count: 9, dark: false },
] as const;

/**
 * The daily page with a script of its own that defines our hosts' tags as its custom elements before we make any, and
 * keeps each one's ElementInternals: a root attached to a custom element is its internals' (`shadowRoot`), closed or not.
 */
const DEFINING_URL = 'https://huggingface.co/papers/date/2026-07-03';
const DEFINING_PAGE = PAGES[DAILY_URL]!.replace('</head>', `<script>
  window.internals = [];
  for (const tag of ['papershelf-overlay', 'papershelf-controls']) {
    customElements.define(tag, class extends HTMLElement {
      constructor() { super(); window.internals.push(this.attachInternals()); }
    });
  }
</script></head>`);

/**
 * The daily page registering every custom property our overlays' styles declare (host.ts PALETTE, the row's own) as
 * not inherited, its initial value an address on the page's own site: what an overlay's style reads of one then loads
 * it, and the page's server, or its Resource Timing, learns what was drawn.
 */
const REGISTERING_URL = 'https://huggingface.co/papers/date/2026-07-04';
const REGISTERED = [...new Set([...Object.keys(PALETTE.light), ...Object.keys(PALETTE.dark), 'row-bg', 'more'])];
/** Family names a page may give fonts of its own (ours, once: `-apple-system`), for Chinese (none in the page's own text). */
const FACES = ['-apple-system', 'BlinkMacSystemFont', 'Segoe UI', 'DejaVu Sans', 'Arial', 'Noto Sans CJK SC'];
const REGISTERING_PAGE = PAGES[DAILY_URL]!.replace('</head>', `<style>${REGISTERED.map((name) =>
  `@property --${name} { syntax: '*'; inherits: false; initial-value: url(https://huggingface.co/probe/${name}.png); }`).join('\n')}</style>
<script>
  window.faces = ${JSON.stringify(FACES)}.map((family) => {
    const face = new FontFace(family, 'url(https://huggingface.co/probe/' + encodeURIComponent(family) + '.woff2)', { unicodeRange: 'U+4E00-9FFF' });
    document.fonts.add(face);
    return face;
  });
</script></head>`);
/** The probe addresses the browsers asked for. */
const probed: string[] = [];

const privacyRoutes = (url: string) => {
  if (url.startsWith('https://huggingface.co/probe/')) return void probed.push(url);
  if (url === DEFINING_URL) return { body: DEFINING_PAGE };
  return url === REGISTERING_URL ? { body: REGISTERING_PAGE } : routes(url);
};

describe.each(bothBrowsers(privacyRoutes))('%s: the page learns nothing from the size of an overlay', (_name, launch) => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await launch();
  });
  afterAll(() => harness?.close());

  it.each(PAGES_UNDER_TEST)('$site: saved or not, tags, rules, watched topics, followed authors, relevance and theme leave every host the same', async ({ url, saved, count, dark }) => {
    await saveElsewhere(harness); // relevance is asked for only with a list to be like
    const tab = await harness.newTab();
    await tab.resize(1024, 800);
    await tab.goto(url);
    await settled(tab, count);
    // The relevance control comes once the page's cards are scored (none is relevant yet: none is like that paper).
    await until(() => tab.run<boolean>(`document.querySelector('papershelf-controls') !== null`), 'the relevance control', 15_000);
    if (url === DAILY_URL) expect((await shownControls(tab))[0]).toMatchObject({ label: 'Next relevant (0)', disabled: 'true' });
    const before = await measure(tab);
    expect(Object.keys(before).length).toBe(count + 1);
    expect((before.control!.grid as string).match(/H/g)?.length ?? 0, 'the control is drawn').toBeGreaterThan(30);
    // Across cards too: with a GitHub badge or none, more tags or fewer, every host is as high and scrolls no further
    // than its box (where they differ in width, it is the page's columns or line).
    const across = (m: Record<string, unknown>) => JSON.stringify([m.height, m.client, m.scroll, m.offset]);
    const hosts = Object.entries(before).filter(([key]) => key !== 'control').map(([, m]) => m);
    const widths = new Set(hosts.map((m) => m.width));
    expect(new Set(hosts.map(across)).size).toBeLessThanOrEqual(widths.size);
    for (const m of hosts) expect([m.scroll, m.client]).toEqual([m.client, m.offset]);

    // The reader's list, tags, status and settings change under the open page (as from another tab).
    const library = await harness.openExtensionPage('src/library/index.html', '.library');
    expect((await putRecords(library, saved.map((id, i) => record(id, url, i)))).ok).toBe(true);
    await removeElsewhere(library); // so the cards like the saved ones clear the threshold (browsers.ts)
    const patch = {
      relevance: { enabled: true },
      watchedTopics: TOPICS.slice(0, 8).map((t) => t.id),
      // Every Hugging Face card's first author, and family names alone that many arXiv cards have.
      followedAuthors: [...hfPapers.flatMap((p) => p.authors.slice(0, 1)), 'Wang', 'Zhang', 'Li', 'Chen', 'Liu'],
      tagRules: [{ tag: 'a-rule-tag-of-the-readers-own', match: 'a', fields: 'both' }],
    };
    // As the options page saves them (the background's setSettings: only extension pages may send it).
    expect(await library.run(`(globalThis.browser ?? globalThis.chrome).runtime.sendMessage({ type: 'setSettings', payload: { patch: ${JSON.stringify(patch)} } })`)).toMatchObject({ ok: true });
    await library.close();
    await until(async () => {
      const found = await tab.overlays();
      return saved.every((id) => found.find((o) => o.id === id)?.pressed === 'true') &&
        found.some((o) => o.chips.includes('a-rule-tag-of-the-readers-own')) &&
        found.some((o) => o.chips.some((chip) => patch.followedAuthors.includes(chip))) && found;
    }, 'the saved states, the rule and a followed author shown', 15_000);
    expect(differences(before, await measure(tab))).toEqual([]);

    // Reloaded: relevance marks (on Hugging Face, cards like the saved one), watched topics from the start.
    await tab.reload();
    await settled(tab, count);
    await until(() => tab.run<boolean>(`document.querySelector('papershelf-controls') !== null`), 'the relevance control', 15_000);
    if (url === DAILY_URL) {
      await until(async () => (await tab.overlays()).some((o) => o.relevance !== null), 'a relevance mark', 15_000);
      // The control counts them (its size does not: below).
      await until(async () => (await shownControls(tab))[0]?.label.match(/^Next relevant \([1-9]/), 'the control counting the marks', 15_000);
    }
    expect(differences(before, await measure(tab))).toEqual([]);

    if (dark) {
      await tab.run(`document.documentElement.classList.add('dark')`);
      await new Promise((r) => setTimeout(r, 500));
      expect(differences(before, await measure(tab))).toEqual([]);
    }

    // The reader opens the row of the card with a dozen tags ("+N", a real click): its host grows to show all of them,
    // as the reader chose; closed again (Enter: the focus stayed on the button), it is as it was.
    const host = `document.querySelector('papershelf-overlay[data-papershelf-id="${saved[0]}"]')`;
    const box = await tab.run<{ x: number; y: number; height: number }>(`(() => { const h = ${host}; h.scrollIntoView({ block: 'center' });
      const r = h.getBoundingClientRect(); return { x: r.right - 8, y: r.top + r.height / 2, height: r.height }; })()`);
    await tab.toFront();
    await tab.clickAt(box.x, box.y);
    await until(async () => ((await tab.overlaysAsIs()).find((o) => o.id === saved[0])?.chips.length ?? 0) > TAGS.length, 'every tag shown');
    expect(await tab.run<number>(`${host}.getBoundingClientRect().height`)).toBeGreaterThan(box.height + 10);
    await tab.press('Enter');
    await until(async () => ((await tab.overlaysAsIs()).find((o) => o.id === saved[0])?.chips.length ?? 99) <= 3, 'the row closed');
    expect(differences(before, await measure(tab))).toEqual([]);

    // The page's own style cannot undo the containment so that the content sizes the host.
    await tab.run(`document.head.append(Object.assign(document.createElement('style'), { textContent:
      'papershelf-overlay { contain: none !important; display: inline-block !important; height: auto !important; width: auto !important; margin: 0 !important }' +
      'papershelf-controls { contain: none !important; display: inline !important; position: static !important; width: auto !important; font-size: 40px !important }' }))`);
    await tab.run(`document.querySelectorAll('papershelf-overlay').forEach((h) => h.style.setProperty('height', 'auto', 'important'))`);
    await new Promise((r) => setTimeout(r, 200));
    expect(differences(before, await measure(tab))).toEqual([]);
    await tab.close();
  });

  it("nor from its own custom elements of our hosts' names: their internals never hold our roots", async () => {
    const library = await harness.openExtensionPage('src/library/index.html', '.library');
    expect((await putRecords(library, [record(HF_SAVED[0]!, DAILY_URL, 0)])).ok).toBe(true);
    await library.close();
    await saveElsewhere(harness); // the relevance control too
    const tab = await harness.newTab();
    await tab.goto(DEFINING_URL);
    await until(async () => (await tab.overlays()).find((o) => o.id === HF_SAVED[0])?.pressed === 'true', 'the saved card shown saved', 15_000);
    await until(() => tab.run<boolean>(`document.querySelector('papershelf-controls') !== null`), 'the relevance control', 15_000);
    // The page's classes ran on our hosts (so the test is not passing for want of them): every card's overlay and the
    // control. A card's overlay is mounted when its block of cards nears the viewport, so the reader scrolls through
    // the page first: without it, whether the cards below the first screen were near depended on how far the page was
    // laid out when the visibility observer first looked (in Firefox, a third of the loads mounted only the first
    // block, 8 of 31 cards, as designed, and waited for a scroll that never came)…
    await tab.scrollThrough();
    const made = () => tab.run<{ hosts: number; overlays: number; visibility: string; focus: boolean }>(`({ hosts: window.internals.length,
      overlays: document.querySelectorAll('papershelf-overlay').length, visibility: document.visibilityState, focus: document.hasFocus() })`);
    await until(async () => (await made()).hosts > hfPapers.length, async () => `every host made (${hfPapers.length} cards and the control; at the end ${JSON.stringify(await made())})`, 15_000);
    // …and none of them can reach inside.
    expect(await tab.run<number>(`window.internals.filter((i) => i.shadowRoot !== null).length`)).toBe(0);
    await tab.close();
  });

  it("nor from what our styles load: neither a custom property of ours the page registers nor a font of its own is ever used", async () => {
    const library = await harness.openExtensionPage('src/library/index.html', '.library');
    // A tag in Chinese, which this machine's system font (DejaVu Sans) has no glyph for, alone on a paper the test above
    // did not save (so it is the row's first chip).
    const tagged = hfPapers.find((paper) => !HF_SAVED.includes(paper.id))!.id;
    expect((await putRecords(library, [{ ...record(tagged, DAILY_URL, 0), tags: ['注意'] }])).ok).toBe(true);
    // No watched topics or followed authors (the test above set them): their chips would come before the tag's.
    const patch = { watchedTopics: [], followedAuthors: [], tagRules: [] };
    expect(await library.run(`(globalThis.browser ?? globalThis.chrome).runtime.sendMessage({ type: 'setSettings', payload: { patch: ${JSON.stringify(patch)} } })`)).toMatchObject({ ok: true });
    await library.close();
    await saveElsewhere(harness); // the relevance control too
    probed.length = 0;
    const tab = await harness.newTab();
    await tab.goto(REGISTERING_URL);
    await until(async () => (await tab.overlays()).find((o) => o.id === tagged)?.chips.includes('注意'), 'the saved card shown with its tag', 15_000);
    await until(() => tab.run<boolean>(`document.querySelector('papershelf-controls') !== null`), 'the relevance control', 15_000);
    await new Promise((r) => setTimeout(r, 500)); // a load the drawing started
    expect(probed).toEqual([]);
    // No font of the page's was used for our text (its status would leave "unloaded"), whatever it is called.
    expect(await tab.run<string[]>(`window.faces.map((face) => face.status)`)).toEqual(FACES.map(() => 'unloaded'));
    await tab.close();
  });
});
