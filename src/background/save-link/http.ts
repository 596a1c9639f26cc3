// One GET, reduced to what the resolvers need: the body text, the status that refused it, or "failed".
// Anonymous (no cookies), bounded in time and size, and never throws.

export type Fetched =
  | { kind: 'ok'; text: string }
  | { kind: 'status'; status: number }
  | { kind: 'failed' };

export interface GetOptions {
  fetch: typeof fetch;
  accept: string;
  timeoutMs: number;
  /** Where a followed redirect may end up; a response from elsewhere is not trusted. */
  allowedFinal: (url: URL) => boolean;
}

/** A metadata answer larger than this is not one paper's metadata. */
export const MAX_BODY_CHARS = 4_000_000;

export async function get(url: string, options: GetOptions): Promise<Fetched> {
  const fetchFn = options.fetch; // called unbound: `options.fetch(...)` would make `options` its `this` (Illegal invocation)
  try {
    const response = await fetchFn(url, {
      headers: { Accept: options.accept },
      credentials: 'omit', // anonymous whatever the user's sessions on these sites
      signal: AbortSignal.timeout(options.timeoutMs), // a hung request must not hold the arXiv queue forever
    });
    // Tests and some engines leave `url` empty; when set it is where redirects ended.
    if (response.url && !options.allowedFinal(new URL(response.url))) return { kind: 'failed' };
    if (!response.ok) return { kind: 'status', status: response.status };
    const length = Number(response.headers.get('content-length') ?? NaN);
    if (length > MAX_BODY_CHARS) return { kind: 'failed' };
    const text = await response.text();
    return text.length > MAX_BODY_CHARS ? { kind: 'failed' } : { kind: 'ok', text };
  } catch {
    return { kind: 'failed' }; // network error, abort/timeout, unreadable body
  }
}

/** JSON.parse that answers undefined instead of throwing. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** An origin check for `allowedFinal`. */
export const sameOrigin = (origin: string) => (url: URL) => url.origin === origin;

/** What every metadata source needs. */
export interface SourceDeps {
  fetch: typeof fetch;
  timeoutMs: number;
}
