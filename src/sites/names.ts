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
 * The core sites (their content scripts are in the manifest, one entry file per site) with their URL patterns,
 * read from the manifest alone.
 */
export function coreSites(manifest: { content_scripts?: { js?: string[]; matches?: string[] }[] }): { id: string; name: string; matches: string[] }[] {
  return (manifest.content_scripts ?? []).flatMap((script) => {
    const id = /entries\/([\w-]+)\.[jt]s$/.exec(script.js?.[0] ?? '')?.[1];
    return id && id in SITE_NAMES ? [{ id, name: SITE_NAMES[id as SiteId], matches: [...(script.matches ?? [])] }] : [];
  });
}
