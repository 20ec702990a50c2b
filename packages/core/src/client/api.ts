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
  const response = await (runtime.fetch ?? fetch)(path, { credentials: 'same-origin', ...init, headers, body });
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
