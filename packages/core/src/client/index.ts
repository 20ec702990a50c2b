/**
 * @kota-kit/core/client — the browser half: app shell, hooks, UI components, translations.
 * Modules import everything they need for the browser from here (router and data hooks included).
 */
export * from './module.js';
export { startClient, createApp, createRoutes, createQueryClient, registerServiceWorker } from './app.js';
export type { StartClientOptions, CreateAppOptions, KotaKitApp } from './app.js';
export { readBootstrap, useBootstrap, useClientModules, useModuleOptions } from './context.js';
export { useSession, sessionQueryKey } from './session.js';
export type { RegisterInput } from './session.js';
export { createI18n, changeLanguage, useModuleTranslation, useLanguage, languageStorageKey } from './i18n.js';
export { apiFetch, ApiError, createApiClient, data } from './api.js';
export type { ApiInit, ApiData } from './api.js';
export { formatRupiah, formatDate } from './format.js';
export type { FormatOptions, FormatDateOptions } from './format.js';
export { coreTranslations } from './translations.js';
export * from './components.js';
export { Shell, HomePage, NotFoundPage, ErrorBoundary } from './shell.js';
export { LoginPage, RegisterPage } from './auth-pages.js';

// Re-exported so modules depend only on @kota-kit/core (one copy of each, matching versions).
export { Link, NavLink, Navigate, Outlet, useParams, useNavigate, useSearchParams, useLocation } from 'react-router';
export { useQuery, useQueries, useMutation, useQueryClient, useInfiniteQuery } from '@tanstack/react-query';
export type { ClientBootstrap, SessionUser } from '../types.js';
export type { Problem, FieldError } from '../problem.js';
export { useOnline } from './online.js';
