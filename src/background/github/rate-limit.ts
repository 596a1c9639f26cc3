// When a service says "stop": reading GitHub's and Hugging Face's rate-limit answers, and remembering the
// block in memory and in IndexedDB (MV3 service workers restart often; a restart must not reset the wait).
import type { RateLimitState } from '../../storage/schema';
import { safely } from './queue';

const MINUTE = 60_000;
/** GitHub's window is an hour; a longer wait means a skewed clock or a nonsense header. */
export const GITHUB_MAX_WAIT = 2 * 60 * MINUTE;
/** Hugging Face's windows are five minutes. */
const HF_WAIT = 5 * MINUTE;
/** The longest Hugging Face block hfBlockedUntil gives. */
export const HF_MAX_WAIT = 3 * HF_WAIT;

export interface RateLimitStore {
  getRateLimit(key: string): Promise<RateLimitState | null>;
  putRateLimit(state: RateLimitState): Promise<void>;
}

/** Seconds from a header (`Retry-After` may also be an HTTP date), or null. */
function seconds(value: string | null, now: number): number | null {
  if (value === null || value.trim() === '') return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, (date - now) / 1000);
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/**
 * Epoch ms before which GitHub must not be asked again, or null to carry on. Covers the primary limit
 * (`x-ratelimit-remaining: 0` until `x-ratelimit-reset`, on any status) and secondary limits (403/429
 * with `retry-after`; else any 429, or a 403 whose message names a rate limit or GitHub's older "abuse detection":
 * GitHub says wait at least a minute).
 * https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api#exceeding-the-rate-limit
 */
export function githubBlockedUntil(response: Response, message: string | null, now: number): number | null {
  const headers = response.headers;
  const refused = response.status === 403 || response.status === 429;
  const retryAfter = seconds(headers.get('retry-after'), now);
  if (refused && retryAfter !== null) return clamp(now + retryAfter * 1000, now + 1000, now + GITHUB_MAX_WAIT);
  if (headers.get('x-ratelimit-remaining')?.trim() === '0') {
    const reset = Number(headers.get('x-ratelimit-reset') ?? NaN); // epoch seconds
    // At least a minute even when the reset looks past: hammering a limited API risks a ban.
    return !Number.isFinite(reset) ? now + MINUTE : clamp(reset * 1000, now + MINUTE, now + GITHUB_MAX_WAIT);
  }
  if (response.status === 429 || (refused && /rate limit|abuse detection/i.test(message ?? ''))) return now + MINUTE;
  return null;
}

/** Epoch ms before which Hugging Face must not be asked again (`RateLimit: "api";r=0;t=<seconds>`), or null. */
export function hfBlockedUntil(response: Response, now: number): number | null {
  const header = response.headers.get('ratelimit') ?? '';
  const remaining = /(?:^|;)\s*r=(\d+)/.exec(header)?.[1];
  const reset = /(?:^|;)\s*t=(\d+)/.exec(header)?.[1];
  if (response.status !== 429 && remaining !== '0') return null;
  const wait = reset !== undefined ? Number(reset) : seconds(response.headers.get('retry-after'), now);
  return wait === null ? now + HF_WAIT : clamp(now + wait * 1000, now + 1000, now + HF_MAX_WAIT);
}

/**
 * Per-service blocks: loaded once from the store, then kept in memory and written through. A stored block further
 * ahead than `maxWait` (the longest the service's answers give) was written before the clock moved back, or is
 * damaged: it is believed for `maxWait` from now, not for however long it says; one that is not a time blocks nothing.
 */
export function createBlocks(store: RateLimitStore, now: () => number, maxWait: number) {
  const known = new Map<string, number>();
  async function load(key: string): Promise<number> {
    if (!known.has(key)) {
      const saved = (await safely(() => store.getRateLimit(key), null))?.blockedUntil;
      const until = typeof saved === 'number' && Number.isFinite(saved) ? Math.min(saved, now() + maxWait) : 0;
      if (!known.has(key)) known.set(key, until); // a concurrent extend() wins
    }
    return known.get(key) ?? 0;
  }
  return {
    async active(key: string): Promise<boolean> {
      return (await load(key)) > now();
    },
    /** Epoch ms the block lasts until (0: none known). */
    until: load,
    /** Never shortens a block already known. */
    async extend(key: string, until: number): Promise<void> {
      if (until <= (await load(key))) return;
      known.set(key, until);
      await safely(() => store.putRateLimit({ key, blockedUntil: until }), undefined);
    },
  };
}
