/** Open311 GeoReport v2's wire formats: JSON and XML by path suffix, the standard's error list, dates with offset. */
import type { RequestContext } from '@kota-kit/core/server';
import type { ReportStatus } from '../../schemas.js';

export type Format = 'json' | 'xml';
export type Scalar = string | number | boolean | null | undefined;

export const open311Base = '/open311/v2';
export const closedStatuses: ReportStatus[] = ['resolved', 'closed', 'rejected', 'duplicate'];
export const maxDays = 90;
export const maxResults = 1000;

export class Open311Error extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 429,
    readonly description: string,
  ) {
    super(description);
  }
}

// ---------------------------------------------------------------- XML

/** Drops characters XML 1.0 cannot carry and escapes markup, so report text can never break the document. */
export function escapeXml(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export function element(name: string, content: Scalar | string[]): string {
  if (Array.isArray(content)) return `<${name}>${content.join('')}</${name}>`;
  if (content === null || content === undefined || content === '') return `<${name}/>`;
  return `<${name}>${escapeXml(String(content))}</${name}>`;
}

export const record = (name: string, value: Record<string, Scalar | string[]>) => element(name, Object.entries(value).map(([key, item]) => element(key, item)));
export const xmlDocument = (root: string) => `<?xml version="1.0" encoding="UTF-8"?>\n${root}`;

export function respond(c: RequestContext, format: Format, jsonBody: unknown, xmlBody: () => string, status: 200 | 400 | 403 | 404 | 429 = 200): Response {
  if (format === 'xml') return c.body(xmlDocument(xmlBody()), status, { 'content-type': 'text/xml; charset=utf-8' });
  return c.body(JSON.stringify(jsonBody), status, { 'content-type': 'application/json; charset=utf-8' });
}

export function errorResponse(c: RequestContext, format: Format, status: 400 | 403 | 404 | 429, description: string): Response {
  const errors = [{ code: status, description }];
  return respond(c, format, errors, () => element('errors', errors.map((error) => record('error', error))), status);
}

// ---------------------------------------------------------------- values

/** ISO 8601 with the region's offset, e.g. 2026-11-30T09:15:00+07:00. */
export function isoWithOffset(instant: Date, timeZone: string): string {
  const date = new Date(instant);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
      .formatToParts(date)
      .map((part) => [part.type, part.value]),
  );
  const local = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  const offsetMinutes = Math.round((local - Math.floor(date.getTime() / 1000) * 1000) / 60_000);
  const sign = offsetMinutes >= 0 ? '+' : '-';
  const abs = Math.abs(offsetMinutes);
  const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${offset}`;
}

export const requestsXml = (items: Record<string, Scalar>[]) => element('service_requests', items.map((item) => record('request', item)));
