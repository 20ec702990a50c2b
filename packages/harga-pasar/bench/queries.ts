/**
 * Benchmark of the public read API at city scale: `pnpm --filter @kota-kit/harga-pasar bench [flags]`.
 *
 * Loads years × markets × commodities of daily prices (default 5 × 50 × 60 ≈ 5.5 million rows) into a FRESH
 * database through the module's real migrations (core's createServer, demo off), generated inside SQL with
 * generate_series, runs VACUUM ANALYZE, then times the main public queries through the real HTTP API, from a
 * client in a worker thread (bench/client.mjs) asking for gzip as browsers do, and a few again uncompressed.
 * Prints plain tables, the last one the targets of issue 12 with ✓ or ✗ (bench/targets.ts); it is a measurement,
 * not a test. The database it creates is dropped at the end (PostgreSQL: a new database on the given server;
 * embedded: a folder in /tmp) unless --keep. Core's response cache is off: the figures are the queries' own.
 *
 *   --database-url postgres://postgres@127.0.0.1:54329/postgres   PostgreSQL (default: embedded PGlite on disk)
 *   --years 5 --markets 50 --commodities 60                        scale
 *   --runs 5                                                       timed runs per query (after one warm-up)
 *   --keep                                                         keep the database (prints where it is)
 *   --reuse <url or folder>                                        time against a kept database (no load; not dropped;
 *                                                                  pending migrations run at start, timed with it)
 */
import { defineHost } from '@kota-kit/core';
import { createLogger, createServer, sql, type KotaServer } from '@kota-kit/core/server';
import { createPostgresTestDatabase } from '@kota-kit/core/testing';
import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { rmSync } from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { hargaPasar, tangerangDefaults, type HargaPasarOptionsInput } from '../src/index.js';
import hargaPasarServer from '../src/server/index.js';
import { addDays, todayIn } from '@kota-kit/core';
import { megabytesPerSecond, targetRows, type Measured } from './targets.js';

const { values: args } = parseArgs({
  options: {
    'database-url': { type: 'string' },
    years: { type: 'string', default: '5' },
    markets: { type: 'string', default: '50' },
    commodities: { type: 'string', default: '60' },
    runs: { type: 'string', default: '5' },
    keep: { type: 'boolean', default: false },
    reuse: { type: 'string' },
  },
});
const years = Number(args.years);
const marketCount = Number(args.markets);
const commodityCount = Number(args.commodities);
const runs = Number(args.runs);
const timeZone = 'Asia/Jakarta';

// ------------------------------------------------------------ configuration

function options(): HargaPasarOptionsInput {
  const markets = Array.from({ length: marketCount }, (_, index) => {
    const real = tangerangDefaults.markets[index];
    const n = String(index + 1).padStart(2, '0');
    return real ?? { id: `pasar-${n}`, name: `Pasar ${n}`, kecamatan: 'Tangerang', address: `Jl. Pasar ${n}`, lat: -6.2 + index / 1000, lng: 106.6 + index / 1000 };
  });
  const commodities = Array.from({ length: commodityCount }, (_, index) => {
    const real = tangerangDefaults.commodities[index];
    const n = String(index + 1).padStart(2, '0');
    return real ?? { id: `komoditas-${n}`, name: `Komoditas ${n}`, group: `Kelompok ${index % 8}`, unit: 'kg' as const };
  });
  const ids = new Set(commodities.map((commodity) => commodity.id));
  return {
    ...tangerangDefaults,
    markets,
    commodities,
    referencePrices: tangerangDefaults.referencePrices.filter((reference) => ids.has(reference.commodity)),
    enumeratorMarkets: undefined,
    demoSeedDays: 0,
  };
}

const host = defineHost({
  region: {
    name: 'Kota Bench',
    appName: 'Bench Live',
    code: '36.71',
    logo: '/logo.svg',
    colors: { primary: '#0f5c3a', accent: '#f2b705' },
    agencies: [{ id: 'disperindag', name: 'Dinas Perindustrian dan Perdagangan', shortName: 'Disperindag' }],
  },
  modules: [hargaPasar.with(options())],
});

// ------------------------------------------------------------ database

interface Target {
  label: string;
  kind: 'postgres' | 'embedded';
  databaseUrl?: string;
  dataDir?: string;
  cleanup(): Promise<void>;
}

async function target(): Promise<Target> {
  const adminUrl = args['database-url'];
  if (args.reuse) {
    const reuse = args.reuse;
    return reuse.startsWith('postgres')
      ? { label: `PostgreSQL (reused ${reuse})`, kind: 'postgres', databaseUrl: reuse, cleanup: async () => {} }
      : { label: `PGlite (reused ${reuse})`, kind: 'embedded', dataDir: reuse, cleanup: async () => {} };
  }
  if (!adminUrl) {
    const dataDir = `/tmp/kk-hp-bench-${randomBytes(4).toString('hex')}`;
    return { label: `PGlite (${dataDir})`, kind: 'embedded', dataDir, cleanup: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  // A fresh database on that server (core's test helper names it kk_test_…), dropped at the end.
  process.env.KK_TEST_DATABASE_URL = adminUrl;
  const created = await createPostgresTestDatabase();
  const url = new URL(created.url);
  return { label: `PostgreSQL (${url.host}${url.pathname})`, kind: 'postgres', databaseUrl: created.url, cleanup: created.drop };
}

/** All prices published except today's of the last market (a draft, as on a real morning). One statement per year. */
async function load(server: KotaServer, start: string, end: string): Promise<number> {
  const { db } = server.database;
  const { markets, commodities } = options();
  const marketIds = `{${markets.map((market) => market.id).join(',')}}`;
  const commodityIds = `{${commodities.map((commodity) => commodity.id).join(',')}}`;
  const draftMarket = markets.at(-1)!.id;
  let from = start;
  while (from <= end) {
    const to = addDays(from, 364) < end ? addDays(from, 364) : end;
    const started = performance.now();
    // Price: a base per commodity (5,000–150,000), a yearly wave, a per-market offset and a little daily noise,
    // all plain arithmetic on the indexes (md5 per row would double the load time and adds nothing here).
    await sql`
      INSERT INTO harga_pasar_prices (date, market_id, commodity_id, price, status, entered_at, published_at, updated_at)
      SELECT d::date, m.id, c.id,
        greatest(50, round((5000 + (c.n * 7919) % 145000)
          * (1 + 0.15 * sin(2 * pi() * (d::date - ${start}::date) / 365.0 + c.n))
          * (0.94 + 0.12 * ((m.n * 31 + c.n * 17) % 100) / 100.0)
          * (0.98 + 0.04 * ((m.n * 13 + c.n * 7 + (d::date - ${start}::date) * 11) % 97) / 97.0) / 50) * 50)::int,
        CASE WHEN d::date = ${end}::date AND m.id = ${draftMarket} THEN 'draft' ELSE 'published' END,
        d + time '09:30', CASE WHEN d::date = ${end}::date AND m.id = ${draftMarket} THEN NULL ELSE d + time '13:00' END, d + time '13:00'
      FROM generate_series(${from}::date, ${to}::date, interval '1 day') AS d
      CROSS JOIN unnest(${marketIds}::text[]) WITH ORDINALITY AS m(id, n)
      CROSS JOIN unnest(${commodityIds}::text[]) WITH ORDINALITY AS c(id, n)
      ORDER BY 1, 2, 3
    `.execute(db);
    process.stderr.write(`  loaded ${from} … ${to} in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    from = addDays(to, 1);
  }
  const count = await sql<{ n: number }>`SELECT count(*)::int AS n FROM harga_pasar_prices`.execute(db);
  return count.rows[0]!.n;
}

// ------------------------------------------------------------ timing

interface Measure {
  ms: number[];
  /** Bytes of the data (after gunzip) and as sent. */
  bytes: number;
  wireBytes: number;
  firstByteMs: number[];
  /** The first request's times (before the timed runs; includes the client's gunzip). */
  warmUpMs: number;
  warmUpFirstByteMs: number;
  peakRssMb: number;
}

/** What the HTTP client (bench/client.mjs, in its own thread) is asked and answers; one request at a time. */
interface ClientRequest {
  url: string;
  runs: number;
  headers: Record<string, string>;
}
interface ClientResult {
  ms: number[];
  firstByteMs: number[];
  bytes: number;
  wireBytes: number;
  warmUpMs: number;
  warmUpFirstByteMs: number;
  error?: string;
}

const client = new Worker(new URL('./client.mjs', import.meta.url));
client.unref(); // a failed start must not leave the process waiting on it

async function measure(url: string, headers: Record<string, string> = {}): Promise<Measure> {
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  try {
    const answer = once(client, 'message') as Promise<[ClientResult]>;
    client.postMessage({ url, runs, headers } satisfies ClientRequest);
    const [result] = await answer;
    if (result.error) throw new Error(result.error);
    return { ...result, peakRssMb: Math.round(peak / 1024 / 1024) };
  } finally {
    clearInterval(sampler);
  }
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const fmt = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));
const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${(bytes / 1024).toFixed(1)} kB`);

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const line = (row: string[]) => `| ${row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join(' | ')} |`;
  return [line(rows[0]!), `| ${widths.map((width) => '-'.repeat(width)).join(' | ')} |`, ...rows.slice(1).map(line)].join('\n');
}

// ------------------------------------------------------------ main

async function main() {
  const db = await target();
  const end = todayIn(timeZone, new Date());
  const start = addDays(end, -(Math.round(years * 365.25) - 1));
  console.log(`harga-pasar benchmark: ${years} years (${start} … ${end}) × ${marketCount} markets × ${commodityCount} commodities`);
  console.log(`database: ${db.label}`);
  console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 1024 ** 3)} GB RAM, Node ${process.version}\n`);

  let server: KotaServer | undefined;
  const uploadsDir = `/tmp/kk-hp-bench-uploads-${randomBytes(4).toString('hex')}`;
  try {
    let started = performance.now();
    server = await createServer({
      host,
      serverModules: [hargaPasarServer],
      databaseUrl: db.databaseUrl,
      dataDir: db.dataDir,
      demo: false,
      jobs: false,
      uploadsDir,
      logger: createLogger({ bench: true }, 'error'),
      // Time the queries, not core's answers kept in memory (a repeated request would be a cache hit).
      responseCache: false,
    });
    const startSeconds = (performance.now() - started) / 1000;
    started = performance.now();
    const existing = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM harga_pasar_prices`.execute(server.database.db)).rows[0]!.n;
    const rows = args.reuse && existing ? existing : await load(server, start, end);
    const loadSeconds = (performance.now() - started) / 1000;
    started = performance.now();
    // ANALYZE for the planner; VACUUM sets the visibility map so covering indexes answer index-only
    // (PostgreSQL's autovacuum does this by itself after a bulk insert; the embedded database has no autovacuum).
    await sql`VACUUM ANALYZE harga_pasar_prices, harga_pasar_day_summaries`.execute(server.database.db);
    const analyzeSeconds = (performance.now() - started) / 1000;
    const sizes = await sql<{ database: number; table: number; indexes: number }>`
      SELECT pg_database_size(current_database())::bigint AS database,
        pg_table_size('harga_pasar_prices')::bigint AS table, pg_indexes_size('harga_pasar_prices')::bigint AS indexes
    `.execute(server.database.db);
    const sizeRow = sizes.rows[0]!;
    const version = (await sql<{ version: string }>`SELECT version()`.execute(server.database.db)).rows[0]!.version.split(' on ')[0];
    const folder = db.dataDir ? execFileSync('du', ['-sh', db.dataDir]).toString().split('\t')[0] : null;

    console.log(
      table([
        ['load', 'value'],
        ['database', version ?? ''],
        ['rows', rows.toLocaleString('en')],
        ['server start + migrations', `${startSeconds.toFixed(1)} s`],
        ['bulk load (INSERT … SELECT generate_series)', `${loadSeconds.toFixed(1)} s`],
        ['VACUUM ANALYZE', `${analyzeSeconds.toFixed(1)} s`],
        ['database size', size(sizeRow.database)],
        ['  prices table / its indexes', `${size(sizeRow.table)} / ${size(sizeRow.indexes)}`],
        ...(folder ? [['  data folder on disk', folder]] : []),
      ]),
    );
    console.log();

    const { url } = await server.listen(0, '127.0.0.1');
    const api = `${url}/api/harga-pasar`;
    const monthFrom = addDays(end, -29);
    const yearFrom = addDays(end, -365);
    // The client asks for gzip as browsers do (core compresses text answers); "uncompressed" rows ask for none, as
    // curl or wget do by default: the export's own streaming, without the compression.
    const identity = { 'accept-encoding': 'identity' };
    const queries: [string, string, Record<string, string>?][] = [
      ["today's board", '/board'],
      ['board of a past date', `/board?date=${addDays(end, -200)}`],
      ['commodity chart 1y (average + per market)', '/commodities/cabai-rawit-merah/series?range=1y'],
      ['commodity chart 30d', '/commodities/beras-medium/series?range=30d'],
      ['market page', '/markets/pasar-anyar'],
      ['market comparison', '/commodities/bawang-merah/compare'],
      ['export.csv 30 days', `/export.csv?from=${monthFrom}&to=${end}`],
      ['export.csv 366 days', `/export.csv?from=${yearFrom}&to=${end}`],
      ['export.json 366 days', `/export.json?from=${yearFrom}&to=${end}`],
      ["today's board, uncompressed", '/board', identity],
      ['commodity chart 1y, uncompressed', '/commodities/cabai-rawit-merah/series?range=1y', identity],
      ['export.csv 366 days, uncompressed', `/export.csv?from=${yearFrom}&to=${end}`, identity],
      ['export.json 366 days, uncompressed', `/export.json?from=${yearFrom}&to=${end}`, identity],
    ];
    const results = [['query', 'median ms', 'p95 ms', 'first byte ms', 'response', 'sent', 'MB/s', 'first run: ms (MB/s), first byte', 'peak RSS']];
    const medians = new Map<string, Measured>();
    for (const [label, path, headers] of queries) {
      // Every export starts with no day's text kept (migration 0005), so its first run is the export of a range
      // nobody has asked for since its prices last changed; the timed runs after it read the kept text.
      const exporting = path.startsWith('/export.');
      if (exporting) await sql`DELETE FROM harga_pasar_export_days`.execute(server.database.db);
      const result = await measure(`${api}${path}`, headers);
      const measured = { medianMs: percentile(result.ms, 50), firstByteMs: percentile(result.firstByteMs, 50), bytes: result.bytes };
      medians.set(label, measured);
      const rate = result.bytes >= 1024 * 1024 ? megabytesPerSecond(measured).toFixed(1) : '';
      const firstRun = { medianMs: result.warmUpMs, firstByteMs: result.warmUpFirstByteMs, bytes: result.bytes };
      const firstRunText = exporting ? `${fmt(firstRun.medianMs)} (${megabytesPerSecond(firstRun).toFixed(1)}), ${fmt(firstRun.firstByteMs)}` : '';
      results.push([label, fmt(measured.medianMs), fmt(percentile(result.ms, 95)), fmt(measured.firstByteMs), size(result.bytes), size(result.wireBytes), rate, firstRunText, `${result.peakRssMb} MB`]);
      process.stderr.write(`  ${label}: ${fmt(measured.medianMs)} ms\n`);
    }
    console.log(
      `${runs} runs each after one warm-up; times are to the last byte of the response as sent (MB/s: data size / median time; the client does not undo gzip in the timed runs). First run: the warm-up, which for an export makes and keeps every day's text (and undoes gzip in the client)`,
    );
    console.log(table(results));
    const kept = await sql<{ days: number; bytes: number; text: number }>`
      SELECT count(*)::int AS days, pg_total_relation_size('harga_pasar_export_days')::bigint AS bytes, coalesce(sum(octet_length(body)), 0)::bigint AS text
      FROM harga_pasar_export_days
    `.execute(server.database.db);
    const keptRow = kept.rows[0]!;
    console.log(`export days kept at the end: ${keptRow.days} (${size(Number(keptRow.text))} of text, ${size(Number(keptRow.bytes))} on disk)`);
    console.log(`\ntargets (issue 12) on ${db.kind === 'postgres' ? 'PostgreSQL' : 'the embedded database'}: medians`);
    console.log(table([['target', 'measured', 'target', ''], ...targetRows(medians, db.kind)]));
  } finally {
    await client.terminate();
    await server?.close();
    rmSync(uploadsDir, { recursive: true, force: true });
    if (args.keep || args.reuse) console.log(`\nkept: ${db.databaseUrl ?? db.dataDir}`);
    else await db.cleanup();
  }
}

await main();
