// The embedded data folder is locked: a second process on it is refused (two would destroy it), and the lock
// of a process that is gone is taken over.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireDataLock, dataLockPath, DataFolderLockedError, openDatabase, readDataLock, sql } from '../src/server/index.js';
import { startChildHost, stopChildHost, type ChildHost } from './fixture/spawn.js';

const root = mkdtempSync(join(tmpdir(), 'kk-lock-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The pid of a process that has ended. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid!;
}

describe('the data folder lock', () => {
  it('is held once: a second taker is refused with the holder named, and it is free again after release', async () => {
    const dir = join(root, 'once');
    const lock = await acquireDataLock(dir);
    expect(readDataLock(dir)).toMatchObject({ path: dataLockPath(dir), holder: { pid: process.pid, hostname: hostname() }, alive: true });
    const refused = await acquireDataLock(dir).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DataFolderLockedError);
    expect((refused as Error).message).toContain(`The data folder ${dir} is in use by process ${process.pid} since`);
    lock.release();
    expect(readDataLock(dir)).toBeNull();
    (await acquireDataLock(dir)).release();
  });

  it('takes over the lock of a process that is gone, with a warning', async () => {
    const dir = join(root, 'stale');
    const pid = deadPid();
    writeFileSync(dataLockPath(dir), JSON.stringify({ pid, hostname: hostname(), startedAt: new Date().toISOString() }));
    expect(readDataLock(dir)).toMatchObject({ holder: { pid }, alive: false });
    const warnings: string[] = [];
    const lock = await acquireDataLock(dir, (message) => warnings.push(message));
    expect(warnings).toEqual([expect.stringContaining(`from process ${pid}`)]);
    expect(readDataLock(dir)).toMatchObject({ holder: { pid: process.pid }, alive: true });
    lock.release();
  });

  it('takes over a lock whose pid now belongs to another process (pid reused after a restart)', async () => {
    // This process's own pid, as a container's process finds the lock of its earlier life (both pid 1).
    const mine = join(root, 'same-pid');
    writeFileSync(dataLockPath(mine), JSON.stringify({ pid: process.pid, hostname: hostname(), startedAt: new Date().toISOString() }));
    expect(readDataLock(mine)).toMatchObject({ alive: false });
    (await acquireDataLock(mine, () => {})).release();

    // A live process started after the lock was taken cannot be its holder.
    const newcomer = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' });
    try {
      const reused = join(root, 'reused-pid');
      const takenAt = new Date(Date.now() - 5 * 60_000).toISOString();
      writeFileSync(dataLockPath(reused), JSON.stringify({ pid: newcomer.pid, hostname: hostname(), startedAt: takenAt }));
      expect(readDataLock(reused)).toMatchObject({ holder: { pid: newcomer.pid }, alive: false });
      (await acquireDataLock(reused, () => {})).release();
    } finally {
      newcomer.kill();
    }
  });

  it('takes over an unreadable lock file once it is old (a crash while writing it)', async () => {
    const dir = join(root, 'garbage');
    writeFileSync(dataLockPath(dir), '');
    const old = new Date(Date.now() - 60_000);
    utimesSync(dataLockPath(dir), old, old);
    const warnings: string[] = [];
    const lock = await acquireDataLock(dir, (message) => warnings.push(message));
    expect(warnings).toEqual([expect.stringContaining('unreadable lock file')]);
    lock.release();
  });

  it('refuses a lock held on another host: its process cannot be checked from here', async () => {
    const dir = join(root, 'other-host');
    writeFileSync(dataLockPath(dir), JSON.stringify({ pid: deadPid(), hostname: 'another-machine', startedAt: new Date().toISOString() }));
    expect(readDataLock(dir)).toMatchObject({ alive: null });
    await expect(acquireDataLock(dir)).rejects.toThrow(/in use by process \d+ on host another-machine/);
  });
});

describe('two server processes on one embedded data folder', () => {
  let first: ChildHost | undefined;
  afterAll(() => stopChildHost(first));

  it('refuses the second with the folder and the running process named; the data stays readable', async () => {
    const dataDir = join(root, 'db');
    const env = { KOTA_DATA_DIR: dataDir, KOTA_UPLOADS_DIR: join(root, 'uploads'), DATABASE_URL: '' };
    first = await startChildHost(env);
    const login = await fetch(`${first.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: first.url },
      body: JSON.stringify({ email: 'editor@demo.kotakit.id', password: 'demo1234' }),
    });
    const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
    const created = await fetch(`${first.url}/api/fixture-notes/notes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: first.url, cookie },
      body: JSON.stringify({ agencyId: 'dpupr', text: 'Ditulis oleh proses pertama' }),
    });
    expect(created.status).toBe(201);

    const second = await startChildHost(env).then(
      () => null,
      (error: { output: string; code: number }) => error,
    );
    expect(second?.code).toBe(1);
    expect(second?.output).toContain(`The data folder ${dataDir} is in use by process ${first.child.pid} since`);

    // The first still serves, and after it stops the folder opens with everything in it.
    expect((await fetch(`${first.url}/api/fixture-notes/notes`)).status).toBe(200);
    await stopChildHost(first);
    expect(readDataLock(dataDir)).toBeNull();
    const database = await openDatabase({ dataDir });
    try {
      const { rows } = await sql<{ text: string }>`select text from fixture_notes_notes order by id`.execute(database.db);
      expect(rows.map((row) => row.text)).toContain('Ditulis oleh proses pertama');
    } finally {
      await database.close();
    }
  });

  it('starts on a folder whose server was killed (SIGKILL leaves its lock behind)', async () => {
    const dataDir = join(root, 'db');
    first = await startChildHost({ KOTA_DATA_DIR: dataDir, DATABASE_URL: '' });
    const pid = first.child.pid;
    await stopChildHost(first, 'SIGKILL');
    expect(readDataLock(dataDir)).toMatchObject({ holder: { pid }, alive: false });
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.message);
    process.on('warning', onWarning);
    const database = await openDatabase({ dataDir });
    process.off('warning', onWarning);
    await database.close();
    expect(warnings.join('\n')).toContain(`from process ${pid}`);
  });
});
