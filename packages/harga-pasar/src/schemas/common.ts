import { isoDateSchema, z } from '@kota-kit/core';

/**
 * Schemas shared by the server (route validation, OpenAPI document) and the browser (form validation), written
 * with plain zod so the browser bundle carries no OpenAPI code; `.meta()` gives the OpenAPI descriptions.
 */

export const units = ['kg', 'liter', 'butir', 'ekor', 'ikat'] as const;
export type Unit = (typeof units)[number];
export const unitSchema = z.enum(units);

/** A market day ("2025-03-31"): a real date between 1900 and 2100, as every Kota Kit module takes dates. */
export const dateField = () => isoDateSchema().meta({ example: '2025-03-31', format: 'date' });

/** Whole rupiah per unit, as entered by an officer. */
export const priceField = () => z.number().int().positive().max(100_000_000);

/** Ids of markets and commodities come from the region configuration; a bound keeps hostile input short. */
export const idField = () => z.string().min(1).max(100);
