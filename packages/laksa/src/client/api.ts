/**
 * LAKSA's API as the browser calls it: Hono's typed client made from the server's own routes, so every request
 * and answer type comes from the route schemas (`LaksaApi` is a type-only import; no server code is bundled).
 */
import type { z } from '@kota-kit/core';
import { createApiClient, data, type ApiData } from '@kota-kit/core/client';
import type { LaksaApi } from '../server/api.js';

export const api = createApiClient<LaksaApi>('laksa');
export { data, type ApiData };

/** Path of the API, for plain links (downloads). */
export const apiBase = '/api/laksa';

/**
 * Filters kept in the page's address as the API's query, checked by the route's own schema: a value the
 * schema refuses (an address edited by hand) is left out rather than sent.
 */
export function queryFrom<S extends z.ZodObject>(schema: S, values: Record<string, string>): z.output<S> {
  const parsed = schema.safeParse(values);
  if (parsed.success) return parsed.data;
  const refused = new Set(parsed.error.issues.map((issue) => String(issue.path[0])));
  return schema.parse(Object.fromEntries(Object.entries(values).filter(([key]) => !refused.has(key))));
}

type ArgsOf<F> = F extends (args: infer A, ...rest: infer _Rest) => unknown ? A : never;
type JsonOf<F> = ArgsOf<F> extends { json: infer J } ? J : never;

/**
 * The arguments of a route that takes JSON *or* multipart (a report with photos, a response with photos).
 * @hono/zod-openapi types such a route as needing both `json` and `form`, both typed by the JSON schema; hc
 * sends the one given. So the JSON stays typed by its schema and the multipart fields are the form's own.
 */
export function eitherBody<F>(
  _call: F,
  args: Omit<ArgsOf<F>, 'json' | 'form'> & ({ json: JsonOf<F> } | { form: Record<string, string | Blob | Blob[]> }),
): ArgsOf<F> {
  return args as ArgsOf<F>; // the other body is absent on purpose (see above)
}
