// `npm run demo` is the README's first proof that the extension works: it must annotate every card of its bundled
// page (identified at once, overlays once scrolled into view) and exit 0, or say what it did not do and exit 1.
import { expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

it('chromium: the demo annotates every card of its bundled page and writes its screenshot', async () => {
  const shot = join(mkdtempSync(join(tmpdir(), 'papershelf-demo-test-')), 'demo.png');
  const env: NodeJS.ProcessEnv = { ...process.env, PAPERSHELF_DEMO_SHOT: shot };
  delete env.DISPLAY; // headless, and the script closes the browser itself
  const { code, stdout } = await new Promise<{ code: number; stdout: string }>((resolve) => {
    execFile('node', ['scripts/demo.mjs'], { env, timeout: 50_000 }, (error, stdout) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout }),
    );
  });
  expect(stdout).toMatch(/identified 31 of 31 paper cards/);
  expect(stdout).toMatch(/showed its overlay on 31 of 31/);
  expect(code).toBe(0);
  expect([...readFileSync(shot).subarray(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
});
