/**
 * Demo data (demo mode only, once per database), deterministic: fictional Tangerang employers in the city's real
 * sectors, vacancies in every state, seekers with AK/1 cards in every state, applications in every stage, one job
 * fair, and the demo accounts listed in the README. Dates are relative to the clock.
 */
import { imageFromSvg } from '@kota-kit/core/images';
import { educationRank, type ApplicationStage, type CardStatus, type EducationLevel, type EmploymentType, type Sector, type VacancyStatus } from '../schemas/vocabulary.js';
import { addDays, addMonths, today } from './services/dates.js';
import type { Ctx } from './tables.js';

export const demoAccounts = {
  officer: 'pencaker.disnaker@demo.kotakit.id',
  seeker: 'pencari.kerja@demo.kotakit.id',
  seeker2: 'pencari.kerja2@demo.kotakit.id',
  employer: 'perusahaan@demo.kotakit.id',
  employer2: 'perusahaan2@demo.kotakit.id',
  newEmployer: 'perusahaan.baru@demo.kotakit.id',
} as const;

/** A small deterministic generator (mulberry32), so every demo database is the same. */
function random(seed: number) {
  let state = seed;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)), pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]! };
}

/** A stable uuid from a number (for demo seekers who have no sign-in account). */
const demoUuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

type EmployerSeed = [name: string, sector: Sector, kecamatan: string, address: string];
const employers: EmployerSeed[] = [
  ['PT Cahaya Logistik Bandara', 'logistics', 'Benda', 'Jl. Marsekal Suryadarma No. 18'],
  ['PT Sinar Karawaci Plastindo', 'manufacturing', 'Jatiuwung', 'Kawasan Industri Jatake Blok C-7'],
  ['PT Gerbang Kargo Nusantara', 'logistics', 'Benda', 'Jl. Raya Perancis, Area Kargo Bandara'],
  ['PT Periuk Metal Presisi', 'manufacturing', 'Periuk', 'Jl. Gatot Subroto Km 4,5'],
  ['PT Cisadane Garmen Mandiri', 'manufacturing', 'Jatiuwung', 'Jl. Industri Raya III No. 9'],
  ['PT Batuceper Pangan Lestari', 'manufacturing', 'Batuceper', 'Jl. Daan Mogot Km 19'],
  ['PT Angkasa Ground Services', 'logistics', 'Neglasari', 'Jl. Husein Sastranegara No. 5'],
  ['CV Mitra Gudang Selapajang', 'logistics', 'Neglasari', 'Jl. Raya Selapajang No. 33'],
  ['PT Pinang Retail Sejahtera', 'retail', 'Pinang', 'Jl. Jenderal Sudirman No. 1, Cikokol'],
  ['Toserba Ciledug Jaya', 'retail', 'Ciledug', 'Jl. HOS Cokroaminoto No. 77'],
  ['PT Modernland Swalayan', 'retail', 'Cipondoh', 'Jl. Hartono Raya No. 12'],
  ['Minimarket Karangtengah Makmur', 'retail', 'Karangtengah', 'Jl. Ciledug Raya No. 140'],
  ['Hotel Bandara Asri', 'hospitality', 'Benda', 'Jl. Atang Sanjaya No. 21'],
  ['Hotel Cisadane Riverside', 'hospitality', 'Tangerang', 'Jl. Benteng Betawi No. 2'],
  ['Rumah Makan Sate Bandeng Pak Umar', 'hospitality', 'Tangerang', 'Jl. Kisamaun No. 45'],
  ['Kafe Pasar Lama', 'hospitality', 'Tangerang', 'Jl. Cilame No. 8'],
  ['RS Sehat Sentosa Karawaci', 'health', 'Karawaci', 'Jl. Imam Bonjol No. 99'],
  ['Klinik Pratama Cibodas Medika', 'health', 'Cibodas', 'Jl. Prabu Kian Santang No. 14'],
  ['Apotek Larangan Farma', 'health', 'Larangan', 'Jl. Raden Fatah No. 30'],
  ['RSIA Bunda Cipondoh', 'health', 'Cipondoh', 'Jl. KH Hasyim Ashari No. 50'],
  ['PT Karawaci Elektronik Indah', 'manufacturing', 'Karawaci', 'Jl. Moh. Toha Km 2'],
  ['PT Jatake Kemasan Prima', 'manufacturing', 'Jatiuwung', 'Kawasan Industri Jatake Blok F-2'],
  ['PT Bangun Tangerang Konstruksi', 'construction', 'Cipondoh', 'Jl. Maulana Hasanudin No. 6'],
  ['PT Kirim Cepat Ekspres', 'logistics', 'Batuceper', 'Jl. Husein Sastranegara No. 88'],
  ['SMK Swasta Bina Karya', 'education', 'Karawaci', 'Jl. Beringin Raya No. 3'],
  ['PT Teknologi Digital Cikokol', 'technology', 'Tangerang', 'Jl. TMP Taruna No. 15'],
  ['Koperasi Simpan Pinjam Warga Benteng', 'finance', 'Tangerang', 'Jl. Ki Samaun No. 120'],
  ['PT Bersih Prima Layanan', 'services', 'Periuk', 'Jl. Perumnas Raya No. 4'],
  ['PT Sepatu Cibodas Indonesia', 'manufacturing', 'Cibodas', 'Jl. Gatot Subroto Km 5'],
  ['PT Laundry Hotel Benda', 'services', 'Benda', 'Jl. Raya Benda No. 60'],
];

type Job = [title: string, type: EmploymentType, education: EducationLevel, experience: number, salaryMin: number | null, salaryMax: number | null, skills: string[]];
const jobsBySector: Record<Sector, Job[]> = {
  logistics: [
    ['Staf Gudang Kargo', 'FULL_TIME', 'sma', 0, 4_900_000, 5_400_000, ['forklift', 'inventaris']],
    ['Pengemudi Truk Boks', 'CONTRACTOR', 'smp', 2, 5_000_000, 6_000_000, ['SIM B1', 'rute Jabodetabek']],
    ['Admin Ekspor Impor', 'FULL_TIME', 'd3', 1, 5_500_000, 7_000_000, ['dokumen kepabeanan', 'Excel']],
    ['Kurir Motor', 'PART_TIME', 'sma', 0, 120_000, 150_000, ['SIM C', 'aplikasi peta']],
  ],
  manufacturing: [
    ['Operator Produksi', 'TEMPORARY', 'smk', 0, 4_900_000, null, ['mesin injeksi', 'K3']],
    ['Teknisi Listrik Pabrik', 'FULL_TIME', 'smk', 2, 5_500_000, 6_500_000, ['PLC', 'kelistrikan industri']],
    ['Staf Quality Control', 'FULL_TIME', 'd3', 1, 5_200_000, 6_000_000, ['ISO 9001', 'pengukuran']],
    ['Operator Jahit', 'CONTRACTOR', 'smp', 1, 4_900_000, null, ['mesin jahit high speed']],
  ],
  retail: [
    ['Kasir', 'FULL_TIME', 'sma', 0, 4_900_000, 5_100_000, ['kasir', 'pelayanan']],
    ['Pramuniaga', 'PART_TIME', 'sma', 0, 25_000, 30_000, ['penataan barang']],
    ['Kepala Toko', 'FULL_TIME', 'd3', 3, 7_000_000, 9_000_000, ['kepemimpinan', 'laporan penjualan']],
  ],
  hospitality: [
    ['Resepsionis Hotel', 'FULL_TIME', 'd3', 1, 5_000_000, 5_800_000, ['bahasa Inggris', 'reservasi']],
    ['Juru Masak', 'FULL_TIME', 'smk', 2, 5_000_000, 6_500_000, ['masakan Nusantara', 'higiene']],
    ['Pramusaji', 'PART_TIME', 'sma', 0, 150_000, null, ['pelayanan tamu']],
    ['Housekeeping', 'TEMPORARY', 'smp', 0, 4_900_000, null, ['kebersihan kamar']],
  ],
  health: [
    ['Perawat', 'FULL_TIME', 'd3', 1, 5_500_000, 7_500_000, ['STR aktif', 'BTCLS']],
    ['Apoteker', 'FULL_TIME', 's1', 1, 7_000_000, 9_000_000, ['SIPA', 'pelayanan resep']],
    ['Bidan', 'FULL_TIME', 'd3', 1, 5_500_000, 7_000_000, ['STR aktif']],
    ['Petugas Pendaftaran Pasien', 'FULL_TIME', 'sma', 0, 4_900_000, 5_300_000, ['BPJS', 'komputer']],
  ],
  construction: [['Tukang Las', 'CONTRACTOR', 'smp', 2, 180_000, 220_000, ['las listrik']], ['Pengawas Lapangan', 'FULL_TIME', 's1', 3, 8_000_000, 11_000_000, ['teknik sipil', 'K3 konstruksi']]],
  education: [['Guru Produktif Otomotif', 'FULL_TIME', 's1', 1, 5_000_000, 6_000_000, ['otomotif', 'mengajar']]],
  technology: [['Pengembang Web', 'FULL_TIME', 's1', 2, 9_000_000, 14_000_000, ['TypeScript', 'React', 'PostgreSQL']], ['Magang Dukungan TI', 'INTERN', 'smk', 0, 2_500_000, null, ['jaringan', 'perbaikan komputer']]],
  finance: [['Petugas Penagihan', 'FULL_TIME', 'sma', 1, 4_900_000, 6_000_000, ['SIM C', 'komunikasi']]],
  services: [['Petugas Kebersihan', 'FULL_TIME', 'smp', 0, 4_900_000, null, ['kebersihan gedung']], ['Petugas Laundry', 'FULL_TIME', 'smp', 0, 4_900_000, null, ['mesin cuci industri']]],
  other: [],
};

const firstNames = ['Andi', 'Budi', 'Citra', 'Dewi', 'Eka', 'Fajar', 'Gita', 'Hendra', 'Indah', 'Joko', 'Kartika', 'Lestari', 'Made', 'Nur', 'Oki', 'Putri', 'Rizky', 'Siti', 'Teguh', 'Wulan', 'Yusuf', 'Zahra'];
const lastNames = ['Pratama', 'Saputra', 'Lestari', 'Hidayat', 'Wijaya', 'Kurniawan', 'Permata', 'Nugroho', 'Rahmawati', 'Setiawan', 'Maulana', 'Anggraini'];
const kecamatan = ['Batuceper', 'Benda', 'Cibodas', 'Ciledug', 'Cipondoh', 'Jatiuwung', 'Karangtengah', 'Karawaci', 'Larangan', 'Neglasari', 'Periuk', 'Pinang', 'Tangerang'];
const levels: EducationLevel[] = ['smp', 'sma', 'sma', 'smk', 'smk', 'smk', 'd3', 's1', 's1', 'sd'];

export async function seed(ctx: Ctx): Promise<void> {
  const agencyId = ctx.options.agencyId;
  const rng = random(9);
  const now = ctx.clock.now();
  const day = today(ctx);
  const ago = (days: number) => new Date(now.getTime() - days * 86_400_000);

  const officerId = await ctx.ensureDemoAccount({ email: demoAccounts.officer, name: 'Petugas Disnaker Demo', kind: 'officer', agencyId, roles: [{ role: 'officer', agencyId }] });
  const seekerUser = await ctx.ensureDemoAccount({ email: demoAccounts.seeker, name: 'Rina Pencari Kerja', kind: 'citizen' });
  const seeker2User = await ctx.ensureDemoAccount({ email: demoAccounts.seeker2, name: 'Dimas Pencari Kerja', kind: 'citizen' });
  const employerUser = await ctx.ensureDemoAccount({ email: demoAccounts.employer, name: 'Hadi (PT Cahaya Logistik Bandara)', kind: 'citizen' });
  const employer2User = await ctx.ensureDemoAccount({ email: demoAccounts.employer2, name: 'Sari (PT Sinar Karawaci Plastindo)', kind: 'citizen' });
  const newEmployerUser = await ctx.ensureDemoAccount({ email: demoAccounts.newEmployer, name: 'Yanto (PT Bangun Tangerang Konstruksi)', kind: 'citizen' });

  // ---------------------------------------------------------------- employers
  // 0 and 1 belong to the demo employer accounts (verified, moderated); 22 to the unverified demo account.
  const employerStatus = (index: number) => (index === 22 || index === 27 || index === 29 ? 'pending' : index === 28 ? 'rejected' : 'verified');
  const employerRows = await ctx.db
    .insertInto('pencaker_employers')
    .values(
      employers.map(([name, sector, kec, address], index) => ({
        name,
        nib: `91200${String(index + 1).padStart(8, '0')}`,
        npwp: `0${String(710_000_000_000_00 + index * 7919).padStart(14, '0')}`.slice(0, 15),
        sector,
        address,
        kecamatan: kec,
        contact_name: `${firstNames[index % firstNames.length]} ${lastNames[index % lastNames.length]}`,
        contact_phone: `0217${String(5_500_000 + index * 131).padStart(7, '0')}`,
        contact_email: `hrd${index + 1}@perusahaan-contoh.id`,
        website: index % 3 === 0 ? `https://perusahaan-contoh.id/${index + 1}` : null,
        description: `${name} di ${kec}, Kota Tangerang.`,
        status: employerStatus(index),
        trusted: index >= 8 && index % 4 === 0 && employerStatus(index) === 'verified',
        reject_reason: employerStatus(index) === 'rejected' ? 'NIB tidak sesuai dengan data OSS.' : null,
        created_at: ago(200 - index),
        created_by: index === 0 ? employerUser : index === 1 ? employer2User : index === 22 ? newEmployerUser : officerId,
        verified_at: employerStatus(index) === 'verified' ? ago(190 - index) : null,
        verified_by: employerStatus(index) === 'verified' ? officerId : null,
      })),
    )
    .returning(['id', 'name', 'sector', 'kecamatan', 'address', 'status'])
    .execute();
  // Placeholder logos (initials) for the first employers, drawn from SVG: no file or network needed.
  for (const [index, employer] of employerRows.slice(0, 4).entries()) {
    const initials = employer.name.replace(/^(PT|CV)\s+/, '').split(/\s+/).slice(0, 2).map((word) => word[0]).join('');
    const hue = [210, 150, 20, 280][index];
    const logo = await imageFromSvg(
      `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256"><rect width="256" height="256" rx="32" fill="hsl(${hue} 60% 35%)"/><text x="128" y="160" font-family="sans-serif" font-size="96" font-weight="700" fill="white" text-anchor="middle">${initials}</text></svg>`,
      { format: 'webp' },
    );
    const key = `pencaker/logos/${employer.id}/demo.webp`;
    await ctx.storage.put(key, logo.data, logo.contentType);
    await ctx.db.updateTable('pencaker_employers').set({ logo_key: key }).where('id', '=', employer.id).execute();
  }
  await ctx.db
    .insertInto('pencaker_employer_members')
    .values([
      { user_id: employerUser, employer_id: employerRows[0]!.id, created_at: ago(200) },
      { user_id: employer2User, employer_id: employerRows[1]!.id, created_at: ago(199) },
      { user_id: newEmployerUser, employer_id: employerRows[22]!.id, created_at: ago(178) },
    ])
    .execute();

  // ---------------------------------------------------------------- vacancies
  // Verified employers get two or three vacancies each; the states rotate so every state is present.
  const states: VacancyStatus[] = ['published', 'published', 'published', 'published', 'published', 'published', 'submitted', 'draft', 'closed', 'filled', 'expired', 'rejected'];
  const vacancyValues = [];
  let counter = 0;
  for (const [index, employer] of employerRows.entries()) {
    const jobs = jobsBySector[employer.sector as Sector];
    if (!jobs.length) continue;
    const count = employer.status === 'verified' ? 2 + (index % 2) : employer.status === 'pending' ? 1 : 0;
    for (let n = 0; n < count; n++) {
      const [title, type, education, experience, salaryMin, salaryMax, skills] = jobs[(index + n) % jobs.length]!;
      const status: VacancyStatus = employer.status !== 'verified' ? 'draft' : index === 0 && n === 0 ? 'published' : states[counter++ % states.length]!;
      const publishedDaysAgo = rng.int(1, 40);
      const wasPublished = ['published', 'closed', 'filled', 'expired'].includes(status);
      const validThrough = status === 'expired' ? addDays(day, -rng.int(1, 10)) : addDays(day, rng.int(10, 60));
      vacancyValues.push({
        employer_id: employer.id,
        status,
        title,
        description: `${employer.name} membuka lowongan ${title} untuk penempatan di ${employer.kecamatan}.\n\nTanggung jawab: menjalankan tugas harian sesuai standar perusahaan, bekerja dalam tim, dan menjaga keselamatan kerja.\n\nSyarat: pendidikan minimal ${education.toUpperCase()}, ${experience ? `pengalaman ${experience} tahun` : 'lulusan baru dipersilakan'}, berdomisili di Kota Tangerang diutamakan.`,
        sector: employer.sector as Sector,
        kecamatan: employer.kecamatan,
        address: employer.address,
        employment_type: type,
        education_min: education,
        education_rank: educationRank(education),
        experience_years: experience,
        salary_min: salaryMin,
        salary_max: salaryMax,
        salary_unit: (salaryMin ?? 0) < 300_000 ? (salaryMin ?? 0) < 50_000 ? ('HOUR' as const) : ('DAY' as const) : ('MONTH' as const),
        openings: rng.int(1, 10),
        skills: JSON.stringify(skills),
        valid_through: validThrough,
        reject_reason: status === 'rejected' ? 'Cantumkan kisaran gaji sesuai UMK Kota Tangerang.' : null,
        filled_count: status === 'filled' ? rng.int(1, 3) : null,
        created_at: ago(publishedDaysAgo + 3),
        updated_at: ago(status === 'published' ? publishedDaysAgo : Math.max(0, publishedDaysAgo - 5)),
        submitted_at: status === 'draft' ? null : ago(publishedDaysAgo + 1),
        published_at: wasPublished ? ago(publishedDaysAgo) : null,
        ended_at: ['closed', 'filled', 'expired'].includes(status) ? ago(Math.max(0, publishedDaysAgo - rng.int(3, 20))) : null,
      });
    }
  }
  const vacancyRows = await ctx.db.insertInto('pencaker_vacancies').values(vacancyValues).returning(['id', 'status', 'employer_id']).execute();

  // ---------------------------------------------------------------- seekers and cards
  const cardStates: (CardStatus | null)[] = ['active', 'active', 'active', 'submitted', 'verified', 'rejected', 'expired', 'ended', 'active', null];
  const seekers: { id: string; userId: string; card: CardStatus | null; name: string }[] = [];
  const seekerValues = [];
  for (let index = 0; index < 42; index++) {
    const demo = index === 0 ? seekerUser : index === 1 ? seeker2User : null;
    const name = index === 0 ? 'Rina Marlina' : index === 1 ? 'Dimas Anggara' : `${rng.pick(firstNames)} ${rng.pick(lastNames)}`;
    const level = index === 0 ? 'smk' : levels[index % levels.length]!;
    const year = 1975 + ((index * 7) % 30);
    const sex = index % 2 === 0 ? ('female' as const) : ('male' as const);
    const kec = kecamatan[index % kecamatan.length]!;
    const userId = demo ?? demoUuid(index + 1);
    seekerValues.push({
      user_id: userId,
      full_name: name,
      nik: `3671${String(10 + (index % 13)).padStart(2, '0')}${String(41 + (index % 20)).padStart(2, '0')}0${(index % 9) + 1}${String(year % 100).padStart(2, '0')}${String(index + 1).padStart(4, '0')}`.slice(0, 16),
      birth_place: 'Tangerang',
      birth_date: `${year}-${String((index % 12) + 1).padStart(2, '0')}-${String((index % 27) + 1).padStart(2, '0')}`,
      sex,
      religion: rng.pick(['islam', 'islam', 'islam', 'protestan', 'katolik', 'buddha', 'hindu']),
      marital_status: index % 3 === 0 ? 'married' : 'single',
      address: `Jl. Contoh Warga No. ${index + 1}, RT 0${(index % 9) + 1}/RW 0${(index % 5) + 1}`,
      kecamatan: kec,
      phone: `0812${String(3_000_000 + index * 7_771).padStart(8, '0')}`,
      email: index === 0 ? demoAccounts.seeker : index === 1 ? demoAccounts.seeker2 : `warga${index}@contoh.id`,
      education_level: level,
      education: JSON.stringify([{ level, institution: level === 'smk' ? 'SMK Negeri 4 Tangerang' : level === 's1' ? 'Universitas Muhammadiyah Tangerang' : 'SMA Negeri 1 Tangerang', major: level === 'smk' ? 'Teknik Pemesinan' : undefined, yearGraduated: Math.min(2025, year + 19) }]),
      training: JSON.stringify(index % 4 === 0 ? [{ name: 'Pelatihan Operator Forklift', institution: 'BLK Kota Tangerang', year: 2024 }] : []),
      certificates: JSON.stringify(index % 5 === 0 ? [{ name: 'Sertifikat K3 Umum', issuer: 'Kemnaker', year: 2023 }] : []),
      skills: JSON.stringify(index === 0 ? ['forklift', 'Excel', 'inventaris'] : [rng.pick(['kasir', 'komputer', 'mengemudi', 'memasak', 'menjahit', 'las listrik'])]),
      experience: JSON.stringify(index % 3 === 0 ? [{ employer: 'PT Contoh Jaya', position: 'Staf Gudang', from: '2021-03', to: '2023-08' }] : []),
      preferences: JSON.stringify({ sectors: [index % 2 ? 'manufacturing' : 'logistics'], kecamatan: [kec], employmentTypes: ['FULL_TIME'], expectedSalary: 5_000_000 }),
      cv_key: null,
      cv_bytes: null,
      cv_uploaded_at: null,
      created_at: ago(180 - index * 3),
      updated_at: ago(170 - index * 3),
    });
    seekers.push({ id: '', userId, card: index === 0 ? 'active' : index === 1 ? 'submitted' : cardStates[index % cardStates.length]!, name });
  }
  const seekerRows = await ctx.db.insertInto('pencaker_seekers').values(seekerValues).returning(['id', 'user_id', 'education_level', 'birth_date', 'sex', 'created_at']).execute();
  seekerRows.forEach((row, index) => (seekers[index]!.id = row.id));
  await ctx.db
    .insertInto('pencaker_seeker_facts')
    .values(seekerRows.map((row, index) => ({ seeker_id: row.id, education_level: row.education_level, birth_year: Number(row.birth_date.slice(0, 4)), sex: row.sex, registered_at: row.created_at, placed_at: seekers[index]!.card === 'ended' ? ago(20) : null })))
    .execute();
  // A few seekers who deleted their data (UU PDP) still count in the statistics.
  await ctx.db
    .insertInto('pencaker_seeker_facts')
    .values([0, 1, 2, 3, 4, 5].map((n) => ({ seeker_id: null, education_level: levels[n]!, birth_year: 1990 + n, sex: n % 2 ? ('male' as const) : ('female' as const), registered_at: ago(300 - n * 10), placed_at: n % 2 ? ago(100) : null })))
    .execute();

  let cardNo = 0;
  const regionDigits = ctx.region.code.replace(/\D/g, '');
  const cardValues = seekers.flatMap((seeker, index) => {
    if (!seeker.card) return [];
    const status = seeker.card;
    const numbered = ['verified', 'active', 'expired', 'ended'].includes(status);
    const activatedDay = status === 'expired' ? addMonths(day, -25) : addDays(day, -(30 + index * 4));
    const active = ['active', 'expired', 'ended'].includes(status);
    return [
      {
        seeker_id: seeker.id,
        status,
        number: numbered ? `${regionDigits}-${activatedDay.slice(0, 4)}-${String(++cardNo).padStart(6, '0')}` : null,
        submitted_at: ago(index + 35),
        verified_at: numbered ? ago(index + 33) : null,
        verified_by: numbered ? officerId : null,
        activated_at: active ? new Date(`${activatedDay}T03:00:00Z`) : null,
        valid_until: active ? addMonths(activatedDay, ctx.options.cardValidityMonths) : null,
        last_report_at: active ? new Date(`${activatedDay}T03:00:00Z`) : null,
        // The demo seeker's report falls due in ten days: the reminder shows.
        next_report_due: active ? (index === 0 ? addDays(day, 10) : addMonths(activatedDay, ctx.options.reportIntervalMonths)) : null,
        reminded_for: null,
        ended_at: status === 'expired' ? ago(20) : status === 'ended' ? ago(20) : status === 'rejected' ? ago(index + 30) : null,
        end_reason: status === 'expired' ? ('expired' as const) : status === 'ended' ? ('placed' as const) : null,
        placed_at: status === 'ended' ? 'PT Periuk Metal Presisi' : null,
        reject_reason: status === 'rejected' ? 'Foto KTP tidak terbaca; unggah ulang dokumen.' : null,
      },
    ];
  });
  await ctx.db.insertInto('pencaker_cards').values(cardValues).execute();
  // The sequence continues after the demo numbers.
  for (let n = 0; n < cardNo; n++) await ctx.db.selectNoFrom((eb) => eb.fn<number>('nextval', [eb.val('pencaker_card_number_seq')]).as('n')).execute();

  // ---------------------------------------------------------------- applications
  const stages: ApplicationStage[] = ['received', 'received', 'shortlisted', 'interview', 'hired', 'rejected', 'withdrawn'];
  const published = vacancyRows.filter((row) => row.status !== 'draft' && row.status !== 'submitted' && row.status !== 'rejected');
  const applicationValues = [];
  const used = new Set<string>();
  for (let n = 0; n < 120; n++) {
    const vacancy = n < 6 ? published.filter((row) => row.employer_id === employerRows[0]!.id)[n % 2] ?? published[0]! : rng.pick(published);
    const seeker = n < 6 ? seekers[n % 3]! : rng.pick(seekers.slice(2));
    const key = `${vacancy.id}:${seeker.id}`;
    if (used.has(key)) continue;
    used.add(key);
    const stage: ApplicationStage = n === 0 ? 'interview' : n === 3 ? 'shortlisted' : n < 6 ? 'received' : vacancy.status === 'published' ? stages[n % stages.length]! : rng.pick(['hired', 'rejected'] as const);
    const days = rng.int(1, 170);
    applicationValues.push({
      vacancy_id: vacancy.id,
      seeker_id: seeker.id,
      stage,
      cover_letter: 'Saya tertarik dan siap bekerja sesuai jadwal perusahaan.',
      with_cv: false,
      interview_at: stage === 'interview' ? new Date(`${addDays(day, 3 + (n % 5))}T02:00:00Z`) : null,
      interview_place: stage === 'interview' ? 'Kantor HRD, lantai 2' : null,
      created_at: ago(days),
      updated_at: ago(Math.max(0, days - 2)),
      hired_at: stage === 'hired' ? ago(Math.max(0, days - 10)) : null,
    });
  }
  await ctx.db.insertInto('pencaker_applications').values(applicationValues).execute();

  // ---------------------------------------------------------------- saved search and job fair
  await ctx.db.insertInto('pencaker_saved_searches').values({ user_id: seekerUser, name: 'Gudang di Benda', filters: JSON.stringify({ q: 'gudang', kecamatan: 'Benda' }), created_at: ago(15), last_alert_at: null }).execute();
  const fair = await ctx.db
    .insertInto('pencaker_fairs')
    .values({
      title: 'Bursa Kerja Kota Tangerang 2026',
      description: 'Bursa kerja terbuka untuk warga: bawa CV, KTP dan kartu AK/1. Gratis, tanpa pungutan.',
      starts_on: addDays(day, 14),
      ends_on: addDays(day, 15),
      place: 'Gedung Cisadane, Pusat Pemerintahan Kota Tangerang',
      kecamatan: 'Tangerang',
      created_at: ago(10),
      created_by: officerId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const participants = employerRows.filter((row) => row.status === 'verified').slice(0, 10);
  await ctx.db.insertInto('pencaker_fair_employers').values(participants.map((row) => ({ fair_id: fair.id, employer_id: row.id }))).execute();
}
