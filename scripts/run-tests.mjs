#!/usr/bin/env node
// Runs the whole test suite. Database tests run on the embedded PGlite and, when a PostgreSQL server is
// available, on PostgreSQL too: KK_TEST_DATABASE_URL, or a throwaway cluster started here from the
// locally installed PostgreSQL binaries (Debian's `postgresql` package), stopped at the end.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, chownSync } from 'node:fs';

const env = { ...process.env };
let stopCluster = () => {};

function findPostgresBin() {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).filter((name) => existsSync(`${root}/${name}/bin/initdb`)).sort((a, b) => Number(b) - Number(a));
  return versions.length ? `${root}/${versions[0]}/bin` : null;
}

function startThrowawayCluster(bin) {
  const dir = `/tmp/kk-test-pg-${process.pid}`;
  const port = String(55000 + (process.pid % 1000));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const isRoot = process.getuid?.() === 0;
  // initdb refuses to run as root: run the cluster as the postgres user then.
  const run = (command) => (isRoot ? execFileSync('su', ['postgres', '-c', command], { stdio: 'pipe' }) : execFileSync('sh', ['-c', command], { stdio: 'pipe' }));
  if (isRoot) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString().trim()), Number(execFileSync('id', ['-g', 'postgres']).toString().trim()));
  run(`${bin}/initdb -D ${dir}/data -U postgres --auth=trust -E UTF8 --no-sync`);
  run(`${bin}/pg_ctl -D ${dir}/data -l ${dir}/log -o "-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c max_connections=200" -w start`);
  stopCluster = () => {
    try {
      run(`${bin}/pg_ctl -D ${dir}/data -m fast -w stop`);
    } catch {
      // already stopped
    }
    rmSync(dir, { recursive: true, force: true });
  };
  return `postgres://postgres@127.0.0.1:${port}/postgres`;
}

if (!env.KK_TEST_DATABASE_URL) {
  const bin = findPostgresBin();
  if (bin) {
    env.KK_TEST_DATABASE_URL = startThrowawayCluster(bin);
    console.log(`PostgreSQL: throwaway cluster from ${bin} at ${env.KK_TEST_DATABASE_URL}`);
  } else if (env.KK_REQUIRE_POSTGRES === '1') {
    console.error('KK_REQUIRE_POSTGRES=1 but no PostgreSQL is installed and KK_TEST_DATABASE_URL is not set.');
    process.exit(1);
  } else {
    console.warn('\n*** PostgreSQL not found: database tests run on the embedded database only. Install PostgreSQL (apt-get install postgresql) or set KK_TEST_DATABASE_URL to test both. ***\n');
  }
}

let status = 1;
try {
  const result = spawnSync('vitest', ['run', ...process.argv.slice(2)], { stdio: 'inherit', env, shell: false });
  status = result.status ?? 1;
  if (result.error) console.error(result.error);
} finally {
  stopCluster();
}
process.exit(status);
