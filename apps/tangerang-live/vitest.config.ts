import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'tangerang-live',
    include: ['e2e/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    // Starting the built host seeds four modules' demo data: allow for a busy 2-core machine.
    hookTimeout: 300_000,
  },
});
