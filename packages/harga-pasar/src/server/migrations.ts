import type { Migration } from '@kota-kit/core/server';

/**
 * Markets and commodities are region configuration (module options); reference prices are configuration (the
 * baseline) plus rows the agency adds (0003); day summaries (0004) are derived from the prices by triggers; the
 * export's days (0005) are its text kept once made, forgotten by triggers when a day's published prices change.
 * Applied migrations never change: add a new one instead.
 */
export const migrations: readonly Migration[] = [
  {
    name: '0001_prices',
    sql: `
CREATE TABLE harga_pasar_prices (
  date date NOT NULL,
  market_id text NOT NULL,
  commodity_id text NOT NULL,
  price integer NOT NULL CHECK (price > 0),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
  entered_by uuid,
  published_by uuid,
  entered_at timestamptz NOT NULL DEFAULT now(),
  published_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- Date first: the board (one date) and the export (a date range) read a contiguous slice of this index.
  PRIMARY KEY (date, market_id, commodity_id)
);
COMMENT ON TABLE harga_pasar_prices IS 'One price per day, market and commodity, in whole rupiah per unit.';
-- A commodity's chart (one commodity over a year) and the market page; partial and covering so they stay index-only.
CREATE INDEX harga_pasar_prices_commodity_date ON harga_pasar_prices (commodity_id, date) INCLUDE (market_id, price) WHERE status = 'published';
CREATE INDEX harga_pasar_prices_market_date ON harga_pasar_prices (market_id, date) INCLUDE (commodity_id, price) WHERE status = 'published';
-- Drafts waiting for a supervisor are few; this keeps "what is left to publish" cheap.
CREATE INDEX harga_pasar_prices_drafts ON harga_pasar_prices (date, market_id) WHERE status = 'draft';

CREATE TABLE harga_pasar_price_revisions (
  id bigserial PRIMARY KEY,
  date date NOT NULL,
  market_id text NOT NULL,
  commodity_id text NOT NULL,
  previous_price integer NOT NULL,
  new_price integer NOT NULL,
  reason text,
  changed_by uuid,
  changed_by_name text,
  changed_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE harga_pasar_price_revisions IS 'Every correction of a price keeps the previous value and who changed it.';
CREATE INDEX harga_pasar_price_revisions_price ON harga_pasar_price_revisions (date, market_id, commodity_id, id);
`,
  },
  {
    name: '0002_published_index',
    sql: `
-- The published prices in primary-key order, covering the price: the board (every commodity of the last two weeks,
-- also run by the market page and around every publish) and the streamed export's keyset pages
-- ("rows after (date, market, commodity) in that order") become index-only scans without a sort. Measured at
-- 5.5 million rows on PostgreSQL: an export page of 10k rows 5 ms instead of 53 ms, the board aggregate 25 ms instead of 50 ms.
CREATE INDEX harga_pasar_prices_published ON harga_pasar_prices (date, market_id, commodity_id) INCLUDE (price) WHERE status = 'published';
`,
  },
  {
    name: '0003_reference_prices',
    sql: `
-- Reference prices (HET/HAP) the agency adds on the settings page when a regulation changes, on top of the
-- region's configured ones. Rows are never deleted: a mistaken one is retired (retired_at), so history stays.
CREATE TABLE harga_pasar_reference_prices (
  id bigserial PRIMARY KEY,
  commodity_id text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('HET', 'HAP')),
  zone text NOT NULL,
  price integer NOT NULL CHECK (price > 0),
  effective_from date NOT NULL,
  legal_basis text NOT NULL,
  created_by uuid,
  created_by_name text,
  created_at timestamptz NOT NULL DEFAULT now(),
  retired_at timestamptz,
  retired_by uuid
);
COMMENT ON TABLE harga_pasar_reference_prices IS 'Reference prices added by the agency; merged with the configured ones, a row wins over configuration on the same effective date.';
-- At most one active row per commodity, kind, zone and effective date (a second one would be ambiguous).
CREATE UNIQUE INDEX harga_pasar_reference_prices_active ON harga_pasar_reference_prices (commodity_id, kind, zone, effective_from) WHERE retired_at IS NULL;
`,
  },
  {
    name: '0004_day_summaries',
    sql: `
-- Per commodity and day, what the board shows of the published prices: market count, city average (as
-- round(avg(price))), lowest and highest price and the first market (by id) at each. The board (also run by the
-- market page and around every write, for the alerts) read up to 45k price rows per request; now ~900 of these.
CREATE TABLE harga_pasar_day_summaries (
  date date NOT NULL,
  commodity_id text NOT NULL,
  markets integer NOT NULL,
  average integer NOT NULL,
  lowest integer NOT NULL,
  highest integer NOT NULL,
  lowest_market text NOT NULL,
  highest_market text NOT NULL,
  PRIMARY KEY (date, commodity_id)
);
COMMENT ON TABLE harga_pasar_day_summaries IS 'Published prices summarised per day and commodity; kept by triggers on harga_pasar_prices, never written by hand.';
-- A commodity's latest published day (its chart and comparison), however long ago.
CREATE INDEX harga_pasar_day_summaries_commodity ON harga_pasar_day_summaries (commodity_id, date);

-- Recomputes the summaries of the given days and commodities from the published prices.
CREATE FUNCTION harga_pasar_summarize_days(days date[], commodities text[]) RETURNS void LANGUAGE plpgsql AS $body$
BEGIN
  -- Writers take turns (until commit): each statement below reads the prices as committed when it starts, so
  -- two markets published at once both count. A single lock, not one per day: a bulk import touches thousands.
  PERFORM pg_advisory_xact_lock(hashtext('harga_pasar_day_summaries'), 0);
  DELETE FROM harga_pasar_day_summaries AS s USING unnest(days, commodities) AS k(date, commodity_id)
  WHERE s.date = k.date AND s.commodity_id = k.commodity_id;
  INSERT INTO harga_pasar_day_summaries (date, commodity_id, markets, average, lowest, highest, lowest_market, highest_market)
  SELECT p.date, p.commodity_id, count(*), round(avg(p.price)), min(p.price), max(p.price),
    (array_agg(p.market_id ORDER BY p.price, p.market_id))[1], (array_agg(p.market_id ORDER BY p.price DESC, p.market_id))[1]
  FROM (SELECT DISTINCT date, commodity_id FROM unnest(days, commodities) AS k(date, commodity_id)) AS k
  JOIN harga_pasar_prices AS p ON p.date = k.date AND p.commodity_id = k.commodity_id AND p.status = 'published'
  GROUP BY p.date, p.commodity_id;
END
$body$;

-- Statement triggers, so every write counts (entry, publish, correction, the demo seed, an import, plain SQL)
-- inside its own transaction, and a bulk insert recomputes each day once rather than once per row.
CREATE FUNCTION harga_pasar_prices_summarize() RETURNS trigger LANGUAGE plpgsql AS $body$
DECLARE
  days date[];
  commodities text[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(date), array_agg(commodity_id) INTO days, commodities
    FROM (SELECT DISTINCT date, commodity_id FROM new_prices WHERE status = 'published') AS k;
  ELSIF TG_OP = 'UPDATE' THEN
    SELECT array_agg(date), array_agg(commodity_id) INTO days, commodities
    FROM (SELECT date, commodity_id FROM old_prices WHERE status = 'published'
      UNION SELECT date, commodity_id FROM new_prices WHERE status = 'published') AS k;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(date), array_agg(commodity_id) INTO days, commodities
    FROM (SELECT DISTINCT date, commodity_id FROM old_prices WHERE status = 'published') AS k;
  ELSE
    DELETE FROM harga_pasar_day_summaries; -- TRUNCATE
  END IF;
  IF days IS NOT NULL THEN
    PERFORM harga_pasar_summarize_days(days, commodities);
  END IF;
  RETURN NULL;
END
$body$;
-- One trigger per event: PostgreSQL allows transition tables only on single-event triggers.
CREATE TRIGGER harga_pasar_prices_summarize_insert AFTER INSERT ON harga_pasar_prices
  REFERENCING NEW TABLE AS new_prices FOR EACH STATEMENT EXECUTE FUNCTION harga_pasar_prices_summarize();
CREATE TRIGGER harga_pasar_prices_summarize_update AFTER UPDATE ON harga_pasar_prices
  REFERENCING OLD TABLE AS old_prices NEW TABLE AS new_prices FOR EACH STATEMENT EXECUTE FUNCTION harga_pasar_prices_summarize();
CREATE TRIGGER harga_pasar_prices_summarize_delete AFTER DELETE ON harga_pasar_prices
  REFERENCING OLD TABLE AS old_prices FOR EACH STATEMENT EXECUTE FUNCTION harga_pasar_prices_summarize();
CREATE TRIGGER harga_pasar_prices_summarize_truncate AFTER TRUNCATE ON harga_pasar_prices
  FOR EACH STATEMENT EXECUTE FUNCTION harga_pasar_prices_summarize();

-- The prices stored so far (at 5.5 million rows: about 7 s on PostgreSQL).
INSERT INTO harga_pasar_day_summaries (date, commodity_id, markets, average, lowest, highest, lowest_market, highest_market)
SELECT date, commodity_id, count(*), round(avg(price)), min(price), max(price),
  (array_agg(market_id ORDER BY price, market_id))[1], (array_agg(market_id ORDER BY price DESC, market_id))[1]
FROM harga_pasar_prices WHERE status = 'published'
GROUP BY date, commodity_id;
`,
  },
  {
    name: '0005_export_days',
    sql: `
-- The open-data export's text of one day (CSV lines, or JSON objects joined by commas), kept once an export has
-- made it: a year's export then reads 366 rows of text instead of building a million lines (on the embedded
-- database that building was most of an export's time). names: a hash of the market and commodity names written
-- into the lines (region configuration); a day kept under other names is made again.
CREATE TABLE harga_pasar_export_days (
  date date NOT NULL,
  format text NOT NULL CHECK (format IN ('csv', 'json')),
  names text NOT NULL,
  rows integer NOT NULL,
  body text NOT NULL,
  PRIMARY KEY (date, format)
);
-- lz4 where the server has it (PostgreSQL 14+ built with it; not the embedded database): a year's text (160 MB
-- of JSON) compressed with the default pglz took 0.6 s more to keep than to make, with lz4 30 ms, for 20 % more
-- room (measured on PostgreSQL 15 here).
DO $do$
BEGIN
  ALTER TABLE harga_pasar_export_days ALTER COLUMN body SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
  NULL;
END
$do$;
COMMENT ON TABLE harga_pasar_export_days IS 'The export''s text per day, made by an export and deleted by triggers on harga_pasar_prices when a day''s published prices change; never written by hand.';

-- Statement triggers, as the day summaries': every write that touches published prices forgets their days. The
-- lock orders this against an export keeping a day (queries/export.ts takes it too): either the export's day is
-- kept first and deleted here, or the export starts after this commit and reads the new prices.
CREATE FUNCTION harga_pasar_prices_forget_exports() RETURNS trigger LANGUAGE plpgsql AS $body$
DECLARE
  days date[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT date) INTO days FROM new_prices WHERE status = 'published';
  ELSIF TG_OP = 'UPDATE' THEN
    SELECT array_agg(date) INTO days FROM (SELECT date FROM old_prices WHERE status = 'published'
      UNION SELECT date FROM new_prices WHERE status = 'published') AS k;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT date) INTO days FROM old_prices WHERE status = 'published';
  ELSE
    PERFORM pg_advisory_xact_lock(hashtext('harga_pasar_export_days'), 0);
    DELETE FROM harga_pasar_export_days; -- TRUNCATE
  END IF;
  IF days IS NOT NULL THEN
    PERFORM pg_advisory_xact_lock(hashtext('harga_pasar_export_days'), 0);
    DELETE FROM harga_pasar_export_days WHERE date = ANY (days);
  END IF;
  RETURN NULL;
END
$body$;
CREATE TRIGGER harga_pasar_prices_forget_exports_insert AFTER INSERT ON harga_pasar_prices
  REFERENCING NEW TABLE AS new_prices FOR EACH STATEMENT EXECUTE FUNCTION harga_pasar_prices_forget_exports();
CREATE TRIGGER harga_pasar_prices_forget_exports_update AFTER UPDATE ON harga_pasar_prices
  REFERENCING OLD TABLE AS old_prices NEW TABLE AS new_prices FOR EACH STATEMENT EXECUTE FUNCTION harga_pasar_prices_forget_exports();
CREATE TRIGGER harga_pasar_prices_forget_exports_delete AFTER DELETE ON harga_pasar_prices
  REFERENCING OLD TABLE AS old_prices FOR EACH STATEMENT EXECUTE FUNCTION harga_pasar_prices_forget_exports();
CREATE TRIGGER harga_pasar_prices_forget_exports_truncate AFTER TRUNCATE ON harga_pasar_prices
  FOR EACH STATEMENT EXECUTE FUNCTION harga_pasar_prices_forget_exports();
`,
  },
];
