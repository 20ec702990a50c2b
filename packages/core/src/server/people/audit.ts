import type { Kysely } from 'kysely';
import type { SessionUser } from '../../types.js';
import type { CoreTables } from '../core-tables.js';
import type { AuditEntry } from '../module.js';

/** Appends one entry to the audit log: who (the actor), what, on which subject, with the values before and after. */
export async function recordAudit(db: Kysely<CoreTables>, moduleId: string, actor: SessionUser | null, entry: AuditEntry, now: Date): Promise<void> {
  await db
    .insertInto('core_audit_log')
    .values({
      at: now,
      actor_id: actor?.id ?? null,
      // An empty name (a deleted account's own last action) is stored as none.
      actor_name: actor?.name || null,
      module: moduleId,
      action: entry.action,
      subject_type: entry.subjectType,
      subject_id: entry.subjectId,
      agency_id: entry.agencyId ?? null,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
    })
    .execute();
}
