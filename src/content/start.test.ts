// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { whenParsed } from './start';

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
