/**
 * The Open311 routes in the host's OpenAPI document. They are served by open311/index.ts (the standard's own
 * paths, formats and error list, not problem+json), so they are registered here as documentation only.
 */
import { z, type AppEnv, type OpenAPIHono } from '@kota-kit/core/server';
import { open311Base } from './format.js';

const tags = ['open311'];
const jurisdiction = { jurisdiction_id: z.string().optional().describe('Must match the region\'s jurisdiction_id when given.') };
const errorList = z.array(z.object({ code: z.number().int(), description: z.string() })).describe('Open311 error list');

const requestSchema = z.object({
  service_request_id: z.string(),
  status: z.enum(['open', 'closed']),
  status_notes: z.string().nullable(),
  service_name: z.string(),
  service_code: z.string(),
  description: z.string(),
  agency_responsible: z.string().nullable(),
  service_notice: z.string().nullable(),
  requested_datetime: z.string(),
  updated_datetime: z.string(),
  expected_datetime: z.string().nullable(),
  address: z.string().nullable(),
  address_id: z.null(),
  zipcode: z.null(),
  lat: z.number().nullable(),
  long: z.number().nullable(),
  media_url: z.string().nullable(),
});
const postedSchema = z
  .object({ token: z.string(), service_notice: z.string(), account_id: z.string().nullable() })
  .describe('No service_request_id yet: the request is public once the central room has verified it; ask tokens/{token} for it.');
const tokenSchema = z.object({ service_request_id: z.string().optional().describe('Only once the request is public (verified, not confidential)'), token: z.string() });
const serviceSchema = z.object({ service_code: z.string(), service_name: z.string(), description: z.string(), metadata: z.boolean(), type: z.string(), keywords: z.string(), group: z.string() });
const definitionSchema = z.object({ service_code: z.string(), attributes: z.array(z.object({ code: z.string(), datatype: z.string(), required: z.boolean(), description: z.string() }).passthrough()) });
const discoverySchema = z.object({ changeset: z.string(), contact: z.string(), key_service: z.string(), endpoints: z.array(z.object({ specification: z.string(), url: z.string(), changeset: z.string(), type: z.string(), formats: z.array(z.string()) })) });

const postForm = z.object({
  api_key: z.string().optional().describe('Required, here or in the query string: a key from the central room (`/api/laksa/open311-keys`); "demo" on demo servers.'),
  jurisdiction_id: z.string().optional(),
  service_code: z.string().describe('A category id (services.json)'),
  description: z.string().describe('10–4000 characters'),
  lat: z.string().optional(),
  long: z.string().optional(),
  address_string: z.string().optional(),
  address_id: z.string().optional(),
  email: z.string().optional(),
  first_name: z.string().optional(),
  last_name: z.string().optional(),
  phone: z.string().optional(),
  account_id: z.string().optional(),
  'attribute[anonymous]': z.enum(['true', 'false']).optional(),
  'attribute[confidential]': z.enum(['true', 'false']).optional(),
  'attribute[type]': z.string().optional(),
});

interface Resource {
  method: 'get' | 'post';
  path: string;
  summary: string;
  schema: z.ZodType;
  params?: z.ZodObject;
  query?: Record<string, z.ZodType>;
  form?: boolean;
  errors: (400 | 403 | 404 | 405 | 413 | 429)[];
}

const resources: Resource[] = [
  { method: 'get', path: 'discovery', summary: 'Open311 discovery: endpoint, formats and how to get an api_key', schema: discoverySchema, errors: [404] },
  { method: 'get', path: 'services', summary: 'Open311 services: the categories', schema: z.array(serviceSchema), errors: [404] },
  { method: 'get', path: 'services/{service_code}', summary: 'Open311 service definition: the attributes a request may carry', schema: definitionSchema, params: z.object({ service_code: z.string() }), errors: [404] },
  {
    method: 'get',
    path: 'requests',
    summary: 'Open311 service requests: the public ones (verified by the central room, not confidential, not rejected), newest first, at most 1000 and 90 days',
    schema: z.array(requestSchema),
    query: {
      service_request_id: z.string().optional().describe('Comma-separated (or repeated) tickets; overrides every other parameter'),
      service_code: z.string().optional().describe('Comma-separated (or repeated)'),
      start_date: z.string().optional().describe('W3C date-time'),
      end_date: z.string().optional().describe('W3C date-time'),
      status: z.string().optional().describe('open, closed or both (comma-separated or repeated); empty is as if absent'),
    },
    errors: [400, 404],
  },
  {
    method: 'post',
    path: 'requests',
    summary: 'Open311: post a service request (form-encoded, with an api_key in the body or the query string; rate-limited per key). Answers its token.',
    schema: z.array(postedSchema),
    query: { api_key: z.string().optional().describe('The api_key, when not in the body') },
    form: true,
    errors: [400, 403, 404, 413, 429],
  },
  { method: 'get', path: 'requests/{service_request_id}', summary: 'Open311: one public service request by its ticket', schema: z.array(requestSchema), params: z.object({ service_request_id: z.string() }), errors: [404] },
  { method: 'get', path: 'tokens/{token}', summary: 'Open311: the ticket of a posted request by its token', schema: z.array(tokenSchema), params: z.object({ token: z.string() }), errors: [404] },
];

const errorDescriptions = {
  400: 'Invalid request (also a NUL byte or malformed encoding anywhere in it)',
  403: 'api_key missing, invalid or revoked',
  404: 'Unknown jurisdiction, service, request or token',
  405: 'Method not allowed (Allow names the methods)',
  413: 'Request body too large',
  429: 'Too many requests (Retry-After)',
};

export function describeOpen311(app: OpenAPIHono<AppEnv>): void {
  for (const resource of resources) {
    for (const format of ['json', 'xml'] as const) {
      // Every path can meet core's boundary (400) and a method it does not answer (405).
      const statuses = [...new Set([400, ...resource.errors, 405] as const)].sort();
      const errors = Object.fromEntries(
        statuses.map((status) => [
          status,
          { description: errorDescriptions[status], content: format === 'json' ? { 'application/json': { schema: errorList } } : { 'text/xml': { schema: z.string() } } },
        ]),
      );
      app.openAPIRegistry.registerPath({
        method: resource.method,
        path: `${open311Base}/${resource.path}.${format}`,
        tags,
        summary: `${resource.summary} (${format.toUpperCase()})`,
        request: {
          ...(resource.params ? { params: resource.params } : {}),
          query: z.object({ ...jurisdiction, ...(resource.query ?? {}) }),
          ...(resource.form ? { body: { required: true, content: { 'application/x-www-form-urlencoded': { schema: postForm } } } } : {}),
        },
        responses: {
          200: { description: 'OK', content: format === 'json' ? { 'application/json': { schema: resource.schema } } : { 'text/xml': { schema: z.string() } } },
          ...errors,
        },
      });
    }
  }
}
