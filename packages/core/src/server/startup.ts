import type { Kysely } from 'kysely';
import type { HostConfig } from '../contract.js';
import { coreMigrations } from './core-migrations.js';
import type { CoreTables } from './core-tables.js';
import type { Database } from './db.js';
import { applyMigrations } from './migrations.js';
import type { AnyServerModule, ModuleContext } from './module.js';
import { createAccount, ensureDemoAccount } from './people/accounts.js';
import { trackDataVersions } from './response-cache.js';
import type { Logger } from './services.js';

/** A start without demo mode on a database that holds demo data. */
export class DemoDatabaseError extends Error {
  constructor(readonly modules: string[]) {
    super(
      `This database holds demo data (loaded by ${modules.join(', ')}) and cannot serve a real deployment: demo reports, prices and accounts with a published password would mix with real ones. ` +
        'Start with an empty database (a new KOTA_DATA_DIR, or DATABASE_URL pointing at an empty PostgreSQL database), or start in demo mode (--demo).',
    );
    this.name = 'DemoDatabaseError';
  }
}

/**
 * Start-up work on the database: core's and every module's migrations, the region's agencies, demo data (demo
 * mode) or the removal of demo accounts (production), the first admin. Runs under one lock, so server processes
 * starting together on one PostgreSQL never apply a migration or load demo data twice.
 */
export async function prepareDatabase(options: {
  database: Database;
  config: HostConfig;
  modules: Map<string, AnyServerModule>;
  contexts: Map<string, ModuleContext>;
  demo: boolean;
  log: Logger;
  bootstrapAdmin?: { email: string; password: string; name?: string };
}): Promise<void> {
  const { database, config, modules, contexts, demo, log } = options;
  const db: Kysely<CoreTables> = database.db;
  await database.withLock('kota-kit:startup', async () => {
    await applyMigrations(database, 'core', coreMigrations);
    for (const agency of config.region.agencies) {
      await db
        .insertInto('core_agencies')
        .values({ id: agency.id, name: agency.name, short_name: agency.shortName })
        .onConflict((oc) => oc.column('id').doUpdateSet({ name: agency.name, short_name: agency.shortName }))
        .execute();
    }
    for (const { definition } of config.modules) {
      const applied = await applyMigrations(database, definition.id, modules.get(definition.id)!.migrations);
      if (applied.length) log.info('migrations applied', { module: definition.id, migrations: applied });
    }
    // Before demo data, so that every write from here on raises its module's data version.
    await trackDataVersions(db, config.modules.map(({ definition }) => ({ id: definition.id, cacheTables: modules.get(definition.id)!.cacheTables })));
    if (demo) {
      const firstAgency = config.region.agencies[0]?.id ?? null;
      await ensureDemoAccount(db, 'core', { email: 'admin@demo.kotakit.id', name: 'Admin Demo', kind: 'admin' });
      await ensureDemoAccount(db, 'core', { email: 'warga@demo.kotakit.id', name: 'Warga Demo', kind: 'citizen' });
      if (firstAgency) await ensureDemoAccount(db, 'core', { email: 'petugas@demo.kotakit.id', name: 'Petugas Demo', kind: 'officer', agencyId: firstAgency });
      for (const { definition } of config.modules) {
        const seed = modules.get(definition.id)!.seed;
        if (!seed) continue;
        const done = await db.selectFrom('core_seeds').select('module').where('module', '=', definition.id).executeTakeFirst();
        if (done) continue;
        await seed(contexts.get(definition.id)!);
        await db.insertInto('core_seeds').values({ module: definition.id }).execute();
        log.info('demo data loaded', { module: definition.id });
      }
    } else {
      // Demo reports, prices and accounts (with their published password) must never mix with a region's real data.
      const seeded = await db.selectFrom('core_seeds').select('module').execute();
      if (seeded.length > 0) throw new DemoDatabaseError(seeded.map((row) => row.module));
      await db.deleteFrom('core_users').where('demo', '=', true).execute();
    }
    if (options.bootstrapAdmin) {
      const admin = await db.selectFrom('core_users').select('id').where('kind', '=', 'admin').executeTakeFirst();
      if (!admin) {
        await createAccount(db, { ...options.bootstrapAdmin, name: options.bootstrapAdmin.name ?? 'Admin', kind: 'admin' });
        log.info('first admin account created');
      }
    }
  });
}
