// An applied migration never changes: a region upgrades by getting a new one. Tables carry the module's prefix.
export default {
  name: '0001_pencaker',
  sql: `
-- Job seekers' AK/1 profiles. Identity fields are personal data (UU PDP): shown only to the seeker and to Disnaker
-- (audited); employers see the working profile and the contact of applicants who applied to them.
CREATE TABLE pencaker_seekers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL UNIQUE,
  full_name text NOT NULL,
  nik text NOT NULL,
  birth_place text NOT NULL,
  birth_date date NOT NULL,
  sex text NOT NULL CHECK (sex IN ('male', 'female')),
  religion text NOT NULL,
  marital_status text NOT NULL,
  address text NOT NULL,
  kecamatan text NOT NULL,
  phone text NOT NULL,
  email text NOT NULL,
  education_level text NOT NULL,
  education jsonb NOT NULL DEFAULT '[]',
  training jsonb NOT NULL DEFAULT '[]',
  certificates jsonb NOT NULL DEFAULT '[]',
  skills jsonb NOT NULL DEFAULT '[]',
  experience jsonb NOT NULL DEFAULT '[]',
  preferences jsonb NOT NULL DEFAULT '{}',
  cv_key text,
  cv_bytes integer,
  cv_uploaded_at timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
COMMENT ON TABLE pencaker_seekers IS 'AK/1 profiles; deleted with the account (UU PDP), leaving pencaker_seeker_facts.';

-- Anonymous facts for public statistics: no name, no NIK, no exact birth date. Kept when a seeker deletes their data.
CREATE TABLE pencaker_seeker_facts (
  id serial PRIMARY KEY,
  seeker_id uuid UNIQUE REFERENCES pencaker_seekers(id) ON DELETE SET NULL,
  education_level text NOT NULL,
  birth_year integer NOT NULL,
  sex text NOT NULL,
  registered_at timestamptz NOT NULL,
  placed_at timestamptz
);

CREATE SEQUENCE pencaker_card_number_seq;
CREATE TABLE pencaker_cards (
  id serial PRIMARY KEY,
  seeker_id uuid NOT NULL REFERENCES pencaker_seekers(id) ON DELETE CASCADE,
  status text NOT NULL CHECK (status IN ('submitted', 'verified', 'active', 'rejected', 'expired', 'ended')),
  number text UNIQUE,
  submitted_at timestamptz NOT NULL,
  verified_at timestamptz,
  verified_by uuid,
  activated_at timestamptz,
  valid_until date,
  last_report_at timestamptz,
  next_report_due date,
  reminded_for date,
  ended_at timestamptz,
  end_reason text CHECK (end_reason IN ('placed', 'expired', 'withdrawn')),
  placed_at text,
  reject_reason text
);
-- One card in progress or valid per seeker; rejected, expired and ended ones stay as history.
CREATE UNIQUE INDEX pencaker_cards_current ON pencaker_cards (seeker_id) WHERE status IN ('submitted', 'verified', 'active');
CREATE INDEX pencaker_cards_status ON pencaker_cards (status);

CREATE TABLE pencaker_employers (
  id serial PRIMARY KEY,
  name text NOT NULL,
  nib text NOT NULL UNIQUE,
  npwp text NOT NULL,
  sector text NOT NULL,
  address text NOT NULL,
  kecamatan text NOT NULL,
  contact_name text NOT NULL,
  contact_phone text NOT NULL,
  contact_email text NOT NULL,
  website text,
  description text,
  logo_key text,
  status text NOT NULL CHECK (status IN ('pending', 'verified', 'rejected')),
  trusted boolean NOT NULL DEFAULT false,
  reject_reason text,
  created_at timestamptz NOT NULL,
  created_by uuid NOT NULL,
  verified_at timestamptz,
  verified_by uuid
);

-- The accounts that act for an employer (an account acts for at most one).
CREATE TABLE pencaker_employer_members (
  user_id uuid PRIMARY KEY,
  employer_id integer NOT NULL REFERENCES pencaker_employers(id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL
);

CREATE TABLE pencaker_vacancies (
  id serial PRIMARY KEY,
  employer_id integer NOT NULL REFERENCES pencaker_employers(id),
  status text NOT NULL CHECK (status IN ('draft', 'submitted', 'published', 'rejected', 'closed', 'filled', 'expired')),
  title text NOT NULL,
  description text NOT NULL,
  sector text NOT NULL,
  kecamatan text NOT NULL,
  address text NOT NULL,
  employment_type text NOT NULL,
  education_min text NOT NULL,
  education_rank integer NOT NULL,
  experience_years integer NOT NULL,
  salary_min bigint,
  salary_max bigint,
  salary_unit text NOT NULL,
  openings integer NOT NULL,
  skills jsonb NOT NULL DEFAULT '[]',
  valid_through date NOT NULL,
  revision integer NOT NULL DEFAULT 1,
  reject_reason text,
  filled_count integer,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  submitted_at timestamptz,
  published_at timestamptz,
  ended_at timestamptz
);
CREATE INDEX pencaker_vacancies_public ON pencaker_vacancies (published_at DESC) WHERE status = 'published';
CREATE INDEX pencaker_vacancies_employer ON pencaker_vacancies (employer_id);
CREATE INDEX pencaker_vacancies_text ON pencaker_vacancies USING gin (to_tsvector('simple', title || ' ' || description));

-- Every edit keeps the version it replaced.
CREATE TABLE pencaker_vacancy_revisions (
  id serial PRIMARY KEY,
  vacancy_id integer NOT NULL REFERENCES pencaker_vacancies(id) ON DELETE CASCADE,
  revision integer NOT NULL,
  snapshot jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  created_by uuid,
  UNIQUE (vacancy_id, revision)
);

-- seeker_id is cleared when the seeker deletes their data: the stage and dates stay for statistics.
CREATE TABLE pencaker_applications (
  id serial PRIMARY KEY,
  vacancy_id integer NOT NULL REFERENCES pencaker_vacancies(id),
  seeker_id uuid REFERENCES pencaker_seekers(id) ON DELETE SET NULL,
  stage text NOT NULL CHECK (stage IN ('received', 'shortlisted', 'interview', 'hired', 'rejected', 'withdrawn')),
  cover_letter text,
  with_cv boolean NOT NULL DEFAULT false,
  interview_at timestamptz,
  interview_place text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  hired_at timestamptz
);
CREATE UNIQUE INDEX pencaker_applications_once ON pencaker_applications (vacancy_id, seeker_id) WHERE seeker_id IS NOT NULL;
CREATE INDEX pencaker_applications_seeker ON pencaker_applications (seeker_id);

CREATE TABLE pencaker_saved_searches (
  id serial PRIMARY KEY,
  user_id uuid NOT NULL,
  name text NOT NULL,
  filters jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  last_alert_at timestamptz
);
CREATE INDEX pencaker_saved_searches_user ON pencaker_saved_searches (user_id);

CREATE TABLE pencaker_fairs (
  id serial PRIMARY KEY,
  title text NOT NULL,
  description text,
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  place text NOT NULL,
  kecamatan text NOT NULL,
  created_at timestamptz NOT NULL,
  created_by uuid
);
CREATE TABLE pencaker_fair_employers (
  fair_id integer NOT NULL REFERENCES pencaker_fairs(id) ON DELETE CASCADE,
  employer_id integer NOT NULL REFERENCES pencaker_employers(id),
  PRIMARY KEY (fair_id, employer_id)
);
`,
};
