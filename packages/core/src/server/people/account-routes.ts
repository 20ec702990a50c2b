/**
 * /api/auth/account: a signed-in person's own account under UU PDP 27/2022 — see everything kept about it (right of
 * access) and delete it (right to deletion), across core and every module of the host.
 */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { deleteCookie } from 'hono/cookie';
import type { SessionUser } from '../../types.js';
import { AfterCommit, unitOfWorkIn } from '../context.js';
import { errorResponses, problems, type AppEnv } from '../http.js';
import { verifyPassword } from '../passwords.js';
import { createAccess } from './access.js';
import { recordAudit } from './audit.js';
import { accountDataSchema, deleteAccountSchema, type PeopleDeps } from './schemas.js';
import { sessionCookie } from './sessions.js';

const accountData = createRoute({
  method: 'get',
  path: '/auth/account/data',
  tags: ['people'],
  summary: 'Everything kept about the signed-in account, as a JSON file (UU PDP right of access)',
  description: "The account itself and, per module, what the module keeps tied to it (a citizen's reports and their contact data, a job seeker's profile). Sent as a download, never cached.",
  responses: {
    200: { description: 'The account’s data', content: { 'application/json': { schema: accountDataSchema } } },
    ...errorResponses(401, 429),
  },
});

const deleteAccount = createRoute({
  method: 'delete',
  path: '/auth/account',
  tags: ['people'],
  summary: 'Delete the signed-in citizen account (UU PDP right to deletion), confirmed with its password',
  description:
    "One transaction: every module forgets what it keeps of the account (records the city must keep, such as a complaint, stay without the person), then the account, its sessions and its roles go. Officer and admin accounts are closed by the region's admin instead (403).",
  request: { body: { content: { 'application/json': { schema: deleteAccountSchema } }, required: true } },
  responses: { 204: { description: 'Deleted; the session cookie is cleared' }, ...errorResponses(400, 401, 403, 409, 429) },
});

/** Wrong passwords allowed per account in 15 minutes before deletion is refused for a while. */
const failedPerAccount = 5;

export function accountRoutes(api: OpenAPIHono<AppEnv>, deps: PeopleDeps): void {
  const { db, clock, rateLimit } = deps;

  const { requireUser } = createAccess('core');

  api.openapi(accountData, async (c) => {
    const user = requireUser(c);
    await rateLimit.hit(`account-data:${user.id}`, 10, 3600);
    const row = await db.selectFrom('core_users').select(['created_at']).where('id', '=', user.id).executeTakeFirstOrThrow();
    const modules: Record<string, unknown> = {};
    for (const module of deps.accountModules) if (module.data) modules[module.moduleId] = await module.data(user.id);
    const now = clock.now();
    const body = {
      exportedAt: now.toISOString(),
      account: { id: user.id, name: user.name, email: user.email, kind: user.kind, agencyId: user.agencyId, roles: user.roles, createdAt: new Date(row.created_at).toISOString() },
      modules,
    };
    return c.json(body, 200, {
      'content-disposition': `attachment; filename="data-akun-${now.toISOString().slice(0, 10)}.json"`,
      'cache-control': 'private, no-store',
    });
  });

  api.openapi(deleteAccount, async (c) => {
    const user = requireUser(c);
    const lang = c.get('lang');
    if (user.kind !== 'citizen') {
      throw problems.forbidden(lang === 'id' ? 'Akun petugas dan admin ditutup oleh admin daerah.' : "Officer and admin accounts are closed by the region's admin.");
    }
    const failedKey = `account-delete-failed:${user.id}`;
    await rateLimit.check(failedKey, failedPerAccount, 15 * 60);
    const { password } = c.req.valid('json');
    const row = await db.selectFrom('core_users').select('password_hash').where('id', '=', user.id).executeTakeFirstOrThrow();
    if (!(await verifyPassword(password, row.password_hash))) {
      await rateLimit.hit(failedKey, failedPerAccount, 15 * 60);
      throw problems.invalid([{ field: 'body.password', message: lang === 'id' ? 'Kata sandi salah.' : 'Wrong password.' }], lang === 'id' ? 'Kata sandi salah.' : 'Wrong password.');
    }
    // The audit log keeps that the account was deleted and by whom (its id), not the person's name.
    const actor: SessionUser = { ...user, name: '', email: '' };
    const after = new AfterCommit(deps.log);
    const forgetting = deps.accountModules.filter((module) => module.forget);
    await db.transaction().execute(async (trx) => {
      for (const module of forgetting) await module.forget!(unitOfWorkIn(trx, module.moduleId, actor, clock, after, module.emit), user.id);
      await recordAudit(trx, 'core', actor, { action: 'account.delete', subjectType: 'account', subjectId: user.id, before: { kind: user.kind, modules: forgetting.map((module) => module.moduleId) } }, clock.now());
      // Sessions and role grants go with it (ON DELETE CASCADE).
      await trx.deleteFrom('core_users').where('id', '=', user.id).execute();
    });
    after.event(() => deps.emit('account.deleted', { userId: user.id }));
    await after.run();
    deleteCookie(c, sessionCookie, { path: '/' });
    return c.body(null, 204);
  });
}
