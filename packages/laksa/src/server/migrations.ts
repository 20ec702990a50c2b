import type { Migration } from '@kota-kit/core/server';

export const migrations: Migration[] = [
  {
    name: '0001_reports',
    sql: `
-- Ticket numbers come from one database sequence, so two server processes never hand out the same one.
CREATE SEQUENCE laksa_ticket_seq;

CREATE TABLE laksa_reports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  ticket text NOT NULL UNIQUE,
  -- SHA-256 of the private tracking token; the token itself is only ever shown to the reporter.
  tracking_hash text NOT NULL UNIQUE,
  type text NOT NULL CHECK (type IN ('complaint', 'aspiration', 'information')),
  category text NOT NULL,
  title text NOT NULL,
  description text NOT NULL,
  lat double precision,
  lng double precision,
  address text,
  kecamatan text,
  kelurahan text,
  -- The citizen's choices at creation; no endpoint updates them.
  confidential boolean NOT NULL,
  anonymous boolean NOT NULL,
  status text NOT NULL CHECK (status IN ('submitted', 'verified', 'rejected', 'forwarded', 'in_progress', 'reopened', 'resolved', 'closed', 'duplicate')),
  agency_id text NOT NULL,
  assignee_id uuid,
  assignee_name text,
  source text NOT NULL DEFAULT 'web' CHECK (source IN ('web', 'open311')),
  open311_token text UNIQUE,
  reject_reason text,
  duplicate_of uuid REFERENCES laksa_reports(id),
  supporters integer NOT NULL DEFAULT 0,
  rating smallint CHECK (rating BETWEEN 1 AND 5),
  rating_comment text,
  verify_due date NOT NULL,
  agency_due date,
  verify_overdue_at timestamptz,
  agency_overdue_at timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  verified_at timestamptz,
  forwarded_at timestamptz,
  first_response_at timestamptz,
  resolved_at timestamptz,
  closed_at timestamptz,
  rated_at timestamptz
);
CREATE INDEX laksa_reports_status ON laksa_reports (status, agency_id);
CREATE INDEX laksa_reports_created ON laksa_reports (created_at);
CREATE INDEX laksa_reports_duplicate_of ON laksa_reports (duplicate_of);

-- Personal data of the reporter, kept apart and never joined into public queries.
CREATE TABLE laksa_contacts (
  report_id uuid PRIMARY KEY REFERENCES laksa_reports(id) ON DELETE CASCADE,
  name text,
  email text,
  phone text,
  nik text
);

CREATE TABLE laksa_events (
  id serial PRIMARY KEY,
  report_id uuid NOT NULL REFERENCES laksa_reports(id) ON DELETE CASCADE,
  at timestamptz NOT NULL,
  kind text NOT NULL CHECK (kind IN ('status', 'response', 'reopen', 'rating', 'note', 'assign')),
  from_status text,
  to_status text NOT NULL,
  note text,
  internal boolean NOT NULL DEFAULT false,
  actor_kind text NOT NULL CHECK (actor_kind IN ('citizen', 'verifier', 'agency', 'system')),
  actor_id uuid,
  actor_name text,
  agency_id text
);
CREATE INDEX laksa_events_report ON laksa_events (report_id, id);

CREATE TABLE laksa_photos (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  report_id uuid NOT NULL REFERENCES laksa_reports(id) ON DELETE CASCADE,
  event_id integer REFERENCES laksa_events(id) ON DELETE SET NULL,
  kind text NOT NULL CHECK (kind IN ('report', 'resolution')),
  storage_key text NOT NULL,
  content_type text NOT NULL,
  bytes integer NOT NULL,
  width integer,
  height integer,
  created_at timestamptz NOT NULL
);
CREATE INDEX laksa_photos_report ON laksa_photos (report_id);

-- "Me too": one per report and supporter (a hash of the user id, or of the client address and browser).
CREATE TABLE laksa_supports (
  report_id uuid NOT NULL REFERENCES laksa_reports(id) ON DELETE CASCADE,
  fingerprint text NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (report_id, fingerprint)
);

CREATE TABLE laksa_open311_keys (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  key_hash text NOT NULL UNIQUE,
  prefix text NOT NULL,
  created_at timestamptz NOT NULL,
  created_by text,
  last_used_at timestamptz,
  revoked_at timestamptz
);
`,
  },
  {
    name: '0002_contact_deletion',
    sql: `
-- UU PDP 27/2022: a reporter may have their contact deleted. The report stays; this records when it happened.
ALTER TABLE laksa_reports ADD COLUMN contact_deleted_at timestamptz;

-- An internal (never public) timeline event marks the deletion for officers, without any of the deleted values.
ALTER TABLE laksa_events DROP CONSTRAINT laksa_events_kind_check;
ALTER TABLE laksa_events ADD CONSTRAINT laksa_events_kind_check CHECK (kind IN ('status', 'response', 'reopen', 'rating', 'note', 'assign', 'contact_deleted'));
`,
  },
  {
    name: '0003_note_codes',
    sql: `
-- Notes the system writes are stored as a code with parameters and translated when shown, in the reader's
-- language; "note" keeps only people's own words.
ALTER TABLE laksa_events ADD COLUMN note_code text;
ALTER TABLE laksa_events ADD COLUMN note_params jsonb;

-- Earlier versions wrote these notes as finished sentences in two languages: turn them into codes.
UPDATE laksa_events SET note_code = 'overdue.verification', note_params = jsonb_build_object('dueDate', substring(note from '\\(([0-9-]+)\\)')), note = NULL
  WHERE actor_kind = 'system' AND note LIKE 'Melewati tenggat verifikasi (%';
UPDATE laksa_events SET note_code = 'overdue.agency', note_params = jsonb_build_object('dueDate', substring(note from '\\(([0-9-]+)\\)')), note = NULL
  WHERE actor_kind = 'system' AND note LIKE 'Melewati tenggat tindak lanjut OPD (%';
UPDATE laksa_events SET note_code = 'closed.automatically', note_params = jsonb_build_object('days', substring(note from 'setelah ([0-9]+) hari')::integer), note = NULL
  WHERE actor_kind = 'system' AND note LIKE 'Ditutup otomatis setelah % hari kerja%';
UPDATE laksa_events SET note_code = 'merged', note_params = jsonb_build_object('ticket', substring(note from 'Digabung dengan laporan ([A-Z0-9-]+) / ')), note = NULL
  WHERE actor_kind = 'verifier' AND note ~ '^Digabung dengan laporan [A-Z0-9-]+ / Merged into report ';
UPDATE laksa_events SET note_code = 'unassigned', note = NULL WHERE kind = 'assign' AND note = '→ —';
UPDATE laksa_events SET note_code = 'assigned', note_params = jsonb_build_object('name', substring(note from 3)), note = NULL
  WHERE kind = 'assign' AND note LIKE '→ %';
`,
  },
  {
    name: '0004_reporter_account',
    sql: `
-- "Laporan saya": a report sent while signed in as a citizen is linked to that account, so the citizen finds it
-- again without the tracking link. Never shown publicly, to officers or through Open311; null for reports sent
-- without an account (and for every earlier report).
ALTER TABLE laksa_reports ADD COLUMN reporter_user_id uuid;
CREATE INDEX laksa_reports_reporter ON laksa_reports (reporter_user_id, created_at) WHERE reporter_user_id IS NOT NULL;
`,
  },
  {
    name: '0005_progress_events',
    sql: `
-- An agency's progress update: a public timeline event that keeps the report open (POST /inbox/{id}/progress).
ALTER TABLE laksa_events DROP CONSTRAINT laksa_events_kind_check;
ALTER TABLE laksa_events ADD CONSTRAINT laksa_events_kind_check CHECK (kind IN ('status', 'response', 'progress', 'reopen', 'rating', 'note', 'assign', 'contact_deleted'));
`,
  },
];
