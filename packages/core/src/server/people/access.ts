/** Role checks and role look-ups for one module. Admins hold every role in every agency. */
import type { Context } from 'hono';
import type { Kysely } from 'kysely';
import type { SessionUser } from '../../types.js';
import type { CoreTables } from '../core-tables.js';
import { problems, type AppEnv } from '../http.js';
import type { Access, People } from '../module.js';

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
      return grants.flatMap((grant) => (grant.agencyId === null ? [] : [grant.agencyId]));
    },
  };
}

export function createPeople(db: Kysely<CoreTables>, moduleId: string): People {
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
      return query.orderBy('u.name').orderBy('u.email').orderBy('g.role').execute();
    },
  };
}
