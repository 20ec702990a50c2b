#!/usr/bin/env node
// `pnpm bench`: Tangerang Live side by side with a bare page and a bare endpoint, built and started here, in one
// run on this machine — so the figures compare like with like. A benchmark that prints figures, not a test.
//   JavaScript: gzip bytes of the code a page starts with (entry + the app it starts), the bare Vite + React page as the baseline.
//   Lighthouse mobile (simulated slow 4G, 4× CPU): performance, accessibility, LCP, TBT, script bytes; the median of
//   several runs per page (Lighthouse's own advice: one run's TBT varies by ±100 ms on this 2-core machine), with the
//   range of TBT shown.
//   Server: requests/s and p99 at 50 connections of public read endpoints, against a bare Hono + PGlite endpoint.
// Needs `pnpm build` first (turbo builds the host) and Chromium (KK_CHROMIUM_PATH, default /usr/bin/chromium).
// Flags: --no-lighthouse, --no-http, --seconds=N (per endpoint, default 8), --lighthouse-runs=N (per page, default 5),
// --big (adds harga pasar's 5.5 M-row bench).
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { firstPageJs } from './bench/first-page-js.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const flags = process.argv.slice(2);
const seconds = Number(flags.find((flag) => flag.startsWith('--seconds='))?.split('=')[1] ?? 8);
const lighthouseRuns = Math.max(1, Number(flags.find((flag) => flag.startsWith('--lighthouse-runs='))?.split('=')[1] ?? 5));
const work = mkdtempSync(join(tmpdir(), 'kk-bench-'));
const children = [];
const hostPort = 3900;
const barePort = 3990;

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(url, tries = 240) {
  for (let i = 0; i < tries; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not answering yet
    }
    await sleep(500);
  }
  throw new Error(`${url} did not answer`);
}

async function buildBareReact() {
  const require = createRequire(join(root, 'apps/tangerang-live/package.json'));
  const { build } = await import(require.resolve('vite'));
  const react = (await import(require.resolve('@vitejs/plugin-react'))).default;
  const outDir = join(work, 'bare-react');
  await build({
    root: join(root, 'scripts/bench/bare-react'),
    logLevel: 'warn',
    plugins: [react()],
    resolve: { alias: { react: join(require.resolve('react/package.json'), '..'), 'react-dom': join(require.resolve('react-dom/package.json'), '..') } },
    build: { outDir, emptyOutDir: true },
  });
  return outDir;
}

function start(command, args, options) {
  const child = spawn(command, args, { stdio: 'ignore', ...options });
  children.push(child);
  return child;
}

function lighthouse(url) {
  const out = join(work, 'report.json');
  rmSync(out, { force: true }); // never the previous run's figures
  const chrome = '--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run';
  try {
    execFileSync('npx', ['-y', 'lighthouse@12.2.3', url, '--output=json', `--output-path=${out}`, '--quiet', '--only-categories=performance,accessibility', `--chrome-flags=${chrome}`], {
      env: { ...process.env, CHROME_PATH: process.env.KK_CHROMIUM_PATH ?? '/usr/bin/chromium' },
      stdio: 'ignore',
    });
  } catch {
    return null; // Lighthouse itself failed (its Chromium went away): a run without figures
  }
  const report = JSON.parse(readFileSync(out, 'utf8'));
  const scripts = report.audits['resource-summary'].details.items.find((item) => item.resourceType === 'script');
  return {
    performance: Math.round(report.categories.performance.score * 100),
    accessibility: Math.round(report.categories.accessibility.score * 100),
    lcp: report.audits['largest-contentful-paint'].numericValue,
    tbt: report.audits['total-blocking-time'].numericValue,
    script: scripts?.transferSize ?? 0,
  };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Lighthouse `runs` times: the median of each figure, and TBT's lowest and highest. */
function lighthouseMedian(url, runs) {
  // A run Lighthouse could not finish (about one in fifteen here) has no figures: left out, and said.
  const all = Array.from({ length: runs }, () => lighthouse(url)).filter((figures) => figures && Number.isFinite(figures.lcp) && Number.isFinite(figures.tbt));
  if (all.length === 0) throw new Error(`Lighthouse gave no figures for ${url} in ${runs} runs`);
  if (all.length < runs) console.log(`  (${url}: ${runs - all.length} of ${runs} Lighthouse runs gave no figures and are left out)`);
  const of = (key) => median(all.map((figures) => figures[key]));
  const tbts = all.map((figures) => figures.tbt);
  return { performance: of('performance'), accessibility: of('accessibility'), lcp: of('lcp'), tbt: of('tbt'), script: of('script'), tbtRange: [Math.min(...tbts), Math.max(...tbts)] };
}

async function load(url, headers = {}) {
  const require = createRequire(join(root, 'package.json'));
  const autocannon = (await import(require.resolve('autocannon'))).default;
  // Warm caches and JIT first, as a server in use would be.
  for (let i = 0; i < 20; i++) await fetch(url).then((response) => response.arrayBuffer());
  const result = await autocannon({ url, connections: 50, duration: seconds, headers: { 'accept-encoding': 'gzip', ...headers } });
  // A revalidation answered 304 is a success here (autocannon counts only 2xx as such).
  const notModified = headers['if-none-match'] ? (result['3xx'] ?? 0) : 0;
  return { rps: result.requests.average, p99: result.latency.p99, errors: result.errors + result.non2xx - notModified };
}

const results = [];
const check = (name, ok, detail) => results.push({ name, ok, detail });

try {
  console.log('Building the bare React page and starting the servers…');
  const bareDist = await buildBareReact();
  start(process.execPath, [join(root, 'scripts/bench/bare-server.mjs'), String(barePort), bareDist]);
  const data = join(work, 'host');
  // The host's log is kept: when it stops answering, its last lines say why.
  const hostLog = join(work, 'host.log');
  start(process.execPath, ['dist/server/server.js', '--demo'], {
    stdio: ['ignore', openSync(hostLog, 'a'), openSync(hostLog, 'a')],
    cwd: join(root, 'apps/tangerang-live'),
    env: { ...process.env, PORT: String(hostPort), KOTA_DATA_DIR: join(data, 'db'), KOTA_UPLOADS_DIR: join(data, 'uploads'), KOTA_BACKUP_DIR: join(data, 'backups'), DATABASE_URL: '' },
  });
  await waitFor(`http://127.0.0.1:${barePort}/rows`);
  await waitFor(`http://127.0.0.1:${hostPort}/api/health`);
  const config = await (await fetch(`http://127.0.0.1:${hostPort}/api/config`)).json();
  const modules = config.modules.map((module) => module.id);

  // ------------------------------------------------------------------ JavaScript
  const hostDist = join(root, 'apps/tangerang-live/dist/client');
  const bareJs = firstPageJs(bareDist).bytes;
  const home = firstPageJs(hostDist);
  const homeJs = home.bytes;
  console.log('\nJavaScript a page starts with (gzip -9; the host paints its server-rendered page before it runs)');
  console.log(`  bare React page   ${kb(bareJs)}`);
  console.log(`  Tangerang Live    ${kb(homeJs)}   ${(homeJs / bareJs).toFixed(2)}× bare; as sent (brotli copies): ${kb(home.sentBytes)}`);
  check('home JS ≤ 1.5× bare React', homeJs <= 1.5 * bareJs, `${kb(homeJs)} vs ${kb(bareJs)}`);

  // Every script each page downloads until idle, in Chromium; a module page against the shell (/login, no module).
  const playwright = await import(createRequire(join(root, 'package.json')).resolve('playwright-core'));
  const chromium = playwright.chromium ?? playwright.default.chromium;
  const browser = await chromium.launch({ executablePath: process.env.KK_CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const pageScripts = async (path) => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, serviceWorkers: 'block' });
    const page = await context.newPage();
    const files = new Set();
    page.on('response', (response) => {
      const { pathname } = new URL(response.url());
      if (pathname.startsWith('/assets/') && pathname.endsWith('.js')) files.add(pathname.slice(1));
    });
    await page.goto(`http://127.0.0.1:${hostPort}${path}`, { waitUntil: 'networkidle' });
    await context.close();
    return files;
  };
  const bytesOf = (files) => [...files].reduce((sum, file) => sum + gzipSync(readFileSync(join(hostDist, file)), { level: 9 }).byteLength, 0);
  const shell = await pageScripts('/login');
  console.log('\nJavaScript each page downloads until idle (gzip -9)');
  console.log(`  shell (/login)    ${kb(bytesOf(shell))}`);
  console.log(`  /                 ${kb(bytesOf(await pageScripts('/')))}`);
  for (const id of modules) {
    const added = bytesOf([...(await pageScripts(`/${id}`))].filter((file) => !shell.has(file)));
    console.log(`  /${id.padEnd(16)} +${kb(added)} over the shell`);
    check(`/${id} adds ≤ 35 kB to the shell`, added <= 35 * 1024, `+${kb(added)}`);
  }
  await browser.close();

  // ------------------------------------------------------------------ Lighthouse
  if (!flags.includes('--no-lighthouse')) {
    console.log(`\nLighthouse mobile (simulated slow 4G, 4× CPU), median of ${lighthouseRuns} run${lighthouseRuns > 1 ? 's' : ''} per page`);
    console.log('  page                 perf  a11y  LCP      TBT     script    TBT of each run');
    const pages = [['bare React', `http://127.0.0.1:${barePort}/`], ['/', `http://127.0.0.1:${hostPort}/`], ...modules.map((id) => [`/${id}`, `http://127.0.0.1:${hostPort}/${id}`])];
    for (const [name, url] of pages) {
      const figures = lighthouseMedian(url, lighthouseRuns);
      const [low, high] = figures.tbtRange.map(Math.round);
      console.log(`  ${name.padEnd(20)} ${String(figures.performance).padStart(4)}  ${String(figures.accessibility).padStart(4)}  ${(figures.lcp / 1000).toFixed(2)} s  ${String(Math.round(figures.tbt)).padStart(4)} ms  ${kb(figures.script).padEnd(9)} ${low}–${high} ms`);
      if (name !== 'bare React') {
        check(`${name} Lighthouse performance ≥ 95, accessibility 100`, figures.performance >= 95 && figures.accessibility === 100, `${figures.performance} / ${figures.accessibility}`);
        check(`${name} LCP < 1.8 s, TBT < 100 ms`, figures.lcp < 1800 && figures.tbt < 100, `${(figures.lcp / 1000).toFixed(2)} s / ${Math.round(figures.tbt)} ms`);
      }
    }
  }

  // ------------------------------------------------------------------ HTTP
  if (!flags.includes('--no-http')) {
    const host = `http://127.0.0.1:${hostPort}`;
    const endpoints = [['/api/health', `${host}/api/health`]];
    if (modules.includes('harga-pasar')) {
      const commodities = await (await fetch(`${host}/api/harga-pasar/commodities`)).json();
      const first = commodities.commodities[0].id;
      endpoints.push(['harga pasar board', `${host}/api/harga-pasar/board`], ['harga pasar 1-year chart', `${host}/api/harga-pasar/commodities/${first}/series?range=1y`]);
      // A phone that already holds the board asks again with its ETag: 304, no body.
      const etag = (await fetch(`${host}/api/harga-pasar/board`)).headers.get('etag');
      if (etag) endpoints.push(['harga pasar board, 304', `${host}/api/harga-pasar/board`, { 'if-none-match': etag }]);
    }
    if (modules.includes('laksa')) endpoints.push(['LAKSA list', `${host}/api/laksa/reports`], ['LAKSA map', `${host}/api/laksa/map`]);
    if (modules.includes('pencaker')) endpoints.push(['pencaker vacancies', `${host}/api/pencaker/vacancies`]);
    if (modules.includes('berita')) endpoints.push(['berita articles', `${host}/api/berita/articles`]);
    console.log(`\nServer: requests/s and p99 at 50 connections, ${seconds} s each`);
    const bare = await load(`http://127.0.0.1:${barePort}/rows`);
    console.log(`  ${'bare Hono + PGlite rows'.padEnd(28)} ${String(Math.round(bare.rps)).padStart(6)}/s  p99 ${bare.p99} ms`);
    for (const [name, url, headers] of endpoints) {
      const figures = await load(url, headers);
      const share = figures.rps / bare.rps;
      console.log(`  ${name.padEnd(28)} ${String(Math.round(figures.rps)).padStart(6)}/s  p99 ${figures.p99} ms  ${(share * 100).toFixed(0)}% of bare${figures.errors ? `  (${figures.errors} errors)` : ''}`);
      if (name !== '/api/health') check(`${name} ≥ 50% of bare, p99 < 100 ms`, share >= 0.5 && figures.p99 < 100 && !figures.errors, `${(share * 100).toFixed(0)}%, p99 ${figures.p99} ms`);
    }
  }

  if (flags.includes('--big')) {
    console.log('\nharga pasar with 5.5 M price rows (its own benchmark)');
    execFileSync('pnpm', ['--filter', '@kota-kit/harga-pasar', 'bench'], { cwd: root, stdio: 'inherit' });
  }

  console.log('\nTargets (issue 12)');
  for (const result of results) console.log(`  ${result.ok ? '✓' : '✗'} ${result.name}: ${result.detail}`);
} catch (error) {
  const hostLog = join(work, 'host.log');
  if (existsSync(hostLog)) console.error(`\nThe host's last log lines:\n${readFileSync(hostLog, 'utf8').split('\n').slice(-15).join('\n')}`);
  throw error;
} finally {
  for (const child of children) child.kill('SIGTERM');
  await sleep(500);
  rmSync(work, { recursive: true, force: true });
}
