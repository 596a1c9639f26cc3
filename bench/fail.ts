/**
 * Ends a bench tool that was run the wrong way (no build yet, an unknown site) with the one line that says what to
 * do, and exit code 1: a stack trace would read as a bug in the tool.
 */
export function fail(message: string): never {
  console.error(message);
  process.exit(1);
}
