import type { z } from '@kota-kit/core/server';

export const tags = ['harga-pasar'];

/** A JSON response of a route definition. */
export const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
