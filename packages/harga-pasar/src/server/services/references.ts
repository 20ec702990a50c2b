import type { HargaPasarOptions } from '../../index.js';
import type { ReferencePriceEntry, ReferencePriceInForce } from '../schemas.js';

/**
 * Reference prices (HET/HAP) come from two places: the region's configuration (`referencePrices` option, the
 * baseline, read-only at run time) and rows the agency adds on the settings page (table
 * `harga_pasar_reference_prices`, migration 0003). This file merges them; it is pure so the rule is unit tested.
 *
 * The rule: for a commodity, kind and zone on a date, the price with the latest `effectiveFrom` on or before the
 * date wins; on equal dates a database row wins over configuration (and a later row over an earlier one).
 * Retired rows take no part. Of the winners that apply to the region (its zone or "nasional"), the latest
 * effective one is shown, HET before HAP on the same date — as before this table existed.
 */

/** A row of `harga_pasar_reference_prices` as read from the database. */
export interface ReferencePriceRow {
  id: string | number;
  commodity_id: string;
  kind: 'HET' | 'HAP';
  zone: string;
  price: number;
  effective_from: string;
  legal_basis: string;
  created_by_name: string | null;
  created_at: Date | string;
  retired_at: Date | string | null;
}

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

/** Config entries get the id "config-<index in the option>", rows their number: stable across restarts. */
export function mergeReferencePrices(config: HargaPasarOptions['referencePrices'], rows: readonly ReferencePriceRow[]): ReferencePriceEntry[] {
  const fromConfig: ReferencePriceEntry[] = config.map((item, index) => ({
    id: `config-${index}`,
    source: 'config',
    commodity: item.commodity,
    kind: item.kind,
    zone: item.zone,
    price: item.price,
    effectiveFrom: item.effectiveFrom,
    legalBasis: item.legalBasis,
    createdBy: null,
    createdAt: null,
    retiredAt: null,
  }));
  const fromRows: ReferencePriceEntry[] = rows.map((row) => ({
    id: String(row.id),
    source: 'admin',
    commodity: row.commodity_id,
    kind: row.kind,
    zone: row.zone,
    price: row.price,
    effectiveFrom: row.effective_from,
    legalBasis: row.legal_basis,
    createdBy: row.created_by_name,
    createdAt: iso(row.created_at),
    retiredAt: iso(row.retired_at),
  }));
  return [...fromConfig, ...fromRows];
}

/** Whether `a` beats `b` for the same commodity, kind and zone (both already effective on the date). */
function beats(a: ReferencePriceEntry, b: ReferencePriceEntry): boolean {
  if (a.effectiveFrom !== b.effectiveFrom) return a.effectiveFrom > b.effectiveFrom;
  if (a.source !== b.source) return a.source === 'admin';
  // Two rows of the same source and date: the later one (config: later in the list; rows: higher id).
  return a.source === 'admin' ? Number(a.id) > Number(b.id) : Number(a.id.slice(7)) > Number(b.id.slice(7));
}

/**
 * The merged reference prices, indexed by commodity, made once per request: the board asks it for every
 * commodity, so a lookup is a scan of that commodity's few entries.
 */
export class ReferenceBook {
  private readonly byCommodity = new Map<string, ReferencePriceEntry[]>();

  constructor(
    readonly entries: readonly ReferencePriceEntry[],
    private readonly priceZone: string,
  ) {
    for (const entry of entries) {
      if (entry.retiredAt) continue;
      const list = this.byCommodity.get(entry.commodity) ?? [];
      list.push(entry);
      this.byCommodity.set(entry.commodity, list);
    }
  }

  /** For each kind and zone of a commodity, the entry in force on `date` (any zone; see `inForce` for the region's). */
  winners(commodity: string, date: string): ReferencePriceEntry[] {
    const best = new Map<string, ReferencePriceEntry>();
    for (const entry of this.byCommodity.get(commodity) ?? []) {
      if (entry.effectiveFrom > date) continue;
      const key = `${entry.kind}\u0000${entry.zone}`;
      const current = best.get(key);
      if (!current || beats(entry, current)) best.set(key, entry);
    }
    return [...best.values()];
  }

  /** The entry in force for the region on `date`, or null. */
  entryInForce(commodity: string, date: string): ReferencePriceEntry | null {
    const candidates = this.winners(commodity, date).filter((entry) => entry.zone === this.priceZone || entry.zone === 'nasional');
    candidates.sort((a, b) =>
      a.effectiveFrom !== b.effectiveFrom
        ? a.effectiveFrom < b.effectiveFrom
          ? 1
          : -1
        : a.kind !== b.kind
          ? a.kind === 'HET'
            ? -1
            : 1
          : a.zone === this.priceZone
            ? -1
            : 1,
    );
    return candidates[0] ?? null;
  }

  /** The reference price in force for the region on `date`, in the board's shape. */
  inForce(commodity: string, date: string): ReferencePriceInForce | null {
    const found = this.entryInForce(commodity, date);
    return found ? { kind: found.kind, zone: found.zone, price: found.price, effectiveFrom: found.effectiveFrom, legalBasis: found.legalBasis } : null;
  }

  /**
   * Where each entry stands on `date`: `retired`; `scheduled` (effective later); `in-force` (it wins its commodity,
   * kind and zone on the date); `superseded` (replaced by a later or overriding entry).
   */
  statusOf(entry: ReferencePriceEntry, date: string): 'retired' | 'scheduled' | 'in-force' | 'superseded' {
    if (entry.retiredAt) return 'retired';
    if (entry.effectiveFrom > date) return 'scheduled';
    return this.winners(entry.commodity, date).some((winner) => winner.id === entry.id) ? 'in-force' : 'superseded';
  }
}
