/** The job seeker's AK/1 profile: identity (personal data under UU PDP), education, training, skills, experience, preferences. */
import { isoDateSchema, z } from '@kota-kit/core';
import { line, monthSchema, optionalLine, phoneSchema, rupiahSchema, yearSchema } from './common.js';
import { educationLevels, employmentTypes, maritalStatuses, religions, sectors, sexes } from './vocabulary.js';

export const formalEducationSchema = z.object({
  level: z.enum(educationLevels),
  institution: line(160),
  major: optionalLine(120),
  yearGraduated: yearSchema.optional(),
});

export const trainingSchema = z.object({
  name: line(160),
  institution: optionalLine(160),
  year: yearSchema.optional(),
});

export const certificateSchema = z.object({
  name: line(160),
  issuer: optionalLine(160),
  year: yearSchema.optional(),
});

export const experienceSchema = z.object({
  employer: line(160),
  position: line(120),
  from: monthSchema,
  to: monthSchema.optional(),
  description: optionalLine(1000),
});

export const preferencesSchema = z.object({
  sectors: z.array(z.enum(sectors)).max(sectors.length).default([]),
  kecamatan: z.array(line(60)).max(20).default([]),
  employmentTypes: z.array(z.enum(employmentTypes)).max(employmentTypes.length).default([]),
  expectedSalary: rupiahSchema.nullable().default(null),
});

export const profileInputSchema = z.object({
  fullName: line(120, 2),
  /** NIK: 16 digits; the first six are the region code of the KTP. */
  nik: z.string().regex(/^\d{16}$/, 'NIK is 16 digits.'),
  birthPlace: line(80),
  birthDate: isoDateSchema(),
  sex: z.enum(sexes),
  religion: z.enum(religions),
  maritalStatus: z.enum(maritalStatuses),
  address: line(300, 5),
  kecamatan: line(60),
  phone: phoneSchema,
  educationLevel: z.enum(educationLevels),
  education: z.array(formalEducationSchema).max(10).default([]),
  training: z.array(trainingSchema).max(20).default([]),
  certificates: z.array(certificateSchema).max(20).default([]),
  skills: z.array(line(60)).max(30).default([]),
  experience: z.array(experienceSchema).max(20).default([]),
  preferences: preferencesSchema.default({ sectors: [], kecamatan: [], employmentTypes: [], expectedSalary: null }),
});
export type ProfileInput = z.input<typeof profileInputSchema>;
export type ProfileData = z.output<typeof profileInputSchema>;

/** The seeker's own profile, and what Disnaker sees when it verifies (its reading is audited). */
export const profileSchema = profileInputSchema.extend({
  id: z.string(),
  email: z.string(),
  cv: z.object({ bytes: z.number(), uploadedAt: z.string() }).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Profile = z.infer<typeof profileSchema>;

/**
 * What an employer sees of an applicant who applied to one of its vacancies: the working profile and the contact
 * (the applicant gave it by applying), never NIK, birth date, religion, marital status or the home address.
 */
export const applicantProfileSchema = z.object({
  fullName: z.string(),
  phone: z.string(),
  email: z.string(),
  kecamatan: z.string(),
  sex: z.enum(sexes),
  ageBand: z.string(),
  educationLevel: z.enum(educationLevels),
  education: z.array(formalEducationSchema),
  training: z.array(trainingSchema),
  certificates: z.array(certificateSchema),
  skills: z.array(z.string()),
  experience: z.array(experienceSchema),
  hasCv: z.boolean(),
});
export type ApplicantProfile = z.infer<typeof applicantProfileSchema>;

/** Who the signed-in user is to Pencaker: a seeker (with a card), an employer member, an officer. */
export const meSchema = z.object({
  signedIn: z.boolean(),
  seeker: z.object({ hasProfile: z.boolean(), cardStatus: z.string().nullable() }).nullable(),
  employer: z.object({ id: z.number(), name: z.string(), status: z.string() }).nullable(),
  officer: z.boolean(),
});
export type Me = z.infer<typeof meSchema>;
