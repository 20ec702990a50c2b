import { defineConfig } from 'vitest/config';

// One run over every package and app; each has its own vitest.config.ts (project).
export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/*'],
    // PGlite instances and Chromium are heavy: at most two test files at once on a 2-core machine.
    maxWorkers: 2,
    reporters: ['default', './scripts/summary-reporter.mjs'],
  },
});
