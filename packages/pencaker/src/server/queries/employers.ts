/** SQL of employers. */
import type { Employer, EmployerInput, PublicEmployer } from '../../schemas/employers.js';
import { iso } from '../services/dates.js';
import type { Db, EmployerRow } from '../tables.js';

export const logoUrl = (row: Pick<EmployerRow, 'id' | 'logo_key'>) => (row.logo_key ? `/api/pencaker/employers/${row.id}/logo` : null);

export const toPublicEmployer = (row: EmployerRow): PublicEmployer => ({
  id: row.id,
  name: row.name,
  sector: row.sector,
  kecamatan: row.kecamatan,
  website: row.website,
  description: row.description,
  verified: row.status === 'verified',
  logoUrl: logoUrl(row),
});

export const toEmployer = (row: EmployerRow): Employer => ({
  ...toPublicEmployer(row),
  nib: row.nib,
  npwp: row.npwp,
  address: row.address,
  contactName: row.contact_name,
  contactPhone: row.contact_phone,
  contactEmail: row.contact_email,
  status: row.status,
  trusted: row.trusted,
  rejectReason: row.reject_reason,
  createdAt: row.created_at.toISOString(),
  verifiedAt: iso(row.verified_at),
});

export function employerColumns(input: EmployerInput & { npwp: string }) {
  return {
    name: input.name,
    nib: input.nib,
    npwp: input.npwp,
    sector: input.sector,
    address: input.address,
    kecamatan: input.kecamatan,
    contact_name: input.contactName,
    contact_phone: input.contactPhone,
    contact_email: input.contactEmail,
    website: input.website ?? null,
    description: input.description ?? null,
  };
}

export function findEmployer(db: Db, id: number) {
  return db.selectFrom('pencaker_employers').selectAll().where('id', '=', id).executeTakeFirst();
}
