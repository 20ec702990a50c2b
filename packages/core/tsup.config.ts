import { defineConfig } from 'tsup';

export default defineConfig([
  {
    entry: {
      index: 'src/index.ts',
      'server/index': 'src/server/index.ts',
      images: 'src/images.ts',
      vite: 'src/vite.ts',
      testing: 'src/testing.ts',
      'tsup-preset': 'src/tsup-preset.ts',
      style: 'src/style.css',
    },
    format: ['esm'],
    dts: { entry: ['src/index.ts', 'src/dates.ts', 'src/server/index.ts', 'src/images.ts', 'src/client/index.ts', 'src/client/server-render.tsx', 'src/client/boot.ts', 'src/vite.ts', 'src/testing.ts', 'src/tsup-preset.ts'] },
    sourcemap: true,
    target: 'node20',
  },
  {
    // The browser kit file by file, not bundled: a host's bundler then puts each part in the chunk of the page that
    // uses it (the map on the map pages, forms on form pages) instead of everything on the first page.
    entry: ['src/client/**/*.{ts,tsx}', '!src/client/**/*.test.{ts,tsx}', '!src/client/**/*.d.ts', '!src/client/test-fixtures.tsx', 'src/dates.ts', 'src/problem.ts'],
    outDir: 'dist',
    bundle: false,
    format: ['esm'],
    sourcemap: true,
    target: 'es2022',
  },
]);
