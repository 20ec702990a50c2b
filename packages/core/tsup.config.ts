import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'server/index': 'src/server/index.ts',
    images: 'src/images.ts',
    'client/index': 'src/client/index.ts',
    vite: 'src/vite.ts',
    testing: 'src/testing.ts',
    'tsup-preset': 'src/tsup-preset.ts',
    style: 'src/style.css',
  },
  format: ['esm'],
  dts: { entry: ['src/index.ts', 'src/server/index.ts', 'src/images.ts', 'src/client/index.ts', 'src/vite.ts', 'src/testing.ts', 'src/tsup-preset.ts'] },
  sourcemap: true,
  clean: true,
  target: 'node20',
});
