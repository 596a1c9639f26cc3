import { runExtract } from '../src/cli/extract';

process.exitCode = await runExtract(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
});
