/**
 * LAKSA's tables as TypeScript types (so `ctx.db` is typed). The SQL in migrations.ts defines them; the test
 * test/tables.test.ts regenerates tables.generated.ts from the migrated database, and `tablesMatch` below makes
 * the compiler compare these declarations with the real columns.
 */
import type { ColumnType, ContextOf, Generated, Kysely, Selectable, TablesMatch } from '@kota-kit/core/server';
import type { laksa } from '../index.js';
import type { ActorKind, NoteCode, RejectReason, ReportStatus, ReportType } from '../schemas.js';
import type { GeneratedLaksaTables } from './tables.generated.js';

export interface ReportTable {
  id: string;
  ticket: string;
  tracking_hash: string;
  type: ReportType;
  category: string;
  title: string;
  description: string;
  lat: number | null;
  lng: number | null;
  address: string | null;
  kecamatan: string | null;
  kelurahan: string | null;
  confidential: boolean;
  anonymous: boolean;
  status: ReportStatus;
  agency_id: string;
  assignee_id: string | null;
  assignee_name: string | null;
  source: 'web' | 'open311';
  open311_token: string | null;
  reject_reason: RejectReason | null;
  duplicate_of: string | null;
  supporters: Generated<number>;
  rating: number | null;
  rating_comment: string | null;
  verify_due: string;
  agency_due: string | null;
  verify_overdue_at: Date | null;
  agency_overdue_at: Date | null;
  created_at: Date;
  updated_at: Date;
  verified_at: Date | null;
  forwarded_at: Date | null;
  first_response_at: Date | null;
  resolved_at: Date | null;
  closed_at: Date | null;
  rated_at: Date | null;
  /** When the reporter had their contact deleted (UU PDP); null otherwise. */
  contact_deleted_at: Date | null;
  /** The citizen account that sent it while signed in ("Laporan saya"); never exposed. Null without an account. */
  reporter_user_id: string | null;
}

export interface ContactTable {
  report_id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  nik: string | null;
}

export type EventKind = 'status' | 'response' | 'progress' | 'reopen' | 'rating' | 'note' | 'assign' | 'contact_deleted';

/** Notes the system writes are stored as a code and its parameters, and translated when shown. */
export type { NoteCode };
export type NoteParams = Record<string, string | number>;

export interface EventTable {
  id: Generated<number>;
  report_id: string;
  at: Date;
  kind: EventKind;
  from_status: ReportStatus | null;
  to_status: ReportStatus;
  /** Words of a person (citizen or officer): data, shown as written. */
  note: string | null;
  /** A system note: its code, translated when shown (never a finished sentence in the database). */
  note_code: NoteCode | null;
  // jsonb: written as JSON text, read back as an object.
  note_params: ColumnType<NoteParams | null, string | null, string | null>;
  internal: Generated<boolean>;
  actor_kind: ActorKind;
  actor_id: string | null;
  actor_name: string | null;
  agency_id: string | null;
}

export interface PhotoTable {
  id: string;
  report_id: string;
  event_id: number | null;
  kind: 'report' | 'resolution';
  storage_key: string;
  content_type: string;
  bytes: number;
  width: number | null;
  height: number | null;
  created_at: Date;
}

export interface SupportTable {
  report_id: string;
  fingerprint: string;
  created_at: Date;
}

export interface Open311KeyTable {
  id: Generated<string>;
  name: string;
  key_hash: string;
  prefix: string;
  created_at: Date;
  created_by: string | null;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

export interface LaksaTables {
  laksa_reports: ReportTable;
  laksa_contacts: ContactTable;
  laksa_events: EventTable;
  laksa_photos: PhotoTable;
  laksa_supports: SupportTable;
  laksa_open311_keys: Open311KeyTable;
}

/** The compiler compares the declarations above with the columns of the migrated database. */
export const tablesMatch: TablesMatch<LaksaTables, GeneratedLaksaTables> = true;

export type ReportRow = Selectable<ReportTable>;
export type EventRow = Selectable<EventTable>;
export type PhotoRow = Selectable<PhotoTable>;

/** The module's context: options of `laksa`, its own tables. */
export type Ctx = ContextOf<typeof laksa, LaksaTables>;
/** The database or a unit of work's transaction. */
export type Db = Kysely<LaksaTables>;
