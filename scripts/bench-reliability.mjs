#!/usr/bin/env node
// Reliability figures of the BUILT Tangerang Live host (issue 8, "Figures"), in one run:
//   1. kill cycles: 4 writers send LAKSA reports while the server is killed with SIGKILL at a random moment,
//      N times on each database (embedded PGlite and PostgreSQL); afterwards every acknowledged ticket must be there;
//   2. two server processes on one PostgreSQL: reports sent through both, every ticket unique;
//   3. hostile requests from the OpenAPI document, anonymous and signed in as the region admin: never a 5xx.
// Exits 1 if an acknowledged write was lost, a ticket was given twice or any request got a 5xx.
//
//   node scripts/bench-reliability.mjs [--cycles 20] [--writers 4] [--submissions 2000] [--concurrency 8]
//                                      [--databases embedded,postgres] [--skip-hostile] [--verbose]
//
// PostgreSQL: KK_TEST_DATABASE_URL (fresh databases are created and dropped in it), else a throwaway cluster from
// the locally installed PostgreSQL (Debian's `postgresql` package), stopped and removed at the end.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const hostDir = join(root, 'apps/tangerang-live');
const serverJs = join(hostDir, 'dist/server/server.js');
const testingJs = join(root, 'packages/core/dist/testing.js');

const { values: args } = parseArgs({
  options: {
    cycles: { type: 'string', default: '20' },
    writers: { type: 'string', default: '4' },
    submissions: { type: 'string', default: '2000' },
    concurrency: { type: 'string', default: '8' },
    databases: { type: 'string', default: 'embedded,postgres' },
    'skip-hostile': { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (args.help) {
  console.log('node scripts/bench-reliability.mjs [--cycles 20] [--writers 4] [--submissions 2000] [--concurrency 8] [--databases embedded,postgres] [--skip-hostile] [--verbose]');
  process.exit(0);
}
const cycles = Number(args.cycles);
const writers = Number(args.writers);
const submissions = Number(args.submissions);
const concurrency = Number(args.concurrency);
const databases = args.databases.split(',').map((name) => name.trim());
for (const [name, value] of Object.entries({ cycles, writers, submissions, concurrency })) {
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} must be a whole number, got ${value}`);
}

const startedAt = Date.now();
const log = (message) => console.log(`[${((Date.now() - startedAt) / 1000).toFixed(0).padStart(4)} s] ${message}`);
const work = mkdtempSync(join(tmpdir(), 'kk-bench-reliability-'));
const cleanups = [];
const children = new Set();

// ------------------------------------------------------------------ build

if (!existsSync(serverJs) || !existsSync(testingJs)) {
  log('The built host is missing: building it (pnpm turbo run build --filter=@kota-kit/tangerang-live...)');
  const result = spawnSync('pnpm', ['turbo', 'run', 'build', '--filter=@kota-kit/tangerang-live...'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0 || !existsSync(serverJs)) {
    console.error('Build failed: run `pnpm turbo run build --filter=@kota-kit/tangerang-live...` and try again.');
    process.exit(1);
  }
}
const { hostileRequests, createPostgresTestDatabase } = await import(pathToFileURL(testingJs).href);

// ------------------------------------------------------------------ PostgreSQL

function findPostgresBin() {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base)
    .filter((name) => existsSync(`${base}/${name}/bin/initdb`))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? `${base}/${versions[0]}/bin` : null;
}

/** A throwaway cluster as scripts/run-tests.mjs starts it (as the postgres user when run as root: initdb refuses root). */
function startThrowawayCluster(bin) {
  const dir = join(work, 'pg');
  const port = String(56000 + (process.pid % 1000));
  mkdirSync(dir, { recursive: true });
  const isRoot = process.getuid?.() === 0;
  const run = (command) => (isRoot ? execFileSync('su', ['postgres', '-c', command], { stdio: 'pipe' }) : execFileSync('sh', ['-c', command], { stdio: 'pipe' }));
  if (isRoot) {
    // The postgres user must reach its folder inside our temporary one.
    chownSync(work, Number(execFileSync('id', ['-u', 'postgres']).toString().trim()), Number(execFileSync('id', ['-g', 'postgres']).toString().trim()));
    chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString().trim()), Number(execFileSync('id', ['-g', 'postgres']).toString().trim()));
  }
  run(`${bin}/initdb -D ${dir}/data -U postgres --auth=trust -E UTF8 --no-sync`);
  // Durable like production (fsync on): the kill cycles are about acknowledged writes surviving.
  run(`${bin}/pg_ctl -D ${dir}/data -l ${dir}/log -o "-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c max_connections=200" -w start`);
  cleanups.push(() => {
    try {
      run(`${bin}/pg_ctl -D ${dir}/data -m fast -w stop`);
    } catch {
      // already stopped
    }
  });
  return `postgres://postgres@127.0.0.1:${port}/postgres`;
}

let postgresNote = '';
if (databases.includes('postgres')) {
  if (process.env.KK_TEST_DATABASE_URL) {
    postgresNote = 'KK_TEST_DATABASE_URL';
  } else {
    const bin = findPostgresBin();
    if (bin) {
      try {
        process.env.KK_TEST_DATABASE_URL = startThrowawayCluster(bin);
        postgresNote = `throwaway cluster from ${bin}`;
      } catch (error) {
        console.error(`Could not start a throwaway PostgreSQL cluster: ${error.stderr?.toString() ?? error.message}`);
      }
    }
  }
  if (!process.env.KK_TEST_DATABASE_URL) {
    console.warn(
      '\n*** PostgreSQL NOT AVAILABLE: only the embedded database is measured; the PostgreSQL kill cycles and the two-process run are SKIPPED. Install PostgreSQL (apt-get install postgresql) or set KK_TEST_DATABASE_URL. ***\n',
    );
    databases.splice(databases.indexOf('postgres'), 1);
  } else {
    log(`PostgreSQL: ${postgresNote}`);
  }
}

/** A fresh database in the PostgreSQL server, dropped at the end. */
async function freshPostgresDatabase() {
  const database = await createPostgresTestDatabase();
  cleanups.unshift(() => database.drop());
  return database.url;
}

// ------------------------------------------------------------------ the host

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts `dist/server/server.js --demo` and waits for GET /api/health 200. */
async function startHost(env, timeoutMs = 180_000) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [serverJs, '--demo'], {
    cwd: hostDir,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), KOTA_TRUST_PROXY: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let output = '';
  const keep = (chunk) => {
    output = (output + chunk).slice(-20_000);
    if (args.verbose) process.stderr.write(chunk);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => (children.delete(child), resolve(code ?? signal))));
  const host = {
    url,
    child,
    output: () => output,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`The host exited with ${child.exitCode ?? child.signalCode} before it was healthy:\n${output}`);
    try {
      if ((await fetch(`${url}/api/health`)).status === 200) return host;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  await host.stop('SIGKILL');
  throw new Error(`The host was not healthy after ${timeoutMs / 1000} s:\n${output}`);
}

/** Each request comes from its own client address, behind one trusted proxy (KOTA_TRUST_PROXY=1): 198.18.0.0/15. */
let addressCounter = 0;
function nextAddress() {
  const n = addressCounter++ % 131_070; // 198.18.0.1 … 198.19.255.254
  const value = n + 1;
  return `198.${18 + (value >> 16)}.${(value >> 8) & 255}.${value & 255}`;
}
// The left entry is what a client could forge; only the right-most (added by our proxy) counts.
const proxied = (headers = {}) => ({ ...headers, 'x-forwarded-for': `203.0.113.7, ${nextAddress()}` });

let reportCounter = 0;
/** The body of packages/laksa/test/fixture.ts `sampleReport`, anonymous (no contact), with a distinct title. */
function reportBody(label) {
  return JSON.stringify({
    type: 'complaint',
    category: 'jalan-rusak',
    title: `Jalan berlubang ${label} #${reportCounter++}`,
    description: 'Lubang besar di lajur kiri, sudah dua motor jatuh minggu ini.',
    location: { lat: -6.18, lng: 106.615, address: 'Jl. Imam Bonjol', kecamatan: 'Karawaci', kelurahan: 'Bugel' },
  });
}

/** POST /api/laksa/reports; the ticket on 201, else throws with the status (or the network error). */
async function sendReport(url, label) {
  const response = await fetch(`${url}/api/laksa/reports`, {
    method: 'POST',
    headers: proxied({ 'content-type': 'application/json', origin: url }),
    body: reportBody(label),
  });
  const text = await response.text();
  if (response.status !== 201) throw Object.assign(new Error(`${response.status} ${text.slice(0, 200)}`), { status: response.status });
  return JSON.parse(text).ticket;
}

async function signIn(url, email) {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: proxied({ 'content-type': 'application/json', origin: url }),
    body: JSON.stringify({ email, password: 'demo1234' }),
  });
  if (response.status !== 200 && response.status !== 204) throw new Error(`Sign-in as ${email} failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
  if (!cookie) throw new Error(`Sign-in as ${email} set no cookie`);
  return cookie;
}

/** Every ticket in the LAKSA database, through the verifier's inbox (the public API hides unverified reports). */
async function storedTickets(url) {
  const cookie = await signIn(url, 'verifier@demo.kotakit.id');
  const tickets = new Set();
  for (let page = 1; ; page++) {
    const response = await fetch(`${url}/api/laksa/inbox?all=true&pageSize=100&page=${page}`, { headers: proxied({ cookie }) });
    if (response.status !== 200) throw new Error(`GET /api/laksa/inbox: ${response.status} ${await response.text()}`);
    const { items, total } = await response.json();
    for (const item of items) tickets.add(item.ticket);
    if (!items.length || page * 100 >= total) break;
  }
  // A ticket missing from the pages is looked up once more by itself (the inbox search matches a ticket exactly).
  return {
    tickets,
    async has(ticket) {
      if (tickets.has(ticket)) return true;
      const response = await fetch(`${url}/api/laksa/inbox?all=true&q=${encodeURIComponent(ticket)}`, { headers: proxied({ cookie }) });
      return response.status === 200 && (await response.json()).items.some((item) => item.ticket === ticket);
    },
  };
}

// ------------------------------------------------------------------ 1. kill cycles

async function killCycles(database) {
  const dir = join(work, `kill-${database}`);
  const env = {
    KOTA_DATA_DIR: join(dir, 'db'),
    KOTA_UPLOADS_DIR: join(dir, 'uploads'),
    KOTA_BACKUP_DIR: join(dir, 'backups'),
    DATABASE_URL: database === 'postgres' ? await freshPostgresDatabase() : '',
  };
  const acknowledged = [];
  const refused = [];
  let restartMs = 0;
  const began = Date.now();
  for (let cycle = 0; cycle < cycles; cycle++) {
    const startAt = Date.now();
    const host = await startHost(env);
    if (cycle > 0) restartMs += Date.now() - startAt;
    let running = true;
    let inCycle = 0;
    const write = async (writer) => {
      while (running) {
        try {
          acknowledged.push(await sendReport(host.url, `${database} c${cycle} w${writer}`));
          inCycle++;
        } catch (error) {
          // A connection that died with the process was never acknowledged; any answer but 201 is noted.
          if (error.status) refused.push(error.message);
          else if (running && host.child.exitCode === null && host.child.signalCode === null) await sleep(20);
        }
      }
    };
    const load = Array.from({ length: writers }, (_, writer) => write(writer));
    await sleep(500 + Math.random() * 1500);
    await host.stop('SIGKILL');
    running = false;
    await Promise.all(load);
    if (args.verbose || cycle === cycles - 1 || cycle % 5 === 4) log(`${database}: kill ${cycle + 1}/${cycles}, ${inCycle} acknowledged in this cycle, ${acknowledged.length} in all`);
  }
  const host = await startHost(env);
  try {
    const stored = await storedTickets(host.url);
    const lost = [];
    for (const ticket of acknowledged) if (!(await stored.has(ticket))) lost.push(ticket);
    const result = {
      database,
      cycles,
      acknowledged: acknowledged.length,
      lost: lost.length,
      refused: refused.length,
      duplicateAcks: acknowledged.length - new Set(acknowledged).size,
      meanRestartS: cycles > 1 ? restartMs / (cycles - 1) / 1000 : 0,
      seconds: (Date.now() - began) / 1000,
    };
    log(`${database}: ${cycles} kills, ${result.acknowledged} acknowledged, ${result.lost} lost, ${result.refused} refused (non-201)`);
    if (lost.length) console.error(`  lost tickets: ${lost.slice(0, 20).join(', ')}${lost.length > 20 ? ' …' : ''}`);
    if (refused.length) console.error(`  first refusals: ${refused.slice(0, 5).join(' | ')}`);
    return { result, host };
  } catch (error) {
    await host.stop();
    throw error;
  }
}

// ------------------------------------------------------------------ 2. two processes on one PostgreSQL

async function twoProcesses() {
  const dir = join(work, 'two');
  const env = { KOTA_UPLOADS_DIR: join(dir, 'uploads'), KOTA_BACKUP_DIR: join(dir, 'backups'), DATABASE_URL: await freshPostgresDatabase() };
  const hosts = [await startHost(env)];
  try {
    hosts.push(await startHost(env));
    const began = Date.now();
    const tickets = [];
    const errors = [];
    let next = 0;
    const worker = async () => {
      for (let index = next++; index < submissions; index = next++) {
        try {
          tickets.push(await sendReport(hosts[index % 2].url, `two-process ${index}`));
        } catch (error) {
          errors.push(error.message);
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    const seconds = (Date.now() - began) / 1000;
    const stored = await storedTickets(hosts[1].url);
    let missing = 0;
    for (const ticket of new Set(tickets)) if (!(await stored.has(ticket))) missing++;
    const unique = new Set(tickets).size;
    const result = { submitted: submissions, created: tickets.length, errors: errors.length, unique, duplicates: tickets.length - unique, missing, seconds, perSecond: tickets.length / seconds };
    log(`two processes: ${submissions} sent, ${result.created} created (201), ${unique} unique tickets, ${result.errors} errors, ${missing} not found afterwards, ${result.perSecond.toFixed(0)}/s`);
    if (errors.length) console.error(`  first errors: ${errors.slice(0, 5).join(' | ')}`);
    return result;
  } finally {
    for (const host of hosts) await host.stop();
  }
}

// ------------------------------------------------------------------ 3. hostile requests

async function hostile(url, database) {
  const document = await (await fetch(`${url}/api/openapi.json`)).json();
  const passes = [
    { who: 'anonymous', cookie: '', requests: hostileRequests(document) },
    { who: 'admin', cookie: await signIn(url, 'admin@demo.kotakit.id'), requests: hostileRequests(document, { skip: (method, path) => path.startsWith('/api/auth/') }) },
  ];
  const results = [];
  for (const pass of passes) {
    const failures = [];
    let sent = 0;
    let next = 0;
    const worker = async () => {
      for (let index = next++; index < pass.requests.length; index = next++) {
        const request = pass.requests[index];
        const headers = new Headers(request.init.headers);
        for (const [key, value] of Object.entries(proxied())) headers.set(key, value);
        if (!/^(GET|HEAD)$/i.test(request.init.method)) headers.set('origin', url);
        if (pass.cookie) headers.set('cookie', pass.cookie);
        let status;
        let body = '';
        try {
          const response = await fetch(`${url}${request.path}`, { ...request.init, headers, redirect: 'manual' });
          status = response.status;
          body = await response.text();
        } catch (error) {
          status = `network error: ${error.cause?.code ?? error.message}`;
        }
        sent++;
        if (typeof status !== 'number' || status >= 500) failures.push({ method: request.init.method, path: request.path.slice(0, 120), field: request.field, status, body: body.slice(0, 200) });
      }
    };
    await Promise.all(Array.from({ length: 4 }, worker));
    // The signed-in pass must have run signed in the whole time.
    let stillSignedIn = true;
    if (pass.cookie) stillSignedIn = Boolean((await (await fetch(`${url}/api/auth/me`, { headers: { cookie: pass.cookie } })).json()).user);
    results.push({ database, who: pass.who, sent, fiveXx: failures.length, stillSignedIn, failures });
    log(`hostile (${database}, ${pass.who}): ${sent} sent, ${failures.length} answered 5xx${pass.cookie ? `, session ${stillSignedIn ? 'intact' : 'LOST during the pass'}` : ''}`);
    for (const failure of failures.slice(0, 5)) console.error(`  ${failure.status} ${failure.method} ${failure.path} (${failure.field}) ${failure.body}`);
  }
  return results;
}

// ------------------------------------------------------------------ run

async function cleanup() {
  for (const child of children) child.kill('SIGKILL');
  await sleep(children.size ? 500 : 0);
  for (const step of cleanups) {
    try {
      await step();
    } catch (error) {
      console.error(`cleanup: ${error.message}`);
    }
  }
  rmSync(work, { recursive: true, force: true });
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping the servers and removing the temporary data…`);
    void cleanup().then(() => process.exit(130));
  });
}

const kills = [];
const hostiles = [];
let two = null;
let failed = false;
try {
  log(`kill cycles: ${cycles} per database (${databases.join(', ')}), ${writers} writers, kill 0.5–2 s into each cycle`);
  for (const database of databases) {
    const { result, host } = await killCycles(database);
    kills.push(result);
    try {
      if (!args['skip-hostile']) hostiles.push(...(await hostile(host.url, database)));
    } finally {
      await host.stop();
    }
  }
  if (databases.includes('postgres') && submissions > 0) {
    log(`two processes on one PostgreSQL: ${submissions} reports, concurrency ${concurrency}`);
    two = await twoProcesses();
  }
} catch (error) {
  console.error(error);
  failed = true;
} finally {
  await cleanup();
}

// ------------------------------------------------------------------ figures

const minutes = (Date.now() - startedAt) / 60_000;
console.log(`\nReliability figures (${new Date().toISOString().slice(0, 10)}, ${minutes.toFixed(1)} min${postgresNote ? `, PostgreSQL: ${postgresNote}` : ', NO PostgreSQL'})`);
const rows = [];
for (const k of kills) {
  rows.push([`kill -9 cycles, ${k.database}`, `${k.cycles} kills, ${k.acknowledged} acknowledged, ${k.lost} lost${k.refused ? `, ${k.refused} refused` : ''} (restart ${k.meanRestartS.toFixed(1)} s)`, k.lost === 0 && k.refused === 0 && k.duplicateAcks === 0]);
}
if (two) {
  rows.push(['two processes, one PostgreSQL', `${two.submitted} sent, ${two.created} created, ${two.unique} unique tickets, ${two.duplicates} duplicates, ${two.errors} errors, ${two.missing} missing (${two.perSecond.toFixed(0)}/s)`, two.duplicates === 0 && two.errors === 0 && two.missing === 0 && two.created === two.submitted]);
}
for (const h of hostiles) {
  rows.push([`hostile requests, ${h.database}, ${h.who}`, `${h.sent} sent, ${h.fiveXx} 5xx${h.who === 'admin' && !h.stillSignedIn ? ', session lost' : ''}`, h.fiveXx === 0 && h.stillSignedIn]);
}
const width = Math.max(...rows.map((row) => row[0].length), 10);
for (const [name, figures, ok] of rows) console.log(`  ${ok ? 'ok  ' : 'FAIL'}  ${name.padEnd(width)}  ${figures}`);
if (!databases.includes('postgres') && args.databases.includes('postgres')) console.log('  SKIP  PostgreSQL kill cycles and two processes: no PostgreSQL');
if (failed) console.log('  FAIL  the run stopped with an error (above)');
process.exit(failed || rows.some((row) => !row[2]) ? 1 : 0);
