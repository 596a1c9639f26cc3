// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readPaperPage } from '../sites/read-page';
import { OFFSCREEN_IDLE_MS, OFFSCREEN_PATH, offscreenReader, pageReader, READ_PAGE, type OffscreenApis } from './page-reader';

const URL_ = 'https://proceedings.mlr.press/v202/exemplo23a.html';
const HTML = readFileSync(join(import.meta.dirname, '../../test/fixtures/pmlr/paper-v202-exemplo23a.html'), 'utf8');

/** Chrome's offscreen API as it behaves: one document per extension; messages reach it only while it is open. */
function fakeChrome() {
  const log: string[] = [];
  let open = false;
  const apis: OffscreenApis = {
    offscreen: {
      async createDocument({ url, reasons }) {
        if (open) throw new Error('Only a single offscreen document may be created.');
        log.push(`create ${url} ${reasons.join()}`);
        await new Promise((r) => setTimeout(r, 5));
        open = true;
      },
      async closeDocument() {
        if (!open) throw new Error('No current offscreen document.');
        log.push('close');
        open = false;
      },
    },
    runtime: {
      getURL: (path) => `chrome-extension://abc/${path}`,
      getContexts: async () => (open ? [{ contextType: 'OFFSCREEN_DOCUMENT' }] : []),
      async sendMessage(message) {
        if (!open) throw new Error('Could not establish connection. Receiving end does not exist.');
        const { type, html, url } = message as { type: string; html: string; url: string };
        log.push(`read ${url}`);
        return type === READ_PAGE ? readPaperPage(html, url) : undefined;
      },
    },
  };
  return { apis, log, isOpen: () => open };
}

afterEach(() => vi.useRealTimers());

describe('pageReader: where the page is parsed', () => {
  it('in the background itself where it has DOMParser (Firefox\'s event page), whatever else is there', async () => {
    const { apis, log } = fakeChrome();
    const read = pageReader({ DOMParser, chrome: apis })!;
    expect(await read(HTML, URL_)).toEqual(readPaperPage(HTML, URL_));
    expect(log).toEqual([]);
  });

  it('in an offscreen document where it has none (Chrome\'s service worker); without either, nowhere', async () => {
    const { apis, log } = fakeChrome();
    expect(await pageReader({ chrome: apis })!(HTML, URL_)).toEqual(readPaperPage(HTML, URL_));
    expect(log).toEqual([`create ${OFFSCREEN_PATH} DOM_PARSER`, `read ${URL_}`]);
    expect(pageReader({})).toBeUndefined();
    expect(pageReader({ chrome: { runtime: apis.runtime } })).toBeUndefined();
  });
});

describe('offscreenReader', () => {
  it('makes one document for reads at once, keeps it while saves follow, and closes it once idle', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { apis, log, isOpen } = fakeChrome();
    const read = offscreenReader(apis);
    const first = read(HTML, URL_);
    const second = read(HTML, URL_);
    await vi.advanceTimersByTimeAsync(10);
    const [a, b] = await Promise.all([first, second]);
    expect(a).toEqual(readPaperPage(HTML, URL_));
    expect(b).toEqual(a);
    expect(log.filter((l) => l.startsWith('create'))).toHaveLength(1);

    await vi.advanceTimersByTimeAsync(OFFSCREEN_IDLE_MS - 1000);
    const third = read(HTML, URL_); // within the idle time: the same document
    await vi.advanceTimersByTimeAsync(1);
    expect(await third).toEqual(a);
    await vi.advanceTimersByTimeAsync(OFFSCREEN_IDLE_MS - 1000);
    expect(isOpen()).toBe(true);
    await vi.advanceTimersByTimeAsync(1000);
    expect(isOpen()).toBe(false);
    expect(log.filter((l) => l === 'close')).toHaveLength(1);

    // Opened again for the next save.
    const fourth = read(HTML, URL_);
    await vi.advanceTimersByTimeAsync(10);
    expect(await fourth).toEqual(a);
    expect(log.filter((l) => l.startsWith('create'))).toHaveLength(2);
  });

  it('uses the document a restarted worker left open, and one the browser closed is made again', async () => {
    const { apis, log } = fakeChrome();
    await apis.offscreen.createDocument({ url: OFFSCREEN_PATH, reasons: ['DOM_PARSER'], justification: '' }); // the earlier worker's
    const read = offscreenReader(apis);
    expect(await read(HTML, URL_)).toEqual(readPaperPage(HTML, URL_));
    expect(log.filter((l) => l.startsWith('create'))).toHaveLength(1);
    await apis.offscreen.closeDocument(); // the browser's doing
    expect(await read(HTML, URL_)).toEqual(readPaperPage(HTML, URL_));
    expect(log.filter((l) => l.startsWith('create'))).toHaveLength(2);
  });

  it('a failed creation rejects this read (the resolver saves the stand-in) and the next read tries again', async () => {
    const { apis } = fakeChrome();
    const create = apis.offscreen.createDocument;
    apis.offscreen.createDocument = async () => Promise.reject(new Error('offscreen disabled by policy'));
    const read = offscreenReader(apis);
    await expect(read(HTML, URL_)).rejects.toThrow('offscreen disabled');
    apis.offscreen.createDocument = create;
    expect(await read(HTML, URL_)).toEqual(readPaperPage(HTML, URL_));
  });
});
