import type { Migration } from '@kota-kit/core/server';
import pencaker from './0001_pencaker.js';

/** In name order; add a new file for every change. */
export const migrations: Migration[] = [pencaker];
