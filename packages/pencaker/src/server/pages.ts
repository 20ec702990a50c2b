/**
 * Public pages as documents: the server writes the head of a vacancy's page (title, description, canonical URL,
 * Open Graph, schema.org JobPosting) and of a job fair's page (schema.org Event), and lists both in /sitemap.xml.
 * A vacancy that is not published (closed, filled, expired, awaiting moderation) answers 410 with noindex and no
 * JSON-LD: search engines drop it, and the page tells the reader.
 */
import { endOfLocalDay } from '@kota-kit/core';
import type { ModulePage, SitemapEntry } from '@kota-kit/core/server';
import type { EducationLevel } from '../schemas/vocabulary.js';
import { findEmployer, logoUrl } from './queries/employers.js';
import { findVacancy, isPublicVacancy, type VacancyWithEmployer } from './queries/vacancies.js';
import { today } from './services/dates.js';
import { getFair } from './services/fairs.js';
import type { Ctx } from './tables.js';

const idPattern = /^[1-9]\d{0,8}$/;

/** Google's credential categories for JobPosting.educationRequirements. */
const credential: Partial<Record<EducationLevel, string>> = {
  sma: 'high school',
  smk: 'high school',
  d1: 'associate degree',
  d2: 'associate degree',
  d3: 'associate degree',
  d4: 'bachelor degree',
  s1: 'bachelor degree',
  s2: 'postgraduate degree',
  s3: 'postgraduate degree',
};

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** The plain-text description as simple HTML paragraphs (JobPosting.description is HTML). */
const paragraphs = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((part) => `<p>${escape(part.trim()).replace(/\n/g, '<br>')}</p>`)
    .join('');

export function jobPosting(ctx: Ctx, row: VacancyWithEmployer, website: string | null, absoluteUrl: (path: string) => string): Record<string, unknown> {
  const logo = logoUrl({ id: row.employer_id, logo_key: row.employer_logo_key });
  const salaryKnown = row.salary_min !== null || row.salary_max !== null;
  const education = credential[row.education_min];
  return {
    '@context': 'https://schema.org/',
    '@type': 'JobPosting',
    title: row.title,
    description: paragraphs(row.description),
    datePosted: row.published_at!.toISOString(),
    validThrough: endOfLocalDay(row.valid_through, ctx.region.timeZone).toISOString(),
    employmentType: row.employment_type,
    hiringOrganization: {
      '@type': 'Organization',
      name: row.employer_name,
      ...(website ? { sameAs: website } : {}),
      ...(logo ? { logo: absoluteUrl(logo) } : {}),
    },
    jobLocation: {
      '@type': 'Place',
      address: {
        '@type': 'PostalAddress',
        streetAddress: row.address,
        addressLocality: `${row.kecamatan}, ${ctx.region.name}`,
        addressCountry: 'ID',
      },
    },
    ...(salaryKnown
      ? {
          baseSalary: {
            '@type': 'MonetaryAmount',
            currency: 'IDR',
            value: {
              '@type': 'QuantitativeValue',
              ...(row.salary_min !== null ? { minValue: Number(row.salary_min) } : {}),
              ...(row.salary_max !== null ? { maxValue: Number(row.salary_max) } : {}),
              ...(row.salary_min !== null && row.salary_max === null ? { value: Number(row.salary_min) } : {}),
              unitText: row.salary_unit,
            },
          },
        }
      : {}),
    identifier: { '@type': 'PropertyValue', name: row.employer_name, value: `pencaker-${row.id}` },
    directApply: true,
    url: absoluteUrl(`/pencaker/lowongan/${row.id}`),
    ...(education ? { educationRequirements: { '@type': 'EducationalOccupationalCredential', credentialCategory: education } } : {}),
    ...(row.experience_years > 0
      ? { experienceRequirements: { '@type': 'OccupationalExperienceRequirements', monthsOfExperience: row.experience_years * 12 } }
      : {}),
    ...(row.openings > 1 ? { totalJobOpenings: row.openings } : {}),
  };
}

const rupiah = (value: number) => `Rp${new Intl.NumberFormat('id-ID').format(value)}`;

export function pages(ctx: Ctx): ModulePage[] {
  const agency = ctx.region.agencies.find((item) => item.id === ctx.options.agencyId);
  return [
    {
      path: '/',
      head: async () => ({
        head: {
          title: 'Lowongan kerja',
          description: `Lowongan kerja di ${ctx.region.name} dari perusahaan yang diverifikasi ${agency?.shortName ?? agency?.name ?? ctx.options.agencyId}: cari, simpan pencarian, dan lamar dengan profil kartu AK/1.`,
          canonicalPath: '/pencaker',
          language: 'id',
        },
      }),
    },
    {
      path: '/statistik',
      head: async () => ({
        head: {
          title: 'Statistik ketenagakerjaan',
          description: `Pencari kerja terdaftar, lowongan, lamaran dan penempatan di ${ctx.region.name}: angka tanpa nama.`,
          canonicalPath: '/pencaker/statistik',
          language: 'id',
        },
      }),
    },
    {
      path: '/lowongan/:id',
      async head({ params, absoluteUrl }) {
        if (!idPattern.test(params.id ?? '')) return null;
        const row = await findVacancy(ctx.db, Number(params.id));
        if (!row) return { status: 404, head: { title: 'Lowongan tidak ditemukan', robots: 'noindex' } };
        if (!isPublicVacancy(row, today(ctx))) {
          return { status: 410, head: { title: `Lowongan sudah ditutup: ${row.title}`, description: 'Lowongan ini tidak lagi menerima lamaran.', robots: 'noindex' } };
        }
        const employer = await findEmployer(ctx.db, row.employer_id);
        const salary = row.salary_min !== null ? ` · ${rupiah(Number(row.salary_min))}${row.salary_max !== null ? `–${rupiah(Number(row.salary_max))}` : ''}` : '';
        const logo = logoUrl({ id: row.employer_id, logo_key: row.employer_logo_key });
        return {
          head: {
            title: `${row.title} — ${row.employer_name}`,
            description: `${row.employer_name}, ${row.kecamatan}${salary}. ${row.description}`,
            canonicalPath: `/pencaker/lowongan/${row.id}`,
            language: 'id',
            ...(logo ? { image: { url: logo, alt: `Logo ${row.employer_name}` } } : {}),
            jsonLd: [jobPosting(ctx, row, employer?.website ?? null, absoluteUrl)],
          },
        };
      },
    },
    {
      path: '/bursa-kerja/:id',
      async head({ params, absoluteUrl }) {
        if (!idPattern.test(params.id ?? '')) return null;
        const fair = await getFair(ctx, Number(params.id)).catch(() => null);
        if (!fair) return { status: 404, head: { title: 'Bursa kerja tidak ditemukan', robots: 'noindex' } };
        return {
          head: {
            title: fair.title,
            description: `${fair.place}, ${fair.startsOn}${fair.endsOn !== fair.startsOn ? ` s.d. ${fair.endsOn}` : ''}: ${fair.employers} perusahaan. ${fair.description ?? ''}`,
            canonicalPath: `/pencaker/bursa-kerja/${fair.id}`,
            language: 'id',
            jsonLd: [
              {
                '@context': 'https://schema.org/',
                '@type': 'Event',
                name: fair.title,
                startDate: fair.startsOn,
                endDate: fair.endsOn,
                eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
                eventStatus: 'https://schema.org/EventScheduled',
                location: { '@type': 'Place', name: fair.place, address: { '@type': 'PostalAddress', addressLocality: `${fair.kecamatan}, ${ctx.region.name}`, addressCountry: 'ID' } },
                ...(agency ? { organizer: { '@type': 'GovernmentOrganization', name: agency.name } } : {}),
                url: absoluteUrl(`/pencaker/bursa-kerja/${fair.id}`),
              },
            ],
          },
        };
      },
    },
  ];
}

/** Only what anyone may see: published vacancies inside their validity, the job fairs, the statistics page. */
export async function sitemap(ctx: Ctx): Promise<SitemapEntry[]> {
  const [vacancies, fairs] = await Promise.all([
    ctx.db.selectFrom('pencaker_vacancies').select(['id', 'updated_at']).where('status', '=', 'published').where('valid_through', '>=', today(ctx)).orderBy('id').execute(),
    ctx.db.selectFrom('pencaker_fairs').select(['id', 'created_at']).orderBy('id').execute(),
  ]);
  return [
    { path: '/pencaker/statistik', changeFrequency: 'weekly' },
    ...vacancies.map((row) => ({ path: `/pencaker/lowongan/${row.id}`, lastModified: row.updated_at, changeFrequency: 'daily' as const })),
    ...fairs.map((row) => ({ path: `/pencaker/bursa-kerja/${row.id}`, lastModified: row.created_at, changeFrequency: 'weekly' as const })),
  ];
}
