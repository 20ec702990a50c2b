/** Hostile input for every operation of an OpenAPI document: each must be answered with 4xx, never 5xx. */
import type { TestClient } from './server.js';

/** Values a careless handler would pass to the database: each must be answered with 4xx, never 5xx. */
export const hostileValues: readonly unknown[] = [
  'a\u0000b',
  '\uD800',
  '0000-01-01',
  '0024-01-02',
  '9999-12-31',
  '2026-02-30',
  '-1',
  '99999999999999999999999',
  '1e308',
  'NaN',
  "' or 1=1 --",
  '%',
  'x'.repeat(100_000),
  Number.MAX_SAFE_INTEGER * 1024,
  -1,
  1e308,
  null,
  true,
  [],
  {},
];

interface OpenApiOperation {
  parameters?: { name: string; in: string }[];
  requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, unknown>; $ref?: string } }> };
}
type Document = { paths?: Record<string, Record<string, OpenApiOperation>>; components?: { schemas?: Record<string, { properties?: Record<string, unknown> }> } };

export interface HostileRequest {
  method: string;
  path: string;
  /** Which parameter or body field holds the hostile value. */
  field: string;
  init: RequestInit;
}

const asText = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));
// "%" and a cut-off UTF-8 sequence stay raw: they are the malformed encodings under test.
const malformed = new Set(['%', '%E0%A4%A']);
const encodeHostile = (value: string) => {
  if (malformed.has(value)) return value;
  try {
    return encodeURIComponent(value);
  } catch {
    return '%ED%A0%80'; // a lone surrogate has no UTF-8 form; this is how a careless client sends it
  }
};

/**
 * One request per operation, parameter or body field and hostile value, from an OpenAPI document. Parameters
 * also get malformed %-sequences. Other path parameters hold a plausible value so the hostile one is reached.
 */
export function hostileRequests(document: Document, options: { skip?: (method: string, path: string) => boolean } = {}): HostileRequest[] {
  const requests: HostileRequest[] = [];
  for (const [path, methods] of Object.entries(document.paths ?? {})) {
    for (const [method, operation] of Object.entries(methods)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method) || options.skip?.(method, path)) continue;
      const init = { method: method.toUpperCase() };
      const fill = (target: string, raw: string) => path.replace(/\{([^}]+)\}/g, (_, name: string) => (name === target ? raw : 'x1'));
      for (const param of operation.parameters ?? []) {
        for (const value of [...hostileValues.map(asText), '%E0%A4%A']) {
          const raw = encodeHostile(value);
          if (param.in === 'path') requests.push({ method, path: fill(param.name, raw), field: `params.${param.name}`, init });
          else if (param.in === 'query') requests.push({ method, path: `${fill('', '')}?${encodeURIComponent(param.name)}=${raw}`, field: `query.${param.name}`, init });
        }
      }
      const content = operation.requestBody?.content ?? {};
      for (const [type, media] of Object.entries(content)) {
        const schema = media.schema?.$ref ? document.components?.schemas?.[media.schema.$ref.split('/').at(-1)!] : media.schema;
        const fields = Object.keys(schema?.properties ?? {});
        const bodyOf = (field: string, value: unknown): BodyInit | null => {
          if (type.includes('json')) return JSON.stringify({ [field]: value });
          if (type === 'multipart/form-data') {
            const form = new FormData();
            form.set(field, asText(value));
            return form;
          }
          if (type === 'application/x-www-form-urlencoded') return new URLSearchParams({ [field]: asText(value) });
          return null;
        };
        for (const field of fields.length ? fields : ['value']) {
          for (const value of hostileValues) {
            const body = bodyOf(field, value);
            if (body === null) continue;
            // FormData and URLSearchParams set their own content type (with the multipart boundary).
            const headers = typeof body === 'string' ? { 'content-type': type } : undefined;
            requests.push({ method, path: fill('', ''), field: `body.${field}`, init: { ...init, headers, body } });
          }
        }
        if (type.includes('json')) {
          requests.push({ method, path: fill('', ''), field: 'body', init: { ...init, headers: { 'content-type': type }, body: '{"broken' } });
          requests.push({ method, path: fill('', ''), field: 'body', init: { ...init, headers: { 'content-type': type }, body: JSON.stringify(hostileValues) } });
        }
      }
    }
  }
  return requests;
}

/** Sends every hostile request through `client`; returns those answered with a 5xx (should be none). */
export async function sendHostileRequests(client: TestClient, requests: readonly HostileRequest[]): Promise<{ request: string; status: number; body: string }[]> {
  const failures: { request: string; status: number; body: string }[] = [];
  for (const request of requests) {
    const response = await client.fetch(request.path, request.init);
    const body = await response.text();
    if (response.status >= 500) failures.push({ request: `${request.init.method} ${request.path.slice(0, 200)} (${request.field})`, status: response.status, body: body.slice(0, 300) });
  }
  return failures;
}
