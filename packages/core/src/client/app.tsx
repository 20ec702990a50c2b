import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { i18n as I18n } from 'i18next';
import { StrictMode, type ReactElement } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { createBrowserRouter, createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';
import type { Language } from '../region.js';
import type { ClientBootstrap } from '../types.js';
import { ApiError } from './api.js';
import { LoginPage, RegisterPage } from './auth-pages.js';
import { KotaKitContext, readBootstrap } from './context.js';
import { createI18n } from './i18n.js';
import type { ClientModule } from './module.js';
import { warmPrecache } from './precache.js';
import { runtime } from './runtime.js';
import { HomePage, NotFoundPage, RouteErrorPage, Shell } from './shell.js';

/** Routes of the shell: home, sign-in, every module page (loaded on first visit), and 404. */
export function createRoutes(modules: ClientModule[]): RouteObject[] {
  const moduleRoutes: RouteObject[] = modules.flatMap((module) =>
    module.routes.map((route) => ({
      path: [module.definition.id, route.path.replace(/^\/+/, '')].filter(Boolean).join('/'),
      lazy: async () => ({ Component: (await route.page()).default }),
    })),
  );
  return [
    {
      path: '/',
      element: <Shell />,
      // Errors render inside the shell, so header and navigation stay usable.
      errorElement: (
        <Shell>
          <RouteErrorPage />
        </Shell>
      ),
      children: [
        {
          errorElement: <RouteErrorPage />,
          children: [
            { index: true, element: <HomePage /> },
            { path: 'login', element: <LoginPage /> },
            { path: 'register', element: <RegisterPage /> },
            { path: 'admin', lazy: async () => ({ Component: (await import('./admin-page.js')).default }) },
            ...moduleRoutes,
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ];
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
}

export interface KotaKitApp {
  i18n: I18n;
  queryClient: QueryClient;
  router: ReturnType<typeof createBrowserRouter>;
  element: ReactElement;
}

/** Builds the whole app without mounting it; startClient mounts it, tests render `element`. */
export function createApp({ bootstrap, modules, language, initialEntries }: CreateAppOptions): KotaKitApp {
  runtime.timeZone = bootstrap.region.timeZone;
  const i18n = createI18n({ modules, defaultLanguage: bootstrap.region.defaultLanguage, language });
  const queryClient = createQueryClient();
  const routes = createRoutes(modules);
  const router = initialEntries ? createMemoryRouter(routes, { initialEntries }) : createBrowserRouter(routes);
  const element = (
    <KotaKitContext.Provider value={{ bootstrap, modules }}>
      <I18nextProvider i18n={i18n} defaultNS="core">
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </I18nextProvider>
    </KotaKitContext.Provider>
  );
  return { i18n, queryClient, router, element };
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
  const app = createApp({ bootstrap, modules: used });
  const root = rootElement ?? document.getElementById('root');
  if (!root) throw new Error('Kota Kit: no element to mount on; add <div id="root"></div> to index.html.');
  createRoot(root).render(<StrictMode>{app.element}</StrictMode>);
  if (serviceWorker) {
    registerServiceWorker();
    // What module pages need offline on first use (`precache`), kept by the worker once it is active.
    warmPrecache(used);
  }
  return app;
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
