/** Open311 GeoReport v2's wire formats: JSON and XML by path suffix, the standard's error list, dates with offset. */
import type { Problem } from '@kota-kit/core';
import type { RequestContext } from '@kota-kit/core/server';
import type { ReportStatus } from '../../schemas.js';

export type Format = 'json' | 'xml';
export type Scalar = string | number | boolean | null | undefined;

export const open311Base = '/open311/v2';
export const closedStatuses: ReportStatus[] = ['resolved', 'closed', 'rejected', 'duplicate'];
export const maxDays = 90;
export const maxResults = 1000;

export type ErrorStatus = 400 | 403 | 404 | 405 | 413 | 429 | 500;

export class Open311Error extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 405,
    readonly description: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(description);
  }
}

/**
 * Caching of an answer. Public GETs may be kept a minute by shared caches (the links in them come from the
 * configured public URL, never from the request's Host header); answers to a key or token, POSTs and errors are
 * never stored.
 */
export type Cache = 'public' | 'no-store';
const cacheHeaders: Record<Cache, Record<string, string>> = {
  // The language comes from ?lang, the kk_lang cookie or Accept-Language.
  public: { 'cache-control': 'public, max-age=60', vary: 'Accept-Language, Cookie' },
  'no-store': { 'cache-control': 'no-store' },
};

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

export function respond(c: RequestContext, format: Format, jsonBody: unknown, xmlBody: () => string, cache: Cache, status: 200 | ErrorStatus = 200, headers: Record<string, string> = {}): Response {
  const all = { ...headers, ...cacheHeaders[cache] };
  if (format === 'xml') return c.body(xmlDocument(xmlBody()), status as 200, { ...all, 'content-type': 'text/xml; charset=utf-8' });
  return c.body(JSON.stringify(jsonBody), status as 200, { ...all, 'content-type': 'application/json; charset=utf-8' });
}

export function errorResponse(c: RequestContext, format: Format, status: ErrorStatus, descriptions: string | string[], headers: Record<string, string> = {}): Response {
  const errors = (Array.isArray(descriptions) ? descriptions : [descriptions]).map((description) => ({ code: status, description }));
  return respond(c, format, errors, () => element('errors', errors.map((error) => record('error', error))), 'no-store', status, headers);
}

/** The format a path asks for by its suffix (JSON unless it ends in .xml), read from the raw path. */
export const formatOfPath = (pathname: string): Format => (/\.xml$/i.test(pathname) ? 'xml' : 'json');

/**
 * Core's problems under /open311/v2 (its boundary's 400 for a NUL byte or bad encoding, 413, 429, 500) in
 * Open311's error format: one {code, description} per refused field. Core keeps the headers (Retry-After, Allow).
 */
export function open311Problem(c: RequestContext, problem: Problem): Response {
  const status = problem.status as ErrorStatus; // the HTTP status is the error's code, as in the standard's examples
  const descriptions = problem.errors?.length ? problem.errors.map((error) => `${error.field}: ${error.message}`) : [problem.detail ?? problem.title];
  return errorResponse(c, formatOfPath(new URL(c.req.url).pathname), status, descriptions);
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
