import { describe, expect, it } from 'vitest';
import { mergeReferencePrices, ReferenceBook, type ReferencePriceRow } from './references.js';

const config = [
  { commodity: 'beras-medium', kind: 'HET' as const, zone: '1', price: 10_900, effectiveFrom: '2023-03-31', legalBasis: 'Perbadan 7/2023' },
  { commodity: 'beras-medium', kind: 'HET' as const, zone: '1', price: 12_500, effectiveFrom: '2024-06-01', legalBasis: 'Perbadan 5/2024' },
  { commodity: 'beras-medium', kind: 'HET' as const, zone: '2', price: 13_100, effectiveFrom: '2024-06-01', legalBasis: 'Perbadan 5/2024' },
  { commodity: 'cabai-rawit-merah', kind: 'HAP' as const, zone: 'nasional', price: 57_000, effectiveFrom: '2022-10-01', legalBasis: 'Perbadan 11/2022' },
];

const row = (id: number, values: Partial<ReferencePriceRow>): ReferencePriceRow => ({
  id,
  commodity_id: 'beras-medium',
  kind: 'HET',
  zone: '1',
  price: 13_000,
  effective_from: '2025-03-11',
  legal_basis: 'Perbadan 1/2025',
  created_by_name: 'Supervisor',
  created_at: new Date('2025-03-10T05:00:00Z'),
  retired_at: null,
  ...values,
});

const book = (rows: ReferencePriceRow[]) => new ReferenceBook(mergeReferencePrices(config, rows), '1');

describe('reference price merge rule', () => {
  it('tags the sources and gives config entries stable ids', () => {
    const entries = mergeReferencePrices(config, [row(7, {})]);
    expect(entries.map((entry) => [entry.id, entry.source])).toEqual([
      ['config-0', 'config'],
      ['config-1', 'config'],
      ['config-2', 'config'],
      ['config-3', 'config'],
      ['7', 'admin'],
    ]);
    expect(entries[4]).toMatchObject({ commodity: 'beras-medium', effectiveFrom: '2025-03-11', createdBy: 'Supervisor', createdAt: '2025-03-10T05:00:00.000Z', retiredAt: null });
  });

  it('uses the latest effective date on or before the day, configuration alone', () => {
    const references = book([]);
    expect(references.inForce('beras-medium', '2023-03-30')).toBeNull();
    expect(references.inForce('beras-medium', '2024-05-31')?.price).toBe(10_900);
    expect(references.inForce('beras-medium', '2024-06-01')).toEqual({ kind: 'HET', zone: '1', price: 12_500, effectiveFrom: '2024-06-01', legalBasis: 'Perbadan 5/2024' });
    // Zone 2 never applies to a zone-1 region; "nasional" applies everywhere.
    expect(references.inForce('cabai-rawit-merah', '2025-01-01')?.price).toBe(57_000);
    expect(references.inForce('telur-ayam-ras', '2025-01-01')).toBeNull();
  });

  it('lets a later database row take over from its effective date only', () => {
    const references = book([row(1, { effective_from: '2025-03-11', price: 13_000 })]);
    expect(references.inForce('beras-medium', '2025-03-10')?.price).toBe(12_500);
    expect(references.inForce('beras-medium', '2025-03-11')?.price).toBe(13_000);
    expect(references.inForce('beras-medium', '2030-01-01')?.price).toBe(13_000);
  });

  it('prefers the database row over configuration on the same effective date', () => {
    const references = book([row(1, { effective_from: '2024-06-01', price: 12_000, legal_basis: 'Ralat Perbadan 5/2024' })]);
    expect(references.inForce('beras-medium', '2024-06-01')).toMatchObject({ price: 12_000, legalBasis: 'Ralat Perbadan 5/2024' });
    const configured = references.entries.find((entry) => entry.id === 'config-1')!;
    expect(references.statusOf(configured, '2025-01-01')).toBe('superseded');
  });

  it('keeps a configured price that is newer than a database row', () => {
    const references = book([row(1, { effective_from: '2024-01-01', price: 11_500 })]);
    expect(references.inForce('beras-medium', '2024-03-01')?.price).toBe(11_500);
    expect(references.inForce('beras-medium', '2024-06-01')?.price).toBe(12_500);
  });

  it('ignores retired rows', () => {
    const references = book([row(1, { effective_from: '2025-01-01', price: 13_000, retired_at: new Date('2025-02-01T00:00:00Z') })]);
    expect(references.inForce('beras-medium', '2025-03-01')?.price).toBe(12_500);
    expect(references.statusOf(references.entries.at(-1)!, '2025-03-01')).toBe('retired');
  });

  it('merges per kind and zone, then shows the latest effective one, HET before HAP on the same date', () => {
    const references = book([
      row(1, { kind: 'HAP', zone: 'nasional', effective_from: '2024-06-01', price: 12_000 }),
      row(2, { kind: 'HAP', zone: 'nasional', effective_from: '2025-01-01', price: 12_800 }),
    ]);
    expect(references.inForce('beras-medium', '2024-12-31')).toMatchObject({ kind: 'HET', price: 12_500 });
    expect(references.inForce('beras-medium', '2025-01-01')).toMatchObject({ kind: 'HAP', price: 12_800 });
    // Every kind and zone has its own winner; zone 2 is listed for completeness.
    expect(
      references
        .winners('beras-medium', '2025-01-01')
        .map((entry) => `${entry.kind}/${entry.zone}/${entry.price}`)
        .sort(),
    ).toEqual(['HAP/nasional/12800', 'HET/1/12500', 'HET/2/13100']);
  });

  it('reports the status of every entry on a day', () => {
    const references = book([row(1, { effective_from: '2025-03-11' })]);
    const status = Object.fromEntries(references.entries.filter((entry) => entry.commodity === 'beras-medium').map((entry) => [entry.id, references.statusOf(entry, '2025-03-10')]));
    expect(status).toEqual({ 'config-0': 'superseded', 'config-1': 'in-force', 'config-2': 'in-force', '1': 'scheduled' });
  });
});
