// The calling side of the protocol, for content scripts and extension pages: `send('save', {...})`.
import type { MessageName, Reply, RequestOf, Responses } from './messages';

export class BackgroundError extends Error {}

/** The part of the extension runtime a content script uses. */
export interface ContentRuntime {
  sendMessage(message: unknown): Promise<unknown>;
  /** A listener that will answer later returns true (both browsers keep the channel open for it). */
  onMessage: { addListener(listener: (message: unknown, sender: unknown, respond: (answer: unknown) => void) => true | undefined): void };
}

/**
 * The extension runtime without webextension-polyfill, which cost every content script ~3 kB of its 30 kB gzip
 * budget: Firefox's `browser` answers with promises, and so does Manifest V3 Chrome's `chrome` given no callback.
 * Asked for when used (neither exists where the tests import this).
 */
export function runtime(): ContentRuntime {
  const g = globalThis as { browser?: { runtime: ContentRuntime }; chrome?: { runtime: ContentRuntime } };
  return (g.browser ?? g.chrome)!.runtime;
}

export async function send<N extends MessageName>(type: N, payload: RequestOf<N>): Promise<Responses[N]> {
  const reply = (await runtime().sendMessage({ type, payload })) as Reply<Responses[N]> | undefined;
  if (!reply) throw new BackgroundError('The Papershelf background did not answer');
  if (!reply.ok) {
    const error = new BackgroundError(reply.error.message);
    error.name = reply.error.name;
    throw error;
  }
  return reply.value;
}
