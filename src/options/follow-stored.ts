// The options page open while the settings change elsewhere (another options tab): what it shows follows what is
// stored, except where the reader has changed something here and not saved it yet.
import type { Settings } from '../storage/settings';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** How an item of a list is known in the three versions: a followed name as typed here is a line, maybe padded. */
const itemKey = (item: unknown) => (typeof item === 'string' ? item.trim() : JSON.stringify(item));

/**
 * A list changed both here and elsewhere: what is shown, less what was removed elsewhere, and with what was added
 * there. A topic ticked in one tab and another in the other are both watched; a rule added in each are both kept.
 */
function mergeList(shown: unknown[], before: unknown[], fresh: unknown[]): unknown[] {
  const keys = (list: unknown[]) => new Set(list.map(itemKey));
  const [inShown, inBefore, inFresh] = [keys(shown), keys(before), keys(fresh)];
  const kept = shown.filter((item) => !(inBefore.has(itemKey(item)) && !inFresh.has(itemKey(item))));
  return [...kept, ...fresh.filter((item) => !inBefore.has(itemKey(item)) && !inShown.has(itemKey(item)))];
}

/**
 * `shown` over `fresh`: each field still as `before` (the settings the page read or saved last) takes `fresh`'s value;
 * a list changed here takes what changed in it there too.
 */
export function followStored(shown: Settings, before: Settings, fresh: Settings): Settings {
  const next = { ...fresh } as Record<keyof Settings, unknown>;
  for (const key of Object.keys(shown) as (keyof Settings)[]) {
    const [here, was, now] = [shown[key], before[key], fresh[key]];
    if (same(here, was)) continue;
    next[key] = Array.isArray(here) && Array.isArray(was) && Array.isArray(now) ? mergeList(here, was, now) : here;
  }
  return next as Settings;
}
