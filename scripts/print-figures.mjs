// `node scripts/print-figures.mjs clear` before the tests, `node scripts/print-figures.mjs` after them: prints
// what the robustness suites proved (test-results/figures/*.json, written by test/figures.ts).
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(import.meta.dirname, '../test-results/figures');
if (process.argv[2] === 'clear') {
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
}

const parts = existsSync(dir)
  ? readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')))
  : [];
const fmt = (n) => new Intl.NumberFormat('en-US').format(n);
const label = (name) => name.replace(/([A-Z])/g, ' $1').toLowerCase();
console.log('\nWhat the tests proved (test-results/figures/):');
if (!parts.length) console.log('  no figures recorded (run the whole suite: npm test)');
const totals = {};
for (const part of parts) {
  const counts = Object.entries(part.counts ?? {}).map(([k, v]) => `${fmt(v)} ${label(k)}`).join(', ');
  const seed = part.seed !== undefined ? ` (seed ${part.seed})` : '';
  console.log(`  ${part.suite.padEnd(18)} ${counts}${seed}, ${fmt(Math.round(part.durationMs / 100) / 10)} s`);
  for (const [k, v] of Object.entries(part.details ?? {})) console.log(`  ${''.padEnd(18)}   ${k}: ${v}`);
  for (const f of part.findings ?? []) console.log(`  ${''.padEnd(18)}   note x${f.count}: ${f.summary}`);
  for (const [k, v] of Object.entries(part.counts ?? {})) totals[k] = (totals[k] ?? 0) + v;
}
const headline = ['mutationsTried', 'payloadsTried', 'messagesTried', 'concurrentOperationsChecked', 'writesAcrossWorkerStops', 'migrationsChecked', 'recordsRoundTripped'];
const shown = headline.filter((k) => totals[k] !== undefined).map((k) => `${fmt(totals[k])} ${label(k)}`);
if (shown.length) console.log(`  total: ${shown.join(', ')}`);
