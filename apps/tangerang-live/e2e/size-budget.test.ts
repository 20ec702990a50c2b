// The JavaScript budget of a citizen's first page (issue 12), checked on every build: the scripts the built host's
// index.html loads before first paint (entry + modulepreloads) may weigh at most 1.5× those of a bare Vite + React
// page built here with the same tools. A change that pulls a big library into the first page fails this test.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const repository = join(here, '../../..');
const work = mkdtempSync(join(tmpdir(), 'kk-size-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Gzip bytes of the scripts an index.html loads before it can paint. */
function firstPaintJs(dist: string): { bytes: number; files: string[] } {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.js)"/g)].map((match) => match[1]!);
  return { bytes: files.reduce((sum, file) => sum + gzipSync(readFileSync(join(dist, file)), { level: 9 }).byteLength, 0), files };
}

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
    const bare = firstPaintJs(bareDist);
    const host = firstPaintJs(join(here, '../dist/client'));
    // The bare page is React and nothing else: if it weighs little, the comparison means nothing.
    expect(bare.bytes).toBeGreaterThan(40_000);
    expect(host.files.length).toBeGreaterThan(0);
    console.log(`first-paint JS: host ${(host.bytes / 1024).toFixed(1)} kB, bare React ${(bare.bytes / 1024).toFixed(1)} kB (${(host.bytes / bare.bytes).toFixed(2)}×)`);
    expect(host.bytes, `first-paint scripts: ${host.files.join(', ')}`).toBeLessThanOrEqual(1.5 * bare.bytes);
  });
});
