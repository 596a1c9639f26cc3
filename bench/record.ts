// `npx tsx bench/record.ts [--from FILE]`: records the last full `npm run bench` (its bench/results.json) in the
// repository: the whole table in bench/LAST-RUN.md, and the rows with a budget in the README's Performance section,
// between its `last-run` markers (report.ts `readmeWithRun`). So what the README says the last figures were, and on
// what machine, is what a run printed, not a hand copy. Refuses a `--quick` run (fewer loads, no 5,000-card pages).
import { readFileSync, writeFileSync } from 'node:fs';
import { fail } from './fail';
import { lastRunPage, readmeWithRun, readResults, runLine, tally } from './report';
import { arg } from './tool-output';

const from = arg('--from', 'bench/results.json');
let text: string;
try {
  text = readFileSync(from, 'utf8');
} catch {
  fail(`No ${from}: run \`npm run bench\` first`);
}
try {
  const results = readResults(text, from);
  writeFileSync('bench/LAST-RUN.md', lastRunPage(results));
  writeFileSync('README.md', readmeWithRun(readFileSync('README.md', 'utf8'), results));
  console.log(`bench/LAST-RUN.md and the README's table: ${runLine(results.machine)}; ${tally(results.figures)}`);
} catch (error) {
  fail((error as Error).message);
}
