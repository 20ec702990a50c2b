/** SQL of the articles resource: nothing here knows about HTTP or roles. */
import { sql, type Kysely, type Selectable, type Transaction } from '@kota-kit/core/server';
import type { BeritaTables } from '../tables.js';

type Db = Kysely<BeritaTables> | Transaction<BeritaTables>;
export type ArticleRow = Selectable<BeritaTables['berita_articles']>;
export type ImageRow = Selectable<BeritaTables['berita_images']>;

/** The full-text document of an article: the same expression as the GIN index, so the index is used. */
export const searchDocument = sql`to_tsvector('indonesian'::regconfig, title || ' ' || summary || ' ' || body_text)`;

export const findArticle = (db: Db, id: number) => db.selectFrom('berita_articles').selectAll().where('id', '=', id).executeTakeFirst();
export const findBySlug = (db: Db, slug: string) => db.selectFrom('berita_articles').selectAll().where('slug', '=', slug).executeTakeFirst();
/** For update inside a unit of work: two editors acting at once are serialised on the row. */
export const lockArticle = (db: Transaction<BeritaTables>, id: number) => db.selectFrom('berita_articles').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

export async function uniqueSlug(db: Db, base: string): Promise<string> {
  const taken = new Set((await db.selectFrom('berita_articles').select('slug').where('slug', 'like', `${base}%`).execute()).map((row) => row.slug));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

export const imagesByKey = async (db: Db, keys: (string | null)[]) => {
  const wanted = [...new Set(keys.filter((key): key is string => !!key))];
  if (!wanted.length) return new Map<string, ImageRow>();
  const rows = await db.selectFrom('berita_images').selectAll().where('key', 'in', wanted).execute();
  return new Map(rows.map((row) => [row.key, row]));
};

export const findImage = (db: Db, key: string) => db.selectFrom('berita_images').selectAll().where('key', '=', key).executeTakeFirst();

export function eventsOf(db: Db, articleId: number) {
  return db.selectFrom('berita_events').selectAll().where('article_id', '=', articleId).orderBy('id').execute();
}

export function correctionsOf(db: Db, articleId: number) {
  return db.selectFrom('berita_corrections').select(['id', 'at', 'text']).where('article_id', '=', articleId).orderBy('at').orderBy('id').execute();
}

export async function insertEvent(db: Db, event: { articleId: number; at: Date; actorId: string | null; actorName: string; action: string; from: string | null; to: string; comment?: string | null }) {
  await db
    .insertInto('berita_events')
    .values({ article_id: event.articleId, at: event.at, actor_id: event.actorId, actor_name: event.actorName, action: event.action, from_status: event.from, to_status: event.to, comment: event.comment ?? null })
    .execute();
}

export async function insertRevision(db: Db, row: ArticleRow) {
  await db
    .insertInto('berita_revisions')
    .values({ article_id: row.id, number: row.revision, title: row.title, summary: row.summary, body_html: row.body_html, tags: row.tags, author_id: row.author_id, author_name: row.author_name, created_at: row.updated_at })
    .execute();
}

export function revisionsOf(db: Db, articleId: number) {
  return db.selectFrom('berita_revisions').select(['number', 'created_at', 'author_name', 'title']).where('article_id', '=', articleId).orderBy('number', 'desc').execute();
}

export function revisionPair(db: Db, articleId: number, numbers: number[]) {
  return db.selectFrom('berita_revisions').selectAll().where('article_id', '=', articleId).where('number', 'in', numbers).execute();
}

/** The newsroom's list: the agencies the officer works for ('all' for the newsroom and admins). */
export async function newsroomList(db: Db, options: { agencies: string[] | 'all'; status?: string; q?: string; page: number; pageSize: number }) {
  let query = db.selectFrom('berita_articles');
  if (options.agencies !== 'all') query = options.agencies.length ? query.where('agency_id', 'in', options.agencies) : query.where(sql<boolean>`false`);
  const counts = await query.select(['status', (eb) => eb.fn.countAll<string>().as('count')]).groupBy('status').execute();
  if (options.status) query = query.where('status', '=', options.status as ArticleRow['status']);
  if (options.q) query = query.where('title', 'ilike', `%${options.q.replace(/[\\%_]/g, '\\$&')}%`);
  const [rows, total] = await Promise.all([
    query.selectAll().orderBy('updated_at', 'desc').orderBy('id', 'desc').limit(options.pageSize).offset((options.page - 1) * options.pageSize).execute(),
    query.select((eb) => eb.fn.countAll<string>().as('count')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.count), counts: Object.fromEntries(counts.map((row) => [row.status, Number(row.count)])) };
}

/** Scheduled articles whose time has come, claimed by moving them to published (one process wins each). */
export function publishDue(db: Transaction<BeritaTables>, now: Date) {
  return db
    .updateTable('berita_articles')
    .set({ status: 'published', published_at: sql<Date>`coalesce(published_at, scheduled_at)`, updated_at: now })
    .where('status', '=', 'scheduled')
    .where('scheduled_at', '<=', now)
    .returningAll()
    .execute();
}
