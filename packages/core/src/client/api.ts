import type { Hono } from 'hono';
import { hc, type ClientResponse } from 'hono/client';
import type { ResponseFormat } from 'hono/types';
import type { SuccessStatusCode } from 'hono/utils/http-status';
import { isProblem, type Problem } from '../problem.js';
import { runtime } from './runtime.js';

/** An API answer that was not 2xx, carrying the RFC 9457 problem the server sent. */
export class ApiError extends Error {
  readonly status: number;
  /** Messages per field, keyed both as sent ("body.title") and without the location prefix ("title"). */
  readonly fieldErrors: Record<string, string>;

  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    const fieldErrors: Record<string, string> = {};
    for (const error of problem.errors ?? []) {
      fieldErrors[error.field] ??= error.message;
      const short = error.field.replace(/^(body|query|params|header)\./, '');
      fieldErrors[short] ??= error.message;
    }
    this.fieldErrors = fieldErrors;
  }
}

export interface ApiInit extends Omit<RequestInit, 'body'> {
  /** A plain object or array is sent as JSON; FormData, Blob, strings etc. as they are. */
  body?: BodyInit | object | null;
}

function isRawBody(body: unknown): body is BodyInit {
  return (
    typeof body === 'string' ||
    body instanceof FormData ||
    body instanceof Blob ||
    body instanceof URLSearchParams ||
    body instanceof ArrayBuffer ||
    ArrayBuffer.isView(body) ||
    (typeof ReadableStream !== 'undefined' && body instanceof ReadableStream)
  );
}

/**
 * fetch for the Kota Kit API: same-origin cookies, JSON in and out, the current language in
 * Accept-Language, and problem+json errors thrown as ApiError. Resolves to undefined on 204.
 */
export async function apiFetch<T = unknown>(path: string, init: ApiInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  if (!headers.has('Accept')) headers.set('Accept', 'application/json, application/problem+json');
  if (!headers.has('Accept-Language')) headers.set('Accept-Language', runtime.language);
  let body: BodyInit | null | undefined;
  if (init.body == null || isRawBody(init.body)) {
    body = init.body;
  } else {
    body = JSON.stringify(init.body);
    if (!headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
  }
  const response = await fetch(path, { credentials: 'same-origin', ...init, headers, body });
  const type = response.headers.get('Content-Type') ?? '';
  const isJson = /[/+]json\b/.test(type);
  if (!response.ok) {
    const data: unknown = isJson ? await response.json().catch(() => null) : null;
    throw new ApiError(
      isProblem(data)
        ? data
        : { type: 'about:blank', title: response.statusText || `HTTP ${response.status}`, status: response.status },
    );
  }
  if (response.status === 204 || !isJson) return undefined as T;
  return (await response.json()) as T;
}

// ---------------------------------------------------------------- the typed API client

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
  const response = await fetch(input, { credentials: 'same-origin', ...init, headers });
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
