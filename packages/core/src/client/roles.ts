import type { SessionUser } from '../types.js';
import { useSession } from './session.js';

/**
 * Which of a module's roles a user holds (for any agency); a region admin holds them all. For showing and hiding
 * officer pages only: the server checks again on every call.
 */
export function moduleRoles<Role extends string>(user: Pick<SessionUser, 'kind' | 'roles'> | null | undefined, moduleId: string, roles: readonly Role[]): Record<Role, boolean> {
  const result = {} as Record<Role, boolean>;
  for (const role of roles) {
    result[role] = !!user && (user.kind === 'admin' || user.roles.some((grant) => grant.module === moduleId && grant.role === role));
  }
  return result;
}

/** The signed-in user's roles in a module: `const { verifier, handler } = useModuleRoles('laksa', ['verifier', 'handler'])`. */
export function useModuleRoles<Role extends string>(moduleId: string, roles: readonly Role[]): Record<Role, boolean> {
  const { user } = useSession();
  return moduleRoles(user, moduleId, roles);
}
