/** SQL of the notices resource: nothing here knows about HTTP or roles. */
import type { Kysely, Selectable } from '@kota-kit/core/server';
import type { Notice } from '../../schemas/notices.js';
import type { ModuleTemplateTables } from '../tables.js';

type Db = Kysely<ModuleTemplateTables>;
type NoticeRow = Selectable<ModuleTemplateTables['module_template_notices']>;

export const toNotice = (row: NoticeRow): Notice => ({
  id: row.id,
  agencyId: row.agency_id,
  title: row.title,
  body: row.body,
  publishedAt: row.published_at.toISOString(),
});

export async function listNotices(db: Db, options: { page: number; pageSize: number; agency?: string }) {
  let query = db.selectFrom('module_template_notices').where('withdrawn_at', 'is', null);
  if (options.agency) query = query.where('agency_id', '=', options.agency);
  const [rows, total] = await Promise.all([
    query.selectAll().orderBy('published_at', 'desc').orderBy('id', 'desc').limit(options.pageSize).offset((options.page - 1) * options.pageSize).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.count) };
}

export function findNotice(db: Db, id: number) {
  return db.selectFrom('module_template_notices').selectAll().where('id', '=', id).executeTakeFirst();
}

export function insertNotice(db: Db, values: { agencyId: string; title: string; body: string; createdBy: string; at: Date }) {
  return db
    .insertInto('module_template_notices')
    .values({ agency_id: values.agencyId, title: values.title, body: values.body, created_by: values.createdBy, published_at: values.at })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Withdraws a notice that is still published; undefined when there is none. */
export function withdrawNotice(db: Db, id: number, at: Date) {
  return db.updateTable('module_template_notices').set({ withdrawn_at: at }).where('id', '=', id).where('withdrawn_at', 'is', null).returningAll().executeTakeFirst();
}
