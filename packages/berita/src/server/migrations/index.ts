import type { Migration } from '@kota-kit/core/server';
import newsroom from './0001_newsroom.js';
import itemImages from './0002_item_images.js';

/** In name order; add a new file for every change. */
export const migrations: Migration[] = [newsroom, itemImages];
