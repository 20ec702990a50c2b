/** /api/auth: who is signed in, sign in, sign out, register a citizen account. */
import { randomBytes } from 'node:crypto';
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { deleteCookie, getCookie } from 'hono/cookie';
import { sql } from 'kysely';
import { errorResponses, ProblemError, type AppEnv } from '../http.js';
import { hashPassword, verifyPassword } from '../passwords.js';
import { createAccount, loadGrants, toSessionUser } from './accounts.js';
import { credentialsSchema, registerSchema, userSchema, type PeopleDeps } from './schemas.js';
import { createSession, hashToken, sessionCookie, setSessionCookie } from './sessions.js';

// A valid hash of a random password, computed once, for constant-time failures on unknown emails.
let dummyHash = 'scrypt$65536$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
void hashPassword(randomBytes(16).toString('hex')).then((hash) => (dummyHash = hash));

const me = createRoute({
  method: 'get',
  path: '/auth/me',
  tags: ['people'],
  summary: 'The signed-in user, or null',
  responses: { 200: { description: 'Current user', content: { 'application/json': { schema: z.object({ user: userSchema.nullable() }) } } } },
});

const login = createRoute({
  method: 'post',
  path: '/auth/login',
  tags: ['people'],
  summary: 'Sign in with email and password; sets an HTTP-only session cookie',
  request: { body: { content: { 'application/json': { schema: credentialsSchema } }, required: true } },
  responses: {
    200: { description: 'Signed in', content: { 'application/json': { schema: z.object({ user: userSchema }) } } },
    ...errorResponses(400, 401, 429),
  },
});

const logout = createRoute({
  method: 'post',
  path: '/auth/logout',
  tags: ['people'],
  summary: 'Sign out: ends the session',
  responses: { 204: { description: 'Signed out' } },
});

const register = createRoute({
  method: 'post',
  path: '/auth/register',
  tags: ['people'],
  summary: 'Create a citizen account (optional: most services work without one)',
  description:
    'Answers 202 the same way whether or not the email already has an account, so nobody can learn who has one; then sign in with `POST /auth/login`. When the email is taken, the region is told through the `core.account.registration-for-existing-email` event so it can notify the owner.',
  request: { body: { content: { 'application/json': { schema: registerSchema } }, required: true } },
  responses: {
    202: { description: 'Registration received; sign in next', content: { 'application/json': { schema: z.object({ status: z.literal('accepted') }) } } },
    ...errorResponses(400, 429),
  },
});

/** Failed sign-ins allowed per client address in 15 minutes, and per account in 5 minutes. */
const failedPerAddress = 15;
const failedPerAccount = 8;

export function authRoutes(api: OpenAPIHono<AppEnv>, deps: PeopleDeps): void {
  const { db, clock, rateLimit } = deps;

  api.openapi(me, (c) => c.json({ user: c.get('user') }, 200));

  api.openapi(login, async (c) => {
    const { email, password } = c.req.valid('json');
    const address = c.get('clientIp');
    const account = email.toLowerCase();
    await rateLimit.hit(`login:${address}:${account}`, 10, 15 * 60);
    // Password spraying: many accounts from one address, or one account from many addresses. Only failures count,
    // and the account's window is short, so an attacker can slow a real officer's sign-in for minutes, not lock it.
    await rateLimit.check(`login-failed:address:${address}`, failedPerAddress, 15 * 60);
    await rateLimit.check(`login-failed:account:${account}`, failedPerAccount, 5 * 60);
    const row = await db
      .selectFrom('core_users')
      .select(['id', 'email', 'name', 'kind', 'agency_id', 'password_hash'])
      .where(sql`lower(email)`, '=', email.toLowerCase())
      .where('disabled_at', 'is', null)
      .executeTakeFirst();
    // Verify against a dummy hash when the user is unknown, so timing does not reveal which emails exist.
    const ok = await verifyPassword(password, row?.password_hash ?? dummyHash);
    if (!row || !ok) {
      await rateLimit.hit(`login-failed:address:${address}`, failedPerAddress, 15 * 60);
      await rateLimit.hit(`login-failed:account:${account}`, failedPerAccount, 5 * 60);
      throw new ProblemError(401, 'Unauthenticated', {
        type: 'https://kota-kit.dev/problems/unauthenticated',
        detail: c.get('lang') === 'id' ? 'Email atau kata sandi salah.' : 'Wrong email or password.',
      });
    }
    const { token, expires } = await createSession(db, row.id, clock.now());
    setSessionCookie(c, token, expires, deps.secureCookies);
    return c.json({ user: toSessionUser(row, await loadGrants(db, row.id)) }, 200);
  });

  api.openapi(logout, async (c) => {
    const token = getCookie(c, sessionCookie);
    if (token) await db.deleteFrom('core_sessions').where('id', '=', hashToken(token)).execute();
    deleteCookie(c, sessionCookie, { path: '/' });
    return c.body(null, 204);
  });

  api.openapi(register, async (c) => {
    const body = c.req.valid('json');
    await rateLimit.hit(`register:${c.get('clientIp')}`, 5, 3600);
    try {
      const id = await createAccount(db, { ...body, kind: 'citizen' });
      await deps.emit('account.registered', { userId: id });
    } catch (error) {
      if (!(error instanceof ProblemError) || error.status !== 409) throw error;
      // Same answer as a new account (and the same work: the password was hashed); the owner hears of it instead.
      await deps.emit('account.registration-for-existing-email', { email: body.email, at: clock.now().toISOString() });
    }
    return c.json({ status: 'accepted' as const }, 202);
  });
}
