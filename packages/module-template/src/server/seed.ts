import type { Ctx } from './tables.js';

/** Demo data: an editor for the region's first agency and two notices. Runs once per database, in demo mode only. */
export async function seed(ctx: Ctx): Promise<void> {
  const agency = ctx.region.agencies[0]!.id;
  const editorId = await ctx.ensureDemoAccount({
    email: 'editor@demo.kotakit.id',
    name: 'Editor Demo',
    kind: 'officer',
    agencyId: agency,
    roles: [{ role: 'editor', agencyId: agency }],
  });
  const now = ctx.clock.now();
  await ctx.db
    .insertInto('module_template_notices')
    .values([
      { agency_id: agency, title: 'Pelayanan tutup saat libur nasional', body: 'Kantor tutup pada hari libur nasional; layanan daring tetap buka.', created_by: editorId, published_at: new Date(now.getTime() - 86_400_000) },
      { agency_id: agency, title: 'Jadwal pelayanan keliling', body: 'Mobil pelayanan keliling hadir di kantor kecamatan setiap Selasa pagi.', created_by: editorId, published_at: now },
    ])
    .execute();
}
