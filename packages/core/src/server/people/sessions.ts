/** Sessions: random tokens in an HTTP-only cookie, stored only as their SHA-256. */
import { createHash, randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { setCookie } from 'hono/cookie';
import type { Kysely } from 'kysely';
import type { SessionUser } from '../../types.js';
import type { CoreTables } from '../core-tables.js';
import type { AppEnv } from '../http.js';
import { loadGrants, toSessionUser } from './accounts.js';

export const sessionCookie = 'kk_session';
const sessionDays = 30;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function findSessionUser(db: Kysely<CoreTables>, token: string, now: Date): Promise<SessionUser | null> {
  const row = await db
    .selectFrom('core_sessions as s')
    .innerJoin('core_users as u', 'u.id', 's.user_id')
    .select(['u.id', 'u.email', 'u.name', 'u.kind', 'u.agency_id'])
    .where('s.id', '=', hashToken(token))
    .where('s.expires_at', '>', now)
    .where('u.disabled_at', 'is', null)
    .executeTakeFirst();
  if (!row) return null;
  return toSessionUser(row, await loadGrants(db, row.id));
}

export async function createSession(db: Kysely<CoreTables>, userId: string, now: Date): Promise<{ token: string; expires: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expires = new Date(now.getTime() + sessionDays * 24 * 3600 * 1000);
  await db.insertInto('core_sessions').values({ id: hashToken(token), user_id: userId, expires_at: expires, created_at: now }).execute();
  return { token, expires };
}

export function setSessionCookie(c: Context<AppEnv>, token: string, _expires: Date, secure: boolean): void {
  // Max-Age, not Expires: the browser counts from its own clock, so a session's length is right even when the
  // server's clock (a test clock, a drifting server) is not the browser's.
  setCookie(c, sessionCookie, token, { httpOnly: true, sameSite: 'Lax', secure, path: '/', maxAge: sessionDays * 24 * 3600 });
}
