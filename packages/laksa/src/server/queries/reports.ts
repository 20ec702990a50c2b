/** SQL about reports: lookups, the public and the officers' filters, and their photos and tickets. */
import { sql, type ExpressionBuilder } from '@kota-kit/core/server';
import type { SessionUser } from '@kota-kit/core';
import { statusesOfStage, type InboxTab, type ReportStatus, type ReportType, type Stage } from '../../schemas.js';
import { agencyOpenStatuses, agencyStatuses, publicStatuses, verifierStatuses } from '../services/calendar.js';
import { publicRule } from '../services/privacy.js';
import { isUuid, sha256 } from '../services/tickets.js';
import type { Db, LaksaTables, PhotoRow, ReportRow } from '../tables.js';

/** A report whose title contains `q` (LIKE wildcards taken literally) or whose ticket is `q`. */
export function matchesSearch(q: string) {
  const like = `%${q.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
  return (eb: ExpressionBuilder<LaksaTables, 'laksa_reports'>) => eb.or([eb('title', 'ilike', like), eb('ticket', '=', q.toUpperCase())]);
}

export const overdueSql = (today: string) =>
  sql<boolean>`((status in ('submitted', 'verified') and verify_due < ${today}) or (status in ('forwarded', 'in_progress', 'reopened') and agency_due < ${today}))`;

export function findByTicket(db: Db, ticket: string): Promise<ReportRow | undefined> {
  return db.selectFrom('laksa_reports').selectAll().where('ticket', '=', ticket.trim().toUpperCase()).executeTakeFirst();
}

export function findByToken(db: Db, token: string): Promise<ReportRow | undefined> {
  return db.selectFrom('laksa_reports').selectAll().where('tracking_hash', '=', sha256(token)).executeTakeFirst();
}

export async function findById(db: Db, id: string): Promise<ReportRow | undefined> {
  if (!isUuid(id)) return undefined;
  return db.selectFrom('laksa_reports').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The report locked for a workflow step (inside a unit of work). */
export function lockById(db: Db, id: string): Promise<ReportRow | undefined> {
  return db.selectFrom('laksa_reports').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Follows duplicate links to the report that carries the work. */
export async function rootOf(db: Db, id: string): Promise<ReportRow | undefined> {
  let current = await findById(db, id);
  for (let hops = 0; current && current.status === 'duplicate' && current.duplicate_of && hops < 10; hops++) {
    current = await findById(db, current.duplicate_of);
  }
  return current;
}

export interface PublicFilter {
  category?: string;
  status?: ReportStatus;
  stage?: Stage;
  kecamatan?: string;
  type?: ReportType;
  q?: string;
}

/** Public reports: verified, not confidential; duplicates only when asked for. */
export function publicReportsQuery(db: Db, query: PublicFilter) {
  let statuses: ReportStatus[] = publicStatuses.filter((status) => status !== 'duplicate');
  if (query.status || query.stage) {
    const wanted = query.status ? [query.status] : statusesOfStage[query.stage!];
    statuses = publicStatuses.filter((status) => wanted.includes(status));
  }
  let builder = db.selectFrom('laksa_reports').where(publicRule);
  builder = statuses.length ? builder.where('status', 'in', statuses) : builder.where(sql<boolean>`false`);
  if (query.category) builder = builder.where('category', '=', query.category);
  if (query.kecamatan) builder = builder.where(sql`lower(kecamatan)`, '=', query.kecamatan.toLowerCase());
  if (query.type) builder = builder.where('type', '=', query.type);
  if (query.q) builder = builder.where(matchesSearch(query.q));
  return builder;
}

export interface OfficerScope {
  verifier: boolean;
  /** Agencies whose forwarded reports this officer handles. */
  agencies: string[] | 'all';
}

export interface InboxFilter extends Omit<PublicFilter, 'type'> {
  agency?: string;
  overdue?: 'true' | 'false';
  assignedToMe?: 'true' | 'false';
  all?: 'true' | 'false';
  tab?: InboxTab;
}

/** Finished reports, by who sees them. */
const finishedStatuses: ReportStatus[] = ['resolved', 'closed', 'rejected', 'duplicate'];

/** The tabs an officer's inbox has, by what the officer must do. */
export function inboxTabsOf(scope: OfficerScope): InboxTab[] {
  const handler = scope.agencies === 'all' || scope.agencies.length > 0;
  const tabs: InboxTab[] = [];
  if (scope.verifier) tabs.push('verify');
  if (handler) tabs.push('handle');
  // The central room follows what the agencies hold, unless it handles every agency anyway (region admins).
  if (scope.verifier && scope.agencies !== 'all') tabs.push('agency');
  tabs.push('overdue', 'done');
  return tabs;
}

/** The reports an officer's inbox holds: the central room sees every report, handlers their agencies'. */
export function inboxQuery(db: Db, scope: OfficerScope, user: SessionUser, query: InboxFilter, today: string) {
  let builder = db.selectFrom('laksa_reports');
  if (!scope.verifier) {
    const agencies = scope.agencies === 'all' ? null : scope.agencies;
    builder = builder.where('status', 'in', agencyStatuses);
    if (agencies) builder = agencies.length ? builder.where('agency_id', 'in', agencies) : builder.where(sql<boolean>`false`);
  }
  const open: ReportStatus[] = scope.verifier ? [...verifierStatuses, ...agencyOpenStatuses] : agencyOpenStatuses;
  switch (query.tab) {
    case 'verify':
      builder = scope.verifier ? builder.where('status', 'in', verifierStatuses) : builder.where(sql<boolean>`false`);
      break;
    case 'handle': {
      const agencies = scope.agencies === 'all' ? null : scope.agencies;
      builder = builder.where('status', 'in', agencyOpenStatuses);
      if (agencies) builder = agencies.length ? builder.where('agency_id', 'in', agencies) : builder.where(sql<boolean>`false`);
      break;
    }
    case 'agency':
      builder = builder.where('status', 'in', agencyOpenStatuses);
      break;
    case 'overdue':
      builder = builder.where('status', 'in', open).where(overdueSql(today));
      break;
    case 'done':
      builder = builder.where('status', 'in', finishedStatuses);
      break;
  }
  if (query.status) builder = builder.where('status', '=', query.status);
  else if (query.stage) builder = builder.where('status', 'in', statusesOfStage[query.stage]);
  else if (!query.tab && query.all !== 'true') builder = builder.where('status', 'in', open);
  if (query.category) builder = builder.where('category', '=', query.category);
  if (query.kecamatan) builder = builder.where(sql`lower(kecamatan)`, '=', query.kecamatan.toLowerCase());
  if (query.agency) builder = builder.where('agency_id', '=', query.agency);
  if (query.overdue === 'true') builder = builder.where(overdueSql(today));
  if (query.overdue === 'false') builder = builder.where(sql<boolean>`not ${overdueSql(today)}`);
  if (query.assignedToMe === 'true') builder = builder.where('assignee_id', '=', user.id);
  if (query.q) builder = builder.where(matchesSearch(query.q));
  return builder;
}

/** Overdue first, then by the running deadline, then oldest first. */
export const inboxOrder = (today: string) => [sql`case when ${overdueSql(today)} then 0 else 1 end`, sql`case when status in ('submitted', 'verified') then verify_due else agency_due end`] as const;

export async function photosOf(db: Db, reportIds: string[]): Promise<Map<string, PhotoRow[]>> {
  const map = new Map<string, PhotoRow[]>();
  if (reportIds.length === 0) return map;
  const rows = await db.selectFrom('laksa_photos').selectAll().where('report_id', 'in', reportIds).orderBy('created_at').orderBy('id').execute();
  for (const row of rows) map.set(row.report_id, [...(map.get(row.report_id) ?? []), row]);
  return map;
}

export async function ticketsOf(db: Db, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom('laksa_reports').select(['id', 'ticket']).where('id', 'in', wanted).execute();
  return new Map(rows.map((row) => [row.id, row.ticket]));
}

export function contactOf(db: Db, reportId: string) {
  return db.selectFrom('laksa_contacts').select(['name', 'email', 'phone', 'nik']).where('report_id', '=', reportId).executeTakeFirst();
}

export function eventsOf(db: Db, reportId: string, internal: boolean) {
  let builder = db.selectFrom('laksa_events').selectAll().where('report_id', '=', reportId);
  if (!internal) builder = builder.where('internal', '=', false);
  return builder.orderBy('id').execute();
}
