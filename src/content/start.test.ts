// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { LOAD_WAIT_MS, loadingPhase, whenParsed } from './start';

describe('whenParsed (the script is injected at document_start and reads the page once it is parsed)', () => {
  it('waits for DOMContentLoaded while the document is loading, and runs once', () => {
    const doc = document.implementation.createHTMLDocument('loading');
    Object.defineProperty(doc, 'readyState', { value: 'loading', configurable: true });
    const then = vi.fn();
    whenParsed(doc, then);
    expect(then).not.toHaveBeenCalled();
    Object.defineProperty(doc, 'readyState', { value: 'interactive', configurable: true });
    doc.dispatchEvent(new Event('DOMContentLoaded'));
    doc.dispatchEvent(new Event('DOMContentLoaded'));
    expect(then).toHaveBeenCalledTimes(1);
  });

  it('runs at once on a document already parsed (injected late, or into an open tab)', () => {
    const then = vi.fn();
    expect(document.readyState).not.toBe('loading');
    whenParsed(document, then);
    expect(then).toHaveBeenCalledTimes(1);
  });
});

describe('loadingPhase (our slices are polite while the page loads, so our first pass never holds its load event)', () => {
  const page = (state: DocumentReadyState) => {
    const doc = document.implementation.createHTMLDocument('page');
    const set = (next: DocumentReadyState) => Object.defineProperty(doc, 'readyState', { value: next, configurable: true });
    set(state);
    return { doc, set };
  };

  it('is polite while the page is parsed and until it has loaded', () => {
    const { doc, set } = page('loading');
    let now = 0;
    const loading = loadingPhase(doc, LOAD_WAIT_MS, () => now);
    expect(loading.polite()).toBe(true);
    now = 10 * LOAD_WAIT_MS; // a long page takes a while to parse: the wait counts from DOMContentLoaded
    expect(loading.polite()).toBe(true);
    set('interactive');
    loading.parsed();
    now += LOAD_WAIT_MS / 2;
    expect(loading.polite()).toBe(true);
    set('complete');
    expect(loading.polite()).toBe(false);
  });

  it('stops being polite LOAD_WAIT_MS after the page is parsed, if it has not loaded by then (slow images)', () => {
    const { doc } = page('interactive');
    let now = 500;
    const loading = loadingPhase(doc, LOAD_WAIT_MS, () => now);
    loading.parsed();
    loading.parsed(); // the first time counts
    now += LOAD_WAIT_MS - 1;
    expect(loading.polite()).toBe(true);
    now += 1;
    expect(loading.polite()).toBe(false);
  });

  it('is not polite on a page already loaded (an open tab, in-page navigation)', () => {
    const { doc } = page('complete');
    expect(loadingPhase(doc).polite()).toBe(false);
  });
});
