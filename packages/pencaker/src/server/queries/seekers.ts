/** SQL of seekers' profiles and their mapping to the API's shapes; nothing here knows about HTTP or roles. */
import type { ApplicantProfile, Profile, ProfileData } from '../../schemas/profile.js';
import { ageBand } from '../services/dates.js';
import type { Db, SeekerRow } from '../tables.js';

const emptyPreferences: ProfileData['preferences'] = { sectors: [], kecamatan: [], employmentTypes: [], expectedSalary: null };

/** The seeker's own profile (and Disnaker's verification view): every field. */
export function toProfile(row: SeekerRow): Profile {
  return {
    id: row.id,
    email: row.email,
    fullName: row.full_name,
    nik: row.nik,
    birthPlace: row.birth_place,
    birthDate: row.birth_date,
    sex: row.sex,
    religion: row.religion as Profile['religion'],
    maritalStatus: row.marital_status as Profile['maritalStatus'],
    address: row.address,
    kecamatan: row.kecamatan,
    phone: row.phone,
    educationLevel: row.education_level,
    education: row.education ?? [],
    training: row.training ?? [],
    certificates: row.certificates ?? [],
    skills: row.skills ?? [],
    experience: row.experience ?? [],
    preferences: row.preferences ?? emptyPreferences,
    cv: row.cv_key && row.cv_bytes !== null && row.cv_uploaded_at ? { bytes: row.cv_bytes, uploadedAt: row.cv_uploaded_at.toISOString() } : null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** What an employer the seeker applied to sees: no NIK, birth date, religion, marital status or home address. */
export function toApplicantProfile(row: SeekerRow, year: number): ApplicantProfile {
  return {
    fullName: row.full_name,
    phone: row.phone,
    email: row.email,
    kecamatan: row.kecamatan,
    sex: row.sex,
    ageBand: ageBand(Number(row.birth_date.slice(0, 4)), year),
    educationLevel: row.education_level,
    education: row.education ?? [],
    training: row.training ?? [],
    certificates: row.certificates ?? [],
    skills: row.skills ?? [],
    experience: row.experience ?? [],
    hasCv: row.cv_key !== null,
  };
}

export function profileColumns(data: ProfileData) {
  return {
    full_name: data.fullName,
    nik: data.nik,
    birth_place: data.birthPlace,
    birth_date: data.birthDate,
    sex: data.sex,
    religion: data.religion,
    marital_status: data.maritalStatus,
    address: data.address,
    kecamatan: data.kecamatan,
    phone: data.phone,
    education_level: data.educationLevel,
    education: JSON.stringify(data.education),
    training: JSON.stringify(data.training),
    certificates: JSON.stringify(data.certificates),
    skills: JSON.stringify(data.skills),
    experience: JSON.stringify(data.experience),
    preferences: JSON.stringify(data.preferences),
  };
}

export function findSeeker(db: Db, id: string) {
  return db.selectFrom('pencaker_seekers').selectAll().where('id', '=', id).executeTakeFirst();
}
