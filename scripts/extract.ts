import { runExtract } from '../src/cli/extract';

// A reader that stops early (`npm run -s extract -- … | head`) closes the pipe: that ends the command quietly, as it
// does for other command-line tools, rather than with a stack trace for EPIPE.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await runExtract(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
});
