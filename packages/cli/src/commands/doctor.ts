/**
 * `kota doctor`: is this host ready to start? Node version, config, the data folder lock, the database, the
 * migrations the next start applies, holiday coverage, demo mode. Reads only: it never migrates or writes data.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import type { Host } from '../host.js';
import { hostCore, hostCoreServer, hostServerModule, loadHostConfig } from '../load.js';

export type CheckStatus = 'ok' | 'info' | 'warn' | 'fail';
export interface Check {
  name: string;
  status: CheckStatus;
  message: string;
}

export interface DoctorOptions {
  host: Host;
  env?: NodeJS.ProcessEnv;
  nodeVersion?: string;
  today?: Date;
}

const requiredNode = '>=20.19';

export async function doctor(options: DoctorOptions): Promise<Check[]> {
  const { host } = options;
  const env = options.env ?? process.env;
  const checks: Check[] = [];
  const nodeVersion = options.nodeVersion ?? process.versions.node;
  checks.push(
    semver.satisfies(nodeVersion, requiredNode)
      ? { name: 'Node.js', status: 'ok', message: `${nodeVersion} (needs ${requiredNode})` }
      : { name: 'Node.js', status: 'fail', message: `${nodeVersion} is too old: Kota Kit needs Node.js ${requiredNode}.` },
  );

  let config: ReturnType<Awaited<ReturnType<typeof hostCore>>['resolveHost']> | undefined;
  try {
    const core = await hostCore(host);
    config = core.resolveHost(await loadHostConfig(host));
    checks.push({ name: 'Config', status: 'ok', message: `kota.config.ts is valid: ${config.modules.map((module) => module.definition.id).join(', ') || 'no modules'}` });
  } catch (error) {
    checks.push({ name: 'Config', status: 'fail', message: (error as Error).message });
  }

  const server = await hostCoreServer(host);
  if (config && server.holidayCoverage) {
    const { years, missing } = server.holidayCoverage(config.region, options.today);
    checks.push(
      missing.length === 0
        ? { name: 'Holidays', status: 'ok', message: `region.holidays covers ${years.join(' and ')}` }
        : { name: 'Holidays', status: 'warn', message: `region.holidays lists no holiday in ${missing.join(' and ')}: working-day deadlines will count those holidays as working days. Add the national holidays and cuti bersama (SKB 3 Menteri).` },
    );
  }

  const demo = env.KOTA_DEMO === '1';
  const databaseUrl = env.DATABASE_URL || undefined;
  const dataDir = databaseUrl ? undefined : (env.KOTA_DATA_DIR ?? join(host.dir, '.data', 'db'));
  if (dataDir) {
    const holder = server.readDataLock(dataDir);
    if (holder?.alive) {
      const who = holder.holder ? `process ${holder.holder.pid} on ${holder.holder.hostname} since ${holder.holder.startedAt}` : 'another process';
      checks.push({ name: 'Data folder lock', status: 'info', message: `${dataDir} is in use by ${who} (the host is running): database checks skipped. Stop it to check the database.` });
      return finish(checks, env, demo);
    }
    checks.push(
      holder
        ? { name: 'Data folder lock', status: 'warn', message: `A stale lock is left by ${holder.holder ? `process ${holder.holder.pid} on ${holder.holder.hostname}` : 'a crashed process'}; the next start takes it over.` }
        : { name: 'Data folder lock', status: 'ok', message: `${dataDir} is not in use` },
    );
    if (!existsSync(dataDir)) {
      checks.push({ name: 'Database', status: 'info', message: `No embedded database yet in ${dataDir}: the first start creates it and applies every migration.` });
      return finish(checks, env, demo);
    }
  }
  let database: { close(): Promise<void> } | undefined;
  try {
    database = await server.openDatabase({ url: databaseUrl, dataDir });
    checks.push({ name: 'Database', status: 'ok', message: databaseUrl ? `PostgreSQL at ${new URL(databaseUrl).host} is reachable` : `embedded database in ${dataDir}` });
    if (config && server.pendingMigrations) {
      const modules = await Promise.all(config.modules.map(async ({ definition }) => ({ id: definition.id, migrations: (await hostServerModule(host, definition.package)).migrations })));
      const pending = await server.pendingMigrations(database, modules);
      const problems = pending.flatMap((item) => item.problems.map((problem) => `${item.module}: ${problem}`));
      const waiting = pending.filter((item) => item.pending.length > 0).map((item) => `${item.module} ${item.pending.join(', ')}`);
      if (problems.length) checks.push({ name: 'Migrations', status: 'fail', message: `the next start will refuse to run: ${problems.join('; ')}` });
      else checks.push({ name: 'Migrations', status: waiting.length ? 'info' : 'ok', message: waiting.length ? `the next start applies: ${waiting.join('; ')}` : 'none pending' });
    }
    if (server.holdsDemoData) {
      const holdsDemo = await server.holdsDemoData(database);
      checks.push({
        name: 'Demo mode',
        status: holdsDemo && !demo && env.NODE_ENV === 'production' ? 'fail' : 'info',
        message: holdsDemo
          ? 'the database holds demo data: it starts only in demo mode (npm start). Production needs an empty database.'
          : 'the database holds no demo data (production can use it)',
      });
      return checks;
    }
  } catch (error) {
    checks.push({ name: 'Database', status: 'fail', message: `cannot open the database: ${(error as Error).message}` });
  } finally {
    // core's openDatabase holds the data folder lock while the database is open, and close releases it.
    await database?.close();
  }
  return finish(checks, env, demo);
}

function finish(checks: Check[], env: NodeJS.ProcessEnv, demo: boolean): Check[] {
  checks.push({ name: 'Demo mode', status: 'info', message: demo ? 'KOTA_DEMO=1: the host starts with demo data and published passwords' : env.DATABASE_URL ? 'production settings (DATABASE_URL set)' : '`npm start` runs in demo mode; `start:production` without it' });
  return checks;
}

const marks: Record<CheckStatus, string> = { ok: '✔', info: 'ℹ', warn: '⚠', fail: '✖' };

export function formatChecks(checks: Check[]): string {
  return checks.map((check) => `${marks[check.status]} ${check.name}: ${check.message}`).join('\n');
}
