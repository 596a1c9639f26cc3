// Test doubles for the link resolver: a scripted, recording fetch, a fake clock, and response builders.

export interface Call {
  url: string;
  headers: Headers;
  init: RequestInit;
  /** The fake clock's time when the request started. */
  at: number;
}

export function fakeClock(start = Date.UTC(2026, 6, 1, 12)) {
  const clock = {
    time: start,
    sleeps: [] as number[],
    now: () => clock.time,
    advance: (ms: number) => void (clock.time += ms),
    /** A sleep that moves the fake clock instead of waiting. */
    sleep: async (ms: number) => {
      clock.sleeps.push(ms);
      clock.time += ms;
    },
  };
  return clock;
}

/** A fetch that records each call and answers with `script` (which may throw). */
export function fakeFetch(script: (url: string, call: Call) => Response | Promise<Response>, now: () => number = () => 0) {
  const calls: Call[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const call = { url: String(input), headers: new Headers(init.headers), init, at: now() };
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
    urls: () => calls.map((c) => c.url),
    get maxInFlight() {
      return maxInFlight;
    },
  };
}

/** A response; `url` mimics where fetch ended up after following redirects. */
export function respond(body: string, status = 200, type = 'application/json', url?: string): Response {
  const response = new Response(status === 204 || status === 304 ? null : body, { status, headers: { 'content-type': type } });
  if (url) Object.defineProperty(response, 'url', { value: url });
  return response;
}

export const json = (body: unknown, status = 200, url?: string) => respond(JSON.stringify(body), status, 'application/json', url);
export const atom = (xml: string, status = 200) => respond(xml, status, 'application/atom+xml; charset=utf-8');

export const networkError = () => {
  throw new TypeError('Failed to fetch');
};
