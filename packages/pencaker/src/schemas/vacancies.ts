/** Vacancies (lowongan): the employer's form, the public view and the public search. */
import { isoDateSchema, localMessage, z } from '@kota-kit/core';
import { line, rupiahSchema } from './common.js';
import { educationLevels, employmentTypes, recencyDays, salaryUnits, sectors, vacancySorts, vacancyStatuses } from './vocabulary.js';

export { recencyDays, vacancySorts };

export const vacancyInputSchema = z
  .object({
    title: line(120, 4),
    /** Plain text; paragraphs separated by blank lines. */
    description: z.string().trim().min(30).max(8000),
    sector: z.enum(sectors),
    kecamatan: line(60),
    /** Where the work is (the workplace's address: public). */
    address: line(300, 5),
    employmentType: z.enum(employmentTypes),
    educationMin: z.enum(educationLevels),
    experienceYears: z.number().int().min(0).max(40).default(0),
    salaryMin: rupiahSchema.nullable().default(null),
    salaryMax: rupiahSchema.nullable().default(null),
    salaryUnit: z.enum(salaryUnits).default('MONTH'),
    openings: z.number().int().min(1).max(1000).default(1),
    skills: z.array(line(60)).max(20).default([]),
    /** Last day applications are taken (schema.org validThrough). */
    validThrough: isoDateSchema(),
  })
  .refine((value) => value.salaryMin === null || value.salaryMax === null || value.salaryMin <= value.salaryMax, {
    path: ['salaryMax'],
    ...localMessage({ en: 'The highest salary is below the lowest.', id: 'Gaji tertinggi lebih kecil dari gaji terendah.' }),
  });
export type VacancyInput = z.input<typeof vacancyInputSchema>;
export type VacancyData = z.output<typeof vacancyInputSchema>;

export const employerSummarySchema = z.object({ id: z.number(), name: z.string(), verified: z.boolean(), logoUrl: z.string().nullable() });

export const vacancySchema = z.object({
  id: z.number(),
  status: z.enum(vacancyStatuses),
  title: z.string(),
  description: z.string(),
  sector: z.enum(sectors),
  kecamatan: z.string(),
  address: z.string(),
  employmentType: z.enum(employmentTypes),
  educationMin: z.enum(educationLevels),
  experienceYears: z.number(),
  salaryMin: z.number().nullable(),
  salaryMax: z.number().nullable(),
  salaryUnit: z.enum(salaryUnits),
  openings: z.number(),
  skills: z.array(z.string()),
  validThrough: z.string(),
  publishedAt: z.string().nullable(),
  updatedAt: z.string(),
  revision: z.number(),
  employer: employerSummarySchema,
});
export type Vacancy = z.infer<typeof vacancySchema>;

/** The employer's own view adds the workflow: moderation answer and counts. */
export const ownVacancySchema = vacancySchema.extend({
  rejectReason: z.string().nullable(),
  applicants: z.number(),
  filledCount: z.number().nullable(),
  createdAt: z.string(),
});
export type OwnVacancy = z.infer<typeof ownVacancySchema>;


/** The public search (also the read API other sites use). */
export const vacancySearchSchema = z.object({
  q: z.string().trim().max(200).optional(),
  kecamatan: z.string().trim().max(60).optional(),
  sector: z.enum(sectors).optional(),
  /** The seeker's education: vacancies asking for at most this level. */
  education: z.enum(educationLevels).optional(),
  employmentType: z.enum(employmentTypes).optional(),
  /** Vacancies whose salary can reach at least this much (per their own unit). */
  salaryMin: z.coerce.number().int().min(0).max(1_000_000_000).optional(),
  /** Vacancies whose lowest salary is at most this much. */
  salaryMax: z.coerce.number().int().min(0).max(1_000_000_000).optional(),
  /** Published within this many days. */
  postedWithin: z.coerce.number().int().min(1).max(365).optional(),
  /** Only vacancies of one employer (its public page). */
  employer: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  sort: z.enum(vacancySorts).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).optional(),
});
export type VacancySearch = z.input<typeof vacancySearchSchema>;
/** A saved search is the search without its page. */
export const searchFiltersSchema = vacancySearchSchema.omit({ page: true, pageSize: true, sort: true, employer: true });
export type SearchFilters = z.output<typeof searchFiltersSchema>;

export const vacancyPageSchema = z.object({
  items: z.array(vacancySchema),
  page: z.number(),
  pages: z.number(),
  total: z.number(),
  sort: z.enum(vacancySorts),
});
export type VacancyPage = z.infer<typeof vacancyPageSchema>;

export const ownVacancyListSchema = z.object({ items: z.array(ownVacancySchema) });
export const filledInputSchema = z.object({ filledCount: z.number().int().min(0).max(1000) });
export const vacancyRejectSchema = z.object({ reason: line(500, 5) });
export const moderationQuerySchema = z.object({
  status: z.enum(vacancyStatuses).default('submitted'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
export const moderationListSchema = z.object({
  items: z.array(ownVacancySchema),
  page: z.number(),
  pages: z.number(),
  total: z.number(),
});
