import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Database } from './db.js';

/**
 * A migration is plain PostgreSQL, named so that names sort in the order they apply
 * ("0001_reports", "0002_photos"). Once applied, it must never change: regions upgrade by adding new ones.
 */
export interface Migration {
  name: string;
  sql: string;
}

export class MigrationError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MigrationError';
  }
}

/** Checksum over the SQL with line endings and trailing spaces normalised, so a checkout on Windows is not "edited". */
export function migrationChecksum(sqlText: string): string {
  const normalised = sqlText.replace(/\r\n/g, '\n').replace(/[ \t]+$/gm, '').trim();
  return createHash('sha256').update(normalised).digest('hex');
}

// Statements that name a table (or index, view, sequence, type) a migration creates, changes or writes to.
const indexedTable = /\bcreate\s+(?:unique\s+)?index\b[^;]*?\bon\s+(?:only\s+)?("?[a-z_][a-z0-9_$.]*"?)/gi;
// A trigger is "on" a table after its events ("AFTER INSERT OR UPDATE ON core_users").
const triggeredTable = /\bcreate\s+(?:or\s+replace\s+)?(?:constraint\s+)?trigger\b[^;]*?\bon\s+(?:only\s+)?("?[a-z_][a-z0-9_$.]*"?)/gi;
const namedObject =
  /\b(?:(?:create|alter|drop)\s+(?:unique\s+)?(?:table|(?:materialized\s+)?view|sequence|type|index(?:\s+concurrently)?)(?:\s+if\s+(?:not\s+)?exists)?(?:\s+only)?|comment\s+on\s+(?:table|column|index|view)|insert\s+into|update(?:\s+only)?|delete\s+from|truncate(?:\s+table)?|references)\s+("?[a-z_][a-z0-9_$.]*"?)/gi;

/**
 * Names outside the module's table prefix that a migration touches. A module owns only its tables
 * ("harga_pasar_…"), so its migrations can never change core's or another module's.
 */
export function foreignObjects(moduleId: string, sqlText: string): string[] {
  const prefix = `${moduleId.replaceAll('-', '_')}_`;
  // Comments, string literals and dollar-quoted bodies are not statements.
  const code = sqlText
    .replace(/--[^\n]*/g, ' ')
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/\$([a-z_]*)\$[\s\S]*?\$\1\$/gi, ' ')
    .replace(/'(?:[^']|'')*'/g, "''");
  const foreign = new Set<string>();
  for (const match of [...code.matchAll(namedObject), ...code.matchAll(indexedTable), ...code.matchAll(triggeredTable)]) {
    const name = match[1]!.replaceAll('"', '').toLowerCase();
    const bare = name.startsWith('public.') ? name.slice('public.'.length) : name;
    // "ON UPDATE CASCADE", "DO UPDATE SET", a trigger's "INSERT OR UPDATE OF … OR TRUNCATE ON": keywords, not names.
    if (['set', 'cascade', 'restrict', 'no', 'or', 'on', 'of'].includes(bare)) continue;
    if (!bare.startsWith(prefix)) foreign.add(bare);
  }
  return [...foreign];
}

const ledgerSql = `
CREATE TABLE IF NOT EXISTS core_migrations (
  module text NOT NULL,
  name text NOT NULL,
  checksum text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (module, name)
);
COMMENT ON TABLE core_migrations IS 'Migrations applied per module; a changed checksum stops start-up.';
`;

/**
 * Applies a module's pending migrations in order, each in its own transaction, and records them.
 * Refuses to run when an applied migration was edited or removed, or when names are out of order.
 * An advisory lock keeps two server processes starting together from applying the same migration twice.
 */
export async function applyMigrations(database: Database, moduleId: string, migrations: readonly Migration[]): Promise<string[]> {
  const names = migrations.map((migration) => migration.name);
  const sorted = [...names].sort();
  if (names.some((name, index) => name !== sorted[index])) {
    throw new MigrationError(`Module "${moduleId}": migrations must be listed in name order (${names.join(', ')}).`);
  }
  if (new Set(names).size !== names.length) {
    throw new MigrationError(`Module "${moduleId}": two migrations share a name.`);
  }
  for (const migration of migrations) {
    const foreign = foreignObjects(moduleId, migration.sql);
    if (foreign.length) {
      throw new MigrationError(
        `Module "${moduleId}": migration "${migration.name}" touches ${foreign.map((name) => `"${name}"`).join(', ')}; a module may only create or change tables named "${moduleId.replaceAll('-', '_')}_…".`,
      );
    }
  }
  const { db } = database;
  const result = await database.withLock('kota-kit:migrations', async () => {
      await database.execInTransaction(ledgerSql, []);
      const applied = await sql<{ name: string; checksum: string }>`
        select name, checksum from core_migrations where module = ${moduleId} order by name`.execute(db);
      const known = new Map(migrations.map((migration) => [migration.name, migration]));
      for (const row of applied.rows) {
        const migration = known.get(row.name);
        if (!migration) {
          throw new MigrationError(
            `Module "${moduleId}": migration "${row.name}" was applied to this database but is no longer shipped. Install the module version that has it.`,
          );
        }
        if (migrationChecksum(migration.sql) !== row.checksum) {
          throw new MigrationError(
            `Module "${moduleId}": migration "${row.name}" was edited after it was applied. Put the change in a new migration instead.`,
          );
        }
      }
      const done = new Set(applied.rows.map((row) => row.name));
      const newlyApplied: string[] = [];
      for (const migration of migrations) {
        if (done.has(migration.name)) continue;
        try {
          await database.execInTransaction(migration.sql, [
            {
              sql: 'insert into core_migrations (module, name, checksum) values ($1, $2, $3)',
              params: [moduleId, migration.name, migrationChecksum(migration.sql)],
            },
          ]);
        } catch (error) {
          throw new MigrationError(`Module "${moduleId}": migration "${migration.name}" failed: ${(error as Error).message}`, { cause: error });
        }
        newlyApplied.push(migration.name);
      }
      return newlyApplied;
  });
  return result === false ? [] : result;
}
