/**
 * Who may see what: public reports, officers' scopes, the masked contact. The reporter's identity is never
 * public; officers see a masked contact only for reports that are not anonymous.
 */
import type { SessionUser } from '@kota-kit/core';
import { problems, type ExpressionBuilder, type RequestContext } from '@kota-kit/core/server';
import type { MaskedContact } from '../../schemas.js';
import type { OfficerScope } from '../queries/reports.js';
import type { ContactTable, Ctx, LaksaTables, ReportRow } from '../tables.js';
import { agencyStatuses, publicStatuses } from './calendar.js';

export type { OfficerScope };

/**
 * Whether anyone may see the report without a token or an officer role: not confidential, and looked at by the
 * central room (an unverified report's free text, address and exact position stay hidden until a verifier has
 * checked them; a rejected one stays hidden). The one rule of the public API and of Open311; `publicRule` below
 * is the same rule in SQL.
 */
export function isPublic(row: Pick<ReportRow, 'confidential' | 'status'>): boolean {
  return !row.confidential && publicStatuses.includes(row.status);
}

/** `isPublic` as a condition on `laksa_reports`, for lists. */
export function publicRule(eb: ExpressionBuilder<LaksaTables, 'laksa_reports'>) {
  return eb.and([eb('confidential', '=', false), eb('status', 'in', publicStatuses)]);
}

export function officerScope(ctx: Ctx, user: SessionUser | null): OfficerScope | null {
  if (!user) return null;
  const verifier = ctx.access.hasRole(user, 'verifier');
  const handlerAgencies = ctx.access.agenciesWithRole(user, 'handler');
  if (!verifier && handlerAgencies !== 'all' && handlerAgencies.length === 0) return null;
  // Verifying does not make one a handler: agency work needs laksa:handler of that agency (admins hold every role).
  return { verifier, agencies: handlerAgencies };
}

export function requireOfficer(ctx: Ctx, c: RequestContext): { user: SessionUser; scope: OfficerScope } {
  const user = ctx.access.requireUser(c);
  const scope = officerScope(ctx, user);
  if (!scope) throw problems.forbidden('This needs the role laksa:verifier or laksa:handler.');
  return { user, scope };
}

export function handlesAgency(scope: OfficerScope, agencyId: string): boolean {
  return scope.agencies === 'all' || scope.agencies.includes(agencyId);
}

export function canSeeAsOfficer(scope: OfficerScope, row: Pick<ReportRow, 'status' | 'agency_id'>): boolean {
  return scope.verifier || (agencyStatuses.includes(row.status) && handlesAgency(scope, row.agency_id));
}

export function mask(value: string | null, keepStart: number, keepEnd: number): string | null {
  if (!value) return null;
  if (value.length <= keepStart + keepEnd) return '*'.repeat(value.length);
  return value.slice(0, keepStart) + '*'.repeat(Math.max(3, value.length - keepStart - keepEnd)).slice(0, value.length - keepStart - keepEnd) + value.slice(value.length - keepEnd);
}

export function maskContact(contact: Omit<ContactTable, 'report_id'>): MaskedContact {
  const email = contact.email;
  let maskedEmail: string | null = null;
  if (email) {
    const [local = '', domain = ''] = email.split('@');
    maskedEmail = `${local.slice(0, 2)}***@${domain}`;
  }
  return {
    name: contact.name ? contact.name.split(/\s+/).map((part, index) => (index === 0 ? part : `${part[0]}.`)).join(' ') : null,
    email: maskedEmail,
    phone: mask(contact.phone?.replace(/[\s-]/g, '') ?? null, 4, 3),
    nik: mask(contact.nik, 4, 2),
  };
}

export const hasContact = (contact: Partial<Omit<ContactTable, 'report_id'>> | undefined): boolean =>
  Boolean(contact && (contact.name || contact.email || contact.phone || contact.nik));
