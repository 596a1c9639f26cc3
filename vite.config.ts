import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { crx } from '@crxjs/vite-plugin';
import { manifestFor, type Target } from './manifest.config.ts';

// One build per browser: `PAPERSHELF_TARGET=firefox vite build` (scripts/build.mjs runs both).
const target = (process.env.PAPERSHELF_TARGET ?? 'chrome') as Target;

export default defineConfig({
  plugins: [
    preact(),
    crx({
      manifest: manifestFor(target) as never,
      browser: target,
      // One self-contained content script: no loader, so no web-accessible resources the page could probe.
      contentScripts: { standaloneFiles: ['src/content/index.ts'] },
    }),
  ],
  build: {
    outDir: `dist/${target}`,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    modulePreload: false,
  },
  // Never a dev-server websocket or HMR client in a store build.
  server: { port: 5174, strictPort: true, hmr: false },
});
