import { defineConfig } from 'tsup';

// Bundles the server entry with kota.config.ts, and the backup command; every package stays an import resolved at run time.
export default defineConfig({
  entry: { server: 'src/server.ts', backup: 'src/backup.ts' },
  outDir: 'dist/server',
  format: ['esm'],
  target: 'node20',
  clean: true,
  sourcemap: true,
});
