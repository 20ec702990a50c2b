// Generated from the migrated database by the module's table test; do not edit.
// Regenerate with: KK_UPDATE_TABLES=1 pnpm vitest run <the module's tables test>
export interface GeneratedPencakerTables {
  pencaker_applications: {
    id: number;
    vacancy_id: number;
    seeker_id: string | null;
    stage: string;
    cover_letter: string | null;
    with_cv: boolean;
    interview_at: Date | null;
    interview_place: string | null;
    created_at: Date;
    updated_at: Date;
    hired_at: Date | null;
  };
  pencaker_cards: {
    id: number;
    seeker_id: string;
    status: string;
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
    end_reason: string | null;
    placed_at: string | null;
    reject_reason: string | null;
  };
  pencaker_employer_members: {
    user_id: string;
    employer_id: number;
    created_at: Date;
  };
  pencaker_employers: {
    id: number;
    name: string;
    nib: string;
    npwp: string;
    sector: string;
    address: string;
    kecamatan: string;
    contact_name: string;
    contact_phone: string;
    contact_email: string;
    website: string | null;
    description: string | null;
    logo_key: string | null;
    status: string;
    trusted: boolean;
    reject_reason: string | null;
    created_at: Date;
    created_by: string;
    verified_at: Date | null;
    verified_by: string | null;
  };
  pencaker_fair_employers: {
    fair_id: number;
    employer_id: number;
  };
  pencaker_fairs: {
    id: number;
    title: string;
    description: string | null;
    starts_on: string;
    ends_on: string;
    place: string;
    kecamatan: string;
    created_at: Date;
    created_by: string | null;
  };
  pencaker_saved_searches: {
    id: number;
    user_id: string;
    name: string;
    filters: unknown;
    created_at: Date;
    last_alert_at: Date | null;
  };
  pencaker_seeker_facts: {
    id: number;
    seeker_id: string | null;
    education_level: string;
    birth_year: number;
    sex: string;
    registered_at: Date;
    placed_at: Date | null;
  };
  pencaker_seekers: {
    id: string;
    user_id: string;
    full_name: string;
    nik: string;
    birth_place: string;
    birth_date: string;
    sex: string;
    religion: string;
    marital_status: string;
    address: string;
    kecamatan: string;
    phone: string;
    email: string;
    education_level: string;
    education: unknown;
    training: unknown;
    certificates: unknown;
    skills: unknown;
    experience: unknown;
    preferences: unknown;
    cv_key: string | null;
    cv_bytes: number | null;
    cv_uploaded_at: Date | null;
    created_at: Date;
    updated_at: Date;
  };
  pencaker_vacancies: {
    id: number;
    employer_id: number;
    status: string;
    title: string;
    description: string;
    sector: string;
    kecamatan: string;
    address: string;
    employment_type: string;
    education_min: string;
    education_rank: number;
    experience_years: number;
    salary_min: number | null;
    salary_max: number | null;
    salary_unit: string;
    openings: number;
    skills: unknown;
    valid_through: string;
    revision: number;
    reject_reason: string | null;
    filled_count: number | null;
    created_at: Date;
    updated_at: Date;
    submitted_at: Date | null;
    published_at: Date | null;
    ended_at: Date | null;
  };
  pencaker_vacancy_revisions: {
    id: number;
    vacancy_id: number;
    revision: number;
    snapshot: unknown;
    created_at: Date;
    created_by: string | null;
  };
}
