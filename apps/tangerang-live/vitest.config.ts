import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'tangerang-live',
    include: ['e2e/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
