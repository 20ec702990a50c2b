/**
 * Security headers and limits every answer carries: a strict Content-Security-Policy (the only inline script
 * and style of a page are core's own, allowed by their hashes), no framing, a narrow Permissions-Policy, HSTS
 * behind HTTPS, request-body limits before anything is parsed, and the client address behind proxies.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createHash } from 'node:crypto';
import { problemTypes } from '../problem.js';
import { problemResponse, setAnswerHeader, type AppEnv } from './http.js';

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** The inline <script> and <style> bodies of a page, by hash, for its Content-Security-Policy. */
/**
 * `allow.images`: origins pages may load images from besides their own — the region's map tile host, derived
 * from `region.map.tileUrl` (`tileOrigin`); sources with a quote, semicolon or space are refused.
 */
export function contentSecurityPolicy(
  inline: { scripts?: string[]; styles?: string[] } = {},
  allow: { images?: string[]; frames?: string[]; styleAttributes?: boolean } = {},
): string {
  // Only plain https origins: a value with spaces, quotes or semicolons could add directives of its own.
  const origins = (values: string[] | undefined) => (values ?? []).filter((source) => /^https?:\/\/[^\s;,']+$/.test(source));
  const images = origins(allow.images);
  const frames = origins(allow.frames);
  return [
    "default-src 'self'",
    `script-src 'self' ${(inline.scripts ?? []).map(sha256).join(' ')}`.trim(),
    `style-src 'self' ${(inline.styles ?? []).map(sha256).join(' ')}`.trim(),
    // Pages: style attributes (a bar's width, a chart's height) in the markup the server renders; without this, a
    // browser drops them and the page hydrates without them. <style> elements stay limited to core's own, by hash.
    ...(allow.styleAttributes ? ["style-src-attr 'unsafe-inline'"] : []),
    ["img-src 'self' data: blob:", ...images].join(' '),
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    // Embeds a module allows (a video player the newsroom embeds); without any, frames fall back to default-src.
    ...(frames.length ? [`frame-src 'self' ${frames.join(' ')}`] : []),
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Whether the request reached us over HTTPS (directly, or through a trusted proxy that says so). */
function overHttps(c: Context<AppEnv>, trustedHops: number): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  return trustedHops > 0 && c.req.header('x-forwarded-proto')?.split(',').at(-1)?.trim() === 'https';
}

export function securityHeaders(trustedHops: number): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    // API answers and files get the strict default; pages set their own with their inline hashes.
    if (!c.res.headers.has('content-security-policy')) setAnswerHeader(c, 'content-security-policy', contentSecurityPolicy());
    setAnswerHeader(c, 'x-frame-options', 'DENY');
    // The report form uses the camera and location; nothing else may.
    setAnswerHeader(c, 'permissions-policy', 'camera=(self), geolocation=(self), microphone=(), payment=(), usb=(), interest-cohort=()');
    setAnswerHeader(c, 'cross-origin-opener-policy', 'same-origin');
    if (overHttps(c, trustedHops)) setAnswerHeader(c, 'strict-transport-security', 'max-age=31536000; includeSubDomains');
  };
}

/**
 * The client's address. Behind `trustedHops` reverse proxies, each appends the address it received from, so the
 * client is that many entries from the right of X-Forwarded-For; entries further left are whatever the client
 * sent and are never trusted.
 */
export function clientAddress(forwardedFor: string | undefined, socketAddress: string, trustedHops: number): string {
  if (trustedHops <= 0 || !forwardedFor) return socketAddress;
  const entries = forwardedFor.split(',').map((entry) => entry.trim()).filter(Boolean);
  return entries.at(-trustedHops) ?? entries[0] ?? socketAddress;
}

export interface BodyLimits {
  /** JSON, form and text bodies (default 1 MiB). */
  bytes?: number;
  /** multipart/form-data bodies with files (default 32 MiB). */
  uploadBytes?: number;
}

/** Refuses a body over its limit with 413 while it is read (a chunked body too), before any parser sees it. */
export function bodyLimits(limits: BodyLimits = {}): MiddlewareHandler<AppEnv> {
  const onError = (c: Context<AppEnv>) => {
    const lang = c.get('lang') ?? 'id';
    return problemResponse(c, {
      type: problemTypes.tooLarge,
      title: 'Content Too Large',
      status: 413,
      detail: lang === 'id' ? 'Isi permintaan terlalu besar.' : 'The request body is too large.',
      instance: c.req.path,
    });
  };
  const small = bodyLimit({ maxSize: limits.bytes ?? 1024 * 1024, onError });
  const large = bodyLimit({ maxSize: limits.uploadBytes ?? 32 * 1024 * 1024, onError });
  return (c, next) => {
    // A GET or HEAD without Content-Length or Transfer-Encoding carries no body (HTTP/1.1 framing); checking it anyway
    // would make the full web Request of every page and read (a tenth of the server's time on /api/health).
    if ((c.req.method === 'GET' || c.req.method === 'HEAD') && c.req.header('content-length') === undefined && c.req.header('transfer-encoding') === undefined) return next();
    return /^multipart\/form-data\b/i.test(c.req.header('content-type') ?? '') ? large(c, next) : small(c, next);
  };
}

// A path segment that is a secret (a private tracking token, a key): long, random-looking base64url text.
const secretSegment = /^(?=[A-Za-z0-9_-]*\d)(?=[A-Za-z0-9_-]*[A-Za-z])[A-Za-z0-9_-]{20,}$/;

/** A path safe for logs and error bodies: secret-looking segments replaced, so a tracking link never leaks there. */
export function redactPath(path: string): string {
  return path
    .split('/')
    .map((segment) => (secretSegment.test(segment) ? '[redacted]' : segment))
    .join('/');
}
