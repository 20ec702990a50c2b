/**
 * @kota-kit/core/testing — helpers for a module's API tests against a real server and a real database.
 * Every test file runs on the embedded database, and also on PostgreSQL when KK_TEST_DATABASE_URL is set.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { HostInput } from './contract.js';
import { createServer, type KotaServer, type ServerOptions } from './server/host.js';
import type { AnyServerModule } from './server/module.js';
import { createLogger, type Clock } from './server/services.js';
import { demoPassword as demoPasswordForTests } from './server/people.js';

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

/** Path of the system Chromium the browser tests drive (Debian's `chromium` package); never a downloaded browser. */
export function chromiumPath(): string {
  return process.env.KK_CHROMIUM_PATH ?? '/usr/bin/chromium';
}

/**
 * Launches headless Chromium through playwright-core (a devDependency of the tests that use it).
 * A missing browser is an error with the fix in the message, never a skipped test.
 */
export async function launchChromium() {
  const { existsSync } = await import('node:fs');
  const path = chromiumPath();
  if (!existsSync(path)) {
    throw new Error(`Chromium not found at ${path}. Install it (apt-get install chromium) or set KK_CHROMIUM_PATH.`);
  }
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: path,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** The phone the kit is designed for: a cheap Android at 360×740. */
export const phoneViewport = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'id-ID' } as const;

// ---------------------------------------------------------------- the module kit's checks

/**
 * Compares a module's committed generated table types with the migrated database. With KK_UPDATE_TABLES=1 the
 * file is rewritten instead. Returns both texts so the test can `expect(actual).toBe(expected)`.
 */
export async function checkGeneratedTables(server: KotaServer, moduleId: string, file: string, typeName: string): Promise<{ expected: string; actual: string }> {
  const { readFile, writeFile } = await import('node:fs/promises');
  const { generateTableTypes } = await import('./server/tables.js');
  const { tablePrefix } = await import('./contract.js');
  const actual = await generateTableTypes(server.database.db, tablePrefix(moduleId), typeName);
  if (process.env.KK_UPDATE_TABLES === '1') await writeFile(file, actual);
  const expected = await readFile(file, 'utf8').catch(() => '(missing: run the test with KK_UPDATE_TABLES=1)');
  return { expected, actual };
}

/** Values a careless handler would pass to the database: each must be answered with 4xx, never 5xx. */
export const hostileValues: readonly unknown[] = [
  'a\u0000b',
  '\uD800',
  '0000-01-01',
  '0024-01-02',
  '9999-12-31',
  '2026-02-30',
  '-1',
  '99999999999999999999999',
  '1e308',
  'NaN',
  "' or 1=1 --",
  '%',
  'x'.repeat(100_000),
  Number.MAX_SAFE_INTEGER * 1024,
  -1,
  1e308,
  null,
  true,
  [],
  {},
];

interface OpenApiOperation {
  parameters?: { name: string; in: string }[];
  requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, unknown>; $ref?: string } }> };
}
type Document = { paths?: Record<string, Record<string, OpenApiOperation>>; components?: { schemas?: Record<string, { properties?: Record<string, unknown> }> } };

export interface HostileRequest {
  method: string;
  path: string;
  /** Which parameter or body field holds the hostile value. */
  field: string;
  init: RequestInit;
}

const asText = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));
// "%" and a cut-off UTF-8 sequence stay raw: they are the malformed encodings under test.
const malformed = new Set(['%', '%E0%A4%A']);
const encodeHostile = (value: string) => {
  if (malformed.has(value)) return value;
  try {
    return encodeURIComponent(value);
  } catch {
    return '%ED%A0%80'; // a lone surrogate has no UTF-8 form; this is how a careless client sends it
  }
};

/**
 * One request per operation, parameter or body field and hostile value, from an OpenAPI document. Parameters
 * also get malformed %-sequences. Other path parameters hold a plausible value so the hostile one is reached.
 */
export function hostileRequests(document: Document, options: { skip?: (method: string, path: string) => boolean } = {}): HostileRequest[] {
  const requests: HostileRequest[] = [];
  for (const [path, methods] of Object.entries(document.paths ?? {})) {
    for (const [method, operation] of Object.entries(methods)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method) || options.skip?.(method, path)) continue;
      const init = { method: method.toUpperCase() };
      const fill = (target: string, raw: string) => path.replace(/\{([^}]+)\}/g, (_, name: string) => (name === target ? raw : 'x1'));
      for (const param of operation.parameters ?? []) {
        for (const value of [...hostileValues.map(asText), '%E0%A4%A']) {
          const raw = encodeHostile(value);
          if (param.in === 'path') requests.push({ method, path: fill(param.name, raw), field: `params.${param.name}`, init });
          else if (param.in === 'query') requests.push({ method, path: `${fill('', '')}?${encodeURIComponent(param.name)}=${raw}`, field: `query.${param.name}`, init });
        }
      }
      const content = operation.requestBody?.content ?? {};
      for (const [type, media] of Object.entries(content)) {
        const schema = media.schema?.$ref ? document.components?.schemas?.[media.schema.$ref.split('/').at(-1)!] : media.schema;
        const fields = Object.keys(schema?.properties ?? {});
        const bodyOf = (field: string, value: unknown): BodyInit | null => {
          if (type.includes('json')) return JSON.stringify({ [field]: value });
          if (type === 'multipart/form-data') {
            const form = new FormData();
            form.set(field, asText(value));
            return form;
          }
          if (type === 'application/x-www-form-urlencoded') return new URLSearchParams({ [field]: asText(value) });
          return null;
        };
        for (const field of fields.length ? fields : ['value']) {
          for (const value of hostileValues) {
            const body = bodyOf(field, value);
            if (body === null) continue;
            // FormData and URLSearchParams set their own content type (with the multipart boundary).
            const headers = typeof body === 'string' ? { 'content-type': type } : undefined;
            requests.push({ method, path: fill('', ''), field: `body.${field}`, init: { ...init, headers, body } });
          }
        }
        if (type.includes('json')) {
          requests.push({ method, path: fill('', ''), field: 'body', init: { ...init, headers: { 'content-type': type }, body: '{"broken' } });
          requests.push({ method, path: fill('', ''), field: 'body', init: { ...init, headers: { 'content-type': type }, body: JSON.stringify(hostileValues) } });
        }
      }
    }
  }
  return requests;
}

/** Sends every hostile request through `client`; returns those answered with a 5xx (should be none). */
export async function sendHostileRequests(client: TestClient, requests: readonly HostileRequest[]): Promise<{ request: string; status: number; body: string }[]> {
  const failures: { request: string; status: number; body: string }[] = [];
  for (const request of requests) {
    const response = await client.fetch(request.path, request.init);
    const body = await response.text();
    if (response.status >= 500) failures.push({ request: `${request.init.method} ${request.path.slice(0, 200)} (${request.field})`, status: response.status, body: body.slice(0, 300) });
  }
  return failures;
}

// ---------------------------------------------------------------- browser tests of a module

/** A module in a browser test: its server part, its browser entry and its stylesheet (source files). */
export interface BrowserTestModule {
  server: AnyServerModule;
  /** The module's src/client/index.ts. */
  client: string;
  /** The module's src/style.css, when it has one. */
  style?: string;
}

export interface BrowserTestHost {
  server: TestHost;
  browser: import('playwright-core').Browser;
  /** A new phone (360×740, touch, id-ID) with its own cookies, on the host. */
  phone(options?: { offline?: boolean; locale?: string }): Promise<import('playwright-core').Page>;
  /** Signs `page` in as `email` (demo password) and goes to `next`. */
  signIn(page: import('playwright-core').Page, email: string, next: string): Promise<void>;
  close(): Promise<void>;
}

/** The shared test region: a small city with two agencies and a holiday, for modules' own tests. */
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

const webIndex = `<!doctype html>
<html lang="id">
  <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" /><!--kota-kit:head--></head>
  <body><div id="root"></div><script type="module" src="./main.ts"></script></body>
</html>
`;

/**
 * Builds the browser app of `host` with the given modules (from their sources, through core's Vite plugin),
 * serves it with a real server and database, and opens headless Chromium: the harness every module's browser
 * tests share. Needs vite, @vitejs/plugin-react and playwright-core as the module's dev dependencies.
 */
export async function startBrowserHost(options: {
  host: HostInput;
  modules: Record<string, BrowserTestModule>;
  database?: TestDatabaseTarget;
  clock?: Clock;
  /** Runs after the server started (e.g. to move a test clock past the demo data). */
  afterStart?: (server: TestHost) => Promise<void> | void;
}): Promise<BrowserTestHost> {
  const { writeFile } = await import('node:fs/promises');
  const { fileURLToPath } = await import('node:url');
  const { build } = await import('vite');
  const { default: react } = await import('@vitejs/plugin-react');
  const { kotaKit } = await import('./vite.js');
  const root = await mkdtemp(join(tmpdir(), 'kk-browser-src-'));
  const outDir = await mkdtemp(join(tmpdir(), 'kk-browser-web-'));
  await writeFile(join(root, 'index.html'), webIndex);
  await writeFile(join(root, 'main.ts'), `import { startClient } from '@kota-kit/core/client';\nimport { clientModules } from 'virtual:kota-kit/client';\nstartClient({ modules: clientModules });\n`);
  // The entry lives in a temporary folder with no node_modules: core's own files are named by path.
  const alias: Record<string, string> = {
    '@kota-kit/core/style.css': fileURLToPath(import.meta.resolve('@kota-kit/core/style.css')),
    '@kota-kit/core/client': fileURLToPath(import.meta.resolve('@kota-kit/core/client')),
  };
  const clientEntries: Record<string, string> = {};
  for (const [id, module] of Object.entries(options.modules)) {
    clientEntries[id] = module.client;
    if (module.style) alias[`${module.server.definition.package}/style.css`] = module.style;
  }
  await build({
    root,
    configFile: false,
    logLevel: 'error',
    publicDir: false,
    plugins: [react(), kotaKit({ host: options.host, clientEntries })],
    resolve: { alias, dedupe: ['react', 'react-dom'] },
    build: { outDir, emptyOutDir: true },
  });
  const server = await startTestHost({
    host: options.host,
    serverModules: Object.values(options.modules).map((module) => module.server),
    database: options.database ?? 'pglite',
    clientDir: outDir,
    clock: options.clock,
  });
  await options.afterStart?.(server);
  const browser = await launchChromium();
  return {
    server,
    browser,
    async phone(phoneOptions = {}) {
      const context = await browser.newContext({ ...phoneViewport, baseURL: server.url, locale: phoneOptions.locale ?? phoneViewport.locale });
      if (phoneOptions.offline) await context.setOffline(true);
      return context.newPage();
    },
    async signIn(page, email, next) {
      await page.goto(`/login?next=${encodeURIComponent(next)}`);
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Kata sandi').fill(demoPasswordForTests);
      await page.getByRole('button', { name: 'Masuk' }).click();
      await page.waitForURL((url) => url.pathname !== '/login');
      if (new URL(page.url()).pathname !== next) await page.goto(next);
    },
    async close() {
      await browser.close();
      await server.close();
      await rm(outDir, { recursive: true, force: true });
      await rm(root, { recursive: true, force: true });
    },
  };
}
