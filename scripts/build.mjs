// Builds dist/chrome and dist/firefox from the one manifest source, then zips each for its store.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { zipSync } from 'fflate';
import { build } from 'vite';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** Every script the service worker loads: its loader, then static imports, transitively (paths relative to dir). */
function workerChunks(dir, manifest = JSON.parse(readFileSync(`${dir}/manifest.json`, 'utf8'))) {
  const start = manifest.background?.service_worker ?? manifest.background?.scripts?.[0];
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(join(dir, file), 'utf8');
    for (const [, spec] of code.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[^'"`;]*?from\s*)?["']([^"']+\.js)["']/g)) {
      visit(spec.startsWith('/') ? spec.slice(1) : join(file, '..', spec));
    }
  };
  if (start) visit(start);
  return [...seen];
}

/** The one file the background runs from (bundleBackground). */
const BACKGROUND = 'background.js';

/**
 * The background as one classic script, not crxjs's module loader and the 16 chunks it imports. Chrome stops a worker
 * after 30 s idle, so most saves start one: its first line ran 26-34 ms after the message that woke it from the
 * modules, 13-18 ms from one classic file, and such a save was acknowledged in 56-58 ms, now 34-37 (medians,
 * `bench/lookup.ts`; stop 45 in bench/HISTORY.md). A service worker cannot load code later (no import()), so all of it
 * is there either way. The worker's chunks that nothing else names are removed.
 */
async function bundleBackground(dir, manifest, workerFiles) {
  const loader = workerFiles[0];
  const [output] = await build({
    configFile: false,
    publicDir: false,
    logLevel: 'warn',
    build: {
      write: false,
      target: 'es2022',
      lib: { entry: join(dir, loader), formats: ['iife'], name: 'papershelfBackground', fileName: () => BACKGROUND },
      rollupOptions: {
        // The modules were strict; a classic script is only when it says so.
        output: { strict: true },
      },
    },
  });
  const chunks = output.output.filter((file) => file.type === 'chunk');
  if (chunks.length !== 1) throw new Error(`the background bundled into ${chunks.length} files, not one`);
  writeFileSync(join(dir, BACKGROUND), chunks[0].code);
  // Keep every file another one names (a page's chunk the worker shared, a dynamic import), and what those import.
  const candidates = new Set(workerFiles);
  const others = () => files(dir).filter((file) => !candidates.has(relative(dir, file)) && !file.endsWith('.zip'));
  for (let kept = true; kept; ) {
    kept = false;
    const texts = others().filter((file) => /\.(js|html|json)$/.test(file)).map((file) => readFileSync(file, 'utf8'));
    for (const file of candidates) {
      if (file === loader || !texts.some((text) => text.includes(basename(file)))) continue;
      candidates.delete(file);
      kept = true;
    }
  }
  for (const file of candidates) rmSync(join(dir, file));
  manifest.background = manifest.background.service_worker ? { service_worker: BACKGROUND } : { scripts: [BACKGROUND] };
  if (workerChunks(dir, manifest).length !== 1) throw new Error(`${dir}/${BACKGROUND} imports other files: a classic script cannot`);
}

for (const target of ['chrome', 'firefox']) {
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
    stdio: 'inherit',
    env: { ...process.env, PAPERSHELF_TARGET: target },
  });
  const dir = `dist/${target}`;
  // crxjs lists the dynamically registered site scripts as web-accessible to every site. Registering them
  // with scripting.registerContentScripts does not need that, and no page should be able to probe our files.
  const manifestPath = `${dir}/manifest.json`;
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  delete manifest.web_accessible_resources;
  // The pages' chunks (vite.config.ts): the service worker must not load the popup's (its components, Preact).
  const loaded = workerChunks(dir);
  const popupChunk = loaded.find((file) => /(^|\/)popup-[\w-]+\.js$/.test(file));
  if (popupChunk) throw new Error(`the service worker loads ${popupChunk}: move the module it shares with the popup into the protocol chunk (vite.config.ts)`);
  await bundleBackground(dir, manifest, loaded);
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  const entries = {};
  // A fixed date keeps the archives reproducible.
  for (const file of files(dir).sort()) entries[relative(dir, file)] = [readFileSync(file), { mtime: new Date('2026-01-01') }];
  // No request code from a dependency (citation-js brings two HTTP clients; vite.config.ts replaces them): the
  // extension's requests are the background's, to the hosts its manifest names.
  const requesting = Object.entries(entries).filter(([file, [bytes]]) => file.endsWith('.js') && bytes.toString('utf8').includes('XMLHttpRequest'));
  if (requesting.length) throw new Error(`${requesting.map(([file]) => `${dir}/${file}`).join(', ')} holds an XMLHttpRequest: a dependency's HTTP client got into the build (see resolve.alias in vite.config.ts)`);
  const zip = `dist/papershelf-${target}-${version}.zip`;
  writeFileSync(zip, zipSync(entries, { level: 9 }));
  console.log(`built ${dir} and ${zip}`);
}
