/** Every revision is kept; any two can be compared word by word (title, summary and the body's text). */
import { problems, type RequestContext } from '@kota-kit/core/server';
import { diffWords } from 'diff';
import { findArticle, revisionPair, revisionsOf } from '../queries/articles.js';
import type { Ctx } from '../tables.js';
import { plainText } from './sanitize.js';
import { isWriter } from './workflow-rules.js';

async function visibleArticle(ctx: Ctx, c: RequestContext, id: number) {
  const user = ctx.access.requireRole(c, ['writer', 'editor']);
  const row = await findArticle(ctx.db, id);
  if (!row || !isWriter(ctx, user, row.agency_id)) throw problems.notFound(`No article ${id}.`);
  return row;
}

export async function listRevisions(ctx: Ctx, c: RequestContext, id: number) {
  await visibleArticle(ctx, c, id);
  const rows = await revisionsOf(ctx.db, id);
  return { revisions: rows.map((row) => ({ number: row.number, at: row.created_at.toISOString(), authorName: row.author_name, title: row.title })) };
}

const parts = (before: string, after: string) =>
  diffWords(before, after).map((change) => ({ kind: change.added ? ('added' as const) : change.removed ? ('removed' as const) : ('same' as const), text: change.value }));

/** Blocks of the body on lines of their own, so a diff shows paragraphs rather than one run of text. */
const bodyText = (html: string) =>
  html
    .split(/<\/(?:p|h\d|li|blockquote|figcaption)>/i)
    .map((block) => plainText(block, 200_000))
    .filter(Boolean)
    .join('\n');

export async function compareRevisions(ctx: Ctx, c: RequestContext, id: number, from: number, to: number) {
  await visibleArticle(ctx, c, id);
  const rows = await revisionPair(ctx.db, id, [from, to]);
  const before = rows.find((row) => row.number === from);
  const after = rows.find((row) => row.number === to);
  if (!before || !after) throw problems.notFound(`Article ${id} has no revision ${!before ? from : to}.`);
  return { from, to, title: parts(before.title, after.title), summary: parts(before.summary, after.summary), body: parts(bodyText(before.body_html), bodyText(after.body_html)) };
}
