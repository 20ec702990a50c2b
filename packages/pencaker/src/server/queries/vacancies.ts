/** SQL of vacancies: the public search (full text, filters, relevance or date), one vacancy, the employer's list. */
import { sql, type ExpressionBuilder } from '@kota-kit/core/server';
import type { OwnVacancy, SearchFilters, Vacancy, VacancyData } from '../../schemas/vacancies.js';
import { educationRank } from '../../schemas/vocabulary.js';
import type { Db, PencakerTables, VacancyRow } from '../tables.js';
import { logoUrl } from './employers.js';

export type VacancyWithEmployer = VacancyRow & { employer_name: string; employer_status: string; employer_logo_key: string | null };

export const toVacancy = (row: VacancyWithEmployer): Vacancy => ({
  id: row.id,
  status: row.status,
  title: row.title,
  description: row.description,
  sector: row.sector,
  kecamatan: row.kecamatan,
  address: row.address,
  employmentType: row.employment_type,
  educationMin: row.education_min,
  experienceYears: row.experience_years,
  salaryMin: row.salary_min === null ? null : Number(row.salary_min),
  salaryMax: row.salary_max === null ? null : Number(row.salary_max),
  salaryUnit: row.salary_unit,
  openings: row.openings,
  skills: row.skills ?? [],
  validThrough: row.valid_through,
  publishedAt: row.published_at?.toISOString() ?? null,
  updatedAt: row.updated_at.toISOString(),
  revision: row.revision,
  employer: { id: row.employer_id, name: row.employer_name, verified: row.employer_status === 'verified', logoUrl: logoUrl({ id: row.employer_id, logo_key: row.employer_logo_key }) },
});

export const toOwnVacancy = (row: VacancyWithEmployer & { applicants: number | string | null }): OwnVacancy => ({
  ...toVacancy(row),
  rejectReason: row.reject_reason,
  applicants: Number(row.applicants),
  filledCount: row.filled_count,
  createdAt: row.created_at.toISOString(),
});

export function vacancyColumns(data: VacancyData) {
  return {
    title: data.title,
    description: data.description,
    sector: data.sector,
    kecamatan: data.kecamatan,
    address: data.address,
    employment_type: data.employmentType,
    education_min: data.educationMin,
    education_rank: educationRank(data.educationMin),
    experience_years: data.experienceYears,
    salary_min: data.salaryMin,
    salary_max: data.salaryMax,
    salary_unit: data.salaryUnit,
    openings: data.openings,
    skills: JSON.stringify(data.skills),
    valid_through: data.validThrough,
  };
}

/** Vacancies joined with their employer's public fields. */
export function vacanciesWithEmployer(db: Db) {
  return db
    .selectFrom('pencaker_vacancies as v')
    .innerJoin('pencaker_employers as e', 'e.id', 'v.employer_id')
    .selectAll('v')
    .select(['e.name as employer_name', 'e.status as employer_status', 'e.logo_key as employer_logo_key']);
}

export const withApplicants = (eb: ExpressionBuilder<PencakerTables & { v: PencakerTables['pencaker_vacancies'] }, 'v'>) =>
  eb.selectFrom('pencaker_applications as a').select((inner) => inner.fn.countAll<number>().as('n')).whereRef('a.vacancy_id', '=', 'v.id').as('applicants');

export function findVacancy(db: Db, id: number) {
  return vacanciesWithEmployer(db).where('v.id', '=', id).executeTakeFirst();
}

/** Public means: published and still inside its validity (the job marks it expired soon after). */
export const isPublicVacancy = (row: Pick<VacancyRow, 'status' | 'valid_through'>, day: string) => row.status === 'published' && row.valid_through >= day;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (match) => `\\${match}`);
const textVector = sql`to_tsvector('simple', v.title || ' ' || v.description)`;

export interface SearchOptions extends Partial<SearchFilters> {
  sort?: 'relevance' | 'date';
  employer?: number;
  page: number;
  pageSize: number;
  day: string;
  now: Date;
}

export async function searchVacancies(db: Db, options: SearchOptions) {
  let query = vacanciesWithEmployer(db).where('v.status', '=', 'published').where('v.valid_through', '>=', options.day);
  const q = options.q?.trim();
  if (q) {
    // Whole words through the text index, or a part of the title ("gud" finds "Gudang").
    query = query.where((eb) => eb.or([sql<boolean>`${textVector} @@ websearch_to_tsquery('simple', ${q})`, eb('v.title', 'ilike', `%${escapeLike(q)}%`)]));
  }
  if (options.kecamatan) query = query.where(sql`lower(v.kecamatan)`, '=', options.kecamatan.toLowerCase());
  if (options.sector) query = query.where('v.sector', '=', options.sector);
  if (options.education) query = query.where('v.education_rank', '<=', educationRank(options.education));
  if (options.employmentType) query = query.where('v.employment_type', '=', options.employmentType);
  if (options.salaryMin !== undefined) query = query.where(sql`coalesce(v.salary_max, v.salary_min)`, '>=', options.salaryMin);
  if (options.salaryMax !== undefined) query = query.where('v.salary_min', '<=', options.salaryMax);
  if (options.postedWithin !== undefined) query = query.where('v.published_at', '>=', new Date(options.now.getTime() - options.postedWithin * 86_400_000));
  if (options.employer !== undefined) query = query.where('v.employer_id', '=', options.employer);
  const sort = options.sort ?? (q ? 'relevance' : 'date');
  let ordered = query;
  if (sort === 'relevance' && q) {
    ordered = ordered.orderBy(sql`ts_rank(${textVector}, websearch_to_tsquery('simple', ${q})) + (case when v.title ilike ${`%${escapeLike(q)}%`} then 1 else 0 end)`, 'desc');
  }
  const [rows, total] = await Promise.all([
    ordered
      .orderBy('v.published_at', 'desc')
      .orderBy('v.id', 'desc')
      .limit(options.pageSize)
      .offset((options.page - 1) * options.pageSize)
      .execute(),
    query.clearSelect().select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows as VacancyWithEmployer[], total: Number(total.count), sort };
}

/** Whether a just-published vacancy matches a saved search (the same rules as `searchVacancies`, in memory). */
export function matchesSearch(filters: Partial<SearchFilters>, vacancy: Vacancy): boolean {
  if (filters.q) {
    const text = `${vacancy.title} ${vacancy.description}`.toLowerCase();
    if (!filters.q.toLowerCase().split(/\s+/).filter(Boolean).every((word) => text.includes(word))) return false;
  }
  if (filters.kecamatan && filters.kecamatan.toLowerCase() !== vacancy.kecamatan.toLowerCase()) return false;
  if (filters.sector && filters.sector !== vacancy.sector) return false;
  if (filters.education && educationRank(vacancy.educationMin) > educationRank(filters.education)) return false;
  if (filters.employmentType && filters.employmentType !== vacancy.employmentType) return false;
  if (filters.salaryMin !== undefined && (vacancy.salaryMax ?? vacancy.salaryMin ?? -1) < filters.salaryMin) return false;
  if (filters.salaryMax !== undefined && (vacancy.salaryMin === null || vacancy.salaryMin > filters.salaryMax)) return false;
  return true;
}
