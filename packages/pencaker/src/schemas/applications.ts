/** Applications (lamaran): the seeker's view, the employer's view and the stage changes. */
import { localMessage, z } from '@kota-kit/core';
import { line, optionalLine } from './common.js';
import { applicantProfileSchema } from './profile.js';
import { applicationStages } from './vocabulary.js';

export const applyInputSchema = z.object({
  /** A short note to the employer. */
  coverLetter: optionalLine(2000),
  /** Send the CV on file with this application. */
  withCv: z.boolean().default(false),
});
export type ApplyInput = z.input<typeof applyInputSchema>;

export const interviewSchema = z.object({ at: z.string(), place: z.string() }).nullable();

export const myApplicationSchema = z.object({
  id: z.number(),
  stage: z.enum(applicationStages),
  vacancyId: z.number(),
  vacancyTitle: z.string(),
  vacancyStatus: z.string(),
  employerName: z.string(),
  appliedAt: z.string(),
  updatedAt: z.string(),
  interview: interviewSchema,
  withCv: z.boolean(),
});
export type MyApplication = z.infer<typeof myApplicationSchema>;
export const myApplicationListSchema = z.object({ items: z.array(myApplicationSchema) });

export const applicantSchema = z.object({
  id: z.number(),
  stage: z.enum(applicationStages),
  appliedAt: z.string(),
  updatedAt: z.string(),
  coverLetter: z.string().nullable(),
  interview: interviewSchema,
  withCv: z.boolean(),
  profile: applicantProfileSchema.nullable(),
});
export type Applicant = z.infer<typeof applicantSchema>;
export const applicantListSchema = z.object({ vacancyId: z.number(), vacancyTitle: z.string(), items: z.array(applicantSchema) });

/** The employer moves an application on; an interview needs its date and place. */
export const stageInputSchema = z.discriminatedUnion('stage', [
  z.object({ stage: z.literal('shortlisted') }),
  z.object({
    stage: z.literal('interview'),
    at: z.iso.datetime({ offset: true }).refine((value) => value >= '1900' && value < '2101', localMessage({ en: 'Expected a date between 1900 and 2100.', id: 'Tanggal harus antara tahun 1900 dan 2100.' })),
    place: line(300, 3),
  }),
  z.object({ stage: z.literal('hired') }),
  z.object({ stage: z.literal('rejected'), note: optionalLine(500) }),
]);
export type StageInput = z.infer<typeof stageInputSchema>;
