import { createHash, randomBytes } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { sql, type Kysely } from 'kysely';
import type { ModuleDefinition } from '../contract.js';
import type { RoleGrant, SessionUser, UserKind } from '../types.js';
import { createApi, errorResponses, problems, ProblemError, type AppEnv } from './http.js';
import type { Access, AuditEntry, DemoAccount, People, RateLimit, RoleHolder } from './module.js';
import { hashPassword, verifyPassword } from './passwords.js';
import type { Clock } from './services.js';

export const sessionCookie = 'kk_session';
const sessionDays = 30;
/** The password of every demo account (demo mode only), as listed in the README. */
export const demoPassword = 'demo1234';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Db = Kysely<any>;

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

interface UserRow {
  id: string;
  email: string;
  name: string;
  kind: UserKind;
  agency_id: string | null;
}

async function loadGrants(db: Db, userId: string): Promise<RoleGrant[]> {
  const rows = await db.selectFrom('core_role_grants').select(['module', 'role', 'agency_id']).where('user_id', '=', userId).orderBy('module').orderBy('role').execute();
  return rows.map((row) => ({ module: row.module, role: row.role, agencyId: row.agency_id }));
}

function toSessionUser(row: UserRow, roles: RoleGrant[]): SessionUser {
  return { id: row.id, name: row.name, email: row.email, kind: row.kind, agencyId: row.agency_id, roles };
}

export async function findSessionUser(db: Db, token: string, now: Date): Promise<SessionUser | null> {
  const row = (await db
    .selectFrom('core_sessions as s')
    .innerJoin('core_users as u', 'u.id', 's.user_id')
    .select(['u.id', 'u.email', 'u.name', 'u.kind', 'u.agency_id'])
    .where('s.id', '=', hashToken(token))
    .where('s.expires_at', '>', now)
    .where('u.disabled_at', 'is', null)
    .executeTakeFirst()) as UserRow | undefined;
  if (!row) return null;
  return toSessionUser(row, await loadGrants(db, row.id));
}

export async function createSession(db: Db, userId: string, now: Date): Promise<{ token: string; expires: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expires = new Date(now.getTime() + sessionDays * 24 * 3600 * 1000);
  await db.insertInto('core_sessions').values({ id: hashToken(token), user_id: userId, expires_at: expires, created_at: now }).execute();
  return { token, expires };
}

export interface NewAccount {
  email: string;
  name: string;
  password: string;
  kind: UserKind;
  agencyId?: string | null;
  roles?: RoleGrant[];
  demo?: boolean;
}

export async function createAccount(db: Db, account: NewAccount): Promise<string> {
  const passwordHash = await hashPassword(account.password);
  return db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('core_users').select('id').where(sql`lower(email)`, '=', account.email.toLowerCase()).executeTakeFirst();
    if (existing) throw problems.conflict('An account with this email already exists.');
    const { id } = await trx
      .insertInto('core_users')
      .values({
        email: account.email,
        name: account.name,
        kind: account.kind,
        agency_id: account.agencyId ?? null,
        password_hash: passwordHash,
        demo: account.demo ?? false,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const grant of account.roles ?? []) {
      await trx.insertInto('core_role_grants').values({ user_id: id, module: grant.module, role: grant.role, agency_id: grant.agencyId }).execute();
    }
    return id as string;
  });
}

/** Creates a demo account unless one with that email exists; returns its id. */
export async function ensureDemoAccount(db: Db, moduleId: string, account: DemoAccount): Promise<string> {
  const existing = await db.selectFrom('core_users').select('id').where(sql`lower(email)`, '=', account.email.toLowerCase()).executeTakeFirst();
  if (existing) return existing.id as string;
  return createAccount(db, {
    email: account.email,
    name: account.name,
    kind: account.kind,
    agencyId: account.agencyId ?? null,
    password: demoPassword,
    demo: true,
    roles: (account.roles ?? []).map((grant) => ({ module: moduleId, role: grant.role, agencyId: grant.agencyId ?? null })),
  });
}

/** Role checks for one module. Admins hold every role in every agency. */
export function createAccess(moduleId: string): Access {
  const hasRole = (user: SessionUser | null, role: string, agencyId?: string | null) => {
    if (!user) return false;
    if (user.kind === 'admin') return true;
    return user.roles.some(
      (grant) => grant.module === moduleId && grant.role === role && (agencyId === undefined || grant.agencyId === null || grant.agencyId === agencyId),
    );
  };
  const requireUser = (c: Context<AppEnv>) => {
    const user = c.get('user');
    if (!user) throw problems.unauthenticated();
    return user;
  };
  return {
    user: (c) => c.get('user'),
    requireUser,
    hasRole,
    requireRole(c, role, agencyId) {
      const user = requireUser(c);
      const roles = Array.isArray(role) ? role : [role];
      if (!roles.some((item) => hasRole(user, item, agencyId))) {
        throw problems.forbidden(`This needs the role ${roles.map((item) => `${moduleId}:${item}`).join(' or ')}${agencyId ? ` for agency "${agencyId}"` : ''}.`);
      }
      return user;
    },
    agenciesWithRole(user, role) {
      if (user.kind === 'admin') return 'all';
      const grants = user.roles.filter((grant) => grant.module === moduleId && grant.role === role);
      if (grants.some((grant) => grant.agencyId === null)) return 'all';
      return grants.map((grant) => grant.agencyId as string);
    },
  };
}

export function createPeople(db: Db, moduleId: string): People {
  return {
    async withRole(roles, agencyId) {
      const wanted = Array.isArray(roles) ? roles : [roles];
      if (wanted.length === 0) return [];
      let query = db
        .selectFrom('core_role_grants as g')
        .innerJoin('core_users as u', 'u.id', 'g.user_id')
        .select(['u.id as id', 'u.name as name', 'u.email as email', 'g.role as role', 'g.agency_id as agencyId'])
        .where('g.module', '=', moduleId)
        .where('g.role', 'in', wanted)
        .where('u.disabled_at', 'is', null);
      if (agencyId !== undefined) query = query.where((eb) => eb.or([eb('g.agency_id', '=', agencyId), eb('g.agency_id', 'is', null)]));
      return (await query.orderBy('u.name').orderBy('u.email').orderBy('g.role').execute()) as RoleHolder[];
    },
  };
}

export async function recordAudit(db: Db, moduleId: string, actor: SessionUser | null, entry: AuditEntry, now: Date): Promise<void> {
  await db
    .insertInto('core_audit_log')
    .values({
      at: now,
      actor_id: actor?.id ?? null,
      actor_name: actor?.name ?? null,
      module: moduleId,
      action: entry.action,
      subject_type: entry.subjectType,
      subject_id: entry.subjectId,
      agency_id: entry.agencyId ?? null,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
    })
    .execute();
}

/** Fixed-window rate limit counted in the database, so it holds across server processes. */
export function createRateLimit(db: Db, clock: Clock): RateLimit {
  return {
    async hit(key, limit, windowSeconds) {
      const now = clock.now();
      const windowStart = new Date(Math.floor(now.getTime() / (windowSeconds * 1000)) * windowSeconds * 1000);
      const row = await db
        .insertInto('core_rate_limits')
        .values({ key, window_start: windowStart, hits: 1 })
        .onConflict((oc) => oc.columns(['key', 'window_start']).doUpdateSet({ hits: sql`core_rate_limits.hits + 1` }))
        .returning('hits')
        .executeTakeFirstOrThrow();
      if ((row.hits as number) > limit) {
        const retryAfter = Math.ceil((windowStart.getTime() + windowSeconds * 1000 - now.getTime()) / 1000);
        throw new ProblemError(429, 'Too many requests', {
          type: 'https://kota-kit.dev/problems/rate-limited',
          detail: `Too many attempts. Try again in ${retryAfter} seconds.`,
          headers: { 'retry-after': String(retryAfter) },
        });
      }
    },
  };
}

// ---------------------------------------------------------------- HTTP routes

const userSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    kind: z.enum(['citizen', 'officer', 'admin']),
    agencyId: z.string().nullable(),
    roles: z.array(z.object({ module: z.string(), role: z.string(), agencyId: z.string().nullable() })),
  })
  .openapi('SessionUser');

const credentialsSchema = z.object({
  email: z.email().max(254),
  password: z.string().min(1).max(200),
});

const registerSchema = z.object({
  name: z.string().trim().min(2).max(120),
  email: z.email().max(254),
  password: z.string().min(8).max(200),
});

interface PeopleDeps {
  db: Db;
  clock: Clock;
  rateLimit: RateLimit;
  modules: ModuleDefinition[];
  secureCookies: boolean;
}

function setSessionCookie(c: Context<AppEnv>, token: string, expires: Date, secure: boolean) {
  setCookie(c, sessionCookie, token, { httpOnly: true, sameSite: 'Lax', secure, path: '/', expires });
}

/** /api/auth (login, logout, me, register) and /api/admin (users, roles, audit log). */
export function peopleRoutes(deps: PeopleDeps) {
  const { db, clock, rateLimit } = deps;
  const api = createApi();

  api.openapi(
    createRoute({
      method: 'get',
      path: '/auth/me',
      tags: ['people'],
      summary: 'The signed-in user, or null',
      responses: { 200: { description: 'Current user', content: { 'application/json': { schema: z.object({ user: userSchema.nullable() }) } } } },
    }),
    (c) => c.json({ user: c.get('user') }, 200),
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/auth/login',
      tags: ['people'],
      summary: 'Sign in with email and password; sets an HTTP-only session cookie',
      request: { body: { content: { 'application/json': { schema: credentialsSchema } }, required: true } },
      responses: {
        200: { description: 'Signed in', content: { 'application/json': { schema: z.object({ user: userSchema }) } } },
        ...errorResponses(400, 401, 429),
      },
    }),
    async (c) => {
      const { email, password } = c.req.valid('json');
      await rateLimit.hit(`login:${c.get('clientIp')}:${email.toLowerCase()}`, 10, 15 * 60);
      const row = await db
        .selectFrom('core_users')
        .select(['id', 'email', 'name', 'kind', 'agency_id', 'password_hash'])
        .where(sql`lower(email)`, '=', email.toLowerCase())
        .where('disabled_at', 'is', null)
        .executeTakeFirst();
      // Verify against a dummy hash when the user is unknown, so timing does not reveal which emails exist.
      const ok = await verifyPassword(password, row?.password_hash ?? dummyHash);
      if (!row || !ok) {
        throw new ProblemError(401, 'Unauthenticated', {
          type: 'https://kota-kit.dev/problems/unauthenticated',
          detail: c.get('lang') === 'id' ? 'Email atau kata sandi salah.' : 'Wrong email or password.',
        });
      }
      const { token, expires } = await createSession(db, row.id, clock.now());
      setSessionCookie(c, token, expires, deps.secureCookies);
      return c.json({ user: toSessionUser(row as UserRow, await loadGrants(db, row.id)) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/auth/logout',
      tags: ['people'],
      summary: 'Sign out: ends the session',
      responses: { 204: { description: 'Signed out' } },
    }),
    async (c) => {
      const token = getCookie(c, sessionCookie);
      if (token) await db.deleteFrom('core_sessions').where('id', '=', hashToken(token)).execute();
      deleteCookie(c, sessionCookie, { path: '/' });
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/auth/register',
      tags: ['people'],
      summary: 'Create a citizen account (optional: most services work without one)',
      request: { body: { content: { 'application/json': { schema: registerSchema } }, required: true } },
      responses: {
        201: { description: 'Account created and signed in', content: { 'application/json': { schema: z.object({ user: userSchema }) } } },
        ...errorResponses(400, 409, 429),
      },
    }),
    async (c) => {
      const body = c.req.valid('json');
      await rateLimit.hit(`register:${c.get('clientIp')}`, 5, 3600);
      const id = await createAccount(db, { ...body, kind: 'citizen' });
      const { token, expires } = await createSession(db, id, clock.now());
      setSessionCookie(c, token, expires, deps.secureCookies);
      return c.json({ user: toSessionUser({ id, email: body.email, name: body.name, kind: 'citizen', agency_id: null }, []) }, 201);
    },
  );

  // ------------------------------------------------------------ admin

  const requireAdmin = (c: Context<AppEnv>) => {
    const user = c.get('user');
    if (!user) throw problems.unauthenticated();
    if (user.kind !== 'admin') throw problems.forbidden('Only a region admin may do this.');
    return user;
  };

  const grantSchema = z.object({ module: z.string(), role: z.string(), agencyId: z.string().nullable().default(null) });
  const checkGrants = (grants: RoleGrant[]) => {
    const errors = grants.flatMap((grant, index) => {
      const module = deps.modules.find((item) => item.id === grant.module);
      const role = module?.roles.find((item) => item.id === grant.role);
      if (!module) return [{ field: `body.roles.${index}.module`, message: `Unknown module "${grant.module}".` }];
      if (!role) return [{ field: `body.roles.${index}.role`, message: `Module "${grant.module}" has no role "${grant.role}".` }];
      if (role.agencyScoped && !grant.agencyId) return [{ field: `body.roles.${index}.agencyId`, message: `Role "${grant.role}" needs an agency.` }];
      return [];
    });
    if (errors.length) throw problems.invalid(errors);
  };

  api.openapi(
    createRoute({
      method: 'get',
      path: '/admin/roles',
      tags: ['admin'],
      summary: 'Roles that the host\'s modules define',
      responses: {
        200: {
          description: 'Roles per module',
          content: {
            'application/json': {
              schema: z.object({ roles: z.array(z.object({ module: z.string(), role: z.string(), description: z.string(), agencyScoped: z.boolean() })) }),
            },
          },
        },
        ...errorResponses(401, 403),
      },
    }),
    (c) => {
      requireAdmin(c);
      const roles = deps.modules.flatMap((module) => module.roles.map((role) => ({ module: module.id, role: role.id, description: role.description, agencyScoped: role.agencyScoped })));
      return c.json({ roles }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/admin/users',
      tags: ['admin'],
      summary: 'Officers and admins of the region',
      responses: { 200: { description: 'Users', content: { 'application/json': { schema: z.object({ users: z.array(userSchema) }) } } }, ...errorResponses(401, 403) },
    }),
    async (c) => {
      requireAdmin(c);
      const rows = (await db.selectFrom('core_users').select(['id', 'email', 'name', 'kind', 'agency_id']).where('kind', '<>', 'citizen').orderBy('name').execute()) as UserRow[];
      const users = await Promise.all(rows.map(async (row) => toSessionUser(row, await loadGrants(db, row.id))));
      return c.json({ users }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/admin/users',
      tags: ['admin'],
      summary: 'Create an officer or admin account',
      request: {
        body: {
          required: true,
          content: {
            'application/json': {
              schema: z.object({
                name: z.string().trim().min(2).max(120),
                email: z.email().max(254),
                password: z.string().min(10).max(200),
                kind: z.enum(['officer', 'admin']),
                agencyId: z.string().nullable().default(null),
                roles: z.array(grantSchema).default([]),
              }),
            },
          },
        },
      },
      responses: { 201: { description: 'Created', content: { 'application/json': { schema: z.object({ user: userSchema }) } } }, ...errorResponses(400, 401, 403, 409) },
    }),
    async (c) => {
      const admin = requireAdmin(c);
      const body = c.req.valid('json');
      if (body.kind === 'officer' && !body.agencyId) throw problems.invalid([{ field: 'body.agencyId', message: 'An officer belongs to an agency.' }]);
      if (body.agencyId && !(await db.selectFrom('core_agencies').select('id').where('id', '=', body.agencyId).executeTakeFirst())) {
        throw problems.invalid([{ field: 'body.agencyId', message: `Unknown agency "${body.agencyId}".` }]);
      }
      checkGrants(body.roles);
      const id = await createAccount(db, { ...body });
      const user = toSessionUser({ id, email: body.email, name: body.name, kind: body.kind, agency_id: body.agencyId }, await loadGrants(db, id));
      await recordAudit(db, 'core', admin, { action: 'user.create', subjectType: 'user', subjectId: id, agencyId: body.agencyId, after: { ...user, email: undefined } }, clock.now());
      return c.json({ user }, 201);
    },
  );

  api.openapi(
    createRoute({
      method: 'put',
      path: '/admin/users/{id}/roles',
      tags: ['admin'],
      summary: 'Replace the roles of a user',
      request: {
        params: z.object({ id: z.uuid() }),
        body: { required: true, content: { 'application/json': { schema: z.object({ roles: z.array(grantSchema) }) } } },
      },
      responses: { 200: { description: 'Updated', content: { 'application/json': { schema: z.object({ user: userSchema }) } } }, ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      const admin = requireAdmin(c);
      const { id } = c.req.valid('param');
      const { roles } = c.req.valid('json');
      checkGrants(roles);
      const row = (await db.selectFrom('core_users').select(['id', 'email', 'name', 'kind', 'agency_id']).where('id', '=', id).executeTakeFirst()) as UserRow | undefined;
      if (!row) throw problems.notFound('No such user.');
      const before = await loadGrants(db, id);
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('core_role_grants').where('user_id', '=', id).execute();
        for (const grant of roles) await trx.insertInto('core_role_grants').values({ user_id: id, module: grant.module, role: grant.role, agency_id: grant.agencyId }).execute();
      });
      const after = await loadGrants(db, id);
      await recordAudit(db, 'core', admin, { action: 'user.roles', subjectType: 'user', subjectId: id, agencyId: row.agency_id, before, after }, clock.now());
      return c.json({ user: toSessionUser(row, after) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/admin/audit',
      tags: ['admin'],
      summary: 'The audit log: who changed what, when, before and after',
      request: {
        query: z.object({
          module: z.string().optional(),
          subjectType: z.string().optional(),
          subjectId: z.string().optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
      },
      responses: {
        200: {
          description: 'Entries, newest first',
          content: {
            'application/json': {
              schema: z.object({
                entries: z.array(
                  z.object({
                    id: z.number(),
                    at: z.string(),
                    actorId: z.string().nullable(),
                    actorName: z.string().nullable(),
                    module: z.string(),
                    action: z.string(),
                    subjectType: z.string(),
                    subjectId: z.string(),
                    agencyId: z.string().nullable(),
                    before: z.unknown(),
                    after: z.unknown(),
                  }),
                ),
              }),
            },
          },
        },
        ...errorResponses(400, 401, 403),
      },
    }),
    async (c) => {
      requireAdmin(c);
      const query = c.req.valid('query');
      let select = db.selectFrom('core_audit_log').selectAll().orderBy('id', 'desc').limit(query.limit);
      if (query.module) select = select.where('module', '=', query.module);
      if (query.subjectType) select = select.where('subject_type', '=', query.subjectType);
      if (query.subjectId) select = select.where('subject_id', '=', query.subjectId);
      const rows = await select.execute();
      return c.json(
        {
          entries: rows.map((row) => ({
            id: Number(row.id),
            at: new Date(row.at).toISOString(),
            actorId: row.actor_id,
            actorName: row.actor_name,
            module: row.module,
            action: row.action,
            subjectType: row.subject_type,
            subjectId: row.subject_id,
            agencyId: row.agency_id,
            before: row.before,
            after: row.after,
          })),
        },
        200,
      );
    },
  );

  return api;
}

// A valid hash of a random password, computed once, for constant-time failures on unknown emails.
let dummyHash = 'scrypt$65536$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
void hashPassword(randomBytes(16).toString('hex')).then((hash) => (dummyHash = hash));
