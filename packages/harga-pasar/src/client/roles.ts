import type { SessionUser } from '@kota-kit/core/client';

export interface OfficerRoles {
  enumerator: boolean;
  supervisor: boolean;
}

/** Which harga-pasar roles the user holds; admins hold them all. The server checks again on every call. */
export function officerRoles(user: Pick<SessionUser, 'kind' | 'roles'> | null | undefined): OfficerRoles {
  if (!user) return { enumerator: false, supervisor: false };
  if (user.kind === 'admin') return { enumerator: true, supervisor: true };
  const has = (role: string) => user.roles.some((grant) => grant.module === 'harga-pasar' && grant.role === role);
  return { enumerator: has('enumerator'), supervisor: has('supervisor') };
}
