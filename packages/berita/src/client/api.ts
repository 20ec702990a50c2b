import { createApiClient } from '@kota-kit/core/client';
import type { BeritaApi } from '../server/api.js';

/** The module's API, typed from the server's route definitions (a type-only import: no server code in the browser). */
export const api = createApiClient<BeritaApi>('berita');
