import { defineConfig } from 'tsup';

// Bundles the server entry with kota.config.ts; every package stays an import resolved at run time.
export default defineConfig({
  entry: { server: 'src/server.ts' },
  outDir: 'dist/server',
  format: ['esm'],
  target: 'node20',
  clean: true,
  sourcemap: true,
});
