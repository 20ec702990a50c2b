import { defineProject } from 'vitest/config';
import { versionDefines } from './versions.config.js';

export default defineProject({
  define: versionDefines(),
  test: {
    name: 'create-kota-app',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
