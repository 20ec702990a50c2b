/**
 * Open311 GeoReport v2 at /open311/v2/ (outside /api: third-party server clients, no cookies, no CSRF check).
 * Field names, status values and the error format follow the standard; XML and JSON by path suffix. The routes
 * are described in the host's OpenAPI document (docs.ts).
 */
import type { AppEnv, OpenAPIHono, RequestContext } from '@kota-kit/core/server';
import { findByTicket } from '../queries/reports.js';
import { categoryOf } from '../services/reports.js';
import type { Ctx } from '../tables.js';
import { describeOpen311 } from './docs.js';
import { element, errorResponse, open311Base, Open311Error, record, requestsXml, respond, type Format } from './format.js';
import { checkJurisdiction, postRequest, requestListQuery } from './requests.js';
import { discovery, requestViews, serviceDefinitionAttributes, services, visibleInOpen311 } from './views.js';

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

/** One handler per method: the file name carries the format (services.json, requests/LKS-2611-7KQ4.xml). */
async function route(ctx: Ctx, c: RequestContext, method: 'GET' | 'POST', resource: string, format: Format, path: string): Promise<Response> {
  checkJurisdiction(ctx, c.req.query('jurisdiction_id'));
  if (method === 'GET' && resource === 'discovery') {
    const body = discovery(ctx, new URL(c.req.url).origin);
    return respond(c, format, body, () => discoveryXml(body));
  }
  if (method === 'GET' && resource === 'services') {
    const list = services(ctx, c.get('lang'));
    return respond(c, format, list, () => element('services', list.map((service) => record('service', service))));
  }
  const serviceMatch = /^services\/([^/]+)$/.exec(resource);
  if (method === 'GET' && serviceMatch) {
    const code = serviceMatch[1]!;
    if (!categoryOf(ctx, code)) throw new Open311Error(404, `service_code "${code}" not found.`);
    const attributes = serviceDefinitionAttributes(ctx, code);
    return respond(c, format, { service_code: code, attributes }, () => serviceDefinitionXml(code, attributes));
  }
  if (method === 'POST' && resource === 'requests') {
    const items = await postRequest(ctx, c);
    return respond(c, format, items, () => requestsXml(items));
  }
  if (method === 'GET' && resource === 'requests') {
    const rows = await requestListQuery(ctx, c).orderBy('created_at', 'desc').limit(1000).execute();
    const items = await requestViews(ctx, c, rows);
    return respond(c, format, items, () => requestsXml(items));
  }
  const requestMatch = /^requests\/([^/]+)$/.exec(resource);
  if (method === 'GET' && requestMatch) {
    const row = await findByTicket(ctx.db, requestMatch[1]!);
    if (!row || !visibleInOpen311(row)) throw new Open311Error(404, `service_request_id "${requestMatch[1]}" not found.`);
    const items = await requestViews(ctx, c, [row]);
    return respond(c, format, items, () => requestsXml(items));
  }
  const tokenMatch = /^tokens\/([^/]+)$/.exec(resource);
  if (method === 'GET' && tokenMatch) {
    const row = await ctx.db.selectFrom('laksa_reports').select(['ticket', 'open311_token']).where('open311_token', '=', tokenMatch[1]!).executeTakeFirst();
    if (!row) throw new Open311Error(404, 'token not found.');
    // A confidential report's ticket is still the poster's own: the token is known only to the client that posted.
    const items = [{ service_request_id: row.ticket, token: row.open311_token }];
    return respond(c, format, items, () => requestsXml(items));
  }
  return errorResponse(c, format, 404, `No ${method} ${open311Base}/${path}.`);
}

export function registerOpen311(app: OpenAPIHono<AppEnv>, ctx: Ctx): void {
  const handle = async (c: RequestContext, method: 'GET' | 'POST') => {
    const path = decodeURIComponent(new URL(c.req.url).pathname).slice(open311Base.length + 1);
    const match = /^(.*)\.(json|xml)$/.exec(path);
    if (!match) return errorResponse(c, 'json', 404, 'Unknown resource; add .json or .xml.');
    const [, resource = '', formatText] = match;
    const format = formatText as Format;
    try {
      return await route(ctx, c, method, resource, format, path);
    } catch (error) {
      if (error instanceof Open311Error) return errorResponse(c, format, error.status, error.description);
      if (error && typeof error === 'object' && 'status' in error && error.status === 429) return errorResponse(c, format, 429, 'Too many requests.');
      throw error;
    }
  };
  app.get(`${open311Base}/*`, (c) => handle(c, 'GET'));
  app.post(`${open311Base}/*`, (c) => handle(c, 'POST'));
  describeOpen311(app);
}
