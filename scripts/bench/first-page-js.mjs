// The JavaScript a page starts with, gzip -9: the scripts index.html loads and, for a Kota Kit host, the app its
// entry starts once the server-rendered page is painted (kota-kit-preload.json, the visitor's language), without the
// translation tables (text, counted on the module pages' budgets). Used by `pnpm bench` and the size-budget test.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * `bytes` is gzip -9 of each file (the same measure for any Vite build, so the bare page compares); `sentBytes` is
 * what the kit's server sends a browser that takes brotli: the `.br` copy the Vite plugin wrote, where there is one.
 * @param {string} dist a built browser app (Vite's output) @returns {{ bytes: number, sentBytes: number, files: string[] }}
 */
export function firstPageJs(dist) {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const loaded = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.js)"/g)].map((match) => match[1]);
  const preload = join(dist, 'kota-kit-preload.json');
  const started = existsSync(preload) ? (JSON.parse(readFileSync(preload, 'utf8')).id ?? []) : [];
  const tables = translationTables(dist);
  const files = [...new Set([...loaded, ...started])].filter((file) => !tables.has(file));
  const gzip = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).byteLength;
  const sent = (file) => (existsSync(join(dist, `${file}.br`)) ? statSync(join(dist, `${file}.br`)).size : gzip(file));
  return { bytes: files.reduce((sum, file) => sum + gzip(file), 0), sentBytes: files.reduce((sum, file) => sum + sent(file), 0), files };
}

/** Chunks made only of modules' translations/<language> files (read from their source maps). */
function translationTables(dist) {
  const tables = new Set();
  for (const file of readdirSync(join(dist, 'assets'))) {
    if (!file.endsWith('.js.map')) continue;
    const { sources } = JSON.parse(readFileSync(join(dist, 'assets', file), 'utf8'));
    if (sources.length > 0 && sources.every((source) => /[\\/]translations[\\/](id|en)\.[jt]sx?$/.test(source))) tables.add(`assets/${file.slice(0, -'.map'.length)}`);
  }
  return tables;
}
