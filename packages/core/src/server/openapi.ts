/**
 * The host's OpenAPI 3.1 document: every module's routes from their zod schemas, completed with what core adds
 * to every route (the boundary's 400, the origin rule's 403, 413, 429 with Retry-After, 405) and the security
 * schemes (session cookie, Origin rule), so a client generated from it knows every answer it can get.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { HostConfig } from '../contract.js';
import { sessionCookie } from './people/sessions.js';
import type { AppEnv } from './http.js';

interface Operation {
  parameters?: unknown[];
  requestBody?: unknown;
  responses?: Record<string, unknown>;
  security?: Record<string, string[]>[];
}

const problemRef = { $ref: '#/components/schemas/Problem' };
const problemOf = (description: string, headers?: Record<string, unknown>) => ({
  description,
  ...(headers ? { headers } : {}),
  content: { 'application/problem+json': { schema: problemRef } },
});

const coreResponses = {
  400: problemOf('Invalid input: a field fails its schema, or holds a NUL byte, a broken Unicode character, a date outside 1900–2100, a number out of range or malformed URL encoding. `errors` names each field.'),
  403: problemOf('Not allowed: the signed-in user lacks the role, or a form request came without our Origin header.'),
  405: problemOf('The path exists but not with this method; `Allow` lists the methods.', { Allow: { schema: { type: 'string' } } }),
  413: problemOf('The request body is too large.'),
  429: problemOf('Too many requests; wait the seconds in `Retry-After`.', { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } } }),
};

export type OpenApiDocument = ReturnType<OpenAPIHono<AppEnv>['getOpenAPI31Document']>;

export function openApiDocument(app: OpenAPIHono<AppEnv>, config: HostConfig): OpenApiDocument {
  const document = app.getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: `${config.region.appName} API`,
      version: '1',
      description:
        `Public and officer API of ${config.region.name}, built with Kota Kit. Modules: ${config.modules.map((item) => item.definition.id).join(', ')}. ` +
        'Officers sign in with `POST /api/auth/login`, which sets the session cookie. Form-encoded and multipart requests must carry an `Origin` header of this host (CSRF rule); JSON requests need no extra header.',
    },
  });
  document.components ??= {};
  document.components.schemas ??= {};
  document.components.schemas.Problem ??= {
    type: 'object',
    required: ['type', 'title', 'status'],
    properties: {
      type: { type: 'string' },
      title: { type: 'string' },
      status: { type: 'integer' },
      detail: { type: 'string' },
      instance: { type: 'string' },
      errors: { type: 'array', items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' }, code: { type: 'string' } } } },
    },
  };
  document.components.securitySchemes = {
    session: { type: 'apiKey', in: 'cookie', name: sessionCookie, description: 'Session cookie set by POST /api/auth/login (HttpOnly, SameSite=Lax).' },
    sameOrigin: {
      type: 'apiKey',
      in: 'header',
      name: 'Origin',
      description: 'Form-encoded, multipart and text/plain requests that change data must carry the Origin of this host; otherwise 403.',
    },
  };
  for (const methods of Object.values(document.paths ?? {})) {
    for (const [method, value] of Object.entries(methods as Record<string, Operation>)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const operation = value;
      const responses = (operation.responses ??= {});
      const add = (status: keyof typeof coreResponses) => {
        responses[status] ??= coreResponses[status];
      };
      if (operation.parameters?.length || operation.requestBody) add(400);
      if (method !== 'get') {
        add(403);
        if (operation.requestBody) add(413);
      }
      add(405);
      add(429);
      // Reading is open to everyone; answers change with a signed-in officer's roles.
      operation.security ??= method === 'get' ? [{}, { session: [] }] : [{}, { session: [], sameOrigin: [] }];
    }
  }
  return document;
}
