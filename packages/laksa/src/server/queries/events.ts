/** Timeline events: every workflow step, note and system notice of a report. */
import type { ActorKind, ReportStatus } from '../../schemas.js';
import type { Db, EventKind, NoteCode, NoteParams } from '../tables.js';

export interface NewEvent {
  reportId: string;
  at: Date;
  kind: EventKind;
  from: ReportStatus | null;
  to: ReportStatus;
  /** A person's own words. */
  note?: string | null;
  /** A system note, translated when shown. */
  code?: { code: NoteCode; params?: NoteParams } | null;
  internal?: boolean;
  actor: ActorKind;
  actorId?: string | null;
  actorName?: string | null;
  agencyId?: string | null;
}

export async function insertEvent(db: Db, event: NewEvent): Promise<number> {
  const row = await db
    .insertInto('laksa_events')
    .values({
      report_id: event.reportId,
      at: event.at,
      kind: event.kind,
      from_status: event.from,
      to_status: event.to,
      note: event.note ?? null,
      note_code: event.code?.code ?? null,
      note_params: event.code?.params ? JSON.stringify(event.code.params) : null,
      internal: event.internal ?? false,
      actor_kind: event.actor,
      actor_id: event.actorId ?? null,
      actor_name: event.actorName ?? null,
      agency_id: event.agencyId ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
