/** The newsroom's writes: each one unit of work with its audit entry, its workflow event and a kept revision. */
import type { FieldErrorInput, SessionUser } from '@kota-kit/core';
import { problems, type RequestContext } from '@kota-kit/core/server';
import { z } from '@kota-kit/core';
import { reservedSlugs } from '../../index.js';
import type { actionInputSchema, articleInputSchema, correctionInputSchema } from '../../schemas/articles.js';
import { correctionsOf, eventsOf, findArticle, findImage, imagesByKey, insertEvent, insertRevision, lockArticle, publishDue, uniqueSlug, type ArticleRow } from '../queries/articles.js';
import type { Ctx } from '../tables.js';
import { plainText, sanitizeArticleHtml, slugify } from './sanitize.js';
import { toNewsroomArticle } from './views.js';
import { canCorrect, canEdit, isEditor, isWriter, transitions } from './workflow-rules.js';

type Input = z.output<typeof articleInputSchema>;

export const publishedEvent = 'article.published';
export const statusEvent = 'article.status-changed';

function checkChoices(ctx: Ctx, input: Input) {
  const errors: FieldErrorInput[] = [];
  if (!ctx.region.agencies.some((agency) => agency.id === input.agencyId)) errors.push({ field: 'body.agencyId', message: { en: `Unknown agency "${input.agencyId}".`, id: `Dinas "${input.agencyId}" tidak dikenal.` } });
  if (!ctx.options.categories.some((category) => category.slug === input.category)) errors.push({ field: 'body.category', message: { en: `Unknown category "${input.category}".`, id: `Kategori "${input.category}" tidak dikenal.` } });
  if (errors.length) throw problems.invalid(errors);
}

/** The stored body: the editor's HTML through the allow-list; an article needs some text. */
function cleanBody(ctx: Ctx, html: string) {
  const bodyHtml = sanitizeArticleHtml(html, ctx.options.embedHosts);
  const bodyText = plainText(bodyHtml, 200_000);
  if (bodyText.length < 20) throw problems.invalid([{ field: 'body.bodyHtml', message: { en: 'The article needs at least 20 characters of text.', id: 'Berita perlu paling sedikit 20 karakter teks.' } }]);
  return { bodyHtml, bodyText };
}

async function checkImage(ctx: Ctx, image: Input['image']) {
  if (image && !(await findImage(ctx.db, image.key))) throw problems.invalid([{ field: 'body.image.key', message: { en: 'Unknown image: upload it first.', id: 'Gambar tidak dikenal: unggah dulu.' } }]);
}

export async function newsroomView(ctx: Ctx, user: SessionUser, row: ArticleRow) {
  const [events, corrections, images] = await Promise.all([eventsOf(ctx.db, row.id), correctionsOf(ctx.db, row.id), imagesByKey(ctx.db, [row.image_key])]);
  return toNewsroomArticle(ctx, user, row, { events, corrections, image: row.image_key ? images.get(row.image_key) : undefined });
}

export async function createArticle(ctx: Ctx, c: RequestContext, input: Input) {
  checkChoices(ctx, input);
  const user = ctx.access.requireRole(c, ['writer', 'editor']);
  if (!isWriter(ctx, user, input.agencyId)) throw problems.forbidden(`You do not write for ${input.agencyId}.`);
  const body = cleanBody(ctx, input.bodyHtml);
  await checkImage(ctx, input.image);
  const row = await ctx.unitOfWork(c, async (work) => {
    const now = ctx.clock.now();
    // A title such as "Redaksi" must not take the address of one of the module's own pages.
    const base = slugify(input.title);
    const slug = await uniqueSlug(work.db, (reservedSlugs as readonly string[]).includes(base) ? `${base}-berita` : base);
    const created = await work.db
      .insertInto('berita_articles')
      .values({
        slug,
        status: 'draft',
        agency_id: input.agencyId,
        category: input.category,
        title: input.title,
        summary: input.summary,
        body_html: body.bodyHtml,
        body_text: body.bodyText,
        tags: [...new Set(input.tags)],
        image_key: input.image?.key ?? null,
        image_alt: input.image?.alt ?? null,
        image_caption: input.image?.caption ?? null,
        image_credit: input.image?.credit ?? null,
        author_id: user.id,
        author_name: user.name,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await insertRevision(work.db, created);
    await insertEvent(work.db, { articleId: created.id, at: now, actorId: user.id, actorName: user.name, action: 'create', from: null, to: 'draft' });
    await work.audit({ action: 'article.create', subjectType: 'article', subjectId: String(created.id), agencyId: created.agency_id, after: { title: created.title, slug: created.slug } });
    return created;
  });
  return newsroomView(ctx, user, row);
}

export async function updateArticle(ctx: Ctx, c: RequestContext, id: number, input: Input) {
  checkChoices(ctx, input);
  const user = ctx.access.requireRole(c, ['writer', 'editor']);
  const existing = await findArticle(ctx.db, id);
  if (!existing || !isWriter(ctx, user, existing.agency_id)) throw problems.notFound(`No article ${id}.`);
  if (input.agencyId !== existing.agency_id && !isWriter(ctx, user, input.agencyId)) throw problems.forbidden(`You do not write for ${input.agencyId}.`);
  const body = cleanBody(ctx, input.bodyHtml);
  await checkImage(ctx, input.image);
  const row = await ctx.unitOfWork(c, async (work) => {
    const current = await lockArticle(work.db, id);
    if (!current) throw problems.notFound(`No article ${id}.`);
    if (!canEdit(ctx, user, current)) throw problems.conflict(`The article is ${current.status}: only an editor may change it now.`);
    const now = ctx.clock.now();
    const updated = await work.db
      .updateTable('berita_articles')
      .set({
        agency_id: input.agencyId,
        category: input.category,
        title: input.title,
        summary: input.summary,
        body_html: body.bodyHtml,
        body_text: body.bodyText,
        tags: [...new Set(input.tags)],
        image_key: input.image?.key ?? null,
        image_alt: input.image?.alt ?? null,
        image_caption: input.image?.caption ?? null,
        image_credit: input.image?.credit ?? null,
        revision: current.revision + 1,
        updated_at: now,
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    // The revision carries who changed it, not the article's first author.
    await insertRevision(work.db, { ...updated, author_id: user.id, author_name: user.name });
    await work.audit({ action: 'article.update', subjectType: 'article', subjectId: String(id), agencyId: updated.agency_id, before: { title: current.title, revision: current.revision }, after: { title: updated.title, revision: updated.revision } });
    return updated;
  });
  return newsroomView(ctx, user, row);
}

export async function actOn(ctx: Ctx, c: RequestContext, id: number, input: z.output<typeof actionInputSchema>) {
  const user = ctx.access.requireRole(c, ['writer', 'editor']);
  const existing = await findArticle(ctx.db, id);
  if (!existing || !isWriter(ctx, user, existing.agency_id)) throw problems.notFound(`No article ${id}.`);
  const rule = transitions[input.action];
  if (rule.editor && !isEditor(ctx, user, existing.agency_id)) throw problems.forbidden('Only an editor may do this.');
  if (input.action === 'request-changes' && !input.comment) throw problems.invalid([{ field: 'body.comment', message: { en: 'Say what should change.', id: 'Tuliskan apa yang perlu diubah.' } }]);
  const now = ctx.clock.now();
  let scheduledAt: Date | null = null;
  if (input.action === 'schedule') {
    if (!input.at) throw problems.invalid([{ field: 'body.at', message: { en: 'Give the date and time of publication.', id: 'Isi tanggal dan jam terbit.' } }]);
    scheduledAt = new Date(input.at);
    if (scheduledAt.getTime() <= now.getTime()) throw problems.invalid([{ field: 'body.at', message: { en: 'The time of publication must be in the future.', id: 'Waktu terbit harus di masa depan.' } }]);
    if (scheduledAt.getTime() > now.getTime() + 366 * 86_400_000) throw problems.invalid([{ field: 'body.at', message: { en: 'At most a year ahead.', id: 'Paling lama setahun ke depan.' } }]);
  }
  const row = await ctx.unitOfWork(c, async (work) => {
    const current = await lockArticle(work.db, id);
    if (!current) throw problems.notFound(`No article ${id}.`);
    if (!rule.from.includes(current.status)) throw problems.conflict(`An article that is ${current.status} cannot be given "${input.action}".`);
    const updated = await work.db
      .updateTable('berita_articles')
      .set({
        status: rule.to,
        updated_at: now,
        scheduled_at: rule.to === 'scheduled' ? scheduledAt : null,
        ...(rule.to === 'published' ? { published_at: current.published_at ?? now } : {}),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await insertEvent(work.db, { articleId: id, at: now, actorId: user.id, actorName: user.name, action: input.action, from: current.status, to: rule.to, comment: input.comment ?? (scheduledAt ? scheduledAt.toISOString() : null) });
    await work.audit({ action: `article.${input.action}`, subjectType: 'article', subjectId: String(id), agencyId: current.agency_id, before: { status: current.status }, after: { status: rule.to, comment: input.comment, scheduledAt: scheduledAt?.toISOString() } });
    work.emit(statusEvent, { id, slug: updated.slug, agencyId: updated.agency_id, from: current.status, to: rule.to });
    if (rule.to === 'published') work.emit(publishedEvent, { id, slug: updated.slug, agencyId: updated.agency_id, title: updated.title });
    return updated;
  });
  return newsroomView(ctx, user, row);
}

export async function addCorrection(ctx: Ctx, c: RequestContext, id: number, input: z.output<typeof correctionInputSchema>) {
  const user = ctx.access.requireRole(c, 'editor');
  const existing = await findArticle(ctx.db, id);
  if (!existing || !isWriter(ctx, user, existing.agency_id)) throw problems.notFound(`No article ${id}.`);
  if (!canCorrect(ctx, user, existing)) throw problems.conflict('Only a published article gets corrections, from an editor.');
  const text = plainText(input.text, 1000);
  const row = await ctx.unitOfWork(c, async (work) => {
    const now = ctx.clock.now();
    await work.db.insertInto('berita_corrections').values({ article_id: id, at: now, text, author_id: user.id }).execute();
    await insertEvent(work.db, { articleId: id, at: now, actorId: user.id, actorName: user.name, action: 'correct', from: 'published', to: 'published', comment: text });
    await work.audit({ action: 'article.correct', subjectType: 'article', subjectId: String(id), agencyId: existing.agency_id, after: { text } });
    return work.db.updateTable('berita_articles').set({ updated_at: now }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  });
  return newsroomView(ctx, user, row);
}

/** The job: publishes the scheduled articles whose time has come. */
export async function publishScheduled(ctx: Ctx): Promise<number> {
  const now = ctx.clock.now();
  const rows = await ctx.unitOfWork({ actor: null }, async (work) => {
    const due = await publishDue(work.db, now);
    for (const row of due) {
      await insertEvent(work.db, { articleId: row.id, at: now, actorId: null, actorName: 'Sistem', action: 'publish', from: 'scheduled', to: 'published' });
      await work.audit({ action: 'article.publish-scheduled', subjectType: 'article', subjectId: String(row.id), agencyId: row.agency_id, after: { status: 'published', publishedAt: row.published_at?.toISOString() } });
      work.emit(statusEvent, { id: row.id, slug: row.slug, agencyId: row.agency_id, from: 'scheduled', to: 'published' });
      work.emit(publishedEvent, { id: row.id, slug: row.slug, agencyId: row.agency_id, title: row.title });
    }
    return due;
  });
  if (rows.length) ctx.log.info('scheduled articles published', { count: rows.length });
  return rows.length;
}
