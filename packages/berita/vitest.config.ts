import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'berita',
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
