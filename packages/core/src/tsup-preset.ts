/**
 * @kota-kit/core/tsup — the build every module package shares: `export default moduleBuild()` in tsup.config.ts.
 * ESM only, types for each entry, core and React left to the host (one copy for every module).
 */
import type { Options } from 'tsup';

export interface ModuleBuildOptions {
  /** More packages the host provides or that must not be bundled (e.g. native ones like sharp). */
  external?: string[];
  /** Whether the module has src/style.css (default true). */
  styles?: boolean;
}

export function moduleBuild(options: ModuleBuildOptions = {}): Options {
  const code = { index: 'src/index.ts', 'server/index': 'src/server/index.ts', 'client/index': 'src/client/index.ts' };
  return {
    entry: { ...code, ...(options.styles === false ? {} : { style: 'src/style.css' }) },
    format: ['esm'],
    dts: { entry: Object.values(code) },
    sourcemap: true,
    clean: true,
    target: 'node20',
    external: ['@kota-kit/core', 'react', 'react-dom', ...(options.external ?? [])],
  };
}
