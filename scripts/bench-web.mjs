#!/usr/bin/env node
// Prints Lighthouse's mobile figures (slow 4G, 4× slower CPU) for pages of the built Tangerang Live host.
// A benchmark, not a test: `pnpm build` first, then `pnpm bench:web [path …]`. Needs Chromium (KK_CHROMIUM_PATH).
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const paths = process.argv.slice(2).length ? process.argv.slice(2) : ['/', '/laksa', '/harga-pasar'];
const port = 3900;
const dataDir = mkdtempSync(join(tmpdir(), 'kk-bench-web-'));
const server = spawn(process.execPath, ['dist/server/server.js', '--demo'], {
  cwd: new URL('../apps/tangerang-live/', import.meta.url),
  env: { ...process.env, PORT: String(port), KOTA_DATA_DIR: join(dataDir, 'db'), KOTA_UPLOADS_DIR: join(dataDir, 'up'), DATABASE_URL: '' },
  stdio: 'ignore',
});
try {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) break;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const flags = '--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run';
  console.log('page\tscore\tFCP\tLCP\tTBT\tbytes');
  for (const path of paths) {
    const out = join(dataDir, 'report.json');
    execFileSync('npx', ['-y', 'lighthouse@12.2.3', `http://127.0.0.1:${port}${path}`, '--output=json', `--output-path=${out}`, '--quiet', '--only-categories=performance,accessibility', `--chrome-flags=${flags}`], {
      env: { ...process.env, CHROME_PATH: process.env.KK_CHROMIUM_PATH ?? '/usr/bin/chromium' },
      stdio: 'ignore',
    });
    const report = JSON.parse(readFileSync(out, 'utf8'));
    const audit = (id) => report.audits[id].displayValue;
    console.log([path, Math.round(report.categories.performance.score * 100), audit('first-contentful-paint'), audit('largest-contentful-paint'), audit('total-blocking-time'), audit('total-byte-weight')].join('\t'));
  }
} finally {
  server.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
}
