/**
 * What `kota doctor` and `kota upgrade` ask of a host's database and config without starting it: the migrations
 * that the next start will apply, whether the database holds demo data, and whether the region's holiday
 * calendar covers the years deadlines are counted in.
 */
import { sql } from 'kysely';
import type { Region } from '../region.js';
import { coreMigrations } from './core-migrations.js';
import type { Database } from './db.js';
import { migrationChecksum, type Migration } from './migrations.js';

export interface PendingMigrations {
  /** "core" or a module id. */
  module: string;
  /** Names not yet applied, in the order they will run. */
  pending: string[];
  /** Applied migrations the module no longer ships or whose SQL changed: the next start will refuse to run. */
  problems: string[];
}

/**
 * The migrations of core and of each given module that the next start would apply to this database. Reads only:
 * an empty database (no ledger yet) has every migration pending.
 */
export async function pendingMigrations(database: Database, modules: readonly { id: string; migrations: readonly Migration[] }[]): Promise<PendingMigrations[]> {
  const ledger = await sql<{ exists: string | null }>`select to_regclass('core_migrations')::text as exists`.execute(database.db);
  const applied = ledger.rows[0]?.exists
    ? (await sql<{ module: string; name: string; checksum: string }>`select module, name, checksum from core_migrations order by module, name`.execute(database.db)).rows
    : [];
  return [{ id: 'core', migrations: coreMigrations }, ...modules].map(({ id, migrations }) => {
    const done = new Map(applied.filter((row) => row.module === id).map((row) => [row.name, row.checksum]));
    const shipped = new Map(migrations.map((migration) => [migration.name, migration]));
    const problems: string[] = [];
    for (const [name, checksum] of done) {
      const migration = shipped.get(name);
      if (!migration) problems.push(`migration "${name}" was applied but is no longer shipped`);
      else if (migrationChecksum(migration.sql) !== checksum) problems.push(`migration "${name}" was edited after it was applied`);
    }
    return { module: id, pending: migrations.filter((migration) => !done.has(migration.name)).map((migration) => migration.name), problems };
  });
}

/** Whether the database holds core's demo accounts (a database started in demo mode). */
export async function holdsDemoData(database: Database): Promise<boolean> {
  const users = await sql<{ exists: string | null }>`select to_regclass('core_users')::text as exists`.execute(database.db);
  if (!users.rows[0]?.exists) return false;
  const demo = await sql<{ count: number }>`select count(*)::int as count from core_users where demo = true`.execute(database.db);
  return (demo.rows[0]?.count ?? 0) > 0;
}

/** The years (this one and the next) that `region.holidays` lists no holiday in. */
export function holidayCoverage(region: Pick<Region, 'holidays'>, today: Date = new Date()): { years: number[]; missing: number[] } {
  const year = today.getUTCFullYear();
  const covered = new Set(region.holidays.map((day) => day.date.slice(0, 4)));
  const years = [year, year + 1];
  return { years, missing: years.filter((wanted) => !covered.has(String(wanted))) };
}
