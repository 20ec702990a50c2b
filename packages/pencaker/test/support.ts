import { demoPassword } from '@kota-kit/core/server';
import type { TestClient, TestHost } from '@kota-kit/core/testing';
import type { ProfileInput, VacancyInput } from '../src/index.js';
import { demoAccounts } from '../src/server/seed.js';

export { demoAccounts };

export async function signedIn(host: TestHost, email: string): Promise<TestClient> {
  const client = host.client();
  await client.login(email, demoPassword);
  return client;
}

/** A new citizen account, signed in. */
export async function newCitizen(host: TestHost, email: string, name = 'Warga Baru'): Promise<TestClient> {
  const client = host.client();
  const registered = await client.json('/api/auth/register', { method: 'POST', body: { name, email, password: 'rahasia-sekali-123' } });
  if (registered.status !== 202) throw new Error(`register failed: ${registered.status}`);
  await client.login(email, 'rahasia-sekali-123');
  return client;
}

export const sampleProfile = (overrides: Partial<ProfileInput> = {}): ProfileInput => ({
  fullName: 'Bayu Setiadi',
  nik: '3671012304990007',
  birthPlace: 'Tangerang',
  birthDate: '1999-04-23',
  sex: 'male',
  religion: 'katolik',
  maritalStatus: 'single',
  address: 'Jl. Rahasia Pribadi No. 7, Karawaci',
  kecamatan: 'Karawaci',
  phone: '0812 9999 0001',
  educationLevel: 'smk',
  education: [{ level: 'smk', institution: 'SMK Negeri 2 Tangerang', major: 'Teknik Kendaraan Ringan', yearGraduated: 2017 }],
  training: [{ name: 'Pelatihan Las', institution: 'BLK Kota Tangerang', year: 2022 }],
  certificates: [{ name: 'Sertifikat K3', issuer: 'Kemnaker', year: 2023 }],
  skills: ['las listrik', 'forklift'],
  experience: [{ employer: 'PT Lama Sekali', position: 'Operator', from: '2018-01', to: '2022-12' }],
  preferences: { sectors: ['manufacturing'], kecamatan: ['Jatiuwung'], employmentTypes: ['FULL_TIME'], expectedSalary: 5_000_000 },
  ...overrides,
});

/** The personal values of `sampleProfile` that must never leave the seeker and Disnaker. */
export const secrets = ['3671012304990007', '1999-04-23', 'katolik', 'Jl. Rahasia Pribadi'];

export const sampleVacancy = (overrides: Partial<VacancyInput> = {}): VacancyInput => ({
  title: 'Operator Forklift Gudang Bandara',
  description: 'Mengoperasikan forklift di gudang kargo dekat bandara.\n\nShift pagi dan malam, seragam dan makan disediakan.',
  sector: 'logistics',
  kecamatan: 'Benda',
  address: 'Jl. Marsekal Suryadarma No. 18',
  employmentType: 'FULL_TIME',
  educationMin: 'sma',
  experienceYears: 1,
  salaryMin: 5_100_000,
  salaryMax: 5_600_000,
  salaryUnit: 'MONTH',
  openings: 3,
  skills: ['forklift'],
  validThrough: '2026-12-31',
  ...overrides,
});

export const employerInput = (nib: string, name = 'PT Uji Coba Sejahtera') => ({
  name,
  nib,
  npwp: '01.234.567.8-901.000',
  sector: 'retail' as const,
  address: 'Jl. Uji No. 1',
  kecamatan: 'Pinang',
  contactName: 'Bu Ratna',
  contactPhone: '021 555 0101',
  contactEmail: 'hrd@uji.example',
});
