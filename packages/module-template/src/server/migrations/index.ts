import type { Migration } from '@kota-kit/core/server';
import notices from './0001_notices.js';

/** In name order; add a new file for every change. */
export const migrations: Migration[] = [notices];
