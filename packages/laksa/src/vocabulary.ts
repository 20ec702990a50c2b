/**
 * LAKSA's vocabulary: report types, statuses, stages, reasons, note codes, kecamatan, actors. Isomorphic and free of
 * the schema library, so the home widget and the list pages do not download it.
 */

// ---------------------------------------------------------------- vocabulary

/** LAPOR! SP4N's three kinds: pengaduan, aspirasi, permintaan informasi. */
export const reportTypes = ['complaint', 'aspiration', 'information'] as const;
export type ReportType = (typeof reportTypes)[number];

/**
 * The precise workflow status. submitted → verified | rejected | duplicate; verified → forwarded → in_progress →
 * resolved → closed; resolved → reopened (by the citizen) → in_progress.
 */
export const reportStatuses = ['submitted', 'verified', 'rejected', 'forwarded', 'in_progress', 'reopened', 'resolved', 'closed', 'duplicate'] as const;
export type ReportStatus = (typeof reportStatuses)[number];

/** The colour stage Tangerang's citizens know: red new, yellow in process, green done. */
export const stages = ['red', 'yellow', 'green', 'rejected', 'duplicate'] as const;
export type Stage = (typeof stages)[number];

export function stageOf(status: ReportStatus): Stage {
  switch (status) {
    case 'submitted':
    case 'verified':
      return 'red';
    case 'forwarded':
    case 'in_progress':
    case 'reopened':
      return 'yellow';
    case 'resolved':
    case 'closed':
      return 'green';
    case 'rejected':
      return 'rejected';
    case 'duplicate':
      return 'duplicate';
  }
}

/** Statuses of each stage, for filters. */
export const statusesOfStage: Record<Stage, ReportStatus[]> = {
  red: ['submitted', 'verified'],
  yellow: ['forwarded', 'in_progress', 'reopened'],
  green: ['resolved', 'closed'],
  rejected: ['rejected'],
  duplicate: ['duplicate'],
};

/** Why the central room rejects a report (LAPOR!'s "not our authority", spam, ...). */
export const rejectReasons = ['not_authority', 'spam', 'incomplete', 'other'] as const;
export type RejectReason = (typeof rejectReasons)[number];

/** What the system writes in a timeline note, as a code translated when shown (`timeline.code.<code>`). */
export const noteCodes = ['overdue.verification', 'overdue.forwarding', 'overdue.agency', 'closed.automatically', 'merged', 'assigned', 'unassigned'] as const;
export type NoteCode = (typeof noteCodes)[number];
export const isNoteCode = (value: unknown): value is NoteCode => noteCodes.includes(value as NoteCode);

/**
 * The region's kecamatan as LAKSA lists them: the `kecamatan` option when the region sets it, else the names in
 * the region's geography (`region.geography.kecamatan`), else none, and then any kecamatan is taken as written.
 */
export function kecamatanNames(options: { kecamatan?: readonly string[] }, region: { geography?: { kecamatan: readonly { name: string }[] } }): readonly string[] {
  return options.kecamatan ?? region.geography?.kecamatan.map((kecamatan) => kecamatan.name) ?? [];
}

/** Who acted, as the public and the reporter see it (never an officer's name). */
export const actorKinds = ['citizen', 'verifier', 'agency', 'system'] as const;
export type ActorKind = (typeof actorKinds)[number];
