// The calling side of the protocol, for content scripts and extension pages: `send('save', {...})`.
import browser from 'webextension-polyfill';
import type { MessageName, Reply, RequestOf, Responses } from './messages';

export class BackgroundError extends Error {}

export async function send<N extends MessageName>(type: N, payload: RequestOf<N>): Promise<Responses[N]> {
  const reply = (await browser.runtime.sendMessage({ type, payload })) as Reply<Responses[N]> | undefined;
  if (!reply) throw new BackgroundError('The Papershelf background did not answer');
  if (!reply.ok) {
    const error = new BackgroundError(reply.error.message);
    error.name = reply.error.name;
    throw error;
  }
  return reply.value;
}
