// The JavaScript a page starts with, gzip -9: the scripts index.html loads and, for a Kota Kit host, the app its
// entry starts once the server-rendered page is painted (kota-kit-preload.json, the visitor's language), without the
// translation tables (text, counted on the module pages' budgets). Used by `pnpm bench` and the size-budget test.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** @param {string} dist a built browser app (Vite's output) @returns {{ bytes: number, files: string[] }} */
export function firstPageJs(dist) {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const loaded = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.js)"/g)].map((match) => match[1]);
  const preload = join(dist, 'kota-kit-preload.json');
  const started = existsSync(preload) ? (JSON.parse(readFileSync(preload, 'utf8')).id ?? []) : [];
  const tables = translationTables(dist);
  const files = [...new Set([...loaded, ...started])].filter((file) => !tables.has(file));
  return { bytes: files.reduce((sum, file) => sum + gzipSync(readFileSync(join(dist, file)), { level: 9 }).byteLength, 0), files };
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
