import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { snapshotBuild } from '../../../bench/browser';
import { siteArg } from '../../../bench/pages';

/** Runs `fn` as a bench tool would, and returns what it printed and the code it exited with (the exit is stopped). */
function exitOf(fn: () => unknown): { code: number | undefined; printed: string } {
  const printed: string[] = [];
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void printed.push(args.join(' ')));
  vi.spyOn(process, 'exit').mockImplementation(((code?: number) => {
    throw Object.assign(new Error('exit'), { code });
  }) as never);
  try {
    fn();
  } catch (error) {
    if ((error as Error).message !== 'exit') throw error;
    return { code: (error as { code?: number }).code, printed: printed.join('\n') };
  }
  return { code: undefined, printed: printed.join('\n') };
}

const made: string[] = [];
const tempDir = () => {
  made.push(mkdtempSync(join(tmpdir(), 'ps-bench-')));
  return made.at(-1)!;
};

afterEach(() => {
  vi.restoreAllMocks();
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('bench tools: how they are run', () => {
  it('say in one line that there is no build to measure, and exit 1, rather than a stack trace', () => {
    const missing = join(tempDir(), 'dist/chrome');
    expect(exitOf(() => snapshotBuild(missing))).toEqual({ code: 1, printed: `No build at ${missing}: run \`npm run build\` first` });
  });

  it('copy a build that is there', () => {
    const dist = tempDir();
    writeFileSync(join(dist, 'manifest.json'), '{}');
    const copy = snapshotBuild(dist);
    made.push(copy);
    expect(copy).not.toBe(dist);
    expect(readFileSync(join(copy, 'manifest.json'), 'utf8')).toBe('{}');
  });

  it('take a known site, or the tool\'s own when none is named', () => {
    expect(siteArg('huggingface', 'arxiv')).toBe('huggingface');
    expect(siteArg('arxiv', 'huggingface')).toBe('arxiv');
    expect(siteArg(undefined, 'arxiv')).toBe('arxiv');
  });

  it('refuse a site they do not know, naming the ones they do, rather than measure arXiv instead', () => {
    expect(exitOf(() => siteArg('hugingface', 'arxiv'))).toEqual({
      code: 1,
      printed: 'Unknown site "hugingface": the sites are huggingface, arxiv',
    });
  });
});
