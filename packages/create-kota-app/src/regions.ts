import { provinces, regencies } from './data/wilayah.js';

export interface RegionEntry {
  /** Kode wilayah, e.g. "36.01". */
  code: string;
  /** Official name, e.g. "Kabupaten Pandeglang". */
  name: string;
  province: { code: string; name: string };
}

const provinceNames = new Map(provinces.map(([code, name]) => [code, name]));

/** The kabupaten/kota with this kode wilayah (Kemendagri), with its province; undefined when there is none. */
export function findRegion(code: string): RegionEntry | undefined {
  const entry = regencies.find(([regionCode]) => regionCode === code);
  if (!entry) return undefined;
  const provinceCode = code.slice(0, 2);
  return { code: entry[0], name: entry[1], province: { code: provinceCode, name: provinceNames.get(provinceCode) ?? provinceCode } };
}

function normalise(name: string): string {
  return name
    .toLowerCase()
    .replace(/^(kabupaten|kab\.?|kota)\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Kabupaten/kota whose name matches: the exact official name first ("Kota Serang"), else every region whose
 * name without "Kabupaten"/"Kota" equals it ("Serang" gives both Kabupaten and Kota Serang).
 */
export function findRegionsByName(name: string): RegionEntry[] {
  const wanted = name.trim().toLowerCase();
  const exact = regencies.filter(([, regionName]) => regionName.toLowerCase() === wanted);
  const matches = exact.length > 0 ? exact : regencies.filter(([, regionName]) => normalise(regionName) === normalise(name));
  return matches.map(([code]) => findRegion(code)!);
}

/** Every kabupaten/kota, for a searchable prompt. */
export function allRegions(): RegionEntry[] {
  return regencies.map(([code]) => findRegion(code)!);
}

/** The short name of a region for its app: "Kabupaten Pandeglang" → "Pandeglang". */
export function shortRegionName(name: string): string {
  return name.replace(/^(Kabupaten|Kota|Kab\.)\s+/, '').trim();
}
