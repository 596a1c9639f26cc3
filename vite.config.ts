import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { crx } from '@crxjs/vite-plugin';
import { manifestFor, type Target } from './manifest.config.ts';

// One build per browser: `PAPERSHELF_TARGET=firefox vite build` (scripts/build.mjs runs both).
const target = (process.env.PAPERSHELF_TARGET ?? 'chrome') as Target;
const noNetwork = fileURLToPath(new URL('./src/core/export/no-network.ts', import.meta.url));

export default defineConfig({
  plugins: [
    preact(),
    crx({
      manifest: manifestFor(target) as never,
      browser: target,
      // Self-contained content scripts, one per site: no loader, so no web-accessible resources the page could
      // probe. Optional sites' scripts are built through `?iife` imports in src/background/site-script-files.ts.
      contentScripts: { standaloneFiles: ['src/content/entries/huggingface.ts', 'src/content/entries/arxiv.ts'] },
    }),
  ],
  resolve: {
    // citation-js's HTTP clients, never used (we call its parsers and formatters, not its URL or DOI inputs): a
    // stand-in that refuses, so the package holds no request code of theirs (src/core/export/no-network.ts).
    alias: { 'sync-fetch': noNetwork, 'node-fetch': noNetwork },
  },
  build: {
    // The full-page library is opened from the popup, and Chrome's offscreen page reader (src/background/page-reader.ts)
    // by the service worker: neither is named in the manifest.
    rollupOptions: {
      input: { library: 'src/library/index.html', ...(target === 'chrome' ? { offscreen: 'src/offscreen/index.html' } : {}) },
      // The extension pages' code in few chunks: the popup loaded nine (each page's own modules and every module two
      // pages share), and extension resources answer slowly (~75 ms to the first response on this machine, traced).
      // 'protocol' is what the service worker shares with the pages; 'popup' the popup's modules and the rest of what
      // they import, which the library and options pages reuse. Popup open, interleaved A/B of 3 × 9 opens: first
      // item 191 -> 179 ms. scripts/build.mjs fails the build if the service worker ever loads the popup's chunk.
      // The address readers (core/venues, core/publishers) are the service worker's link saves' and the popup's search's
      // (popup/addressed-search.ts): in 'protocol', not pulled into 'popup' with the search.
      // core/escape-regexp is the tag rules' checks' (the service worker) and the search's phrases' (the popup's).
      output: {
        codeSplitting: {
          groups: [
            { name: 'protocol', test: /[\\/](src[\\/](background[\\/](messages|client|link-problem|rejected-token)|core[\\/](token-digest|venues|publishers|escape-regexp|export[\\/]settings)|storage[\\/](edit|schema|status)|sites[\\/]names)\.ts|node_modules[\\/](valibot|webextension-polyfill)[\\/])/, priority: 20 },
            // Not popup.css: a style sheet in this chunk is linked by every page that loads it (the library and options
            // pages had the popup's 480 px body, stop 34).
            { name: 'popup', test: /[\\/]src[\\/]popup[\\/](?!main\.tsx|index\.html)(?![^?]*\.css(\?|$))/, priority: 10 },
          ],
        },
      } as never,
    },
    outDir: `dist/${target}`,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // <link rel="modulepreload"> for every chunk an extension page imports, so they load side by side instead of one
    // import level at a time (popup DOMContentLoaded 221 -> 181 ms, 7 opens each). No polyfill: it would be an
    // inline script, and both browsers preload modules natively.
    modulePreload: { polyfill: false },
  },
  // Never a dev-server websocket or HMR client in a store build.
  server: { port: 5174, strictPort: true, hmr: false },
});
