import { createHash, randomBytes } from 'node:crypto';
import { addWorkingDays, endOfLocalDay, localDate, workingDaysBetween } from '@kota-kit/core';
import { sql, type Generated, type Kysely, type ModuleContext } from '@kota-kit/core/server';
import type { LaksaOptions } from '../index.js';
import type { ActorKind, RejectReason, ReportStatus, ReportType } from '../schemas.js';

export type Ctx = ModuleContext<LaksaOptions>;

export interface ReportTable {
  id: Generated<string>;
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
}

export interface ContactTable {
  report_id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  nik: string | null;
}

export type EventKind = 'status' | 'response' | 'reopen' | 'rating' | 'note' | 'assign' | 'contact_deleted';

export interface EventTable {
  id: Generated<number>;
  report_id: string;
  at: Date;
  kind: EventKind;
  from_status: ReportStatus | null;
  to_status: ReportStatus;
  note: string | null;
  internal: boolean;
  actor_kind: ActorKind;
  actor_id: string | null;
  actor_name: string | null;
  agency_id: string | null;
}

export interface PhotoTable {
  id: Generated<string>;
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

export interface Tables {
  laksa_reports: ReportTable;
  laksa_contacts: ContactTable;
  laksa_events: EventTable;
  laksa_photos: PhotoTable;
  laksa_supports: SupportTable;
  laksa_open311_keys: Open311KeyTable;
}

export type ReportRow = {
  [K in keyof ReportTable]: ReportTable[K] extends Generated<infer T> ? T : ReportTable[K];
};
export type EventRow = { [K in keyof EventTable]: EventTable[K] extends Generated<infer T> ? T : EventTable[K] };
export type PhotoRow = { [K in keyof PhotoTable]: PhotoTable[K] extends Generated<infer T> ? T : PhotoTable[K] };

export function database(ctx: Ctx): Kysely<Tables> {
  return ctx.db as Kysely<Tables>;
}

// ---------------------------------------------------------------- secrets

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function newSecret(bytes = 18): string {
  return randomBytes(bytes).toString('base64url');
}

// ---------------------------------------------------------------- ticket numbers

/** Crockford's base32 without 0 and 1 (and so without O/I/L/U look-alikes): easy to read out on the phone. */
export const ticketAlphabet = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
const base = ticketAlphabet.length;
// Multiplying by a number coprime with 30 permutes the codes, so consecutive tickets do not look consecutive.
const scramble = 7919;

/** "LKS-2611-7KQ4": year and month, then the sequence number scrambled into 4 (or more) letters. */
export function formatTicket(sequence: number, date: string): string {
  let digits = 4;
  while (sequence >= base ** digits) digits++;
  const space = base ** digits;
  let value = Number((BigInt(sequence) * BigInt(scramble) + 104_729n) % BigInt(space));
  let code = '';
  for (let index = 0; index < digits; index++) {
    code = ticketAlphabet[value % base] + code;
    value = Math.floor(value / base);
  }
  return `LKS-${date.slice(2, 4)}${date.slice(5, 7)}-${code}`;
}

export async function nextTicket(db: Kysely<Tables>, date: string): Promise<string> {
  const { rows } = await sql<{ n: number | string }>`select nextval('laksa_ticket_seq') as n`.execute(db);
  return formatTicket(Number(rows[0]!.n), date);
}

/** Accepts a ticket typed by a person: any case, spaces, O for 0 and I/L for 1 are not in the alphabet anyway. */
export function normaliseTicket(value: string): string {
  return value.trim().toUpperCase().replace(/\s+/g, '');
}

// ---------------------------------------------------------------- calendar

export function holidaysOf(ctx: Ctx): Set<string> {
  return new Set(ctx.region.holidays.map((holiday) => holiday.date));
}

export function todayOf(ctx: Ctx): string {
  return localDate(ctx.clock.now(), ctx.region.timeZone);
}

export function dueAfter(ctx: Ctx, from: Date, workingDays: number): string {
  return addWorkingDays(localDate(from, ctx.region.timeZone), workingDays, holidaysOf(ctx));
}

export function isPast(ctx: Ctx, due: string | null): boolean {
  return due !== null && ctx.clock.now().getTime() > endOfLocalDay(due, ctx.region.timeZone).getTime();
}

export function workingDaysSince(ctx: Ctx, instant: Date): number {
  return workingDaysBetween(localDate(instant, ctx.region.timeZone), todayOf(ctx), holidaysOf(ctx));
}

/** Last day (inclusive) that is `count` working days after `instant`. */
export function workingDayLimit(ctx: Ctx, instant: Date, count: number): string {
  return addWorkingDays(localDate(instant, ctx.region.timeZone), count, holidaysOf(ctx));
}

export const verifierStatuses: ReportStatus[] = ['submitted', 'verified'];
export const agencyOpenStatuses: ReportStatus[] = ['forwarded', 'in_progress', 'reopened'];
/** Statuses in which a report is with (or was handled by) an agency: handlers see these. */
export const agencyStatuses: ReportStatus[] = ['forwarded', 'in_progress', 'reopened', 'resolved', 'closed'];
/** Statuses the public sees: moderated first (submitted is not yet checked), rejected reports stay private. */
export const publicStatuses: ReportStatus[] = ['verified', 'forwarded', 'in_progress', 'reopened', 'resolved', 'closed', 'duplicate'];

export function currentDeadline(row: Pick<ReportRow, 'status' | 'verify_due' | 'agency_due'>): { deadline: 'verification' | 'agency' | null; dueDate: string | null } {
  if (verifierStatuses.includes(row.status)) return { deadline: 'verification', dueDate: row.verify_due };
  if (agencyOpenStatuses.includes(row.status)) return { deadline: 'agency', dueDate: row.agency_due };
  return { deadline: null, dueDate: null };
}
