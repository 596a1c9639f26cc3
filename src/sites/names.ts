// Each site's display name by adapter id: data only, so pages that name sites (the popup's access notice) need
// not load the adapters themselves.
export const SITE_NAMES = {
  huggingface: 'Hugging Face Papers',
  arxiv: 'arXiv',
  alphaxiv: 'alphaXiv',
  openreview: 'OpenReview',
  semanticscholar: 'Semantic Scholar',
  scholar: 'Google Scholar',
  aclanthology: 'ACL Anthology',
  pmlr: 'PMLR',
  neurips: 'NeurIPS Proceedings',
  cvf: 'CVF Open Access',
  dblp: 'dblp',
} as const;

export type SiteId = keyof typeof SITE_NAMES;

/**
 * The core sites (their content scripts are in the manifest, one entry file per site, possibly in more than one
 * content_scripts entry: Hugging Face has a second one with exclusions) with their URL patterns, read from the
 * manifest alone.
 */
export function coreSites(manifest: { content_scripts?: { js?: string[]; matches?: string[] }[] }): { id: string; name: string; matches: string[] }[] {
  const sites = new Map<string, { id: string; name: string; matches: string[] }>();
  for (const script of manifest.content_scripts ?? []) {
    const id = /entries\/([\w-]+)\.[jt]s$/.exec(script.js?.[0] ?? '')?.[1];
    if (!id || !(id in SITE_NAMES)) continue;
    const site = sites.get(id) ?? { id, name: SITE_NAMES[id as SiteId], matches: [] };
    site.matches.push(...(script.matches ?? []).filter((m) => !site.matches.includes(m)));
    sites.set(id, site);
  }
  return [...sites.values()];
}
