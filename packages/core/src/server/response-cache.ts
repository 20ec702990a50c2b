/**
 * Answers of public read endpoints kept in memory, keyed by a data version stored in the database.
 *
 * Every write to a module's tables bumps that module's version in `core_data_versions` (a statement trigger core
 * puts on each of the module's tables at start-up, so jobs, seeds and raw SQL count too, not only `unitOfWork`).
 * A cached answer is served only while the versions it was made under are still current: one small query per
 * request, so two server processes on one PostgreSQL never serve each other's stale answers. The ETag is made of
 * the same versions, so a browser revalidating gets 304 without any of the module's queries running.
 */
import type { Context } from 'hono';
import { sql, type Kysely } from 'kysely';
import { LRUCache } from 'lru-cache';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { localDate } from '../dates.js';
import { tablePrefix } from '../contract.js';
import type { CoreTables } from './core-tables.js';
import type { AppEnv } from './http.js';
import type { Clock } from './services.js';

export interface PublicCacheOptions {
  /**
   * Other data versions the answer depends on besides the module's own and core's (agencies): ids of modules whose
   * tables the handler reads.
   */
  dependsOn?: string[];
  /**
   * Longest time in seconds an answer is served without being made again, for answers that change with the clock
   * rather than with a write (a vacancy passing its closing time). Default 60. The region's calendar date is
   * always part of the key, so "today" answers turn over at midnight without it.
   */
  seconds?: number;
}

export interface ResponseCacheOptions {
  /** Memory for kept answers (bytes, plain + gzip); least recently used go first. Default 32 MB. */
  maxBytes?: number;
}

interface Entry {
  versions: string;
  bucket: number;
  etag: string;
  contentType: string;
  cacheControl: string | null;
  body: Uint8Array<ArrayBuffer>;
  gzip: Uint8Array<ArrayBuffer> | null;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any route handler; its own type is kept
type AnyHandler = (c: any, next: any) => any;

export interface ResponseCache {
  /** Wraps a GET handler whose answer is the same for every visitor (never one that reads the signed-in user). */
  publicAnswer<H extends AnyHandler>(moduleId: string, handler: H, options?: PublicCacheOptions): H;
}

// Bigger answers (exports) are streamed, not kept.
const maxEntryBytes = 2 * 1024 * 1024;
// Below this, gzip costs more than it saves (Hono's compress uses the same threshold).
const gzipFrom = 1024;

/**
 * Puts the version trigger on every table of each module that lacks it (tables of new migrations included), but
 * not on a module's `cacheTables`, whose trigger (put there by an earlier start) is taken off.
 * Longest prefixes first, so "laksa_x_…" belongs to a module "laksa-x" rather than to "laksa".
 */
export async function trackDataVersions(db: Kysely<CoreTables>, modules: readonly { id: string; cacheTables?: readonly string[] }[]): Promise<void> {
  const byPrefix = [...modules].sort((a, b) => tablePrefix(b.id).length - tablePrefix(a.id).length);
  const caches = modules.flatMap((module) => module.cacheTables ?? []);
  for (const { id: moduleId } of byPrefix) {
    const pattern = `${tablePrefix(moduleId).replaceAll('_', '\\_')}%`;
    const untracked = await sql<{ relname: string }>`
      select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p') and c.relname like ${pattern}
        and not exists (select 1 from pg_trigger t where t.tgrelid = c.oid and t.tgname = 'core_data_version')
      order by c.relname`.execute(db);
    for (const { relname } of untracked.rows) {
      if (caches.includes(relname)) continue;
      await sql`create trigger core_data_version after insert or update or delete or truncate on ${sql.id(relname)}
        for each statement execute function core_bump_data_version(${sql.lit(moduleId)})`.execute(db);
    }
  }
  if (caches.length === 0) return;
  const tracked = await sql<{ relname: string }>`
    select c.relname from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and t.tgname = 'core_data_version' and c.relname = any(${sql.val(caches)}::text[])`.execute(db);
  for (const { relname } of tracked.rows) await sql`drop trigger core_data_version on ${sql.id(relname)}`.execute(db);
}

/**
 * Reads the data versions for all the requests waiting at this moment with one query. A request only joins a read
 * that has not started yet, so its answer still reflects every write committed before it came in; under load, the
 * requests that arrive together share one query instead of each making its own (on the embedded database, where
 * queries run one at a time on the server's thread, that query was a third of the time of a 304).
 */
function createVersionReader(db: Kysely<CoreTables>): (scopes: readonly string[]) => Promise<string> {
  let next: Promise<Map<string, string>> | undefined;
  const readAll = async () => {
    next = undefined;
    const rows = await db.selectFrom('core_data_versions').select(['scope', 'version']).execute();
    return new Map(rows.map((row) => [row.scope, String(row.version)]));
  };
  return async (scopes) => {
    next ??= new Promise<void>((resolve) => setImmediate(resolve)).then(readAll);
    const versions = await next;
    // "0" for a scope never written.
    return scopes.map((scope) => versions.get(scope) ?? 0).join('.');
  };
}

/** The request's key: path, sorted query, language and the region's date. */
function keyOf(c: Context<AppEnv>, today: string): string {
  const url = new URL(c.req.url);
  url.searchParams.sort();
  return `${url.pathname}?${url.searchParams.toString()}|${c.get('lang') ?? ''}|${today}`;
}

/** "If-None-Match" holds the tag (weak comparison, as for GET). */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = etag.replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || tag.trim().replace(/^W\//, '') === bare);
}

function answer(c: Context<AppEnv>, entry: Entry): Response {
  const headers = new Headers({ etag: entry.etag, vary: 'accept-encoding', 'cache-control': entry.cacheControl ?? 'no-cache' });
  if (matches(c.req.header('if-none-match'), entry.etag)) return new Response(null, { status: 304, headers });
  headers.set('content-type', entry.contentType);
  // Kept compressed once, instead of compressing the same bytes on every request.
  if (entry.gzip && /\bgzip\b/i.test(c.req.header('accept-encoding') ?? '')) {
    headers.set('content-encoding', 'gzip');
    return new Response(entry.gzip, { status: 200, headers });
  }
  return new Response(entry.body, { status: 200, headers });
}

export function createResponseCache(options: { db: Kysely<CoreTables>; clock: Clock; timeZone: string; enabled: boolean } & ResponseCacheOptions): ResponseCache {
  const { db, clock, timeZone } = options;
  const versionsOf = createVersionReader(db);
  const entries = new LRUCache<string, Entry>({
    maxSize: options.maxBytes ?? 32 * 1024 * 1024,
    sizeCalculation: (entry) => entry.body.byteLength + (entry.gzip?.byteLength ?? 0) + 200,
  });
  return {
    publicAnswer<H extends AnyHandler>(moduleId: string, handler: H, { dependsOn = [], seconds = 60 }: PublicCacheOptions = {}): H {
      if (!options.enabled) return handler;
      const scopes = [...new Set([moduleId, 'core', ...dependsOn])];
      const wrapped: AnyHandler = async (c: Context<AppEnv>, next: unknown) => {
        const versions = await versionsOf(scopes);
        const now = clock.now();
        const bucket = Math.floor(now.getTime() / (seconds * 1000));
        const key = `${moduleId}|${keyOf(c, localDate(now, timeZone))}`;
        const kept = entries.get(key);
        if (kept && kept.versions === versions && kept.bucket === bucket) return answer(c, kept);
        const etag = `W/"${createHash('sha1').update(`${key}|${versions}|${bucket}`).digest('base64url').slice(0, 22)}"`;
        // A revalidation of an answer this process has not kept (another process made it, or it was evicted).
        if (matches(c.req.header('if-none-match'), etag)) {
          return new Response(null, { status: 304, headers: { etag, vary: 'accept-encoding', 'cache-control': 'no-cache' } });
        }
        const response: Response = await handler(c, next);
        const contentType = response.headers.get('content-type') ?? '';
        // Only plain successful answers: errors, redirects, streams and anything setting a cookie pass through.
        if (response.status !== 200 || response.headers.has('set-cookie') || response.headers.has('content-encoding') || !contentType) return response;
        const length = Number(response.headers.get('content-length') ?? 0);
        if (length > maxEntryBytes) return response;
        const body = new Uint8Array(await response.arrayBuffer());
        const entry: Entry = {
          versions,
          bucket,
          etag,
          contentType,
          cacheControl: response.headers.get('cache-control'),
          body,
          gzip: body.byteLength >= gzipFrom ? new Uint8Array(gzipSync(body)) : null,
        };
        if (body.byteLength <= maxEntryBytes) entries.set(key, entry);
        return answer(c, entry);
      };
      return wrapped as H;
    },
  };
}
