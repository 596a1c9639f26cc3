// What the one-question tools (lookup.ts, popup.ts, relevance-index.ts) share: their command-line options and their
// lines of samples.

/** The value after `--name` on the command line, else `fallback`. */
export function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1]! : fallback;
}

/** Prints a figure: its median (the upper of the two middle samples of an even count) and every sample, to `digits` decimals. */
export function show(label: string, xs: number[], digits = 1): void {
  const median = [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  console.log(`${label.padEnd(44)} ${median.toFixed(digits).padStart(6 + digits)} ms   [${xs.map((x) => x.toFixed(digits)).join(', ')}]`);
}
