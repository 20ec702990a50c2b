/**
 * The boundary every route sits behind: values no handler can store or compare safely are refused with a
 * 400 problem naming the field, before any module code or the database sees them.
 */
import type { MiddlewareHandler } from 'hono';
import { problemTypes, type FieldError } from '../problem.js';
import type { Language } from '../region.js';
import { problemResponse, type AppEnv } from './http.js';
import { redactPath } from './security.js';

const messages = {
  encoding: { id: 'Pengodean URL rusak (tanda % tanpa dua digit heksadesimal yang sah).', en: 'Malformed URL encoding (a % without two valid hex digits).' },
  nul: { id: 'Teks tidak boleh berisi karakter NUL.', en: 'Text must not contain a NUL character.' },
  surrogate: { id: 'Teks berisi karakter Unicode yang rusak (surrogate tanpa pasangan).', en: 'Text holds a broken Unicode character (an unpaired surrogate).' },
  date: { id: 'Tanggal harus antara tahun 1900 dan 2100.', en: 'Dates must lie between the years 1900 and 2100.' },
  number: { id: 'Angka di luar jangkauan yang dapat disimpan.', en: 'Number out of the range that can be stored.' },
  detail: { id: 'Ada isian yang tidak valid.', en: 'Some fields are not valid.' },
} satisfies Record<string, Record<Language, string>>;

type MessageKey = Exclude<keyof typeof messages, 'detail'>;

// Field names are echoed in the error: the refused characters in them are shown as "?".
// eslint-disable-next-line no-control-regex -- NUL is exactly what this replaces
const unsafeInName = /[\u0000\uD800-\uDFFF]/g;
const unpairedSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// A whole value that is an ISO date or date-time: its year must be one the database and the calendar handle.
const isoDate = /^([+-]?\d{4,6})-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** Why a text value is refused, or null when it may pass. */
export function textProblem(value: string): MessageKey | null {
  if (value.includes('\u0000')) return 'nul';
  if (unpairedSurrogate.test(value)) return 'surrogate';
  const date = isoDate.exec(value);
  if (date) {
    const year = Number(date[1]);
    if (year < 1900 || year > 2100) return 'date';
  }
  return null;
}

/** Walks a parsed JSON or form body and lists every refused value with its field path ("body.items.0.note"). */
export function scanValue(value: unknown, path: string, found: [string, MessageKey][], depth = 0): void {
  if (found.length >= 20 || depth > 32) return;
  if (typeof value === 'string') {
    const problem = textProblem(value);
    if (problem) found.push([path, problem]);
  } else if (typeof value === 'number') {
    if (!Number.isFinite(value) || Math.abs(value) > Number.MAX_SAFE_INTEGER) found.push([path, 'number']);
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => scanValue(item, `${path}.${index}`, found, depth + 1));
  } else if (value && typeof value === 'object' && !(value instanceof Blob)) {
    for (const [key, item] of Object.entries(value)) {
      const keyProblem = textProblem(key);
      if (keyProblem) found.push([`${path}.${key.replace(unsafeInName, '?')}`, keyProblem]);
      else scanValue(item, `${path}.${key}`, found, depth + 1);
    }
  }
}

/** Splits a raw query string, decoding each part; a malformed %-sequence is reported instead of thrown. */
function scanQuery(search: string, found: [string, MessageKey][]): void {
  for (const pair of search.split('&')) {
    if (!pair) continue;
    const cut = pair.indexOf('=');
    const rawKey = cut < 0 ? pair : pair.slice(0, cut);
    const rawValue = cut < 0 ? '' : pair.slice(cut + 1);
    let key: string;
    try {
      key = decodeURIComponent(rawKey.replaceAll('+', ' '));
    } catch {
      found.push([`query.${rawKey}`, 'encoding']);
      continue;
    }
    let value: string;
    try {
      value = decodeURIComponent(rawValue.replaceAll('+', ' '));
    } catch {
      found.push([`query.${key}`, 'encoding']);
      continue;
    }
    const keyProblem = textProblem(key);
    if (keyProblem) found.push([`query.${key.replace(unsafeInName, '?')}`, keyProblem]);
    else {
      const problem = textProblem(value);
      if (problem) found.push([`query.${key}`, problem]);
    }
  }
}

const jsonType = /^application\/([a-z.+-]*\+)?json\b/i;
const formType = /^(multipart\/form-data|application\/x-www-form-urlencoded)\b/i;

/** Middleware: refuses hostile path, query and body values with 400 problem+json. */
export function boundary(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const url = new URL(c.req.url);
    const found: [string, MessageKey][] = [];
    let path = url.pathname;
    try {
      path = decodeURIComponent(url.pathname);
      const problem = textProblem(path.replaceAll('/', ' '));
      if (problem === 'nul' || problem === 'surrogate') found.push(['path', problem]);
    } catch {
      found.push(['path', 'encoding']);
    }
    scanQuery(url.search.slice(1), found);
    if (found.length === 0 && c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      const type = c.req.header('content-type') ?? '';
      // Hono keeps the parsed body, so the route's validator reads it again without a second parse.
      if (jsonType.test(type)) {
        const body = await c.req.json().catch(() => undefined);
        scanValue(body, 'body', found);
      } else if (formType.test(type)) {
        const body = await c.req.parseBody({ all: true }).catch(() => undefined);
        scanValue(body, 'body', found);
      }
    }
    if (found.length === 0) return next();
    const lang = c.get('lang') ?? 'id';
    const errors: FieldError[] = found.map(([field, key]) => ({ field, message: messages[key][lang], code: `boundary.${key}` }));
    return problemResponse(c, {
      type: problemTypes.validation,
      title: 'Invalid request',
      status: 400,
      detail: messages.detail[lang],
      // A refused path is not echoed back: it may hold the very bytes that were refused.
      instance: found.some(([field]) => field === 'path') ? undefined : redactPath(path),
      errors,
    });
  };
}
