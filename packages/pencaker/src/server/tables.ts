/**
 * Pencaker's tables as the code sees them; `test/tables.test.ts` keeps them equal to the migrated database
 * (tables.generated.ts) and `tablesMatch` makes the compiler compare the two.
 */
import type { ColumnType, ContextOf, Generated, Kysely, Selectable, TablesMatch } from '@kota-kit/core/server';
import type { pencaker } from '../index.js';
import type {
  ApplicationStage,
  CardStatus,
  EducationLevel,
  EmployerStatus,
  EmploymentType,
  SalaryUnit,
  SearchFilters,
  Sector,
  VacancyStatus,
} from '../schemas/index.js';
import type { ProfileData } from '../schemas/profile.js';
import type { GeneratedPencakerTables } from './tables.generated.js';

/**
 * jsonb: written as JSON text, read back as the value. Core's generated types call every jsonb column `unknown`,
 * which TablesMatch takes as nullable, so the read type carries `| null` although the columns are NOT NULL.
 */
type Json<T> = ColumnType<T | null, string, string>;
type JsonDefault<T> = ColumnType<T | null, string | undefined, string>;

export interface SeekerTable {
  id: Generated<string>;
  user_id: string;
  full_name: string;
  nik: string;
  birth_place: string;
  birth_date: string;
  sex: 'male' | 'female';
  religion: string;
  marital_status: string;
  address: string;
  kecamatan: string;
  phone: string;
  email: string;
  education_level: EducationLevel;
  education: JsonDefault<ProfileData['education']>;
  training: JsonDefault<ProfileData['training']>;
  certificates: JsonDefault<ProfileData['certificates']>;
  skills: JsonDefault<string[]>;
  experience: JsonDefault<ProfileData['experience']>;
  preferences: JsonDefault<ProfileData['preferences']>;
  cv_key: string | null;
  cv_bytes: number | null;
  cv_uploaded_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export interface SeekerFactTable {
  id: Generated<number>;
  seeker_id: string | null;
  education_level: EducationLevel;
  birth_year: number;
  sex: 'male' | 'female';
  registered_at: Date;
  placed_at: Date | null;
}

export interface CardTable {
  id: Generated<number>;
  seeker_id: string;
  status: CardStatus;
  number: string | null;
  submitted_at: Date;
  verified_at: Date | null;
  verified_by: string | null;
  activated_at: Date | null;
  valid_until: string | null;
  last_report_at: Date | null;
  next_report_due: string | null;
  reminded_for: string | null;
  ended_at: Date | null;
  end_reason: 'placed' | 'expired' | 'withdrawn' | null;
  /** Where the holder said they were placed ("employed at …"). */
  placed_at: string | null;
  reject_reason: string | null;
}

export interface EmployerTable {
  id: Generated<number>;
  name: string;
  nib: string;
  npwp: string;
  sector: Sector;
  address: string;
  kecamatan: string;
  contact_name: string;
  contact_phone: string;
  contact_email: string;
  website: string | null;
  description: string | null;
  logo_key: string | null;
  status: EmployerStatus;
  trusted: Generated<boolean>;
  reject_reason: string | null;
  created_at: Date;
  created_by: string;
  verified_at: Date | null;
  verified_by: string | null;
}

export interface EmployerMemberTable {
  user_id: string;
  employer_id: number;
  created_at: Date;
}

export interface VacancyTable {
  id: Generated<number>;
  employer_id: number;
  status: VacancyStatus;
  title: string;
  description: string;
  sector: Sector;
  kecamatan: string;
  address: string;
  employment_type: EmploymentType;
  education_min: EducationLevel;
  education_rank: number;
  experience_years: number;
  salary_min: number | null;
  salary_max: number | null;
  salary_unit: SalaryUnit;
  openings: number;
  skills: JsonDefault<string[]>;
  valid_through: string;
  revision: Generated<number>;
  reject_reason: string | null;
  filled_count: number | null;
  created_at: Date;
  updated_at: Date;
  submitted_at: Date | null;
  published_at: Date | null;
  ended_at: Date | null;
}

export interface VacancyRevisionTable {
  id: Generated<number>;
  vacancy_id: number;
  revision: number;
  snapshot: Json<Record<string, unknown>>;
  created_at: Date;
  created_by: string | null;
}

export interface ApplicationTable {
  id: Generated<number>;
  vacancy_id: number;
  seeker_id: string | null;
  stage: ApplicationStage;
  cover_letter: string | null;
  with_cv: Generated<boolean>;
  interview_at: Date | null;
  interview_place: string | null;
  created_at: Date;
  updated_at: Date;
  hired_at: Date | null;
}

export interface SavedSearchTable {
  id: Generated<number>;
  user_id: string;
  name: string;
  filters: Json<SearchFilters>;
  created_at: Date;
  last_alert_at: Date | null;
}

export interface FairTable {
  id: Generated<number>;
  title: string;
  description: string | null;
  starts_on: string;
  ends_on: string;
  place: string;
  kecamatan: string;
  created_at: Date;
  created_by: string | null;
}

export interface FairEmployerTable {
  fair_id: number;
  employer_id: number;
}

export interface PencakerTables {
  pencaker_seekers: SeekerTable;
  pencaker_seeker_facts: SeekerFactTable;
  pencaker_cards: CardTable;
  pencaker_employers: EmployerTable;
  pencaker_employer_members: EmployerMemberTable;
  pencaker_vacancies: VacancyTable;
  pencaker_vacancy_revisions: VacancyRevisionTable;
  pencaker_applications: ApplicationTable;
  pencaker_saved_searches: SavedSearchTable;
  pencaker_fairs: FairTable;
  pencaker_fair_employers: FairEmployerTable;
}

// A compile error here names the table and the columns that differ from the database.
export const tablesMatch: TablesMatch<PencakerTables, GeneratedPencakerTables> = true;

export type SeekerRow = Selectable<SeekerTable>;
export type CardRow = Selectable<CardTable>;
export type EmployerRow = Selectable<EmployerTable>;
export type VacancyRow = Selectable<VacancyTable>;
export type ApplicationRow = Selectable<ApplicationTable>;

export type Ctx = ContextOf<typeof pencaker, PencakerTables>;
/** The database or a unit of work's transaction. */
export type Db = Kysely<PencakerTables>;
