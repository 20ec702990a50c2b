// The typed API client, apart from apiFetch: Hono's client is loaded with the module pages that use it, not with
// the app's first code (which only asks who is signed in).
import type { Hono } from 'hono';
import { hc, type ClientResponse } from 'hono/client';
import type { ResponseFormat } from 'hono/types';
import type { SuccessStatusCode } from 'hono/utils/http-status';
import { isProblem } from '../problem.js';
import { ApiError } from './api.js';
import { runtime } from './runtime.js';

/** The JSON of the 2xx answers a typed client call can give (error answers are thrown as ApiError). */
export type ApiData<R> = R extends ClientResponse<infer Output, infer Status, infer Format>
  ? Status extends SuccessStatusCode
    ? Format extends 'json'
      ? Output
      : Status extends 204
        ? undefined
        : Output
    : never
  : never;

/** A fetch for `hc` that sends the current language and turns problem+json answers into ApiError. */
const kitFetch: typeof fetch = async (input, init) => {
  const headers = new Headers(init?.headers);
  if (!headers.has('Accept')) headers.set('Accept', 'application/json, application/problem+json');
  if (!headers.has('Accept-Language')) headers.set('Accept-Language', runtime.language);
  const response = await (runtime.fetch ?? fetch)(input, { credentials: 'same-origin', ...init, headers });
  if (!response.ok) {
    const isJson = /[/+]json\b/.test(response.headers.get('Content-Type') ?? '');
    const data: unknown = isJson ? await response.json().catch(() => null) : null;
    throw new ApiError(isProblem(data) ? data : { type: 'about:blank', title: response.statusText || `HTTP ${response.status}`, status: response.status });
  }
  return response;
};

/**
 * The browser's client of a module's API, typed from the server's own route definitions (Hono's typed client):
 * `const api = createApiClient<LaksaApi>('laksa'); const list = await data(api.reports.$get({ query }))`.
 * `LaksaApi` is a type-only import of the module's server router, so no server code reaches the browser.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any router shape; the module's own type narrows it
export function createApiClient<Api extends Hono<any, any, any>>(moduleId: string): ReturnType<typeof hc<Api>> {
  // On the server (a page's first view) nothing is fetched; the client is only created, so any origin does.
  const origin = typeof location === 'undefined' ? 'http://localhost' : location.origin;
  return hc<Api>(`${origin}/api/${moduleId}`, { fetch: kitFetch });
}

/** Awaits a typed client call and gives its JSON (undefined for 204); a non-2xx answer throws ApiError. */
export async function data<R extends ClientResponse<unknown, number, ResponseFormat>>(call: Promise<R>): Promise<ApiData<R>> {
  const response = await call;
  if (response.status === 204 || !/[/+]json\b/.test(response.headers.get('Content-Type') ?? '')) return undefined as ApiData<R>;
  return (await response.json()) as ApiData<R>;
}
