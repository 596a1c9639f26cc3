// Derives the two store packages' manifests from the one source, manifest.json (issue #2):
// Chrome wants a service worker; Firefox 142+ wants `background.scripts` and the gecko settings. crxjs builds either as a
// module loader; scripts/build.mjs then bundles the background into one classic script, background.js, and names it.
import source from './manifest.json' with { type: 'json' };
import pkg from './package.json' with { type: 'json' };

export type Target = 'chrome' | 'firefox';

type Manifest = Omit<typeof source, 'browser_specific_settings' | 'background'> & {
  background: { service_worker?: string; scripts?: string[]; type?: string };
  browser_specific_settings?: typeof source.browser_specific_settings;
};

export function manifestFor(target: Target): Manifest {
  if (source.version !== pkg.version) {
    throw new Error(`manifest.json version ${source.version} differs from package.json ${pkg.version}`);
  }
  const { browser_specific_settings, background, ...common } = structuredClone(source);
  // Chrome's service worker has no DOMParser: an offscreen document reads the paper pages a link save fetches
  // (src/background/page-reader.ts). Firefox's background page parses itself, and knows no such permission.
  if (target === 'chrome') return { ...common, background, permissions: [...common.permissions, 'offscreen'] };
  return {
    ...common,
    background: { scripts: [background.service_worker], type: 'module' },
    browser_specific_settings,
  };
}
