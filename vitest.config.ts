import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';

// Unit and DOM-fixture tests (tiers 1 and 2). End-to-end tests have their own config, vitest.e2e.config.ts
// (`npm run test:e2e`), and run against the built packages.
export default defineConfig({
  plugins: [preact()],
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'],
    environment: 'node',
    setupFiles: ['test/unit/settle-effects.ts'],
    globals: false,
    reporters: ['default'],
  },
});
