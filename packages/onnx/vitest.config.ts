import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // `pnpm test` runs every package's suite at once on a shared machine: a test that takes 2 s alone
    // can take 10 under that load, so the limits guard against hangs, not against slowness.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    include: ['test/**/*.test.ts'],
  },
});
