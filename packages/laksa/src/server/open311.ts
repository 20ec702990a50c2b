/**
 * Open311 GeoReport v2 at /open311/v2/ (outside /api: third-party server clients, no cookies, no CSRF check).
 * Field names, status values and the error format follow the standard; XML and JSON by path suffix.
 */
import { endOfLocalDay } from '@kota-kit/core';
import type { AppEnv, OpenAPIHono, RequestContext } from '@kota-kit/core/server';
import type { ReportStatus, ReportType } from '../schemas.js';
import { database, sha256, type Ctx, type ReportRow } from './db.js';
import { agencyRef, categoryOf, createReport, loadPhotos } from './service.js';

type Format = 'json' | 'xml';
type Scalar = string | number | boolean | null | undefined;

export const open311Base = '/open311/v2';
const closedStatuses: ReportStatus[] = ['resolved', 'closed', 'rejected', 'duplicate'];
const maxDays = 90;
const maxResults = 1000;

class Open311Error extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 429,
    readonly description: string,
  ) {
    super(description);
  }
}

// ---------------------------------------------------------------- XML

/** Drops characters XML 1.0 cannot carry and escapes markup, so report text can never break the document. */
export function escapeXml(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export function element(name: string, content: Scalar | string[]): string {
  if (Array.isArray(content)) return `<${name}>${content.join('')}</${name}>`;
  if (content === null || content === undefined || content === '') return `<${name}/>`;
  return `<${name}>${escapeXml(String(content))}</${name}>`;
}

const record = (name: string, value: Record<string, Scalar | string[]>) => element(name, Object.entries(value).map(([key, item]) => element(key, item)));
const xmlDocument = (root: string) => `<?xml version="1.0" encoding="UTF-8"?>\n${root}`;

function respond(c: RequestContext, format: Format, jsonBody: unknown, xmlBody: () => string, status: 200 | 400 | 403 | 404 | 429 = 200): Response {
  if (format === 'xml') return c.body(xmlDocument(xmlBody()), status, { 'content-type': 'text/xml; charset=utf-8' });
  return c.body(JSON.stringify(jsonBody), status, { 'content-type': 'application/json; charset=utf-8' });
}

function errorResponse(c: RequestContext, format: Format, status: 400 | 403 | 404 | 429, description: string): Response {
  const errors = [{ code: status, description }];
  return respond(c, format, errors, () => element('errors', errors.map((error) => record('error', error))), status);
}

// ---------------------------------------------------------------- values

/** ISO 8601 with the region's offset, e.g. 2026-11-30T09:15:00+07:00. */
export function isoWithOffset(instant: Date, timeZone: string): string {
  const date = new Date(instant);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
      .formatToParts(date)
      .map((part) => [part.type, part.value]),
  );
  const local = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  const offsetMinutes = Math.round((local - Math.floor(date.getTime() / 1000) * 1000) / 60_000);
  const sign = offsetMinutes >= 0 ? '+' : '-';
  const abs = Math.abs(offsetMinutes);
  const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${offset}`;
}

/** Reports Open311 shows: every report that is not confidential and not rejected. Unverified ones without their text. */
function visibleInOpen311(row: Pick<ReportRow, 'confidential' | 'status'>): boolean {
  return !row.confidential && row.status !== 'rejected';
}

export function registerOpen311(app: OpenAPIHono<AppEnv>, ctx: Ctx): void {
  const db = database(ctx);
  const { options } = ctx;
  const tz = ctx.region.timeZone;
  const lang = (c: RequestContext) => c.get('lang');

  const serviceName = (code: string, c: RequestContext) => {
    const category = categoryOf(ctx, code);
    return category ? category.name[lang(c)] : code;
  };

  const serviceDefinitionAttributes = (code: string) => {
    const category = categoryOf(ctx, code)!;
    const yesNo = [
      { key: 'false', name: 'Tidak / No' },
      { key: 'true', name: 'Ya / Yes' },
    ];
    const attributes = [
      {
        variable: true,
        code: 'anonymous',
        datatype: 'singlevaluelist',
        required: false,
        datatype_description: 'true: the reporter\'s identity is hidden from the public and from the agency',
        order: 1,
        description: 'Anonim: sembunyikan identitas pelapor / Anonymous: hide who reported',
        values: yesNo,
      },
      {
        variable: true,
        code: 'confidential',
        datatype: 'singlevaluelist',
        required: false,
        datatype_description: 'true: the report itself is not public',
        order: 2,
        description: 'Rahasia: laporan tidak dipublikasikan / Confidential: the report is not public',
        values: yesNo,
      },
    ];
    if (category.types.length > 1) {
      attributes.push({
        variable: true,
        code: 'type',
        datatype: 'singlevaluelist',
        required: false,
        datatype_description: `Default: ${category.types[0]}`,
        order: 3,
        description: 'Jenis laporan / Report type',
        values: category.types.map((type) => ({ key: type, name: { complaint: 'Pengaduan / Complaint', aspiration: 'Aspirasi / Aspiration', information: 'Permintaan informasi / Information request' }[type] })),
      });
    }
    return attributes;
  };

  async function requestViews(c: RequestContext, rows: ReportRow[]) {
    const photos = await loadPhotos(
      db,
      rows.map((row) => row.id),
    );
    const origin = new URL(c.req.url).origin;
    const lastNotes = rows.length
      ? await db
          .selectFrom('laksa_events')
          .select(['report_id', 'note', 'id'])
          .where('report_id', 'in', rows.map((row) => row.id))
          .where('internal', '=', false)
          .where('note', 'is not', null)
          .where('actor_kind', '!=', 'citizen')
          .orderBy('id', 'desc')
          .execute()
      : [];
    return rows.map((row) => {
      const pending = row.status === 'submitted';
      const note = lastNotes.find((item) => item.report_id === row.id)?.note ?? null;
      const photo = (photos.get(row.id) ?? []).find((item) => item.kind === 'report');
      const due = row.status === 'submitted' || row.status === 'verified' ? row.verify_due : row.agency_due;
      const agency = agencyRef(ctx, row.agency_id);
      const agencyName = ctx.region.agencies.find((item) => item.id === row.agency_id)?.name ?? agency?.shortName ?? null;
      return {
        service_request_id: row.ticket,
        status: closedStatuses.includes(row.status) ? 'closed' : 'open',
        status_notes: pending ? 'Menunggu verifikasi / Awaiting verification' : note,
        service_name: serviceName(row.category, c),
        service_code: row.category,
        // Not yet moderated text stays private until the central room has looked at it.
        description: pending ? null : row.description,
        agency_responsible: agencyName,
        service_notice: null,
        requested_datetime: isoWithOffset(row.created_at, tz),
        updated_datetime: isoWithOffset(row.updated_at, tz),
        expected_datetime: due && !closedStatuses.includes(row.status) ? isoWithOffset(endOfLocalDay(due, tz), tz) : null,
        address: row.address,
        address_id: null,
        zipcode: null,
        lat: row.lat,
        long: row.lng,
        media_url: photo && !pending ? `${origin}/api/laksa/photos/${photo.id}` : null,
      };
    });
  }

  const requestsXml = (items: Record<string, Scalar>[]) => element('service_requests', items.map((item) => record('request', item)));

  async function checkApiKey(key: string | undefined): Promise<string> {
    if (!key) throw new Open311Error(403, 'api_key is required to post a request.');
    if (key === 'demo') {
      if (ctx.demo && options.open311.demoKey) return 'demo';
      throw new Open311Error(403, 'The demo api_key works only on demo servers.');
    }
    const row = await db.updateTable('laksa_open311_keys').set({ last_used_at: ctx.clock.now() }).where('key_hash', '=', sha256(key)).where('revoked_at', 'is', null).returning('id').executeTakeFirst();
    if (!row) throw new Open311Error(403, 'Invalid api_key.');
    return row.id;
  }

  function checkJurisdiction(value: string | undefined) {
    if (value && options.open311.jurisdictionId && value !== options.open311.jurisdictionId) throw new Open311Error(404, `jurisdiction_id "${value}" not found.`);
  }

  const parseDate = (value: string | undefined, name: string): Date | undefined => {
    if (!value) return undefined;
    const date = new Date(value);
    if (Number.isNaN(date.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(value)) throw new Open311Error(400, `${name} must be a W3C date-time like 2026-11-30T00:00:00+07:00.`);
    return date;
  };

  // One handler per method: the file name carries the format (services.json, requests/LKS-2611-7KQ4.xml).
  const handle = async (c: RequestContext, method: 'GET' | 'POST') => {
    const path = decodeURIComponent(new URL(c.req.url).pathname).slice(open311Base.length + 1);
    const match = /^(.*)\.(json|xml)$/.exec(path);
    if (!match) return errorResponse(c, 'json', 404, 'Unknown resource; add .json or .xml.');
    const [, resource = '', formatText] = match;
    const format = formatText as Format;
    try {
      checkJurisdiction(c.req.query('jurisdiction_id'));
      if (method === 'GET' && resource === 'discovery') {
        const origin = new URL(c.req.url).origin;
        const changeset = '2026-01-01T00:00:00+07:00';
        const endpoint = { specification: 'http://wiki.open311.org/GeoReport_v2', url: `${origin}${open311Base}`, changeset, type: 'production', formats: ['text/xml', 'application/json'] };
        const body = {
          changeset,
          contact: options.open311.contact ?? [ctx.region.contacts.email, ctx.region.contacts.phone].filter(Boolean).join(' · ') ?? ctx.region.name,
          key_service: `Ask ${ctx.region.name} (${ctx.region.agencies.find((agency) => agency.id === options.verifierAgency)?.shortName ?? options.verifierAgency}) for an api_key.${ctx.demo ? ' On this demo server the api_key "demo" works.' : ''}`,
          endpoints: [endpoint],
        };
        return respond(c, format, body, () =>
          element('discovery', [
            element('changeset', body.changeset),
            element('contact', body.contact),
            element('key_service', body.key_service),
            element('endpoints', [
              element('endpoint', [
                element('specification', endpoint.specification),
                element('url', endpoint.url),
                element('changeset', endpoint.changeset),
                element('type', endpoint.type),
                element('formats', endpoint.formats.map((item) => element('format', item))),
              ]),
            ]),
          ]),
        );
      }
      if (method === 'GET' && resource === 'services') {
        const services = options.categories.map((category) => ({
          service_code: category.id,
          service_name: category.name[lang(c)],
          description: category.description?.[lang(c)] ?? category.name[lang(c)],
          metadata: true,
          type: 'realtime',
          keywords: (category.open311?.keywords ?? []).join(','),
          group: category.open311?.group ?? ctx.region.agencies.find((agency) => agency.id === category.agency)?.shortName ?? category.agency,
        }));
        return respond(c, format, services, () => element('services', services.map((service) => record('service', service))));
      }
      const serviceMatch = /^services\/([^/]+)$/.exec(resource);
      if (method === 'GET' && serviceMatch) {
        const code = serviceMatch[1]!;
        if (!categoryOf(ctx, code)) throw new Open311Error(404, `service_code "${code}" not found.`);
        const attributes = serviceDefinitionAttributes(code);
        return respond(c, format, { service_code: code, attributes }, () =>
          element('service_definition', [
            element('service_code', code),
            element(
              'attributes',
              attributes.map((attribute) =>
                element('attribute', [
                  ...(['variable', 'code', 'datatype', 'required', 'datatype_description', 'order', 'description'] as const).map((key) => element(key, attribute[key])),
                  element('values', attribute.values.map((value) => record('value', value))),
                ]),
              ),
            ),
          ]),
        );
      }
      if (method === 'POST' && resource === 'requests') return await postRequest(c, format);
      if (method === 'GET' && resource === 'requests') {
        const ids = c.req.query('service_request_id');
        let builder = db.selectFrom('laksa_reports').selectAll().where('confidential', '=', false).where('status', '!=', 'rejected');
        if (ids) {
          // Per the standard, a list of ids overrides every other parameter.
          const wanted = ids.split(',').map((id) => id.trim().toUpperCase()).filter(Boolean).slice(0, maxResults);
          builder = builder.where('ticket', 'in', wanted.length ? wanted : ['-']);
        } else {
          let start = parseDate(c.req.query('start_date'), 'start_date');
          let end = parseDate(c.req.query('end_date'), 'end_date');
          if (!start && !end) end = ctx.clock.now();
          if (!start) start = new Date(end!.getTime() - maxDays * 86_400_000);
          if (!end) end = new Date(start.getTime() + maxDays * 86_400_000);
          if (end.getTime() < start.getTime()) throw new Open311Error(400, 'end_date is before start_date.');
          if (end.getTime() - start.getTime() > maxDays * 86_400_000) throw new Open311Error(400, `The span between start_date and end_date is at most ${maxDays} days.`);
          builder = builder.where('created_at', '>=', start).where('created_at', '<=', end);
          const codes = c.req.query('service_code')?.split(',').map((code) => code.trim()).filter(Boolean);
          if (codes?.length) builder = builder.where('category', 'in', codes);
          const status = c.req.query('status')?.split(',').map((item) => item.trim());
          if (status?.length) {
            if (status.some((item) => item !== 'open' && item !== 'closed')) throw new Open311Error(400, 'status is open, closed or both.');
            if (!(status.includes('open') && status.includes('closed'))) {
              builder = status.includes('closed') ? builder.where('status', 'in', closedStatuses) : builder.where('status', 'not in', closedStatuses);
            }
          }
        }
        const rows = (await builder.orderBy('created_at', 'desc').limit(maxResults).execute()) as ReportRow[];
        const items = await requestViews(c, rows);
        return respond(c, format, items, () => requestsXml(items));
      }
      const requestMatch = /^requests\/([^/]+)$/.exec(resource);
      if (method === 'GET' && requestMatch) {
        const row = (await db.selectFrom('laksa_reports').selectAll().where('ticket', '=', requestMatch[1]!.toUpperCase()).executeTakeFirst()) as ReportRow | undefined;
        if (!row || !visibleInOpen311(row)) throw new Open311Error(404, `service_request_id "${requestMatch[1]}" not found.`);
        const items = await requestViews(c, [row]);
        return respond(c, format, items, () => requestsXml(items));
      }
      const tokenMatch = /^tokens\/([^/]+)$/.exec(resource);
      if (method === 'GET' && tokenMatch) {
        const row = await db.selectFrom('laksa_reports').select(['ticket', 'open311_token', 'confidential', 'status']).where('open311_token', '=', tokenMatch[1]!).executeTakeFirst();
        if (!row) throw new Open311Error(404, 'token not found.');
        // A confidential report's ticket is still the poster's own: the token is known only to the client that posted.
        const items = [{ service_request_id: row.ticket, token: row.open311_token }];
        return respond(c, format, items, () => requestsXml(items));
      }
      return errorResponse(c, format, 404, `No ${method} ${open311Base}/${path}.`);
    } catch (error) {
      if (error instanceof Open311Error) return errorResponse(c, format, error.status, error.description);
      if (error && typeof error === 'object' && 'status' in error && (error as { status: number }).status === 429) return errorResponse(c, format, 429, 'Too many requests.');
      throw error;
    }
  };

  async function postRequest(c: RequestContext, format: Format): Promise<Response> {
    const contentType = (c.req.header('content-type') ?? '').toLowerCase();
    if (!contentType.startsWith('application/x-www-form-urlencoded') && !contentType.startsWith('multipart/form-data')) {
      throw new Open311Error(400, 'Send the request form-encoded (application/x-www-form-urlencoded).');
    }
    const form = (await c.req.parseBody()) as Record<string, string | File>;
    const field = (name: string) => {
      const value = form[name];
      return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
    };
    const keyId = await checkApiKey(field('api_key'));
    checkJurisdiction(field('jurisdiction_id'));
    await ctx.rateLimit.hit(`laksa:open311:${keyId === 'demo' ? `demo:${c.get('clientIp')}` : keyId}`, keyId === 'demo' ? ctx.options.rateLimitPerHour : 1000, 3600);
    const code = field('service_code');
    if (!code) throw new Open311Error(400, 'service_code is required.');
    const category = categoryOf(ctx, code);
    if (!category) throw new Open311Error(400, `service_code "${code}" not found.`);
    const description = field('description');
    if (!description || description.length < 10) throw new Open311Error(400, 'description is required (at least 10 characters).');
    if (description.length > 4000) throw new Open311Error(400, 'description is at most 4000 characters.');
    const latText = field('lat');
    const longText = field('long');
    const address = field('address_string') ?? field('address_id');
    let lat: number | undefined;
    let lng: number | undefined;
    if (latText || longText) {
      lat = Number(latText);
      lng = Number(longText);
      if (!latText || !longText || !Number.isFinite(lat) || !Number.isFinite(lng) || Math.abs(lat) > 90 || Math.abs(lng) > 180) throw new Open311Error(400, 'lat and long must both be decimal degrees.');
    }
    if (lat === undefined && !address) throw new Open311Error(400, 'A location is required: lat and long, address_string or address_id.');
    const flag = (name: string) => field(`attribute[${name}]`)?.toLowerCase() === 'true';
    const typeAttribute = field('attribute[type]') as ReportType | undefined;
    if (typeAttribute && !category.types.includes(typeAttribute)) throw new Open311Error(400, `attribute[type] must be one of ${category.types.join(', ')}.`);
    const email = field('email');
    if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw new Open311Error(400, 'email is not valid.');
    const name = [field('first_name'), field('last_name')].filter(Boolean).join(' ') || undefined;
    const firstLine = description.split(/\r?\n/)[0]!.trim();
    const title = (firstLine.length > 5 ? firstLine : description).slice(0, 120).trim() + (firstLine.length > 120 ? '…' : '');
    const created = await createReport(
      ctx,
      {
        type: typeAttribute ?? category.types[0]!,
        category: category.id,
        title,
        description,
        location: { lat, lng, address: address?.slice(0, 300) },
        // Open311 has no privacy fields: public and named unless the client sets these attributes.
        confidential: flag('confidential'),
        anonymous: flag('anonymous'),
        contact: { name: name?.slice(0, 100), email, phone: field('phone')?.slice(0, 20) },
      },
      [],
      'open311',
    );
    const notice = `Laporan ${created.ticket} diterima; tim verifikasi memeriksanya dalam ${options.verifyWithinWorkingDays} hari kerja. / Report ${created.ticket} received; verified within ${options.verifyWithinWorkingDays} working days.`;
    const items = [{ service_request_id: created.ticket, token: created.open311Token, service_notice: notice, account_id: field('account_id') ?? null }];
    return respond(c, format, items, () => requestsXml(items));
  }

  app.get(`${open311Base}/*`, (c) => handle(c, 'GET'));
  app.post(`${open311Base}/*`, (c) => handle(c, 'POST'));
}
