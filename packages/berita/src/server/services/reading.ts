/** Readers' side: the public list (articles and collected items together) and one article with its related ones. */
import { problems } from '@kota-kit/core/server';
import type { ListItem } from '../../schemas/articles.js';
import { correctionsOf, findBySlug, imagesByKey } from '../queries/articles.js';
import { publicList, relatedArticles, type PublicRow } from '../queries/public.js';
import type { Ctx } from '../tables.js';
import { agencyShortName, imageAt, imageUrl, toListItem, toPublicArticle } from './views.js';

export async function readList(ctx: Ctx, query: { page: number; category?: string; tag?: string; q?: string; collected: 'true' | 'false' }) {
  const pageSize = ctx.options.pageSize;
  const { rows, total } = await publicList(ctx.db, { page: query.page, pageSize, category: query.category, tag: query.tag?.toLowerCase(), q: query.q || undefined, collected: query.collected === 'true' });
  const images = await imagesByKey(ctx.db, rows.map((row) => row.image_key));
  return { items: rows.map((row) => toItem(ctx, row, images)), page: query.page, pages: Math.max(1, Math.ceil(total / pageSize)) };
}

function toItem(ctx: Ctx, row: PublicRow, images: Awaited<ReturnType<typeof imagesByKey>>): ListItem {
  const image = row.image_key ? images.get(row.image_key) : undefined;
  const thumb = image ? imageAt(image, 480) : null;
  return {
    kind: row.kind,
    id: row.id,
    title: row.title,
    summary: row.summary,
    href: row.kind === 'article' ? `/berita/${row.ref}` : row.ref,
    category: row.category,
    image: image && thumb ? { url: thumb.url, srcset: image.widths.map((width) => `${imageUrl(image.key, width)} ${width}w`).join(', '), alt: row.image_alt ?? '' } : row.image_url ? { url: row.image_url, srcset: '', alt: '' } : null,
    sourceName: row.kind === 'article' ? agencyShortName(ctx, row.source) : row.source,
    publishedAt: row.published_at.toISOString(),
    pinned: row.pinned,
    readingMinutes: row.words === null ? null : Math.max(1, Math.round(Number(row.words) / 200)),
  };
}

/** A published article by its slug; anything else (a draft, a scheduled one) does not exist for readers. */
export async function readArticle(ctx: Ctx, slug: string) {
  const row = await findBySlug(ctx.db, slug);
  if (!row || row.status !== 'published') throw problems.notFound(`No article "${slug}".`);
  const [corrections, related] = await Promise.all([correctionsOf(ctx.db, row.id), relatedArticles(ctx.db, row)]);
  const images = await imagesByKey(ctx.db, [row.image_key, ...related.map((item) => item.image_key)]);
  return toPublicArticle(ctx, row, {
    image: row.image_key ? images.get(row.image_key) : undefined,
    corrections,
    related: related.map((item) => toListItem(ctx, item, item.image_key ? images.get(item.image_key) : undefined)),
  });
}
