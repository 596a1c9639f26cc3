import { describe, expect, it } from 'vitest';
import { makeSaved } from './fake-api';
import { FIRST_PAINT_COUNT, localFirstPaint } from './first-paint';

function memoryStorage(full = false): Storage & { items: Map<string, string>; writes: number } {
  const items = new Map<string, string>();
  const storage = {
    items,
    writes: 0,
    get length() {
      return items.size;
    },
    key: (i: number) => [...items.keys()][i] ?? null,
    getItem: (key: string) => items.get(key) ?? null,
    setItem(key: string, value: string) {
      if (full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      storage.writes++;
      items.set(key, value);
    },
    removeItem: (key: string) => void items.delete(key),
    clear: () => items.clear(),
  };
  return storage;
}

const papers = Array.from({ length: 20 }, (_, i) => makeSaved(`arxiv:2601.${String(i).padStart(5, '0')}`, `Paper ${i}`, 10_000 - i));

describe("the popup's copy of the newest papers", () => {
  it('keeps the first slice and reads it back', () => {
    const storage = memoryStorage();
    localFirstPaint(storage).write(papers);
    expect(localFirstPaint(storage).read()).toEqual(papers.slice(0, FIRST_PAINT_COUNT));
  });

  it('does not rewrite an unchanged copy', () => {
    const storage = memoryStorage();
    const store = localFirstPaint(storage);
    store.write(papers);
    store.write(papers.slice());
    expect(storage.writes).toBe(1);
    store.write(papers.slice(1));
    expect(storage.writes).toBe(2);
  });

  it('ignores a damaged or foreign copy instead of showing it', () => {
    const storage = memoryStorage();
    const store = localFirstPaint(storage);
    for (const text of ['{"version":1,"papers":[', '{"version":2,"papers":[]}', 'null', JSON.stringify({ version: 1, papers: [{ ...papers[0], id: 'javascript:alert(1)' }] })]) {
      storage.items.set('papershelf:first-paint', text);
      expect(store.read()).toBeNull();
    }
    storage.items.set('papershelf:first-paint', JSON.stringify({ version: 1, papers: [] }));
    expect(store.read()).toBeNull(); // an emptied list waits for the background: no "empty list" flash
  });

  it('a full storage or none at all loses nothing: the popup waits for the background', () => {
    const full = localFirstPaint(memoryStorage(true));
    expect(() => full.write(papers)).not.toThrow();
    expect(full.read()).toBeNull();
    const none = localFirstPaint(undefined);
    expect(() => none.write(papers)).not.toThrow();
    expect(none.read()).toBeNull();
  });
});
