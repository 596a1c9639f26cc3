// The content script's start: runs the given site adapters on this page and keeps their overlays in step
// with the reading list. Each site has its own small entry (./entries/<site>.ts) so a page loads only the
// adapter it needs. Talks to the background only through the typed protocol.
import type { SiteAdapter } from '../sites/types';
import { runtime, send as sendAny } from '../background/client';
import { BATCH_MAX, noticeOf, RELEVANCE_ABSTRACT_MAX, type ContentScriptRequest, type PageResponses, type RequestOf } from '../background/messages';
import { arxivIdOf } from '../core/ids';
import { Annotator } from './annotator';
import { setPoliteWhile, yieldToPage } from './annotator/schedule';
import { batched } from './batched';
import { createTagger } from './tagger';
import { PAPER_LIMITS, type Paper } from '../core/paper';

/** When this script last sent the background a message (performance.now()). */
let lastSent = -Infinity;

/**
 * Only what the background takes from a web page's content script (CONTENT_SCRIPT_REQUESTS): checked as it compiles;
 * answered as the background answers pages (PageResponses: a write gives the paper's state, not its record).
 */
const send = <N extends ContentScriptRequest>(type: N, payload: RequestOf<N>) => {
  lastSent = performance.now();
  return sendAny(type, payload) as Promise<PageResponses[N]>;
};

/**
 * How long after this script's last message a wake-up is sent: Chrome stops an extension's service worker 30 s after
 * its last event, and Firefox its background page as long after, so one that got a message from here since is up for
 * the click that may follow. Other tabs' messages keep it up too, which this script cannot know: then a wake-up is
 * one small message more.
 */
export const WAKE_AFTER_MS = 20_000;

/**
 * Wake the background as the reader reaches for a card's Save (overlay/save-control.ts): a first save after a while
 * without messages found it stopped and waited for it to start (Chromium here: acknowledged in 54-95 ms, against 14-25
 * when the same save came 100-150 ms after a message had started it). At most once per WAKE_AFTER_MS of silence.
 */
export function wakeBackground(now: number = performance.now()): void {
  if (now - lastSent < WAKE_AFTER_MS) return;
  send('wake', {}).catch(() => undefined); // nobody waits for it: the save says what went wrong, if anything does
}

/** A page's settings when the background cannot say: no rules, no watched topics or followed authors, no relevance. */
const NO_SETTINGS = { watchedTopics: [], followedAuthors: [], tagRules: [], relevance: false };

export function startContentScript(adapters: readonly SiteAdapter<any>[]): void {
  // The page settings, asked once before the first annotation and again on each settings notice. Answers count in the
  // order asked: one that comes after a newer one is dropped (null), so a late answer never undoes a change.
  let asked = 0;
  let applied = 0;
  const askSettings = async () => {
    const mine = ++asked;
    const settings = await send('tagSettings', {});
    if (mine < applied) return null;
    applied = mine;
    return settings;
  };
  const onError = (error: unknown) => {
    // After an extension update this script is orphaned: go quiet instead of failing on every mutation.
    if (/context invalidated/i.test(String((error as Error)?.message))) annotator.stop();
    else console.warn('Papershelf:', error);
  };
  const paperRepos = batched((arxivIds: string[]) => send('paperRepos', { arxivIds }), BATCH_MAX);
  // The topics of the overlays built in one slice: one message, title and abstract only (see background/topics.ts).
  const topics = batched(
    (papers: Paper[]) => send('topics', { papers: papers.map((p) => ({ title: p.title.slice(0, PAPER_LIMITS.title), abstract: p.abstract?.slice(0, RELEVANCE_ABSTRACT_MAX) ?? null })) }),
    BATCH_MAX,
  );
  const repos = batched((names: string[]) => send('repos', { names }), BATCH_MAX);
  const spareRepos = batched((names: string[]) => send('repos', { names, spare: true }), BATCH_MAX);
  const annotator = new Annotator({
    doc: document,
    adapterFor: (url) => adapters.find((adapter) => adapter.pageKind(url) !== null) ?? null,
    port: {
      // The other ids only where a card has any: a listing named by ids alone sends nothing more.
      lookup: (ids, aliases) => send('lookup', aliases ? { ids, aliases } : { ids }),
      save: async (paper, savedFrom) => {
        const saved = await send('save', { paper, savedFrom });
        return { id: saved.id, status: saved.status, tags: saved.tags };
      },
      remove: async (id) => void (await send('remove', { id })),
      setStatus: async (id, status) => {
        const saved = await send('edit', { id, edit: { status } });
        return saved && { id: saved.id, status: saved.status, tags: saved.tags };
      },
      // The badges of the overlays built in one slice: one message for all (see batched); those showing the page's
      // stars in another, which GitHub is asked for only while its quota is not running low.
      repo: (name, spare) => (spare ? spareRepos : repos)(name),
      moreRepos: async (paper) => {
        // Hugging Face's own data already says whether a paper has code; elsewhere, ask its paper API. A Hugging Face
        // card read from its markup (a listing re-rendered in the page) shows the stars but links them to the paper
        // page, not the repository: that one is asked too.
        const arxivId = arxivIdOf(paper.id);
        const named = paper.source.site === 'huggingface' && paper.githubStars === null;
        return arxivId && !named ? paperRepos(arxivId) : [];
      },
      relevance: (cards, context) => send('relevance', { cards, context }),
      topics,
      wake: () => wakeBackground(),
    },
    // Page settings before the first annotation (one round trip), so every card gets its rule chips when built and
    // relevance is only asked for when the user has it on; a page no adapter handles (a Hugging Face profile
    // without papers, say) never asks.
    prepare: async () => {
      const settings = await askSettings().catch(() => (applied ? null : NO_SETTINGS));
      if (!settings) return; // a settings notice's newer answer came first, and is applied
      annotator.setTagger(createTagger(settings));
      annotator.setRelevance(settings.relevance);
    },
    onError,
  });

  // The user changed the settings (options page): asked again, and what the page shows follows (no reload). Only on a
  // page that asked for them in the first place.
  const followSettings = () =>
    askSettings().then((settings) => settings && annotator.updateSettings(createTagger(settings), settings.relevance)).catch(onError);

  // Nothing is answered but the save shortcut: whether a card took it (none here, or none under the pointer or alone on
  // the page yet, the background saves the paper the page's address names, if it names one). The rest the background
  // only tells (a change, a reload, new settings).
  runtime().onMessage.addListener((message: unknown, _sender, respond) => {
    const notice = noticeOf(message);
    if (notice?.type === 'changed') annotator.applyChange(notice.id, notice.state, notice.aliases);
    // A worker stopped between a write and its notice: the saved states, and the settings (a change's notice may be the
    // one lost), are read again.
    else if (notice?.type === 'reload') void (annotator.refresh(), annotator.isPrepared() && followSettings());
    else if (notice?.type === 'settings') void (annotator.isPrepared() && followSettings());
    else if ((message as { type?: unknown })?.type === 'save-shortcut') {
      annotator.toggleActive().then(
        (id) => respond(id !== null),
        () => respond(true), // a card took it, and says what went wrong
      );
      return true;
    }
    return undefined;
  });

  // A page restored from the back/forward cache was frozen while the reader went on (to a paper's own page, where
  // they saved it, say): the change notices of that time never reached it, so every card's saved state is read again,
  // and the settings (a settings notice of that time, a tag rule saved or relevance turned off, was lost as well).
  addEventListener('pageshow', (event) => {
    if (event.persisted) void (annotator.refresh(), annotator.isPrepared() && followSettings());
  });

  // The Navigation API sees the page's own pushState navigations (the isolated world cannot patch them);
  // elsewhere the annotator checks the URL after each click, on popstate, on the page's next DOM change and when
  // the reader saves (whose record takes the page kind of the URL then: see Annotator.savedHere).
  (globalThis as { navigation?: EventTarget }).navigation?.addEventListener('navigatesuccess', () => void annotator.checkUrl());

  // The manifest injects this script at document_start: Chrome holds a page's load event for a document_idle content
  // script, even an empty one (on a 1,000-card arXiv listing, DOMContentLoaded → load took 161 ms with an empty
  // document_idle script against 27 ms without; at document_start, no hold). So the settings are asked for and the
  // taxonomy compiled while the page is parsed, and the cards are read once it is, all politely while it loads (see
  // loadingPhase): in idle time, the first slice included.
  const loading = loadingPhase(document);
  setPoliteWhile(loading.polite);
  annotator.prime();
  whenParsed(document, () => {
    loading.parsed();
    annotator.askFirstStates();
    void yieldToPage().then(() => annotator.start());
  });
}

/**
 * How long after DOMContentLoaded our slices stay polite if the page has not loaded by then (images still coming on a
 * slow network): the reader waits at most about this long for the annotations, the page never for us.
 */
export const LOAD_WAIT_MS = 1000;

/**
 * Whether the page is still loading, for our slices to be polite (setPoliteWhile): until its load event, and at most
 * LOAD_WAIT_MS after `parsed()` (DOMContentLoaded). Our first pass is 200-400 ms of the main thread on a 1,000-card
 * page. Run in slices that keep their place (scheduler.yield) while Hugging Face's page still issued its image
 * requests, it held the load event back by as much: load 3,442 ms against 3,111 for the page alone. Started at the
 * load event instead, the annotations came later (every card 1.25× the page's settle). Run in the page's idle time
 * until it has loaded, side by side with the latter, 11 loads each: load 2,621 against 2,714 ms (the page alone
 * 2,539), every card 1.15× against 1.20×, the cards on screen 1.09× against 1.14×; arXiv, which loads as soon as it is
 * parsed, 1.37× against 1.38×.
 */
export function loadingPhase(doc: Document, waitMs = LOAD_WAIT_MS, clock: () => number = () => performance.now()): { polite: () => boolean; parsed: () => void } {
  let parsedAt: number | null = null;
  return {
    polite: () => doc.readyState !== 'complete' && (parsedAt === null || clock() - parsedAt < waitMs),
    parsed: () => void (parsedAt ??= clock()),
  };
}

/** Runs `then` once the document is parsed: at once if it is, else on DOMContentLoaded. */
export function whenParsed(doc: Document, then: () => void): void {
  if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', then, { once: true });
  else then();
}
