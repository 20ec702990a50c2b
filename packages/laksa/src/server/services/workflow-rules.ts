/**
 * The workflow's transition table (LAPOR! SP4N): from which statuses each action may run, the status it leads
 * to (null: it keeps the status), the timeline event it records, whether that event is internal, and who may
 * run it. The officer's buttons (which ones, in which order, which one is the next step) are derived from it
 * here, so the browser never repeats these rules.
 */
import { reportStatuses, type OfficerAction, type OfficerActionView, type ReportStatus } from '../../schemas.js';
import type { OfficerScope } from '../queries/reports.js';
import type { EventKind, ReportRow } from '../tables.js';
import { agencyOpenStatuses, agencyStatuses } from './calendar.js';
import { handlesAgency } from './privacy.js';

/** Who runs a step: the central room, a handler of the report's agency, any officer who sees it, the reporter, the system. */
export type RuleActor = 'verifier' | 'handler' | 'officer' | 'citizen' | 'system';

export interface TransitionRule {
  from: readonly ReportStatus[];
  to: ReportStatus | null;
  kind: EventKind;
  internal?: boolean;
  by: RuleActor;
}

export const transitions = {
  verify: { from: ['submitted'], to: 'verified', kind: 'status', by: 'verifier' },
  reject: { from: ['submitted', 'verified'], to: 'rejected', kind: 'status', by: 'verifier' },
  /** The central room forwards verified reports and re-routes those with agencies. */
  forward: { from: ['verified', ...agencyOpenStatuses], to: 'forwarded', kind: 'status', by: 'verifier' },
  /** A handler hands its agency's open report to another agency directly. */
  handOver: { from: agencyOpenStatuses, to: 'forwarded', kind: 'status', by: 'handler' },
  start: { from: ['forwarded', 'reopened'], to: 'in_progress', kind: 'status', by: 'handler' },
  assign: { from: agencyOpenStatuses, to: null, kind: 'assign', internal: true, by: 'handler' },
  note: { from: reportStatuses, to: null, kind: 'note', internal: true, by: 'officer' },
  /** A public progress update: the citizen sees it, the report stays in progress. */
  progress: { from: ['in_progress'], to: null, kind: 'progress', by: 'handler' },
  respond: { from: ['in_progress'], to: 'resolved', kind: 'response', by: 'handler' },
  duplicate: { from: ['submitted', 'verified'], to: 'duplicate', kind: 'status', by: 'verifier' },
  rate: { from: ['resolved', 'closed'], to: null, kind: 'rating', by: 'citizen' },
  reopen: { from: ['resolved'], to: 'reopened', kind: 'reopen', by: 'citizen' },
  close: { from: ['resolved'], to: 'closed', kind: 'status', by: 'system' },
} as const satisfies Record<string, TransitionRule>;

export type TransitionName = keyof typeof transitions;

/**
 * Each officer action and the steps it runs: one of `rules` (the first the officer may run), or all of `steps`
 * in order as one unit of work (verify and forward).
 */
const officerActionSteps: Record<OfficerAction, { rules: TransitionName[]; steps?: TransitionName[] }> = {
  verify: { rules: ['verify'] },
  verifyAndForward: { rules: ['verify'], steps: ['verify', 'forward'] },
  reject: { rules: ['reject'] },
  forward: { rules: ['forward', 'handOver'] },
  start: { rules: ['start'] },
  assign: { rules: ['assign'] },
  note: { rules: ['note'] },
  progress: { rules: ['progress'] },
  respond: { rules: ['respond'] },
  duplicate: { rules: ['duplicate'] },
};

/** The next step of the workflow in each status: the big button, for the officer who may take it. */
const nextStep: Partial<Record<ReportStatus, OfficerAction>> = {
  submitted: 'verifyAndForward',
  verified: 'forward',
  forwarded: 'start',
  reopened: 'start',
  in_progress: 'respond',
};

/** The order of the other buttons: work first, then notes, then the ones that end a report. */
const buttonOrder: OfficerAction[] = ['verifyAndForward', 'verify', 'start', 'respond', 'progress', 'forward', 'assign', 'note', 'duplicate', 'reject'];

/** Whether the officer may run the rule on the report now (status and role). */
export function mayRun(scope: OfficerScope, row: Pick<ReportRow, 'status' | 'agency_id'>, name: TransitionName): boolean {
  const rule: TransitionRule = transitions[name];
  if (!rule.from.includes(row.status)) return false;
  switch (rule.by) {
    case 'verifier':
      return scope.verifier;
    case 'handler':
      return handlesAgency(scope, row.agency_id) && agencyStatuses.includes(row.status);
    case 'officer':
      return true;
    default:
      return false;
  }
}

/** Actions the officer may take on the report now, in the order to show them; the next step first and `primary`. */
export function officerActions(scope: OfficerScope, row: Pick<ReportRow, 'status' | 'agency_id'>): OfficerActionView[] {
  // A verifier's re-routing and a handler's hand-over are one button ("forward"): the verifier's rule wins.
  const allowed = buttonOrder.filter((action) => officerActionSteps[action].rules.some((rule) => mayRun(scope, row, rule)));
  const primary = nextStep[row.status];
  const ordered = primary && allowed.includes(primary) ? [primary, ...allowed.filter((action) => action !== primary)] : allowed;
  return ordered.map((action) => ({ action, primary: action === primary }));
}

/** Actions the officer may take on the report now (the buttons of the officer's page). */
export function allowedActions(scope: OfficerScope, row: Pick<ReportRow, 'status' | 'agency_id'>): OfficerAction[] {
  return officerActions(scope, row).map((entry) => entry.action);
}
