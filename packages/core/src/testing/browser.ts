/** The browser harness: a built host with chosen modules in headless Chromium on a phone viewport. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HostInput } from '../contract.js';
import type { AnyServerModule } from '../server/module.js';
import { demoPassword as demoPasswordForTests } from '../server/people/accounts.js';
import type { Clock } from '../server/services.js';
import { startTestHost, type TestDatabaseTarget, type TestHost } from './server.js';

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
  const { kotaKit } = await import('../vite.js');
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
      // Tests never reach the internet: a request to another machine (a map tile server such as OpenStreetMap's
      // default, a font, an analytics script) fails at once, as it would offline. Local servers are reachable.
      await context.route(
        (url) => !['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname),
        (route) => route.abort('internetdisconnected'),
      );
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

/**
 * Waits until the app has taken the page over (`<html data-kk-app="ready">`): pages arrive rendered by the server,
 * and a form sent or a button pressed before that does nothing yet.
 */
export async function waitForApp(page: { locator(selector: string): { waitFor(options: { state: 'attached'; timeout?: number }): Promise<void> } }, timeout = 30_000): Promise<void> {
  await page.locator('html[data-kk-app="ready"]').waitFor({ state: 'attached', timeout });
}

/** The parts of a Playwright browser context the journal listens to (kept structural: playwright-core stays optional). */
interface JournalContext {
  on(event: 'page', listener: (page: JournalPage) => void): unknown;
  on(event: 'requestfailed', listener: (request: { url(): string; method(): string; failure(): { errorText: string } | null }) => void): unknown;
  on(event: 'response', listener: (response: { url(): string; status(): number; request(): { method(): string }; fromServiceWorker(): boolean }) => void): unknown;
}
interface JournalPage {
  on(event: 'pageerror', listener: (error: Error) => void): unknown;
  on(event: 'console', listener: (message: { type(): string; text(): string }) => void): unknown;
  on(event: 'framenavigated', listener: (frame: { url(): string; parentFrame(): unknown }) => void): unknown;
}

/**
 * What a browser context went through, one timed line each: navigations, API answers, failed requests, page errors
 * and console errors. A browser test prints it when it fails (`onTestFailed`), so a failure seen only on CI says
 * what the page was waiting for instead of only "timeout".
 */
export function recordBrowser(context: JournalContext): { lines: string[]; report(): string } {
  const started = Date.now();
  const lines: string[] = [];
  const note = (line: string) => lines.push(`+${((Date.now() - started) / 1000).toFixed(2)} s ${line}`);
  const path = (url: string) => {
    try {
      const parsed = new URL(url);
      return parsed.pathname + parsed.search;
    } catch {
      return url;
    }
  };
  context.on('page', (page) => {
    page.on('pageerror', (error) => note(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') note(`console ${message.type()}: ${message.text()}`);
    });
    page.on('framenavigated', (frame) => {
      if (!frame.parentFrame()) note(`at ${path(frame.url())}`);
    });
  });
  context.on('requestfailed', (request) => note(`failed ${request.method()} ${path(request.url())}: ${request.failure()?.errorText ?? '?'}`));
  context.on('response', (response) => {
    const url = path(response.url());
    // The service worker's own fetch and its answer to the page are two responses; say which is which.
    const via = response.fromServiceWorker() ? ' (answered by the service worker)' : '';
    if (url.startsWith('/api/') || response.status() >= 400) note(`${response.status()} ${response.request().method()} ${url}${via}`);
  });
  return { lines, report: () => lines.join('\n') };
}
