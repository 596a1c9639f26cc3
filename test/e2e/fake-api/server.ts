// A stand-in for api.github.com and huggingface.co/api on 127.0.0.1:443. The browsers resolve those two
// hosts to this machine (Chromium --host-resolver-rules, Firefox network.dns.localDomains) and accept its
// self-signed test certificate (cert.pem, test-only, for api.github.com and huggingface.co; both browsers take it for
// the other names too, as the automation asks them to: export.arxiv.org, which both reach in arxiv-versions.e2e.ts;
// doi.org, in save-link.e2e.ts; and PMLR's, NeurIPS's and CVF's paper pages, which the
// background fetches to read when a link to one is saved, in save-venue-link.e2e.ts). Needed because
// the extension's background fetches are not visible to page-level request interception in Firefox.
import { createServer, type Server } from 'node:https';
import type { ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';

export interface FakeRepo {
  stars: number;
  pushedAt: string;
  archived?: boolean;
}

export interface FakeApi {
  /** Every request, as `host path`. */
  readonly requests: string[];
  repos: Map<string, FakeRepo>;
  /** arXiv id -> githubRepo in Hugging Face's paper API. */
  hfRepos: Map<string, string>;
  /** Whole answers of Hugging Face's paper API by arXiv id (the "Save to reading list" link flow); before hfRepos. */
  hfPapers: Map<string, unknown>;
  /** doi.org's content negotiation: CSL-JSON by lowercased DOI (what Crossref answers after doi.org's redirect). */
  csl: Map<string, unknown>;
  /** arXiv API: the newest version of papers it holds, by arXiv id (any other id asked is left out of its answer). */
  arxivLatest: Map<string, { version: number; updated: string; comment?: string; doi?: string; journalRef?: string }>;
  /** Whole HTML pages by `host path` (a paper page the background reads to save a link to it). */
  pages: Map<string, string>;
  /** When set, GitHub answers 403 "API rate limit exceeded" with remaining 0 until this epoch second. */
  rateLimitedUntil: number | null;
  /** Requests (`host path`) answered only once their promise settles: a slow API. */
  holds: Map<string, Promise<unknown>>;
  close(): Promise<void>;
}

export const FAKE_HOSTS = ['api.github.com', 'huggingface.co', 'export.arxiv.org', 'doi.org', 'proceedings.mlr.press', 'proceedings.neurips.cc', 'openaccess.thecvf.com'];

export async function startFakeApi(): Promise<FakeApi> {
  const api: FakeApi = {
    requests: [],
    repos: new Map(),
    hfRepos: new Map(),
    hfPapers: new Map(),
    csl: new Map(),
    arxivLatest: new Map(),
    pages: new Map(),
    rateLimitedUntil: null,
    holds: new Map(),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const dir = 'test/e2e/fake-api';
  const server: Server = createServer({ key: readFileSync(`${dir}/key.pem`), cert: readFileSync(`${dir}/cert.pem`) }, (req, res) => {
    const host = req.headers.host ?? '';
    const path = req.url ?? '';
    api.requests.push(`${host} ${path}`);
    const held = api.holds.get(`${host} ${path}`);
    const reply = () => answer(res, host, path);
    if (held) void held.then(reply, reply);
    else reply();
  });
  function answer(res: ServerResponse, host: string, path: string): void {
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', 'access-control-allow-origin': '*', ...headers });
      res.end(JSON.stringify(body));
    };
    const repo = /^\/repos\/([^/]+\/[^/?]+)$/.exec(path);
    if (host === 'api.github.com' && repo) {
      if (api.rateLimitedUntil) {
        return json(403, { message: 'API rate limit exceeded for 127.0.0.1.' }, {
          'x-ratelimit-limit': '60', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(api.rateLimitedUntil),
        });
      }
      const name = decodeURIComponent(repo[1]!);
      const found = [...api.repos].find(([key]) => key.toLowerCase() === name.toLowerCase());
      if (!found) return json(404, { message: 'Not Found' });
      const [fullName, info] = found;
      return json(200, {
        full_name: fullName, html_url: `https://github.com/${fullName}`, stargazers_count: info.stars, forks_count: 3,
        pushed_at: info.pushedAt, archived: info.archived ?? false, disabled: false, fork: false, description: null, language: 'Python', license: null,
      }, { etag: `"${fullName}-${info.stars}"`, 'x-ratelimit-limit': '60', 'x-ratelimit-remaining': '50', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600) });
    }
    const paper = /^\/api\/papers\/([^/?]+)$/.exec(path);
    if (host === 'huggingface.co' && paper) {
      const whole = api.hfPapers.get(decodeURIComponent(paper[1]!));
      if (whole) return json(200, whole);
      const githubRepo = api.hfRepos.get(decodeURIComponent(paper[1]!));
      return githubRepo ? json(200, { id: paper[1], title: 'x', githubRepo: `https://github.com/${githubRepo}` }) : json(404, { error: 'Paper not found' });
    }
    if (host === 'export.arxiv.org' && path.startsWith('/api/query')) {
      // An entry for each id asked that `arxivLatest` holds (as arXiv gives it: the newest version's abs URL, the day it
      // was submitted); for ids it does not know, none.
      const ids = new URL(path, 'https://export.arxiv.org').searchParams.get('id_list')?.split(',') ?? [];
      const entries = ids.flatMap((id) => {
        const latest = api.arxivLatest.get(id);
        return latest ? [`<entry><id>http://arxiv.org/abs/${id}v${latest.version}</id><updated>${latest.updated}T10:00:00Z</updated><published>2026-01-05T10:00:00Z</published><title>Paper ${id}</title><summary>An abstract.</summary><author><name>A. Author</name></author>${[['comment', latest.comment], ['doi', latest.doi], ['journal_ref', latest.journalRef]].map(([name, value]) => (value ? `<arxiv:${name} xmlns:arxiv="http://arxiv.org/schemas/atom">${value}</arxiv:${name}>` : '')).join('')}</entry>`] : [];
      });
      res.writeHead(200, { 'content-type': 'application/atom+xml; charset=utf-8', 'access-control-allow-origin': '*' });
      res.end(`<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom" xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/"><title>arXiv Query</title><opensearch:totalResults>${entries.length}</opensearch:totalResults>${entries.join('')}</feed>`);
      return;
    }
    const page = api.pages.get(`${host} ${path}`);
    if (page !== undefined) {
      // No CORS header: the extension reads it only with the host permission the click asked for, as on the real site.
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(page);
      return;
    }
    if (host === 'doi.org') {
      const body = api.csl.get(decodeURIComponent(path.slice(1)).toLowerCase());
      return body ? json(200, body, { 'content-type': 'application/vnd.citationstyles.csl+json' }) : json(404, { error: 'DOI not found' });
    }
    json(404, { error: 'not served by the fake API' });
  }
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(443, '127.0.0.1', () => resolve());
  });
  return api;
}
