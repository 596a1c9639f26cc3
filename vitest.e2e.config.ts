import { defineConfig } from 'vitest/config';

// End-to-end tier: real Chromium and Firefox loading the built packages (run `npm run build` first).
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false, // two browsers on two cores: one file at a time
  },
});
