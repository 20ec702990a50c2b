/**
 * @kota-kit/core/tsup — the build every module package shares: `export default defineConfig(moduleBuild())` in
 * tsup.config.ts. ESM only, types for each entry, core and React left to the host (one copy for every module).
 */
import { rmSync } from 'node:fs';
import type { Options } from 'tsup';

export interface ModuleBuildOptions {
  /** More packages the host provides or that must not be bundled (e.g. native ones like sharp). */
  external?: string[];
  /** Whether the module has src/style.css (default true). */
  styles?: boolean;
}

/**
 * Two builds into dist/: the package root and the server bundled; everything else (the browser half and the
 * schemas it shares with the server) file by file, so the host's bundler puts each file in the chunk of the page
 * that uses it — the home widget does not bring the report form's schemas.
 */
export function moduleBuild(options: ModuleBuildOptions = {}): Options[] {
  // The two builds run at once, so neither may clean dist/ while the other writes: clean it once, here.
  rmSync('dist', { recursive: true, force: true });
  const external = ['@kota-kit/core', 'react', 'react-dom', ...(options.external ?? [])];
  return [
    {
      entry: { index: 'src/index.ts', 'server/index': 'src/server/index.ts', ...(options.styles === false ? {} : { style: 'src/style.css' }) },
      format: ['esm'],
      dts: { entry: ['src/index.ts', 'src/server/index.ts', 'src/client/index.ts'] },
      sourcemap: true,
      target: 'node20',
      external,
    },
    {
      entry: ['src/**/*.{ts,tsx}', '!src/index.ts', '!src/server/**', '!src/**/*.test.{ts,tsx}', '!src/**/*.d.ts'],
      outDir: 'dist',
      bundle: false,
      format: ['esm'],
      sourcemap: true,
      target: 'es2022',
    },
  ];
}
