import { randomUUID } from 'node:crypto';
import type { ActorKind, ReportStatus, ReportType } from '../schemas.js';
import { insertEvent } from './queries/events.js';
import { dueAfter } from './services/calendar.js';
import { categoryOf, regionKecamatan } from './services/reports.js';
import { newSecret, nextTicket, sha256 } from './services/tickets.js';
import type { Ctx, Db, EventKind, NoteCode, NoteParams } from './tables.js';

interface DemoReport {
  category: string;
  type?: ReportType;
  title: string;
  description: string;
  kecamatan: string;
  kelurahan: string;
  address: string;
  status: ReportStatus;
  /** Days before now the report was sent. */
  daysAgo: number;
  confidential?: boolean;
  anonymous?: boolean;
  contact?: { name: string; email?: string; phone?: string };
  response?: string;
  rating?: number;
  rejectNote?: string;
  duplicateOf?: number;
  supporters?: number;
}

const reports: DemoReport[] = [
  { category: 'jalan-rusak', title: 'Jalan berlubang besar di Jl. Imam Bonjol', description: 'Lubang sekitar satu meter di lajur kiri depan ruko, sudah dua pengendara motor jatuh minggu ini. Mohon segera ditambal.', kecamatan: 'Karawaci', kelurahan: 'Bugel', address: 'Jl. Imam Bonjol, depan Pasar Lembang', status: 'closed', daysAgo: 40, contact: { name: 'Rina Marlina', phone: '081234567801' }, response: 'Lubang sudah ditambal dengan aspal hotmix oleh tim UPT Jalan pada hari Kamis. Terima kasih atas laporannya.', rating: 5, supporters: 12 },
  { category: 'jalan-rusak', title: 'Aspal mengelupas di Jl. KH Hasyim Ashari', description: 'Permukaan jalan mengelupas sepanjang kurang lebih 50 meter dekat SPBU, licin saat hujan.', kecamatan: 'Cipondoh', kelurahan: 'Cipondoh Indah', address: 'Jl. KH Hasyim Ashari dekat SPBU', status: 'in_progress', daysAgo: 12, contact: { name: 'Ahmad Fauzi', email: 'fauzi.demo@example.com' }, supporters: 7 },
  { category: 'jalan-rusak', title: 'Jalan lingkungan rusak di Perumahan Poris', description: 'Jalan lingkungan RW 05 rusak parah dan berlubang, mobil sampah sulit masuk.', kecamatan: 'Batuceper', kelurahan: 'Poris Gaga', address: 'Jl. Poris Indah Raya RW 05', status: 'forwarded', daysAgo: 9, anonymous: true, contact: { name: 'Warga RW 05', phone: '081298765402' } },
  { category: 'jalan-rusak', title: 'Lubang di Jl. Daan Mogot dekat halte', description: 'Ada lubang dalam di dekat halte bus, tergenang air sehingga tidak terlihat pengendara.', kecamatan: 'Tangerang', kelurahan: 'Sukarasa', address: 'Jl. Daan Mogot dekat halte Tanah Tinggi', status: 'submitted', daysAgo: 0 },
  { category: 'jalan-rusak', title: 'Jalan berlubang Jl. Imam Bonjol dekat pasar', description: 'Lubang besar di jalan Imam Bonjol, bahaya untuk motor di malam hari.', kecamatan: 'Karawaci', kelurahan: 'Bugel', address: 'Jl. Imam Bonjol', status: 'duplicate', daysAgo: 39, duplicateOf: 0, contact: { name: 'Dedi Kurnia', phone: '081377788803' } },
  { category: 'drainase-banjir', title: 'Genangan setinggi lutut setiap hujan di Ciledug', description: 'Saluran air di sepanjang Jl. HOS Cokroaminoto tersumbat lumpur dan sampah. Setiap hujan deras air masuk ke rumah warga.', kecamatan: 'Ciledug', kelurahan: 'Sudimara Barat', address: 'Jl. HOS Cokroaminoto', status: 'in_progress', daysAgo: 15, contact: { name: 'Siti Aminah', phone: '085711122204' }, supporters: 23 },
  { category: 'drainase-banjir', title: 'Gorong-gorong ambrol di Periuk', description: 'Gorong-gorong di depan masjid ambrol sehingga air tidak mengalir dan jalan amblas.', kecamatan: 'Periuk', kelurahan: 'Gebang Raya', address: 'Jl. Gebang Raya depan Masjid Al-Ikhlas', status: 'resolved', daysAgo: 14, contact: { name: 'Bambang Sutrisno', email: 'bambang.demo@example.com' }, response: 'Gorong-gorong sudah diganti dengan box culvert baru dan saluran dibersihkan. Foto hasil pekerjaan terlampir.' },
  { category: 'drainase-banjir', title: 'Pintu air Kali Sabi tidak berfungsi', description: 'Pintu air macet sehingga air meluap ke permukiman saat hujan.', kecamatan: 'Cibodas', kelurahan: 'Panunggangan Barat', address: 'Pintu air Kali Sabi', status: 'verified', daysAgo: 2 },
  { category: 'drainase-banjir', title: 'Saluran tersumbat di Larangan Utara', description: 'Saluran air tertutup bangunan liar sehingga air tidak bisa mengalir dan menimbulkan bau.', kecamatan: 'Larangan', kelurahan: 'Larangan Utara', address: 'Gg. Haji Sarmili', status: 'forwarded', daysAgo: 16, confidential: true, contact: { name: 'Pelapor Rahasia', phone: '081911223305' } },
  { category: 'sampah', title: 'Sampah tidak diangkut seminggu di Jatiuwung', description: 'Tumpukan sampah di TPS Jl. Gatot Subroto belum diangkut sejak minggu lalu, bau dan banyak lalat.', kecamatan: 'Jatiuwung', kelurahan: 'Gandasari', address: 'TPS Jl. Gatot Subroto km 5', status: 'closed', daysAgo: 30, contact: { name: 'Yusuf Hidayat', phone: '081355566606' }, response: 'Sampah sudah diangkut dengan dua armada truk dan jadwal pengangkutan TPS ini ditambah menjadi setiap hari.', rating: 4, supporters: 9 },
  { category: 'sampah', title: 'Pembuangan sampah liar di bantaran Cisadane', description: 'Warga membuang sampah di bantaran sungai dekat jembatan, mohon dipasang papan larangan dan diangkut.', kecamatan: 'Tangerang', kelurahan: 'Sukasari', address: 'Bantaran Sungai Cisadane dekat Jembatan Berendeng', status: 'in_progress', daysAgo: 6, supporters: 15 },
  { category: 'sampah', title: 'Truk sampah tidak datang di Perumnas', description: 'Sudah tiga hari truk sampah tidak datang ke Perumnas 2, sampah menumpuk di depan rumah.', kecamatan: 'Karawaci', kelurahan: 'Cibodas Baru', address: 'Perumnas 2 Blok C', status: 'resolved', daysAgo: 5, contact: { name: 'Lina Wati', email: 'lina.demo@example.com' }, response: 'Armada sempat rusak; sampah sudah diangkut kemarin sore dan jadwal kembali normal.' },
  { category: 'sampah', title: 'Sampah menumpuk di Pasar Anyar', description: 'Sisa sampah pasar menumpuk di sisi timur sampai ke jalan.', kecamatan: 'Tangerang', kelurahan: 'Sukarasa', address: 'Pasar Anyar sisi timur', status: 'submitted', daysAgo: 5, contact: { name: 'Hendra', phone: '081277788807' } },
  { category: 'pohon-tumbang', title: 'Pohon miring hampir tumbang di Jl. Veteran', description: 'Pohon angsana besar miring ke arah jalan, akarnya terangkat. Berbahaya jika hujan angin.', kecamatan: 'Tangerang', kelurahan: 'Babakan', address: 'Jl. Veteran depan sekolah', status: 'closed', daysAgo: 25, response: 'Pohon sudah dipangkas dan ditopang oleh tim pertamanan.', rating: 4 },
  { category: 'lampu-jalan', title: 'PJU mati sepanjang Jl. Perintis Kemerdekaan', description: 'Sekitar 10 lampu penerangan jalan mati, jalan gelap dan rawan begal.', kecamatan: 'Tangerang', kelurahan: 'Cikokol', address: 'Jl. Perintis Kemerdekaan', status: 'resolved', daysAgo: 8, anonymous: true, contact: { name: 'Anonim', phone: '081266677708' }, response: 'Sepuluh lampu PJU sudah diganti dengan lampu LED baru pada malam hari.' },
  { category: 'lampu-jalan', title: 'Lampu jalan berkedip di Jl. Raden Saleh', description: 'Lampu jalan berkedip terus dan sebagian mati di depan perumahan.', kecamatan: 'Karangtengah', kelurahan: 'Karang Mulya', address: 'Jl. Raden Saleh', status: 'forwarded', daysAgo: 3, contact: { name: 'Rudi Hartono', email: 'rudi.demo@example.com' } },
  { category: 'lampu-jalan', title: 'Lampu taman kota mati', description: 'Lampu di Taman Gajah Tunggal mati semua, taman gelap pada malam hari.', kecamatan: 'Tangerang', kelurahan: 'Sukaasih', address: 'Taman Gajah Tunggal', status: 'reopened', daysAgo: 20, response: 'Lampu sudah diperbaiki.', contact: { name: 'Nur Aisyah', phone: '081344455509' } },
  { category: 'parkir-liar', title: 'Parkir liar di bahu jalan dekat stasiun', description: 'Mobil dan motor parkir di bahu jalan depan Stasiun Tangerang sehingga macet setiap sore.', kecamatan: 'Tangerang', kelurahan: 'Sukasari', address: 'Jl. Kisamaun depan Stasiun Tangerang', status: 'in_progress', daysAgo: 11, supporters: 31 },
  { category: 'parkir-liar', title: 'Juru parkir liar menarik tarif tinggi', description: 'Juru parkir di minimarket menarik tarif Rp 5.000 untuk motor dan tidak memberi karcis.', kecamatan: 'Cipondoh', kelurahan: 'Poris Plawad', address: 'Jl. Maulana Hasanudin', status: 'rejected', daysAgo: 18, rejectNote: 'Parkir di halaman minimarket adalah area privat; laporan diteruskan kepada pengelola toko.', contact: { name: 'Agus Salim', phone: '081299900010' } },
  { category: 'lalu-lintas', title: 'Lampu lalu lintas mati di simpang Cikokol', description: 'Traffic light di simpang Cikokol mati sejak pagi, terjadi kemacetan panjang.', kecamatan: 'Tangerang', kelurahan: 'Cikokol', address: 'Simpang Cikokol', status: 'closed', daysAgo: 35, response: 'Kontroler lampu lalu lintas sudah diganti, simpang kembali normal.', rating: 3 },
  { category: 'lalu-lintas', title: 'Rambu dilarang parkir hilang', description: 'Rambu dilarang parkir di Jl. Sudirman depan bank hilang, banyak kendaraan parkir sembarangan.', kecamatan: 'Cibodas', kelurahan: 'Cibodas', address: 'Jl. Jenderal Sudirman', status: 'verified', daysAgo: 6 },
  { category: 'layanan-puskesmas', title: 'Antrean puskesmas sangat lama', description: 'Saya menunggu lebih dari tiga jam untuk diperiksa di puskesmas, nomor antrean tidak jelas.', kecamatan: 'Cipondoh', kelurahan: 'Gondrong', address: 'Puskesmas Cipondoh', status: 'resolved', daysAgo: 9, confidential: true, contact: { name: 'Maya Sari', email: 'maya.demo@example.com', phone: '081233344411' }, response: 'Puskesmas menambah loket pendaftaran dan menerapkan antrean daring mulai minggu ini. Mohon maaf atas ketidaknyamanannya.' },
  { category: 'layanan-puskesmas', title: 'Obat di puskesmas sering kosong', description: 'Obat hipertensi sering kosong di apotek puskesmas sehingga harus beli sendiri.', kecamatan: 'Periuk', kelurahan: 'Periuk', address: 'Puskesmas Periuk', status: 'forwarded', daysAgo: 4, anonymous: true },
  { category: 'ktp-kk', title: 'KTP-el belum jadi setelah tiga bulan', description: 'Perekaman KTP-el sudah tiga bulan lalu tetapi sampai sekarang belum bisa dicetak, alasan blangko habis.', kecamatan: 'Neglasari', kelurahan: 'Karang Anyar', address: 'Kantor Kecamatan Neglasari', status: 'closed', daysAgo: 45, confidential: true, contact: { name: 'Joko Prasetyo', phone: '081255566612' }, response: 'KTP-el sudah dicetak dan dapat diambil di kantor kecamatan.', rating: 5 },
  { category: 'ktp-kk', title: 'Antrean daring Disdukcapil selalu penuh', description: 'Kuota antrean daring untuk pembuatan KK selalu penuh dalam hitungan menit.', kecamatan: 'Pinang', kelurahan: 'Pinang', address: 'Kantor Disdukcapil', status: 'submitted', daysAgo: 1, contact: { name: 'Tono', email: 'tono.demo@example.com' } },
  { category: 'ketenagakerjaan', title: 'Pelatihan kerja tidak ada kabar', description: 'Sudah mendaftar pelatihan kerja BLK dua bulan lalu tetapi tidak ada kabar.', kecamatan: 'Benda', kelurahan: 'Jurumudi', address: 'Jl. Marsekal Suryadarma', status: 'in_progress', daysAgo: 10 },
  { category: 'harga-pasar', title: 'Timbangan pedagang tidak sesuai', description: 'Beberapa pedagang di pasar memakai timbangan yang kurang, mohon tera ulang.', kecamatan: 'Karawaci', kelurahan: 'Karawaci', address: 'Pasar Malabar', status: 'forwarded', daysAgo: 2 },
  { category: 'aspirasi-umum', type: 'aspiration', title: 'Usul taman bermain anak di Poris Plawad', description: 'Lahan kosong milik pemkot di dekat kantor kelurahan bisa dijadikan taman bermain anak dan ruang terbuka hijau.', kecamatan: 'Cipondoh', kelurahan: 'Poris Plawad', address: 'Dekat Kantor Kelurahan Poris Plawad', status: 'closed', daysAgo: 50, response: 'Usulan dicatat dan masuk rencana pembangunan taman tematik tahun depan.', rating: 4, supporters: 40 },
  { category: 'aspirasi-umum', type: 'aspiration', title: 'Tambah jalur sepeda di Jl. Sudirman', description: 'Mohon dibuat jalur sepeda terpisah di Jl. Sudirman agar warga aman bersepeda ke kantor.', kecamatan: 'Tangerang', kelurahan: 'Babakan', address: 'Jl. Jenderal Sudirman', status: 'verified', daysAgo: 1, supporters: 5 },
  { category: 'permintaan-informasi', type: 'information', title: 'Jadwal pengangkutan sampah per kelurahan', description: 'Mohon informasi jadwal pengangkutan sampah untuk Kelurahan Sudimara Jaya.', kecamatan: 'Ciledug', kelurahan: 'Sudimara Jaya', address: 'Kelurahan Sudimara Jaya', status: 'resolved', daysAgo: 7, response: 'Jadwal pengangkutan: Senin, Rabu, Jumat pukul 06.00–09.00. Informasi lengkap di laman DLH.' },
  { category: 'permintaan-informasi', type: 'information', title: 'Anggaran perbaikan jalan kecamatan', description: 'Mohon informasi besaran anggaran perbaikan jalan lingkungan di Kecamatan Larangan tahun ini.', kecamatan: 'Larangan', kelurahan: 'Larangan Indah', address: 'Kecamatan Larangan', status: 'submitted', daysAgo: 3, contact: { name: 'Fitri', email: 'fitri.demo@example.com' } },
  { category: 'sampah', title: 'Spam iklan', description: 'Jual obat pelangsing murah hubungi nomor ini sekarang juga.', kecamatan: 'Pinang', kelurahan: 'Kunciran', address: '-', status: 'rejected', daysAgo: 4, rejectNote: 'Bukan laporan layanan publik (spam).' },
  { category: 'drainase-banjir', title: 'Banjir di underpass Karawaci', description: 'Underpass tergenang setinggi 50 cm setiap hujan, kendaraan kecil mogok.', kecamatan: 'Karawaci', kelurahan: 'Nusa Jaya', address: 'Underpass Jl. Imam Bonjol', status: 'duplicate', daysAgo: 13, duplicateOf: 5 },
];

const statusPath: Record<ReportStatus, ReportStatus[]> = {
  submitted: [],
  verified: ['verified'],
  rejected: ['rejected'],
  duplicate: ['duplicate'],
  forwarded: ['verified', 'forwarded'],
  in_progress: ['verified', 'forwarded', 'in_progress'],
  resolved: ['verified', 'forwarded', 'in_progress', 'resolved'],
  closed: ['verified', 'forwarded', 'in_progress', 'resolved', 'closed'],
  reopened: ['verified', 'forwarded', 'in_progress', 'resolved', 'reopened'],
};

/** The demo report's kecamatan when the region has it, else one of the region's in turn (none when it lists none). */
function demoKecamatan(names: readonly string[], wanted: string, index: number): string | null {
  return names.find((name) => name.toLowerCase() === wanted.toLowerCase()) ?? names[index % names.length] ?? null;
}

/**
 * A point for a demo report from the region's geography: its kecamatan's centre (or the middle of the bounds)
 * moved a little, so markers do not sit on each other; none when the region gives no geography.
 */
function demoPoint(ctx: Ctx, kecamatan: string | null, index: number): { lat: number; lng: number } | null {
  const geography = ctx.region.geography;
  if (!geography) return null;
  const { bounds } = geography;
  const centre = geography.kecamatan.find((entry) => entry.name === kecamatan)?.centre ?? { lat: (bounds.north + bounds.south) / 2, lng: (bounds.east + bounds.west) / 2 };
  // Spread within ±0.003° (about 330 m) of the centre.
  const offset = (((index * 37) % 100) / 100) * 0.006;
  const clamp = (value: number, min: number, max: number) => Math.round(Math.min(max, Math.max(min, value)) * 100_000) / 100_000;
  return { lat: clamp(centre.lat + offset - 0.003, bounds.south, bounds.north), lng: clamp(centre.lng - offset + 0.003, bounds.west, bounds.east) };
}

/** Demo data: realistic Tangerang reports in every status, some anonymous, confidential or overdue. */
export async function seedDemoReports(ctx: Ctx): Promise<void> {
  await ctx.unitOfWork({ actor: null }, (work) => seedReports(ctx, work.db));
}

async function seedReports(ctx: Ctx, db: Db): Promise<void> {
  const now = ctx.clock.now().getTime();
  const hour = 3_600_000;
  const ids: string[] = [];
  const names = regionKecamatan(ctx);
  for (const demo of reports) {
    const category = categoryOf(ctx, demo.category) ?? ctx.options.categories[0]!;
    const kecamatan = demoKecamatan(names, demo.kecamatan, ids.length);
    const point = demoPoint(ctx, kecamatan, ids.length);
    const created = new Date(now - demo.daysAgo * 24 * hour - 5 * hour);
    const steps = statusPath[demo.status];
    // Steps spread over the time since the report was sent (in-progress ones take a while).
    const span = Math.max(now - created.getTime() - hour, hour);
    const at = (index: number) => new Date(created.getTime() + (span * (index + 1)) / (steps.length + 1));
    const times: Partial<Record<ReportStatus, Date>> = {};
    steps.forEach((step, index) => (times[step] = at(index)));
    const forwardedAt = times.forwarded ?? null;
    const ticket = await nextTicket(db, new Date(created).toISOString().slice(0, 10));
    const agencyDue = forwardedAt ? dueAfter(ctx, forwardedAt, category.deadlineWorkingDays) : null;
    const duplicateOf = demo.duplicateOf !== undefined ? (ids[demo.duplicateOf] ?? null) : null;
    const id = randomUUID();
    await db
      .insertInto('laksa_reports')
      .values({
        id,
        ticket,
        tracking_hash: sha256(newSecret(24)),
        type: demo.type ?? category.types[0]!,
        category: category.id,
        title: demo.title,
        description: demo.description,
        lat: point?.lat ?? null,
        lng: point?.lng ?? null,
        address: demo.address,
        kecamatan,
        kelurahan: demo.kelurahan,
        confidential: demo.confidential ?? false,
        anonymous: demo.anonymous ?? false,
        status: demo.status,
        agency_id: category.agency,
        assignee_id: null,
        assignee_name: null,
        source: 'web',
        open311_token: null,
        reject_reason: demo.status === 'rejected' ? (demo.rejectNote?.includes('spam') ? 'spam' : 'not_authority') : null,
        duplicate_of: duplicateOf,
        supporters: demo.supporters ?? 0,
        rating: demo.rating ?? null,
        rating_comment: null,
        verify_due: dueAfter(ctx, created, ctx.options.verifyWithinWorkingDays),
        agency_due: agencyDue,
        verify_overdue_at: null,
        agency_overdue_at: null,
        created_at: created,
        updated_at: steps.length ? at(steps.length - 1) : created,
        verified_at: times.verified ?? null,
        forwarded_at: forwardedAt,
        first_response_at: times.in_progress ?? null,
        resolved_at: demo.status === 'resolved' || demo.status === 'closed' ? (times.resolved ?? null) : null,
        closed_at: times.closed ?? times.rejected ?? times.duplicate ?? null,
        rated_at: demo.rating ? (times.closed ?? null) : null,
        contact_deleted_at: null,
      })
      .execute();
    ids.push(id);
    if (demo.contact) await db.insertInto('laksa_contacts').values({ report_id: id, name: demo.contact.name, email: demo.contact.email ?? null, phone: demo.contact.phone ?? null, nik: null }).execute();
    // People's words are demo data; what the system says is a code (translated when shown).
    const event = (when: Date, kind: EventKind, from: ReportStatus | null, to: ReportStatus, actor: ActorKind, note: string | { code: NoteCode; params: NoteParams } | null, internal = false, actorName: string | null = null) =>
      insertEvent(db, {
        reportId: id,
        at: when,
        kind,
        from,
        to,
        note: typeof note === 'string' ? note : null,
        code: note && typeof note === 'object' ? note : null,
        internal,
        actor,
        actorName,
        agencyId: actor === 'agency' ? category.agency : actor === 'verifier' ? ctx.options.verifierAgency : null,
      });
    await event(created, 'status', null, 'submitted', 'citizen', null);
    let previous: ReportStatus = 'submitted';
    const agencyName = ctx.region.agencies.find((agency) => agency.id === category.agency)?.shortName ?? category.agency;
    for (const step of steps) {
      const when = times[step]!;
      if (step === 'verified') await event(when, 'status', previous, step, 'verifier', null, false, 'Verifikator Demo');
      if (step === 'forwarded') await event(when, 'status', previous, step, 'verifier', `Diteruskan ke ${agencyName}.`, false, 'Verifikator Demo');
      if (step === 'in_progress') {
        await event(when, 'status', previous, step, 'agency', 'Laporan sedang ditindaklanjuti oleh tim lapangan.', false, `Petugas ${agencyName}`);
        await event(new Date(when.getTime() + hour), 'note', step, step, 'agency', 'Koordinasi dengan kelurahan untuk jadwal pekerjaan.', true, `Petugas ${agencyName}`);
      }
      if (step === 'resolved') await event(when, 'response', previous, step, 'agency', demo.response ?? 'Sudah ditindaklanjuti.', false, `Petugas ${agencyName}`);
      if (step === 'closed') await event(when, 'status', previous, step, 'system', { code: 'closed.automatically', params: { days: ctx.options.autoCloseAfterWorkingDays } });
      if (step === 'reopened') await event(when, 'reopen', previous, step, 'citizen', 'Lampu masih mati sebagian, mohon dicek kembali.');
      if (step === 'rejected') await event(when, 'status', previous, step, 'verifier', demo.rejectNote ?? 'Bukan kewenangan Pemerintah Kota.', false, 'Verifikator Demo');
      if (step === 'duplicate') await event(when, 'status', previous, step, 'verifier', `Digabung dengan laporan yang sama.`, false, 'Verifikator Demo');
      previous = step;
    }
    if (demo.rating && times.closed) await event(times.closed, 'rating', 'closed', 'closed', 'citizen', null);
  }
}

export async function seedDemoAccounts(ctx: Ctx): Promise<void> {
  await ctx.ensureDemoAccount({ email: 'verifier@demo.kotakit.id', name: 'Verifikator Demo', kind: 'officer', agencyId: ctx.options.verifierAgency, roles: [{ role: 'verifier' }] });
  for (const agencyId of ['dpupr', 'dlh']) {
    if (!ctx.region.agencies.some((agency) => agency.id === agencyId)) continue;
    await ctx.ensureDemoAccount({ email: `${agencyId}@demo.kotakit.id`, name: `Petugas ${agencyId.toUpperCase()}`, kind: 'officer', agencyId, roles: [{ role: 'handler', agencyId }] });
  }
}
