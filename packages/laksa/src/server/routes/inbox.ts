/** The officers' inbox: the list, one report as officers see it, and colleagues to assign to. */
import { createRoute, createRouter, errorResponses, problems, z, type RequestContext } from '@kota-kit/core/server';
import { colleaguesSchema, inboxQuerySchema, inboxSchema, inboxTabsSchema, officerReportSchema } from '../../schemas.js';
import { findById, inboxOrder, inboxQuery, inboxTabsOf } from '../queries/reports.js';
import { todayOf } from '../services/calendar.js';
import { canSeeAsOfficer, handlesAgency, requireOfficer } from '../services/privacy.js';
import { inboxItemView, officerReportView } from '../services/views.js';
import type { Ctx } from '../tables.js';
import { idParam, json, officerTags } from './common.js';

const list = createRoute({
  method: 'get',
  path: '/inbox',
  tags: officerTags,
  summary: "Officer inbox, overdue first: the central room sees new and verified reports, an agency's handlers their agency's",
  description: 'Default: open work only (verifier: submitted, verified and reports with agencies; handler: forwarded, in_progress, reopened). `all=true` adds finished ones.',
  request: { query: inboxQuerySchema },
  responses: { 200: json(inboxSchema, 'A page of the inbox'), ...errorResponses(400, 401, 403) },
});

const tabs = createRoute({
  method: 'get',
  path: '/inbox/tabs',
  tags: officerTags,
  summary: "The signed-in officer's inbox tabs by what they must do, with counts; `todo` (to verify and to handle) is the home task link's count",
  responses: { 200: json(inboxTabsSchema, 'Tabs and counts'), ...errorResponses(401, 403) },
});

const one = createRoute({
  method: 'get',
  path: '/inbox/{id}',
  tags: officerTags,
  summary: 'One report as officers see it: full timeline with internal notes; reporter contact masked (absent if anonymous); each view of contact audited',
  request: { params: idParam },
  responses: { 200: json(officerReportSchema, 'The report'), ...errorResponses(400, 401, 403, 404) },
});

const colleagues = createRoute({
  method: 'get',
  path: '/colleagues',
  tags: officerTags,
  summary: 'Handlers of an agency, to assign a report to',
  request: { query: z.object({ agency: z.string().min(1).max(60) }) },
  responses: { 200: json(colleaguesSchema, 'Handlers'), ...errorResponses(400, 401, 403) },
});

/** The report `id` if the signed-in officer may see it: 401/403/404 otherwise. */
export async function officerReport(ctx: Ctx, c: RequestContext, id: string) {
  const { user, scope } = requireOfficer(ctx, c);
  const row = await findById(ctx.db, id);
  if (!row) throw problems.notFound('No such report.');
  if (!canSeeAsOfficer(scope, row)) throw problems.forbidden('This report is not in your inbox.');
  return { user, scope, row };
}

/** Handlers of an agency (one entry per person). */
export async function handlersOf(ctx: Ctx, agency: string) {
  const seen = new Set<string>();
  return (await ctx.people.withRole('handler', agency)).filter((row) => !seen.has(row.id) && seen.add(row.id)).map((row) => ({ id: row.id, name: row.name }));
}

export function inbox(ctx: Ctx) {
  return createRouter()
    .openapi(list, async (c) => {
      const { user, scope } = requireOfficer(ctx, c);
      const query = c.req.valid('query');
      const today = todayOf(ctx);
      const filtered = inboxQuery(ctx.db, scope, user, query, today);
      const { total } = await filtered.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
      const [overdueFirst, byDeadline] = inboxOrder(today);
      const rows = await filtered
        .selectAll()
        .orderBy(overdueFirst)
        .orderBy(byDeadline, 'asc')
        .orderBy('created_at', 'asc')
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize)
        .execute();
      return c.json({ items: rows.map((row) => inboxItemView(ctx, row)), total: Number(total), page: query.page, pageSize: query.pageSize }, 200);
    })
    // Before /inbox/{id}, which would take "tabs" for an id.
    .openapi(tabs, async (c) => {
      const { user, scope } = requireOfficer(ctx, c);
      const today = todayOf(ctx);
      const counted = await Promise.all(
        inboxTabsOf(scope).map(async (tab) => {
          if (tab === 'done') return { tab, count: null };
          const { total } = await inboxQuery(ctx.db, scope, user, { tab }, today)
            .select((eb) => eb.fn.countAll<number>().as('total'))
            .executeTakeFirstOrThrow();
          return { tab, count: Number(total) };
        }),
      );
      const todo = counted.filter((entry) => entry.tab === 'verify' || entry.tab === 'handle').reduce((sum, entry) => sum + (entry.count ?? 0), 0);
      return c.json({ tabs: counted, todo }, 200);
    })
    .openapi(one, async (c) => {
      const { scope, row } = await officerReport(ctx, c, c.req.valid('param').id);
      return c.json(await officerReportView(ctx, c, scope, row), 200);
    })
    .openapi(colleagues, async (c) => {
      const { scope } = requireOfficer(ctx, c);
      const { agency } = c.req.valid('query');
      if (!scope.verifier && !handlesAgency(scope, agency)) throw problems.forbidden('Not your agency.');
      return c.json({ colleagues: await handlersOf(ctx, agency) }, 200);
    });
}
