// Checkbox selection over the visible order, with shift-click ranges (the convention of mail clients).

/**
 * Toggle `target`; with `range`, give every item between the anchor and the target the target's new state.
 * Returns a new set; the caller makes `target` the next anchor.
 */
export function toggleSelection(
  selected: ReadonlySet<string>,
  order: readonly string[],
  target: string,
  anchor: string | null,
  range: boolean,
): Set<string> {
  const next = new Set(selected);
  const on = !selected.has(target);
  const to = order.indexOf(target);
  const from = range && anchor !== null ? order.indexOf(anchor) : -1;
  const [lo, hi] = from >= 0 && to >= 0 ? [Math.min(from, to), Math.max(from, to)] : [to, to];
  if (lo < 0) return next;
  for (let i = lo; i <= hi; i++) {
    const id = order[i]!;
    if (on) next.add(id);
    else next.delete(id);
  }
  return next;
}

/** Select every visible item, or clear them all when every one is already selected. */
export function toggleAll(selected: ReadonlySet<string>, order: readonly string[]): Set<string> {
  const next = new Set(selected);
  const all = order.length > 0 && order.every((id) => selected.has(id));
  for (const id of order) {
    if (all) next.delete(id);
    else next.add(id);
  }
  return next;
}
