/**
 * Core's own tables (prefix "core_"), as created by core-migrations.ts and the migration ledger in migrations.ts.
 * `core-tables.generated.ts` is generated from a migrated database by test/core-tables.test.ts; the compiler
 * checks the two agree below.
 */
import type { ColumnType, Generated } from 'kysely';
import type { UserKind } from '../types.js';
import type { GeneratedCoreTables } from './core-tables.generated.js';
import type { TablesMatch } from './tables.js';

/** A jsonb column: read as the parsed value, written as JSON text (or null). */
type Json = ColumnType<unknown, string | null, string | null>;

export interface CoreTables {
  core_agencies: { id: string; name: string; short_name: string };
  core_users: {
    id: Generated<string>;
    email: string;
    name: string;
    kind: UserKind;
    agency_id: string | null;
    password_hash: string;
    demo: Generated<boolean>;
    disabled_at: Date | null;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  core_role_grants: { user_id: string; module: string; role: string; agency_id: string | null; granted_at: Generated<Date> };
  core_sessions: { id: string; user_id: string; created_at: Generated<Date>; expires_at: Date };
  core_audit_log: {
    id: Generated<number>;
    at: Generated<Date>;
    actor_id: string | null;
    actor_name: string | null;
    module: string;
    action: string;
    subject_type: string;
    subject_id: string;
    agency_id: string | null;
    before: Json;
    after: Json;
  };
  core_rate_limits: { key: string; window_start: Date; hits: number };
  core_seeds: { module: string; seeded_at: Generated<Date> };
  core_data_versions: { scope: string; version: Generated<number>; changed_at: Generated<Date> };
  core_migrations: { module: string; name: string; checksum: string; applied_at: Generated<Date> };
}

// A mismatch between the declared tables and the migrated database names the table and columns here.
export const coreTablesMatch: TablesMatch<CoreTables, GeneratedCoreTables> = true;
