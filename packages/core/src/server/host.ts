import { serve } from '@hono/node-server';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { sql, type Kysely } from 'kysely';
import { localDate } from '../calendar.js';
import { HostConfigError, resolveHost, type HostConfig, type HostInput } from '../contract.js';
import { problemTypes } from '../problem.js';
import { languages } from '../region.js';
import type { ClientBootstrap, PageRenderer } from '../types.js';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { boundary } from './boundary.js';
import { compressAnswers } from './compress.js';
import { createModuleContext } from './context.js';
import type { CoreTables } from './core-tables.js';
import { openDatabase, type Database } from './db.js';
import { apiDocsHtml } from './docs.js';
import { boundariesRoute, boundariesUrl, splitGeography, type GeographyParts } from './geography.js';
import { healthRoute } from './health.js';
import { createApi, problemResponse, type AppEnv } from './http.js';
import { runJanitor, vacuumEmbedded } from './jobs.js';
import type { AnyServerModule, ModuleContext, ServerModule } from './module.js';
import { openApiDocument } from './openapi.js';
import { demoPassword } from './people/accounts.js';
import { createRateLimit } from './people/rate-limit.js';
import { peopleRoutes } from './people/routes.js';
import { errorHandler, originRule, requestContext, rootErrorFormats, unmatchedApi } from './requests.js';
import { createLogger, EventBus, LocalFileStorage, systemClock, type Clock, type FileStorage, type Logger } from './services.js';
import { prepareDatabase } from './startup.js';
import { mountWebApp } from './web.js';
import { bodyLimits, redactPath, securityHeaders, type BodyLimits } from './security.js';
import { scheduleBackups } from './backup.js';
import { createResponseCache, type ResponseCacheOptions } from './response-cache.js';

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
  /**
   * The host's built render entry (`vite build --ssr src/render.ts` → `dist/render/render.js`, exporting
   * `render = createPageRenderer(clientModules)` from `@kota-kit/core/render`): pages arrive with their first view
   * rendered. A file that is not there: pages start with the boot shell and the browser renders them.
   */
  renderEntry?: string;
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
  /**
   * Reverse proxies in front of the server (`KOTA_TRUST_PROXY=<hops>`; `true` is one). The client address is taken
   * that many entries from the right of X-Forwarded-For, never from the client-controlled left end.
   */
  trustProxy?: boolean | number;
  /** Request body limits (JSON and forms; multipart uploads). */
  bodyLimits?: BodyLimits;
  /** First admin for a production database, created when no admin exists. */
  bootstrapAdmin?: { email: string; password: string; name?: string };
  /** Daily snapshots of the database and uploads into `dir`, the last `keepDays` days kept (default 7). Off when omitted. */
  backups?: { dir: string; keepDays?: number };
  /**
   * The public origin the region's users reach (`KOTA_PUBLIC_URL`, e.g. "https://live.tangerangkota.go.id"), given
   * to modules as `ctx.publicUrl` for the absolute links they hand out (Open311, tracking links). Absolute links
   * are never taken from the Host header. Unset: modules hand out links relative to the server's root.
   */
  publicUrl?: string;
  /**
   * Public answers modules mark with `ctx.publicAnswer` are kept in memory until a write changes them (default on,
   * 32 MB). `false` makes every request run its queries (benchmarks of the queries themselves).
   */
  responseCache?: false | ResponseCacheOptions;
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


/** Core's holiday calendar must cover this year and the next, or working-day deadlines silently skip holidays. */
function warnAboutCalendar(config: HostConfig, clock: Clock, log: Logger): void {
  const year = Number(localDate(clock.now(), config.region.timeZone).slice(0, 4));
  const covered = new Set(config.region.holidays.map((day) => day.date.slice(0, 4)));
  const missing = [year, year + 1].filter((wanted) => !covered.has(String(wanted)));
  if (missing.length) {
    log.warn('region.holidays does not cover these years; working-day deadlines will count their holidays as working days', { years: missing });
  }
}

/** What the browser app learns at start: the region's identity and each module's public options (never secrets). */
function clientBootstrap(config: HostConfig, serverModules: Map<string, AnyServerModule>, demo: boolean, geography: GeographyParts | null): ClientBootstrap {
  const { region } = config;
  return {
    region: {
      name: region.name,
      appName: region.appName,
      code: region.code,
      logo: region.logo,
      colors: region.colors,
      defaultLanguage: region.defaultLanguage,
      timeZone: region.timeZone,
      contacts: region.contacts,
      agencies: region.agencies,
      // Bounds and kecamatan centres for core's map (RegionMap); absent when the region gives none. The boundaries
      // are fetched where they are needed (`useRegionGeography`), not carried by every page.
      ...(geography ? { geography: geography.outline } : {}),
      ...(geography?.boundaries ? { boundaries: boundariesUrl(geography.boundaries.version) } : {}),
      // The street map's tiles (core's RegionMap loads them lazily; the drawing above is the offline fallback).
      map: region.map,
    },
    modules: config.modules.map(({ definition, options }) => ({ id: definition.id, options: serverModules.get(definition.id)!.publicOptions?.(options) ?? {} })),
    demo,
    languages: [...languages],
  };
}

/** `publicUrl` as an http(s) origin (with an optional path) without a trailing slash; a bad value stops start-up. */
function publicUrlOf(value: string | undefined): string | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new HostConfigError([`publicUrl (KOTA_PUBLIC_URL) "${value}" is not a URL; give the origin users reach, e.g. https://live.example.go.id`]);
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.search || url.hash || url.username || url.password) {
    throw new HostConfigError([`publicUrl (KOTA_PUBLIC_URL) "${value}" must be an http(s) origin without query, fragment or credentials, e.g. https://live.example.go.id`]);
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** Builds a host: validates config, opens the database, applies migrations, seeds demo data, mounts every module. */
export async function createServer(options: ServerOptions): Promise<KotaServer> {
  const config = resolveHost(options.host);
  const log = options.logger ?? createLogger({ app: config.region.appName });
  const clock = options.clock ?? systemClock;
  const demo = options.demo ?? false;
  const publicUrl = publicUrlOf(options.publicUrl);
  const serverModules = await loadServerModules(config, options);
  warnAboutCalendar(config, clock, log);

  const database = await openDatabase({ url: options.databaseUrl, dataDir: options.dataDir });
  const db: Kysely<CoreTables> = database.db;
  const events = new EventBus(log);
  for (const [name, handlers] of Object.entries(config.on)) for (const handler of handlers) events.on(name, handler);
  const storage = options.storage ?? new LocalFileStorage(options.uploadsDir ?? '.data/uploads');
  const rateLimit = createRateLimit(db, clock);
  const responseCache = createResponseCache({
    db,
    clock,
    timeZone: config.region.timeZone,
    enabled: options.responseCache !== false,
    ...(options.responseCache || {}),
  });
  const services = { db, databaseKind: database.kind, region: config.region, log, clock, storage, rateLimit, events, demo, publicUrl, responseCache };
  const contexts = new Map(config.modules.map((resolved) => [resolved.definition.id, createModuleContext(resolved, services)]));

  try {
    await prepareDatabase({ database, config, modules: serverModules, contexts, demo, log, bootstrapAdmin: options.bootstrapAdmin });
    // The embedded database has no autovacuum: fresh statistics let the planner use the modules' indexes.
    if (database.kind === 'pglite') await sql`analyze`.execute(db);
  } catch (error) {
    await database.close();
    throw error;
  }

  // ------------------------------------------------------------------ HTTP
  const app = createApi();
  // Citizens are on slow mobile data: text answers (pages, scripts, JSON, CSV) travel compressed.
  app.use('*', compressAnswers());
  const trustedHops = options.trustProxy === true ? 1 : Number(options.trustProxy || 0);
  app.use('*', securityHeaders(trustedHops));
  app.use('*', requestContext({ db, clock, defaultLanguage: config.region.defaultLanguage, trustedHops }));
  // Before the body limit and the boundary, so that their refusals under a module's root paths are reformatted too.
  app.use('*', rootErrorFormats([...serverModules.values()].flatMap((item) => (item.rootErrors ? [item.rootErrors] : []))));
  app.use('*', bodyLimits(options.bodyLimits));
  app.use('*', boundary());
  app.use('/api/*', originRule(trustedHops > 0));
  app.onError(errorHandler(log));
  app.notFound((c) => problemResponse(c, { type: problemTypes.notFound, title: 'Not found', status: 404, instance: redactPath(c.req.path) }));

  healthRoute(app, database, config);
  const geography = config.region.geography ? splitGeography(config.region.geography) : null;
  const bootstrap = clientBootstrap(config, serverModules, demo, geography);
  app.get('/api/config', (c) => c.json(bootstrap));
  boundariesRoute(app, geography?.boundaries ?? null);
  app.route(
    '/api',
    peopleRoutes({
      db,
      clock,
      rateLimit,
      modules: config.modules.map((item) => item.definition),
      secureCookies: options.secureCookies ?? !demo,
      accountModules: config.modules.map(({ definition }) => {
        const serverModule = serverModules.get(definition.id)!;
        const ctx = contexts.get(definition.id)!;
        return {
          moduleId: definition.id,
          data: serverModule.accountData && ((userId: string) => serverModule.accountData!(ctx, userId)),
          forget: serverModule.forgetAccount && ((work, userId: string) => serverModule.forgetAccount!(ctx, work, userId)),
          emit: ctx.emit,
        };
      }),
      log,
      emit: (name, payload) => events.emit(`core.${name}`, payload, clock.now()),
    }),
  );
  for (const { definition } of config.modules) {
    const serverModule = serverModules.get(definition.id)!;
    const ctx = contexts.get(definition.id)!;
    if (serverModule.api) app.route(`/api/${definition.id}`, serverModule.api(ctx));
    if (serverModule.routes) {
      const api = createApi();
      serverModule.routes(api, ctx);
      app.route(`/api/${definition.id}`, api);
    }
    if (serverModule.rootRoutes) serverModule.rootRoutes(app, ctx);
  }
  app.get('/api/openapi.json', (c) => c.json(openApiDocument(app, config)));
  app.get('/api/docs', (c) => c.html(apiDocsHtml(openApiDocument(app, config), '/api/openapi.json')));
  app.all('/api/*', unmatchedApi(app));
  mountWebApp(app, {
    clientDir: options.clientDir,
    render: await loadRenderer(options.renderEntry, log),
    bootstrap,
    region: config.region,
    publicUrl,
    log,
    pages: config.modules.flatMap(({ definition }) =>
      (serverModules.get(definition.id)!.pages?.(contexts.get(definition.id)!) ?? []).map((page) => ({
        moduleId: definition.id,
        path: `/${definition.id}${page.path === '/' ? '' : page.path}`,
        page,
      })),
    ),
    sitemapFiles: config.modules.flatMap(({ definition }) => serverModules.get(definition.id)!.sitemapFiles ?? []),
    allow: config.modules.reduce(
      (allow, { definition }) => {
        const wanted = serverModules.get(definition.id)!.contentSecurity?.(contexts.get(definition.id)!);
        allow.frames.push(...(wanted?.frames ?? []));
        allow.images.push(...(wanted?.images ?? []));
        return allow;
      },
      { frames: [] as string[], images: [] as string[] },
    ),
    sitemaps: config.modules.flatMap(({ definition }) => {
      const serverModule = serverModules.get(definition.id)!;
      return serverModule.sitemap ? [{ moduleId: definition.id, entries: () => serverModule.sitemap!(contexts.get(definition.id)!) }] : [];
    }),
  });

  // ------------------------------------------------------------------ jobs
  const coreJobs: Record<string, { everySeconds: number; run: () => Promise<unknown> }> = {
    janitor: { everySeconds: 3600, run: () => runJanitor({ database, clock, storage, log, modules: serverModules, contexts }) },
    vacuum: { everySeconds: 24 * 3600, run: () => vacuumEmbedded(database) },
  };
  const running = new Set<string>();
  const runJob = async (moduleId: string, name: string) => {
    const coreJob = moduleId === 'core' ? coreJobs[name] : undefined;
    const job = serverModules.get(moduleId)?.jobs?.find((item) => item.name === name);
    if (!coreJob && !job) throw new Error(`Module "${moduleId}" has no job "${name}".`);
    const key = `${moduleId}:${name}`;
    if (running.has(key)) return;
    running.add(key);
    try {
      await database.withLock(`kota-kit:job:${key}`, () => (coreJob ? coreJob.run() : job!.run(contexts.get(moduleId)!)), false);
    } finally {
      running.delete(key);
    }
  };
  const timers: NodeJS.Timeout[] = [];
  const stopBackups =
    options.backups && (options.jobs ?? true)
      ? scheduleBackups({
          database,
          databaseUrl: options.databaseUrl,
          uploadsDir: options.uploadsDir ?? '.data/uploads',
          backupDir: options.backups.dir,
          keepDays: options.backups.keepDays,
          clock,
          log: log.child({ job: 'backup' }),
        })
      : null;
  if (options.jobs ?? true) {
    const schedule = (moduleId: string, name: string, everySeconds: number) => {
      const timer = setInterval(() => {
        runJob(moduleId, name).catch((error) => log.error('job failed', { module: moduleId, job: name, error }));
      }, everySeconds * 1000);
      timer.unref();
      timers.push(timer);
    };
    for (const [name, job] of Object.entries(coreJobs)) schedule('core', name, job.everySeconds);
    for (const [moduleId, serverModule] of serverModules) for (const job of serverModule.jobs ?? []) schedule(moduleId, job.name, job.everySeconds);
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
      await stopBackups?.();
      if (httpServer) {
        const server = httpServer;
        // An HTTP/1 server (what `serve` makes here) drops its idle keep-alive connections, or close() waits for them.
        if ('closeAllConnections' in server) server.closeAllConnections();
        await new Promise<void>((resolvePromise) => server.close(() => resolvePromise()));
        httpServer = null;
      }
      await database.close();
    },
  };
}

export { demoPassword };

/** The render entry's `render` function; a host built without one serves the boot shell. */
async function loadRenderer(file: string | undefined, log: Logger): Promise<PageRenderer | undefined> {
  if (!file) return undefined;
  if (!existsSync(file)) {
    log.warn('no render entry: pages start with the boot shell', { file });
    return undefined;
  }
  const entry = (await import(pathToFileURL(file).href)) as { render?: unknown };
  if (typeof entry.render !== 'function') throw new HostConfigError([`${file} must export render = createPageRenderer(clientModules) from @kota-kit/core/render.`]);
  return entry.render as PageRenderer;
}
