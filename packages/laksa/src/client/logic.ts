/**
 * Pure helpers of LAKSA's browser half (no React): stage badges, the visibility summary, the mapping of the
 * server's field errors onto the report form, photos and dates. Unit-tested in logic.test.ts. The map and its
 * geometry are core's (`RegionMap`), drawn from the region's geography.
 */
import { mapFieldErrors } from '@kota-kit/core/client';
import type { ReportStatus, Stage } from '../schemas.js';

// ---------------------------------------------------------------- stage

export type BadgeTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

/** The colour stage as a badge: a tone AND a text label AND a symbol, never colour alone. */
export interface StageView {
  tone: BadgeTone;
  /** Translation key of the stage's name ("Merah — baru"). */
  labelKey: `stage.${Stage}`;
  /** A shape that differs per stage, for people who cannot tell the colours apart. */
  symbol: string;
}

export function stageView(stage: Stage): StageView {
  switch (stage) {
    case 'red':
      return { tone: 'danger', labelKey: 'stage.red', symbol: '●' };
    case 'yellow':
      return { tone: 'warning', labelKey: 'stage.yellow', symbol: '◐' };
    case 'green':
      return { tone: 'success', labelKey: 'stage.green', symbol: '✓' };
    case 'rejected':
      return { tone: 'neutral', labelKey: 'stage.rejected', symbol: '✕' };
    case 'duplicate':
      return { tone: 'info', labelKey: 'stage.duplicate', symbol: '⧉' };
  }
}

export const statusLabelKey = (status: ReportStatus) => `status.${status}` as const;

// ---------------------------------------------------------------- visibility

export interface VisibilityFlags {
  confidential: boolean;
  anonymous: boolean;
  /** Did the reporter give a name, email, phone or NIK? */
  hasContact: boolean;
}

/** The parts of a report, as they appear in the review step. */
export const reportParts = ['type', 'category', 'title', 'description', 'location', 'photos', 'status'] as const;
export type ReportPart = (typeof reportParts)[number];

export interface VisibilitySummary {
  /** Is the report listed publicly (list, map, detail page, Open311) once verified? */
  listedPublicly: boolean;
  /** What anyone on the internet can read (empty when confidential). */
  publicParts: ReportPart[];
  /** The reporter's identity is never public, whatever the flags. */
  identityPublic: false;
  /** Do the verifier and the agency see the reporter's (masked) contact? */
  officersSeeContact: boolean;
  /** Is the reporter told of progress (needs a contact; works anonymous too). */
  notified: boolean;
  /** Translation keys of the sentences explaining the combination, in order. */
  sentences: VisibilitySentence[];
}

/** Exactly what the chosen flags make public, and who sees the reporter. Mirrors the server's rules (API.md). */
export type VisibilitySentence = `visibility.sum.${'confidential' | 'public' | 'noContact' | 'anonymous' | 'named' | 'neverPublic' | 'tip'}`;

export function visibilitySummary({ confidential, anonymous, hasContact }: VisibilityFlags): VisibilitySummary {
  const sentences: VisibilitySentence[] = [];
  sentences.push(confidential ? 'visibility.sum.confidential' : 'visibility.sum.public');
  if (!hasContact) sentences.push('visibility.sum.noContact');
  else if (anonymous) sentences.push('visibility.sum.anonymous');
  else sentences.push('visibility.sum.named');
  sentences.push('visibility.sum.neverPublic');
  if (!confidential && !anonymous && hasContact) sentences.push('visibility.sum.tip');
  return {
    listedPublicly: !confidential,
    publicParts: confidential ? [] : [...reportParts],
    identityPublic: false,
    officersSeeContact: hasContact && !anonymous,
    notified: hasContact,
    sentences,
  };
}

// ---------------------------------------------------------------- field errors of the report form

/** Fields of the report form that can show an error. */
export const formFields = [
  'type',
  'category',
  'title',
  'description',
  'kecamatan',
  'kelurahan',
  'address',
  'point',
  'photos',
  'name',
  'email',
  'phone',
  'nik',
  'confidential',
  'anonymous',
] as const;
export type FormField = (typeof formFields)[number];

export interface MappedErrors {
  fields: Partial<Record<FormField, string>>;
  /** Messages that belong to no field of the form (shown at the top). */
  general: string[];
}

/**
 * Maps problem+json `errors[].field` of `POST /reports` onto the form: `body.title` (JSON) and
 * `body.report.title` (multipart) → title, `body.report.location.kecamatan` → kecamatan, `location.lat` → point,
 * `body.photos.1` → photos, `contact.email` → email. The first message of a field wins.
 */
export function mapReportErrors(errors: readonly { field: string; message: string }[] | undefined): MappedErrors {
  return mapFieldErrors<Record<FormField, unknown>>(errors ?? [], formFieldOf);
}

export function formFieldOf(path: string): FormField | null {
  const parts = path
    .replace(/^body\.?/, '')
    .replace(/^report\.?/, '')
    .split('.')
    .filter(Boolean);
  const [head, sub] = parts;
  if (!head) return null;
  if (head === 'location') {
    if (sub === 'lat' || sub === 'lng') return 'point';
    if (sub === 'kecamatan' || sub === 'kelurahan' || sub === 'address') return sub;
    return 'address';
  }
  if (head === 'contact') {
    if (sub === 'name' || sub === 'email' || sub === 'phone' || sub === 'nik') return sub;
    return 'email';
  }
  if (head === 'photos') return 'photos';
  return (formFields as readonly string[]).includes(head) ? (head as FormField) : null;
}

// ---------------------------------------------------------------- photos

export type PhotoProblem = 'type' | 'size' | 'count';

/** Client-side check before anything is sent; the server checks again. */
export function checkPhoto(file: { type: string; size: number }, existing: number, maxPhotos: number, maxBytes: number): PhotoProblem | null {
  if (existing >= maxPhotos) return 'count';
  if (!/^image\//.test(file.type)) return 'type';
  if (file.size > maxBytes) return 'size';
  return null;
}

export function megabytes(bytes: number): string {
  return (bytes / 1_000_000).toLocaleString(undefined, { maximumFractionDigits: 1 });
}

/** A file size people can read: "350 KB", "2,4 MB". */
export function fileSize(bytes: number, language: 'id' | 'en' = 'id'): string {
  const locale = language === 'id' ? 'id-ID' : 'en-GB';
  if (bytes < 1_000_000) return `${Math.max(1, Math.round(bytes / 1000)).toLocaleString(locale)} KB`;
  return `${(bytes / 1_000_000).toLocaleString(locale, { maximumFractionDigits: 1 })} MB`;
}

// ---------------------------------------------------------------- dates

/** Hours as "3 jam" / "2,5 hari" style parts for the statistics. */
export function durationParts(hours: number | null): { value: number; unit: 'hours' | 'days' } | null {
  if (hours === null) return null;
  if (hours < 48) return { value: Math.round(hours * 10) / 10, unit: 'hours' };
  return { value: Math.round((hours / 24) * 10) / 10, unit: 'days' };
}

/** Extracts the tracking token from what a citizen pastes: the whole link, a path, or the bare token. */
export function trackingTokenFrom(input: string): string | null {
  const text = input.trim();
  if (!text) return null;
  const match = /(?:track|lacak)\/([A-Za-z0-9_-]+)/.exec(text);
  if (match) return match[1]!;
  return /^[A-Za-z0-9_-]{8,}$/.test(text) ? text : null;
}

/** Tickets are read aloud: an uppercase code like "LK-7H3K-92QD". */
export function looksLikeTicket(input: string): boolean {
  return /^[A-Z0-9]{2,}(-[A-Z0-9]{2,})+$/i.test(input.trim());
}
