import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { ModuleDefinition } from '../contract.js';
import type { Problem } from '../problem.js';
import type { Region } from '../region.js';
import type { SessionUser, UserKind } from '../types.js';
import type { DatabaseKind } from './db.js';
import type { AppEnv } from './http.js';
import type { Migration } from './migrations.js';
import type { ModulePage, SitemapEntry } from './pages.js';
import type { PublicCacheOptions } from './response-cache.js';
import type { Clock, FileStorage, Logger } from './services.js';

export interface AuditEntry {
  action: string;
  subjectType: string;
  subjectId: string;
  agencyId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Role checks a module's handlers use. Roles are the module's own ids ("verifier"); core adds the module prefix. */
export interface Access {
  /** The signed-in user, or null. */
  user(c: Context<AppEnv>): SessionUser | null;
  /** The signed-in user; 401 otherwise. */
  requireUser(c: Context<AppEnv>): SessionUser;
  /** Whether `user` holds `role` of this module (for `agencyId` when given). Region admins hold every role. */
  hasRole(user: SessionUser | null, role: string, agencyId?: string | null): boolean;
  /** The signed-in user holding `role` (for `agencyId` when given); 401/403 otherwise. */
  requireRole(c: Context<AppEnv>, role: string | string[], agencyId?: string | null): SessionUser;
  /** Agencies for which `user` holds `role`; `'all'` for admins and for grants not tied to an agency. */
  agenciesWithRole(user: SessionUser, role: string): string[] | 'all';
}

export interface DemoAccount {
  email: string;
  name: string;
  kind: UserKind;
  agencyId?: string | null;
  /** This module's roles, e.g. [{ role: 'handler', agencyId: 'dpupr' }]. */
  roles?: { role: string; agencyId?: string | null }[];
}

/** A grant of one of this module's roles, as `people.withRole` returns it. */
export interface RoleHolder {
  id: string;
  name: string;
  email: string;
  role: string;
  /** The agency of the grant; null when granted for every agency. */
  agencyId: string | null;
}

/** Looking up officers by this module's roles (for "assign to a colleague", lists of enumerators…). */
export interface People {
  /** Active accounts holding one of `roles` of this module, for `agencyId` (grants for every agency included); one entry per grant, sorted by name. */
  withRole(roles: string | string[], agencyId?: string): Promise<RoleHolder[]>;
}

export interface RateLimit {
  /** Counts a hit on `key`; throws 429 problem+json when more than `limit` hits fall in the current window. */
  hit(key: string, limit: number, windowSeconds: number): Promise<void>;
  /** Throws 429 when `key` already has `limit` hits in the current window, without counting one (e.g. failures only). */
  check(key: string, limit: number, windowSeconds: number): Promise<void>;
}

/** Who does a piece of work: the request (its signed-in user) or, for jobs and seeds, an explicit actor. */
export type WorkSource = Context<AppEnv> | { actor: SessionUser | null };

/**
 * One write of a module: everything inside runs in one transaction. `audit` is written inside it, so an
 * action and its audit entry are stored together or not at all; `emit` is held back until the commit, so
 * region hooks never hear of work that was rolled back.
 */
export interface UnitOfWork<Tables> {
  db: Transaction<Tables>;
  /** The signed-in user (or the job's actor) doing the work. */
  actor: SessionUser | null;
  audit(entry: AuditEntry): Promise<void>;
  /** Emits "<module>.<name>" after a successful commit. */
  emit(name: string, payload: unknown): void;
  /**
   * Runs `task` after a successful commit (deleting a stored file whose row went): never for work that was rolled
   * back. A failing task is logged; the stored work stands.
   */
  afterCommit(task: () => Promise<void>): void;
}

/** Everything core gives a module's server part: it never constructs these itself. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- a module without tables of its own
export interface ModuleContext<Options = unknown, Tables = {}> {
  moduleId: string;
  /** Prefix of this module's tables ("harga_pasar_"). */
  tablePrefix: string;
  options: Options;
  region: Region;
  /** The database, typed by the module's own tables (`defineServerModule<typeof mod, Tables>`). */
  db: Kysely<Tables>;
  /** Runs `work` as one transaction carrying its audit entries, then emits its events. Every write goes through it. */
  unitOfWork<T>(source: WorkSource, work: (unit: UnitOfWork<Tables>) => Promise<T>): Promise<T>;
  databaseKind: DatabaseKind;
  log: Logger;
  clock: Clock;
  storage: FileStorage;
  access: Access;
  people: People;
  rateLimit: RateLimit;
  /** Emits "<module>.<name>" to region hooks and listeners. */
  emit(name: string, payload: unknown): Promise<void>;
  /**
   * Wraps a GET handler whose answer is the same for every visitor, so that it is kept in memory and answered with
   * an ETag (304 on revalidation) until a write to the module's tables (or `dependsOn` modules', or core's
   * agencies) changes it, or `seconds` pass. Never for an answer that reads the signed-in user or sets a cookie.
   * `.openapi(listRoute, ctx.publicAnswer(async (c) => c.json(await list(), 200)))`
   */
  publicAnswer<H extends (c: any, next: any) => any>(handler: H, options?: PublicCacheOptions): H; // eslint-disable-line @typescript-eslint/no-explicit-any -- any handler; its own type is kept
  /** Records an officer's or admin's action in the audit log, with who from the request. */
  audit(source: WorkSource, entry: AuditEntry): Promise<void>;
  /** Creates a demo account if missing (seed only). Password is the documented demo password. */
  ensureDemoAccount(account: DemoAccount): Promise<string>;
  demo: boolean;
  /**
   * The region's public origin (`KOTA_PUBLIC_URL`, e.g. "https://live.tangerangkota.go.id", no trailing slash), or
   * undefined. Absolute links a module hands out are `${ctx.publicUrl ?? ''}${path}`: never built from the
   * request's Host header, which a client (and a shared cache in between) controls.
   */
  publicUrl?: string;
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- a module without tables of its own
export interface Job<Options = unknown, Tables = {}> {
  /** Unique within the module; one process at a time runs it. */
  name: string;
  everySeconds: number;
  run(ctx: ModuleContext<Options, Tables>): Promise<void>;
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- a module without tables of its own
export interface ServerModule<Options = unknown, Tables = {}> {
  definition: ModuleDefinition;
  migrations: readonly Migration[];
  /**
   * The module's API, mounted at /api/<id>: one router made by chaining each resource's router
   * (`createRouter().route('/', reports(ctx)).route('/', stats(ctx))`). Its type is what the browser's typed
   * client is made from: export `type MyApi = ReturnType<typeof myApi>` and use `createApiClient<MyApi>(id)`.
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- every router shape; the module's own type is exact
  api?: (ctx: ModuleContext<Options, Tables>) => OpenAPIHono<AppEnv, any, any>;
  /** @deprecated Use `api`, whose type feeds the typed browser client. */
  routes?: (api: OpenAPIHono<AppEnv>, ctx: ModuleContext<Options, Tables>) => void;
  /** Demo data; runs once per database, only in demo mode. */
  seed?: (ctx: ModuleContext<Options, Tables>) => Promise<void>;
  /**
   * Tables (full names) that only keep what the module made from its other tables, written by reads (a kept
   * export): writing them changes no public answer, so core puts no data-version trigger on them (and takes off
   * one an earlier start put there). Without this, every such read would empty the module's response cache.
   */
  cacheTables?: readonly string[];
  jobs?: readonly Job<Options, Tables>[];
  /** The part of the options the browser may see (never secrets). Default: none. */
  publicOptions?: (options: Options) => unknown;
  /** Names (without the module prefix) of the events it emits, for the region's hooks. */
  events?: readonly string[];
  /**
   * Of `keys` (uploads stored under "<module id>/"), those a row still refers to. The janitor deletes the others
   * once they are a day old: files written by work that was rolled back, or whose rows were deleted.
   */
  liveUploads?: (ctx: ModuleContext<Options, Tables>, keys: string[]) => Promise<Iterable<string>>;
  /**
   * Public pages whose document head the server writes (title, description, canonical URL, Open Graph, JSON-LD),
   * so link previews and search engines see them without JavaScript. Paths are under the module's URL segment.
   */
  pages?: (ctx: ModuleContext<Options, Tables>) => readonly ModulePage[];
  /** The module's public addresses for the host's /sitemap.xml (only pages anyone may see: never closed or private ones). */
  sitemap?: (ctx: ModuleContext<Options, Tables>) => Promise<readonly SitemapEntry[]>;
  /** Sitemap files of the module's own (a Google News sitemap), as paths: listed in the host's robots.txt. */
  sitemapFiles?: readonly string[];
  /**
   * Outside origins the module's pages need, added to every page's Content-Security-Policy: `frames` for embeds it
   * allows (e.g. "https://www.youtube-nocookie.com"), `images` for pictures it shows from elsewhere. Plain
   * http(s) origins only; anything else is dropped.
   */
  contentSecurity?: (ctx: ModuleContext<Options, Tables>) => { frames?: readonly string[]; images?: readonly string[] };
  /**
   * What the module keeps about one account, for its owner (UU PDP right of access: "Unduh data saya" on the
   * account page): plain JSON of their own data only, never other people's. Omit it when the module keeps nothing
   * tied to accounts.
   */
  accountData?: (ctx: ModuleContext<Options, Tables>, userId: string) => Promise<unknown>;
  /**
   * Forgets one account (UU PDP right to deletion), inside the one transaction in which core deletes the account:
   * delete the personal data the module keeps of `userId`, and unlink records the city must keep (a complaint stays,
   * its reporter goes). Audit with `work.audit` which kinds of data went, never their values. Throw a ProblemError
   * to refuse (nothing is deleted then, in any module).
   */
  forgetAccount?: (ctx: ModuleContext<Options, Tables>, work: UnitOfWork<Tables>, userId: string) => Promise<void>;
  /** Extra routes outside /api (e.g. a standard's own path like /open311/v2). */
  rootRoutes?: (app: OpenAPIHono<AppEnv>, ctx: ModuleContext<Options, Tables>) => void;
  /**
   * For `rootRoutes` that follow a standard with its own error format (Open311): every problem answered under
   * `prefix` (core's boundary 400, 404, 405, 413, 429, a handler's ProblemError, 500) is handed to `format`
   * instead of going out as problem+json. The problem's headers (Allow, Retry-After) are kept.
   */
  rootErrors?: { prefix: string; format: (c: Context<AppEnv>, problem: Problem) => Response };
}

/** The context of a module's server part: `ContextOf<typeof laksa, LaksaTables>`. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- a module without tables of its own
export type ContextOf<M extends ModuleDefinition, Tables = {}> = ModuleContext<z.output<M['options']>, Tables>;

/**
 * The server half of a module, typed by its definition's options and its own tables:
 * `defineServerModule<typeof laksa, LaksaTables>(laksa, { migrations, routes, jobs, seed })`.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- a module without tables of its own
export function defineServerModule<M extends ModuleDefinition, Tables = {}>(
  definition: M,
  parts: Omit<ServerModule<z.output<M['options']>, Tables>, 'definition' | 'migrations'> & { migrations?: readonly Migration[] },
): ServerModule<z.output<M['options']>, Tables> {
  return { definition, migrations: parts.migrations ?? [], ...parts };
}

/**
 * The options a module's browser half receives: the return type of its `publicOptions` function. Keep that
 * function named in the server part (`export function publicOptions(options) {…}`) and, in the browser,
 * `useModuleOptions<PublicOptionsOf<typeof publicOptions>>('x')` with a type-only import.
 */
export type PublicOptionsOf<F> = F extends (options: never) => infer Public ? Public : never;

/** A server module of any options and tables, as a host holds them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the host holds modules of every shape
export type AnyServerModule = ServerModule<any, any>;
