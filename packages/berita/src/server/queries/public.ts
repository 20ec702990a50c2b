/** What readers see: published articles and visible collected items, in one list, searched in Indonesian. */
import { sql, type Kysely } from '@kota-kit/core/server';
import type { BeritaTables } from '../tables.js';
import { searchDocument } from './articles.js';

type Db = Kysely<BeritaTables>;
type Condition = ReturnType<typeof sql.raw>;

export interface PublicRow {
  kind: 'article' | 'collected';
  id: number;
  title: string;
  summary: string;
  ref: string;
  category: string;
  image_key: string | null;
  image_alt: string | null;
  image_url: string | null;
  source: string;
  published_at: Date;
  pinned: boolean;
  words: number | null;
}

export async function publicList(db: Db, options: { page: number; pageSize: number; category?: string; tag?: string; q?: string; collected: boolean }) {
  const query = options.q ? sql`websearch_to_tsquery('indonesian'::regconfig, ${options.q})` : null;
  const articleWhere: Condition[] = [sql`a.status = 'published'`];
  const itemWhere: Condition[] = [sql`not i.hidden`, sql`s.enabled`];
  if (options.category) {
    articleWhere.push(sql`a.category = ${options.category}`);
    itemWhere.push(sql`s.category = ${options.category}`);
  }
  if (options.tag) articleWhere.push(sql`a.tags @> array[${options.tag}]::text[]`);
  if (query) {
    articleWhere.push(sql`${searchDocument} @@ ${query}`);
    itemWhere.push(sql`to_tsvector('indonesian'::regconfig, i.title || ' ' || i.summary) @@ ${query}`);
  }
  // Collected items have no tags: a tag filter shows the newsroom's own articles only.
  const withItems = options.collected && !options.tag;
  const items = sql`
    union all
    select 'collected' as kind, i.id, i.title, i.summary, i.url as ref, s.category, i.image_key, null::text as image_alt, null::text as image_url,
           s.name as source, i.published_at, i.pinned, null::int as words
    from berita_items i join berita_sources s on s.id = i.source_id
    where ${sql.join(itemWhere, sql` and `)}`;
  const result = await sql<PublicRow & { total: string }>`
    select x.*, count(*) over () as total from (
      select 'article' as kind, a.id, a.title, a.summary, a.slug as ref, a.category, a.image_key, a.image_alt, null::text as image_url,
             a.agency_id as source, a.published_at, false as pinned, array_length(regexp_split_to_array(btrim(a.body_text), '\\s+'), 1) as words
      from berita_articles a
      where ${sql.join(articleWhere, sql` and `)}
      ${withItems ? items : sql``}
    ) x
    order by x.pinned desc, x.published_at desc, x.kind, x.id desc
    limit ${options.pageSize} offset ${(options.page - 1) * options.pageSize}`.execute(db);
  const total = result.rows[0] ? Number(result.rows[0].total) : 0;
  return { rows: result.rows.map((row) => ({ ...row, published_at: new Date(row.published_at) })), total };
}

/** Up to `limit` other published articles: most shared tags first, then the same category, newest first. */
export function relatedArticles(db: Db, article: { id: number; category: string; tags: string[] }, limit = 3) {
  return db
    .selectFrom('berita_articles')
    .selectAll()
    .where('status', '=', 'published')
    .where('id', '!=', article.id)
    .where((eb) => eb.or([eb('category', '=', article.category), sql<boolean>`tags && ${sql.val(article.tags)}::text[]`]))
    .orderBy(sql`cardinality(array(select unnest(tags) intersect select unnest(${sql.val(article.tags)}::text[])))`, 'desc')
    .orderBy('published_at', 'desc')
    .limit(limit)
    .execute();
}

/** The newest published articles (feeds: 50), optionally of one category, or since a time (news sitemap). */
export function newestPublished(db: Db, options: { limit: number; category?: string; since?: Date }) {
  let query = db.selectFrom('berita_articles').selectAll().where('status', '=', 'published');
  if (options.category) query = query.where('category', '=', options.category);
  if (options.since) query = query.where('published_at', '>=', options.since);
  return query.orderBy('published_at', 'desc').orderBy('id', 'desc').limit(options.limit).execute();
}
