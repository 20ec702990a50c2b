import type { HargaPasarOptionsInput } from './index.js';

/**
 * Kota Tangerang's configuration: the national staple list (PIHPS / Panel Harga Pangan names and units),
 * the six markets of the former SEGAR app, and national reference prices for zone 1 (Java, incl. Banten).
 * A region copies this, changes markets and agency, and keeps the list up to date as regulations change:
 * an old reference price stays in the list with its effective date so the board's history stays right.
 */
export const tangerangDefaults = {
  agency: 'disperindag',
  priceZone: '1',
  publishMode: 'supervisor',
  changeWarningPercent: 20,
  alertRisePercent: 10,
  markets: [
    { id: 'pasar-anyar', name: 'Pasar Anyar', kecamatan: 'Tangerang', address: 'Jl. Ki Samaun, Sukasari, Kec. Tangerang', lat: -6.1782, lng: 106.6312 },
    { id: 'pasar-bandeng', name: 'Pasar Bandeng', kecamatan: 'Karawaci', address: 'Jl. Bandeng, Koang Jaya, Kec. Karawaci', lat: -6.1741, lng: 106.6196 },
    { id: 'pasar-jatiuwung', name: 'Pasar Jatiuwung', kecamatan: 'Jatiuwung', address: 'Jl. Gatot Subroto, Jatiuwung, Kec. Jatiuwung', lat: -6.1921, lng: 106.5852 },
    { id: 'pasar-malabar', name: 'Pasar Malabar', kecamatan: 'Karawaci', address: 'Jl. Malabar Raya, Perumnas I, Kec. Karawaci', lat: -6.1957, lng: 106.6128 },
    { id: 'pasar-poris', name: 'Pasar Poris', kecamatan: 'Cipondoh', address: 'Jl. Maulana Hasanudin, Poris Plawad, Kec. Cipondoh', lat: -6.1715, lng: 106.6839 },
    { id: 'pasar-ramadani', name: 'Pasar Ramadani', kecamatan: 'Cibodas', address: 'Jl. Prabu Siliwangi, Cibodas Baru, Kec. Cibodas', lat: -6.2063, lng: 106.6004 },
  ],
  commodities: [
    { id: 'beras-medium', name: 'Beras medium', group: 'Beras', variant: 'Medium', unit: 'kg' },
    { id: 'beras-premium', name: 'Beras premium', group: 'Beras', variant: 'Premium', unit: 'kg' },
    { id: 'cabai-merah-keriting', name: 'Cabai merah keriting', group: 'Cabai', variant: 'Merah keriting', unit: 'kg' },
    { id: 'cabai-merah-besar', name: 'Cabai merah besar', group: 'Cabai', variant: 'Merah besar', unit: 'kg' },
    { id: 'cabai-rawit-merah', name: 'Cabai rawit merah', group: 'Cabai', variant: 'Rawit merah', unit: 'kg' },
    { id: 'cabai-rawit-hijau', name: 'Cabai rawit hijau', group: 'Cabai', variant: 'Rawit hijau', unit: 'kg' },
    { id: 'bawang-merah', name: 'Bawang merah', group: 'Bawang', variant: 'Merah', unit: 'kg' },
    { id: 'bawang-putih', name: 'Bawang putih', group: 'Bawang', variant: 'Putih (bonggol)', unit: 'kg' },
    { id: 'minyak-goreng-curah', name: 'Minyak goreng curah', group: 'Minyak goreng', variant: 'Curah', unit: 'liter' },
    { id: 'minyakita', name: 'Minyak goreng kemasan sederhana (MinyaKita)', group: 'Minyak goreng', variant: 'Kemasan sederhana', unit: 'liter' },
    { id: 'minyak-goreng-premium', name: 'Minyak goreng kemasan premium', group: 'Minyak goreng', variant: 'Kemasan premium', unit: 'liter' },
    { id: 'gula-pasir', name: 'Gula pasir', group: 'Gula', variant: 'Konsumsi', unit: 'kg' },
    { id: 'telur-ayam-ras', name: 'Telur ayam ras', group: 'Telur', variant: 'Ayam ras', unit: 'kg' },
    { id: 'daging-ayam-ras', name: 'Daging ayam ras', group: 'Daging', variant: 'Ayam ras', unit: 'kg' },
    { id: 'daging-sapi', name: 'Daging sapi', group: 'Daging', variant: 'Sapi murni', unit: 'kg' },
    { id: 'tepung-terigu', name: 'Tepung terigu', group: 'Tepung', variant: 'Curah', unit: 'kg' },
    { id: 'kedelai', name: 'Kedelai', group: 'Kacang-kacangan', variant: 'Impor', unit: 'kg' },
    { id: 'jagung-pipilan', name: 'Jagung pipilan', group: 'Jagung', variant: 'Pipilan kering', unit: 'kg' },
    { id: 'garam', name: 'Garam', group: 'Garam', variant: 'Halus beryodium', unit: 'kg' },
    { id: 'ikan-bandeng', name: 'Ikan bandeng', group: 'Ikan', variant: 'Bandeng', unit: 'kg' },
    { id: 'ikan-kembung', name: 'Ikan kembung', group: 'Ikan', variant: 'Kembung', unit: 'kg' },
  ],
  // Zone 1 = Java (incl. Banten), Lampung, Sumatera Selatan for rice; HAP given as a range is stored as its upper bound.
  referencePrices: [
    { commodity: 'beras-medium', kind: 'HET', zone: '1', price: 10_900, effectiveFrom: '2023-03-31', legalBasis: 'Peraturan Badan Pangan Nasional No. 7 Tahun 2023 tentang Harga Eceran Tertinggi Beras' },
    { commodity: 'beras-medium', kind: 'HET', zone: '1', price: 12_500, effectiveFrom: '2024-06-01', legalBasis: 'Peraturan Badan Pangan Nasional No. 5 Tahun 2024 tentang Perubahan atas Perbadan No. 7 Tahun 2023 tentang HET Beras' },
    { commodity: 'beras-premium', kind: 'HET', zone: '1', price: 13_900, effectiveFrom: '2023-03-31', legalBasis: 'Peraturan Badan Pangan Nasional No. 7 Tahun 2023 tentang Harga Eceran Tertinggi Beras' },
    { commodity: 'beras-premium', kind: 'HET', zone: '1', price: 14_900, effectiveFrom: '2024-06-01', legalBasis: 'Peraturan Badan Pangan Nasional No. 5 Tahun 2024 tentang Perubahan atas Perbadan No. 7 Tahun 2023 tentang HET Beras' },
    { commodity: 'minyakita', kind: 'HET', zone: 'nasional', price: 15_700, effectiveFrom: '2024-08-14', legalBasis: 'Peraturan Menteri Perdagangan No. 18 Tahun 2024 tentang Minyak Goreng Sawit Kemasan dan Tata Kelola Minyak Goreng Rakyat' },
    { commodity: 'bawang-merah', kind: 'HAP', zone: 'nasional', price: 41_500, effectiveFrom: '2022-10-01', legalBasis: 'Peraturan Badan Pangan Nasional No. 11 Tahun 2022 (HAP tingkat konsumen Rp 36.500–41.500/kg)' },
    { commodity: 'bawang-putih', kind: 'HAP', zone: 'nasional', price: 40_000, effectiveFrom: '2024-01-01', legalBasis: 'Harga Acuan Penjualan tingkat konsumen, Badan Pangan Nasional (Rp 38.000–40.000/kg)' },
    { commodity: 'cabai-rawit-merah', kind: 'HAP', zone: 'nasional', price: 57_000, effectiveFrom: '2022-10-01', legalBasis: 'Peraturan Badan Pangan Nasional No. 11 Tahun 2022 (HAP tingkat konsumen Rp 40.000–57.000/kg)' },
    { commodity: 'cabai-merah-keriting', kind: 'HAP', zone: 'nasional', price: 55_000, effectiveFrom: '2022-10-01', legalBasis: 'Peraturan Badan Pangan Nasional No. 11 Tahun 2022 (HAP tingkat konsumen Rp 37.000–55.000/kg)' },
    { commodity: 'daging-sapi', kind: 'HAP', zone: 'nasional', price: 140_000, effectiveFrom: '2022-10-01', legalBasis: 'Peraturan Badan Pangan Nasional No. 11 Tahun 2022 (HAP daging sapi tingkat konsumen)' },
    { commodity: 'daging-ayam-ras', kind: 'HAP', zone: 'nasional', price: 40_000, effectiveFrom: '2024-03-01', legalBasis: 'Peraturan Badan Pangan Nasional No. 6 Tahun 2024 (HAP daging ayam ras tingkat konsumen)' },
    { commodity: 'telur-ayam-ras', kind: 'HAP', zone: 'nasional', price: 30_000, effectiveFrom: '2024-03-01', legalBasis: 'Peraturan Badan Pangan Nasional No. 6 Tahun 2024 (HAP telur ayam ras tingkat konsumen)' },
  ],
} satisfies HargaPasarOptionsInput;
