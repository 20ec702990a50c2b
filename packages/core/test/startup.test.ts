import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HostConfigError, resolveHost } from '../src/index.js';
import { createLogger, createServer, defineServerModule, type KotaServer, type ServerOptions } from '../src/server/index.js';
import { createPostgresTestDatabase, testDatabaseTargets } from '../src/testing.js';
import { fixtureHost } from './fixture/host.js';
import { fixtureNotes } from './fixture/module.js';
import fixtureServer, { type FixtureTables } from './fixture/server.js';

const quiet = createLogger({}, 'error');

/** The host's database (typed by core's tables) with the fixture's notes (and a later column) and the catalog's tables. */
const fixtureDb = (server: KotaServer) =>
  server.database.db.withTables<{
    fixture_notes_notes: FixtureTables['fixture_notes_notes'] & { pinned?: boolean };
    'information_schema.tables': { table_name: string };
  }>();

describe('host config validation', () => {
  it('names the module and the field of a bad option', () => {
    expect(() => resolveHost({ ...fixtureHost, modules: [fixtureNotes.with({ greeting: '', maxLength: -1 })] })).toThrowError(HostConfigError);
    try {
      resolveHost({ ...fixtureHost, modules: [fixtureNotes.with({ greeting: '', maxLength: -1 })] });
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('module "fixture-notes", option "greeting"');
      expect(message).toContain('module "fixture-notes", option "maxLength"');
    }
  });

  it('runs the module\'s own checks against the region', () => {
    expect(() => resolveHost({ ...fixtureHost, modules: [fixtureNotes.with({ greeting: 'Halo', pinningAgency: 'dinkes' })] })).toThrowError(
      /module "fixture-notes", option "pinningAgency": no agency "dinkes" in the region/,
    );
  });

  it('names the field of a bad region', () => {
    expect(() => resolveHost({ ...fixtureHost, region: { ...fixtureHost.region, code: '3671', colors: { primary: 'blue', accent: '#ffffff' } } })).toThrowError(
      /region\.code: must be an official region code[\s\S]*region\.colors\.primary: must be a colour/,
    );
  });

  it('refuses a module listed twice', () => {
    expect(() => resolveHost({ ...fixtureHost, modules: [fixtureNotes.with({ greeting: 'a' }), fixtureNotes.with({ greeting: 'b' })] })).toThrowError(/listed twice/);
  });

  it('stops start-up before touching the database', async () => {
    await expect(createServer({ host: { ...fixtureHost, modules: [fixtureNotes.with({} as never)] }, serverModules: [fixtureServer], logger: quiet })).rejects.toThrowError(
      /module "fixture-notes", option "greeting"/,
    );
  });
});

describe.each(testDatabaseTargets())('migrations and demo data across restarts on %s', (database) => {
  const folders: string[] = [];
  const drops: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
    for (const drop of drops) await drop();
  });

  async function storage(): Promise<Pick<ServerOptions, 'dataDir' | 'databaseUrl'>> {
    if (database === 'postgres') {
      const created = await createPostgresTestDatabase();
      drops.push(created.drop);
      return { databaseUrl: created.url };
    }
    const folder = mkdtempSync(join(tmpdir(), 'kk-startup-'));
    folders.push(folder);
    return { dataDir: join(folder, 'db') };
  }

  it('applies migrations once, keeps data across a restart, and refuses an edited migration', async () => {
    const place = await storage();
    const base = { host: fixtureHost, logger: quiet, jobs: false, ...place } satisfies Partial<ServerOptions>;

    const first = await createServer({ ...base, serverModules: [fixtureServer], demo: true });
    const ledger = await first.database.db.selectFrom('core_migrations').select(['module', 'name']).orderBy('module').orderBy('name').execute();
    expect(ledger).toEqual([
      { module: 'core', name: '0001_people' },
      { module: 'core', name: '0002_data_versions' },
      { module: 'fixture-notes', name: '0001_notes' },
      { module: 'fixture-notes', name: '0002_attachments' },
      { module: 'fixture-notes', name: '0003_counts' },
    ]);
    await fixtureDb(first).insertInto('fixture_notes_notes').values({ agency_id: 'dlh', text: 'tetap ada' }).execute();
    await first.close();

    // Restart: nothing re-applied, data and the demo seed still there once (seed runs once per database).
    const second = await createServer({ ...base, serverModules: [fixtureServer], demo: true });
    const notes = await fixtureDb(second).selectFrom('fixture_notes_notes').select('text').orderBy('id').execute();
    expect(notes.map((row) => row.text)).toEqual(['Selamat datang di catatan demo.', 'tetap ada']);
    await second.close();

    // A new migration is applied on upgrade.
    const upgraded = defineServerModule(fixtureNotes, {
      ...fixtureServer,
      migrations: [...fixtureServer.migrations, { name: '0004_pinned', sql: 'ALTER TABLE fixture_notes_notes ADD COLUMN pinned boolean NOT NULL DEFAULT false;' }],
    });
    const third = await createServer({ ...base, serverModules: [upgraded], demo: true });
    const pinned = await fixtureDb(third).selectFrom('fixture_notes_notes').select('pinned').execute();
    expect(pinned.every((row) => row.pinned === false)).toBe(true);
    await third.close();

    // Editing an applied migration stops start-up with a message naming module and migration.
    const edited = defineServerModule(fixtureNotes, {
      ...upgraded,
      migrations: [...upgraded.migrations.slice(0, -1), { name: '0004_pinned', sql: 'ALTER TABLE fixture_notes_notes ADD COLUMN pinned boolean;' }],
    });
    await expect(createServer({ ...base, serverModules: [edited], demo: true })).rejects.toThrowError(
      'Module "fixture-notes": migration "0004_pinned" was edited after it was applied',
    );

    // A failing migration is rolled back whole and names itself.
    const broken = defineServerModule(fixtureNotes, {
      ...upgraded,
      migrations: [...upgraded.migrations, { name: '0005_broken', sql: 'CREATE TABLE fixture_notes_tags (id int); SELECT * FROM no_such_table;' }],
    });
    await expect(createServer({ ...base, serverModules: [broken], demo: true })).rejects.toThrowError(/migration "0005_broken" failed/);
    const after = await createServer({ ...base, serverModules: [upgraded], demo: true });
    const tables = await fixtureDb(after)
      .selectFrom('information_schema.tables')
      .select('table_name')
      .where('table_name', '=', 'fixture_notes_tags')
      .execute();
    expect(tables).toEqual([]);
    await after.close();
  });

  it('refuses a production start on a demo database, and keeps demo accounts out of a fresh one', async () => {
    const place = await storage();
    const demo = await createServer({ host: fixtureHost, serverModules: [fixtureServer], logger: quiet, jobs: false, demo: true, ...place });
    const demoUsers = await demo.database.db.selectFrom('core_users').select('email').where('demo', '=', true).orderBy('email').execute();
    expect(demoUsers.map((row) => row.email)).toEqual(['admin@demo.kotakit.id', 'editor@demo.kotakit.id', 'petugas@demo.kotakit.id', 'warga@demo.kotakit.id']);
    await demo.close();
    const productionOptions = {
      host: fixtureHost,
      serverModules: [fixtureServer],
      logger: quiet,
      jobs: false,
      demo: false,
      bootstrapAdmin: { email: 'admin@contoh.go.id', password: 'sebuah-kata-sandi-kuat' },
    };
    await expect(createServer({ ...productionOptions, ...place })).rejects.toThrow(/This database holds demo data \(loaded by fixture-notes\)[\s\S]*Start with an empty database/);
    // The refused start changed nothing: demo mode still starts on it.
    const again = await createServer({ host: fixtureHost, serverModules: [fixtureServer], logger: quiet, jobs: false, demo: true, ...place });
    await again.close();

    const fresh = await storage();
    const production = await createServer({ ...productionOptions, ...fresh });
    const users = await production.database.db.selectFrom('core_users').select(['email', 'kind']).execute();
    expect(users).toEqual([{ email: 'admin@contoh.go.id', kind: 'admin' }]);
    const login = await production.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@demo.kotakit.id', password: 'demo1234' }),
    });
    expect(login.status).toBe(401);
    await production.close();
  });
});
