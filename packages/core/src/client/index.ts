/**
 * @kota-kit/core/client — the browser half: app shell, hooks, UI components, translations.
 * Modules import everything they need for the browser from here (router and data hooks included).
 */
export * from './module.js';
export { startClient, createApp, createRoutes, createQueryClient, registerServiceWorker, type AppRoute } from './app.js';
export type { StartClientOptions, CreateAppOptions, KotaKitApp } from './app.js';
export { readBootstrap, useBootstrap, useClientModules, useModuleOptions } from './context.js';
export { useSession, sessionQueryKey } from './session.js';
export type { RegisterInput } from './session.js';
export { createI18n, changeLanguage, loadTranslations, useModuleTranslation, useLanguage, languageStorageKey } from './i18n.js';
export { I18n, I18nProvider, useTranslation, type TFunction } from './translator.js';
export { apiFetch, ApiError } from './api.js';
export type { ApiInit } from './api.js';
export { createApiClient, data } from './api-client.js';
export type { ApiData } from './api-client.js';
export { formatRupiah, formatDate, formatNumber, numberFormat, dateTimeFormat } from './format.js';
export type { FormatOptions, FormatDateOptions } from './format.js';
export { coreTranslations } from './translations.js';
export * from './components.js';
export { defineTranslations, translationKeys, translationKeyDiff } from './typed-translations.js';
export type { TypedTranslations, TypedT, TranslationKey, TranslationValues, TranslationValueNames, SameShape, TranslateOptions, TranslationKeyDiff } from './typed-translations.js';
export { useApiForm, mapFieldErrors, defaultFieldOf } from './form.js';
export type { ApiForm, UseApiFormOptions, FieldName, FieldProps, FormErrors } from './form.js';
export { Icon, iconNames, isIconName } from './icons.js';
export type { IconName, IconProps } from './icons.js';
export { ConfirmDialog } from './confirm-dialog.js';
export type { ConfirmDialogProps } from './confirm-dialog.js';
export { Pager, PagedList } from './paging.js';
export type { PagerProps, PagedListProps, PageNavigation, CursorNavigation } from './paging.js';
export { DataTable } from './data-table.js';
export type { DataTableProps } from './data-table.js';
export { ScrollRow, SubNav, useScrollHint } from './sub-nav.js';
export { useProgressiveList } from './progressive.js';
export type { SubNavProps, SubNavLink } from './sub-nav.js';
export { DateText, dateText, useToday } from './date-text.js';
// Plain date helpers without the schema library: import them from here in browser code, not from '@kota-kit/core'.
export { addDays, daysBetween, isIsoDate, localDate, todayIn } from '../dates.js';
export type { DateTextProps } from './date-text.js';
export { moduleRoles, useModuleRoles } from './roles.js';
export { RegionMap, RegionPointPicker } from './region-map.js';
export { useRegionGeography, withBoundaries } from './region-geography.js';
export type { RegionMapProps, RegionPointPickerProps, MapMarker, MarkerTone } from './region-map.js';
export { mapBox, project as projectOnMap, unproject as unprojectFromMap, insideBounds, boundsAround, kecamatanAt, insideBoundary, distanceMetres } from './geo.js';
export type { LatLng, MapBox, KecamatanMatch } from './geo.js';
export type { Geography, Bounds, MapSettings } from '../region.js';
export { Shell, HomePage, NotFoundPage, ErrorBoundary } from './shell.js';
export { LoginPage, RegisterPage } from './auth-pages.js';

// Re-exported so modules depend only on @kota-kit/core (one copy of each, matching versions).
export { Link, NavLink, Navigate, MemoryRouter, useParams, useNavigate, useSearchParams, useLocation } from './router.js';
export type { AppLocation, LinkProps, NavLinkProps, NavigateOptions } from './router.js';
export { useQueries, useMutation, useQueryClient, useInfiniteQuery } from '@tanstack/react-query';
export { useQuery } from './query.js';
export type { ClientBootstrap, SessionUser, RegionBoundaries } from '../types.js';
export type { Problem, FieldError } from '../problem.js';
export { useOnline } from './online.js';
