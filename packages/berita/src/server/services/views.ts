/** How rows are shown: to the newsroom (everything, with what the officer may do) and to readers. */
import type { SessionUser } from '@kota-kit/core';
import type { ArticleAction, ArticleImage, NewsroomArticle, PublicArticle } from '../../schemas/articles.js';
import type { ArticleRow, ImageRow } from '../queries/articles.js';
import type { Ctx } from '../tables.js';
import { readingMinutes } from './sanitize.js';
import { allowedActions, canCorrect, canEdit } from './workflow-rules.js';

export const imageUrl = (key: string, width: number) => `/api/berita/images/${key}/${width}.jpg`;

/** The image at the width closest to `wanted` (og:image: 1200, WhatsApp shows it; list thumbnails: 480). */
export function imageAt(image: ImageRow, wanted: number) {
  const width = [...image.widths].sort((a, b) => Math.abs(a - wanted) - Math.abs(b - wanted))[0]!;
  return { url: imageUrl(image.key, width), width, height: Math.round((image.height * width) / image.width) };
}

export function toImage(row: Pick<ArticleRow, 'image_alt' | 'image_caption' | 'image_credit'>, image: ImageRow | undefined): ArticleImage | null {
  if (!image) return null;
  const large = imageAt(image, 1200);
  return {
    url: large.url,
    width: large.width,
    height: large.height,
    srcset: [...image.widths].sort((a, b) => a - b).map((width) => `${imageUrl(image.key, width)} ${width}w`).join(', '),
    alt: row.image_alt ?? '',
    caption: row.image_caption ?? '',
    credit: row.image_credit ?? '',
  };
}

export const categoryName = (ctx: Ctx, slug: string) => ctx.options.categories.find((category) => category.slug === slug)?.name.id ?? slug;
export const agencyName = (ctx: Ctx, id: string) => ctx.region.agencies.find((agency) => agency.id === id)?.name ?? id;
export const agencyShortName = (ctx: Ctx, id: string) => ctx.region.agencies.find((agency) => agency.id === id)?.shortName ?? agencyName(ctx, id);
const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function toNewsroomArticle(
  ctx: Ctx,
  user: SessionUser,
  row: ArticleRow,
  extra: { image?: ImageRow; events: { at: Date; actor_name: string; action: string; from_status: string | null; to_status: string; comment: string | null }[]; corrections: { id: number; at: Date; text: string }[] },
): NewsroomArticle {
  const image = toImage(row, extra.image);
  return {
    id: row.id,
    slug: row.slug,
    status: row.status,
    agencyId: row.agency_id,
    category: row.category,
    title: row.title,
    summary: row.summary,
    bodyHtml: row.body_html,
    tags: row.tags,
    image: image && row.image_key ? { ...image, key: row.image_key } : null,
    authorName: row.author_name,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    scheduledAt: iso(row.scheduled_at),
    publishedAt: iso(row.published_at),
    revision: row.revision,
    events: extra.events.map((event) => ({ at: event.at.toISOString(), actorName: event.actor_name, action: event.action, from: event.from_status, to: event.to_status, comment: event.comment })),
    corrections: extra.corrections.map((correction) => ({ id: correction.id, at: correction.at.toISOString(), text: correction.text })),
    allowedActions: allowedActions(ctx, user, row) as ArticleAction[],
    canEdit: canEdit(ctx, user, row),
    canCorrect: canCorrect(ctx, user, row),
  };
}

export function toListItem(ctx: Ctx, row: ArticleRow, image: ImageRow | undefined): PublicArticle['related'][number] {
  const thumb = image ? imageAt(image, 480) : null;
  return {
    kind: 'article',
    id: row.id,
    title: row.title,
    summary: row.summary,
    href: `/berita/${row.slug}`,
    category: row.category,
    image: thumb && image ? { url: thumb.url, srcset: image.widths.map((width) => `${imageUrl(image.key, width)} ${width}w`).join(', '), alt: row.image_alt ?? '' } : null,
    sourceName: agencyShortName(ctx, row.agency_id),
    publishedAt: (row.published_at ?? row.updated_at).toISOString(),
    pinned: false,
    readingMinutes: readingMinutes(row.body_text),
  };
}

export function toPublicArticle(ctx: Ctx, row: ArticleRow, extra: { image?: ImageRow; corrections: { id: number; at: Date; text: string }[]; related: PublicArticle['related'] }): PublicArticle {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    bodyHtml: row.body_html,
    category: { slug: row.category, name: categoryName(ctx, row.category) },
    tags: row.tags,
    image: toImage(row, extra.image),
    agency: { id: row.agency_id, name: agencyName(ctx, row.agency_id) },
    authorName: row.author_name,
    publishedAt: row.published_at!.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    readingMinutes: readingMinutes(row.body_text),
    corrections: extra.corrections.map((correction) => ({ id: correction.id, at: correction.at.toISOString(), text: correction.text })),
    related: extra.related,
  };
}
