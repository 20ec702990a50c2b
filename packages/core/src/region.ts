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
});
export type RegionInput = z.input<typeof regionSchema>;
export type Region = z.output<typeof regionSchema>;
