import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'cli',
    // e2e/: the publish-and-install test of a second region (verdaccio, npm, Chromium; several minutes).
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'e2e/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
