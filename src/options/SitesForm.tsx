import { useEffect, useState } from 'preact/hooks';
import type { SiteInfo } from '../background/site-scripts';

export interface SitePermissions {
  sites(): SiteInfo[];
  granted(origins: string[]): Promise<boolean>;
  /** Must run inside the click handler: browsers only grant permissions from a user action. */
  request(origins: string[]): Promise<boolean>;
  remove(origins: string[]): Promise<boolean>;
  /** Calls its listener when access changes anywhere (the popup, the browser's settings); returns the unsubscribe. */
  watch?(listener: () => void): () => void;
}

interface Row extends SiteInfo {
  granted: boolean;
  /**
   * Not granted whole, but its script runs where part of it is (background/site-scripts.ts grantedOf): `some`, some of
   * its own patterns (Google Scholar's .com before its country domains were asked for, a host Firefox withholds);
   * `former`, the narrower patterns an earlier version asked for. False: it runs nowhere.
   */
  partial: false | 'some' | 'former';
  wanted: boolean;
}

/** Whether any of `patterns` is granted (one at a time: the browser answers for all of a list together). */
async function anyGranted(permissions: SitePermissions, patterns: string[]): Promise<boolean> {
  return (await Promise.all(patterns.map((p) => permissions.granted([p])))).some(Boolean);
}

/** Core sites are always on; optional sites are enabled together with one permission request. */
export function SitesForm({ permissions }: { permissions: SitePermissions }) {
  const [rows, setRows] = useState<Row[] | null>(null);
  const [message, setMessage] = useState('');
  const [readError, setReadError] = useState('');

  /** Reads which sites have access; a box ticked or unticked here and not applied yet keeps its change, unless `fresh`. */
  const load = async (fresh = false) => {
    const all = permissions.sites();
    try {
      const granted = await Promise.all(all.map((site) => permissions.granted(site.matches)));
      // As the background registers the site's script: for its own patterns granted, else for its former ones.
      const partial = await Promise.all(
        all.map(async (site, i): Promise<Row['partial']> => {
          if (granted[i]) return false;
          if (await anyGranted(permissions, site.matches)) return 'some';
          return site.former.length > 0 && (await anyGranted(permissions, site.former)) ? 'former' : false;
        }),
      );
      setReadError('');
      setRows((before) =>
        all.map((site, i) => {
          const was = before?.find((row) => row.id === site.id);
          // A partial grant shows ticked: the site runs, and Apply asks for the rest of it.
          const on = granted[i]! || partial[i] !== false;
          return { ...site, granted: granted[i]!, partial: partial[i]!, wanted: !fresh && was && was.wanted !== was.granted ? was.wanted : on };
        }),
      );
    } catch (error) {
      setReadError((error as Error).message);
    }
  };
  useEffect(() => {
    void load();
    // Access granted or withdrawn elsewhere while the page is open shows here at once.
    return permissions.watch?.(() => void load());
  }, []);

  if (readError && !rows) {
    return (
      <div>
        <h2>Sites</h2>
        <p class="error" role="alert">
          Could not read which sites have access: {readError}
        </p>
        <button type="button" onClick={() => void load()}>
          Try again
        </button>
      </div>
    );
  }
  if (!rows) return <p>Loading…</p>;
  const optional = rows.filter((r) => r.optional);
  const toGrant = optional.filter((r) => r.wanted && !r.granted);
  const toRemove = optional.filter((r) => !r.wanted && (r.granted || r.partial));

  const apply = async (event: Event) => {
    event.preventDefault();
    try {
      // One request for every newly enabled site, started synchronously from the click.
      const granted = toGrant.length ? await permissions.request(toGrant.flatMap((r) => r.matches)) : true;
      if (toRemove.length) await permissions.remove(toRemove.flatMap((r) => [...r.matches, ...r.former]));
      setMessage(granted ? 'Saved. Reload open pages of newly enabled sites.' : 'The browser did not grant access; nothing was enabled.');
    } catch (error) {
      setMessage(`Could not change site access: ${(error as Error).message}`);
    }
    await load(true); // what the browser now grants, applied or not
  };

  return (
    <form onSubmit={apply}>
      <h2>Sites</h2>
      <ul class="sites">
        {rows.filter((r) => !r.optional).map((r) => (
          <li key={r.id}>
            <label>
              <input type="checkbox" checked={r.granted} disabled /> {r.name}{' '}
              <span class="muted">{r.granted ? '(always on)' : '(access withheld in the browser: allow it from the toolbar popup)'}</span>
            </label>
          </li>
        ))}
        {optional.map((r) => (
          <li key={r.id}>
            <label>
              <input
                type="checkbox"
                checked={r.wanted}
                onChange={(e) => setRows(rows.map((x) => (x.id === r.id ? { ...x, wanted: (e.target as HTMLInputElement).checked } : x)))}
              />{' '}
              {r.name}
              {r.partial === 'former' && (
                <span class="muted">
                  {' '}
                  (only on the pages an earlier version was allowed: Apply to let it follow links within the site)
                </span>
              )}
              {r.partial === 'some' && (
                <span class="muted">
                  {' '}
                  (only on some of its addresses, where access was allowed: Apply to allow the rest)
                </span>
              )}
            </label>
          </li>
        ))}
      </ul>
      <button type="submit" disabled={!toGrant.length && !toRemove.length}>
        Apply
      </button>
      <p role="status">{message}</p>
    </form>
  );
}
