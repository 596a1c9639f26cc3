// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { READ_PAGE } from '../background/page-reader';
import { readPaperPage } from '../sites/read-page';

const URL_ = 'https://proceedings.mlr.press/v202/exemplo23a.html';
const HTML = readFileSync(join(import.meta.dirname, '../../test/fixtures/pmlr/paper-v202-exemplo23a.html'), 'utf8');
const WORKER = { id: 'abc', url: 'chrome-extension://abc/background.js' };
type Listener = (message: unknown, sender: object, sendResponse: (answer: unknown) => void) => boolean;
let listener: Listener;

beforeAll(async () => {
  (globalThis as { chrome?: unknown }).chrome = {
    runtime: { id: 'abc', getURL: (path: string) => `chrome-extension://abc/${path}`, onMessage: { addListener: (l: Listener) => (listener = l) } },
  };
  await import('./main');
});

function ask(message: unknown, sender: object = WORKER): unknown[] {
  const answers: unknown[] = [];
  listener(message, sender, (answer) => answers.push(answer));
  return answers;
}

describe('the offscreen document', () => {
  it('answers the worker\'s request with the paper the page shows', () => {
    expect(ask({ type: READ_PAGE, html: HTML, url: URL_ })).toEqual([readPaperPage(HTML, URL_)]);
    expect(ask({ type: READ_PAGE, html: '<p>no paper</p>', url: URL_ })).toEqual([null]);
  });

  it('stays silent for anything else: other messages, malformed requests, a content script, another extension', () => {
    expect(ask({ type: 'changed', id: 'arxiv:2401.00001' })).toEqual([]);
    expect(ask({ type: READ_PAGE, html: 42, url: URL_ })).toEqual([]);
    expect(ask({ type: READ_PAGE, html: HTML })).toEqual([]);
    expect(ask({ type: READ_PAGE, html: HTML, url: URL_ }, { ...WORKER, tab: { id: 1 }, url: 'https://evil.example/' })).toEqual([]);
    expect(ask({ type: READ_PAGE, html: HTML, url: URL_ }, { id: 'other', url: 'chrome-extension://other/sw.js' })).toEqual([]);
  });
});
