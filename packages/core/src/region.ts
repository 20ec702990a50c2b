import { z } from 'zod';

const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #0b5cad');

/** Languages the kit ships translations for; Bahasa Indonesia first. */
export const languages = ['id', 'en'] as const;
export type Language = (typeof languages)[number];

export const agencySchema = z.object({
  /** Stable slug used in URLs, role grants and module options, e.g. "dpupr". */
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'must be a lowercase slug like "dpupr"'),
  /** Official name, e.g. "Dinas Pekerjaan Umum dan Penataan Ruang". */
  name: z.string().min(3),
  /** Short name citizens know, e.g. "DPUPR". */
  shortName: z.string().min(2).max(24),
});
export type Agency = z.infer<typeof agencySchema>;

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be a lowercase slug like "cipondoh"');
const latitude = z.number().min(-90).max(90);
const longitude = z.number().min(-180).max(180);
const pointSchema = z.object({ lat: latitude, lng: longitude });

/** The region's extent in degrees (WGS 84); south < north and west < east. */
export const boundsSchema = z
  .object({ south: latitude, west: longitude, north: latitude, east: longitude })
  .refine((b) => b.south < b.north, { message: 'south must be less than north', path: ['north'] })
  .refine((b) => b.west < b.east, { message: 'west must be less than east', path: ['east'] });
export type Bounds = z.infer<typeof boundsSchema>;

export const kelurahanSchema = z.object({
  /** Stable slug, unique inside its kecamatan, e.g. "sudimara-barat". */
  id: slug,
  name: z.string().min(2),
  centre: pointSchema.optional(),
});

export const kecamatanSchema = z.object({
  /** Stable slug, unique in the region, e.g. "cipondoh". */
  id: slug,
  /** As citizens and officers write it, e.g. "Cipondoh". */
  name: z.string().min(2),
  /** An approximate centre, only to place the label on the map. */
  centre: pointSchema,
  /**
   * Optional boundary: GeoJSON-like rings of [lng, lat] pairs (a Polygon's rings, or the parts of a MultiPolygon;
   * a point inside an odd number of rings is inside). When given, the kecamatan of a point on the map is the one
   * whose boundary holds it; without boundaries the nearest centre is taken.
   */
  boundary: z.array(z.array(z.tuple([longitude, latitude])).min(4, 'a ring needs at least 4 [lng, lat] pairs (the first repeated last)')).min(1).optional(),
  kelurahan: z.array(kelurahanSchema).optional(),
});

/**
 * The region's geography, drawn by core's map (RegionMap): its bounds and its kecamatan (optionally kelurahan)
 * with approximate centre points. Every point must lie inside the bounds and every id must be unique.
 */
export const geographySchema = z
  .object({ bounds: boundsSchema, kecamatan: z.array(kecamatanSchema).default([]) })
  .superRefine((geography, ctx) => {
    const { bounds } = geography;
    const inside = (p: { lat: number; lng: number }) => p.lat >= bounds.south && p.lat <= bounds.north && p.lng >= bounds.west && p.lng <= bounds.east;
    const outside = `lies outside the region's bounds (${bounds.south}..${bounds.north}, ${bounds.west}..${bounds.east})`;
    const kecamatanIds = new Set<string>();
    geography.kecamatan.forEach((kecamatan, k) => {
      if (kecamatanIds.has(kecamatan.id)) ctx.addIssue({ code: 'custom', path: ['kecamatan', k, 'id'], message: `duplicate kecamatan id "${kecamatan.id}"` });
      kecamatanIds.add(kecamatan.id);
      if (!inside(kecamatan.centre)) ctx.addIssue({ code: 'custom', path: ['kecamatan', k, 'centre'], message: `centre ${outside}` });
      const kelurahanIds = new Set<string>();
      kecamatan.kelurahan?.forEach((kelurahan, l) => {
        if (kelurahanIds.has(kelurahan.id)) ctx.addIssue({ code: 'custom', path: ['kecamatan', k, 'kelurahan', l, 'id'], message: `duplicate kelurahan id "${kelurahan.id}" in kecamatan "${kecamatan.id}"` });
        kelurahanIds.add(kelurahan.id);
        if (kelurahan.centre && !inside(kelurahan.centre)) ctx.addIssue({ code: 'custom', path: ['kecamatan', k, 'kelurahan', l, 'centre'], message: `centre ${outside}` });
      });
    });
  });
export type GeographyInput = z.input<typeof geographySchema>;
export type Geography = z.output<typeof geographySchema>;

export const openStreetMapTiles = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
export const openStreetMapAttribution = '© OpenStreetMap contributors';

/**
 * The street map under core's RegionMap: a raster tile URL ({z}/{x}/{y}, optional {s} subdomains) and its
 * attribution. OpenStreetMap's tiles by default; a region with real traffic must use its own tile server (or a
 * provider's), as OpenStreetMap's tile usage policy asks. `tileUrl: false` keeps only the plain drawing. The
 * server allows the tile host in the pages' Content-Security-Policy (img-src).
 */
export const mapSchema = z.object({
  tileUrl: z
    .union([
      z.literal(false),
      z
        .string()
        .regex(/^https?:\/\/[^/\s?#]+\/\S*$/, 'must be an http(s) URL like "https://tile.openstreetmap.org/{z}/{x}/{y}.png"')
        .refine((url) => ['{z}', '{x}', '{y}'].every((part) => url.includes(part)), { message: 'must contain {z}, {x} and {y}' }),
    ])
    .default(openStreetMapTiles),
  /** Shown on the map; required by every tile provider's terms. */
  attribution: z.string().min(2).default(openStreetMapAttribution),
  maxZoom: z.number().int().min(1).max(22).default(19),
});
export type MapSettings = z.output<typeof mapSchema>;

/** The origin of the tile host for the Content-Security-Policy ("https://*.tile.example.org" for {s} subdomains), or null. */
export function tileOrigin(map: Pick<MapSettings, 'tileUrl'> | undefined): string | null {
  if (!map || map.tileUrl === false) return null;
  try {
    const url = new URL(map.tileUrl.replace('{s}', 'kk-sub').replace(/\{[a-z]+\}/g, '0'));
    return url.host.startsWith('kk-sub.') ? `${url.protocol}//*.${url.host.slice('kk-sub.'.length)}` : url.origin;
  } catch {
    return null;
  }
}

/** A region's identity and branding: the first half of a host's config. */
export const regionSchema = z.object({
  /** Official name, e.g. "Kota Tangerang". */
  name: z.string().min(3),
  /** Name of the app as shown in the header and on the home screen of the phone, e.g. "Tangerang Live". */
  appName: z.string().min(2).max(40),
  /** Official region code (kode wilayah Kemendagri), e.g. "36.71". */
  code: z.string().regex(/^\d{2}(\.\d{2}){0,3}$/, 'must be an official region code like "36.71"'),
  /** Public path of the logo (SVG or PNG) in the host's public folder, e.g. "/logo.svg". */
  logo: z.string().startsWith('/', 'must be a path starting with "/" inside the host\'s public folder'),
  colors: z.object({
    primary: hexColor,
    /** Text colour on top of the primary colour. */
    onPrimary: hexColor.default('#ffffff'),
    accent: hexColor,
  }),
  defaultLanguage: z.enum(languages).default('id'),
  /** IANA time zone; Tangerang is in WIB. */
  timeZone: z.string().default('Asia/Jakarta'),
  contacts: z
    .object({
      email: z.email().optional(),
      phone: z.string().optional(),
      address: z.string().optional(),
      website: z.url().optional(),
    })
    .default({}),
  /**
   * Days that are not working days besides weekends: national holidays, cuti bersama and local holidays.
   * Deadlines counted in working days skip them.
   */
  holidays: z
    .array(z.object({ date: z.iso.date(), name: z.string().min(2) }))
    .default([]),
  /** The region's agencies (OPD). Officers are attached to one of them. */
  agencies: z.array(agencySchema).default([]),
  /** Bounds and kecamatan (optionally kelurahan) with centre points, drawn by core's map. Optional. */
  geography: geographySchema.optional(),
  /** The street map's tiles and attribution (OpenStreetMap's by default); the plain drawing stays the offline fallback. */
  map: mapSchema.default({ tileUrl: openStreetMapTiles, attribution: openStreetMapAttribution, maxZoom: 19 }),
});
export type RegionInput = z.input<typeof regionSchema>;
export type Region = z.output<typeof regionSchema>;

/** The names of the region's kecamatan, from its geography (empty when the region gives none). */
export function kecamatanNamesOf(region: { geography?: { kecamatan: readonly { name: string }[] } }): string[] {
  return region.geography?.kecamatan.map((kecamatan) => kecamatan.name) ?? [];
}

/**
 * A kecamatan name as the region spells it, matched in any case ("karawaci" → "Karawaci"); undefined when the
 * region lists kecamatan and this is none of them; the name as written when the region lists none.
 */
export function kecamatanOfRegion(region: { geography?: { kecamatan: readonly { name: string }[] } }, name: string): string | undefined {
  const names = kecamatanNamesOf(region);
  if (names.length === 0) return name;
  const wanted = name.trim().toLowerCase();
  return names.find((item) => item.toLowerCase() === wanted);
}
