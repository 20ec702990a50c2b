// Generated from the migrated database by the module's table test; do not edit.
// Regenerate with: KK_UPDATE_TABLES=1 pnpm vitest run <the module's tables test>
export interface GeneratedCoreTables {
  core_agencies: {
    id: string;
    name: string;
    short_name: string;
  };
  core_audit_log: {
    id: number;
    at: Date;
    actor_id: string | null;
    actor_name: string | null;
    module: string;
    action: string;
    subject_type: string;
    subject_id: string;
    agency_id: string | null;
    before: unknown | null;
    after: unknown | null;
  };
  core_data_versions: {
    scope: string;
    version: number;
    changed_at: Date;
  };
  core_migrations: {
    module: string;
    name: string;
    checksum: string;
    applied_at: Date;
  };
  core_rate_limits: {
    key: string;
    window_start: Date;
    hits: number;
  };
  core_role_grants: {
    user_id: string;
    module: string;
    role: string;
    agency_id: string | null;
    granted_at: Date;
  };
  core_seeds: {
    module: string;
    seeded_at: Date;
  };
  core_sessions: {
    id: string;
    user_id: string;
    created_at: Date;
    expires_at: Date;
  };
  core_users: {
    id: string;
    email: string;
    name: string;
    kind: string;
    agency_id: string | null;
    password_hash: string;
    demo: boolean;
    disabled_at: Date | null;
    created_at: Date;
    updated_at: Date;
  };
}
