/**
 * The browser's client of harga pasar's API, typed from the server's route definitions (a type-only import:
 * no server code reaches the browser). Answers that are not 2xx are thrown as core's ApiError.
 */
import { createApiClient } from '@kota-kit/core/client';
import type { HargaPasarApi } from '../server/api.js';

export const api = createApiClient<HargaPasarApi>('harga-pasar');

/** Where the open data exports live (plain links, downloaded by the browser itself). */
export const apiBase = '/api/harga-pasar';
