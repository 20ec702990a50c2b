/** Accounts: creating them (citizens, officers, admins, demo accounts) and reading a user with their role grants. */
import { sql, type Kysely } from 'kysely';
import type { RoleGrant, SessionUser, UserKind } from '../../types.js';
import type { CoreTables } from '../core-tables.js';
import { problems } from '../http.js';
import type { DemoAccount } from '../module.js';
import { hashPassword } from '../passwords.js';

/** The password of every demo account (demo mode only), as listed in the README. */
export const demoPassword = 'demo1234';

export interface UserRow {
  id: string;
  email: string;
  name: string;
  kind: UserKind;
  agency_id: string | null;
}

export async function loadGrants(db: Kysely<CoreTables>, userId: string): Promise<RoleGrant[]> {
  const rows = await db.selectFrom('core_role_grants').select(['module', 'role', 'agency_id']).where('user_id', '=', userId).orderBy('module').orderBy('role').execute();
  return rows.map((row) => ({ module: row.module, role: row.role, agencyId: row.agency_id }));
}

export function toSessionUser(row: UserRow, roles: RoleGrant[]): SessionUser {
  return { id: row.id, name: row.name, email: row.email, kind: row.kind, agencyId: row.agency_id, roles };
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

export async function createAccount(db: Kysely<CoreTables>, account: NewAccount): Promise<string> {
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
    return id;
  });
}

/** Creates a demo account unless one with that email exists; returns its id. */
export async function ensureDemoAccount(db: Kysely<CoreTables>, moduleId: string, account: DemoAccount): Promise<string> {
  const existing = await db.selectFrom('core_users').select('id').where(sql`lower(email)`, '=', account.email.toLowerCase()).executeTakeFirst();
  if (existing) return existing.id;
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
