// A host's settings come from its environment in one place (hostSettings), its server entry is runHost and its
// backup command runBackupCommand: defaults under the host's .data, a bad setting named, an operator's problem
// said in one line, and no backup opens the database of a running host.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { hostSettings, HostSettingsError, listBackups, readBackupManifest, runBackupCommand } from '../src/server/index.js';

const root = mkdtempSync(join(tmpdir(), 'kk-run-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('hostSettings', () => {
  it('puts everything under the data root by default and listens only on this machine in demo mode', () => {
    const settings = hostSettings({ env: {}, argv: ['node', 'server.js', '--demo'], dataRoot: '/srv/host/.data' });
    expect(settings).toEqual({
      demo: true,
      port: 3000,
      listenHost: '127.0.0.1',
      databaseUrl: undefined,
      dataDir: '/srv/host/.data/db',
      uploadsDir: '/srv/host/.data/uploads',
      backups: { dir: '/srv/host/.data/backups', keepDays: 7 },
      trustProxy: 0,
      publicUrl: undefined,
      secureCookies: undefined,
      bootstrapAdmin: undefined,
    });
    expect(hostSettings({ env: {}, argv: [], dataRoot: '/d' })).toMatchObject({ demo: false, listenHost: '0.0.0.0' });
  });

  it('takes every variable, and PostgreSQL leaves no embedded data folder', () => {
    const settings = hostSettings({
      argv: [],
      dataRoot: '/d',
      env: {
        PORT: '8080',
        HOST: '10.0.0.5',
        DATABASE_URL: 'postgres://kota@db/kota',
        KOTA_UPLOADS_DIR: '/mnt/uploads',
        KOTA_BACKUP_DIR: '/mnt/backups',
        KOTA_BACKUP_KEEP_DAYS: '30',
        KOTA_TRUST_PROXY: '1',
        KOTA_PUBLIC_URL: 'https://live.example.go.id',
        KOTA_SECURE_COOKIES: '0',
        KOTA_ADMIN_EMAIL: 'admin@example.go.id',
        KOTA_ADMIN_PASSWORD: 'a long secret',
        KOTA_DEMO: '1',
      },
    });
    expect(settings).toEqual({
      demo: true,
      port: 8080,
      listenHost: '10.0.0.5',
      databaseUrl: 'postgres://kota@db/kota',
      dataDir: undefined,
      uploadsDir: '/mnt/uploads',
      backups: { dir: '/mnt/backups', keepDays: 30 },
      trustProxy: 1,
      publicUrl: 'https://live.example.go.id',
      secureCookies: false,
      bootstrapAdmin: { email: 'admin@example.go.id', password: 'a long secret' },
    });
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT must be a whole number of at least 0, not "abc".'],
    [{ KOTA_BACKUP_KEEP_DAYS: '0' }, 'KOTA_BACKUP_KEEP_DAYS must be a whole number of at least 1, not "0".'],
    [{ KOTA_TRUST_PROXY: '1.5' }, 'KOTA_TRUST_PROXY must be a whole number of at least 0, not "1.5".'],
    [{ KOTA_SECURE_COOKIES: 'yes' }, 'KOTA_SECURE_COOKIES must be 1 or 0, not "yes".'],
    [{ KOTA_ADMIN_EMAIL: 'admin@example.go.id' }, 'KOTA_ADMIN_EMAIL and KOTA_ADMIN_PASSWORD go together: set both, or neither.'],
    [{ DATABASE_URL: 'mysql://db/kota' }, 'DATABASE_URL must start with postgres:// or postgresql:// (unset it for the embedded database).'],
  ])('names a variable it cannot use: %o', (env, message) => {
    expect(() => hostSettings({ env, argv: [], dataRoot: '/d' })).toThrow(new HostSettingsError(message));
  });
});

/** The fixture host through runHost in its own process, as a built host's `npm start`. */
function runFixture(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./fixture/run-host.ts', import.meta.url))], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    env: { ...process.env, DATABASE_URL: '', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const listening = new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      output += chunk;
      const match = /listening (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]!);
    });
    child.stderr!.on('data', (chunk) => (output += chunk));
    child.once('exit', (code) => reject(Object.assign(new Error(`exited with ${code}`), { code })));
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  listening.catch(() => {});
  return { child, listening, exited, output: () => output };
}

describe('runHost and runBackupCommand', () => {
  const hostDir = join(root, 'host');
  const serverDir = join(hostDir, 'dist', 'server');
  const dataRoot = join(hostDir, '.data');
  mkdirSync(serverDir, { recursive: true });

  it('starts on the data folder under the host, refuses a second start and a bad setting in one line', async () => {
    const first = runFixture({ KK_SERVER_DIR: serverDir });
    try {
      const url = await first.listening;
      expect((await fetch(`${url}/api/health`)).ok).toBe(true);
      expect(existsSync(join(dataRoot, 'db'))).toBe(true);

      const second = runFixture({ KK_SERVER_DIR: serverDir });
      expect(await second.exited).toBe(1);
      expect(second.output()).toContain(`Cannot start: The data folder ${join(dataRoot, 'db')} is in use by process ${first.child.pid}`);
      expect(second.output()).not.toMatch(/\n\s+at /);

      // A backup does not open the running host's database: it says where the daily snapshots are.
      const errors: string[] = [];
      const spy = vi.spyOn(console, 'error').mockImplementation((message: string) => void errors.push(message));
      try {
        expect(await runBackupCommand({ dataRoot, args: ['backup'], env: {} })).toBe(1);
        expect(await runBackupCommand({ dataRoot, args: ['restore'], env: {} })).toBe(2);
        expect(await runBackupCommand({ dataRoot, args: ['backup'], env: { KOTA_BACKUP_KEEP_DAYS: 'many' } })).toBe(1);
      } finally {
        spy.mockRestore();
      }
      expect(errors[0]).toContain(`It takes a snapshot every day into ${join(dataRoot, 'backups')} (none there yet).`);
      expect(errors[1]).toBe('Usage: backup [file] | restore <file>');
      expect(errors[2]).toBe('KOTA_BACKUP_KEEP_DAYS must be a whole number of at least 1, not "many".');
    } finally {
      first.child.kill('SIGTERM');
      expect(await first.exited).toBe(0);
    }

    const bad = runFixture({ KK_SERVER_DIR: serverDir, PORT: 'eighty' });
    expect(await bad.exited).toBe(1);
    expect(bad.output().trim()).toBe('Cannot start: PORT must be a whole number of at least 0, not "eighty".');
  });

  it('backs up the stopped host into its backups folder', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      expect(await runBackupCommand({ dataRoot, args: ['backup'], env: {} })).toBe(0);
    } finally {
      log.mockRestore();
    }
    const backups = await listBackups(join(dataRoot, 'backups'));
    expect(backups).toHaveLength(1);
    expect((await readBackupManifest(backups[0]!.file)).kind).toBe('pglite');
  });
});
