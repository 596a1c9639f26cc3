// One message for many questions: the content script asks the background for a batch of overlays' badges in one
// round trip instead of one per overlay (issue #7: a message cost ~0.6 ms of the page's main thread, so a block of
// overlays built while scrolling an arXiv list spent about a fifth of its script time sending them: ~60 of ~300 ms).

/**
 * `ask(key)` for each key as if alone; the keys asked for in the same task (before its microtasks run) go out
 * together, at most `max` per call of `askMany`, each key once. `askMany` answers in the order of its keys; if it
 * fails, or answers another number of values, every key of that call is rejected.
 */
export function batched<K, V>(askMany: (keys: K[]) => Promise<V[]>, max: number): (key: K) => Promise<V> {
  let queue = new Map<K, { resolve: (value: V) => void; reject: (error: unknown) => void }[]>();
  const flush = () => {
    const asked = [...queue];
    queue = new Map();
    for (let i = 0; i < asked.length; i += max) {
      const part = asked.slice(i, i + max);
      const answer = (async () => {
        const values = await askMany(part.map(([key]) => key));
        if (values.length !== part.length) throw new Error(`${values.length} answers to ${part.length} questions`);
        return values;
      })();
      answer.then(
        (values) => part.forEach(([, waiting], k) => waiting.forEach((w) => w.resolve(values[k]!))),
        (error: unknown) => part.forEach(([, waiting]) => waiting.forEach((w) => w.reject(error))),
      );
    }
  };
  return (key) =>
    new Promise<V>((resolve, reject) => {
      if (!queue.size) queueMicrotask(flush);
      const waiting = queue.get(key);
      if (waiting) waiting.push({ resolve, reject });
      else queue.set(key, [{ resolve, reject }]);
    });
}
