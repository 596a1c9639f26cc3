// Optional sites (issue #3): the manifest's static content script covers the core sites; every other
// adapter's pages are optional host permissions. When the user grants a site, the same content script is
// registered for it; when access is withdrawn, it is unregistered.
import browser, { type Manifest } from 'webextension-polyfill';
import { adapters } from '../sites';

export interface SiteInfo {
  id: string;
  name: string;
  matches: string[];
  /** The narrower patterns earlier versions asked for (SiteAdapter.formerMatches): a grant of them still counts. */
  former: string[];
  /** Core sites run from the manifest's content_scripts; optional ones are asked for at runtime. */
  optional: boolean;
}

/** Every site adapter, split into core and optional by the manifest's own content_scripts. */
export function sites(manifest: Manifest.WebExtensionManifest = browser.runtime.getManifest()): SiteInfo[] {
  const core = new Set((manifest.content_scripts ?? []).flatMap((script) => script.matches ?? []));
  return adapters.map((adapter) => ({
    id: adapter.id,
    name: adapter.name,
    matches: [...adapter.matches],
    former: [...(adapter.formerMatches ?? [])],
    optional: !adapter.matches.every((pattern) => core.has(pattern)),
  }));
}

const SCRIPT_PREFIX = 'site-';
/** As the manifest's core scripts (see start.ts): Chrome holds a page's load event for a document_idle script. */
const RUN_AT = 'document_start';

/**
 * Register each granted optional site's own content script (`files`: site id -> built script path) and
 * unregister the rest. Idempotent. A site registers for the patterns it was granted: a site whose pattern list grew
 * (Google Scholar's country domains) keeps working where it was granted before, and Firefox users may withhold one host.
 * A site whose patterns widened (OpenReview and alphaXiv, from their paper pages to the whole site) keeps running on the
 * narrower ones an earlier version was granted, which do not hold the wider, until those are granted.
 */
export async function syncSiteScripts(files: Record<string, string>): Promise<void> {
  const manifest = browser.runtime.getManifest();
  const registered = new Map((await browser.scripting.getRegisteredContentScripts()).map((s) => [s.id, s]));
  for (const site of sites(manifest).filter((s) => s.optional)) {
    const id = SCRIPT_PREFIX + site.id;
    const script = files[site.id];
    if (!script) throw new Error(`No content script was built for ${site.id}`);
    const js = [script];
    const allGranted = await browser.permissions.contains({ origins: site.matches });
    const granted = allGranted ? site.matches : await grantedOf(site);
    const current = registered.get(id);
    if (granted.length && !current) {
      await browser.scripting.registerContentScripts([{ id, matches: granted, js, runAt: RUN_AT }]);
    } else if (granted.length && current && ((current.matches ?? []).join('\n') !== granted.join('\n') || current.runAt !== RUN_AT)) {
      // Also a script registered by an older version at document_idle.
      await browser.scripting.updateContentScripts([{ id, matches: granted, runAt: RUN_AT }]);
    } else if (!granted.length && current) {
      await browser.scripting.unregisterContentScripts({ ids: [id] });
    }
  }
}

/** The patterns of a site not granted whole that are granted: its own, and its former ones where none of its own are. */
async function grantedOf(site: SiteInfo): Promise<string[]> {
  const each = async (patterns: string[]) =>
    (await Promise.all(patterns.map(async (m) => ((await browser.permissions.contains({ origins: [m] })) ? [m] : [])))).flat();
  const own = await each(site.matches);
  return own.length ? own : each(site.former);
}
