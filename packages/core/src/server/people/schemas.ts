/** Request and response schemas of /api/auth and /api/admin. */
import { z } from '@hono/zod-openapi';
import type { Kysely } from 'kysely';
import type { ModuleDefinition } from '../../contract.js';
import type { CoreTables } from '../core-tables.js';
import type { RateLimit, UnitOfWork } from '../module.js';
import type { Clock, Logger } from '../services.js';

export const userSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    kind: z.enum(['citizen', 'officer', 'admin']),
    agencyId: z.string().nullable(),
    roles: z.array(z.object({ module: z.string(), role: z.string(), agencyId: z.string().nullable() })),
  })
  .openapi('SessionUser');

export const credentialsSchema = z.object({
  email: z.email().max(254),
  password: z.string().min(1).max(200),
});

export const registerSchema = z.object({
  name: z.string().trim().min(2).max(120),
  email: z.email().max(254),
  password: z.string().min(8).max(200),
});

export const grantSchema = z.object({ module: z.string(), role: z.string(), agencyId: z.string().nullable().default(null) });

export const newOfficerSchema = z.object({
  name: z.string().trim().min(2).max(120),
  email: z.email().max(254),
  password: z.string().min(10).max(200),
  kind: z.enum(['officer', 'admin']),
  agencyId: z.string().nullable().default(null),
  roles: z.array(grantSchema).default([]),
});

export const auditQuerySchema = z.object({
  module: z.string().optional(),
  subjectType: z.string().optional(),
  subjectId: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const auditEntrySchema = z.object({
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
});

export const deleteAccountSchema = z.object({
  password: z.string().min(1).max(200).openapi({ description: "The account's password, to confirm that its owner asks" }),
});

export const accountDataSchema = z
  .object({
    exportedAt: z.string(),
    account: userSchema.extend({ createdAt: z.string() }),
    modules: z.record(z.string(), z.unknown()).openapi({ description: 'Per module id, what the module keeps tied to the account' }),
  })
  .openapi('AccountData');

/** A module's part in a person's own account: what it keeps of it, and forgetting it (ServerModule.accountData/forgetAccount). */
export interface AccountModule {
  moduleId: string;
  data?: (userId: string) => Promise<unknown>;
  forget?: (work: UnitOfWork<unknown>, userId: string) => Promise<void>;
  /** The module's event emitter ("<module>.<name>"), for the events its forgetting emits. */
  emit: (name: string, payload: unknown) => Promise<void>;
}

/** What the people routes need from the host. */
export interface PeopleDeps {
  db: Kysely<CoreTables>;
  clock: Clock;
  rateLimit: RateLimit;
  modules: ModuleDefinition[];
  secureCookies: boolean;
  /** The modules, for a person's own account: their data and forgetting it. */
  accountModules: AccountModule[];
  log: Logger;
  /** Emits a core event ("core.<name>") to the region's hooks. */
  emit: (name: string, payload: unknown) => Promise<void>;
}
