/** Core's request handling around every route: who is asking, from where, in which language; origin rule; errors. */
import { getConnInfo } from '@hono/node-server/conninfo';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Kysely } from 'kysely';
import { randomUUID } from 'node:crypto';
import { problemTypes, type Problem } from '../problem.js';
import type { CoreTables } from './core-tables.js';
import { languages, type Language } from '../region.js';
import { ProblemError, problemResponse, setAnswerHeader, toProblem, type AppEnv } from './http.js';
import { clientAddress, redactPath } from './security.js';
import { findSessionUser, sessionCookie } from './people/sessions.js';
import type { Clock, Logger } from './services.js';

function requestLanguage(c: Context<AppEnv>, fallback: Language): Language {
  const wanted = [c.req.query('lang'), getCookie(c, 'kk_lang'), ...(c.req.header('accept-language') ?? '').split(',').map((part) => part.split(';')[0]?.trim().slice(0, 2))];
  return (wanted.find((lang) => languages.includes(lang as Language)) as Language | undefined) ?? fallback;
}

/** Sets request id, language, client address and the signed-in user; adds cache and safety headers to answers. */
export function requestContext(options: {
  db: Kysely<CoreTables>;
  clock: Clock;
  defaultLanguage: Language;
  trustedHops: number;
}): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('requestId', c.req.header('x-request-id')?.slice(0, 100) ?? randomUUID());
    let lang = options.defaultLanguage;
    try {
      lang = requestLanguage(c, options.defaultLanguage);
    } catch {
      // A malformed query string: the boundary answers it, in the default language.
    }
    c.set('lang', lang);
    let remote = 'unknown';
    try {
      remote = getConnInfo(c).remote.address ?? 'unknown';
    } catch {
      // Requests made in-process (app.request in tests) have no socket.
    }
    c.set('clientIp', clientAddress(c.req.header('x-forwarded-for'), remote, options.trustedHops));
    const token = getCookie(c, sessionCookie);
    c.set('user', token ? await findSessionUser(options.db, token, options.clock.now()) : null);
    await next();
    // Answers for a signed-in user must not be kept by shared caches or by the service worker on a shared phone.
    if (c.req.path.startsWith('/api/') && !c.res.headers.has('cache-control')) {
      setAnswerHeader(c, 'cache-control', c.get('user') || token ? 'private, no-store' : 'no-cache');
    }
    setAnswerHeader(c, 'x-request-id', c.get('requestId'));
    setAnswerHeader(c, 'x-content-type-options', 'nosniff');
    setAnswerHeader(c, 'referrer-policy', 'strict-origin-when-cross-origin');
  };
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// Bodies a plain HTML form on another site can send without a CORS preflight.
const simpleBody = /^(application\/x-www-form-urlencoded|multipart\/form-data|text\/plain)\b/i;

const originMessages = {
  missing: { id: 'Permintaan formulir harus membawa header Origin dari halaman aplikasi ini.', en: 'A form request must carry an Origin header from this app\'s pages.' },
  foreign: { id: 'Permintaan formulir datang dari situs lain (header Origin asing) dan ditolak.', en: 'A form request came from another site (foreign Origin header) and was refused.' },
};

/**
 * Cookie-authenticated form posts must come from our own pages (CSRF). JSON requests need a CORS preflight that
 * we never grant, so they are safe already. Compared by host, so it also holds behind a proxy that ends HTTPS.
 */
export function originRule(trustProxy: boolean): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!unsafeMethods.has(c.req.method) || !simpleBody.test(c.req.header('content-type') ?? 'text/plain')) return next();
    const origin = c.req.header('origin');
    const host = (trustProxy ? c.req.header('x-forwarded-host') : undefined) ?? c.req.header('host');
    let same: boolean;
    try {
      same = origin !== undefined && new URL(origin).host === host;
    } catch {
      same = false; // not a URL
    }
    if (same) return next();
    const reason = origin === undefined ? 'missing' : 'foreign';
    return problemResponse(c, {
      type: problemTypes.forbidden,
      title: 'Forbidden',
      status: 403,
      detail: originMessages[reason][c.get('lang') ?? 'id'],
      instance: c.req.path,
    });
  };
}

/**
 * Under a module's root paths whose standard has its own error format (`ServerModule.rootErrors`), a problem
 * answered anywhere inside (boundary, body limit, rate limit, handler, 500) is rewritten by the module's
 * formatter; the problem's other headers (Allow, Retry-After) stay. Everywhere else it does nothing.
 */
export function rootErrorFormats(formats: { prefix: string; format: (c: Context<AppEnv>, problem: Problem) => Response }[]): MiddlewareHandler<AppEnv> {
  if (formats.length === 0) return (_c, next) => next();
  return async (c, next) => {
    // The raw path: a malformed %-sequence in it must still find its formatter.
    const path = new URL(c.req.url).pathname;
    const own = formats.find(({ prefix }) => path === prefix || path.startsWith(`${prefix}/`));
    await next();
    if (!own || !/^application\/problem\+json\b/i.test(c.res.headers.get('content-type') ?? '')) return;
    const problem = (await c.res.clone().json()) as Problem;
    const formatted = own.format(c, problem);
    const headers = new Headers(c.res.headers);
    headers.delete('content-length');
    formatted.headers.forEach((value, key) => headers.set(key, value));
    // Cleared first: Hono's setter would otherwise copy the problem's headers over the formatted ones.
    c.res = undefined;
    c.res = new Response(formatted.body, { status: formatted.status, headers });
  };
}

/** PostgreSQL's "data exception" class: a value the database cannot store or compare (out of range, malformed). */
function isDataException(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('22');
}

/** Problems answer as problem+json; a value the database refuses is the client's 400; anything else a logged 500. */
export function errorHandler(log: Logger) {
  return (error: Error, c: Context<AppEnv>) => {
    const instance = redactPath(c.req.path);
    const problem = toProblem(error, instance, c.get('lang') ?? 'id');
    if (problem) return problemResponse(c, problem, error instanceof ProblemError ? error.options.headers : undefined);
    if (isDataException(error)) {
      // A backstop: the boundary and the route schemas should have named the field already.
      log.warn('value refused by the database', { requestId: c.get('requestId'), path: instance, code: (error as { code?: string }).code });
      const lang = c.get('lang') ?? 'id';
      return problemResponse(c, {
        type: problemTypes.validation,
        title: 'Invalid request',
        status: 400,
        detail: lang === 'id' ? 'Ada nilai yang di luar jangkauan atau tidak dapat dibaca.' : 'A value is out of range or cannot be read.',
        instance,
      });
    }
    log.error('request failed', { requestId: c.get('requestId'), path: instance, error });
    return problemResponse(c, { type: problemTypes.internal, title: 'Internal Server Error', status: 500, detail: 'Something went wrong on our side.', instance });
  };
}

/** Hono's ":id" and OpenAPI's "{id}" path patterns as a regular expression. */
function patternOf(path: string): RegExp {
  const source = path
    .split('/')
    .map((part) => (part.startsWith(':') || /^\{.+\}$/.test(part) ? '[^/]+' : part === '*' ? '.*' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${source}/?$`);
}

/** The last handler under /api: 405 with `Allow` for a known path and another method, 404 otherwise. */
export function unmatchedApi(app: OpenAPIHono<AppEnv>): (c: Context<AppEnv>) => Response {
  let routes: { method: string; pattern: RegExp }[] | null = null;
  return (c) => {
    routes ??= app.routes
      .filter((route) => route.method !== 'ALL' && !route.path.endsWith('/*'))
      .map((route) => ({ method: route.method, pattern: patternOf(route.path) }));
    const requested = c.req.path;
    const path = redactPath(c.req.path);
    const allowed = new Set(routes.filter((route) => route.pattern.test(requested)).map((route) => route.method));
    if (allowed.size > 0) {
      if (allowed.has('GET')) allowed.add('HEAD');
      const allow = [...allowed].sort().join(', ');
      c.header('allow', allow);
      return problemResponse(c, {
        type: problemTypes.methodNotAllowed,
        title: 'Method Not Allowed',
        status: 405,
        detail: `${c.req.method} is not allowed here; use ${allow}.`,
        instance: path,
      });
    }
    return problemResponse(c, { type: problemTypes.notFound, title: 'Not found', status: 404, instance: path });
  };
}
