/**
 * Open311 GeoReport v2 at /open311/v2/ (outside /api: third-party server clients, no cookies, no CSRF check).
 * Field names, status values and the error format follow the standard; XML and JSON by path suffix. The routes
 * are described in the host's OpenAPI document (docs.ts).
 */
import type { AppEnv, OpenAPIHono, RequestContext } from '@kota-kit/core/server';
import { findByTicket } from '../queries/reports.js';
import { isPublic } from '../services/privacy.js';
import { categoryOf } from '../services/reports.js';
import type { Ctx } from '../tables.js';
import { describeOpen311 } from './docs.js';
import { element, errorResponse, maxResults, open311Base, Open311Error, open311Problem, record, requestsXml, respond, type Format } from './format.js';
import { checkJurisdiction, oneParam, postRequest, requestListQuery } from './requests.js';
import { discovery, requestViews, serviceDefinitionAttributes, services } from './views.js';

export { escapeXml } from './format.js';

function discoveryXml(body: ReturnType<typeof discovery>) {
  const [endpoint] = body.endpoints;
  return element('discovery', [
    element('changeset', body.changeset),
    element('contact', body.contact),
    element('key_service', body.key_service),
    element('endpoints', [
      element('endpoint', [
        element('specification', endpoint!.specification),
        element('url', endpoint!.url),
        element('changeset', endpoint!.changeset),
        element('type', endpoint!.type),
        element('formats', endpoint!.formats.map((item) => element('format', item))),
      ]),
    ]),
  ]);
}

function serviceDefinitionXml(code: string, attributes: ReturnType<typeof serviceDefinitionAttributes>) {
  const keys = ['variable', 'code', 'datatype', 'required', 'datatype_description', 'order', 'description'] as const;
  return element('service_definition', [
    element('service_code', code),
    element('attributes', attributes.map((attribute) => element('attribute', [...keys.map((key) => element(key, attribute[key])), element('values', attribute.values.map((value) => record('value', value)))]))),
  ]);
}

/** The standard's resources and the methods each answers (HEAD with GET). */
const resources: { pattern: RegExp; methods: ('GET' | 'POST')[] }[] = [
  { pattern: /^discovery$/, methods: ['GET'] },
  { pattern: /^services$/, methods: ['GET'] },
  { pattern: /^services\/[^/]+$/, methods: ['GET'] },
  { pattern: /^requests$/, methods: ['GET', 'POST'] },
  { pattern: /^requests\/[^/]+$/, methods: ['GET'] },
  { pattern: /^tokens\/[^/]+$/, methods: ['GET'] },
];

/** One handler for every method: the file name carries the format (services.json, requests/LKS-2611-7KQ4.xml). */
async function route(ctx: Ctx, c: RequestContext, method: string, resource: string, format: Format, path: string): Promise<Response> {
  const known = resources.find((item) => item.pattern.test(resource));
  if (!known) return errorResponse(c, format, 404, `No resource ${open311Base}/${path}.`);
  if ((method !== 'GET' && method !== 'POST') || !known.methods.includes(method)) throw notAllowed(method, known.methods);
  checkJurisdiction(ctx, oneParam(c, 'jurisdiction_id'));
  if (method === 'POST') {
    const items = await postRequest(ctx, c);
    return respond(c, format, items, () => requestsXml(items), 'no-store');
  }
  if (resource === 'discovery') {
    const body = discovery(ctx);
    return respond(c, format, body, () => discoveryXml(body), 'public');
  }
  if (resource === 'services') {
    const list = services(ctx, c.get('lang'));
    return respond(c, format, list, () => element('services', list.map((service) => record('service', service))), 'public');
  }
  const serviceMatch = /^services\/([^/]+)$/.exec(resource);
  if (serviceMatch) {
    const code = serviceMatch[1]!;
    if (!categoryOf(ctx, code)) throw new Open311Error(404, `service_code "${code}" not found.`);
    const attributes = serviceDefinitionAttributes(ctx, code);
    return respond(c, format, { service_code: code, attributes }, () => serviceDefinitionXml(code, attributes), 'public');
  }
  if (resource === 'requests') {
    const rows = await requestListQuery(ctx, c).orderBy('created_at', 'desc').limit(maxResults).execute();
    const items = await requestViews(ctx, c, rows);
    return respond(c, format, items, () => requestsXml(items), 'public');
  }
  const requestMatch = /^requests\/([^/]+)$/.exec(resource);
  if (requestMatch) {
    const row = await findByTicket(ctx.db, requestMatch[1]!);
    // Exactly what the public API shows: a confidential, unverified or rejected report answers like a missing one.
    if (!row || !isPublic(row)) throw new Open311Error(404, `service_request_id "${requestMatch[1]}" not found.`);
    const items = await requestViews(ctx, c, [row]);
    return respond(c, format, items, () => requestsXml(items), 'public');
  }
  const token = /^tokens\/([^/]+)$/.exec(resource)![1]!;
  const row = await ctx.db.selectFrom('laksa_reports').select(['ticket', 'open311_token', 'confidential', 'status']).where('open311_token', '=', token).executeTakeFirst();
  if (!row) throw new Open311Error(404, 'token not found.');
  // The id only once the request is public (the standard's SHOULD): until then, and for good when confidential,
  // the client gets its token back and asks again later.
  const items = [isPublic(row) ? { service_request_id: row.ticket, token: row.open311_token } : { token: row.open311_token }];
  return respond(c, format, items, () => requestsXml(items), 'no-store');
}

function notAllowed(method: string, methods: string[]): Open311Error {
  const allow = [...methods, ...(methods.includes('GET') ? ['HEAD'] : [])].sort().join(', ');
  return new Open311Error(405, `${method} is not allowed here; use ${allow}.`, { allow });
}

export function registerOpen311(app: OpenAPIHono<AppEnv>, ctx: Ctx): void {
  // Every method, so that an unsupported one is answered in the standard's format too (HEAD is served as GET).
  app.all(`${open311Base}/*`, async (c) => {
    const method = c.req.method === 'HEAD' ? 'GET' : c.req.method;
    // The boundary has refused malformed encoding already.
    const path = decodeURIComponent(new URL(c.req.url).pathname).slice(open311Base.length + 1);
    const match = /^(.*)\.(json|xml)$/.exec(path);
    if (!match) return errorResponse(c, 'json', 404, 'Unknown resource; add .json or .xml.');
    const [, resource = '', formatText] = match;
    const format = formatText as Format;
    try {
      return await route(ctx, c, method, resource, format, path);
    } catch (error) {
      if (error instanceof Open311Error) return errorResponse(c, format, error.status, error.description, error.headers);
      // Core's problems (429 with Retry-After, 413, 500) are put in Open311's format by `rootErrors` (open311Problem).
      throw error;
    }
  });
  describeOpen311(app);
}

/** Core hands every problem under /open311/v2 to this, so its boundary's refusals answer in Open311's format. */
export const open311Errors = { prefix: open311Base, format: open311Problem };
