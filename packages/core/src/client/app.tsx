import { hydrate as restoreQueries, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { I18n } from './translator.js';
import { lazy, startTransition, StrictMode, type ComponentType, type ReactElement } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { I18nProvider } from './translator.js';
import { Route, Switch } from 'wouter';
import type { Language } from '../region.js';
import type { ClientBootstrap } from '../types.js';
import { ApiError } from './api.js';
import { sessionQuery, sessionQueryKey } from './session.js';
import type { SessionUser } from '../types.js';
import { KotaKitContext, readBootstrap } from './context.js';
import { createI18n, loadTranslations } from './i18n.js';
import type { ClientModule, ClientRoute } from './module.js';
import { warmPrecache } from './precache.js';
import { QueryCollector } from './query.js';
import { runtime } from './runtime.js';
import { BrowserRouter, MemoryRouter, ServerRouter, useLocation } from './router.js';
import { ErrorBoundary, HomePage, NotFoundPage, RouteErrorPage, Shell } from './shell.js';

export interface AppRoute {
  /** Absolute path pattern ("/laksa/laporan/:ticket"). */
  path: string;
  component: ComponentType;
}

/** A module route's absolute path pattern: "/laksa" + "laporan/:ticket". */
function routePath(module: ClientModule, route: ClientRoute): string {
  return `/${[module.definition.id, route.path.replace(/^\/+/, '')].filter(Boolean).join('/')}`;
}

/** Routes of the shell: home, sign-in, admin, every module page (loaded on first visit); the rest is 404. */
export function createRoutes(modules: ClientModule[]): AppRoute[] {
  const moduleRoutes: AppRoute[] = modules.flatMap((module) => module.routes.map((route) => ({ path: routePath(module, route), component: lazy(route.page) })));
  return [
    { path: '/', component: HomePage },
    // Loaded when opened, like a module's pages: most visitors never sign in.
    { path: '/login', component: lazy(() => import('./auth-pages.js').then((pages) => ({ default: pages.LoginPage }))) },
    { path: '/register', component: lazy(() => import('./auth-pages.js').then((pages) => ({ default: pages.RegisterPage }))) },
    { path: '/admin', component: lazy(() => import('./admin-page.js')) },
    { path: '/account', component: lazy(() => import('./account-page.js')) },
    ...moduleRoutes,
  ];
}

/** The page of the current address. A page that fails (a chunk missing offline) shows an error inside the shell. */
function Pages({ routes }: { routes: AppRoute[] }) {
  const { pathname } = useLocation();
  return (
    // Keyed by the path: leaving a failed page clears the error.
    <ErrorBoundary key={pathname} fallback={(_retry, error) => <RouteErrorPage error={error} />}>
      <Switch>
        {routes.map((route) => (
          <Route key={route.path} path={route.path} component={route.component} />
        ))}
        <Route component={NotFoundPage} />
      </Switch>
    </ErrorBoundary>
  );
}

/** Defaults for cheap phones on slow data: keep answers a while, retry network failures, not 4xx. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 60_000,
        gcTime: 30 * 60_000,
        refetchOnWindowFocus: false,
        retry: (failureCount, error) => {
          if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
          return failureCount < 2;
        },
        retryDelay: (attempt) => Math.min(1000 * 2 ** attempt, 8000),
      },
      mutations: { retry: false },
    },
  });
}

export interface CreateAppOptions {
  bootstrap: ClientBootstrap;
  modules: ClientModule[];
  /** Forces a language instead of the stored choice or the region default. */
  language?: Language;
  /** A memory router at these URLs instead of the browser's address bar (tests). */
  initialEntries?: string[];
  /** Rendering on the server: the page's path and query. */
  serverUrl?: string;
  /** Rendering on the server: told of every query the page renders (`@kota-kit/core/render` fetches their answers). */
  collectQueries?: (options: unknown) => void;
}

export interface KotaKitApp {
  i18n: I18n;
  queryClient: QueryClient;
  element: ReactElement;
}

/** Builds the whole app without mounting it; startClient mounts it, tests render `element`. */
export function createApp({ bootstrap, modules, language, initialEntries, serverUrl, collectQueries }: CreateAppOptions): KotaKitApp {
  runtime.timeZone = bootstrap.region.timeZone;
  const i18n = createI18n({ modules, defaultLanguage: bootstrap.region.defaultLanguage, language });
  const queryClient = createQueryClient();
  const routes = createRoutes(modules);
  const pages = (
    <Shell>
      <Pages routes={routes} />
    </Shell>
  );
  const element = (
    <QueryCollector.Provider value={collectQueries ?? null}>
      <KotaKitContext.Provider value={{ bootstrap, modules }}>
        <I18nProvider i18n={i18n}>
          <QueryClientProvider client={queryClient}>
            {serverUrl !== undefined ? (
              <ServerRouter url={serverUrl}>{pages}</ServerRouter>
            ) : initialEntries ? (
              <MemoryRouter initialEntries={initialEntries}>{pages}</MemoryRouter>
            ) : (
              <BrowserRouter>{pages}</BrowserRouter>
            )}
          </QueryClientProvider>
        </I18nProvider>
      </KotaKitContext.Provider>
    </QueryCollector.Provider>
  );
  return { i18n, queryClient, element };
}

export interface StartClientOptions {
  modules: ClientModule[];
  /** Where to mount; defaults to `#root`. */
  rootElement?: HTMLElement | null;
  /** Register `/sw.js` for offline reading; set false to opt out (the server still serves it). */
  serviceWorker?: boolean;
}

/** Starts the browser app of a host. */
export function startClient({ modules, rootElement, serviceWorker = true }: StartClientOptions): KotaKitApp {
  const bootstrap = readBootstrap();
  const active = new Set(bootstrap.modules.map((module) => module.id));
  // The server's module list is the truth; a client module it does not know would call an API that is not there.
  const used = modules.filter((module) => active.has(module.definition.id));
  const rendered = readRenderState();
  // The server rendered the page in its language (the visitor's cookie, else the region's): start in the same one.
  const app = createApp({ bootstrap, modules: used, language: rendered?.language });
  const root = rootElement ?? document.getElementById('root');
  if (!root) throw new Error('Kota Kit: no element to mount on; add <div id="root"></div> to index.html.');
  if (rendered) {
    // The server rendered this page: the browser's first render must produce the same markup, so it starts from
    // what the server knew (who is signed in) and the answers it rendered with (no second request, no spinner).
    app.queryClient.setQueryData(sessionQueryKey, rendered.user);
    if (rendered.queries) restoreQueries(app.queryClient, rendered.queries);
  }
  // The first render waits for the tables of the visitor's language (one small chunk per module); the server's page or
  // the boot shell stays until then. As a transition, React renders (or hydrates) in small slices instead of one long
  // task that would hold up a slow phone's taps (Lighthouse's "total blocking time").
  const mount = () =>
    startTransition(() => {
      document.documentElement.setAttribute('data-kk-app', 'started');
      const element = <StrictMode>{app.element}</StrictMode>;
      if (rendered) hydrateRoot(root, element, { onRecoverableError: (error) => console.error("Kota Kit: the page differed from the server's markup", error) });
      else createRoot(root).render(element);
    });
  // Meanwhile the page's own code and who is signed in are fetched too, instead of one after the other.
  warmUp(used, window.location.pathname, app.queryClient);
  loadTranslations(app.i18n, app.i18n.language as Language).then(mount, (error: unknown) => {
    // Offline without the chunks cached: render anyway; texts show their keys rather than nothing at all.
    console.error('Kota Kit: translations could not be loaded', error);
    mount();
  });
  if (serviceWorker) {
    registerServiceWorker();
    // What module pages need offline on first use (`precache`), kept by the worker once it is active.
    warmPrecache(used, bootstrap.region.boundaries ? [bootstrap.region.boundaries] : []);
  }
  return app;
}

interface RenderState {
  language: Language;
  user: SessionUser | null;
  path: string;
  /** TanStack Query's dehydrated state: the answers the page was rendered with. */
  queries?: Parameters<typeof restoreQueries>[1];
}

/** What the server put beside the markup it rendered (`@kota-kit/core/render`), or null for a page it did not render. */
function readRenderState(): RenderState | null {
  const block = document.getElementById('kk-rendered');
  if (!block?.textContent) return null;
  try {
    const state = JSON.parse(block.textContent) as RenderState;
    // Offline, the service worker may answer with another page's markup (the home page): render this one instead.
    return state.path === window.location.pathname ? state : null;
  } catch {
    return null;
  }
}

/** Whether a route pattern ("/laksa/laporan/:ticket") matches a path. */
export function routeMatches(pattern: string, path: string): boolean {
  const wanted = pattern.split('/').filter(Boolean);
  const given = path.split('/').filter(Boolean);
  return wanted.length === given.length && wanted.every((part, index) => part.startsWith(':') || part === given[index]);
}

/**
 * Starts, in parallel with the translations, what the first render would otherwise ask for one after the other
 * on a slow connection: the home widgets' code or the page's code, and the session. The browser keeps each
 * imported chunk, so the lazy components that ask again later get it at once.
 */
function warmUp(modules: ClientModule[], path: string, queryClient: QueryClient): void {
  void queryClient.prefetchQuery(sessionQuery); // a no-op when the server already said who is signed in
  const ignore = () => undefined; // a failure shows where the part renders (its error boundary), not here
  // In a task of its own: asking for a part's code also inserts a preload link for each script it imports (Vite's
  // helper, about a millisecond each), which would lengthen the task that evaluates the app.
  const start = (load: () => Promise<unknown>) => setTimeout(() => load().catch(ignore), 0);
  if (path === '/' || path === '') {
    for (const module of modules) for (const widget of module.widgets ?? []) start(widget.widget);
    return;
  }
  const route = modules.flatMap((module) => module.routes.map((item) => ({ pattern: routePath(module, item), page: item.page }))).find((item) => routeMatches(item.pattern, path));
  if (route) start(route.page);
}

/** Registers `/sw.js` after the page has loaded, so it never competes with the first paint. */
export function registerServiceWorker(url = '/sw.js'): void {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  const register = () => {
    navigator.serviceWorker.register(url).catch((error: unknown) => {
      console.warn('Kota Kit: service worker not registered', error);
    });
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
