/** Masking for officer lists: the full value is shown only on the audited profile page. */
export function maskNik(nik: string): string {
  return nik.length === 16 ? `${nik.slice(0, 4)}********${nik.slice(12)}` : '****************';
}

