/**
 * The texts of system notes, for readers the browser's translations do not reach: Open311 clients (in the
 * request's language) and region hooks (both languages). Stored rows hold only the code and its parameters.
 */
import type { Language } from '@kota-kit/core';
import type { NoteCode, NoteParams } from '../tables.js';

const texts: Record<NoteCode, Record<Language, (params: NoteParams) => string>> = {
  'overdue.verification': { id: (p) => `Melewati tenggat verifikasi (${p.dueDate})`, en: (p) => `Verification overdue (${p.dueDate})` },
  'overdue.forwarding': { id: (p) => `Melewati tenggat penerusan ke dinas (${p.dueDate})`, en: (p) => `Forwarding overdue (${p.dueDate})` },
  'overdue.agency': { id: (p) => `Melewati tenggat tindak lanjut OPD (${p.dueDate})`, en: (p) => `Agency response overdue (${p.dueDate})` },
  'closed.automatically': {
    id: (p) => `Ditutup otomatis setelah ${p.days} hari kerja tanpa tanggapan`,
    en: (p) => `Closed automatically after ${p.days} working days without reply`,
  },
  merged: { id: (p) => `Digabung dengan laporan ${p.ticket}`, en: (p) => `Merged into report ${p.ticket}` },
  assigned: { id: (p) => `→ ${p.name}`, en: (p) => `→ ${p.name}` },
  unassigned: { id: () => '→ —', en: () => '→ —' },
};

/** A note as a reader sees it: a person's words as written, a system note translated. */
export function noteText(event: { note: string | null; note_code: NoteCode | null; note_params: NoteParams | null }, lang: Language | 'both'): string | null {
  if (!event.note_code) return event.note;
  const text = texts[event.note_code];
  if (!text) return event.note;
  const params = event.note_params ?? {};
  return lang === 'both' ? `${text.id(params)} / ${text.en(params)}` : text[lang](params);
}
