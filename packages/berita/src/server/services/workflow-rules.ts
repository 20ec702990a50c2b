/**
 * The newsroom's rules in one place. Writers of an agency draft its articles and send them for review; editors
 * of the agency — and the newsroom agency's editors, for every agency — request changes with a comment,
 * approve, schedule or publish, and correct what is published.
 */
import type { SessionUser } from '@kota-kit/core';
import type { ArticleAction, ArticleStatus } from '../../schemas/articles.js';
import type { Ctx } from '../tables.js';

/** From which states each action may be taken, and where it leads. */
export const transitions: Record<ArticleAction, { from: readonly ArticleStatus[]; to: ArticleStatus; editor: boolean }> = {
  submit: { from: ['draft', 'changes'], to: 'review', editor: false },
  'request-changes': { from: ['review', 'approved', 'scheduled'], to: 'changes', editor: true },
  approve: { from: ['review'], to: 'approved', editor: true },
  schedule: { from: ['review', 'approved'], to: 'scheduled', editor: true },
  unschedule: { from: ['scheduled'], to: 'approved', editor: true },
  publish: { from: ['review', 'approved', 'scheduled'], to: 'published', editor: true },
};

export function isEditor(ctx: Ctx, user: SessionUser | null, agencyId: string): boolean {
  return ctx.access.hasRole(user, 'editor', agencyId) || ctx.access.hasRole(user, 'editor', ctx.options.newsroomAgency);
}

export function isWriter(ctx: Ctx, user: SessionUser | null, agencyId: string): boolean {
  return ctx.access.hasRole(user, 'writer', agencyId) || isEditor(ctx, user, agencyId);
}

/** Agencies whose articles the user sees in the newsroom. */
export function newsroomAgencies(ctx: Ctx, user: SessionUser): string[] | 'all' {
  if (ctx.access.hasRole(user, 'editor', ctx.options.newsroomAgency)) return 'all';
  const writer = ctx.access.agenciesWithRole(user, 'writer');
  const editor = ctx.access.agenciesWithRole(user, 'editor');
  if (writer === 'all' || editor === 'all') return 'all';
  return [...new Set([...writer, ...editor])];
}

export function allowedActions(ctx: Ctx, user: SessionUser, row: { status: ArticleStatus; agency_id: string }): ArticleAction[] {
  const editor = isEditor(ctx, user, row.agency_id);
  const writer = isWriter(ctx, user, row.agency_id);
  return (Object.keys(transitions) as ArticleAction[]).filter((action) => {
    const rule = transitions[action];
    return rule.from.includes(row.status) && (rule.editor ? editor : writer);
  });
}

/** Writers edit while the article is theirs (draft, changes requested); editors at every stage. */
export function canEdit(ctx: Ctx, user: SessionUser, row: { status: ArticleStatus; agency_id: string }): boolean {
  if (isEditor(ctx, user, row.agency_id)) return true;
  return isWriter(ctx, user, row.agency_id) && (row.status === 'draft' || row.status === 'changes');
}

export function canCorrect(ctx: Ctx, user: SessionUser, row: { status: ArticleStatus; agency_id: string }): boolean {
  return row.status === 'published' && isEditor(ctx, user, row.agency_id);
}
