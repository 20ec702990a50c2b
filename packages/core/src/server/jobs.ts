import { sql, type Kysely } from 'kysely';
import type { CoreTables } from './core-tables.js';
import type { Database } from './db.js';
import type { AnyServerModule, ModuleContext } from './module.js';
import type { Clock, FileStorage, Logger } from './services.js';

/** Uploads younger than this are left alone: their rows may still be on the way (a request in progress). */
const uploadGraceMs = 24 * 3600 * 1000;
/** Rate-limit windows are at most a day long; older counters can never count again. */
const rateLimitKeepMs = 2 * 24 * 3600 * 1000;

export interface JanitorReport {
  sessions: number;
  rateLimits: number;
  uploads: number;
}

/**
 * Core's upkeep: expired sessions, old rate-limit windows and uploads that no row refers to are deleted.
 * Runs as a job (one process at a time) every hour.
 */
export async function runJanitor(options: {
  database: Database;
  clock: Clock;
  storage: FileStorage;
  log: Logger;
  modules: Map<string, AnyServerModule>;
  contexts: Map<string, ModuleContext>;
}): Promise<JanitorReport> {
  const { database, clock, storage, log } = options;
  const db: Kysely<CoreTables> = database.db;
  const now = clock.now();
  const sessions = await db.deleteFrom('core_sessions').where('expires_at', '<', now).executeTakeFirst();
  const rateLimits = await db
    .deleteFrom('core_rate_limits')
    .where('window_start', '<', new Date(now.getTime() - rateLimitKeepMs))
    .executeTakeFirst();
  let uploads = 0;
  for (const [moduleId, serverModule] of options.modules) {
    if (!serverModule.liveUploads) continue;
    const old: string[] = [];
    for await (const entry of storage.list(`${moduleId}/`)) {
      if (now.getTime() - entry.modifiedAt.getTime() > uploadGraceMs) old.push(entry.key);
    }
    for (let start = 0; start < old.length; start += 500) {
      const batch = old.slice(start, start + 500);
      const live = new Set(await serverModule.liveUploads(options.contexts.get(moduleId)!, batch));
      for (const key of batch) {
        if (live.has(key)) continue;
        await storage.delete(key);
        uploads += 1;
      }
    }
  }
  const report = { sessions: Number(sessions.numDeletedRows), rateLimits: Number(rateLimits.numDeletedRows), uploads };
  if (report.sessions || report.rateLimits || report.uploads) log.info('janitor cleaned up', { ...report });
  return report;
}

/** Daily upkeep of the embedded database, which has no autovacuum of its own. */
export async function vacuumEmbedded(database: Database): Promise<void> {
  if (database.kind === 'pglite') await sql`vacuum analyze`.execute(database.db);
}
