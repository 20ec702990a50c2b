/** The report form's draft: its safe defaults, the request it becomes, and the server's own check of it. */
import { createReportSchema, type CreateReportInput, type ReportType } from '../schemas.js';
import { formFieldOf, type FormField } from './logic.js';

export interface Draft {
  type: ReportType;
  category: string;
  title: string;
  description: string;
  kecamatan: string;
  kelurahan: string;
  address: string;
  point: { lat: number; lng: number } | null;
  confidential: boolean;
  anonymous: boolean;
  name: string;
  email: string;
  phone: string;
  nik: string;
}

/** Safe defaults: the report is public (that is what makes the city answer in the open) but the reporter is anonymous. */
export const emptyDraft: Draft = {
  type: 'complaint',
  category: '',
  title: '',
  description: '',
  kecamatan: '',
  kelurahan: '',
  address: '',
  point: null,
  confidential: false,
  anonymous: true,
  name: '',
  email: '',
  phone: '',
  nik: '',
};

/** The request body built from the form: only what the citizen filled in. */
export function toCreateInput(draft: Draft, askNik: boolean): CreateReportInput {
  const trim = (value: string) => value.trim() || undefined;
  const contact = { name: trim(draft.name), email: trim(draft.email), phone: trim(draft.phone), nik: askNik ? trim(draft.nik) : undefined };
  const hasContact = Object.values(contact).some(Boolean);
  return {
    type: draft.type,
    category: draft.category,
    title: draft.title.trim(),
    description: draft.description.trim(),
    location: {
      ...(draft.point ? { lat: draft.point.lat, lng: draft.point.lng } : {}),
      address: trim(draft.address),
      kecamatan: trim(draft.kecamatan),
      kelurahan: trim(draft.kelurahan),
    },
    confidential: draft.confidential,
    anonymous: draft.anonymous,
    ...(hasContact ? { contact: Object.fromEntries(Object.entries(contact).filter(([, value]) => value)) } : {}),
  };
}

/** A translation key of the form's own error wording. */
export type FieldMessageKey = `form.err.${'category' | 'title' | 'description' | 'location' | 'name' | 'email' | 'phone' | 'nik'}`;
export const isFieldMessageKey = (value: string): value is FieldMessageKey => value.startsWith('form.err.');

/** The module's own wording of each field's error (keys of the translations), as the form shows it. */
const fieldMessages: Partial<Record<FormField, FieldMessageKey>> = {
  category: 'form.err.category',
  title: 'form.err.title',
  description: 'form.err.description',
  kecamatan: 'form.err.location',
  address: 'form.err.location',
  point: 'form.err.location',
  name: 'form.err.name',
  email: 'form.err.email',
  phone: 'form.err.phone',
  nik: 'form.err.nik',
};

/**
 * The server's own check (`createReportSchema`), made in the browser before anything is sent: each refused
 * field gets its message, keyed by translation key (or the schema's message for a field without one). The
 * region's lists (categories, kecamatan) are checked by the server and mapped back onto the same fields.
 */
export function checkDraft(draft: Draft, askNik: boolean): Partial<Record<FormField, string>> {
  const errors: Partial<Record<FormField, string>> = {};
  const parsed = createReportSchema.safeParse(toCreateInput(draft, askNik));
  for (const issue of parsed.error?.issues ?? []) {
    let field = formFieldOf(issue.path.join('.'));
    // "a point, an address or a kecamatan": shown at the kecamatan, the first of the three on the form.
    if (field === 'address' && issue.code === 'custom') field = 'kecamatan';
    if (field && errors[field] === undefined) errors[field] = fieldMessages[field] ?? issue.message;
  }
  return errors;
}


export interface PhotoItem {
  file: File;
  url: string;
}
