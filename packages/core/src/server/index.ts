/**
 * @kota-kit/core/server — the server kit (Node only): host start-up, the server half of the module
 * contract, database, people and permissions, audit log, events, jobs, storage.
 */
export { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
export { sql, type ExpressionBuilder, type Kysely, type Transaction, type Selectable, type Insertable, type Updateable, type Generated, type ColumnType } from 'kysely';
export { createServer, type KotaServer, type ServerOptions } from './host.js';
export { DemoDatabaseError } from './startup.js';
export { defineServerModule, type ServerModule, type AnyServerModule, type ContextOf, type PublicOptionsOf, type ModuleContext, type UnitOfWork, type WorkSource, type Access, type AuditEntry, type DemoAccount, type Job, type People, type RateLimit, type RoleHolder } from './module.js';
export { absoluteUrlFor, escapeHtml, type ModulePage, type PageAnswer, type PageHead, type PageRequest, type SitemapEntry } from './pages.js';
export { csvCell, csvHeaders, csvLine, csvStream, pagesOf, textStream, type TextStreamFormat } from './csv.js';
export { generateTableTypes, type TablesMatch } from './tables.js';
export type { CoreTables } from './core-tables.js';
export type { PublicCacheOptions, ResponseCacheOptions } from './response-cache.js';
export { runJanitor, type JanitorReport } from './jobs.js';
export { foreignObjects } from './migrations.js';
/** Core's own migrations, for tools that report what the next start applies (`kota upgrade`). */
export { coreMigrations } from './core-migrations.js';
export { applyMigrations, migrationChecksum, MigrationError, type Migration } from './migrations.js';
export { openDatabase, type Database, type DatabaseKind, type DatabaseOptions } from './db.js';
export { createApi, createApi as createRouter, errorResponses, fieldErrors, problemContent, problemSchema, ProblemError, problems, setAnswerHeader, type AppEnv, type RequestContext } from './http.js';
export { createLogger, redact, EventBus, LocalFileStorage, systemClock, type Clock, type FileStorage, type Logger } from './services.js';
export { hashPassword, verifyPassword } from './passwords.js';
export { demoPassword } from './people/accounts.js';
export { webhook, type WebhookOptions } from './webhook.js';
export { acquireDataLock, dataLockPath, readDataLock, DataFolderLockedError, type DataLock, type DataLockHolder, type DataLockInfo } from './data-lock.js';
export {
  backupFileName,
  createBackup,
  listBackups,
  readBackupManifest,
  restoreBackup,
  scheduleBackups,
  type BackupManifest,
  type BackupOptions,
  type RestoreOptions,
  type ScheduleBackupsOptions,
} from './backup.js';
export { hostSettings, HostSettingsError, runBackupCommand, runHost, type BackupCommandOptions, type HostSettings, type RunHostOptions } from './run.js';
export { holdsDemoData, holidayCoverage, pendingMigrations, type PendingMigrations } from './doctor.js';
