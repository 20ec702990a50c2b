/**
 * The module's tables as TypeScript, so `ctx.db` is typed. Declared here with the narrow types the code relies
 * on (status codes, kinds); `tables.generated.ts` is written from the migrated database by test/tables.test.ts,
 * and `TablesMatch` makes the compiler compare the two, so a migration and these types cannot drift apart.
 */
import type { ColumnType, Generated, Kysely, TablesMatch } from '@kota-kit/core/server';
import type { GeneratedHargaPasarTables } from './tables.generated.js';

/** A `date` column: read as "YYYY-MM-DD" (core parses dates as text), written as the same text. */
type DateColumn = string;
/** A column the database fills when the insert leaves it out. */
type Defaulted<T> = ColumnType<T, T | undefined, T>;

export interface PriceTable {
  date: DateColumn;
  market_id: string;
  commodity_id: string;
  /** Whole rupiah per unit. */
  price: number;
  status: Defaulted<'draft' | 'published'>;
  entered_by: string | null;
  published_by: string | null;
  entered_at: Defaulted<Date>;
  published_at: Date | null;
  updated_at: Defaulted<Date>;
}

export interface RevisionTable {
  id: Generated<number>;
  date: DateColumn;
  market_id: string;
  commodity_id: string;
  previous_price: number;
  new_price: number;
  /** The supervisor's own words (user input), never a sentence written by the server. */
  reason: string | null;
  changed_by: string | null;
  changed_by_name: string | null;
  changed_at: Defaulted<Date>;
}

export interface ReferencePriceTable {
  /** bigserial: read as a number by core's int8 parser. */
  id: Generated<number>;
  commodity_id: string;
  kind: 'HET' | 'HAP';
  zone: string;
  price: number;
  effective_from: DateColumn;
  legal_basis: string;
  created_by: string | null;
  created_by_name: string | null;
  created_at: Defaulted<Date>;
  retired_at: Date | null;
  retired_by: string | null;
}

/** Derived from the published prices by triggers (migration 0004); read only. */
export interface DaySummaryTable {
  date: DateColumn;
  commodity_id: string;
  /** Markets with a published price that day. */
  markets: number;
  /** round(avg(price)): whole rupiah, half up. */
  average: number;
  lowest: number;
  highest: number;
  /** The first market by id at the lowest and at the highest price. */
  lowest_market: string;
  highest_market: string;
}

/** The export's text of a day, kept by an export and deleted by triggers (migration 0005); queries/export.ts only. */
export interface ExportDayTable {
  date: DateColumn;
  format: 'csv' | 'json';
  /** Hash of the market and commodity names written into the lines. */
  names: string;
  rows: number;
  body: string;
}

export interface HargaPasarTables {
  harga_pasar_prices: PriceTable;
  harga_pasar_day_summaries: DaySummaryTable;
  harga_pasar_export_days: ExportDayTable;
  harga_pasar_price_revisions: RevisionTable;
  harga_pasar_reference_prices: ReferencePriceTable;
}

/** The module's database (or a transaction of it: a `Transaction` is a `Kysely`). */
export type Db = Kysely<HargaPasarTables>;

// Fails to compile when a declared column is missing, extra, of another type or differently nullable.
const tablesMatch: TablesMatch<HargaPasarTables, GeneratedHargaPasarTables> = true;
void tablesMatch;
