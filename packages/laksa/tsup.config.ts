import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'server/index': 'src/server/index.ts',
    'client/index': 'src/client/index.ts',
    style: 'src/style.css',
  },
  format: ['esm'],
  dts: { entry: ['src/index.ts', 'src/server/index.ts', 'src/client/index.ts'] },
  sourcemap: true,
  clean: true,
  target: 'node20',
  // Core and React come from the host, one copy for every module.
  external: ['@kota-kit/core', 'react', 'react-dom', 'sharp'],
});
