// Builds dist/chrome and dist/firefox from the one manifest source, then zips each for its store.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { zipSync } from 'fflate';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** Every script the service worker loads: its loader, then static imports, transitively (paths relative to dir). */
function workerChunks(dir) {
  const manifest = JSON.parse(readFileSync(`${dir}/manifest.json`, 'utf8'));
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
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  // The pages' chunks (vite.config.ts): the service worker must not load the popup's (its components, Preact).
  const loaded = workerChunks(dir);
  const popupChunk = loaded.find((file) => /(^|\/)popup-[\w-]+\.js$/.test(file));
  if (popupChunk) throw new Error(`the service worker loads ${popupChunk}: move the module it shares with the popup into the protocol chunk (vite.config.ts)`);
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
