// An applied migration never changes: a region upgrades by getting a new one. Tables carry the module's prefix.
export default {
  name: '0001_newsroom',
  sql: `
CREATE TABLE berita_images (
  key text PRIMARY KEY,
  width int NOT NULL,
  height int NOT NULL,
  widths int[] NOT NULL,
  created_by uuid,
  created_at timestamptz NOT NULL
);
COMMENT ON TABLE berita_images IS 'Uploaded images, re-encoded without their metadata (EXIF, location) and stored at a few widths for srcset.';

CREATE TABLE berita_articles (
  id serial PRIMARY KEY,
  slug text NOT NULL UNIQUE,
  status text NOT NULL CHECK (status IN ('draft', 'review', 'changes', 'approved', 'scheduled', 'published')),
  agency_id text NOT NULL,
  category text NOT NULL,
  title text NOT NULL,
  summary text NOT NULL,
  body_html text NOT NULL,
  body_text text NOT NULL,
  tags text[] NOT NULL DEFAULT '{}',
  image_key text REFERENCES berita_images (key),
  image_alt text,
  image_caption text,
  image_credit text,
  author_id uuid,
  author_name text NOT NULL,
  revision int NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  scheduled_at timestamptz,
  published_at timestamptz
);
COMMENT ON TABLE berita_articles IS 'The newsroom''s articles; body_html is sanitised on the server, body_text is its plain text for search and reading time.';
COMMENT ON COLUMN berita_articles.published_at IS 'First publication; a correction does not move it.';
CREATE INDEX berita_articles_published ON berita_articles (published_at DESC) WHERE status = 'published';
CREATE INDEX berita_articles_scheduled ON berita_articles (scheduled_at) WHERE status = 'scheduled';
CREATE INDEX berita_articles_search ON berita_articles USING gin (to_tsvector('indonesian'::regconfig, title || ' ' || summary || ' ' || body_text));
CREATE INDEX berita_articles_tags ON berita_articles USING gin (tags);

CREATE TABLE berita_revisions (
  article_id int NOT NULL REFERENCES berita_articles (id),
  number int NOT NULL,
  title text NOT NULL,
  summary text NOT NULL,
  body_html text NOT NULL,
  tags text[] NOT NULL,
  author_id uuid,
  author_name text NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (article_id, number)
);
COMMENT ON TABLE berita_revisions IS 'Every saved version of an article, never changed, so any two can be compared.';

CREATE TABLE berita_events (
  id serial PRIMARY KEY,
  article_id int NOT NULL REFERENCES berita_articles (id),
  at timestamptz NOT NULL,
  actor_id uuid,
  actor_name text NOT NULL,
  action text NOT NULL,
  from_status text,
  to_status text NOT NULL,
  comment text
);
COMMENT ON TABLE berita_events IS 'The workflow of an article: who sent, reviewed (with the comment), scheduled and published it, when.';
CREATE INDEX berita_events_article ON berita_events (article_id, id);

CREATE TABLE berita_corrections (
  id serial PRIMARY KEY,
  article_id int NOT NULL REFERENCES berita_articles (id),
  at timestamptz NOT NULL,
  text text NOT NULL,
  author_id uuid
);
COMMENT ON TABLE berita_corrections IS 'Corrections to a published article, shown on it with their date.';

CREATE TABLE berita_sources (
  id serial PRIMARY KEY,
  name text NOT NULL,
  url text NOT NULL UNIQUE,
  category text NOT NULL,
  enabled boolean NOT NULL DEFAULT true,
  etag text,
  last_modified text,
  last_fetched_at timestamptz,
  last_success_at timestamptz,
  last_error text,
  last_error_at timestamptz,
  item_count int NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL
);
COMMENT ON TABLE berita_sources IS 'Feeds of other agencies and local media the collector reads; etag and last_modified make the next request conditional.';

CREATE TABLE berita_items (
  id serial PRIMARY KEY,
  source_id int NOT NULL REFERENCES berita_sources (id),
  guid text NOT NULL,
  url text NOT NULL,
  title text NOT NULL,
  summary text NOT NULL,
  image_url text,
  published_at timestamptz NOT NULL,
  fetched_at timestamptz NOT NULL,
  hidden boolean NOT NULL DEFAULT false,
  pinned boolean NOT NULL DEFAULT false,
  UNIQUE (source_id, guid)
);
COMMENT ON TABLE berita_items IS 'Collected items: only title, summary, image and a link to the original (never the full article).';
CREATE UNIQUE INDEX berita_items_url ON berita_items (url);
CREATE INDEX berita_items_published ON berita_items (published_at DESC) WHERE NOT hidden;
`,
};
