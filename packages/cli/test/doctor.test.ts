import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { acquireDataLock, applyMigrations, openDatabase } from '@kota-kit/core/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { doctor, formatChecks, type Check } from '../src/commands/doctor.js';
import type { Host } from '../src/host.js';
import { workspaceHost } from './helpers.js';

let host: Host;
let cleanup = () => {};
let dataDir: string;
const today = new Date('2026-11-30T00:00:00Z');
const byName = (checks: Check[]) => Object.fromEntries(checks.map((check) => [check.name, check]));

beforeAll(() => {
  ({ host, cleanup } = workspaceHost());
  dataDir = join(host.dir, '.data', 'db');
});
afterAll(() => cleanup());

describe('kota doctor', () => {
  it('on a new host: Node, config, holidays, no database yet', async () => {
    const checks = byName(await doctor({ host, env: {}, today }));
    expect(checks['Node.js']!.status).toBe('ok');
    expect(checks.Config).toEqual({ name: 'Config', status: 'ok', message: 'kota.config.ts is valid: laksa' });
    expect(checks.Holidays).toMatchObject({ status: 'warn', message: expect.stringContaining('region.holidays lists no holiday in 2026 and 2027') });
    expect(checks['Data folder lock']).toMatchObject({ status: 'ok' });
    expect(checks.Database).toMatchObject({ status: 'info', message: expect.stringContaining('No embedded database yet') });
    expect(checks['Demo mode']!.message).toContain('`npm start` runs in demo mode');
  });

  it('lists the migrations the next start applies, and sees the holidays once listed', async () => {
    // a database a module of its own migrated: core's and laksa's migrations are still to come
    const database = await openDatabase({ dataDir });
    await applyMigrations(database, 'doctor-test', [{ name: '0001_notes', sql: 'create table doctor_test_notes (id int)' }]);
    await database.close();
    const config = readFileSync(host.configPath, 'utf8');
    writeFileSync(host.configPath, config.replace('holidays: [],', "holidays: [{ date: '2026-12-25', name: 'Natal' }, { date: '2027-01-01', name: 'Tahun Baru' }],"));
    try {
      const checks = byName(await doctor({ host, env: {}, today }));
      expect(checks.Holidays).toEqual({ name: 'Holidays', status: 'ok', message: 'region.holidays covers 2026 and 2027' });
      expect(checks.Database, checks.Database?.message).toMatchObject({ status: 'ok', message: `embedded database in ${dataDir}` });
      expect(checks.Migrations).toMatchObject({ status: 'info', message: expect.stringMatching(/^the next start applies: core 0001_[^;]*; laksa 0001_/) });
      expect(checks['Demo mode']).toMatchObject({ status: 'info', message: 'the database holds no demo data (production can use it)' });
    } finally {
      writeFileSync(host.configPath, config);
    }
  });

  it('does not open a data folder a running host holds, and names the process', async () => {
    const lock = await acquireDataLock(dataDir, () => {});
    try {
      const checks = await doctor({ host, env: {}, today });
      const named = byName(checks);
      expect(named['Data folder lock']).toMatchObject({ status: 'info', message: expect.stringContaining(`in use by process ${process.pid}`) });
      expect(named.Database).toBeUndefined();
      expect(formatChecks(checks)).toMatch(/^✔ Node\.js: /);
    } finally {
      lock.release();
    }
  });

  it('fails on an old Node and on a config core refuses, naming the module and field', async () => {
    const config = readFileSync(host.configPath, 'utf8');
    writeFileSync(host.configPath, config.replace("verifierAgency: 'diskominfo'", "verifierAgency: 'dpu'"));
    try {
      const checks = byName(await doctor({ host, env: {}, today, nodeVersion: '18.19.0' }));
      expect(checks['Node.js']).toEqual({ name: 'Node.js', status: 'fail', message: '18.19.0 is too old: Kota Kit needs Node.js >=20.19.' });
      expect(checks.Config!.status).toBe('fail');
      expect(checks.Config!.message).toContain('module "laksa", option "verifierAgency": no agency "dpu" in the region');
    } finally {
      writeFileSync(host.configPath, config);
    }
  });
});
