import { defineHost } from '@kota-kit/core';
import { testRegion } from '@kota-kit/core/testing';
import { berita, defaultCategories } from '../src/index.js';

/** Core's shared test region with this module: Diskominfo runs the newsroom. */
export const host = defineHost({ region: testRegion, modules: [berita.with({ newsroomAgency: 'diskominfo', categories: defaultCategories, pageSize: 12 })] });

export const accounts = { writer: 'penulis@demo.kotakit.id', editor: 'redaktur@demo.kotakit.id', agencyWriter: 'penulis.dinas@demo.kotakit.id' } as const;
