// The `npm run extract` command as a shell runs it (scripts/extract.ts around src/cli/extract.ts).
import { execFile } from 'node:child_process';
import { expect, it } from 'vitest';

it('ends quietly, exit 0, when its reader stops early (`| head`)', async () => {
  // A shell pipeline, as a reader types it: head exits after 100 bytes of ~77 kB and the command's next write fails.
  const script = `node --import tsx scripts/extract.ts test/fixtures/huggingface/daily-2026-07-02.html --url https://huggingface.co/papers/date/2026-07-02 | head -c 100 > /dev/null; exit \${PIPESTATUS[0]}`;
  const { code, stderr } = await new Promise<{ code: number; stderr: string }>((resolve) =>
    execFile('bash', ['-c', script], (error, _stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stderr })),
  );
  expect(stderr).toBe('');
  expect(code).toBe(0);
}, 30_000);
