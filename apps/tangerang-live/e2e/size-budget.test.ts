// The JavaScript budget of a citizen's first page (issue 12), checked on every build: the code the built host's page
// starts at once — index.html's entry and, right after the server-rendered page is painted, the app it starts (the
// preload list the Vite plugin writes, without the translation tables, which are text) — may weigh at most 1.5×
// the scripts of a bare Vite + React page built here with the same tools. A change that pulls a big library into
// the first page fails this test.
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { firstPageJs } from '../../../scripts/bench/first-page-js.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const repository = join(here, '../../..');
const work = mkdtempSync(join(tmpdir(), 'kk-size-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('first page JavaScript budget', () => {
  it("keeps Tangerang Live's first paint within 1.5× a bare React page", async () => {
    const bareDist = join(work, 'bare-react');
    await build({
      root: join(repository, 'scripts/bench/bare-react'),
      configFile: false,
      logLevel: 'error',
      // Vitest sets NODE_ENV=test, which would give React's development build: compare production with production.
      mode: 'production',
      define: { 'process.env.NODE_ENV': JSON.stringify('production') },
      plugins: [react()],
      // The bare page's sources live outside this package: React comes from the host's own dependencies.
      resolve: { alias: { react: dirname(require.resolve('react/package.json')), 'react-dom': dirname(require.resolve('react-dom/package.json')) } },
      build: { outDir: bareDist, emptyOutDir: true },
    });
    const bare = firstPageJs(bareDist);
    const host = firstPageJs(join(here, '../dist/client'));
    // The bare page is React and nothing else: if it weighs little, the comparison means nothing.
    expect(bare.bytes).toBeGreaterThan(40_000);
    // React and core at least: a wrong list of files would pass anything.
    expect(host.bytes).toBeGreaterThan(bare.bytes);
    console.log(`first-page JS: host ${(host.bytes / 1024).toFixed(1)} kB, bare React ${(bare.bytes / 1024).toFixed(1)} kB (${(host.bytes / bare.bytes).toFixed(2)}×)`);
    expect(host.bytes, `first-page scripts: ${host.files.join(', ')}`).toBeLessThanOrEqual(1.5 * bare.bytes);
  });
});
