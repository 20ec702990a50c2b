import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { compress } from 'hono/compress';
import { getCookie } from 'hono/cookie';
import { csrf } from 'hono/csrf';
import { sql } from 'kysely';
import { randomUUID } from 'node:crypto';
import { resolveHost, tablePrefix, type HostConfig, type HostInput } from '../contract.js';
import { problemTypes } from '../problem.js';
import { languages, type Language } from '../region.js';
import type { ClientBootstrap } from '../types.js';
import { coreMigrations } from './core-migrations.js';
import { openDatabase, type Database } from './db.js';
import { apiDocsHtml } from './docs.js';
import { createApi, problemResponse, toProblem, type AppEnv } from './http.js';
import { applyMigrations } from './migrations.js';
import type { AnyServerModule, ModuleContext, ServerModule } from './module.js';
import { createAccess, createAccount, createPeople, createRateLimit, demoPassword, ensureDemoAccount, findSessionUser, peopleRoutes, recordAudit, sessionCookie } from './people.js';
import { createLogger, EventBus, LocalFileStorage, systemClock, type Clock, type FileStorage, type Logger } from './services.js';
import { mountWebApp } from './web.js';

export interface ServerOptions {
  /** The host config (kota.config.ts). Validated here: an invalid config stops start-up. */
  host: HostInput;
  /**
   * How to load `<package>/server` for each module. Pass `(specifier) => import(specifier)` from the host's own
   * entry so packages resolve from the host's dependencies.
   */
  importModule?: (specifier: string) => Promise<unknown>;
  /** Server parts given directly (tests, a region's in-repo module); these win over `importModule`. */
  serverModules?: AnyServerModule[];
  /** postgres://… for a PostgreSQL server; otherwise the embedded database in `dataDir`. */
  databaseUrl?: string;
  /** Folder of the embedded database; omit for in-memory (tests). */
  dataDir?: string;
  /** Demo mode: demo accounts and demo data. Off in production. */
  demo?: boolean;
  /** Built browser app (Vite's output folder) to serve; omit for an API-only server. */
  clientDir?: string;
  /** Where uploads go (local disk). */
  storage?: FileStorage;
  uploadsDir?: string;
  clock?: Clock;
  logger?: Logger;
  /** Run background jobs on timers (default true). Tests run them by hand with `runJob`. */
  jobs?: boolean;
  /** Mark cookies Secure (behind HTTPS). Default: true unless demo. */
  secureCookies?: boolean;
  /** Take the client address from X-Forwarded-For (behind a trusted reverse proxy). */
  trustProxy?: boolean;
  /** First admin for a production database, created when no admin exists. */
  bootstrapAdmin?: { email: string; password: string; name?: string };
}

export interface KotaServer {
  app: OpenAPIHono<AppEnv>;
  config: HostConfig;
  database: Database;
  events: EventBus;
  /** Context a module gets; for tests and scripts. */
  moduleContext(moduleId: string): ModuleContext;
  runJob(moduleId: string, name: string): Promise<void>;
  listen(port?: number, hostname?: string): Promise<{ port: number; url: string }>;
  close(): Promise<void>;
}

function isServerModule(value: unknown): value is ServerModule {
  return typeof value === 'object' && value !== null && 'definition' in value && 'migrations' in value;
}

async function loadServerModules(config: HostConfig, options: ServerOptions): Promise<Map<string, AnyServerModule>> {
  const loaded = new Map<string, AnyServerModule>();
  for (const item of options.serverModules ?? []) loaded.set(item.definition.id, item);
  for (const { definition } of config.modules) {
    if (loaded.has(definition.id)) continue;
    if (!options.importModule) throw new Error(`Module "${definition.id}": no server part given and no importModule to load "${definition.package}/server".`);
    const specifier = `${definition.package}/server`;
    let imported: { default?: unknown };
    try {
      imported = (await options.importModule(specifier)) as { default?: unknown };
    } catch (error) {
      throw new Error(`Module "${definition.id}": cannot load "${specifier}" (${(error as Error).message}). Is the package installed in the host?`, { cause: error });
    }
    if (!isServerModule(imported.default)) throw new Error(`Module "${definition.id}": "${specifier}" has no default export made with defineServerModule().`);
    if (imported.default.definition.id !== definition.id) throw new Error(`Module "${definition.id}": "${specifier}" is the server part of "${imported.default.definition.id}".`);
    loaded.set(definition.id, imported.default);
  }
  return loaded;
}

function requestLanguage(c: Context<AppEnv>, fallback: Language): Language {
  const wanted = [c.req.query('lang'), getCookie(c, 'kk_lang'), ...(c.req.header('accept-language') ?? '').split(',').map((part) => part.split(';')[0]?.trim().slice(0, 2))];
  return (wanted.find((lang) => languages.includes(lang as Language)) as Language | undefined) ?? fallback;
}

/** Builds a host: validates config, opens the database, applies migrations, seeds demo data, mounts every module. */
export async function createServer(options: ServerOptions): Promise<KotaServer> {
  const config = resolveHost(options.host);
  const log = options.logger ?? createLogger({ app: config.region.appName });
  const clock = options.clock ?? systemClock;
  const demo = options.demo ?? false;
  const serverModules = await loadServerModules(config, options);

  const database = await openDatabase({ url: options.databaseUrl, dataDir: options.dataDir });
  const { db } = database;
  const events = new EventBus(log);
  for (const [name, handlers] of Object.entries(config.on)) for (const handler of handlers) events.on(name, handler);
  const storage = options.storage ?? new LocalFileStorage(options.uploadsDir ?? '.data/uploads');
  const rateLimit = createRateLimit(db, clock);

  const contexts = new Map<string, ModuleContext>();
  for (const { definition, options: moduleOptions } of config.modules) {
    const moduleId = definition.id;
    contexts.set(moduleId, {
      moduleId,
      tablePrefix: tablePrefix(moduleId),
      options: moduleOptions,
      region: config.region,
      db,
      databaseKind: database.kind,
      log: log.child({ module: moduleId }),
      clock,
      storage,
      access: createAccess(moduleId),
      people: createPeople(db, moduleId),
      rateLimit,
      emit: (name, payload) => events.emit(`${moduleId}.${name}`, payload, clock.now()),
      audit: (source, entry) => recordAudit(db, moduleId, 'actor' in source ? source.actor : source.get('user'), entry, clock.now()),
      ensureDemoAccount: (account) => ensureDemoAccount(db, moduleId, account),
      demo,
    });
  }

  // Start-up work runs under one lock, so server processes starting together on one PostgreSQL
  // never apply a migration or load demo data twice.
  const prepare = async () => {
    await applyMigrations(database, 'core', coreMigrations);
    for (const agency of config.region.agencies) {
      await db
        .insertInto('core_agencies')
        .values({ id: agency.id, name: agency.name, short_name: agency.shortName })
        .onConflict((oc) => oc.column('id').doUpdateSet({ name: agency.name, short_name: agency.shortName }))
        .execute();
    }
    for (const { definition } of config.modules) {
      const applied = await applyMigrations(database, definition.id, serverModules.get(definition.id)!.migrations);
      if (applied.length) log.info('migrations applied', { module: definition.id, migrations: applied });
    }
    if (demo) {
      const firstAgency = config.region.agencies[0]?.id ?? null;
      await ensureDemoAccount(db, 'core', { email: 'admin@demo.kotakit.id', name: 'Admin Demo', kind: 'admin' });
      await ensureDemoAccount(db, 'core', { email: 'warga@demo.kotakit.id', name: 'Warga Demo', kind: 'citizen' });
      if (firstAgency) await ensureDemoAccount(db, 'core', { email: 'petugas@demo.kotakit.id', name: 'Petugas Demo', kind: 'officer', agencyId: firstAgency });
      for (const { definition } of config.modules) {
        const seed = serverModules.get(definition.id)!.seed;
        if (!seed) continue;
        const done = await db.selectFrom('core_seeds').select('module').where('module', '=', definition.id).executeTakeFirst();
        if (done) continue;
        await seed(contexts.get(definition.id)!);
        await db.insertInto('core_seeds').values({ module: definition.id }).execute();
        log.info('demo data loaded', { module: definition.id });
      }
    } else {
      // Demo accounts (and their well-known password) must never survive into a real deployment.
      await db.deleteFrom('core_users').where('demo', '=', true).execute();
    }
    if (options.bootstrapAdmin) {
      const admin = await db.selectFrom('core_users').select('id').where('kind', '=', 'admin').executeTakeFirst();
      if (!admin) {
        await createAccount(db, { ...options.bootstrapAdmin, name: options.bootstrapAdmin.name ?? 'Admin', kind: 'admin' });
        log.info('first admin account created');
      }
    }
  };
  try {
    await database.withLock('kota-kit:startup', prepare);
    // The embedded database has no autovacuum: fresh statistics let the planner use the modules' indexes.
    if (database.kind === 'pglite') await sql`analyze`.execute(db);
  } catch (error) {
    await database.close();
    throw error;
  }

  // ------------------------------------------------------------------ HTTP
  const app = createApi();
  const startedAt = Date.now();

  // Citizens are on slow mobile data: text answers (pages, scripts, JSON, CSV) travel compressed.
  app.use('*', compress());
  app.use('*', async (c, next) => {
    c.set('requestId', c.req.header('x-request-id') ?? randomUUID());
    c.set('lang', requestLanguage(c, config.region.defaultLanguage));
    const forwarded = options.trustProxy ? c.req.header('x-forwarded-for')?.split(',')[0]?.trim() : undefined;
    let remote = 'unknown';
    try {
      remote = getConnInfo(c).remote.address ?? 'unknown';
    } catch {
      // Requests made in-process (app.request in tests) have no socket.
    }
    c.set('clientIp', forwarded ?? remote);
    const token = getCookie(c, sessionCookie);
    c.set('user', token ? await findSessionUser(db, token, clock.now()) : null);
    await next();
    // Answers for a signed-in user must not be kept by shared caches or by the service worker on a shared phone.
    if (c.req.path.startsWith('/api/') && !c.res.headers.has('cache-control')) {
      c.header('cache-control', c.get('user') || token ? 'private, no-store' : 'no-cache');
    }
    c.header('x-request-id', c.get('requestId'));
    c.header('x-content-type-options', 'nosniff');
    c.header('referrer-policy', 'strict-origin-when-cross-origin');
  });
  // Cookie-authenticated form posts must come from our own pages.
  // Compared by host, so it also holds behind a reverse proxy that terminates HTTPS.
  app.use(
    '/api/*',
    csrf({
      origin: (origin, c) => {
        const host = (options.trustProxy ? c.req.header('x-forwarded-host') : undefined) ?? c.req.header('host');
        try {
          return new URL(origin).host === host;
        } catch {
          return false;
        }
      },
    }),
  );

  app.onError((error, c) => {
    const instance = new URL(c.req.url).pathname;
    const problem = toProblem(error, instance);
    if (problem) return problemResponse(c, problem);
    log.error('request failed', { requestId: c.get('requestId'), path: instance, error });
    return problemResponse(c, { type: problemTypes.internal, title: 'Internal Server Error', status: 500, detail: 'Something went wrong on our side.', instance });
  });
  app.notFound((c) => problemResponse(c, { type: problemTypes.notFound, title: 'Not found', status: 404, instance: new URL(c.req.url).pathname }));

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/health',
      tags: ['host'],
      summary: 'Health of the host and its database',
      responses: {
        200: {
          description: 'Healthy',
          content: {
            'application/json': {
              schema: z.object({
                status: z.enum(['ok', 'degraded']),
                uptimeSeconds: z.number(),
                database: z.object({ kind: z.enum(['pglite', 'postgres']), status: z.enum(['up', 'down']), latencyMs: z.number().nullable(), error: z.string().optional() }),
                modules: z.array(z.string()),
              }),
            },
          },
        },
        503: { description: 'Database unreachable' },
      },
    }),
    async (c) => {
      const started = performance.now();
      let databaseState: { kind: 'pglite' | 'postgres'; status: 'up' | 'down'; latencyMs: number | null; error?: string };
      try {
        await sql`select 1`.execute(db);
        databaseState = { kind: database.kind, status: 'up', latencyMs: Math.round((performance.now() - started) * 10) / 10 };
      } catch (error) {
        databaseState = { kind: database.kind, status: 'down', latencyMs: null, error: (error as Error).message };
      }
      const body = {
        status: databaseState.status === 'up' ? ('ok' as const) : ('degraded' as const),
        uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
        database: databaseState,
        modules: config.modules.map((item) => item.definition.id),
      };
      return c.json(body, databaseState.status === 'up' ? 200 : (503 as 200));
    },
  );

  const bootstrap: ClientBootstrap = {
    region: {
      name: config.region.name,
      appName: config.region.appName,
      code: config.region.code,
      logo: config.region.logo,
      colors: config.region.colors,
      defaultLanguage: config.region.defaultLanguage,
      timeZone: config.region.timeZone,
      contacts: config.region.contacts,
      agencies: config.region.agencies,
    },
    modules: config.modules.map(({ definition, options: moduleOptions }) => ({
      id: definition.id,
      options: serverModules.get(definition.id)!.publicOptions?.(moduleOptions as never) ?? {},
    })),
    demo,
    languages: [...languages],
  };
  app.get('/api/config', (c) => c.json(bootstrap));

  app.route('/api', peopleRoutes({ db, clock, rateLimit, modules: config.modules.map((item) => item.definition), secureCookies: options.secureCookies ?? !demo }));

  for (const { definition } of config.modules) {
    const serverModule = serverModules.get(definition.id)!;
    const ctx = contexts.get(definition.id)!;
    if (serverModule.routes) {
      const api = createApi();
      serverModule.routes(api, ctx as never);
      app.route(`/api/${definition.id}`, api);
    }
    if (serverModule.rootRoutes) serverModule.rootRoutes(app, ctx as never);
  }

  const openApiDocument = () =>
    app.getOpenAPI31Document({
      openapi: '3.1.0',
      info: {
        title: `${config.region.appName} API`,
        version: '1',
        description: `Public and officer API of ${config.region.name}, built with Kota Kit. Modules: ${config.modules.map((item) => item.definition.id).join(', ')}.`,
      },
    });
  app.get('/api/openapi.json', (c) => c.json(openApiDocument()));
  app.get('/api/docs', (c) => c.html(apiDocsHtml(openApiDocument() as never, '/api/openapi.json')));
  app.all('/api/*', (c) => problemResponse(c, { type: problemTypes.notFound, title: 'Not found', status: 404, instance: new URL(c.req.url).pathname }));

  if (options.clientDir) mountWebApp(app, options.clientDir, bootstrap, config.region);

  // ------------------------------------------------------------------ jobs
  const timers: NodeJS.Timeout[] = [];
  const running = new Set<string>();
  const runJob = async (moduleId: string, name: string) => {
    const job = serverModules.get(moduleId)?.jobs?.find((item) => item.name === name);
    if (!job) throw new Error(`Module "${moduleId}" has no job "${name}".`);
    const key = `${moduleId}:${name}`;
    if (running.has(key)) return;
    running.add(key);
    try {
      await database.withLock(`kota-kit:job:${key}`, () => job.run(contexts.get(moduleId)!), false);
    } finally {
      running.delete(key);
    }
  };
  if (options.jobs ?? true) {
    if (database.kind === 'pglite') {
      // Daily upkeep that PostgreSQL's autovacuum does on a server.
      const upkeep = setInterval(() => {
        sql`vacuum analyze`.execute(db).catch((error) => log.error('database upkeep failed', { error }));
      }, 24 * 3600 * 1000);
      upkeep.unref();
      timers.push(upkeep);
    }
    for (const [moduleId, serverModule] of serverModules) {
      for (const job of serverModule.jobs ?? []) {
        const timer = setInterval(() => {
          runJob(moduleId, job.name).catch((error) => log.error('job failed', { module: moduleId, job: job.name, error }));
        }, job.everySeconds * 1000);
        timer.unref();
        timers.push(timer);
      }
    }
  }

  let httpServer: ReturnType<typeof serve> | null = null;
  return {
    app,
    config,
    database,
    events,
    moduleContext: (moduleId) => {
      const ctx = contexts.get(moduleId);
      if (!ctx) throw new Error(`No module "${moduleId}" in this host.`);
      return ctx;
    },
    runJob,
    listen(port = 3000, hostname = '0.0.0.0') {
      return new Promise((resolvePromise, reject) => {
        httpServer = serve({ fetch: app.fetch, port, hostname }, (info) => {
          log.info('listening', { url: `http://localhost:${info.port}`, demo });
          resolvePromise({ port: info.port, url: `http://127.0.0.1:${info.port}` });
        });
        httpServer.once('error', reject);
      });
    },
    async close() {
      for (const timer of timers) clearInterval(timer);
      if (httpServer) {
        const server = httpServer as unknown as import('node:http').Server;
        server.closeAllConnections?.();
        await new Promise<void>((resolvePromise) => server.close(() => resolvePromise()));
        httpServer = null;
      }
      await database.close();
    },
  };
}

export { demoPassword };
