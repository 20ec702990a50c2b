import type { Kysely } from 'kysely';
import { tablePrefix, type ResolvedModule } from '../contract.js';
import type { Region } from '../region.js';
import type { DatabaseKind } from './db.js';
import type { ModuleContext, RateLimit, WorkSource } from './module.js';
import { createAccess, createPeople, ensureDemoAccount, recordAudit } from './people.js';
import type { Clock, EventBus, FileStorage, Logger } from './services.js';

export interface ContextServices {
  // The host's database holds every module's tables; each module sees its own through ModuleContext<_, Tables>.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the host-wide handle, typed per module below
  db: Kysely<any>;
  databaseKind: DatabaseKind;
  region: Region;
  log: Logger;
  clock: Clock;
  storage: FileStorage;
  rateLimit: RateLimit;
  events: EventBus;
  demo: boolean;
}

const actorOf = (source: WorkSource) => ('actor' in source ? source.actor : source.get('user'));

/** Builds the context core gives one module: every service, scoped to the module's id. */
export function createModuleContext({ definition, options }: ResolvedModule, services: ContextServices): ModuleContext {
  const { db, clock, events } = services;
  const moduleId = definition.id;
  const emit = (name: string, payload: unknown) => events.emit(`${moduleId}.${name}`, payload, clock.now());
  return {
    moduleId,
    tablePrefix: tablePrefix(moduleId),
    options,
    region: services.region,
    db,
    databaseKind: services.databaseKind,
    log: services.log.child({ module: moduleId }),
    clock,
    storage: services.storage,
    access: createAccess(moduleId),
    people: createPeople(db, moduleId),
    rateLimit: services.rateLimit,
    emit,
    audit: (source, entry) => recordAudit(db, moduleId, actorOf(source), entry, clock.now()),
    async unitOfWork(source, work) {
      const actor = actorOf(source);
      const pending: [string, unknown][] = [];
      const result = await db.transaction().execute((trx) =>
        work({
          db: trx,
          actor,
          audit: (entry) => recordAudit(trx, moduleId, actor, entry, clock.now()),
          emit: (name, payload) => void pending.push([name, payload]),
        }),
      );
      // Hooks run after the commit and never fail the work that is already stored (EventBus logs their errors).
      for (const [name, payload] of pending) await emit(name, payload);
      return result;
    },
    ensureDemoAccount: (account) => ensureDemoAccount(db, moduleId, account),
    demo: services.demo,
  };
}
