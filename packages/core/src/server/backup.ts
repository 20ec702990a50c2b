/**
 * Backup and restore of a host's data: the database (embedded or PostgreSQL) and the uploads folder.
 *
 * A backup is one `.tar.gz` holding
 *   manifest.json   what it is: format, date, database kind, core version, migrations applied per module
 *   database.tar    embedded database: a copy of the PGlite data folder (opened again with `loadDataDir`)
 *   database.dump   PostgreSQL: `pg_dump --format=custom`
 *   uploads/        the uploads folder as it was
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import pg from 'pg';
import { create as createTar, extract as extractTar } from 'tar';
import { acquireDataLock } from './data-lock.js';
import { openDatabase, type Database, type DatabaseKind } from './db.js';
import { systemClock, type Clock, type Logger } from './services.js';

export interface BackupManifest {
  format: 'kota-kit-backup';
  formatVersion: 1;
  createdAt: string;
  kind: DatabaseKind;
  /** Version of @kota-kit/core that wrote the backup. */
  coreVersion: string;
  /** Migrations applied per module when the backup was taken. */
  migrations: Record<string, string[]>;
  /** Number of files in `uploads/`. */
  uploadFiles: number;
}

export interface BackupOptions {
  /** The archive to write (`.tar.gz`). It appears only when complete. */
  file: string;
  /** An open database, e.g. the running host's `server.database`: the embedded one is copied through it while it runs. */
  database?: Database;
  /** PostgreSQL: the URL pg_dump reads. */
  databaseUrl?: string;
  /** Embedded: the data folder, opened when no `database` is given (refused while a host runs on it). */
  dataDir?: string;
  uploadsDir?: string;
  clock?: Clock;
}

export interface RestoreOptions {
  file: string;
  /** PostgreSQL: the database to restore into (stop every host on it first). */
  databaseUrl?: string;
  /** Embedded: the data folder to replace (refused while a host runs on it). */
  dataDir?: string;
  /** The uploads folder to replace with the backup's. */
  uploadsDir?: string;
}

const exec = promisify(execFile);
const day = 24 * 60 * 60 * 1000;

/** pg_dump / pg_restore from PATH, else from the newest /usr/lib/postgresql/<version>/bin (Debian keeps them off PATH). */
function pgTool(name: 'pg_dump' | 'pg_restore'): string {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) if (dir && existsSync(join(dir, name))) return join(dir, name);
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((version) => existsSync(join(root, version, 'bin', name))) : [];
  versions.sort((a, b) => Number(b) - Number(a));
  if (versions[0]) return join(root, versions[0], 'bin', name);
  throw new Error(`${name} not found on PATH or in ${root}/*/bin. Install PostgreSQL's client tools (e.g. apt-get install postgresql-client) of the server's version or newer.`);
}

/** Runs a PostgreSQL tool with the password in the environment, never on its command line (visible in `ps`). */
async function runPgTool(name: 'pg_dump' | 'pg_restore', args: string[], databaseUrl?: string): Promise<string> {
  const url = databaseUrl ? new URL(databaseUrl) : null;
  const password = url ? decodeURIComponent(url.password) : '';
  if (url) url.password = '';
  try {
    const { stdout } = await exec(pgTool(name), url ? [...args, `--dbname=${url}`] : args, {
      env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) },
      maxBuffer: 64 * 1024 * 1024,
    });
    return stdout;
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new Error(`${name} failed: ${stderr || (error as Error).message}`, { cause: error });
  }
}

function coreVersion(): string {
  // The package's own exported package.json, wherever the bundler put this code.
  return (createRequire(import.meta.url)('@kota-kit/core/package.json') as { version: string }).version;
}

async function appliedMigrations(database: Database): Promise<Record<string, string[]>> {
  try {
    const { rows } = await sql<{ module: string; name: string }>`select module, name from core_migrations order by module, name`.execute(database.db);
    const result: Record<string, string[]> = {};
    for (const row of rows) (result[row.module] ??= []).push(row.name);
    return result;
  } catch {
    return {}; // a database no host has started on yet
  }
}

async function countFiles(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).length;
}

/** Writes a backup of the database and the uploads to `options.file`. */
export async function createBackup(options: BackupOptions): Promise<BackupManifest> {
  let database = options.database;
  let opened: Database | undefined;
  if (!database) {
    if (!options.databaseUrl && !(options.dataDir && existsSync(join(options.dataDir, 'PG_VERSION')))) {
      throw new Error(`No database to back up: no DATABASE_URL, and no embedded database in ${options.dataDir ? resolve(options.dataDir) : '(no data folder given)'}.`);
    }
    database = opened = await openDatabase({ url: options.databaseUrl, dataDir: options.dataDir });
  }
  const staging = await mkdtemp(join(tmpdir(), 'kota-backup-'));
  const file = resolve(options.file);
  const partial = `${file}.partial`;
  try {
    const entries = ['manifest.json'];
    if (database.kind === 'pglite') {
      await writeFile(join(staging, 'database.tar'), await database.snapshot!());
      entries.push('database.tar');
    } else {
      if (!options.databaseUrl) throw new Error('A PostgreSQL backup needs databaseUrl for pg_dump.');
      await runPgTool('pg_dump', ['--format=custom', `--file=${join(staging, 'database.dump')}`], options.databaseUrl);
      entries.push('database.dump');
    }
    // After the database: every file a row refers to is there (a file uploaded meanwhile is merely extra).
    let uploadFiles = 0;
    if (options.uploadsDir && existsSync(options.uploadsDir)) {
      await symlink(resolve(options.uploadsDir), join(staging, 'uploads'), 'dir'); // packed through the link, not copied first
      uploadFiles = await countFiles(options.uploadsDir);
      entries.push('uploads');
    }
    const manifest: BackupManifest = {
      format: 'kota-kit-backup',
      formatVersion: 1,
      createdAt: (options.clock ?? systemClock).now().toISOString(),
      kind: database.kind,
      coreVersion: coreVersion(),
      migrations: await appliedMigrations(database),
      uploadFiles,
    };
    await writeFile(join(staging, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    await mkdir(resolve(file, '..'), { recursive: true });
    await createTar({ gzip: true, file: partial, cwd: staging, follow: true, portable: true }, entries);
    await rename(partial, file);
    return manifest;
  } finally {
    await rm(join(staging, 'uploads'), { force: true }); // the link only, before removing the folder
    await rm(staging, { recursive: true, force: true });
    await rm(partial, { force: true });
    await opened?.close();
  }
}

/** Reads a backup's manifest without restoring it. */
export async function readBackupManifest(file: string): Promise<BackupManifest> {
  const staging = await mkdtemp(join(tmpdir(), 'kota-restore-'));
  try {
    await extractTar({ file, cwd: staging }, ['manifest.json']);
    const manifest = JSON.parse(await readFile(join(staging, 'manifest.json'), 'utf8')) as BackupManifest;
    if (manifest.format !== 'kota-kit-backup') throw new Error('not a Kota Kit backup');
    return manifest;
  } catch (error) {
    throw new Error(`${resolve(file)} is not a readable Kota Kit backup: ${(error as Error).message}`, { cause: error });
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** Builds `target` beside it in `<target>.restoring`, then swaps it in: a failed restore leaves the old data. */
async function replaceFolder(target: string, build: (fresh: string) => Promise<void>): Promise<void> {
  const fresh = `${target}.restoring`;
  await rm(fresh, { recursive: true, force: true });
  await mkdir(fresh, { recursive: true });
  await build(fresh);
  await rm(target, { recursive: true, force: true });
  await rename(fresh, target);
}

/** Tables the backup does not know (created by a later migration): `--clean` would leave them behind. */
async function dropTablesMissingFrom(dump: string, databaseUrl: string): Promise<void> {
  const toc = await runPgTool('pg_restore', ['--list', dump]);
  const inDump = new Set([...toc.matchAll(/^\d+; \d+ \d+ TABLE (\S+) (\S+) /gm)].map((match) => `${match[1]}.${match[2]}`));
  if (!inDump.size) return;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ schemaname: string; tablename: string }>(
      "select schemaname, tablename from pg_tables where schemaname not in ('pg_catalog', 'information_schema')",
    );
    for (const row of rows) {
      if (inDump.has(`${row.schemaname}.${row.tablename}`)) continue;
      await client.query(`drop table if exists ${client.escapeIdentifier(row.schemaname)}.${client.escapeIdentifier(row.tablename)} cascade`);
    }
  } finally {
    await client.end();
  }
}

/**
 * Replaces the database and the uploads with a backup's. Embedded: refused while a host runs on the data folder
 * (DataFolderLockedError). PostgreSQL: stop every host on the database first.
 */
export async function restoreBackup(options: RestoreOptions): Promise<BackupManifest> {
  const file = resolve(options.file);
  const manifest = await readBackupManifest(file);
  const staging = await mkdtemp(join(tmpdir(), 'kota-restore-'));
  // Embedded: the lock keeps a host from starting on the folder until data and uploads are both back.
  const lock = manifest.kind === 'pglite' && options.dataDir ? await acquireDataLock(options.dataDir) : null;
  try {
    if (manifest.kind === 'pglite') {
      if (!options.dataDir || options.databaseUrl) {
        throw new Error('This backup is of the embedded database: restore it with a data folder (KOTA_DATA_DIR) and without DATABASE_URL.');
      }
      await extractTar({ file, cwd: staging }, ['database.tar']);
      const tarball = new Blob([await readFile(join(staging, 'database.tar'))]);
      await replaceFolder(resolve(options.dataDir), async (fresh) => {
        const pglite = await PGlite.create({ dataDir: fresh, loadDataDir: tarball });
        await pglite.query('select 1'); // it opens: the copy is whole
        await pglite.close();
      });
    } else {
      if (!options.databaseUrl) throw new Error('This backup is of a PostgreSQL database: restore it with DATABASE_URL.');
      await extractTar({ file, cwd: staging }, ['database.dump']);
      const dump = join(staging, 'database.dump');
      await dropTablesMissingFrom(dump, options.databaseUrl);
      await runPgTool('pg_restore', ['--clean', '--if-exists', '--no-owner', '--single-transaction', '--exit-on-error', dump], options.databaseUrl);
    }
    if (options.uploadsDir) {
      await replaceFolder(resolve(options.uploadsDir), async (fresh) => {
        await extractTar({ file, cwd: fresh, strip: 1, filter: (path) => path.startsWith('uploads/') });
      });
    }
    return manifest;
  } finally {
    lock?.release();
    await rm(staging, { recursive: true, force: true });
  }
}

const namePattern = /^kota-backup-(\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ)\.tar\.gz$/;

/** `kota-backup-2025-01-31T02-00-00Z.tar.gz`: sorts by date and names no user data. */
export function backupFileName(date: Date): string {
  return `kota-backup-${date.toISOString().slice(0, 19).replace(/:/g, '-')}Z.tar.gz`;
}

/** The backups in `backupDir` named by backupFileName, newest first. */
export async function listBackups(backupDir: string): Promise<{ file: string; createdAt: Date }[]> {
  const names = existsSync(backupDir) ? await readdir(backupDir) : [];
  return names
    .flatMap((name) => {
      const match = namePattern.exec(name);
      if (!match) return [];
      const [datePart, timePart] = match[1]!.split('T') as [string, string];
      return [{ file: join(resolve(backupDir), name), createdAt: new Date(`${datePart}T${timePart.replace(/-/g, ':')}`) }];
    })
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
}

export interface ScheduleBackupsOptions {
  /** The running host's database (`server.database`). */
  database: Database;
  /** PostgreSQL: the URL pg_dump reads; without it nothing is scheduled on PostgreSQL. */
  databaseUrl?: string;
  uploadsDir?: string;
  backupDir: string;
  /** Backups older than this many days are deleted (the newest is always kept). Default 7. */
  keepDays?: number;
  clock?: Clock;
  log: Logger;
  /** How often to look whether a day has passed since the newest backup. Default one hour. */
  checkEveryMs?: number;
}

/**
 * Takes a backup now if the newest in `backupDir` is a day old or missing, then checks every hour, and deletes
 * backups older than `keepDays`. Checking instead of a fixed hour survives restarts. Returns a stop function
 * that waits for a backup under way.
 */
export function scheduleBackups(options: ScheduleBackupsOptions): () => Promise<void> {
  const { database, backupDir, log } = options;
  const clock = options.clock ?? systemClock;
  const keepDays = options.keepDays ?? 7;
  if (database.kind === 'postgres' && !options.databaseUrl) {
    log.warn('automatic backups off: PostgreSQL needs databaseUrl for pg_dump');
    return async () => {};
  }
  const due = async () => {
    const [newest] = await listBackups(backupDir);
    return !newest || clock.now().getTime() - newest.createdAt.getTime() >= day;
  };
  const backUp = async () => {
    if (!(await due())) return;
    const file = join(backupDir, backupFileName(clock.now()));
    const manifest = await createBackup({ database, databaseUrl: options.databaseUrl, uploadsDir: options.uploadsDir, file, clock });
    log.info('backup written', { file, uploadFiles: manifest.uploadFiles });
  };
  const prune = async () => {
    const [newest, ...older] = await listBackups(backupDir);
    if (!newest) return;
    for (const backup of older) {
      if (clock.now().getTime() - backup.createdAt.getTime() > keepDays * day) {
        await rm(backup.file, { force: true });
        log.info('old backup deleted', { file: backup.file });
      }
    }
  };
  let running: Promise<void> | null = null;
  const check = () => {
    running ??= (async () => {
      try {
        // Several server processes on one PostgreSQL: one of them backs up.
        await database.withLock('kota-kit:backup', backUp, false);
        await prune();
      } catch (error) {
        log.error('backup failed', { error: (error as Error).message, backupDir });
      } finally {
        running = null;
      }
    })();
  };
  check();
  const timer = setInterval(check, options.checkEveryMs ?? 60 * 60 * 1000);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
