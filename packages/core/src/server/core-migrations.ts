import type { Migration } from './migrations.js';

/** Core's own tables: people, sessions, agencies, audit log, rate limits, seeds. Prefix "core_". */
export const coreMigrations: Migration[] = [
  {
    name: '0001_people',
    sql: `
CREATE TABLE core_agencies (
  id text PRIMARY KEY,
  name text NOT NULL,
  short_name text NOT NULL
);
COMMENT ON TABLE core_agencies IS 'The region''s agencies (OPD), synced from the host config at start-up.';

CREATE TABLE core_users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email text NOT NULL,
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('citizen', 'officer', 'admin')),
  agency_id text REFERENCES core_agencies (id),
  password_hash text NOT NULL,
  demo boolean NOT NULL DEFAULT false,
  disabled_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (kind <> 'officer' OR agency_id IS NOT NULL)
);
CREATE UNIQUE INDEX core_users_email ON core_users (lower(email));
COMMENT ON COLUMN core_users.demo IS 'Demo accounts exist only in demo mode and are removed when the host starts outside it.';

CREATE TABLE core_role_grants (
  user_id uuid NOT NULL REFERENCES core_users (id) ON DELETE CASCADE,
  module text NOT NULL,
  role text NOT NULL,
  agency_id text REFERENCES core_agencies (id),
  granted_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX core_role_grants_unique ON core_role_grants (user_id, module, role, coalesce(agency_id, ''));

CREATE TABLE core_sessions (
  id text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES core_users (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
COMMENT ON COLUMN core_sessions.id IS 'SHA-256 of the session token; the token itself is only in the user''s cookie.';
CREATE INDEX core_sessions_user ON core_sessions (user_id);

CREATE TABLE core_audit_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor_id uuid,
  actor_name text,
  module text NOT NULL,
  action text NOT NULL,
  subject_type text NOT NULL,
  subject_id text NOT NULL,
  agency_id text,
  before jsonb,
  after jsonb
);
CREATE INDEX core_audit_log_subject ON core_audit_log (module, subject_type, subject_id);
CREATE INDEX core_audit_log_at ON core_audit_log (at DESC);
COMMENT ON TABLE core_audit_log IS 'Who changed what and when, with the values before and after. Append-only.';

CREATE TABLE core_rate_limits (
  key text NOT NULL,
  window_start timestamptz NOT NULL,
  hits integer NOT NULL,
  PRIMARY KEY (key, window_start)
);

CREATE TABLE core_seeds (
  module text PRIMARY KEY,
  seeded_at timestamptz NOT NULL DEFAULT now()
);
`,
  },
  // Data versions for cached public answers (response-cache.ts): the table, the trigger function, core's trigger.
  {
    name: '0002_data_versions',
    sql: `
CREATE TABLE core_data_versions (
  scope text PRIMARY KEY,
  version bigint NOT NULL DEFAULT 0,
  changed_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE core_data_versions IS 'One counter per module (and "core"), raised by every statement that writes its tables: cached public answers and their ETags are made of these.';

CREATE FUNCTION core_bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO core_data_versions (scope, version, changed_at) VALUES (TG_ARGV[0], 1, now())
  ON CONFLICT (scope) DO UPDATE SET version = core_data_versions.version + 1, changed_at = now();
  RETURN NULL;
END
$$;

CREATE TRIGGER core_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON core_agencies
  FOR EACH STATEMENT EXECUTE FUNCTION core_bump_data_version('core');
`,
  },
];
