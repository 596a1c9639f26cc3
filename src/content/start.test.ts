// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { LOAD_WAIT_MS, whenLoaded, whenParsed } from './start';

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

describe('whenLoaded (the cards are read once the page has loaded, so our first pass never holds its load event)', () => {
  /** A document in the given state, with a window of its own to fire `load` on. */
  const page = (state: DocumentReadyState) => {
    const win = new EventTarget();
    const doc = document.implementation.createHTMLDocument('page');
    Object.defineProperty(doc, 'defaultView', { value: win, configurable: true });
    Object.defineProperty(doc, 'readyState', { value: state, configurable: true });
    return { doc, win, set: (next: DocumentReadyState) => Object.defineProperty(doc, 'readyState', { value: next, configurable: true }) };
  };

  it('waits for the load event, past DOMContentLoaded, and runs once', () => {
    vi.useFakeTimers();
    try {
      const { doc, win, set } = page('loading');
      const then = vi.fn();
      whenLoaded(doc, then);
      set('interactive');
      doc.dispatchEvent(new Event('DOMContentLoaded'));
      vi.advanceTimersByTime(LOAD_WAIT_MS - 1);
      expect(then).not.toHaveBeenCalled();
      set('complete');
      win.dispatchEvent(new Event('load'));
      expect(then).toHaveBeenCalledTimes(1);
      vi.advanceTimersByTime(LOAD_WAIT_MS); // the wait is cleared
      win.dispatchEvent(new Event('load'));
      expect(then).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('does not wait for a slow load more than LOAD_WAIT_MS after the page is parsed', () => {
    vi.useFakeTimers();
    try {
      const { doc, win } = page('interactive');
      const then = vi.fn();
      whenLoaded(doc, then);
      vi.advanceTimersByTime(LOAD_WAIT_MS - 1);
      expect(then).not.toHaveBeenCalled();
      vi.advanceTimersByTime(1);
      expect(then).toHaveBeenCalledTimes(1);
      win.dispatchEvent(new Event('load')); // the images came in at last
      expect(then).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('counts the wait from DOMContentLoaded, not from injection (a long page takes a while to parse)', () => {
    vi.useFakeTimers();
    try {
      const { doc, set } = page('loading');
      const then = vi.fn();
      whenLoaded(doc, then);
      vi.advanceTimersByTime(5 * LOAD_WAIT_MS);
      expect(then).not.toHaveBeenCalled();
      set('interactive');
      doc.dispatchEvent(new Event('DOMContentLoaded'));
      vi.advanceTimersByTime(LOAD_WAIT_MS);
      expect(then).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('runs at once on a page already loaded (an open tab)', () => {
    const { doc } = page('complete');
    const then = vi.fn();
    whenLoaded(doc, then);
    expect(then).toHaveBeenCalledTimes(1);
  });
});
