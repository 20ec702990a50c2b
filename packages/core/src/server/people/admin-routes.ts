/** /api/admin: the roles modules define, officer and admin accounts, role grants, the audit log. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { RoleGrant } from '../../types.js';
import { errorResponses, problems, type AppEnv } from '../http.js';
import { createAccount, loadGrants, toSessionUser } from './accounts.js';
import { recordAudit } from './audit.js';
import { auditEntrySchema, auditQuerySchema, grantSchema, newOfficerSchema, userSchema, type PeopleDeps } from './schemas.js';

const listRoles = createRoute({
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
});

const listUsers = createRoute({
  method: 'get',
  path: '/admin/users',
  tags: ['admin'],
  summary: 'Officers and admins of the region',
  responses: { 200: { description: 'Users', content: { 'application/json': { schema: z.object({ users: z.array(userSchema) }) } } }, ...errorResponses(401, 403) },
});

const createUser = createRoute({
  method: 'post',
  path: '/admin/users',
  tags: ['admin'],
  summary: 'Create an officer or admin account',
  request: { body: { required: true, content: { 'application/json': { schema: newOfficerSchema } } } },
  responses: { 201: { description: 'Created', content: { 'application/json': { schema: z.object({ user: userSchema }) } } }, ...errorResponses(400, 401, 403, 409) },
});

const replaceRoles = createRoute({
  method: 'put',
  path: '/admin/users/{id}/roles',
  tags: ['admin'],
  summary: 'Replace the roles of a user',
  request: {
    params: z.object({ id: z.uuid() }),
    body: { required: true, content: { 'application/json': { schema: z.object({ roles: z.array(grantSchema) }) } } },
  },
  responses: { 200: { description: 'Updated', content: { 'application/json': { schema: z.object({ user: userSchema }) } } }, ...errorResponses(400, 401, 403, 404) },
});

const auditLog = createRoute({
  method: 'get',
  path: '/admin/audit',
  tags: ['admin'],
  summary: 'The audit log: who changed what, when, before and after',
  request: { query: auditQuerySchema },
  responses: {
    200: { description: 'Entries, newest first', content: { 'application/json': { schema: z.object({ entries: z.array(auditEntrySchema) }) } } },
    ...errorResponses(400, 401, 403),
  },
});

const requireAdmin = (c: Context<AppEnv>) => {
  const user = c.get('user');
  if (!user) throw problems.unauthenticated();
  if (user.kind !== 'admin') throw problems.forbidden('Only a region admin may do this.');
  return user;
};

export function adminRoutes(api: OpenAPIHono<AppEnv>, deps: PeopleDeps): void {
  const { db, clock } = deps;

  /** Every grant names a module of the host, one of its roles, and an agency when the role needs one. */
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

  api.openapi(listRoles, (c) => {
    requireAdmin(c);
    const roles = deps.modules.flatMap((module) => module.roles.map((role) => ({ module: module.id, role: role.id, description: role.description, agencyScoped: role.agencyScoped })));
    return c.json({ roles }, 200);
  });

  api.openapi(listUsers, async (c) => {
    requireAdmin(c);
    const rows = await db.selectFrom('core_users').select(['id', 'email', 'name', 'kind', 'agency_id']).where('kind', '<>', 'citizen').orderBy('name').execute();
    const users = await Promise.all(rows.map(async (row) => toSessionUser(row, await loadGrants(db, row.id))));
    return c.json({ users }, 200);
  });

  api.openapi(createUser, async (c) => {
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
  });

  api.openapi(replaceRoles, async (c) => {
    const admin = requireAdmin(c);
    const { id } = c.req.valid('param');
    const { roles } = c.req.valid('json');
    checkGrants(roles);
    const row = await db.selectFrom('core_users').select(['id', 'email', 'name', 'kind', 'agency_id']).where('id', '=', id).executeTakeFirst();
    if (!row) throw problems.notFound('No such user.');
    const before = await loadGrants(db, id);
    await db.transaction().execute(async (trx) => {
      await trx.deleteFrom('core_role_grants').where('user_id', '=', id).execute();
      for (const grant of roles) await trx.insertInto('core_role_grants').values({ user_id: id, module: grant.module, role: grant.role, agency_id: grant.agencyId }).execute();
    });
    const after = await loadGrants(db, id);
    await recordAudit(db, 'core', admin, { action: 'user.roles', subjectType: 'user', subjectId: id, agencyId: row.agency_id, before, after }, clock.now());
    return c.json({ user: toSessionUser(row, after) }, 200);
  });

  api.openapi(auditLog, async (c) => {
    requireAdmin(c);
    const query = c.req.valid('query');
    let select = db.selectFrom('core_audit_log').selectAll().orderBy('id', 'desc').limit(query.limit);
    if (query.module) select = select.where('module', '=', query.module);
    if (query.subjectType) select = select.where('subject_type', '=', query.subjectType);
    if (query.subjectId) select = select.where('subject_id', '=', query.subjectId);
    const rows = await select.execute();
    const entries = rows.map((row) => ({
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
    }));
    return c.json({ entries }, 200);
  });
}
