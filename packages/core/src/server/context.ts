import type { Kysely, Transaction } from 'kysely';
import { tablePrefix, type ResolvedModule } from '../contract.js';
import type { Region } from '../region.js';
import type { CoreTables } from './core-tables.js';
import type { DatabaseKind } from './db.js';
import type { ModuleContext, RateLimit, UnitOfWork, WorkSource } from './module.js';
import { ensureDemoAccount } from './people/accounts.js';
import { createAccess, createPeople } from './people/access.js';
import { recordAudit } from './people/audit.js';
import type { ResponseCache } from './response-cache.js';
import type { Clock, EventBus, FileStorage, Logger } from './services.js';
import type { SessionUser } from '../types.js';

export interface ContextServices {
  /** The host's one database (`Database['db']`), typed by core's tables; each module sees its own through `ModuleContext<_, Tables>`. */
  db: Kysely<CoreTables>;
  databaseKind: DatabaseKind;
  region: Region;
  log: Logger;
  clock: Clock;
  storage: FileStorage;
  rateLimit: RateLimit;
  events: EventBus;
  demo: boolean;
  /** The configured public origin, without a trailing slash (`ServerOptions.publicUrl`). */
  publicUrl?: string;
  responseCache: ResponseCache;
}

const actorOf = (source: WorkSource) => ('actor' in source ? source.actor : source.get('user'));

/** Builds the context core gives one module: every service, scoped to the module's id. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- the host holds contexts of every module untyped
export function createModuleContext<Tables = {}>({ definition, options }: ResolvedModule, services: ContextServices): ModuleContext<unknown, Tables> {
  const { db, clock, events } = services;
  const moduleId = definition.id;
  // One database holds core's and every module's tables; a module sees it through its own (its TablesMatch test checks them).
  const moduleDb = db as unknown as Kysely<Tables>;
  const emit = (name: string, payload: unknown) => events.emit(`${moduleId}.${name}`, payload, clock.now());
  const log = services.log.child({ module: moduleId });
  return {
    moduleId,
    tablePrefix: tablePrefix(moduleId),
    options,
    region: services.region,
    db: moduleDb,
    databaseKind: services.databaseKind,
    log,
    clock,
    storage: services.storage,
    access: createAccess(moduleId),
    people: createPeople(db, moduleId),
    rateLimit: services.rateLimit,
    emit,
    publicAnswer: (handler, cacheOptions) => services.responseCache.publicAnswer(moduleId, handler, cacheOptions),
    audit: (source, entry) => recordAudit(db, moduleId, actorOf(source), entry, clock.now()),
    async unitOfWork(source, work) {
      const actor = actorOf(source);
      const after = new AfterCommit(log);
      const result = await db.transaction().execute((trx) => work(unitOfWorkIn<Tables>(trx, moduleId, actor, clock, after, emit)));
      await after.run();
      return result;
    },
    ensureDemoAccount: (account) => ensureDemoAccount(db, moduleId, account),
    demo: services.demo,
    publicUrl: services.publicUrl,
  };
}

/** What a transaction's work asked to happen once it is committed: its events first, then its tasks. */
export class AfterCommit {
  private readonly events: (() => Promise<void>)[] = [];
  private readonly tasks: (() => Promise<void>)[] = [];
  constructor(private readonly log: Logger) {}
  event(send: () => Promise<void>): void {
    this.events.push(send);
  }
  task(task: () => Promise<void>): void {
    this.tasks.push(task);
  }
  /** Never fails the work that is already stored: hooks log their own errors (EventBus), tasks are logged here. */
  async run(): Promise<void> {
    for (const send of this.events) await send();
    for (const task of this.tasks) {
      try {
        await task();
      } catch (error) {
        this.log.error('a task after a commit failed', { error: error instanceof Error ? error.message : String(error) });
      }
    }
  }
}

/** One module's view of a transaction: its tables, its audit entries and events (held until `after` runs). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- a module without tables of its own
export function unitOfWorkIn<Tables = {}>(
  trx: Transaction<CoreTables>,
  moduleId: string,
  actor: SessionUser | null,
  clock: Clock,
  after: AfterCommit,
  emit: (name: string, payload: unknown) => Promise<void>,
): UnitOfWork<Tables> {
  return {
    // The same transaction, seen through the module's own tables like `moduleDb` above.
    db: trx as unknown as Transaction<Tables>,
    actor,
    audit: (entry) => recordAudit(trx, moduleId, actor, entry, clock.now()),
    emit: (name, payload) => after.event(() => emit(name, payload)),
    afterCommit: (task) => after.task(task),
  };
}
