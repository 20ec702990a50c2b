// Backup and restore on both databases: what was written comes back with its uploads, what came after the
// backup is gone, and an embedded folder in use is never restored over.
import { mkdtempSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, onTestFailed } from 'vitest';
import {
  createBackup,
  createLogger,
  createServer,
  DataFolderLockedError,
  listBackups,
  openDatabase,
  readBackupManifest,
  restoreBackup,
  scheduleBackups,
  type KotaServer,
} from '../src/server/index.js';
import { createPostgresTestDatabase, TestClock, testDatabaseTargets } from '../src/testing.js';
import { fixtureHost } from './fixture/host.js';
import fixtureServer, { type FixtureTables } from './fixture/server.js';

const root = mkdtempSync(join(tmpdir(), 'kk-backup-'));
const drops: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const drop of drops) await drop();
  rmSync(root, { recursive: true, force: true });
});

/** The host's database with the fixture's notes, a table a later migration would add, and the catalog. */
const fixtureDb = (server: KotaServer) =>
  server.database.db.withTables<{
    fixture_notes_notes: FixtureTables['fixture_notes_notes'];
    fixture_notes_later: { id: number };
    'information_schema.tables': { table_name: string };
  }>();

async function notes(server: KotaServer): Promise<string[]> {
  const rows = await fixtureDb(server).selectFrom('fixture_notes_notes').select('text').orderBy('id').execute();
  return rows.map((row) => row.text as string);
}

async function upload(server: KotaServer, key: string): Promise<string | null> {
  const file = await server.moduleContext('fixture-notes').storage.get(key);
  return file && Buffer.from(file.data).toString();
}

describe.each(testDatabaseTargets())('backup and restore on %s', (target) => {
  const dir = join(root, target);
  const dataDir = join(dir, 'db');
  const uploadsDir = join(dir, 'uploads');
  const file = join(dir, 'backups', 'backup.tar.gz');
  let databaseUrl: string | undefined;
  let before: string[] = [];

  const start = async (url = databaseUrl) =>
    createServer({
      host: fixtureHost,
      serverModules: [fixtureServer],
      databaseUrl: url,
      dataDir: url ? undefined : dataDir,
      uploadsDir,
      demo: true,
      jobs: false,
      logger: createLogger({}, 'error'),
    });

  it('backs up while the host runs and restores over later changes', async () => {
    if (target === 'postgres') {
      const database = await createPostgresTestDatabase();
      drops.push(database.drop);
      databaseUrl = database.url;
    }
    let server = await start();
    const running = server;
    onTestFailed(() => running.close().catch(() => {})); // frees the folder for the next test
    const storage = server.moduleContext('fixture-notes').storage;
    await fixtureDb(server)
      .insertInto('fixture_notes_notes')
      .values(['Jalan berlubang di Cipondoh', 'Lampu jalan mati', 'Sampah menumpuk'].map((text) => ({ agency_id: 'dpupr', text })))
      .execute();
    await storage.put('notes/foto-1.jpg', Buffer.from('foto satu'), 'image/jpeg');
    before = await notes(server);

    const manifest = await createBackup({ database: server.database, databaseUrl, uploadsDir, file });
    expect(manifest).toMatchObject({ format: 'kota-kit-backup', kind: target, migrations: { 'fixture-notes': expect.arrayContaining(['0001_notes']) }, uploadFiles: 2 });
    expect(manifest.migrations.core?.length).toBeGreaterThan(0);
    expect(await readBackupManifest(file)).toEqual(manifest);

    // Changes after the backup, including a table a later migration would create.
    await fixtureDb(server).insertInto('fixture_notes_notes').values({ agency_id: 'dpupr', text: 'Setelah cadangan' }).execute();
    await storage.put('notes/foto-2.jpg', Buffer.from('foto dua'), 'image/jpeg');
    await fixtureDb(server).schema.createTable('fixture_notes_later').addColumn('id', 'integer').execute();

    if (target === 'pglite') {
      // The running host holds the folder: neither a restore nor a second opener may touch it.
      await expect(restoreBackup({ file, dataDir, uploadsDir })).rejects.toBeInstanceOf(DataFolderLockedError);
      await expect(createBackup({ dataDir, file: join(dir, 'other.tar.gz') })).rejects.toBeInstanceOf(DataFolderLockedError);
    }
    await server.close();

    await restoreBackup({ file, databaseUrl, dataDir: databaseUrl ? undefined : dataDir, uploadsDir });
    server = await start();
    try {
      expect(await notes(server)).toEqual(before);
      expect(await upload(server, 'notes/foto-1.jpg')).toBe('foto satu');
      expect(await upload(server, 'notes/foto-2.jpg')).toBeNull();
      const later = await fixtureDb(server).selectFrom('information_schema.tables').select('table_name').where('table_name', '=', 'fixture_notes_later').execute();
      expect(later).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it('restores into a wiped database and uploads folder', async () => {
    await rm(uploadsDir, { recursive: true, force: true });
    if (target === 'postgres') {
      const empty = await createPostgresTestDatabase();
      drops.push(empty.drop);
      databaseUrl = empty.url;
    } else {
      await rm(dataDir, { recursive: true, force: true });
    }
    await restoreBackup({ file, databaseUrl, dataDir: databaseUrl ? undefined : dataDir, uploadsDir });
    const server = await start();
    try {
      expect(await notes(server)).toEqual(before);
      expect(await upload(server, 'notes/foto-1.jpg')).toBe('foto satu');
    } finally {
      await server.close();
    }
  });

  it('refuses a backup of the other kind of database', async () => {
    const options = target === 'pglite' ? { file, databaseUrl: 'postgres://127.0.0.1:1/none' } : { file, dataDir: join(dir, 'none') };
    await expect(restoreBackup(options)).rejects.toThrow(target === 'pglite' ? /embedded database/ : /PostgreSQL database/);
  });
});

describe('scheduled backups', () => {
  it('takes one a day and deletes those older than keepDays', async () => {
    const database = await openDatabase({});
    const backupDir = join(root, 'daily');
    const clock = new TestClock(new Date('2025-03-01T02:00:00Z'));
    const dates = async () => (await listBackups(backupDir)).map((backup) => backup.createdAt.toISOString());
    // Waits until the backup of the clock's current time is there and old ones are pruned.
    const settled = async (expected: string[]) => {
      await expect.poll(dates, { timeout: 20_000 }).toEqual(expected);
    };
    const stop = scheduleBackups({ database, backupDir, keepDays: 2, clock, log: createLogger({}, 'error'), checkEveryMs: 20 });
    try {
      await settled(['2025-03-01T02:00:00.000Z']);
      clock.advance(23 * 60 * 60 * 1000); // not a day yet
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(await dates()).toEqual(['2025-03-01T02:00:00.000Z']);
      clock.set('2025-03-02T03:00:00Z');
      await settled(['2025-03-02T03:00:00.000Z', '2025-03-01T02:00:00.000Z']);
      // Two days later the first is 50 h old, past keepDays.
      clock.set('2025-03-03T04:00:00Z');
      await settled(['2025-03-03T04:00:00.000Z', '2025-03-02T03:00:00.000Z']);
    } finally {
      await stop();
      await database.close();
    }
  });
});
