/** Shapes of the public API, for the browser half and for other sites reading the API. */

export type Unit = 'kg' | 'liter' | 'butir' | 'ekor' | 'ikat';

export interface ReferencePriceInForce {
  kind: 'HET' | 'HAP';
  zone: string;
  price: number;
  effectiveFrom: string;
  legalBasis: string;
}

export interface PriceChange {
  /** Date of the price compared with. */
  date: string;
  /** Whole rupiah; positive is a rise. */
  amount: number;
  /** One decimal. */
  percent: number;
}

export interface BoardItem {
  commodity: string;
  name: string;
  group: string;
  variant: string | null;
  unit: Unit;
  /** Date of this commodity's prices (may be earlier than the board's date when a day is missing). */
  date: string;
  average: number;
  marketCount: number;
  lowest: { market: string; name: string; price: number };
  highest: { market: string; name: string; price: number };
  changeDay: PriceChange | null;
  changeWeek: PriceChange | null;
  reference: ReferencePriceInForce | null;
  aboveReference: boolean;
}

export interface Board {
  /** The date of the data shown; null when no prices are published yet. */
  date: string | null;
  requestedDate: string;
  items: BoardItem[];
}

/**
 * A reference price as `GET /api/harga-pasar/reference-prices` lists it: from the region's configuration
 * (`source: 'config'`, read-only) or added by the agency on the settings page (`source: 'admin'`).
 */
export interface ReferencePriceEntry {
  /** "config-<n>" for configuration entries; the row number for agency-added ones. */
  id: string;
  source: 'config' | 'admin';
  commodity: string;
  kind: 'HET' | 'HAP';
  zone: string;
  /** Whole rupiah per unit. */
  price: number;
  effectiveFrom: string;
  legalBasis: string;
  /** Who added it (agency-added entries only). */
  createdBy: string | null;
  createdAt: string | null;
  /** When it was retired; a retired entry no longer counts. */
  retiredAt: string | null;
}

/** Where a reference price stands today. */
export type ReferencePriceStatus = 'in-force' | 'scheduled' | 'superseded' | 'retired';
