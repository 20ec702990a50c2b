// Generated from the migrated database by the module's table test; do not edit.
// Regenerate with: KK_UPDATE_TABLES=1 pnpm vitest run <the module's tables test>
export interface GeneratedHargaPasarTables {
  harga_pasar_day_summaries: {
    date: string;
    commodity_id: string;
    markets: number;
    average: number;
    lowest: number;
    highest: number;
    lowest_market: string;
    highest_market: string;
  };
  harga_pasar_export_days: {
    date: string;
    format: string;
    names: string;
    rows: number;
    body: string;
  };
  harga_pasar_price_revisions: {
    id: number;
    date: string;
    market_id: string;
    commodity_id: string;
    previous_price: number;
    new_price: number;
    reason: string | null;
    changed_by: string | null;
    changed_by_name: string | null;
    changed_at: Date;
  };
  harga_pasar_prices: {
    date: string;
    market_id: string;
    commodity_id: string;
    price: number;
    status: string;
    entered_by: string | null;
    published_by: string | null;
    entered_at: Date;
    published_at: Date | null;
    updated_at: Date;
  };
  harga_pasar_reference_prices: {
    id: number;
    commodity_id: string;
    kind: string;
    zone: string;
    price: number;
    effective_from: string;
    legal_basis: string;
    created_by: string | null;
    created_by_name: string | null;
    created_at: Date;
    retired_at: Date | null;
    retired_by: string | null;
  };
}
