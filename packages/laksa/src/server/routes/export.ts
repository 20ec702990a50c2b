/** The officers' CSV export: workflow data of the reports in their scope, streamed with core's CSV writer. */
import { createRoute, createRouter, csvHeaders, csvStream, errorResponses, z } from '@kota-kit/core/server';
import { stageOf, statsQuerySchema } from '../../schemas.js';
import { inboxQuery } from '../queries/reports.js';
import { currentDeadline, dayRange, isPast, period, todayOf } from '../services/calendar.js';
import { requireOfficer } from '../services/privacy.js';
import type { Ctx, ReportRow } from '../tables.js';
import { officerTags } from './common.js';

const exportCsv = createRoute({
  method: 'get',
  path: '/export.csv',
  tags: officerTags,
  summary: "CSV of the reports in the officer's scope, received in a period; workflow data only, no personal data and no free text",
  request: { query: statsQuerySchema },
  responses: { 200: { description: 'CSV with a header row', content: { 'text/csv': { schema: z.string() } } }, ...errorResponses(400, 401, 403) },
});

const header = ['ticket', 'type', 'category', 'agency', 'status', 'stage', 'kecamatan', 'kelurahan', 'source', 'confidential', 'anonymous', 'supporters', 'created_at', 'verified_at', 'forwarded_at', 'first_response_at', 'resolved_at', 'closed_at', 'verification_due', 'agency_due', 'overdue', 'rating'];
const pageSize = 1000;

export function exports(ctx: Ctx) {
  const cells = (row: ReportRow) => [
    row.ticket, row.type, row.category, row.agency_id, row.status, stageOf(row.status), row.kecamatan, row.kelurahan, row.source, row.confidential, row.anonymous, row.supporters,
    row.created_at, row.verified_at, row.forwarded_at, row.first_response_at, row.resolved_at, row.closed_at, row.verify_due, row.agency_due, isPast(ctx, currentDeadline(row).dueDate), row.rating,
  ];
  return createRouter().openapi(exportCsv, async (c) => {
    const { user, scope } = requireOfficer(ctx, c);
    const { from, to } = period(ctx, c.req.valid('query'));
    const { start, end } = dayRange(ctx, from, to);
    const selected = inboxQuery(ctx.db, scope, user, { all: 'true' }, todayOf(ctx)).selectAll().where('created_at', '>=', start).where('created_at', '<=', end);
    const { total } = await inboxQuery(ctx.db, scope, user, { all: 'true' }, todayOf(ctx))
      .where('created_at', '>=', start)
      .where('created_at', '<=', end)
      .select((eb) => eb.fn.countAll<number>().as('total'))
      .executeTakeFirstOrThrow();
    async function* pages() {
      for (let offset = 0; ; offset += pageSize) {
        const rows = await selected.orderBy('created_at').orderBy('id').limit(pageSize).offset(offset).execute();
        if (rows.length) yield rows;
        if (rows.length < pageSize) return;
      }
    }
    // The export itself is the officer's action the log records (no module data is written).
    await ctx.audit(c, { action: 'report.export', subjectType: 'export', subjectId: `${from}..${to}`, after: { rows: Number(total) } });
    const body = await csvStream(pages(), { header, cells, onError: (error) => ctx.log.error('export failed', { error }) });
    return c.body(body, 200, csvHeaders(`laksa_${from}_${to}.csv`));
  });
}
