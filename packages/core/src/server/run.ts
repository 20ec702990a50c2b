/**
 * A host's two commands, with its settings read from the environment in one place: `runHost` (the server entry,
 * `dist/server/server.js`) and `runBackupCommand` (`backup [file]` / `restore <file>`). A region's host calls them
 * in a few lines, so a setting core adds reaches every region with an upgrade instead of an edit of its server.
 */
import { join, resolve } from 'node:path';
import type { HostInput } from '../contract.js';
import { backupFileName, createBackup, listBackups, restoreBackup } from './backup.js';
import { DataFolderLockedError } from './data-lock.js';
import { createServer, type KotaServer, type ServerOptions } from './host.js';

type Environment = Record<string, string | undefined>;

/** How a host runs, from its environment (the host's `.env.example` lists every variable). */
export interface HostSettings {
  /** `--demo` or KOTA_DEMO=1: demo accounts and data. */
  demo: boolean;
  /** PORT (default 3000). */
  port: number;
  /** HOST; by default 127.0.0.1 in demo mode (its passwords are published), else 0.0.0.0. */
  listenHost: string;
  /** DATABASE_URL: PostgreSQL; unset, the embedded database in `dataDir`. */
  databaseUrl?: string;
  /** KOTA_DATA_DIR (default `<data>/db`); none with PostgreSQL. */
  dataDir?: string;
  /** KOTA_UPLOADS_DIR (default `<data>/uploads`). */
  uploadsDir: string;
  /** KOTA_BACKUP_DIR (default `<data>/backups`) and KOTA_BACKUP_KEEP_DAYS (default 7). */
  backups: { dir: string; keepDays: number };
  /** KOTA_TRUST_PROXY: reverse proxies in front (0: none). */
  trustProxy: number;
  /** KOTA_PUBLIC_URL: the origin users reach; absolute links come from it, never from the Host header. */
  publicUrl?: string;
  /** KOTA_SECURE_COOKIES=1/0; unset, Secure unless demo. */
  secureCookies?: boolean;
  /** KOTA_ADMIN_EMAIL and KOTA_ADMIN_PASSWORD: the first admin of a production database. */
  bootstrapAdmin?: { email: string; password: string };
}

/** A whole number of at least `min` from a variable, or a clear error naming it. */
function whole(env: Environment, name: string, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new HostSettingsError(`${name} must be a whole number of at least ${min}, not "${raw}".`);
  return value;
}

/** A setting in the environment that cannot be used (named, with why). */
export class HostSettingsError extends Error {
  override name = 'HostSettingsError';
}

/**
 * The host's settings from `env` and `argv`; folders not set default to `dataRoot` (a host's `.data` folder).
 * Throws `HostSettingsError` naming the variable when one cannot be used.
 */
export function hostSettings({ env = process.env, argv = process.argv, dataRoot }: { env?: Environment; argv?: string[]; dataRoot: string }): HostSettings {
  const demo = argv.includes('--demo') || env.KOTA_DEMO === '1';
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) throw new HostSettingsError('DATABASE_URL must start with postgres:// or postgresql:// (unset it for the embedded database).');
  const secure = env.KOTA_SECURE_COOKIES;
  if (secure && secure !== '1' && secure !== '0') throw new HostSettingsError(`KOTA_SECURE_COOKIES must be 1 or 0, not "${secure}".`);
  const adminEmail = env.KOTA_ADMIN_EMAIL || undefined;
  const adminPassword = env.KOTA_ADMIN_PASSWORD || undefined;
  if (Boolean(adminEmail) !== Boolean(adminPassword)) throw new HostSettingsError('KOTA_ADMIN_EMAIL and KOTA_ADMIN_PASSWORD go together: set both, or neither.');
  return {
    demo,
    port: whole(env, 'PORT', 3000, 0),
    listenHost: env.HOST || (demo ? '127.0.0.1' : '0.0.0.0'),
    databaseUrl,
    dataDir: databaseUrl ? undefined : resolve(env.KOTA_DATA_DIR || join(dataRoot, 'db')),
    uploadsDir: resolve(env.KOTA_UPLOADS_DIR || join(dataRoot, 'uploads')),
    backups: { dir: resolve(env.KOTA_BACKUP_DIR || join(dataRoot, 'backups')), keepDays: whole(env, 'KOTA_BACKUP_KEEP_DAYS', 7, 1) },
    trustProxy: whole(env, 'KOTA_TRUST_PROXY', 0, 0),
    // Checked by createServer (an http(s) origin, optionally with a path).
    publicUrl: env.KOTA_PUBLIC_URL || undefined,
    secureCookies: secure ? secure === '1' : undefined,
    bootstrapAdmin: adminEmail && adminPassword ? { email: adminEmail, password: adminPassword } : undefined,
  };
}

/** Errors that are the operator's to fix: said in one line, without a stack trace. */
const operatorErrors = new Set(['HostConfigError', 'HostSettingsError', 'DataFolderLockedError', 'MigrationError', 'DemoDatabaseError']);

export interface RunHostOptions {
  host: HostInput;
  /** `(specifier) => import(specifier)` from the host's entry, so modules resolve from the host's dependencies. */
  importModule?: ServerOptions['importModule'];
  /**
   * The folder of the built server entry (`dist/server`): the browser app is in `../client`, the render entry in
   * `../render/render.js` and, unless the environment says otherwise, the data in `../../.data`.
   */
  serverDir: string;
  env?: Environment;
  argv?: string[];
  /** More options for `createServer` (a region's own storage, logger, limits); these win over the environment's. */
  options?: Partial<ServerOptions>;
}

/**
 * Starts a built host as `npm start` does: settings from the environment, the server on PORT, a clean shutdown on
 * SIGINT/SIGTERM. A configuration, settings, lock or migration problem ends the process with one plain line.
 */
export async function runHost({ host, importModule, serverDir, env = process.env, argv = process.argv, options }: RunHostOptions): Promise<{ server: KotaServer; url: string }> {
  let server: KotaServer;
  let settings: HostSettings;
  try {
    settings = hostSettings({ env, argv, dataRoot: join(serverDir, '..', '..', '.data') });
    server = await createServer({
      host,
      importModule,
      databaseUrl: settings.databaseUrl,
      dataDir: settings.dataDir,
      uploadsDir: settings.uploadsDir,
      clientDir: join(serverDir, '..', 'client'),
      // Pages arrive with their first view rendered from the same components (the host's src/render.ts).
      renderEntry: join(serverDir, '..', 'render', 'render.js'),
      // Daily snapshots of the embedded database (or pg_dump of PostgreSQL) and the uploads.
      backups: settings.backups,
      demo: settings.demo,
      trustProxy: settings.trustProxy,
      publicUrl: settings.publicUrl,
      secureCookies: settings.secureCookies,
      bootstrapAdmin: settings.bootstrapAdmin,
      ...options,
    });
  } catch (error) {
    console.error(operatorErrors.has((error as Error).name) ? `Cannot start: ${(error as Error).message}` : error);
    process.exit(1);
  }
  const { url } = await server.listen(settings.port, settings.listenHost);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void server.close().then(() => process.exit(0));
    });
  }
  return { server, url };
}

export interface BackupCommandOptions {
  /** The host's data folder when the environment names none (a host's `.data`). */
  dataRoot: string;
  /** `['backup', file?]` or `['restore', file]`. */
  args: string[];
  env?: Environment;
  /** Where a file named on the command line is meant from (pnpm runs scripts in the package's folder: INIT_CWD). */
  cwd?: string;
}

/**
 * `backup [file]` (default: KOTA_BACKUP_DIR/kota-backup-<date>.tar.gz) and `restore <file>` with the host's own
 * settings. Never opens the embedded database of a running host: then it says where the daily snapshots are.
 * Returns the process exit code.
 */
export async function runBackupCommand({ dataRoot, args, env = process.env, cwd }: BackupCommandOptions): Promise<number> {
  const [command, fileArgument] = args;
  let settings: HostSettings;
  try {
    settings = hostSettings({ env, argv: [], dataRoot });
  } catch (error) {
    console.error((error as Error).message);
    return 1;
  }
  const { databaseUrl, dataDir, uploadsDir } = settings;
  const fromCaller = (path: string) => resolve(cwd ?? env.INIT_CWD ?? process.cwd(), path);
  try {
    if (command === 'backup') {
      const file = fileArgument ? fromCaller(fileArgument) : join(settings.backups.dir, backupFileName(new Date()));
      const manifest = await createBackup({ databaseUrl, dataDir, uploadsDir, file });
      console.log(`Backup written to ${file} (${manifest.kind === 'pglite' ? 'embedded database' : 'PostgreSQL'}, ${manifest.uploadFiles} upload files).`);
      return 0;
    }
    if (command === 'restore' && fileArgument) {
      const manifest = await restoreBackup({ file: fromCaller(fileArgument), databaseUrl, dataDir, uploadsDir });
      console.log(`Restored the backup of ${manifest.createdAt} (core ${manifest.coreVersion}, ${manifest.uploadFiles} upload files). Start the host again.`);
      return 0;
    }
    console.error('Usage: backup [file] | restore <file>');
    return 2;
  } catch (error) {
    if (!(error instanceof DataFolderLockedError)) throw error;
    // A second process must never open the running host's embedded database, not even to copy it.
    const running = `The host is running on ${error.dataDir} (process ${error.holder.pid}, since ${error.holder.startedAt}).`;
    if (command === 'backup') {
      const [newest] = await listBackups(settings.backups.dir);
      console.error(
        `${running}\nIt takes a snapshot every day into ${settings.backups.dir}` +
          (newest ? ` (newest: ${newest.file}, ${newest.createdAt.toISOString()}).` : ' (none there yet).') +
          '\nFor a backup right now: stop the host, run this command again, then start the host.',
      );
    } else {
      console.error(`${running}\nStop it first: a restore replaces its data folder.`);
    }
    return 1;
  }
}
