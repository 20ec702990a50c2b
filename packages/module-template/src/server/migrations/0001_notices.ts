// An applied migration never changes: a region upgrades by getting a new one. Tables carry the module's prefix.
export default {
  name: '0001_notices',
  sql: `
CREATE TABLE module_template_notices (
  id serial PRIMARY KEY,
  agency_id text NOT NULL,
  title text NOT NULL,
  body text NOT NULL,
  created_by uuid NOT NULL,
  published_at timestamptz NOT NULL,
  withdrawn_at timestamptz
);
COMMENT ON TABLE module_template_notices IS 'Notices an agency publishes; withdrawn ones stay for the audit trail.';
CREATE INDEX module_template_notices_published ON module_template_notices (published_at DESC) WHERE withdrawn_at IS NULL;
`,
};
