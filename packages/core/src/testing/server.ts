/** The server harness: a real server on a free port with a real database, a cookie-keeping client, a test clock. */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { HostInput } from '../contract.js';
import { createServer, type KotaServer, type ServerOptions } from '../server/host.js';
import type { AnyServerModule } from '../server/module.js';
import { createLogger, type Clock } from '../server/services.js';

export type TestDatabaseTarget = 'pglite' | 'postgres';

/**
 * The databases tests must pass on: always the embedded one; PostgreSQL when KK_TEST_DATABASE_URL is set.
 * With KK_REQUIRE_POSTGRES=1 (CI) a missing URL is an error, so PostgreSQL tests can never be skipped quietly.
 */
export function testDatabaseTargets(): TestDatabaseTarget[] {
  if (process.env.KK_TEST_DATABASE_URL) return ['pglite', 'postgres'];
  if (process.env.KK_REQUIRE_POSTGRES === '1') throw new Error('KK_REQUIRE_POSTGRES=1 but KK_TEST_DATABASE_URL is not set.');
  return ['pglite'];
}

/** A fresh, empty PostgreSQL database on the test server; drop it with the returned function. */
export async function createPostgresTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const adminUrl = process.env.KK_TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('KK_TEST_DATABASE_URL is not set.');
  const name = `kk_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

/** A mutable clock for deadline and job tests. */
/**
 * Waits, when needed, until the current fixed rate-limit window of `windowSeconds` has at least `marginSeconds`
 * left, so a test that counts attempts against a limit never sees the window reset half-way (a flaky test).
 */
export async function awayFromWindowEdge(windowSeconds: number, marginSeconds = 30): Promise<void> {
  const left = windowSeconds * 1000 - (Date.now() % (windowSeconds * 1000));
  if (left < marginSeconds * 1000) await new Promise((resolve) => setTimeout(resolve, left + 50));
}

export class TestClock implements Clock {
  constructor(private current = new Date()) {}
  now(): Date {
    return new Date(this.current);
  }
  set(date: Date | string): void {
    this.current = new Date(date);
  }
  advance(milliseconds: number): void {
    this.current = new Date(this.current.getTime() + milliseconds);
  }
}

export interface TestHost {
  server: KotaServer;
  /** Base URL of the listening server, e.g. http://127.0.0.1:41234 */
  url: string;
  /** A fetch bound to a cookie jar, like one browser. */
  client(): TestClient;
  close(): Promise<void>;
}

export interface TestClient {
  fetch(path: string, init?: RequestInit): Promise<Response>;
  json<T = unknown>(path: string, init?: Omit<RequestInit, "body"> & { body?: unknown }): Promise<{ status: number; body: T; headers: Headers }>;
  login(email: string, password: string): Promise<void>;
}

/** Starts a real server on a free port with a real database (in-memory PGlite, or a fresh PostgreSQL database). */
export async function startTestHost(options: {
  host: HostInput;
  serverModules: AnyServerModule[];
  database: TestDatabaseTarget;
  demo?: boolean;
  clock?: Clock;
  clientDir?: string;
  uploadsDir?: string;
  extra?: Partial<ServerOptions>;
}): Promise<TestHost> {
  const postgres = options.database === 'postgres' ? await createPostgresTestDatabase() : null;
  // A folder of its own for uploads, removed on close unless the test chose one.
  const uploadsDir = options.uploadsDir ?? (await mkdtemp(join(tmpdir(), 'kk-test-uploads-')));
  const server = await createServer({
    host: options.host,
    serverModules: options.serverModules,
    databaseUrl: postgres?.url,
    demo: options.demo ?? true,
    clock: options.clock,
    clientDir: options.clientDir,
    uploadsDir,
    jobs: false,
    logger: createLogger({ test: true }, 'error'),
    ...options.extra,
  });
  const { url } = await server.listen(0, '127.0.0.1');
  const client = (): TestClient => {
    const cookies = new Map<string, string>();
    const doFetch = async (path: string, init: RequestInit = {}) => {
      const headers = new Headers(init.headers);
      // Like a browser: unsafe requests from our own pages carry our origin.
      if (init.method && !/^(GET|HEAD)$/i.test(init.method) && !headers.has('origin')) headers.set('origin', url);
      if (cookies.size) headers.set('cookie', [...cookies].map(([key, value]) => `${key}=${value}`).join('; '));
      const response = await fetch(`${url}${path}`, { ...init, headers, redirect: 'manual' });
      for (const line of response.headers.getSetCookie()) {
        const [pair] = line.split(';');
        const index = pair!.indexOf('=');
        const key = pair!.slice(0, index);
        const value = pair!.slice(index + 1);
        if (value === '' || /max-age=0/i.test(line)) cookies.delete(key);
        else cookies.set(key, value);
      }
      return response;
    };
    const json = async <T,>(path: string, init: Omit<RequestInit, "body"> & { body?: unknown } = {}) => {
      const headers = new Headers(init.headers);
      let body = init.body as BodyInit | undefined;
      if (init.body !== undefined && typeof init.body !== 'string' && !(init.body instanceof FormData) && !(init.body instanceof URLSearchParams)) {
        headers.set('content-type', 'application/json');
        body = JSON.stringify(init.body);
      }
      const response = await doFetch(path, { ...init, headers, body });
      const text = await response.text();
      return { status: response.status, body: (text ? JSON.parse(text) : null) as T, headers: response.headers };
    };
    return {
      fetch: doFetch,
      json,
      async login(email, password) {
        const result = await json('/api/auth/login', { method: 'POST', body: { email, password } });
        if (result.status !== 200) throw new Error(`Login of ${email} failed: ${JSON.stringify(result.body)}`);
      },
    };
  };
  return {
    server,
    url,
    client,
    async close() {
      await server.close();
      await postgres?.drop();
      if (!options.uploadsDir) await rm(uploadsDir, { recursive: true, force: true });
    },
  };
}

export const testRegion = {
  name: 'Kota Contoh',
  appName: 'Contoh Live',
  code: '36.99',
  logo: '/logo.svg',
  colors: { primary: '#0b5cad', accent: '#f5a400' },
  timeZone: 'Asia/Jakarta',
  holidays: [{ date: '2026-11-20', name: 'Libur uji' }],
  agencies: [
    { id: 'diskominfo', name: 'Dinas Komunikasi dan Informatika', shortName: 'Diskominfo' },
    { id: 'dpupr', name: 'Dinas Pekerjaan Umum dan Penataan Ruang', shortName: 'DPUPR' },
    { id: 'dlh', name: 'Dinas Lingkungan Hidup', shortName: 'DLH' },
  ],
} satisfies HostInput['region'];

/**
 * Compares a module's committed generated table types with the migrated database. With KK_UPDATE_TABLES=1 the
 * file is rewritten instead. Returns both texts so the test can `expect(actual).toBe(expected)`.
 */
export async function checkGeneratedTables(server: KotaServer, moduleId: string, file: string, typeName: string): Promise<{ expected: string; actual: string }> {
  const { readFile, writeFile } = await import('node:fs/promises');
  const { generateTableTypes } = await import('../server/tables.js');
  const { tablePrefix } = await import('../contract.js');
  const actual = await generateTableTypes(server.database.db, tablePrefix(moduleId), typeName);
  if (process.env.KK_UPDATE_TABLES === '1') await writeFile(file, actual);
  const expected = await readFile(file, 'utf8').catch(() => '(missing: run the test with KK_UPDATE_TABLES=1)');
  return { expected, actual };
}
