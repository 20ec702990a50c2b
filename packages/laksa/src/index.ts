/**
 * @kota-kit/laksa — isomorphic part: the module definition, its options, shared API schemas and types.
 * LAKSA (Layanan Aspirasi Kotak Saran Anda): complaints, aspirations and information requests.
 */
import { defineModule, z, type OptionIssue } from '@kota-kit/core';
import { reportTypes } from './schemas.js';

export * from './schemas.js';

const slug = z.string().regex(/^[a-z][a-z0-9-]*$/, 'must be a lowercase slug like "jalan-rusak"');
const text = z.object({ id: z.string().min(1), en: z.string().min(1) });

export const categoryOptionSchema = z.object({
  id: slug,
  name: text,
  description: text.optional(),
  /** Region agency (OPD) the category routes to. */
  agency: z.string().min(1),
  /** Working days the agency has to act after the report is forwarded (LAPOR!: 5). */
  deadlineWorkingDays: z.number().int().min(1).max(60).default(5),
  /** Report types the category accepts (default: all). */
  types: z.array(z.enum(reportTypes)).min(1).default([...reportTypes]),
  /** Open311 `group` and `keywords` of the service. */
  open311: z.object({ group: z.string().optional(), keywords: z.array(z.string()).default([]) }).optional(),
});
export type CategoryOption = z.output<typeof categoryOptionSchema>;

export const laksaOptionsSchema = z.object({
  categories: z.array(categoryOptionSchema).min(1),
  /** Agency of the central room that verifies and forwards (Tangerang LIVE Room: Diskominfo). */
  verifierAgency: z.string().min(1),
  /** Working days the central room has to verify and forward (LAPOR!: 3). */
  verifyWithinWorkingDays: z.number().int().min(1).max(30).default(3),
  /** Working days after a response during which the reporter may reopen (LAPOR!: 10). */
  reopenWithinWorkingDays: z.number().int().min(1).max(60).default(10),
  /** Working days after a response after which a report closes itself (LAPOR!: 10). */
  autoCloseAfterWorkingDays: z.number().int().min(1).max(60).default(10),
  maxPhotos: z.number().int().min(0).max(10).default(3),
  maxPhotoBytes: z.number().int().min(10_000).max(20_000_000).default(5_000_000),
  /** Ask for the NIK (only if an agency needs it: UU PDP, collect only what is needed). */
  askNik: z.boolean().default(false),
  /** New reports per client address per hour. */
  rateLimitPerHour: z.number().int().min(1).default(10),
  /**
   * The kecamatan a report may name, to override the region's own: by default the names in
   * `region.geography.kecamatan`; with neither, any kecamatan is taken as the citizen writes it.
   */
  kecamatan: z.array(z.string().min(2)).min(1).optional(),
  open311: z
    .object({
      /** Open311 jurisdiction_id, e.g. "tangerangkota.go.id". */
      jurisdictionId: z.string().min(1).optional(),
      /** Accept the api_key "demo" in demo mode (never outside demo mode). */
      demoKey: z.boolean().default(true),
      contact: z.string().optional(),
    })
    .default({ demoKey: true }),
});
export type LaksaOptionsInput = z.input<typeof laksaOptionsSchema>;
export type LaksaOptions = z.output<typeof laksaOptionsSchema>;

export const laksa = defineModule({
  id: 'laksa',
  package: '@kota-kit/laksa',
  hasStyles: true,
  options: laksaOptionsSchema,
  roles: [
    { id: 'verifier', description: 'Central room: verifies, rejects, forwards and merges duplicate reports of every agency', agencyScoped: false },
    { id: 'handler', description: "Agency officer: handles, answers and re-routes the reports forwarded to the agency", agencyScoped: true },
  ],
  checkOptions: (options, region) => {
    const issues: OptionIssue[] = [];
    const agencies = new Set(region.agencies.map((agency) => agency.id));
    const seen = new Set<string>();
    options.categories.forEach((category, index) => {
      if (!agencies.has(category.agency)) issues.push({ path: ['categories', index, 'agency'], message: `no agency "${category.agency}" in the region` });
      if (seen.has(category.id)) issues.push({ path: ['categories', index, 'id'], message: `category "${category.id}" is listed twice` });
      seen.add(category.id);
    });
    if (!agencies.has(options.verifierAgency)) issues.push({ path: ['verifierAgency'], message: `no agency "${options.verifierAgency}" in the region` });
    return issues;
  },
});

/** Realistic categories of Kota Tangerang, with the agencies of apps/tangerang-live. */
export const tangerangCategories: z.input<typeof categoryOptionSchema>[] = [
  { id: 'jalan-rusak', name: { id: 'Jalan rusak / berlubang', en: 'Damaged road / pothole' }, agency: 'dpupr', deadlineWorkingDays: 5, types: ['complaint'], open311: { group: 'Infrastruktur', keywords: ['jalan', 'lubang', 'aspal'] } },
  { id: 'drainase-banjir', name: { id: 'Drainase / genangan banjir', en: 'Drainage / flooding' }, agency: 'dpupr', deadlineWorkingDays: 5, types: ['complaint'], open311: { group: 'Infrastruktur', keywords: ['banjir', 'got', 'saluran'] } },
  { id: 'sampah', name: { id: 'Sampah tidak terangkut', en: 'Uncollected rubbish' }, agency: 'dlh', deadlineWorkingDays: 3, types: ['complaint'], open311: { group: 'Lingkungan', keywords: ['sampah', 'TPS'] } },
  { id: 'pohon-tumbang', name: { id: 'Pohon tumbang / rawan', en: 'Fallen or dangerous tree' }, agency: 'dlh', deadlineWorkingDays: 2, types: ['complaint'], open311: { group: 'Lingkungan', keywords: ['pohon'] } },
  { id: 'lampu-jalan', name: { id: 'Lampu penerangan jalan mati', en: 'Street light out' }, agency: 'dishub', deadlineWorkingDays: 5, types: ['complaint'], open311: { group: 'Perhubungan', keywords: ['PJU', 'lampu'] } },
  { id: 'parkir-liar', name: { id: 'Parkir liar', en: 'Illegal parking' }, agency: 'dishub', deadlineWorkingDays: 3, types: ['complaint'], open311: { group: 'Perhubungan', keywords: ['parkir', 'juru parkir'] } },
  { id: 'lalu-lintas', name: { id: 'Rambu dan lampu lalu lintas', en: 'Traffic signs and signals' }, agency: 'dishub', deadlineWorkingDays: 5, open311: { group: 'Perhubungan', keywords: ['rambu', 'lampu merah'] } },
  { id: 'layanan-puskesmas', name: { id: 'Layanan puskesmas', en: 'Community health centre service' }, agency: 'dinkes', deadlineWorkingDays: 5, open311: { group: 'Kesehatan', keywords: ['puskesmas', 'BPJS'] } },
  { id: 'ktp-kk', name: { id: 'KTP-el, KK dan akta', en: 'ID card, family card and certificates' }, agency: 'disdukcapil', deadlineWorkingDays: 5, open311: { group: 'Kependudukan', keywords: ['KTP', 'KK', 'akta'] } },
  { id: 'ketenagakerjaan', name: { id: 'Ketenagakerjaan dan pencari kerja', en: 'Employment and job seekers' }, agency: 'disnaker', deadlineWorkingDays: 5, open311: { group: 'Ekonomi', keywords: ['kartu kuning', 'PHK'] } },
  { id: 'harga-pasar', name: { id: 'Harga dan pasar', en: 'Prices and markets' }, agency: 'disperindag', deadlineWorkingDays: 5, open311: { group: 'Ekonomi', keywords: ['pasar', 'harga'] } },
  { id: 'aspirasi-umum', name: { id: 'Aspirasi umum', en: 'General suggestion' }, agency: 'diskominfo', deadlineWorkingDays: 10, types: ['aspiration'], open311: { group: 'Umum', keywords: ['saran'] } },
  { id: 'permintaan-informasi', name: { id: 'Permintaan informasi publik', en: 'Public information request' }, agency: 'diskominfo', deadlineWorkingDays: 10, types: ['information'], open311: { group: 'Umum', keywords: ['informasi', 'PPID'] } },
];
