/**
 * The workflow's transition table (LAPOR! SP4N): from which statuses each action may run, the status it leads
 * to (null: it keeps the status), the timeline event it records and whether that event is internal.
 */
import { reportStatuses, type OfficerAction, type ReportStatus } from '../../schemas.js';
import type { OfficerScope } from '../queries/reports.js';
import type { EventKind, ReportRow } from '../tables.js';
import { agencyOpenStatuses, agencyStatuses } from './calendar.js';
import { handlesAgency } from './privacy.js';

export interface TransitionRule {
  from: readonly ReportStatus[];
  to: ReportStatus | null;
  kind: EventKind;
  internal?: boolean;
}

export const transitions = {
  verify: { from: ['submitted'], to: 'verified', kind: 'status' },
  reject: { from: ['submitted', 'verified'], to: 'rejected', kind: 'status' },
  /** The central room forwards verified reports and re-routes those with agencies. */
  forward: { from: ['verified', ...agencyOpenStatuses], to: 'forwarded', kind: 'status' },
  /** A handler hands its agency's open report to another agency directly. */
  handOver: { from: agencyOpenStatuses, to: 'forwarded', kind: 'status' },
  start: { from: ['forwarded', 'reopened'], to: 'in_progress', kind: 'status' },
  assign: { from: agencyOpenStatuses, to: null, kind: 'assign', internal: true },
  note: { from: reportStatuses, to: null, kind: 'note', internal: true },
  respond: { from: ['in_progress'], to: 'resolved', kind: 'response' },
  duplicate: { from: ['submitted', 'verified'], to: 'duplicate', kind: 'status' },
  rate: { from: ['resolved', 'closed'], to: null, kind: 'rating' },
  reopen: { from: ['resolved'], to: 'reopened', kind: 'reopen' },
  close: { from: ['resolved'], to: 'closed', kind: 'status' },
} as const satisfies Record<string, TransitionRule>;

export type TransitionName = keyof typeof transitions;

/** Actions the officer may take on the report now (the buttons of the officer's page). */
export function allowedActions(scope: OfficerScope, row: ReportRow): OfficerAction[] {
  const actions: OfficerAction[] = [];
  const handler = handlesAgency(scope, row.agency_id) && agencyStatuses.includes(row.status);
  if (scope.verifier) {
    if (row.status === 'submitted') actions.push('verify');
    if (row.status === 'submitted' || row.status === 'verified') actions.push('reject', 'duplicate');
    if (row.status === 'verified' || agencyOpenStatuses.includes(row.status)) actions.push('forward');
  }
  if (handler) {
    if (agencyOpenStatuses.includes(row.status) && !actions.includes('forward')) actions.push('forward');
    if (row.status === 'forwarded' || row.status === 'reopened') actions.push('start');
    if (agencyOpenStatuses.includes(row.status)) actions.push('assign');
    if (row.status === 'in_progress') actions.push('respond');
  }
  actions.push('note');
  return actions;
}
