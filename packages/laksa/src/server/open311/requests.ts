/** Open311 service requests: posting one (with an api_key), and the list's filters. */
import type { RequestContext } from '@kota-kit/core/server';
import type { ReportType } from '../../schemas.js';
import { publicRule } from '../services/privacy.js';
import { categoryOf, createReport } from '../services/reports.js';
import { sha256 } from '../services/tickets.js';
import type { Ctx } from '../tables.js';
import { closedStatuses, maxDays, maxResults, Open311Error } from './format.js';

/**
 * A list parameter: the comma form (`status=open,closed`) and the repeated form (`status=open&status=closed`) alike;
 * empty values are ignored, so an empty parameter (`status=`) is as if absent.
 */
export function listParam(c: RequestContext, name: string): string[] | undefined {
  const values = (c.req.queries(name) ?? []).flatMap((value) => value.split(',')).map((value) => value.trim()).filter(Boolean);
  return values.length ? values : undefined;
}

/** A single-valued parameter: its first non-empty value (an empty one is as if absent). */
export function oneParam(c: RequestContext, name: string): string | undefined {
  return (c.req.queries(name) ?? []).map((value) => value.trim()).find(Boolean);
}

export function checkJurisdiction(ctx: Ctx, value: string | undefined): void {
  const expected = ctx.options.open311.jurisdictionId;
  if (value && expected && value !== expected) throw new Open311Error(404, `jurisdiction_id "${value}" not found.`);
}

/** The id of the api_key's row ("demo" for the demo key); 403 otherwise. Records when the key was last used. */
async function checkApiKey(ctx: Ctx, key: string | undefined): Promise<string> {
  if (!key) throw new Open311Error(403, 'api_key is required to post a request.');
  if (key === 'demo') {
    if (ctx.demo && ctx.options.open311.demoKey) return 'demo';
    throw new Open311Error(403, 'The demo api_key works only on demo servers.');
  }
  const row = await ctx.unitOfWork({ actor: null }, (work) =>
    work.db.updateTable('laksa_open311_keys').set({ last_used_at: ctx.clock.now() }).where('key_hash', '=', sha256(key)).where('revoked_at', 'is', null).returning('id').executeTakeFirst(),
  );
  if (!row) throw new Open311Error(403, 'Invalid api_key.');
  return row.id;
}

function parseDate(value: string | undefined, name: string): Date | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  if (Number.isNaN(date.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(value)) throw new Open311Error(400, `${name} must be a W3C date-time like 2026-11-30T00:00:00+07:00.`);
  return date;
}

/**
 * The list's query, of public reports only (the public API's rule): a list of ids overrides every other parameter
 * (the standard), else a period of at most 90 days.
 */
export function requestListQuery(ctx: Ctx, c: RequestContext) {
  let builder = ctx.db.selectFrom('laksa_reports').selectAll().where(publicRule);
  const ids = listParam(c, 'service_request_id');
  if (ids) return builder.where('ticket', 'in', ids.map((id) => id.toUpperCase()).slice(0, maxResults));
  let start = parseDate(oneParam(c, 'start_date'), 'start_date');
  let end = parseDate(oneParam(c, 'end_date'), 'end_date');
  if (!start && !end) end = ctx.clock.now();
  if (!start) start = new Date(end!.getTime() - maxDays * 86_400_000);
  if (!end) end = new Date(start.getTime() + maxDays * 86_400_000);
  if (end.getTime() < start.getTime()) throw new Open311Error(400, 'end_date is before start_date.');
  if (end.getTime() - start.getTime() > maxDays * 86_400_000) throw new Open311Error(400, `The span between start_date and end_date is at most ${maxDays} days.`);
  builder = builder.where('created_at', '>=', start).where('created_at', '<=', end);
  const codes = listParam(c, 'service_code');
  if (codes) builder = builder.where('category', 'in', codes);
  const status = listParam(c, 'status');
  if (status) {
    if (status.some((item) => item !== 'open' && item !== 'closed')) throw new Open311Error(400, 'status is open, closed or both.');
    if (!(status.includes('open') && status.includes('closed'))) {
      builder = status.includes('closed') ? builder.where('status', 'in', closedStatuses) : builder.where('status', 'not in', closedStatuses);
    }
  }
  return builder;
}

/**
 * POST requests: form-encoded fields of the standard, checked, then stored like a web report. The answer carries
 * the `token` and no `service_request_id`: a new request is not public until the central room has verified it
 * (the standard's SHOULD); the client asks tokens/{token} for the id, which it gets once the request is public.
 */
export async function postRequest(ctx: Ctx, c: RequestContext) {
  const contentType = (c.req.header('content-type') ?? '').toLowerCase();
  if (!contentType.startsWith('application/x-www-form-urlencoded') && !contentType.startsWith('multipart/form-data')) {
    throw new Open311Error(400, 'Send the request form-encoded (application/x-www-form-urlencoded).');
  }
  const form = await c.req.parseBody({ all: true });
  // A field's first non-empty value, as for the query string (an empty field is as if absent).
  const field = (name: string) =>
    [form[name]]
      .flat()
      .map((value) => (typeof value === 'string' ? value.trim() : ''))
      .find(Boolean);
  // Some clients send the key in the query string; the body wins when both are given.
  const keyId = await checkApiKey(ctx, field('api_key') ?? oneParam(c, 'api_key'));
  checkJurisdiction(ctx, field('jurisdiction_id'));
  await ctx.rateLimit.hit(`laksa:open311:${keyId === 'demo' ? `demo:${c.get('clientIp')}` : keyId}`, keyId === 'demo' ? ctx.options.rateLimitPerHour : 1000, 3600);
  const code = field('service_code');
  if (!code) throw new Open311Error(400, 'service_code is required.');
  const category = categoryOf(ctx, code);
  if (!category) throw new Open311Error(404, `service_code "${code}" not found.`);
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
  const typeAttribute = field('attribute[type]');
  if (typeAttribute && !(category.types as readonly string[]).includes(typeAttribute)) throw new Open311Error(400, `attribute[type] must be one of ${category.types.join(', ')}.`);
  const email = field('email');
  if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw new Open311Error(400, 'email is not valid.');
  const name = [field('first_name'), field('last_name')].filter(Boolean).join(' ') || undefined;
  const firstLine = description.split(/\r?\n/)[0]!.trim();
  const title = (firstLine.length > 5 ? firstLine : description).slice(0, 120).trim() + (firstLine.length > 120 ? '…' : '');
  const created = await createReport(
    ctx,
    { actor: null },
    {
      type: (typeAttribute as ReportType | undefined) ?? category.types[0]!,
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
  const days = ctx.options.verifyWithinWorkingDays;
  // The standard's service_notice is shown by the client to the person who posted: in both languages.
  const notice = `Laporan ${created.ticket} diterima; tim verifikasi memeriksanya dalam ${days} hari kerja. / Report ${created.ticket} received; verified within ${days} working days.`;
  return [{ token: created.open311Token!, service_notice: notice, account_id: field('account_id') ?? null }];
}
