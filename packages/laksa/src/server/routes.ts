import { addDays, endOfLocalDay, type SessionUser } from '@kota-kit/core';
import { createRoute, errorResponses, fieldErrors, ProblemError, problems, sql, z, type AppEnv, type ExpressionBuilder, type OpenAPIHono, type RequestContext } from '@kota-kit/core/server';
import {
  assignInputSchema,
  categoriesResponseSchema,
  colleaguesSchema,
  createReportResultSchema,
  createReportSchema,
  duplicateInputSchema,
  forwardInputSchema,
  inboxQuerySchema,
  inboxSchema,
  internalNoteInputSchema,
  mapResponseSchema,
  officerReportSchema,
  open311KeyCreatedSchema,
  open311KeyCreateSchema,
  open311KeySchema,
  publicReportDetailSchema,
  ratingInputSchema,
  rejectInputSchema,
  reopenInputSchema,
  reportListQuerySchema,
  reportListSchema,
  reportStatuses,
  respondInputSchema,
  startInputSchema,
  stageOf,
  statsQuerySchema,
  statsSchema,
  statusesOfStage,
  supportResultSchema,
  trackViewSchema,
  verifyInputSchema,
  type CreateReportInput,
  type ReportStatus,
  type StatsRow,
} from '../schemas.js';
import {
  agencyOpenStatuses,
  agencyStatuses,
  database,
  dueAfter,
  newSecret,
  publicStatuses,
  sha256,
  todayOf,
  verifierStatuses,
  type Ctx,
  type ReportRow,
  type Tables,
} from './db.js';
import { processPhoto, type ProcessedPhoto } from './photos.js';
import {
  canReopen,
  canSeeAsOfficer,
  categoryOf,
  createReport,
  findReportById,
  findReportByTicket,
  findReportByToken,
  forgetContact,
  handlesAgency,
  inboxItemView,
  isPublic,
  officerReportView,
  officerScope,
  publicReportDetail,
  publicReports,
  requireOfficer,
  reopenUntil,
  rootOf,
  storePhotos,
  trackView,
  transition,
  type Actor,
  type OfficerScope,
} from './service.js';

const tags = ['laksa'];
const officerTags = ['laksa (officers)'];
const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const ticketParam = z.object({ ticket: z.string().min(3).max(30) });
const tokenParam = z.object({ token: z.string().min(10).max(100) });
const idParam = z.object({ id: z.string().min(1).max(60) });

/** A report whose title contains `q` (LIKE wildcards taken literally) or whose ticket is `q`. */
function matchesSearch(q: string) {
  const like = `%${q.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
  return (eb: ExpressionBuilder<Tables, 'laksa_reports'>) => eb.or([eb('title', 'ilike', like), eb('ticket', '=', q.toUpperCase())]);
}

/** Where the browser app shows the reporter's private tracking page. */
export const trackingPath = (token: string) => `/laksa/track/${token}`;

const multipartLimitSlack = 200_000;

function isMultipart(c: RequestContext): boolean {
  return (c.req.header('content-type') ?? '').toLowerCase().startsWith('multipart/form-data');
}

/** Reads the files of a multipart field, checking count, size and type; photos come back re-encoded. */
async function photosFrom(ctx: Ctx, form: FormData, field: string): Promise<ProcessedPhoto[]> {
  const entries = form.getAll(field);
  if (entries.some((entry) => typeof entry === 'string')) throw problems.invalid([{ field: `body.${field}`, message: 'Send photos as files.' }]);
  const files = entries as File[];
  if (files.length > ctx.options.maxPhotos) {
    throw problems.invalid([{ field: `body.${field}`, message: `At most ${ctx.options.maxPhotos} photos.`, code: 'too_big' }]);
  }
  const photos: ProcessedPhoto[] = [];
  for (const [index, file] of files.entries()) photos.push(await processPhoto(new Uint8Array(await file.arrayBuffer()), `body.${field}.${index}`, ctx.options.maxPhotoBytes));
  return photos;
}

function checkBodySize(ctx: Ctx, c: RequestContext) {
  const length = Number(c.req.header('content-length') ?? 0);
  if (length > ctx.options.maxPhotos * ctx.options.maxPhotoBytes + multipartLimitSlack) {
    throw new ProblemError(413, 'Payload too large', { detail: `At most ${ctx.options.maxPhotos} photos of ${ctx.options.maxPhotoBytes} bytes each.` });
  }
}

/** The "today" of a region as an instant range [start, end] for a from/to date filter. */
function dayRange(ctx: Ctx, from: string, to: string): { start: Date; end: Date } {
  return { start: new Date(endOfLocalDay(addDays(from, -1), ctx.region.timeZone).getTime() + 1), end: endOfLocalDay(to, ctx.region.timeZone) };
}

const overdueSql = (today: string) =>
  sql<boolean>`((status in ('submitted', 'verified') and verify_due < ${today}) or (status in ('forwarded', 'in_progress', 'reopened') and agency_due < ${today}))`;

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return Math.round(value * 10) / 10;
}

const hoursBetween = (from: Date, to: Date) => (new Date(to).getTime() - new Date(from).getTime()) / 3_600_000;

export function statsRow(ctx: Ctx, id: string, name: string, rows: ReportRow[]): StatsRow {
  const counted = rows.filter((row) => row.status !== 'duplicate');
  const resolved = counted.filter((row) => row.resolved_at !== null);
  const firstResponses = counted.filter((row) => row.forwarded_at && row.first_response_at).map((row) => hoursBetween(row.forwarded_at!, row.first_response_at!));
  const resolutionHours = resolved.map((row) => hoursBetween(row.created_at, row.resolved_at!));
  const withDeadline = resolved.filter((row) => row.agency_due);
  const inTime = withDeadline.filter((row) => new Date(row.resolved_at!).getTime() <= endOfLocalDay(row.agency_due!, ctx.region.timeZone).getTime());
  const rated = counted.filter((row) => row.rating !== null);
  return {
    id,
    name,
    received: counted.length,
    open: counted.filter((row) => !['resolved', 'closed', 'rejected'].includes(row.status)).length,
    resolved: counted.filter((row) => row.status === 'resolved' || row.status === 'closed').length,
    rejected: counted.filter((row) => row.status === 'rejected').length,
    medianHoursToFirstResponse: median(firstResponses),
    medianHoursToResolution: median(resolutionHours),
    resolvedWithinDeadlineShare: withDeadline.length ? Math.round((inTime.length / withDeadline.length) * 1000) / 1000 : null,
    meanRating: rated.length ? Math.round((rated.reduce((sum, row) => sum + row.rating!, 0) / rated.length) * 100) / 100 : null,
    ratings: rated.length,
  };
}

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = value instanceof Date ? value.toISOString() : String(value);
  // A cell starting with = + - @ would be run as a formula by spreadsheet programs.
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function registerRoutes(api: OpenAPIHono<AppEnv>, ctx: Ctx): void {
  const db = database(ctx);
  const { options } = ctx;
  const agencyIds = new Set(ctx.region.agencies.map((agency) => agency.id));

  // ============================================================ public

  api.openapi(
    createRoute({ method: 'get', path: '/categories', tags, summary: 'Categories (each routed to an agency, with its deadline), kecamatan and upload limits', responses: { 200: json(categoriesResponseSchema, 'Categories') } }),
    (c) => {
      c.header('cache-control', 'public, max-age=300');
      return c.json(
        {
          categories: options.categories.map((category) => {
            const agency = ctx.region.agencies.find((item) => item.id === category.agency)!;
            return {
              id: category.id,
              name: category.name,
              ...(category.description ? { description: category.description } : {}),
              types: category.types,
              agency: { id: agency.id, shortName: agency.shortName, name: agency.name },
              deadlineWorkingDays: category.deadlineWorkingDays,
            };
          }),
          kecamatan: options.kecamatan,
          maxPhotos: options.maxPhotos,
          maxPhotoBytes: options.maxPhotoBytes,
          askNik: options.askNik,
        },
        200,
      );
    },
  );

  api.openapi(
    createRoute({
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
    }),
    async (c) => {
      await ctx.rateLimit.hit(`laksa:report:${c.get('clientIp')}`, options.rateLimitPerHour, 3600);
      let input: z.output<typeof createReportSchema>;
      let photos: ProcessedPhoto[] = [];
      let prefix = 'body';
      if (isMultipart(c)) {
        checkBodySize(ctx, c);
        prefix = 'body.report';
        const form = await c.req.formData();
        const raw = form.get('report');
        let value: unknown;
        try {
          value = typeof raw === 'string' ? JSON.parse(raw) : undefined;
        } catch {
          value = undefined;
        }
        if (value === undefined) throw problems.invalid([{ field: 'body.report', message: 'Send the report as JSON text in the field "report".' }]);
        const parsed = createReportSchema.safeParse(value);
        if (!parsed.success) throw problems.invalid(fieldErrors(parsed.error.issues, prefix, c.get('lang')));
        input = parsed.data;
        checkReportFields(input, prefix);
        photos = await photosFrom(ctx, form, 'photos');
      } else {
        const body = c.req.valid('json') as z.output<typeof createReportSchema> | Record<string, never>;
        if (!('type' in body)) throw problems.invalid([{ field: 'body', message: 'Send the report as JSON or multipart/form-data.' }]);
        input = body as z.output<typeof createReportSchema>;
        checkReportFields(input, prefix);
      }
      const kecamatan = input.location.kecamatan ? options.kecamatan.find((name) => name.toLowerCase() === input.location.kecamatan!.toLowerCase()) : undefined;
      const created = await createReport(ctx, { ...input, location: { ...input.location, kecamatan } }, photos, 'web');
      return c.json({ ticket: created.ticket, trackingToken: created.trackingToken, trackingUrl: trackingPath(created.trackingToken) }, 201);
    },
  );

  function checkReportFields(input: Pick<CreateReportInput, 'category' | 'type' | 'location' | 'contact'>, prefix: string) {
    const errors: { field: string; message: string; code?: string }[] = [];
    const category = categoryOf(ctx, input.category);
    if (!category) errors.push({ field: `${prefix}.category`, message: `Unknown category "${input.category}".` });
    else if (!category.types.includes(input.type)) errors.push({ field: `${prefix}.type`, message: `Category "${category.id}" accepts: ${category.types.join(', ')}.` });
    if (input.location.kecamatan && !options.kecamatan.some((name) => name.toLowerCase() === input.location.kecamatan!.toLowerCase())) {
      errors.push({ field: `${prefix}.location.kecamatan`, message: `Unknown kecamatan "${input.location.kecamatan}". One of: ${options.kecamatan.join(', ')}.` });
    }
    if (input.contact?.nik && !options.askNik) errors.push({ field: `${prefix}.contact.nik`, message: 'This region does not ask for the NIK; leave it out.' });
    if (errors.length) throw problems.invalid(errors);
  }

  const publicFilter = (query: z.output<typeof reportListQuerySchema>) => {
    let statuses: ReportStatus[] = publicStatuses.filter((status) => status !== 'duplicate');
    if (query.status || query.stage) {
      const wanted = query.status ? [query.status] : statusesOfStage[query.stage!];
      statuses = publicStatuses.filter((status) => wanted.includes(status));
    }
    let builder = db.selectFrom('laksa_reports').where('confidential', '=', false);
    builder = statuses.length ? builder.where('status', 'in', statuses) : builder.where(sql<boolean>`false`);
    if (query.category) builder = builder.where('category', '=', query.category);
    if (query.kecamatan) builder = builder.where(sql`lower(kecamatan)`, '=', query.kecamatan.toLowerCase());
    if (query.type) builder = builder.where('type', '=', query.type);
    if (query.q) builder = builder.where(matchesSearch(query.q));
    return builder;
  };

  api.openapi(
    createRoute({
      method: 'get',
      path: '/reports',
      tags,
      summary: 'Public reports (never confidential ones, never who sent them), newest first',
      description: 'Only reports the central room has verified. Duplicates are left out unless asked for with status=duplicate or stage=duplicate.',
      request: { query: reportListQuerySchema },
      responses: { 200: json(reportListSchema, 'A page of reports'), ...errorResponses(400) },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const filtered = publicFilter(query);
      const { total } = await filtered.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
      const rows = (await filtered
        .selectAll()
        .orderBy('created_at', 'desc')
        .orderBy('id')
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize)
        .execute()) as ReportRow[];
      return c.json({ items: await publicReports(ctx, rows), total: Number(total), page: query.page, pageSize: query.pageSize }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/map',
      tags,
      summary: 'Public reports with a map point (same filters as the list, at most 2000 newest)',
      request: { query: reportListQuerySchema.omit({ page: true, pageSize: true }) },
      responses: { 200: json(mapResponseSchema, 'Points'), ...errorResponses(400) },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const rows = await publicFilter({ ...query, page: 1, pageSize: 1 })
        .select(['ticket', 'lat', 'lng', 'status', 'category', 'title'])
        .where('lat', 'is not', null)
        .where('lng', 'is not', null)
        .orderBy('created_at', 'desc')
        .limit(2000)
        .execute();
      return c.json({ points: rows.map((row) => ({ ticket: row.ticket, lat: row.lat!, lng: row.lng!, status: row.status, stage: stageOf(row.status), category: row.category, title: row.title })) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/reports/{ticket}',
      tags,
      summary: 'A public report with its public timeline',
      request: { params: ticketParam },
      responses: { 200: json(publicReportDetailSchema, 'The report'), ...errorResponses(404) },
    }),
    async (c) => {
      const row = await findReportByTicket(ctx, c.req.valid('param').ticket);
      // A confidential or not yet verified report answers exactly like a missing one.
      if (!row || !isPublic(row)) throw problems.notFound('No public report with this ticket.');
      return c.json(await publicReportDetail(ctx, row), 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/reports/{ticket}/support',
      tags,
      summary: '"Me too": support a public report instead of sending a duplicate (once per person or device)',
      request: { params: ticketParam },
      responses: { 200: json(supportResultSchema, 'Supporters now'), ...errorResponses(404, 409, 429) },
    }),
    async (c) => {
      await ctx.rateLimit.hit(`laksa:support:${c.get('clientIp')}`, 60, 3600);
      const row = await findReportByTicket(ctx, c.req.valid('param').ticket);
      if (!row || !isPublic(row)) throw problems.notFound('No public report with this ticket.');
      if (row.status === 'duplicate') throw problems.conflict('This report is a duplicate: support the report it duplicates.');
      const user = c.get('user');
      const fingerprint = sha256(user ? `user:${user.id}` : `client:${c.get('clientIp')}|${c.req.header('user-agent') ?? ''}`);
      const inserted = await db.insertInto('laksa_supports').values({ report_id: row.id, fingerprint, created_at: ctx.clock.now() }).onConflict((oc) => oc.doNothing()).returning('report_id').executeTakeFirst();
      const updated = inserted
        ? await db.updateTable('laksa_reports').set({ supporters: sql`supporters + 1` }).where('id', '=', row.id).returning('supporters').executeTakeFirstOrThrow()
        : { supporters: row.supporters };
      return c.json({ supporters: updated.supporters, alreadySupported: !inserted }, 200);
    },
  );

  const byToken = async (token: string) => {
    const row = await findReportByToken(ctx, token);
    if (!row) throw problems.notFound('No report with this tracking link.');
    return row;
  };

  api.openapi(
    createRoute({
      method: 'get',
      path: '/track/{token}',
      tags,
      summary: "The reporter's private view through the tracking link (also confidential reports; no internal notes)",
      request: { params: tokenParam },
      responses: { 200: json(trackViewSchema, 'The report, as its reporter sees it'), ...errorResponses(404) },
    }),
    async (c) => {
      c.header('cache-control', 'private, no-store');
      return c.json(await trackView(ctx, await byToken(c.req.valid('param').token)), 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/track/{token}/rating',
      tags,
      summary: 'Rate the response 1–5 (after it is resolved; may be changed)',
      request: { params: tokenParam, body: { required: true, content: { 'application/json': { schema: ratingInputSchema } } } },
      responses: { 200: json(trackViewSchema, 'Updated'), ...errorResponses(400, 404, 409) },
    }),
    async (c) => {
      const row = await byToken(c.req.valid('param').token);
      const body = c.req.valid('json');
      await transition(ctx, { actor: null }, { kind: 'citizen', user: null }, row.id, {
        action: 'rate',
        from: ['resolved', 'closed'],
        to: null,
        kind: 'rating',
        note: null,
        set: (_row, now) => ({ rating: body.rating, rating_comment: body.comment ?? null, rated_at: now }),
      });
      return c.json(await trackView(ctx, (await findReportById(ctx, row.id))!), 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/track/{token}/reopen',
      tags,
      summary: 'Not solved: reopen within the allowed working days after the response (back to the agency)',
      request: { params: tokenParam, body: { required: true, content: { 'application/json': { schema: reopenInputSchema } } } },
      responses: { 200: json(trackViewSchema, 'Reopened'), ...errorResponses(400, 404, 409) },
    }),
    async (c) => {
      const row = await byToken(c.req.valid('param').token);
      const { reason } = c.req.valid('json');
      if (row.status === 'resolved' && !canReopen(ctx, row)) {
        throw problems.conflict(`The period to reopen ended on ${reopenUntil(ctx, row)}.`, [{ field: 'status', message: 'reopen period over', code: 'reopen_expired' }]);
      }
      const category = categoryOf(ctx, row.category);
      await transition(ctx, { actor: null }, { kind: 'citizen', user: null }, row.id, {
        action: 'reopen',
        from: ['resolved'],
        to: 'reopened',
        kind: 'reopen',
        note: reason,
        check: (locked) => {
          if (!canReopen(ctx, locked)) throw problems.conflict(`The period to reopen ended on ${reopenUntil(ctx, locked)}.`);
        },
        set: (_row, now) => ({ resolved_at: null, agency_due: dueAfter(ctx, now, category?.deadlineWorkingDays ?? 5), agency_overdue_at: null }),
      });
      return c.json(await trackView(ctx, (await findReportById(ctx, row.id))!), 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/track/{token}/forget-contact',
      tags,
      summary: "Delete the reporter's contact data (name, email, phone, NIK) for this report; the report itself stays",
      description:
        "The right to erasure of UU PDP 27/2022. After it the reporter gets no notifications (the `status-changed` event carries `reporter: null`) and officers see no contact. An internal event and an audit entry record that it happened, without the deleted values. Idempotent: calling again answers the same view. Cannot be undone.",
      request: { params: tokenParam },
      responses: { 200: json(trackViewSchema, 'The report, with `contactDeleted: true` and `contactFields: []`'), ...errorResponses(404) },
    }),
    async (c) => {
      c.header('cache-control', 'private, no-store');
      const row = await byToken(c.req.valid('param').token);
      return c.json(await trackView(ctx, await forgetContact(ctx, row.id)), 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/photos/{id}',
      tags,
      summary: 'A photo (JPEG without metadata), if its report is visible to the caller',
      description: 'Public reports: anyone. Otherwise an officer who may see the report, or the reporter with `?token=` (the tracking token).',
      request: { params: idParam, query: z.object({ token: z.string().max(100).optional() }) },
      responses: { 200: { description: 'The image', content: { 'image/jpeg': { schema: z.string() } } }, ...errorResponses(404) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { token } = c.req.valid('query');
      const photo = /^[0-9a-f-]{36}$/i.test(id) ? await db.selectFrom('laksa_photos').selectAll().where('id', '=', id).executeTakeFirst() : undefined;
      const row = photo ? await findReportById(ctx, photo.report_id) : undefined;
      if (!photo || !row) throw problems.notFound();
      const open = isPublic(row);
      const scope = officerScope(ctx, c.get('user'));
      const allowed = open || (scope && canSeeAsOfficer(scope, row)) || (token && sha256(token) === row.tracking_hash);
      if (!allowed) throw problems.notFound();
      const stored = await ctx.storage.get(photo.storage_key);
      if (!stored) throw problems.notFound();
      return c.body(new Uint8Array(stored.data), 200, {
        'content-type': 'image/jpeg',
        'cache-control': open ? 'public, max-age=3600' : 'private, no-store',
      });
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/stats',
      tags,
      summary: 'Public statistics per category and agency for reports received in a period (default: the last 90 days)',
      description:
        'Counts include confidential reports (no content is shown) and leave out duplicates. First response: hours from forwarding to the agency\'s first public action (start or response). Resolution: hours from submission to resolution. Within deadline: resolved by the end of the agency\'s due date.',
      request: { query: statsQuerySchema },
      responses: { 200: json(statsSchema, 'Statistics'), ...errorResponses(400) },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const to = query.to ?? todayOf(ctx);
      const from = query.from ?? addDays(to, -89);
      if (from > to) throw problems.invalid([{ field: 'query.from', message: '"from" must not be after "to".' }]);
      if (addDays(from, 731) <= to) throw problems.invalid([{ field: 'query.from', message: 'At most two years at once.' }]);
      const { start, end } = dayRange(ctx, from, to);
      const rows = (await db.selectFrom('laksa_reports').selectAll().where('created_at', '>=', start).where('created_at', '<=', end).execute()) as ReportRow[];
      const byCategory = options.categories.map((category) =>
        statsRow(
          ctx,
          category.id,
          category.name.id,
          rows.filter((row) => row.category === category.id),
        ),
      );
      const byAgency = ctx.region.agencies
        .map((agency) =>
          statsRow(
            ctx,
            agency.id,
            agency.shortName,
            rows.filter((row) => row.agency_id === agency.id),
          ),
        )
        .filter((row) => row.received > 0 || options.categories.some((category) => category.agency === row.id));
      c.header('cache-control', 'public, max-age=300');
      return c.json({ from, to, total: statsRow(ctx, 'all', 'all', rows), byCategory, byAgency }, 200);
    },
  );

  // ============================================================ officers

  const inboxFilter = (scope: OfficerScope, user: SessionUser, query: z.output<typeof inboxQuerySchema>) => {
    const today = todayOf(ctx);
    let builder = db.selectFrom('laksa_reports');
    if (!scope.verifier) {
      const agencies = scope.agencies === 'all' ? null : scope.agencies;
      builder = builder.where('status', 'in', agencyStatuses);
      if (agencies) builder = agencies.length ? builder.where('agency_id', 'in', agencies) : builder.where(sql<boolean>`false`);
    }
    if (query.status) builder = builder.where('status', '=', query.status);
    else if (query.stage) builder = builder.where('status', 'in', statusesOfStage[query.stage]);
    else if (query.all !== 'true') builder = builder.where('status', 'in', scope.verifier ? [...verifierStatuses, ...agencyOpenStatuses] : agencyOpenStatuses);
    if (query.category) builder = builder.where('category', '=', query.category);
    if (query.kecamatan) builder = builder.where(sql`lower(kecamatan)`, '=', query.kecamatan.toLowerCase());
    if (query.agency) builder = builder.where('agency_id', '=', query.agency);
    if (query.overdue === 'true') builder = builder.where(overdueSql(today));
    if (query.overdue === 'false') builder = builder.where(sql<boolean>`not ${overdueSql(today)}`);
    if (query.assignedToMe === 'true') builder = builder.where('assignee_id', '=', user.id);
    if (query.q) builder = builder.where(matchesSearch(query.q));
    return builder;
  };

  api.openapi(
    createRoute({
      method: 'get',
      path: '/inbox',
      tags: officerTags,
      summary: "Officer inbox, overdue first: the central room sees new and verified reports, an agency's handlers their agency's",
      description: 'Default: open work only (verifier: submitted, verified and reports with agencies; handler: forwarded, in_progress, reopened). `all=true` adds finished ones.',
      request: { query: inboxQuerySchema },
      responses: { 200: json(inboxSchema, 'A page of the inbox'), ...errorResponses(400, 401, 403) },
    }),
    async (c) => {
      const { user, scope } = requireOfficer(ctx, c);
      const query = c.req.valid('query');
      const today = todayOf(ctx);
      const filtered = inboxFilter(scope, user, query);
      const { total } = await filtered.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
      const rows = (await filtered
        .selectAll()
        .orderBy(sql`case when ${overdueSql(today)} then 0 else 1 end`)
        .orderBy(sql`case when status in ('submitted', 'verified') then verify_due else agency_due end`, 'asc')
        .orderBy('created_at', 'asc')
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize)
        .execute()) as ReportRow[];
      return c.json({ items: rows.map((row) => inboxItemView(ctx, row)), total: Number(total), page: query.page, pageSize: query.pageSize }, 200);
    },
  );

  const officerReport = async (c: RequestContext, id: string) => {
    const { user, scope } = requireOfficer(ctx, c);
    const row = await findReportById(ctx, id);
    if (!row) throw problems.notFound('No such report.');
    if (!canSeeAsOfficer(scope, row)) throw problems.forbidden('This report is not in your inbox.');
    return { user, scope, row };
  };

  api.openapi(
    createRoute({
      method: 'get',
      path: '/inbox/{id}',
      tags: officerTags,
      summary: 'One report as officers see it: full timeline with internal notes; reporter contact masked (absent if anonymous); each view of contact audited',
      request: { params: idParam },
      responses: { 200: json(officerReportSchema, 'The report'), ...errorResponses(401, 403, 404) },
    }),
    async (c) => {
      const { scope, row } = await officerReport(c, c.req.valid('param').id);
      return c.json(await officerReportView(ctx, c, scope, row), 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/colleagues',
      tags: officerTags,
      summary: 'Handlers of an agency, to assign a report to',
      request: { query: z.object({ agency: z.string().min(1) }) },
      responses: { 200: json(colleaguesSchema, 'Handlers'), ...errorResponses(400, 401, 403) },
    }),
    async (c) => {
      const { scope } = requireOfficer(ctx, c);
      const { agency } = c.req.valid('query');
      if (!scope.verifier && !handlesAgency(scope, agency)) throw problems.forbidden('Not your agency.');
      return c.json({ colleagues: await handlersOf(agency) }, 200);
    },
  );

  async function handlersOf(agency: string) {
    const seen = new Set<string>();
    return (await ctx.people.withRole('handler', agency)).filter((row) => !seen.has(row.id) && seen.add(row.id)).map((row) => ({ id: row.id, name: row.name }));
  }

  /** Registers POST /inbox/{id}/<action>. */
  function action<S extends z.ZodType>(
    name: string,
    summary: string,
    schema: S,
    run: (c: RequestContext, context: { user: SessionUser; scope: OfficerScope; row: ReportRow; body: z.output<S> }) => Promise<void>,
    multipart?: z.ZodType,
  ) {
    api.openapi(
      createRoute({
        method: 'post',
        path: `/inbox/{id}/${name}`,
        tags: officerTags,
        summary,
        request: {
          params: idParam,
          body: { required: !multipart, content: { 'application/json': { schema }, ...(multipart ? { 'multipart/form-data': { schema: multipart } } : {}) } },
        },
        responses: { 200: json(officerReportSchema, 'The report after the action'), ...errorResponses(400, 401, 403, 404, 409) },
      }),
      async (c) => {
        // The route's path is built from `name`, which hides the param types from the compiler.
        const request = c.req as unknown as { valid(target: 'param' | 'json'): unknown };
        const { user, scope, row } = await officerReport(c, (request.valid('param') as { id: string }).id);
        const body = (multipart && isMultipart(c) ? {} : request.valid('json')) as z.output<S>;
        await run(c, { user, scope, row, body });
        const after = (await findReportById(ctx, row.id))!;
        // An officer who just forwarded a report away may no longer see it: answer with the inbox view then.
        if (!canSeeAsOfficer(scope, after)) {
          // Handed to another agency: no longer this officer's report, so no contact, photos or timeline.
          return c.json(
            {
              ...inboxItemView(ctx, after),
              description: after.description,
              address: after.address,
              kelurahan: after.kelurahan,
              lat: after.lat,
              lng: after.lng,
              photos: [],
              timeline: [],
              reporter: null,
              rejectReason: after.reject_reason,
              duplicateOf: null,
              rating: after.rating,
              ratingComment: null,
              allowedActions: [],
              verificationDueDate: after.verify_due,
              agencyDueDate: after.agency_due,
            },
            200,
          );
        }
        return c.json(await officerReportView(ctx, c, scope, after), 200);
      },
    );
  }

  const requireVerifier = (scope: OfficerScope) => {
    if (!scope.verifier) throw problems.forbidden('This needs the role laksa:verifier (central room).');
  };
  const requireHandlerOf = (scope: OfficerScope, row: ReportRow) => {
    if (!handlesAgency(scope, row.agency_id)) throw problems.forbidden(`This needs the role laksa:handler for agency "${row.agency_id}".`);
  };
  const sameAgency = (agencyId: string) => (locked: ReportRow) => {
    if (locked.agency_id !== agencyId) throw problems.conflict('The report was forwarded to another agency meanwhile.');
  };
  const verifierActor = (user: SessionUser): Actor => ({ kind: 'verifier', user });
  const agencyActor = (user: SessionUser): Actor => ({ kind: 'agency', user });

  action('verify', 'Central room: the report is complete and genuine (submitted → verified)', verifyInputSchema, async (c, { user, scope, row, body }) => {
    requireVerifier(scope);
    await transition(ctx, c, verifierActor(user), row.id, { action: 'verify', from: ['submitted'], to: 'verified', kind: 'status', note: body.note || null, set: (_row, now) => ({ verified_at: now }) });
  });

  action('reject', 'Central room: reject with a reason, e.g. not the region\'s authority, spam (submitted|verified → rejected)', rejectInputSchema, async (c, { user, scope, row, body }) => {
    requireVerifier(scope);
    await transition(ctx, c, verifierActor(user), row.id, {
      action: 'reject',
      from: ['submitted', 'verified'],
      to: 'rejected',
      kind: 'status',
      note: body.note,
      set: (_row, now) => ({ reject_reason: body.reason, closed_at: now }),
    });
  });

  action(
    'forward',
    "Forward to an agency. Central room: verified → forwarded, or re-route a report an agency holds. Handler: hand its agency's open report directly to another agency (the room is not asked again; the new agency's deadline starts now).",
    forwardInputSchema,
    async (c, { user, scope, row, body }) => {
      if (!agencyIds.has(body.agency)) throw problems.invalid([{ field: 'body.agency', message: `Unknown agency "${body.agency}".` }]);
      const asVerifier = scope.verifier;
      if (!asVerifier) {
        requireHandlerOf(scope, row);
        if (body.agency === row.agency_id) throw problems.invalid([{ field: 'body.agency', message: 'The report is already with this agency.' }]);
      }
      const category = categoryOf(ctx, row.category);
      await transition(ctx, c, asVerifier ? verifierActor(user) : agencyActor(user), row.id, {
        action: 'forward',
        from: asVerifier ? ['verified', ...agencyOpenStatuses] : agencyOpenStatuses,
        to: 'forwarded',
        kind: 'status',
        note: body.note || null,
        check: asVerifier ? undefined : sameAgency(row.agency_id),
        set: (_row, now) => ({
          agency_id: body.agency,
          forwarded_at: now,
          agency_due: dueAfter(ctx, now, category?.deadlineWorkingDays ?? 5),
          agency_overdue_at: null,
          assignee_id: null,
          assignee_name: null,
        }),
      });
    },
  );

  action('start', 'Agency: take the report in hand (forwarded|reopened → in_progress)', startInputSchema, async (c, { user, scope, row, body }) => {
    requireHandlerOf(scope, row);
    await transition(ctx, c, agencyActor(user), row.id, {
      action: 'start',
      from: ['forwarded', 'reopened'],
      to: 'in_progress',
      kind: 'status',
      note: body.note || null,
      check: sameAgency(row.agency_id),
      set: (locked, now) => ({ first_response_at: locked.first_response_at ?? now }),
    });
  });

  action('assign', 'Agency: assign to a colleague (a handler of the same agency), or unassign with null; internal', assignInputSchema, async (c, { user, scope, row, body }) => {
    requireHandlerOf(scope, row);
    let name: string | null = null;
    if (body.userId) {
      const colleague = (await handlersOf(row.agency_id)).find((item) => item.id === body.userId);
      if (!colleague) throw problems.invalid([{ field: 'body.userId', message: `Not a handler of agency "${row.agency_id}".` }]);
      name = colleague.name;
    }
    await transition(ctx, c, agencyActor(user), row.id, {
      action: 'assign',
      from: agencyOpenStatuses,
      to: null,
      kind: 'assign',
      internal: true,
      note: name ? `→ ${name}` : '→ —',
      check: sameAgency(row.agency_id),
      set: () => ({ assignee_id: body.userId, assignee_name: name }),
    });
  });

  action('note', 'Internal note (never shown to the public or the reporter)', internalNoteInputSchema, async (c, { user, scope, row, body }) => {
    await transition(ctx, c, scope.verifier ? verifierActor(user) : agencyActor(user), row.id, { action: 'note', from: reportStatuses, to: null, kind: 'note', internal: true, note: body.text });
  });

  action(
    'respond',
    'Agency: official public response with photos of the finished work; resolves the report (in_progress → resolved). JSON, or multipart with `response` text and `photos` files.',
    respondInputSchema,
    async (c, { user, scope, row, body }) => {
      requireHandlerOf(scope, row);
      let response = body.response as string | undefined;
      let photos: ProcessedPhoto[] = [];
      if (isMultipart(c)) {
        checkBodySize(ctx, c);
        const form = await c.req.formData();
        const parsed = respondInputSchema.safeParse({ response: form.get('response') ?? undefined });
        if (!parsed.success) throw problems.invalid(fieldErrors(parsed.error.issues, 'body', c.get('lang')));
        response = parsed.data.response;
        photos = await photosFrom(ctx, form, 'photos');
      }
      const { eventId } = await transition(ctx, c, agencyActor(user), row.id, {
        action: 'respond',
        from: ['in_progress'],
        to: 'resolved',
        kind: 'response',
        note: response!,
        check: sameAgency(row.agency_id),
        set: (locked, now) => ({ resolved_at: now, first_response_at: locked.first_response_at ?? now }),
      });
      await storePhotos(ctx, row.id, 'resolution', photos, eventId);
    },
    z.object({ response: z.string(), photos: z.any().optional() }),
  );

  action(
    'duplicate',
    "Central room: mark as duplicate of another report (submitted|verified → duplicate); its reporter follows the original and its voice adds to the original's supporters",
    duplicateInputSchema,
    async (c, { user, scope, row, body }) => {
      requireVerifier(scope);
      const target = await findReportByTicket(ctx, body.of);
      if (!target) throw problems.invalid([{ field: 'body.of', message: `No report with ticket "${body.of}".` }]);
      const original = await rootOf(ctx, target.id);
      if (!original || original.id === row.id) throw problems.invalid([{ field: 'body.of', message: 'A report cannot duplicate itself.' }]);
      if (original.status === 'rejected') throw problems.invalid([{ field: 'body.of', message: 'The original was rejected; reject this one or handle it on its own.' }]);
      await transition(ctx, c, verifierActor(user), row.id, {
        action: 'duplicate',
        from: ['submitted', 'verified'],
        to: 'duplicate',
        kind: 'status',
        note: body.note || `Digabung dengan laporan ${original.ticket} / Merged into report ${original.ticket}`,
        set: (_row, now) => ({ duplicate_of: original.id, closed_at: now }),
      });
      await db
        .updateTable('laksa_reports')
        .set({ supporters: sql`supporters + ${1 + row.supporters}` })
        .where('id', '=', original.id)
        .execute();
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/export.csv',
      tags: officerTags,
      summary: 'CSV of the reports in the officer\'s scope, received in a period; workflow data only, no personal data and no free text',
      request: { query: statsQuerySchema },
      responses: { 200: { description: 'CSV with a header row', content: { 'text/csv': { schema: z.string() } } }, ...errorResponses(400, 401, 403) },
    }),
    async (c) => {
      const { user, scope } = requireOfficer(ctx, c);
      const query = c.req.valid('query');
      const to = query.to ?? todayOf(ctx);
      const from = query.from ?? addDays(to, -89);
      const { start, end } = dayRange(ctx, from, to);
      const rows = (await inboxFilter(scope, user, { all: 'true', page: 1, pageSize: 1 })
        .selectAll()
        .where('created_at', '>=', start)
        .where('created_at', '<=', end)
        .orderBy('created_at')
        .execute()) as ReportRow[];
      const columns = ['ticket', 'type', 'category', 'agency', 'status', 'stage', 'kecamatan', 'kelurahan', 'source', 'confidential', 'anonymous', 'supporters', 'created_at', 'verified_at', 'forwarded_at', 'first_response_at', 'resolved_at', 'closed_at', 'verification_due', 'agency_due', 'overdue', 'rating'];
      const lines = [columns.join(',')];
      for (const row of rows) {
        const item = inboxItemView(ctx, row);
        lines.push(
          [row.ticket, row.type, row.category, row.agency_id, row.status, item.stage, row.kecamatan, row.kelurahan, row.source, row.confidential, row.anonymous, row.supporters, row.created_at, row.verified_at, row.forwarded_at, row.first_response_at, row.resolved_at, row.closed_at, row.verify_due, row.agency_due, item.overdue, row.rating]
            .map(csvCell)
            .join(','),
        );
      }
      await ctx.audit(c, { action: 'report.export', subjectType: 'export', subjectId: `${from}..${to}`, after: { rows: rows.length } });
      return c.body(`${lines.join('\r\n')}\r\n`, 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="laksa_${from}_${to}.csv"` });
    },
  );

  // ============================================================ Open311 keys

  const keyView = (row: { id: string; name: string; prefix: string; created_at: Date; created_by: string | null; last_used_at: Date | null; revoked_at: Date | null }) => ({
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: new Date(row.created_at).toISOString(),
    createdBy: row.created_by,
    lastUsedAt: row.last_used_at ? new Date(row.last_used_at).toISOString() : null,
    revokedAt: row.revoked_at ? new Date(row.revoked_at).toISOString() : null,
  });

  api.openapi(
    createRoute({ method: 'get', path: '/open311-keys', tags: officerTags, summary: 'Open311 API keys (central room or admin)', responses: { 200: json(z.object({ keys: z.array(open311KeySchema) }), 'Keys, without the secrets'), ...errorResponses(401, 403) } }),
    async (c) => {
      ctx.access.requireRole(c, 'verifier');
      const rows = await db.selectFrom('laksa_open311_keys').selectAll().orderBy('created_at', 'desc').execute();
      return c.json({ keys: rows.map(keyView) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/open311-keys',
      tags: officerTags,
      summary: 'Create an Open311 API key for a third-party client; the key is shown only in this answer',
      request: { body: { required: true, content: { 'application/json': { schema: open311KeyCreateSchema } } } },
      responses: { 201: json(open311KeyCreatedSchema, 'The new key'), ...errorResponses(400, 401, 403) },
    }),
    async (c) => {
      const user = ctx.access.requireRole(c, 'verifier');
      const key = `lks_${newSecret(24)}`;
      const row = await db
        .insertInto('laksa_open311_keys')
        .values({ name: c.req.valid('json').name, key_hash: sha256(key), prefix: key.slice(0, 8), created_at: ctx.clock.now(), created_by: user.name, last_used_at: null, revoked_at: null })
        .returningAll()
        .executeTakeFirstOrThrow();
      await ctx.audit(c, { action: 'open311-key.create', subjectType: 'open311-key', subjectId: row.id, after: { name: row.name, prefix: row.prefix } });
      return c.json({ ...keyView(row), key }, 201);
    },
  );

  api.openapi(
    createRoute({
      method: 'delete',
      path: '/open311-keys/{id}',
      tags: officerTags,
      summary: 'Revoke an Open311 API key',
      request: { params: idParam },
      responses: { 200: json(open311KeySchema, 'Revoked'), ...errorResponses(401, 403, 404) },
    }),
    async (c) => {
      ctx.access.requireRole(c, 'verifier');
      const { id } = c.req.valid('param');
      const row = /^[0-9a-f-]{36}$/i.test(id)
        ? await db.updateTable('laksa_open311_keys').set({ revoked_at: ctx.clock.now() }).where('id', '=', id).where('revoked_at', 'is', null).returningAll().executeTakeFirst()
        : undefined;
      if (!row) throw problems.notFound('No active key with this id.');
      await ctx.audit(c, { action: 'open311-key.revoke', subjectType: 'open311-key', subjectId: row.id, before: { name: row.name, prefix: row.prefix } });
      return c.json(keyView(row), 200);
    },
  );

}
