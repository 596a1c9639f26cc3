// The options page open while the settings change elsewhere (another options tab): what it shows follows what is
// stored, except where the reader has changed something here and not saved it yet.
import type { Settings } from '../storage/settings';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** `shown` over `fresh`: each field still as `before` (the settings the page read or saved last) takes `fresh`'s value. */
export function followStored(shown: Settings, before: Settings, fresh: Settings): Settings {
  const next = { ...fresh } as Record<keyof Settings, unknown>;
  for (const key of Object.keys(shown) as (keyof Settings)[]) {
    if (!same(shown[key], before[key])) next[key] = shown[key];
  }
  return next as Settings;
}
