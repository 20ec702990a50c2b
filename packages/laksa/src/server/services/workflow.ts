/**
 * One step of the workflow as one unit of work: lock the report, check the transition table (409 naming the
 * current and wanted status), update, record the timeline event, audit (officers and the system; citizens'
 * own actions are not officer actions) and emit `report.status-changed` (or `report.progress` for a progress
 * update) after the commit. `transitions_` runs several steps as one unit of work (verify and forward).
 */
import type { SessionUser } from '@kota-kit/core';
import { problems, type UnitOfWork, type Updateable, type WorkSource } from '@kota-kit/core/server';
import { stageOf, type ActorKind, type ReportStatus } from '../../schemas.js';
import { insertEvent } from '../queries/events.js';
import { contactOf, lockById } from '../queries/reports.js';
import type { Ctx, Db, LaksaTables, NoteCode, NoteParams, ReportRow, ReportTable } from '../tables.js';
import { noteText } from './notes.js';
import { transitions, type TransitionName } from './workflow-rules.js';

export const statusChangedEvent = 'report.status-changed';
export const overdueEvent = 'report.overdue';
/** An agency's progress update the reporter sees; the status does not change. */
export const progressEvent = 'report.progress';

export type Actor = { kind: ActorKind; user: SessionUser | null };

export interface TransitionSpec {
  /** The row of the transition table; `action` names it in the audit log (default: the rule's name). */
  rule: TransitionName;
  action?: string;
  /** A person's words. */
  note?: string | null;
  /** Or a system note, translated when shown. */
  code?: { code: NoteCode; params?: NoteParams };
  /** Extra column changes. */
  set?: (row: ReportRow, now: Date) => Updateable<ReportTable>;
  /** Checks on the locked row beyond the status (e.g. agency). */
  check?: (row: ReportRow) => void;
  /** Photos stored with the step (told to hooks of a progress update). */
  photoCount?: number;
  /** More writes of the same unit (counters, photo rows), after the event is recorded. */
  also?: (work: UnitOfWork<LaksaTables>, step: { before: ReportRow; after: ReportRow; eventId: number }) => Promise<void>;
}

const watched = ['status', 'agency_id', 'assignee_id', 'assignee_name', 'reject_reason', 'duplicate_of', 'agency_due', 'rating'] as const;
const auditShape = (row: ReportRow) => Object.fromEntries(watched.map((key) => [key, row[key]]));

export type StepResult = { before: ReportRow; after: ReportRow; eventId: number };

export async function transition(ctx: Ctx, source: WorkSource, actor: Actor, reportId: string, spec: TransitionSpec): Promise<StepResult> {
  return ctx.unitOfWork(source, (work) => step(ctx, work, actor, reportId, spec));
}

/** Several steps of the table as one unit of work, in order (verify and forward): all of them or none. */
export async function transitionSteps(ctx: Ctx, source: WorkSource, actor: Actor, reportId: string, specs: TransitionSpec[]): Promise<StepResult[]> {
  return ctx.unitOfWork(source, async (work) => {
    const results: StepResult[] = [];
    for (const spec of specs) results.push(await step(ctx, work, actor, reportId, spec));
    return results;
  });
}

/** One step inside a unit of work: the rule checked on the locked row, the update, the event, the audit, the events after commit. */
async function step(ctx: Ctx, work: UnitOfWork<LaksaTables>, actor: Actor, reportId: string, spec: TransitionSpec): Promise<StepResult> {
  const rule = transitions[spec.rule];
  const action = spec.action ?? spec.rule;
  const now = ctx.clock.now();
  const before = await lockById(work.db, reportId);
  if (!before) throw problems.notFound('No such report.');
  if (!(rule.from as readonly ReportStatus[]).includes(before.status)) {
    const wanted = rule.to ?? before.status;
    throw problems.conflict(
      `Cannot ${action} a report that is "${before.status}"${rule.to && rule.to !== before.status ? ` (wanted "${wanted}")` : ''}; allowed from: ${rule.from.join(', ')}.`,
      [{ field: 'status', message: `current status "${before.status}", wanted "${wanted}"`, code: 'invalid_transition' }],
    );
  }
  spec.check?.(before);
  const to = rule.to ?? before.status;
  const after = await work.db
    .updateTable('laksa_reports')
    .set({ ...(spec.set?.(before, now) ?? {}), status: to, updated_at: now })
    .where('id', '=', reportId)
    .returningAll()
    .executeTakeFirstOrThrow();
  const internal = 'internal' in rule && rule.internal;
  const eventId = await insertEvent(work.db, {
    reportId,
    at: now,
    kind: rule.kind,
    from: before.status,
    to,
    note: spec.note ?? null,
    code: spec.code ?? null,
    internal,
    actor: actor.kind,
    actorId: actor.kind === 'citizen' ? null : (actor.user?.id ?? null),
    actorName: actor.kind === 'citizen' ? null : (actor.user?.name ?? null),
    agencyId: actor.kind === 'agency' ? after.agency_id : actor.kind === 'verifier' ? ctx.options.verifierAgency : null,
  });
  await spec.also?.(work, { before, after, eventId });
  if (actor.kind !== 'citizen') {
    // Audit entries carry workflow fields only: never the reporter's contact.
    await work.audit({ action: `report.${action}`, subjectType: 'report', subjectId: after.ticket, agencyId: after.agency_id, before: auditShape(before), after: auditShape(after) });
  }
  if (!internal && before.status !== after.status) {
    const note = spec.code ? noteText({ note: null, note_code: spec.code.code, note_params: spec.code.params ?? null }, 'both') : (spec.note ?? null);
    await emitStatusChanged(work, after, before.status, note);
  }
  if (rule.kind === 'progress') await emitProgress(work, after, spec.note ?? null, spec.photoCount ?? 0);
  return { before, after, eventId };
}

/**
 * The event regions attach notifications to (email, WhatsApp gateway), sent after the commit. It carries the
 * reporter's contact so a hook can reach them; core never logs event payloads, and nothing here logs it either.
 */
export async function emitStatusChanged(work: { db: Db; emit: UnitOfWork<LaksaTables>['emit'] }, row: ReportRow, previous: ReportStatus | null, note: string | null): Promise<void> {
  const contact = await contactOf(work.db, row.id);
  work.emit(statusChangedEvent, {
    ticket: row.ticket,
    status: row.status,
    previousStatus: previous,
    stage: stageOf(row.status),
    note,
    agency: row.agency_id,
    confidential: row.confidential,
    anonymous: row.anonymous,
    reporter: contact && (contact.email || contact.phone) ? { name: contact.name, email: contact.email, phone: contact.phone } : null,
  });
}

/**
 * A progress update, sent after the commit: the report stays open (same status). Like `report.status-changed`
 * it carries the reporter's contact for notification hooks only.
 */
export async function emitProgress(work: { db: Db; emit: UnitOfWork<LaksaTables>['emit'] }, row: ReportRow, note: string | null, photos: number): Promise<void> {
  const contact = await contactOf(work.db, row.id);
  work.emit(progressEvent, {
    ticket: row.ticket,
    status: row.status,
    stage: stageOf(row.status),
    note,
    photos,
    agency: row.agency_id,
    confidential: row.confidential,
    anonymous: row.anonymous,
    reporter: contact && (contact.email || contact.phone) ? { name: contact.name, email: contact.email, phone: contact.phone } : null,
  });
}
