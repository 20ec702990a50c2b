/** Public reports: sending one, the list, the map, one report and "me too". */
import { createRoute, createRouter, errorResponses, fieldErrors, problems, z, type RequestContext } from '@kota-kit/core/server';
import { createReportResultSchema, createReportSchema, mapResponseSchema, publicReportDetailSchema, reportListQuerySchema, reportListSchema, stageOf, supportResultSchema } from '../../schemas.js';
import { findByTicket, publicReportsQuery } from '../queries/reports.js';
import { checkBodySize, isMultipart, photosFrom, type ProcessedPhoto } from '../services/photos.js';
import { isPublic } from '../services/privacy.js';
import { checkReportFields, createReport, kecamatanOf, support, supportKey } from '../services/reports.js';
import { publicReportDetail, publicReports } from '../services/views.js';
import type { Ctx } from '../tables.js';
import { json, tags, ticketParam, trackingPath } from './common.js';

const sendReport = createRoute({
  method: 'post',
  path: '/reports',
  tags,
  summary: 'Send a report (no account needed)',
  description:
    'JSON, or multipart/form-data with the same object as JSON text in the field `report` and up to `maxPhotos` image files in `photos`. Photos are re-encoded as JPEG without metadata (EXIF/GPS). `confidential` and `anonymous` are fixed here for good. Rate-limited per client address.',
  request: {
    body: {
      content: {
        'application/json': { schema: createReportSchema },
        'multipart/form-data': { schema: z.object({ report: z.string().describe('The report as JSON'), photos: z.any().optional().describe('Image files') }) },
      },
    },
  },
  responses: { 201: json(createReportResultSchema, 'Created; the tracking token is shown only now'), ...errorResponses(400, 429) },
});

const listReports = createRoute({
  method: 'get',
  path: '/reports',
  tags,
  summary: 'Public reports (never confidential ones, never who sent them), newest first',
  description: 'Only reports the central room has verified. Duplicates are left out unless asked for with status=duplicate or stage=duplicate.',
  request: { query: reportListQuerySchema },
  responses: { 200: json(reportListSchema, 'A page of reports'), ...errorResponses(400) },
});

const mapPoints = createRoute({
  method: 'get',
  path: '/map',
  tags,
  summary: 'Public reports with a map point (same filters as the list, at most 2000 newest)',
  request: { query: reportListQuerySchema.omit({ page: true, pageSize: true }) },
  responses: { 200: json(mapResponseSchema, 'Points'), ...errorResponses(400) },
});

const oneReport = createRoute({
  method: 'get',
  path: '/reports/{ticket}',
  tags,
  summary: 'A public report with its public timeline',
  request: { params: ticketParam },
  responses: { 200: json(publicReportDetailSchema, 'The report'), ...errorResponses(400, 404) },
});

const supportReport = createRoute({
  method: 'post',
  path: '/reports/{ticket}/support',
  tags,
  summary: '"Me too": support a public report instead of sending a duplicate (once per account when signed in, else once per client address and day)',
  request: { params: ticketParam },
  responses: { 200: json(supportResultSchema, 'Supporters now'), ...errorResponses(400, 404, 409, 429) },
});

/** The report of a JSON or multipart request, checked by the same schema, with its photos. */
async function reportInput(ctx: Ctx, c: RequestContext, json: unknown) {
  if (!isMultipart(c)) {
    if (!json || typeof json !== 'object' || !('type' in json)) throw problems.invalid([{ field: 'body', message: { en: 'Send the report as JSON or multipart/form-data.', id: 'Kirim laporan sebagai JSON atau multipart/form-data.' } }]);
    const input = json as z.output<typeof createReportSchema>; // validated by the route's JSON schema
    checkReportFields(ctx, input, 'body');
    return { input, photos: [] as ProcessedPhoto[] };
  }
  checkBodySize(ctx, c);
  const form = await c.req.formData();
  const raw = form.get('report');
  let value: unknown;
  try {
    value = typeof raw === 'string' ? JSON.parse(raw) : undefined;
  } catch {
    value = undefined;
  }
  if (value === undefined) throw problems.invalid([{ field: 'body.report', message: { en: 'Send the report as JSON text in the field "report".', id: 'Kirim laporan sebagai teks JSON di isian "report".' } }]);
  const parsed = createReportSchema.safeParse(value);
  if (!parsed.success) throw problems.invalid(fieldErrors(parsed.error.issues, 'body.report', c.get('lang')));
  checkReportFields(ctx, parsed.data, 'body.report');
  return { input: parsed.data, photos: await photosFrom(ctx, form, 'photos') };
}

export function reports(ctx: Ctx) {
  return createRouter()
    .openapi(sendReport, async (c) => {
      await ctx.rateLimit.hit(`laksa:report:${c.get('clientIp')}`, ctx.options.rateLimitPerHour, 3600);
      const { input, photos } = await reportInput(ctx, c, isMultipart(c) ? null : c.req.valid('json'));
      const location = { ...input.location, kecamatan: kecamatanOf(ctx, input.location.kecamatan) };
      const created = await createReport(ctx, c, { ...input, location }, photos, 'web');
      // Absolute from the configured public URL when there is one (never from the Host header), else relative.
      return c.json({ ticket: created.ticket, trackingToken: created.trackingToken, trackingUrl: `${ctx.publicUrl ?? ''}${trackingPath(created.trackingToken)}` }, 201);
    })
    .openapi(listReports, ctx.publicAnswer(async (c) => {
      const query = c.req.valid('query');
      const filtered = publicReportsQuery(ctx.db, query);
      const { total } = await filtered.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
      const rows = await filtered.selectAll().orderBy('created_at', 'desc').orderBy('id').limit(query.pageSize).offset((query.page - 1) * query.pageSize).execute();
      return c.json({ items: await publicReports(ctx, ctx.db, rows), total: Number(total), page: query.page, pageSize: query.pageSize }, 200);
    }))
    .openapi(mapPoints, ctx.publicAnswer(async (c) => {
      const rows = await publicReportsQuery(ctx.db, c.req.valid('query'))
        .select(['ticket', 'lat', 'lng', 'status', 'category', 'title'])
        .where('lat', 'is not', null)
        .where('lng', 'is not', null)
        .orderBy('created_at', 'desc')
        .limit(2000)
        .execute();
      const points = rows.map((row) => ({ ticket: row.ticket, lat: row.lat!, lng: row.lng!, status: row.status, stage: stageOf(row.status), category: row.category, title: row.title }));
      return c.json({ points }, 200);
    }))
    .openapi(oneReport, ctx.publicAnswer(async (c) => {
      const row = await findByTicket(ctx.db, c.req.valid('param').ticket);
      // A confidential or not yet verified report answers exactly like a missing one.
      if (!row || !isPublic(row)) throw problems.notFound('No public report with this ticket.');
      return c.json(await publicReportDetail(ctx, ctx.db, row), 200);
    }))
    .openapi(supportReport, async (c) => {
      await ctx.rateLimit.hit(`laksa:support:${c.get('clientIp')}`, 60, 3600);
      const row = await findByTicket(ctx.db, c.req.valid('param').ticket);
      if (!row || !isPublic(row)) throw problems.notFound('No public report with this ticket.');
      if (row.status === 'duplicate') throw problems.conflict('This report is a duplicate: support the report it duplicates.');
      // Once per account, or per client address and day: not per browser.
      const key = supportKey(ctx, row, { userId: c.get('user')?.id ?? null, address: c.get('clientIp') });
      return c.json(await support(ctx, c, row, key), 200);
    });
}
