/**
 * Demo data, once per database in demo mode: a writer and an editor of the newsroom agency, a writer of a second
 * agency, about 40 deterministic articles in every workflow state with pictures drawn at seed time, and the two
 * collected sources read from fixture files.
 */
import { imageFromSvg } from '@kota-kit/core/images';
import { demoSources } from './fixtures/index.js';
import { insertEvent, insertRevision } from './queries/articles.js';
import { demoArticles, demoBody, demoSvg } from './seed-articles.js';
import { fetchSource } from './services/collector.js';
import { storeImage } from './services/images.js';
import { plainText, slugify } from './services/sanitize.js';
import type { BeritaTables, Ctx } from './tables.js';

export const demoAccounts = {
  writer: 'penulis@demo.kotakit.id',
  editor: 'redaktur@demo.kotakit.id',
  agencyWriter: 'penulis.dinas@demo.kotakit.id',
} as const;

type Status = BeritaTables['berita_articles']['status'];
/** Which demo article is in which state (index in the list → state); every other one is published. */
const states: Record<number, Status> = { 3: 'draft', 9: 'review', 17: 'review', 24: 'changes', 31: 'approved', 36: 'scheduled', 39: 'draft' };

export async function seed(ctx: Ctx): Promise<void> {
  const newsroom = ctx.options.newsroomAgency;
  const other = ctx.region.agencies.find((agency) => agency.id !== newsroom)?.id ?? newsroom;
  const writerId = await ctx.ensureDemoAccount({ email: demoAccounts.writer, name: 'Penulis Demo', kind: 'officer', agencyId: newsroom, roles: [{ role: 'writer', agencyId: newsroom }] });
  const editorId = await ctx.ensureDemoAccount({ email: demoAccounts.editor, name: 'Redaktur Demo', kind: 'officer', agencyId: newsroom, roles: [{ role: 'editor', agencyId: newsroom }] });
  const agencyWriterId = await ctx.ensureDemoAccount({ email: demoAccounts.agencyWriter, name: 'Penulis Dinas Demo', kind: 'officer', agencyId: other, roles: [{ role: 'writer', agencyId: other }] });

  // Two pictures per category, drawn now: no download, the same every time.
  const pictures = new Map<string, string>();
  for (const category of new Set(demoArticles.map(([slug]) => slug))) {
    for (const variant of [0, 1]) pictures.set(`${category}:${variant}`, (await storeImage(ctx, { actor: null }, await imageFromSvg(demoSvg(category, variant)), null)).key);
  }

  const now = ctx.clock.now();
  const categories = new Set(ctx.options.categories.map((category) => category.slug));
  await ctx.unitOfWork({ actor: null }, async (work) => {
    for (const [index, [category, title, summary, tags]] of demoArticles.entries()) {
      if (!categories.has(category)) continue;
      const status = states[index] ?? 'published';
      const fromOther = index % 5 === 2;
      const author = fromOther ? { id: agencyWriterId, name: 'Penulis Dinas Demo', agency: other } : { id: writerId, name: 'Penulis Demo', agency: newsroom };
      // Published ones spread over the last 30 days, the newest few within the Google News window (2 days).
      const published = status === 'published' ? new Date(now.getTime() - (index * 17 + 3) * 3_600_000) : null;
      const created = new Date((published ?? now).getTime() - 6 * 3_600_000);
      const bodyHtml = demoBody(category, title, summary, index);
      const row = await work.db
        .insertInto('berita_articles')
        .values({
          slug: slugify(title),
          status,
          agency_id: author.agency,
          category,
          title,
          summary,
          body_html: bodyHtml,
          body_text: plainText(bodyHtml, 200_000),
          tags,
          image_key: pictures.get(`${category}:${index % 2}`) ?? null,
          image_alt: `Ilustrasi berita ${category.replace('-', ' ')}: gedung-gedung kota dengan langit cerah`,
          image_caption: title,
          image_credit: 'Dok. Diskominfo',
          author_id: author.id,
          author_name: author.name,
          created_at: created,
          updated_at: published ?? created,
          scheduled_at: status === 'scheduled' ? new Date(now.getTime() + 20 * 3_600_000) : null,
          published_at: published,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await insertRevision(work.db, row);
      await insertEvent(work.db, { articleId: row.id, at: created, actorId: author.id, actorName: author.name, action: 'create', from: null, to: 'draft' });
      if (status === 'draft') continue;
      await insertEvent(work.db, { articleId: row.id, at: created, actorId: author.id, actorName: author.name, action: 'submit', from: 'draft', to: 'review' });
      if (status === 'changes') await insertEvent(work.db, { articleId: row.id, at: created, actorId: editorId, actorName: 'Redaktur Demo', action: 'request-changes', from: 'review', to: 'changes', comment: 'Mohon tambahkan jadwal dan lokasi kegiatan.' });
      if (status === 'approved') await insertEvent(work.db, { articleId: row.id, at: created, actorId: editorId, actorName: 'Redaktur Demo', action: 'approve', from: 'review', to: 'approved' });
      if (status === 'scheduled') await insertEvent(work.db, { articleId: row.id, at: created, actorId: editorId, actorName: 'Redaktur Demo', action: 'schedule', from: 'review', to: 'scheduled', comment: row.scheduled_at!.toISOString() });
      if (status === 'published') await insertEvent(work.db, { articleId: row.id, at: published!, actorId: editorId, actorName: 'Redaktur Demo', action: 'publish', from: 'review', to: 'published' });
      if (index === 7) {
        await work.db.insertInto('berita_corrections').values({ article_id: row.id, at: new Date(published!.getTime() + 3_600_000), text: 'Jam layanan hari Sabtu adalah 08.00–12.00, bukan 08.00–14.00 seperti tertulis sebelumnya.', author_id: editorId }).execute();
      }
    }
  });

  if (!ctx.options.collector.demoSources) return;
  for (const source of demoSources) {
    if (!categories.has(source.category)) continue;
    const row = await ctx.db.insertInto('berita_sources').values({ ...source, created_at: now }).onConflict((conflict) => conflict.column('url').doNothing()).returningAll().executeTakeFirst();
    if (row) await fetchSource(ctx, row);
  }
}
