import { z } from '@kota-kit/core';
import { dateField, idField, priceField } from './common.js';

export const referenceKinds = ['HET', 'HAP'] as const;

/** POST /reference-prices: a reference price the agency adds when a regulation changes. */
export const referencePriceInputSchema = z.object({
  commodity: idField().meta({ description: 'Id of a configured commodity.', example: 'beras-medium' }),
  kind: z.enum(referenceKinds),
  zone: z.string().trim().min(1).max(20).optional().meta({ description: "Default: the region's zone (`priceZone`). \"nasional\" holds everywhere.", example: '1' }),
  price: priceField().meta({ description: 'Whole rupiah per unit; for a HAP range, its upper bound.', example: 13_500 }),
  effectiveFrom: dateField(),
  legalBasis: z.string().trim().min(5).max(500).meta({ example: 'Peraturan Badan Pangan Nasional No. 1 Tahun 2026' }),
});
export type ReferencePriceInput = z.input<typeof referencePriceInputSchema>;
