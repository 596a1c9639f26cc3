import { describe, expect, it } from 'vitest';
import { groupIds, groupKey, localNotDuplicates, MAX_KEPT } from './not-duplicates';

function memoryStorage(initial: Record<string, string> = {}): Storage {
  const map = new Map(Object.entries(initial));
  return {
    get length() {
      return map.size;
    },
    key: (i) => [...map.keys()][i] ?? null,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, String(v)),
    removeItem: (k) => void map.delete(k),
    clear: () => map.clear(),
  };
}

describe('groups said not to be duplicates', () => {
  it('keys a group by its ids whatever their order, and a group with another copy is another group', () => {
    expect(groupKey(['doi:10.1/b', 'cvf:a'])).toBe(groupKey(['cvf:a', 'doi:10.1/b']));
    expect(groupKey(['cvf:a', 'doi:10.1/b', 'dblp:c'])).not.toBe(groupKey(['cvf:a', 'doi:10.1/b']));
  });

  it('remembers a group across pages (the same storage), each once', () => {
    const storage = memoryStorage();
    const key = groupKey(['cvf:a', 'doi:10.1/b']);
    localNotDuplicates(storage).add(key);
    localNotDuplicates(storage).add(key);
    expect([...localNotDuplicates(storage).read()]).toEqual([key]);
  });

  it('takes a backup\'s groups in one write, newest last, each once, and gives back a group\'s ids', () => {
    const storage = memoryStorage();
    const store = localNotDuplicates(storage);
    const [ab, cd, ef] = [groupKey(['cvf:a', 'doi:10.1/b']), groupKey(['dblp:d', 'cvf:c']), groupKey(['cvf:e', 'cvf:f'])];
    store.add(ab, cd);
    let writes = 0;
    const setItem = storage.setItem.bind(storage);
    storage.setItem = (k, v) => (writes++, setItem(k, v));
    expect([...store.add(cd, ef, ef)]).toEqual([ab, cd, ef]);
    expect(writes).toBe(1);
    expect(groupIds(cd)).toEqual(['cvf:c', 'dblp:d']);
  });

  it('offers every group when what is stored is unreadable, and keeps the newest when there are too many', () => {
    expect(localNotDuplicates(memoryStorage({ 'papershelf:not-duplicates': '{oops' })).read().size).toBe(0);
    expect([...localNotDuplicates(memoryStorage({ 'papershelf:not-duplicates': '["a",3,null]' })).read()]).toEqual(['a']);
    const storage = memoryStorage();
    const store = localNotDuplicates(storage);
    for (let i = 0; i <= MAX_KEPT; i++) store.add(`k${i}`);
    const kept = store.read();
    expect(kept.size).toBe(MAX_KEPT);
    expect(kept.has('k0')).toBe(false);
    expect(kept.has(`k${MAX_KEPT}`)).toBe(true);
  });

  it('works without storage (a policy that disables it): nothing kept, nothing thrown', () => {
    const store = localNotDuplicates(undefined);
    expect(store.add('a').has('a')).toBe(true);
    expect(store.read().size).toBe(0);
  });
});
