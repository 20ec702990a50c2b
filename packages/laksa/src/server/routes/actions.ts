/**
 * The officers' workflow actions, POST /inbox/{id}/<action>: each runs one step of the transition table
 * (services/workflow-rules.ts) as one unit of work and answers the report as the officer now sees it.
 */
import type { SessionUser } from '@kota-kit/core';
import { createRoute, createRouter, errorResponses, fieldErrors, problems, sql, z, type RequestContext } from '@kota-kit/core/server';
import {
  assignInputSchema,
  duplicateInputSchema,
  forwardInputSchema,
  internalNoteInputSchema,
  officerReportSchema,
  progressInputSchema,
  rejectInputSchema,
  respondInputSchema,
  startInputSchema,
  verifyAndForwardInputSchema,
  verifyInputSchema,
} from '../../schemas.js';
import { findById, findByTicket, rootOf } from '../queries/reports.js';
import { dueAfter } from '../services/calendar.js';
import { checkBodySize, insertPhotoRows, isMultipart, photosFrom, storePhotoFiles, type StoredPhoto } from '../services/photos.js';
import { canSeeAsOfficer, handlesAgency, type OfficerScope } from '../services/privacy.js';
import { categoryOf } from '../services/reports.js';
import { handedOverView, officerReportView } from '../services/views.js';
import { transition, transitionSteps, type Actor, type TransitionSpec } from '../services/workflow.js';
import type { Ctx, ReportRow } from '../tables.js';
import { idParam, json, officerTags } from './common.js';
import { handlersOf, officerReport } from './inbox.js';

const responses = { 200: json(officerReportSchema, 'The report after the action'), ...errorResponses(400, 401, 403, 404, 409) };

function actionRoute<N extends string, S extends z.ZodType>(name: N, summary: string, schema: S) {
  const path = `/inbox/{id}/${name}` as const;
  return createRoute({ method: 'post', path, tags: officerTags, summary, request: { params: idParam, body: { required: true, content: { 'application/json': { schema } } } }, responses });
}

const verify = actionRoute('verify', 'Central room: the report is complete and genuine (submitted → verified)', verifyInputSchema);
const reject = actionRoute('reject', "Central room: reject with a reason, e.g. not the region's authority, spam (submitted|verified → rejected)", rejectInputSchema);
const forward = actionRoute(
  'forward',
  "Forward to an agency. Central room: verified → forwarded, or re-route a report an agency holds. Handler: hand its agency's open report directly to another agency (the room is not asked again; the new agency's deadline starts now).",
  forwardInputSchema,
);
const verifyAndForward = actionRoute(
  'verify-and-forward',
  'Central room: verify and forward to an agency in one step (submitted → verified → forwarded), as one unit of work: both steps or neither, each audited, both `laksa.report.status-changed` events after the commit',
  verifyAndForwardInputSchema,
);
const start = actionRoute('start', 'Agency: take the report in hand (forwarded|reopened → in_progress)', startInputSchema);
const assign = actionRoute('assign', 'Agency: assign to a colleague (a handler of the same agency), or unassign with null; internal', assignInputSchema);
const note = actionRoute('note', 'Internal note (never shown to the public or the reporter)', internalNoteInputSchema);
const duplicate = actionRoute(
  'duplicate',
  "Central room: mark as duplicate of another report (submitted|verified → duplicate); its reporter follows the original and its voice adds to the original's supporters",
  duplicateInputSchema,
);
const respond = createRoute({
  method: 'post',
  path: '/inbox/{id}/respond',
  tags: officerTags,
  summary:
    'Agency: official public response with photos of the finished work; resolves the report (in_progress → resolved). JSON, or multipart with `response` text and `photos` files.',
  request: {
    params: idParam,
    body: { required: false, content: { 'application/json': { schema: respondInputSchema }, 'multipart/form-data': { schema: z.object({ response: z.string(), photos: z.any().optional() }) } } },
  },
  responses,
});

const progress = createRoute({
  method: 'post',
  path: '/inbox/{id}/progress',
  tags: officerTags,
  summary:
    "Agency: a public progress update with optional photos; the report stays in progress (the reporter sees it on the tracking page; emits `laksa.report.progress`). JSON, or multipart with `note` text and `photos` files.",
  request: {
    params: idParam,
    body: { required: false, content: { 'application/json': { schema: progressInputSchema }, 'multipart/form-data': { schema: z.object({ note: z.string(), photos: z.any().optional() }) } } },
  },
  responses,
});

const verifierActor = (user: SessionUser): Actor => ({ kind: 'verifier', user });
const agencyActor = (user: SessionUser): Actor => ({ kind: 'agency', user });

function requireVerifier(scope: OfficerScope) {
  if (!scope.verifier) throw problems.forbidden('This needs the role laksa:verifier (central room).');
}
function requireHandlerOf(scope: OfficerScope, row: ReportRow) {
  if (!handlesAgency(scope, row.agency_id)) throw problems.forbidden(`This needs the role laksa:handler for agency "${row.agency_id}".`);
}
const sameAgency = (agencyId: string) => (locked: ReportRow) => {
  if (locked.agency_id !== agencyId) throw problems.conflict('The report was forwarded to another agency meanwhile.');
};

export function actions(ctx: Ctx) {
  const agencyIds = new Set(ctx.region.agencies.map((agency) => agency.id));
  /** The report after the action; an officer who just handed it to another agency no longer sees its details. */
  const answer = async (c: RequestContext, scope: OfficerScope, id: string) => {
    const after = (await findById(ctx.db, id))!;
    return canSeeAsOfficer(scope, after) ? officerReportView(ctx, c, scope, after) : handedOverView(ctx, after);
  };

  /** The columns a forward sets: the agency, and its deadline from the category, starting now. */
  const forwardTo =
    (row: ReportRow, agency: string): TransitionSpec['set'] =>
    (_locked, now) => ({
      agency_id: agency,
      forwarded_at: now,
      agency_due: dueAfter(ctx, now, categoryOf(ctx, row.category)?.deadlineWorkingDays ?? 5),
      agency_overdue_at: null,
      assignee_id: null,
      assignee_name: null,
    });
  const knownAgency = (agency: string) => {
    if (!agencyIds.has(agency)) throw problems.invalid([{ field: 'body.agency', message: { en: `Unknown agency "${agency}".`, id: `Dinas "${agency}" tidak dikenal.` } }]);
  };
  /** A text and photos, as JSON or multipart: files are stored first, their rows go into the step's unit of work. */
  const textAndPhotos = async <S extends z.ZodObject>(c: RequestContext, json: () => unknown, reportId: string, schema: S) => {
    if (isMultipart(c)) {
      checkBodySize(ctx, c);
      const form = await c.req.formData();
      const fields = Object.fromEntries(Object.keys(schema.shape).map((key) => [key, form.get(key) ?? undefined]));
      const parsed = schema.safeParse(fields);
      if (!parsed.success) throw problems.invalid(fieldErrors(parsed.error.issues, 'body', c.get('lang')));
      return { body: parsed.data as z.output<S>, stored: await storePhotoFiles(ctx, reportId, await photosFrom(ctx, form, 'photos')) };
    }
    const parsed = schema.safeParse(json());
    if (!parsed.success) throw problems.invalid(fieldErrors(parsed.error.issues, 'json', c.get('lang')));
    return { body: parsed.data as z.output<S>, stored: [] as StoredPhoto[] };
  };

  return createRouter()
    .openapi(verify, async (c) => {
      const { user, scope, row } = await officerReport(ctx, c, c.req.valid('param').id);
      requireVerifier(scope);
      await transition(ctx, c, verifierActor(user), row.id, { rule: 'verify', note: c.req.valid('json').note || null, set: (_row, now) => ({ verified_at: now }) });
      return c.json(await answer(c, scope, row.id), 200);
    })
    .openapi(reject, async (c) => {
      const { user, scope, row } = await officerReport(ctx, c, c.req.valid('param').id);
      const body = c.req.valid('json');
      requireVerifier(scope);
      await transition(ctx, c, verifierActor(user), row.id, { rule: 'reject', note: body.note, set: (_row, now) => ({ reject_reason: body.reason, closed_at: now }) });
      return c.json(await answer(c, scope, row.id), 200);
    })
    .openapi(forward, async (c) => {
      const { user, scope, row } = await officerReport(ctx, c, c.req.valid('param').id);
      const body = c.req.valid('json');
      knownAgency(body.agency);
      const asVerifier = scope.verifier;
      if (!asVerifier) {
        requireHandlerOf(scope, row);
        if (body.agency === row.agency_id) throw problems.invalid([{ field: 'body.agency', message: { en: 'The report is already with this agency.', id: 'Laporan sudah ada di dinas ini.' } }]);
      }
      await transition(ctx, c, asVerifier ? verifierActor(user) : agencyActor(user), row.id, {
        rule: asVerifier ? 'forward' : 'handOver',
        action: 'forward',
        note: body.note || null,
        check: asVerifier ? undefined : sameAgency(row.agency_id),
        set: forwardTo(row, body.agency),
      });
      return c.json(await answer(c, scope, row.id), 200);
    })
    .openapi(verifyAndForward, async (c) => {
      const { user, scope, row } = await officerReport(ctx, c, c.req.valid('param').id);
      const body = c.req.valid('json');
      requireVerifier(scope);
      knownAgency(body.agency);
      // One unit of work: both timeline events and audit entries, or neither; the note goes with the forward (to the agency and the reporter).
      await transitionSteps(ctx, c, verifierActor(user), row.id, [
        { rule: 'verify', set: (_row, now) => ({ verified_at: now }) },
        { rule: 'forward', note: body.note || null, set: forwardTo(row, body.agency) },
      ]);
      return c.json(await answer(c, scope, row.id), 200);
    })
    .openapi(start, async (c) => {
      const { user, scope, row } = await officerReport(ctx, c, c.req.valid('param').id);
      requireHandlerOf(scope, row);
      await transition(ctx, c, agencyActor(user), row.id, {
        rule: 'start',
        note: c.req.valid('json').note || null,
        check: sameAgency(row.agency_id),
        set: (locked, now) => ({ first_response_at: locked.first_response_at ?? now }),
      });
      return c.json(await answer(c, scope, row.id), 200);
    })
    .openapi(assign, async (c) => {
      const { user, scope, row } = await officerReport(ctx, c, c.req.valid('param').id);
      const { userId } = c.req.valid('json');
      requireHandlerOf(scope, row);
      let name: string | null = null;
      if (userId) {
        const colleague = (await handlersOf(ctx, row.agency_id)).find((item) => item.id === userId);
        if (!colleague) throw problems.invalid([{ field: 'body.userId', message: { en: `Not a handler of agency "${row.agency_id}".`, id: `Bukan petugas penanganan dinas "${row.agency_id}".` } }]);
        name = colleague.name;
      }
      await transition(ctx, c, agencyActor(user), row.id, {
        rule: 'assign',
        code: name ? { code: 'assigned', params: { name } } : { code: 'unassigned' },
        check: sameAgency(row.agency_id),
        set: () => ({ assignee_id: userId, assignee_name: name }),
      });
      return c.json(await answer(c, scope, row.id), 200);
    })
    .openapi(note, async (c) => {
      const { user, scope, row } = await officerReport(ctx, c, c.req.valid('param').id);
      await transition(ctx, c, scope.verifier ? verifierActor(user) : agencyActor(user), row.id, { rule: 'note', note: c.req.valid('json').text });
      return c.json(await answer(c, scope, row.id), 200);
    })
    .openapi(respond, async (c) => {
      const { user, scope, row } = await officerReport(ctx, c, c.req.valid('param').id);
      requireHandlerOf(scope, row);
      let response: string;
      let stored: StoredPhoto[] = [];
      if (isMultipart(c)) {
        checkBodySize(ctx, c);
        const form = await c.req.formData();
        const parsed = respondInputSchema.safeParse({ response: form.get('response') ?? undefined });
        if (!parsed.success) throw problems.invalid(fieldErrors(parsed.error.issues, 'body', c.get('lang')));
        response = parsed.data.response;
        // Files first; their rows go into the step's unit of work (files of a refused step are left to the janitor).
        stored = await storePhotoFiles(ctx, row.id, await photosFrom(ctx, form, 'photos'));
      } else {
        const parsed = respondInputSchema.safeParse(c.req.valid('json'));
        if (!parsed.success) throw problems.invalid(fieldErrors(parsed.error.issues, 'json', c.get('lang')));
        response = parsed.data.response;
      }
      await transition(ctx, c, agencyActor(user), row.id, {
        rule: 'respond',
        note: response,
        check: sameAgency(row.agency_id),
        set: (locked, now) => ({ resolved_at: now, first_response_at: locked.first_response_at ?? now }),
        also: (work, step) => insertPhotoRows(work.db, row.id, 'resolution', stored, step.eventId, ctx.clock.now()),
      });
      return c.json(await answer(c, scope, row.id), 200);
    })
    .openapi(progress, async (c) => {
      const { user, scope, row } = await officerReport(ctx, c, c.req.valid('param').id);
      requireHandlerOf(scope, row);
      const { body, stored } = await textAndPhotos(c, () => c.req.valid('json'), row.id, progressInputSchema);
      await transition(ctx, c, agencyActor(user), row.id, {
        rule: 'progress',
        note: body.note,
        photoCount: stored.length,
        check: sameAgency(row.agency_id),
        set: (locked, now) => ({ first_response_at: locked.first_response_at ?? now }),
        also: (work, step) => insertPhotoRows(work.db, row.id, 'resolution', stored, step.eventId, ctx.clock.now()),
      });
      return c.json(await answer(c, scope, row.id), 200);
    })
    .openapi(duplicate, async (c) => {
      const { user, scope, row } = await officerReport(ctx, c, c.req.valid('param').id);
      const body = c.req.valid('json');
      requireVerifier(scope);
      const target = await findByTicket(ctx.db, body.of);
      if (!target) throw problems.invalid([{ field: 'body.of', message: { en: `No report with ticket "${body.of}".`, id: `Tidak ada laporan dengan tiket "${body.of}".` } }]);
      const original = await rootOf(ctx.db, target.id);
      if (!original || original.id === row.id) throw problems.invalid([{ field: 'body.of', message: { en: 'A report cannot duplicate itself.', id: 'Laporan tidak bisa menjadi duplikat dirinya sendiri.' } }]);
      if (original.status === 'rejected') throw problems.invalid([{ field: 'body.of', message: { en: 'The original was rejected; reject this one or handle it on its own.', id: 'Laporan aslinya ditolak; tolak laporan ini atau tangani tersendiri.' } }]);
      await transition(ctx, c, verifierActor(user), row.id, {
        rule: 'duplicate',
        ...(body.note ? { note: body.note } : { code: { code: 'merged', params: { ticket: original.ticket } } }),
        set: (_row, now) => ({ duplicate_of: original.id, closed_at: now }),
        // The duplicate's voice (and its supporters) count for the original, in the same unit of work.
        also: async (work, step) => {
          await work.db.updateTable('laksa_reports').set({ supporters: sql`supporters + ${1 + step.before.supporters}` }).where('id', '=', original.id).execute();
        },
      });
      return c.json(await answer(c, scope, row.id), 200);
    });
}
