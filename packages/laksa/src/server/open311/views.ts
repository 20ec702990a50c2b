/** What Open311 clients see: services, service definitions, discovery and service requests. */
import { endOfLocalDay, type Language } from '@kota-kit/core';
import type { RequestContext } from '@kota-kit/core/server';
import { photosOf } from '../queries/reports.js';
import { noteText } from '../services/notes.js';
import { categoryOf } from '../services/reports.js';
import { agencyRef, photoView } from '../services/views.js';
import type { Ctx, ReportRow } from '../tables.js';
import { closedStatuses, isoWithOffset, open311Base } from './format.js';

/** An absolute link from the region's configured public URL (relative without one), never from the Host header. */
export const publicLink = (ctx: Ctx, path: string) => `${ctx.publicUrl ?? ''}${path}`;

export function discovery(ctx: Ctx) {
  const { options } = ctx;
  const changeset = '2026-01-01T00:00:00+07:00';
  const endpoint = { specification: 'http://wiki.open311.org/GeoReport_v2', url: publicLink(ctx, open311Base), changeset, type: 'production', formats: ['text/xml', 'application/json'] };
  const verifier = ctx.region.agencies.find((agency) => agency.id === options.verifierAgency)?.shortName ?? options.verifierAgency;
  return {
    changeset,
    contact: options.open311.contact ?? [ctx.region.contacts.email, ctx.region.contacts.phone].filter(Boolean).join(' · ') ?? ctx.region.name,
    key_service: `Ask ${ctx.region.name} (${verifier}) for an api_key.${ctx.demo ? ' On this demo server the api_key "demo" works.' : ''}`,
    endpoints: [endpoint],
  };
}

export function services(ctx: Ctx, lang: Language) {
  return ctx.options.categories.map((category) => ({
    service_code: category.id,
    service_name: category.name[lang],
    description: category.description?.[lang] ?? category.name[lang],
    metadata: true,
    type: 'realtime',
    keywords: (category.open311?.keywords ?? []).join(','),
    group: category.open311?.group ?? ctx.region.agencies.find((agency) => agency.id === category.agency)?.shortName ?? category.agency,
  }));
}

export function serviceDefinitionAttributes(ctx: Ctx, code: string) {
  const category = categoryOf(ctx, code)!;
  const yesNo = [
    { key: 'false', name: 'Tidak / No' },
    { key: 'true', name: 'Ya / Yes' },
  ];
  const attributes = [
    {
      variable: true,
      code: 'anonymous',
      datatype: 'singlevaluelist',
      required: false,
      datatype_description: 'true: the reporter\'s identity is hidden from the public and from the agency',
      order: 1,
      description: 'Anonim: sembunyikan identitas pelapor / Anonymous: hide who reported',
      values: yesNo,
    },
    {
      variable: true,
      code: 'confidential',
      datatype: 'singlevaluelist',
      required: false,
      datatype_description: 'true: the report itself is not public',
      order: 2,
      description: 'Rahasia: laporan tidak dipublikasikan / Confidential: the report is not public',
      values: yesNo,
    },
  ];
  if (category.types.length > 1) {
    attributes.push({
      variable: true,
      code: 'type',
      datatype: 'singlevaluelist',
      required: false,
      datatype_description: `Default: ${category.types[0]}`,
      order: 3,
      description: 'Jenis laporan / Report type',
      values: category.types.map((type) => ({ key: type, name: { complaint: 'Pengaduan / Complaint', aspiration: 'Aspirasi / Aspiration', information: 'Permintaan informasi / Information request' }[type] })),
    });
  }
  return attributes;
}

/**
 * Service requests as Open311 shows them. `rows` are public reports only (`isPublic`, the public API's rule):
 * Open311 shows exactly what the public API shows.
 */
export async function requestViews(ctx: Ctx, c: RequestContext, rows: ReportRow[]) {
  const db = ctx.db;
  const tz = ctx.region.timeZone;
  const lang = c.get('lang');
  const photos = await photosOf(db, rows.map((row) => row.id));
  const lastNotes = rows.length
    ? await db
        .selectFrom('laksa_events')
        .select(['report_id', 'note', 'note_code', 'note_params', 'id'])
        .where('report_id', 'in', rows.map((row) => row.id))
        .where('internal', '=', false)
        .where((eb) => eb.or([eb('note', 'is not', null), eb('note_code', 'is not', null)]))
        .where('actor_kind', '!=', 'citizen')
        .orderBy('id', 'desc')
        .execute()
    : [];
  return rows.map((row) => {
    const last = lastNotes.find((item) => item.report_id === row.id);
    const note = last ? noteText(last, lang) : null;
    const photo = (photos.get(row.id) ?? []).find((item) => item.kind === 'report');
    const due = row.status === 'submitted' || row.status === 'verified' ? row.verify_due : row.agency_due;
    const agency = agencyRef(ctx, row.agency_id);
    const agencyName = ctx.region.agencies.find((item) => item.id === row.agency_id)?.name ?? agency?.shortName ?? null;
    const category = categoryOf(ctx, row.category);
    return {
      service_request_id: row.ticket,
      status: closedStatuses.includes(row.status) ? 'closed' : 'open',
      status_notes: note,
      service_name: category ? category.name[lang] : row.category,
      service_code: row.category,
      description: row.description,
      agency_responsible: agencyName,
      service_notice: null,
      requested_datetime: isoWithOffset(row.created_at, tz),
      updated_datetime: isoWithOffset(row.updated_at, tz),
      expected_datetime: due && !closedStatuses.includes(row.status) ? isoWithOffset(endOfLocalDay(due, tz), tz) : null,
      address: row.address,
      address_id: null,
      zipcode: null,
      lat: row.lat,
      long: row.lng,
      media_url: photo ? publicLink(ctx, photoView(photo).url) : null,
    };
  });
}
