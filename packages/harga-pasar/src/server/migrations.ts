import type { Migration } from '@kota-kit/core/server';

/**
 * Markets and commodities are region configuration (module options); reference prices are configuration (the
 * baseline) plus rows the agency adds (0003). Applied migrations never change: add a new one instead.
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
];
