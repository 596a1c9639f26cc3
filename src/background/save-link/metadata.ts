// "Save to reading list" on a link: the paper's metadata from the APIs that know it. Never rejects for
// network or API trouble: the worst answer is a minimal paper (canonical id, a stand-in title, the link)
// with `complete: false`, which the caller can save at once and enrich later.
import * as v from 'valibot';
import { aclAnthologyIdFromDoi, aclAnthologyUrl, arxivAbsUrl, arxivIdFromDoi, arxivPdfUrl, doiAddress, idFromDoi, isAcmPseudoDoi, parseArxivId, parseDoi } from '../../core/ids';
import { emptyPaper, isPaperVersion, type Paper } from '../../core/paper';
import { venuePaperFromUrl } from '../../core/venues';
import { SITE_NAMES } from '../../sites/names';
import { pageSiteOf } from '../../sites/read-page';
import { PaperSchema } from '../messages';
import { fetchArxivPaper, fetchLatestVersions, type VersionsResult } from './arxiv-api';
import { doiHome, fetchDoiPaper } from './doi-api';
import { finish } from './finish';
import { fetchHfPaper } from './hf-paper';
import { get, type SourceDeps } from './http';
import { fetchOpenReviewPaper, OPENREVIEW_ORIGIN } from './openreview-api';
import { createSpacedQueue, realSleep } from './spaced-queue';
import type { LinkTarget } from './targets';

export type { LinkTarget };

export interface Resolved {
  paper: Paper;
  /** false: the minimal stand-in (every source failed, refused or did not know the paper). */
  complete: boolean;
}

export interface LinkResolverOptions {
  fetch: typeof fetch;
  now: () => number;
  /** Waits between arXiv requests; a fake in tests. */
  sleep?: (ms: number) => Promise<void>;
  /** Per request; default 20 s. */
  timeoutMs?: number;
  /** arXiv requests queued beyond this get the minimal paper at once; default 10 (half a minute of waiting). */
  maxArxivQueue?: number;
  /**
   * Reads a paper page's HTML with its site's adapter (readPaperPage) where a DOM parser is: Chrome's offscreen
   * document, Firefox's background page. Its answer crosses from another context and is checked. Without it, page
   * targets get the minimal paper and nothing is fetched.
   */
  readPage?: (html: string, url: string) => Promise<unknown>;
}

export interface LinkResolver {
  /** Rejects only for a target identifyLink could never produce (a malformed id). */
  resolve(target: LinkTarget): Promise<Resolved>;
  /** The newest arXiv version of each paper (ids without version, at most VERSIONS_BATCH), in the same spaced queue. */
  latestVersions(arxivIds: readonly string[]): Promise<VersionsResult>;
}

/** arXiv API terms of use: at most one request every three seconds. */
export const ARXIV_SPACING_MS = 3000;

/** The stand-in paper for a target: always valid, whatever the APIs did. */
export function minimalPaper(target: LinkTarget): Paper {
  const paper = minimalDraft(target);
  const checked = finish(paper);
  if (!checked) throw new TypeError(`Not a paper link target: ${JSON.stringify(target)}`);
  return checked;
}

function minimalDraft(target: LinkTarget): Paper {
  switch (target.kind) {
    case 'arxiv': {
      const id = parseArxivId(target.id)?.id ?? '';
      const source = { site: 'arxiv', page: 'link' };
      return { ...emptyPaper(`arxiv:${id}`, `arXiv:${id}`, source), url: arxivAbsUrl(id), pdfUrl: arxivPdfUrl(id), version: target.version ?? null };
    }
    case 'openreview': {
      const id = /^[\w-]{1,100}$/.test(target.id) ? target.id : '';
      const source = { site: 'openreview', page: 'link' };
      return {
        ...emptyPaper(`openreview:${id}`, `OpenReview paper ${id}`, source),
        url: `${OPENREVIEW_ORIGIN}/forum?id=${id}`,
        pdfUrl: `${OPENREVIEW_ORIGIN}/pdf?id=${id}`,
      };
    }
    case 'doi': {
      const doi = parseDoi(target.doi) ?? '';
      return { ...emptyPaper(idFromDoi(doi), `doi:${doi}`, { site: 'doi', page: 'link' }), url: doiAddress(doi), ...doiHome(doi) };
    }
    case 'page': {
      // Only the https paper page identifyLink gives: anything else has no id here, which finish refuses.
      const found = isPaperPage(target) ? venuePaperFromUrl(target.url) : null;
      const key = found?.site === target.site ? found.siteId : '';
      return { ...emptyPaper(key && `${target.site}:${key}`, `${SITE_NAMES[target.site]} paper ${key}`, { site: target.site, page: 'link' }), url: target.url };
    }
  }
}

function isPaperPage(target: Extract<LinkTarget, { kind: 'page' }>): boolean {
  try {
    const url = new URL(target.url);
    return url.protocol === 'https:' && url.href === target.url && pageSiteOf(url) === target.site;
  } catch {
    return false;
  }
}

export function createLinkResolver(options: LinkResolverOptions): LinkResolver {
  const deps: SourceDeps = { fetch: options.fetch, timeoutMs: options.timeoutMs ?? 20_000 };
  const arxivQueue = createSpacedQueue({
    now: options.now,
    sleep: options.sleep ?? realSleep,
    spacingMs: ARXIV_SPACING_MS,
    maxPending: options.maxArxivQueue ?? 10,
  });

  async function arxiv(id: string): Promise<Paper | null> {
    // Hugging Face pages exist for new-style ids only; old-style ones go straight to arXiv.
    if (/^\d{4}\./.test(id)) {
      const hf = await fetchHfPaper(deps, id);
      if (hf.status === 'found') return hf.paper;
      if (hf.status === 'limited') return null; // rate-limited: back off entirely; the stand-in can be enriched later
      // unknown, or Hugging Face down/garbled: arXiv is a separate service and may well know it
    }
    const answer = await fetchArxivPaper(deps, arxivQueue, id);
    return answer.status === 'found' ? answer.paper : null;
  }

  async function lookup(target: LinkTarget): Promise<Paper | null> {
    switch (target.kind) {
      case 'arxiv':
        return arxiv(target.id);
      case 'openreview': {
        const answer = await fetchOpenReviewPaper(deps, target.id);
        return answer.status === 'found' ? answer.paper : null;
      }
      case 'doi': {
        if (isAcmPseudoDoi(target.doi)) return null; // doi.org knows none: a request that can only fail
        const answer = await fetchDoiPaper(deps, target.doi);
        if (answer.status === 'found') return answer.paper;
        // An ACL DOI the anthology id promised (hasAclDoi: the ACL's venues 2017-2019 and since) that doi.org does not
        // know: not every volume of those years had its DOIs registered (workshops of other societies). The paper's
        // anthology page names it still. Its host is not asked for here (the click asked for the DOI resolvers): the page
        // is read where the reader granted that site, and a fetch the browser refuses is the stand-in, as before.
        const acl = aclAnthologyIdFromDoi(target.doi);
        return acl ? page({ kind: 'page', site: 'aclanthology', url: aclAnthologyUrl(acl) }) : null;
      }
      case 'page':
        return page(target);
    }
  }

  /** The page, fetched as any metadata is (anonymous, bounded), then read by its site's adapter. */
  async function page(target: Extract<LinkTarget, { kind: 'page' }>): Promise<Paper | null> {
    const readPage = options.readPage;
    if (!readPage) return null;
    const paperId = venuePaperFromUrl(target.url)?.siteId;
    const fetched = await get(target.url, {
      ...deps,
      accept: 'text/html,application/xhtml+xml;q=0.9',
      // Where the site moved the page: still that paper's page there (a redirect to another paper would be read as this one).
      allowedFinal: (url) => pageSiteOf(url) === target.site && venuePaperFromUrl(url.href)?.siteId === paperId,
    });
    if (fetched.kind !== 'ok') return null;
    const read = v.safeParse(PaperSchema, await readPage(fetched.text, target.url));
    return read.success ? read.output : null;
  }

  /**
   * Papers read lately, by target (an arXiv version apart), and reads under way: the popup's preview of a tab's paper
   * and the save that follows it, or a link saved twice, read once. A read that found nothing is forgotten when done,
   * so the next save tries again.
   */
  const recent = new Map<string, { at: number; read: Promise<Paper | null> }>();
  function remembered(target: LinkTarget): Promise<Paper | null> {
    const key = JSON.stringify(target.kind === 'arxiv' ? [target.kind, target.id] : target);
    const now = options.now();
    const kept = recent.get(key);
    if (kept && now - kept.at < RECENT_MS) return kept.read;
    const read = lookup(target);
    recent.delete(key);
    recent.set(key, { at: now, read });
    while (recent.size > RECENT_MAX) recent.delete(recent.keys().next().value!);
    const forget = () => recent.get(key)?.read === read && recent.delete(key);
    read.then((paper) => paper || forget(), forget);
    return read;
  }

  return {
    async resolve(input) {
      const target = normalise(input);
      const fallback = minimalPaper(target); // throws here, before any request, for a malformed target
      try {
        const paper = await remembered(target);
        // Each caller its own copy of a paper read once.
        return paper ? { paper: withLinkVersion(structuredClone(paper), target), complete: true } : { paper: fallback, complete: false };
      } catch {
        return { paper: fallback, complete: false }; // a bug below must not lose the user's click
      }
    },
    latestVersions: (arxivIds) => fetchLatestVersions(deps, arxivQueue, arxivIds),
  };
}

/** How long a paper read is reused, and how many are kept. */
export const RECENT_MS = 10 * 60_000;
const RECENT_MAX = 32;

/** A versioned link (`/pdf/<id>v2`) shows that version, whatever the latest the API knows: the reader saw that one. */
function withLinkVersion(paper: Paper, target: LinkTarget): Paper {
  return target.kind === 'arxiv' && target.version ? { ...paper, version: target.version } : paper;
}

/**
 * Versions moved out of the id (a version in the id wins over `version`), DOIs lower-cased, and arXiv's own DOI
 * (`10.48550/arXiv.<id>`) read as the arXiv paper.
 */
function normalise(target: LinkTarget): LinkTarget {
  if (target.kind === 'arxiv') {
    const parsed = parseArxivId(target.id);
    const version = parsed?.version ?? target.version ?? null;
    return { kind: 'arxiv', id: parsed?.id ?? target.id, version: version !== null && isPaperVersion(version, 'arxiv:') ? version : null };
  }
  if (target.kind !== 'doi') return target;
  const doi = parseDoi(target.doi) ?? target.doi;
  const viaDoi = arxivIdFromDoi(doi);
  return viaDoi ? { kind: 'arxiv', id: viaDoi.id } : { kind: 'doi', doi };
}
