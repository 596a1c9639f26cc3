// Content script entry: runs the site adapter for this page and keeps its overlays in step with the
// reading list. Talks to the background only through the typed protocol.
import browser from 'webextension-polyfill';
import * as v from 'valibot';
import { adapterFor } from '../sites';
import { send } from '../background/client';
import { ChangedNoticeSchema } from '../background/messages';
import { Annotator } from './annotator';

const annotator = new Annotator({
  doc: document,
  adapterFor: (url) => adapterFor(url)?.adapter ?? null,
  port: {
    statuses: (ids) => send('statuses', { ids }),
    save: async (paper, savedFrom) => (await send('save', { paper, savedFrom })).status,
    remove: async (id) => void (await send('remove', { id })),
  },
  onError(error) {
    // After an extension update this script is orphaned: go quiet instead of failing on every mutation.
    if (/context invalidated/i.test(String((error as Error)?.message))) annotator.stop();
    else console.warn('Papershelf:', error);
  },
});

browser.runtime.onMessage.addListener((message: unknown) => {
  const notice = v.safeParse(ChangedNoticeSchema, message);
  if (notice.success) annotator.applyChange(notice.output.id, notice.output.status);
  return undefined;
});

// The Navigation API sees the page's own pushState navigations (the isolated world cannot patch them);
// elsewhere the mutation observer notices the URL change when the page re-renders.
(globalThis as { navigation?: EventTarget }).navigation?.addEventListener('navigatesuccess', () => void annotator.checkUrl());

void annotator.start();
