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
  const entries = {};
  // A fixed date keeps the archives reproducible.
  for (const file of files(dir).sort()) entries[relative(dir, file)] = [readFileSync(file), { mtime: new Date('2026-01-01') }];
  const zip = `dist/papershelf-${target}-${version}.zip`;
  writeFileSync(zip, zipSync(entries, { level: 9 }));
  console.log(`built ${dir} and ${zip}`);
}
