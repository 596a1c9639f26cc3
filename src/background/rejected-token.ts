// The token GitHub last answered 401 to, as its digest (../core/token-digest.ts), kept in storage.session (extension
// pages only, gone with the browser session) so the options page can say the saved token no longer works. Shared by
// the background and the options page, so it imports nothing else of the background's.
import browser from 'webextension-polyfill';
import { tokenDigest } from '../core/token-digest';

export const REJECTED_TOKEN_KEY = 'githubTokenRejected';

/** The background: GitHub refused `token` (revoked, expired or mistyped). */
export async function recordRejectedToken(token: string): Promise<void> {
  await browser.storage.session.set({ [REJECTED_TOKEN_KEY]: await tokenDigest(token) });
}

/**
 * The background: `token`, unless it is the one GitHub last refused. Its digest is in storage.session, which outlives
 * a stopped service worker (the client's own memory of it does not): a revoked token is not sent again after a
 * restart either, until a different one is saved.
 */
export async function unlessRejected(token: string | null): Promise<string | null> {
  if (!token) return null;
  const rejected = await readRejectedTokenDigest();
  return rejected !== null && rejected === (await tokenDigest(token)) ? null : token;
}

/** The options page (and unlessRejected): the digest of the token GitHub last refused, or null. */
export async function readRejectedTokenDigest(): Promise<string | null> {
  try {
    const digest = (await browser.storage.session.get(REJECTED_TOKEN_KEY))[REJECTED_TOKEN_KEY];
    return typeof digest === 'string' ? digest : null;
  } catch {
    return null; // no session storage: nothing to warn about
  }
}

/** The options page: calls `onChange` whenever the background records a rejection (or it goes); returns the unsubscribe. */
export function watchRejectedToken(onChange: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => void (area === 'session' && REJECTED_TOKEN_KEY in changes && onChange());
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
