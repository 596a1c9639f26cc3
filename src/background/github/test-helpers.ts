// Test doubles for the GitHub and Hugging Face clients: a scripted, recording fetch; a clock; response bodies.
import { IDBFactory } from 'fake-indexeddb';
import { openDatabase } from '../../storage/reading-list';
import { databaseCache } from './cache';

export interface Call {
  url: string;
  headers: Headers;
  init: RequestInit;
}

/** A fetch that records each call and answers with `script` (which may throw, or hold its promise open). */
export function fakeFetch(script: (url: string, call: Call) => Response | Promise<Response>) {
  const calls: Call[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const call = { url: String(input), headers: new Headers(init.headers), init };
    calls.push(call);
    maxInFlight = Math.max(maxInFlight, ++inFlight);
    try {
      return await script(call.url, call);
    } finally {
      inFlight--;
    }
  }) as typeof globalThis.fetch;
  return {
    fetch,
    calls,
    get maxInFlight() {
      return maxInFlight;
    },
  };
}

/** A JSON response; `url` mimics where fetch ended up after following redirects. */
export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}, url?: string): Response {
  const response = new Response(typeof body === 'string' ? body : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });
  if (url) Object.defineProperty(response, 'url', { value: url });
  return response;
}

export function notModified(headers: Record<string, string> = {}): Response {
  return new Response(null, { status: 304, headers });
}

/** A trimmed but real-shaped `GET /repos/{owner}/{repo}` body (extra fields included, as GitHub sends them). */
export function githubRepoBody(fullName: string, overrides: Record<string, unknown> = {}) {
  const [owner = 'owner'] = fullName.split('/');
  return {
    id: 123456789,
    node_id: 'R_kgDOHdZ1_A',
    name: fullName.split('/')[1],
    full_name: fullName,
    private: false,
    owner: { login: owner, id: 4242, type: 'Organization' },
    html_url: `https://github.com/${fullName}`,
    description: 'Official implementation of the paper.',
    fork: false,
    homepage: '',
    stargazers_count: 1234,
    watchers_count: 1234,
    forks_count: 56,
    language: 'Python',
    archived: false,
    disabled: false,
    license: { key: 'mit', name: 'MIT License', spdx_id: 'MIT' },
    default_branch: 'main',
    created_at: '2024-01-10T08:00:00Z',
    updated_at: '2026-06-30T12:00:00Z',
    pushed_at: '2026-06-29T17:45:12Z',
    ...overrides,
  };
}

/** A response that never comes, as a stalled connection's: only the request's abort signal ends it, as it ends a real fetch. */
export function stalled(call: Call): Promise<Response> {
  return new Promise((_, reject) => call.init.signal?.addEventListener('abort', () => reject(call.init.signal!.reason)));
}

/** `promise`, or 'still waiting' after `ms` (real time): a test of something that must not hang fails instead of hanging. */
export function within<T>(promise: Promise<T>, ms = 2000): Promise<T | 'still waiting'> {
  return Promise.race([promise, new Promise<'still waiting'>((resolve) => setTimeout(() => resolve('still waiting'), ms))]);
}

/** A promise with its resolver outside, to hold a response open. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** A settable clock starting at a fixed instant. */
export function clock(start = Date.UTC(2026, 6, 1, 12)) {
  const c = { time: start, now: () => c.time, advance: (ms: number) => void (c.time += ms) };
  return c;
}

/** A fresh fake IndexedDB and the extension's database opened in it. */
export async function freshDatabase() {
  globalThis.indexedDB = new IDBFactory();
  const db = await openDatabase();
  return { db, cache: databaseCache(async () => db) };
}

export const HOUR = 60 * 60 * 1000;
export const DAY = 24 * HOUR;
